/**
 * What every file of the security suite shares. The whole system, on the SuiteApp's system kit
 * (@nss/suiteapp/system): the Stripe emulator over HTTPS, the SuiteApp in the NetSuite emulator served
 * over HTTP, the proxy twice with the same keys and Enable Webhook checked; with what the suite needs
 * besides: two Stripe accounts for two subsidiaries (so an event of one account's customer can be sent
 * to the other's), every proxy log line captured (pino at `trace`), and every forward the receiving proxy
 * makes to NetSuite counted. Then the suite's fixture (`useSecuritySystem`: two linked customers, their
 * sealed webhook targets and a genuine event of each), the ways to attack it over HTTP, the check that an
 * attack changed nothing downstream (`unchanged`), and the search of every log for every secret the
 * file used (`secretsInLogs`), which each file ends with.
 */
import { createHmac, randomBytes } from "node:crypto";
import { buildEnvelope, type Envelope, serializeForwardRequest } from "@nss/core";
import type { NetSuiteEmulator, NetSuiteServer } from "@nss/netsuite-emulator";
import {
  createForwarder,
  createLogger,
  type Forward,
  openSeal,
  parseSealKeys,
  type RunningProxy,
  type SealedTarget,
  type SealKey,
  seal,
} from "@nss/proxy";
import type { StripeEmulator } from "@nss/stripe-emulator";
import {
  CUSTOMER_FIELDS,
  EVENT_RECORD,
  LINK_RECORD,
  SCRIPTS,
  STRIPE_ACCOUNT_RECORD,
  SYNC_LOG_RECORD,
  WEBHOOK_LOG_RECORD,
} from "@nss/suiteapp/ids";
import { type EmulatorAdmin, EUROPE, MAIN_AND_EUROPE, startSystem } from "@nss/suiteapp/system";
import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

export interface Account {
  /** The Stripe account record's internal ID in NetSuite. */
  recordId: string;
  key: string;
  stripe: Stripe;
}

export interface SecuritySystem {
  stripeEmulator: StripeEmulator;
  ns: NetSuiteEmulator;
  server: NetSuiteServer;
  sealing: RunningProxy;
  receiving: RunningProxy;
  accounts: [Account, Account];
  adminToken: string;
  /** `k1:<base64>`, as PROXY_SEAL_KEYS holds it. */
  sealKey: string;
  /** Every line the two proxies logged. */
  proxyLogs: string[];
  /** Forwards the receiving proxy sent to NetSuite. */
  forwards(): number;
  /** A Stripe emulator switch (`/_emulator/<path>`). */
  admin: EmulatorAdmin;
  close(): Promise<void>;
}

export async function startSecuritySystem(): Promise<SecuritySystem> {
  const stamp = `${Date.now()}${randomBytes(3).toString("hex")}`;
  const keys = [`sk_test_nssSecMain${stamp}`, `sk_test_nssSecEurope${stamp}`] as const;
  const proxyLogs: string[] = [];
  let forwards = 0;
  const logger = createLogger({
    level: "trace",
    destination: {
      write(line: string) {
        proxyLogs.push(line);
      },
    },
  });
  const forwarder = createForwarder();
  const forward: Forward = (options) => {
    forwards += 1;
    return forwarder.forward(options);
  };
  const system = await startSystem({
    stripe: { retryScale: 0.0002, defaultPortalConfiguration: true },
    // The second account's key is an API secret created in the account, as the sandbox does.
    accounts: MAIN_AND_EUROPE.map((a, i) => ({ ...a, key: keys[i] })),
    subsidiaries: [EUROPE],
    proxies: { logLevel: "trace", logger, forward },
    // Enable Webhook, saved as a user would: an endpoint per account, sealed through the HTTPS proxy.
    webhook: true,
    portalReturnUrl: "https://shop.example/account",
  });
  const account = (i: 0 | 1): Account => ({
    recordId: String(system.accounts[i]?.recordId),
    key: keys[i],
    stripe: system.stripeFor(keys[i]),
  });
  return {
    stripeEmulator: system.stripeEmulator,
    ns: system.ns,
    server: system.server,
    sealing: system.sealing,
    receiving: system.receiving,
    accounts: [account(0), account(1)],
    adminToken: system.proxyKeys.adminToken,
    sealKey: system.proxyKeys.sealKey,
    proxyLogs,
    forwards: () => forwards,
    admin: system.admin,
    close: async () => {
      await system.close();
      forwarder.close();
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// The fixture each file opens with useSecuritySystem(): filled in by its beforeAll.

/** The system the file attacks. */
export let sys: SecuritySystem;
/** Account 1's (Main) and account 2's (Europe) sealed webhook targets, as their Stripe endpoints hold them. */
export let ppUrl1: string;
let ppUrl2: string;
export let target1: SealedTarget;
export let target2: SealedTarget;
let keys: SealKey[];
/** Customers in subsidiary 1 (account Main) and 2 (account Europe), linked to Stripe. */
export let c1: { id: number; stripeId: string; portalUrl: string; token: string };
export let c2: { id: number; stripeId: string; portalUrl: string; token: string };
/** A genuine event of c1 (account Main) and of c2 (account Europe), the base of every forged one. */
export let baseEvent1: Record<string, unknown>;
export let baseEvent2: Record<string, unknown>;

/** Every secret the file used, to look for in the logs at its end; and every answer its attacks got. */
const secrets = new Map<string, string>();
const answers: string[] = [];
/** Requests the file's attacks sent to the receiving proxy (it logs one line for each). */
let proxyRequests = 0;
const counts: Record<string, number> = {};
const consoleSpies: { mock: { calls: unknown[][] }; mockRestore(): void }[] = [];

export const count = (category: string) => {
  counts[category] = (counts[category] ?? 0) + 1;
};

export const nowS = () => Math.floor(Date.now() / 1000);
export const sign = (payload: string | Buffer, secret: string, t = nowS()) =>
  `t=${t},v1=${createHmac("sha256", secret).update(`${t}.`).update(payload).digest("hex")}`;
let serial = 0;
/** A fresh event for `base`'s customer (a new ID), as Stripe would send it. */
export const eventBody = (base = baseEvent1, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ ...base, id: `evt_sec${Date.now()}x${serial++}`, created: nowS(), ...extra });

/** What the system holds that an attack must not change. */
export function state(): string {
  const { ns } = sys;
  return JSON.stringify({
    links: ns.data.listRecords(LINK_RECORD.type).map((r) => [r.id, r.values]),
    customers: ns.data
      .listRecords("customer")
      .map((r) => [
        r.id,
        r.values[CUSTOMER_FIELDS.defaultPaymentMethod],
        r.values[CUSTOMER_FIELDS.defaultPaymentMethodId],
      ]),
    syncLog: ns.data.listRecords(SYNC_LOG_RECORD.type).length,
    webhookLog: ns.data.listRecords(WEBHOOK_LOG_RECORD.type).length,
    // An event claim is made only after the signature verified: no attack may leave one.
    events: ns.data.listRecords(EVENT_RECORD.type).map((r) => [r.id, r.values]),
    accounts: ns.data.listRecords(STRIPE_ACCOUNT_RECORD.type).map((r) => [r.id, r.values]),
  });
}

export function portalSessions(): number {
  const { store } = sys.stripeEmulator;
  return store.accounts().reduce((n, a) => n + store.all(a.id, "billing_portal.session").length, 0);
}

export interface Answer {
  status: number;
  text: string;
  location: string | null;
}

export async function post(
  url: string,
  body: string | Uint8Array | ReadableStream<Uint8Array> | undefined,
  headers: Record<string, string> = {},
  method = "POST",
): Promise<Answer> {
  const init: RequestInit & { duplex?: "half" } = { method, headers, redirect: "manual" };
  if (body !== undefined) init.body = body as RequestInit["body"];
  if (body instanceof ReadableStream) init.duplex = "half";
  if (url.startsWith(sys.receiving.url)) proxyRequests += 1;
  const res = await fetch(url, init);
  const text = await res.text();
  answers.push(text.slice(0, 100_000));
  return { status: res.status, text, location: res.headers.get("location") };
}

export const webhookUrl = (pp: string | undefined) =>
  `${sys.receiving.url}/customer-webhook${pp === undefined ? "" : `?pp_url=${encodeURIComponent(pp)}`}`;

/** Posts to the proxy as Stripe would. */
export const toProxy = (
  pp: string | undefined,
  body: string | Uint8Array,
  signature?: string,
  type = "application/json",
) =>
  post(webhookUrl(pp), body, {
    "Content-Type": type,
    ...(signature === undefined ? {} : { "Stripe-Signature": signature }),
  });

/** A ForwardRequest as the proxy builds it, with parts replaced. */
export function forwardRequest(
  payload: string,
  signature: string,
  accountId: string,
  envelope: Partial<Envelope> = {},
): string {
  const built = buildEnvelope(JSON.parse(payload), { accountId });
  if (!built.ok) throw new Error(JSON.stringify(built.errors));
  return serializeForwardRequest({ v: 1, envelope: { ...built.value, ...envelope }, payload, signature });
}

/** Posts straight to the webhook Suitelet's external URL (bypassing the proxy). */
export const toSuitelet = (body: string | Uint8Array, type = "application/json", url = target1.url) =>
  post(url, body, { "Content-Type": type });

export const resultOf = (a: Answer): string => {
  try {
    return String((JSON.parse(a.text) as { result?: unknown }).result);
  } catch {
    return `not JSON (${a.status})`;
  }
};
export const codeOf = (a: Answer): string => {
  try {
    return String((JSON.parse(a.text) as { error?: { code?: unknown } }).error?.code);
  } catch {
    return `not JSON (${a.status})`;
  }
};

/** Runs an attack and checks that nothing downstream moved: no forward, no record, no portal session. */
export async function unchanged<T>(
  attack: () => Promise<T>,
  options: { forwarded?: number } = {},
): Promise<T> {
  await sys.admin("webhooks/flush");
  const before = { state: state(), forwards: sys.forwards(), sessions: portalSessions() };
  const result = await attack();
  expect(sys.forwards() - before.forwards).toBe(options.forwarded ?? 0);
  expect(state()).toBe(before.state);
  expect(portalSessions()).toBe(before.sessions);
  return result;
}

function customerOf(id: number) {
  const values = sys.ns.data.loadRecord("customer", id, false).values;
  const portalUrl = String(values[CUSTOMER_FIELDS.portalLink] ?? "");
  return {
    id,
    stripeId: String(values[CUSTOMER_FIELDS.stripeCustomerId] ?? ""),
    portalUrl,
    token: new URL(portalUrl).searchParams.get("t") ?? "",
  };
}

/**
 * A genuine event to copy: the customer's default card set in Stripe (the Suitelet ignores events that
 * leave the default payment method alone, so a genuine one must change it).
 */
async function baseEventOf(stripeIndex: 0 | 1, stripeId: string): Promise<Record<string, unknown>> {
  const { stripe } = sys.accounts[stripeIndex];
  const pm = await stripe.paymentMethods.attach("pm_card_visa", { customer: stripeId });
  await stripe.customers.update(stripeId, { invoice_settings: { default_payment_method: pm.id } });
  const events = await stripe.events.list({ type: "customer.updated", limit: 100 });
  const event = events.data.find(
    (e) =>
      (e.data.object as { id?: string }).id === stripeId &&
      (e.data.previous_attributes as { invoice_settings?: unknown } | undefined)?.invoice_settings !==
        undefined,
  );
  expect(event).toBeDefined();
  return JSON.parse(JSON.stringify(event)) as Record<string, unknown>;
}

export function buildEnvelopeOf(body: string): Envelope {
  const built = buildEnvelope(JSON.parse(body), { accountId: target1.account });
  if (!built.ok) throw new Error("not an event");
  return built.value;
}

/** Seals with the proxy's own key, recording the value as a secret to look for in the logs. */
export function sealed(target: SealedTarget, with_: SealKey[] = keys): string {
  const value = seal(target, with_);
  secrets.set(`sealed value ${secrets.size}`, value);
  return value;
}

/** `t` with its last hexadecimal digit changed: a near miss of a token. */
export const flipLast = (t: string) => `${t.slice(0, -1)}${t.endsWith("0") ? "1" : "0"}`;

/**
 * Starts the system before the file's tests (two customers saved in subsidiaries 1 and 2 and linked, each
 * account's sealed webhook target read from its Stripe endpoint, a genuine event of each customer, every
 * secret noted) and closes it after them; console output is recorded for the search of secrets.
 */
export function useSecuritySystem(): void {
  beforeAll(async () => {
    for (const method of ["log", "info", "warn", "error", "debug"] as const) {
      consoleSpies.push(vi.spyOn(console, method));
    }
    sys = await startSecuritySystem();
    const sealKeys = parseSealKeys(sys.sealKey);
    if (!sealKeys.ok) throw new Error(sealKeys.message);
    keys = sealKeys.value;
    const { ns } = sys;
    const save = (values: Record<string, string>) =>
      ns.saveAsUser({ type: "customer", id: null, isDynamic: false, values });
    c1 = customerOf(await save({ subsidiary: "1", companyname: "Secure Ltd", email: "secure@example.com" }));
    c2 = customerOf(await save({ subsidiary: "2", companyname: "Sicher GmbH", email: "sicher@example.com" }));
    expect(c1.stripeId).toMatch(/^cus_/);
    expect(c2.stripeId).toMatch(/^cus_/);
    expect(c1.token).toMatch(/^[0-9a-f]{64}$/);

    const accountRecords = ns.data.listRecords(STRIPE_ACCOUNT_RECORD.type);
    const endpointUrl = async (i: 0 | 1) => {
      const values = accountRecords.find((r) => String(r.id) === sys.accounts[i].recordId)?.values ?? {};
      const endpoint = await sys.accounts[i].stripe.webhookEndpoints.retrieve(
        String(values[STRIPE_ACCOUNT_RECORD.webhook.endpointId]),
      );
      secrets.set(
        `webhook signing secret of account ${i + 1}`,
        String(values[STRIPE_ACCOUNT_RECORD.webhook.secret]),
      );
      return new URL(endpoint.url).searchParams.get("pp_url") ?? "";
    };
    ppUrl1 = await endpointUrl(0);
    ppUrl2 = await endpointUrl(1);
    const open = (pp: string) => {
      const opened = openSeal(pp, keys);
      if (!opened.ok) throw new Error(opened.message);
      return opened.value;
    };
    target1 = open(ppUrl1);
    target2 = open(ppUrl2);
    expect(target1.secret).toMatch(/^whsec_/);
    expect(target1.account).toBe(sys.accounts[0].recordId);
    expect(target2.account).toBe(sys.accounts[1].recordId);
    expect(target1.url.startsWith(sys.server.formsUrl)).toBe(true);

    baseEvent1 = await baseEventOf(0, c1.stripeId);
    baseEvent2 = await baseEventOf(1, c2.stripeId);
    await sys.admin("webhooks/flush");

    secrets.set("Stripe key of account 1", sys.accounts[0].key);
    secrets.set("Stripe key of account 2", sys.accounts[1].key);
    secrets.set("proxy admin token", sys.adminToken);
    secrets.set("seal key", sys.sealKey.split(":")[1] ?? "");
    secrets.set("pp_url of account 1", ppUrl1);
    secrets.set("pp_url of account 2", ppUrl2);
    secrets.set("webhook Suitelet ns-at", new URL(target1.url).searchParams.get("ns-at") ?? "");
    secrets.set("portal Suitelet ns-at", new URL(c1.portalUrl).searchParams.get("ns-at") ?? "");
    secrets.set("portal token of c1", c1.token);
    secrets.set("portal token of c2", c2.token);
    // The near misses guessed below hold one half or the other: "refused tokens are not logged".
    secrets.set("portal token of c1, first half", c1.token.slice(0, 32));
    secrets.set("portal token of c1, second half", c1.token.slice(32));
  }, 120_000);

  afterAll(async () => {
    for (const spy of consoleSpies) spy.mockRestore();
    await sys?.close();
  });
}

/** The file's last test: no secret it used is in any log line, log record or answer its attacks got. */
export function secretsInLogs(): void {
  describe("secrets in logs", () => {
    it("no secret is in any log line, log record or answer the suite produced", async () => {
      await sys.admin("webhooks/flush");
      const { ns } = sys;
      const deliveries = [] as unknown[];
      for (const a of sys.accounts) {
        const { data } = (await sys.admin("deliveries", { method: "GET", key: a.key })) as {
          data: Record<string, unknown>[];
        };
        // A delivery names its endpoint's URL, which Stripe holds by design (the pp_url is made for it);
        // finding it there shows the search works.
        expect(data.some((d) => String(d.url).includes(a === sys.accounts[0] ? ppUrl1 : ppUrl2))).toBe(true);
        deliveries.push(...data.map(({ url: _url, ...rest }) => rest));
      }
      const sources: Record<string, string[]> = {
        "proxy log": sys.proxyLogs,
        "NetSuite execution log": ns.log.list().map((e) => JSON.stringify(e)),
        "Stripe deliveries": deliveries.map((d) => JSON.stringify(d)),
        "sync log records": ns.data.listRecords(SYNC_LOG_RECORD.type).map((r) => JSON.stringify(r.values)),
        "webhook log records": ns.data
          .listRecords(WEBHOOK_LOG_RECORD.type)
          .map((r) => JSON.stringify(r.values)),
        console: consoleSpies.flatMap((s) => s.mock.calls.map((c) => c.map(String).join(" "))),
        "answers to the attacks": answers,
      };
      // The search has material: the proxy logged the setup's deliveries and a line for each request the
      // file's attacks sent it; NetSuite logged the setup's scripts and whatever the attacks reached.
      expect(sys.proxyLogs.length).toBeGreaterThan(proxyRequests);
      expect(ns.log.list().length).toBeGreaterThan(0);
      const leaks: string[] = [];
      for (const [source, lines] of Object.entries(sources)) {
        count("secrets in logs");
        for (const [name, value] of secrets) {
          expect(value.length).toBeGreaterThanOrEqual(16);
          // Case-insensitive: an upper-cased guess logged would still give the token away.
          const needle = value.toLowerCase();
          if (lines.some((l) => l.toLowerCase().includes(needle))) leaks.push(`${name} in ${source}`);
        }
      }
      // Nor the webhook Suitelet's URL with its token, in any encoding a logger might use.
      for (const [source, lines] of Object.entries(sources)) {
        if (source === "answers to the attacks") continue;
        if (lines.some((l) => l.includes(SCRIPTS.webhookSuitelet.scriptId) && l.includes("ns-at")))
          leaks.push(`webhook Suitelet URL in ${source}`);
      }
      expect(leaks).toEqual([]);
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      const parts = Object.entries(counts).map(([k, v]) => `${k} ${v}`);
      console.log(
        `security: ${total} cases — ${parts.join(", ")} (${secrets.size} secrets searched in ${Object.keys(sources).length} sources, ${leaks.length} leaks)`,
      );
    });
  });
}
