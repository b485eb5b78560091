/**
 * The security suite (issue 9): the whole system over HTTP — the Stripe emulator, the webhook proxy,
 * the SuiteApp's Suitelets on the NetSuite emulator's forms domain — attacked case by case. Each case
 * asserts the refusal AND that nothing changed downstream: no forward reached NetSuite, no record was
 * written, no Stripe billing portal session was made. The last test reads every log line and record
 * the suite produced and looks for every secret it used.
 */

import { createHmac, randomBytes } from "node:crypto";
import { buildEnvelope, type Envelope, serializeForwardRequest } from "@nss/core";
import { openSeal, parseSealKeys, type SealedTarget, type SealKey, seal } from "@nss/proxy";
import {
  CUSTOMER_FIELDS,
  EVENT_RECORD,
  LINK_RECORD,
  SCRIPTS,
  STRIPE_ACCOUNT_RECORD,
  SYNC_LOG_RECORD,
  WEBHOOK_LOG_RECORD,
} from "@nss/suiteapp/ids";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type SecuritySystem, startSecuritySystem } from "./system.js";

const INVALID_PAGE = "This link is not valid. Please ask us for a new one.";

let sys: SecuritySystem;
/** Account 1's (Main) and account 2's (Europe) sealed webhook targets, as their Stripe endpoints hold them. */
let ppUrl1: string;
let ppUrl2: string;
let target1: SealedTarget;
let target2: SealedTarget;
let keys: SealKey[];
/** Customers in subsidiary 1 (account Main) and 2 (account Europe), linked to Stripe. */
let c1: { id: number; stripeId: string; portalUrl: string; token: string };
let c2: { id: number; stripeId: string; portalUrl: string; token: string };
/** A real customer.created event of c1 (account Main), the base of every forged one. */
let baseEvent1: Record<string, unknown>;
let baseEvent2: Record<string, unknown>;

/** Every secret the suite used, to look for in the logs at the end; and every answer the attacks got. */
const secrets = new Map<string, string>();
const answers: string[] = [];
const counts: Record<string, number> = {};
const consoleSpies: { mock: { calls: unknown[][] }; mockRestore(): void }[] = [];

const count = (category: string) => {
  counts[category] = (counts[category] ?? 0) + 1;
};

const nowS = () => Math.floor(Date.now() / 1000);
const sign = (payload: string | Buffer, secret: string, t = nowS()) =>
  `t=${t},v1=${createHmac("sha256", secret).update(`${t}.`).update(payload).digest("hex")}`;
let serial = 0;
/** A fresh event for `base`'s customer (a new ID), as Stripe would send it. */
const eventBody = (base = baseEvent1, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ ...base, id: `evt_sec${Date.now()}x${serial++}`, created: nowS(), ...extra });

/** What the system holds that an attack must not change. */
function state(): string {
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

function portalSessions(): number {
  const { store } = sys.stripeEmulator;
  return store.accounts().reduce((n, a) => n + store.all(a.id, "billing_portal.session").length, 0);
}

interface Answer {
  status: number;
  text: string;
  location: string | null;
}

async function post(
  url: string,
  body: string | Uint8Array | ReadableStream<Uint8Array> | undefined,
  headers: Record<string, string> = {},
  method = "POST",
): Promise<Answer> {
  const init: RequestInit & { duplex?: "half" } = { method, headers, redirect: "manual" };
  if (body !== undefined) init.body = body as RequestInit["body"];
  if (body instanceof ReadableStream) init.duplex = "half";
  const res = await fetch(url, init);
  const text = await res.text();
  answers.push(text.slice(0, 100_000));
  return { status: res.status, text, location: res.headers.get("location") };
}

const webhookUrl = (pp: string | undefined) =>
  `${sys.receiving.url}/customer-webhook${pp === undefined ? "" : `?pp_url=${encodeURIComponent(pp)}`}`;

/** Posts to the proxy as Stripe would. */
const toProxy = (
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
function forwardRequest(
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
const toSuitelet = (body: string | Uint8Array, type = "application/json", url = target1.url) =>
  post(url, body, { "Content-Type": type });

const resultOf = (a: Answer): string => {
  try {
    return String((JSON.parse(a.text) as { result?: unknown }).result);
  } catch {
    return `not JSON (${a.status})`;
  }
};
const codeOf = (a: Answer): string => {
  try {
    return String((JSON.parse(a.text) as { error?: { code?: unknown } }).error?.code);
  } catch {
    return `not JSON (${a.status})`;
  }
};

/** Runs an attack and checks that nothing downstream moved: no forward, no record, no portal session. */
async function unchanged<T>(attack: () => Promise<T>, options: { forwarded?: number } = {}): Promise<T> {
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

describe("controls: the genuine path works, so each refusal below is the attack's", () => {
  it("a correctly signed event through the proxy is applied; the real portal token opens a session", async () => {
    const body = eventBody();
    const res = await toProxy(ppUrl1, body, sign(body, target1.secret));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toMatchObject({ received: true, result: "applied" });
    const before = portalSessions();
    const visit = await post(c1.portalUrl, undefined, {}, "GET");
    expect(visit.status).toBe(302);
    expect(portalSessions()).toBe(before + 1);
  });

  it("a fresh seal made with the proxy's own seal() and key opens and forwards (so the pp_url refusals are the tampering's)", async () => {
    const body = eventBody();
    const res = await toProxy(sealed(target1), body, sign(body, target1.secret));
    expect(JSON.parse(res.text)).toMatchObject({ received: true, result: "applied" });
  });

  it("the no-change check is not vacuous: it fails on a genuine event and on a genuine portal visit", async () => {
    const body = eventBody();
    await expect(unchanged(() => toProxy(ppUrl1, body, sign(body, target1.secret)))).rejects.toThrow();
    await expect(unchanged(() => post(c1.portalUrl, undefined, {}, "GET"))).rejects.toThrow();
  });
});

describe("forged webhooks", () => {
  const other = `whsec_${randomBytes(24).toString("base64url")}`;
  const cases: [
    string,
    () => Promise<Answer>,
    { status: number; code?: string; result?: string; why?: RegExp },
  ][] = [
    [
      "signed with a wrong secret",
      () => {
        const body = eventBody();
        return toProxy(ppUrl1, body, sign(body, other));
      },
      { status: 400, code: "signature_invalid" },
    ],
    [
      "no Stripe-Signature header",
      () => toProxy(ppUrl1, eventBody()),
      { status: 400, code: "signature_missing" },
    ],
    [
      "an empty Stripe-Signature header",
      () => toProxy(ppUrl1, eventBody(), ""),
      { status: 400, code: "signature_missing" },
    ],
    [
      "a signature over another body",
      () => toProxy(ppUrl1, eventBody(), sign(eventBody(), target1.secret)),
      { status: 400, code: "signature_invalid" },
    ],
    [
      "a v0-only header (the legacy scheme, right secret)",
      () => {
        const body = eventBody();
        return toProxy(ppUrl1, body, sign(body, target1.secret).replace("v1=", "v0="));
      },
      { status: 400, code: "signature_invalid" },
    ],
    [
      "a v1 signature made with account 2's secret, at account 1's pp_url",
      () => {
        const body = eventBody();
        return toProxy(ppUrl1, body, sign(body, target2.secret));
      },
      { status: 400, code: "signature_invalid" },
    ],
    [
      "an event of account 2's customer, signed with account 1's secret (at the proxy)",
      () => {
        const body = eventBody(baseEvent2);
        return toProxy(ppUrl1, body, sign(body, target1.secret));
      },
      // Genuinely signed, so the proxy forwards it; NetSuite applies nothing: no link of account 1 has it.
      { status: 200, result: "ignored" },
    ],
    [
      "straight to the Suitelet: envelope naming another customer than the signed payload",
      () => {
        const body = eventBody();
        return toSuitelet(
          forwardRequest(body, sign(body, target1.secret), target1.account, {
            customer: { ...(buildEnvelopeOf(body).customer ?? {}), id: c2.stripeId } as Envelope["customer"],
          }),
        );
      },
      { status: 200, result: "refused", why: /does not describe the event in the payload/ },
    ],
    [
      "straight to the Suitelet: envelope with another event ID than the signed payload",
      () => {
        const body = eventBody();
        return toSuitelet(
          forwardRequest(body, sign(body, target1.secret), target1.account, { eventId: "evt_other" }),
        );
      },
      { status: 200, result: "refused", why: /does not describe the event in the payload/ },
    ],
    [
      "straight to the Suitelet: envelope naming account 2, signed with account 1's secret",
      () => {
        const body = eventBody(baseEvent2);
        return toSuitelet(forwardRequest(body, sign(body, target1.secret), target2.account));
      },
      { status: 200, result: "refused", why: /No signature in the Stripe-Signature header matches/ },
    ],
    [
      "straight to the Suitelet: signed with a wrong secret",
      () => {
        const body = eventBody();
        return toSuitelet(forwardRequest(body, sign(body, other), target1.account));
      },
      { status: 200, result: "refused", why: /No signature in the Stripe-Signature header matches/ },
    ],
    [
      "straight to the Suitelet: a v0-only signature",
      () => {
        const body = eventBody();
        return toSuitelet(
          forwardRequest(body, sign(body, target1.secret).replace("v1=", "v0="), target1.account),
        );
      },
      { status: 200, result: "refused", why: /has no v1 signature/ },
    ],
    [
      "a valid signature and seal, but an unknown account record ID (999)",
      () => {
        const body = eventBody();
        return toProxy(sealed({ ...target1, account: "999" }), body, sign(body, target1.secret));
      },
      { status: 400, code: "netsuite_refused" },
    ],
    [
      "a valid signature and seal, but an account record ID that is not a number",
      () => {
        const body = eventBody();
        return toProxy(sealed({ ...target1, account: "1 OR 1=1" }), body, sign(body, target1.secret));
      },
      { status: 400, code: "netsuite_refused" },
    ],
    [
      "straight to the Suitelet: a valid signature, unknown account record ID",
      () => {
        const body = eventBody();
        return toSuitelet(forwardRequest(body, sign(body, target1.secret), "4242"));
      },
      { status: 200, result: "refused", why: /Stripe account record 4242 is not an active account/ },
    ],
  ];
  it.each(cases)("%s", async (_name, attack, expected) => {
    count("webhook forgery");
    const forwarded = expected.code === "netsuite_refused" || expected.result === "ignored" ? 1 : 0;
    const res = await unchanged(attack, { forwarded });
    expect(res.status).toBe(expected.status);
    if (expected.code) expect(codeOf(res)).toBe(expected.code);
    if (expected.result && res.status === 200 && expected.code === undefined) {
      // Through the proxy: `{ received, result }`; straight at the Suitelet: `{ result, message }`.
      expect(resultOf(res)).toBe(expected.result);
    }
    if (expected.why) expect((JSON.parse(res.text) as { message: string }).message).toMatch(expected.why);
  });
});

function buildEnvelopeOf(body: string): Envelope {
  const built = buildEnvelope(JSON.parse(body), { accountId: target1.account });
  if (!built.ok) throw new Error("not an event");
  return built.value;
}

/** Seals with the proxy's own key, recording the value as a secret to look for in the logs. */
function sealed(target: SealedTarget, with_: SealKey[] = keys): string {
  const value = seal(target, with_);
  secrets.set(`sealed value ${secrets.size}`, value);
  return value;
}

describe("replayed webhooks", () => {
  const cases: [
    string,
    () => Promise<Answer>,
    { status: number; code?: string; result?: string; why?: RegExp },
  ][] = [
    [
      "at the proxy: a timestamp 301 s old",
      () => {
        const body = eventBody();
        return toProxy(ppUrl1, body, sign(body, target1.secret, nowS() - 301));
      },
      { status: 400, code: "signature_expired" },
    ],
    [
      "at the proxy: a timestamp a day old",
      () => {
        const body = eventBody();
        return toProxy(ppUrl1, body, sign(body, target1.secret, nowS() - 86_400));
      },
      { status: 400, code: "signature_expired" },
    ],
    [
      "at the proxy: a timestamp 10 minutes in the future",
      () => {
        const body = eventBody();
        return toProxy(ppUrl1, body, sign(body, target1.secret, nowS() + 600));
      },
      { status: 400, code: "signature_expired" },
    ],
    [
      "straight to the Suitelet: a timestamp 301 s old",
      () => {
        const body = eventBody();
        return toSuitelet(forwardRequest(body, sign(body, target1.secret, nowS() - 301), target1.account));
      },
      { status: 200, result: "refused", why: /more than 300 s from now/ },
    ],
    [
      "straight to the Suitelet: a timestamp 10 minutes in the future",
      () => {
        const body = eventBody();
        return toSuitelet(forwardRequest(body, sign(body, target1.secret, nowS() + 600), target1.account));
      },
      { status: 200, result: "refused", why: /more than 300 s from now/ },
    ],
  ];
  it.each(cases)("%s", async (_name, attack, expected) => {
    count("replay");
    const res = await unchanged(attack);
    expect(res.status).toBe(expected.status);
    if (expected.code) expect(codeOf(res)).toBe(expected.code);
    if (expected.result) expect(resultOf(res)).toBe(expected.result);
    if (expected.why) expect((JSON.parse(res.text) as { message: string }).message).toMatch(expected.why);
  });

  it("the same event delivered four times (three through the proxy, once straight to the Suitelet) is applied once", async () => {
    count("replay");
    const body = eventBody();
    const eventId = (JSON.parse(body) as { id: string }).id;
    const first = await toProxy(ppUrl1, body, sign(body, target1.secret));
    expect(JSON.parse(first.text)).toMatchObject({ result: "applied" });
    const after = state();
    for (const t of [nowS(), nowS() - 5]) {
      const again = await unchanged(() => toProxy(ppUrl1, body, sign(body, target1.secret, t)), {
        forwarded: 1,
      });
      expect(again.status).toBe(200);
      expect(JSON.parse(again.text)).toMatchObject({ result: "ignored" });
    }
    // Straight at the Suitelet too.
    const direct = await unchanged(() =>
      toSuitelet(forwardRequest(body, sign(body, target1.secret), target1.account)),
    );
    expect(resultOf(direct)).toBe("ignored");
    expect(state()).toBe(after);
    const outcomes = sys.proxyLogs
      .map((l) => JSON.parse(l) as { eventId?: string; outcome?: string })
      .filter((l) => l.eventId === eventId)
      .map((l) => l.outcome);
    expect(outcomes).toEqual(["applied", "ignored", "ignored"]);
  });
});

describe("pp_url", () => {
  const flip = (pp: string, where: "iv" | "ciphertext" | "tag") => {
    const [v, kid, data] = pp.split(".") as [string, string, string];
    const bytes = Buffer.from(data, "base64url");
    const at = where === "iv" ? 3 : where === "tag" ? bytes.length - 2 : 12 + 7;
    bytes[at] = (bytes[at] ?? 0) ^ 0x01;
    return `${v}.${kid}.${bytes.toString("base64url")}`;
  };
  const base = () => new URL(sys.server.formsUrl);
  const retarget = (url: string) => {
    const u = new URL(target1.url);
    return `${url}${u.pathname}${u.search}`;
  };
  const otherKey = (kid: string): SealKey[] => [{ kid, key: randomBytes(32) }];
  const cases: [string, () => string | undefined, string][] = [
    [
      "kid changed to one the proxy does not hold",
      () => ppUrl1.replace(/^v1\.k1\./, "v1.k2."),
      "seal_unknown_key",
    ],
    ["kid with an invalid character", () => ppUrl1.replace(/^v1\.k1\./, "v1.k!."), "seal_malformed"],
    ["version changed", () => ppUrl1.replace(/^v1\./, "v2."), "seal_malformed"],
    ["one IV bit flipped", () => flip(ppUrl1, "iv"), "seal_invalid"],
    ["one ciphertext bit flipped", () => flip(ppUrl1, "ciphertext"), "seal_invalid"],
    ["one tag bit flipped", () => flip(ppUrl1, "tag"), "seal_invalid"],
    ["truncated by 8 characters", () => ppUrl1.slice(0, -8), "seal_invalid"],
    ["truncated to IV and tag length", () => ppUrl1.slice(0, 6 + 37), "seal_invalid"],
    ["only the prefix", () => "v1.k1.", "seal_malformed"],
    ["over 4096 characters", () => `${ppUrl1}${"A".repeat(4100)}`, "seal_malformed"],
    ["sealed with another key under the same kid", () => sealed(target1, otherKey("k1")), "seal_invalid"],
    ["sealed with another proxy's key and kid", () => sealed(target1, otherKey("k7")), "seal_unknown_key"],
    [
      "a foreign host (https://evil.example.com)",
      () => sealed({ ...target1, url: "https://evil.example.com/app/site/hosting/scriptlet.nl?script=1" }),
      "target_not_allowed",
    ],
    [
      "NetSuite's own default host pattern, not an allowed target here",
      () =>
        sealed({ ...target1, url: "https://1234567.extforms.netsuite.com/app/site/hosting/scriptlet.nl" }),
      "target_not_allowed",
    ],
    [
      "https instead of the allowed http",
      () => sealed({ ...target1, url: retarget(`https://${base().host}`) }),
      "target_not_allowed",
    ],
    [
      "the allowed host with userinfo",
      () => sealed({ ...target1, url: retarget(`http://user:pass@${base().host}`) }),
      "target_not_allowed",
    ],
    [
      "userinfo that looks like the allowed host (http://127.0.0.1:port@evil.example.com)",
      () => sealed({ ...target1, url: retarget(`http://${base().host}@evil.example.com`) }),
      "target_not_allowed",
    ],
    [
      "the allowed host on another port (NetSuite's app domain)",
      () => sealed({ ...target1, url: retarget(sys.server.appUrl) }),
      "target_not_allowed",
    ],
    [
      "the allowed host as a subdomain prefix (127.0.0.1.evil.example.com)",
      () =>
        sealed({ ...target1, url: retarget(`http://${base().hostname}.evil.example.com:${base().port}`) }),
      "target_not_allowed",
    ],
    [
      "localhost instead of 127.0.0.1",
      () => sealed({ ...target1, url: retarget(`http://localhost:${base().port}`) }),
      "target_not_allowed",
    ],
    ["missing", () => undefined, "seal_missing"],
    ["empty", () => "", "seal_missing"],
  ];
  it.each(cases)("%s", async (_name, make, code) => {
    count("pp_url");
    const pp = make();
    const body = eventBody();
    const res = await unchanged(() => toProxy(pp, body, sign(body, target1.secret)));
    expect(res.status).toBe(400);
    expect(codeOf(res)).toBe(code);
  });

  const sealCases: [string, () => string | undefined, () => unknown, number, string][] = [
    ["POST /seal without the admin token", () => undefined, () => target1, 401, "unauthorized"],
    [
      "POST /seal with a wrong admin token",
      () => `Bearer ${randomBytes(24).toString("base64url")}`,
      () => target1,
      401,
      "unauthorized",
    ],
    [
      "POST /seal with the admin token minus its last character",
      () => `Bearer ${sys.adminToken.slice(0, -1)}`,
      () => target1,
      401,
      "unauthorized",
    ],
    [
      "POST /seal with the admin token as Basic auth",
      () => `Basic ${Buffer.from(`${sys.adminToken}:`).toString("base64")}`,
      () => target1,
      401,
      "unauthorized",
    ],
    [
      "POST /seal with the admin token but a foreign host",
      () => `Bearer ${sys.adminToken}`,
      () => ({ ...target1, url: "https://evil.example.com/app/site/hosting/scriptlet.nl" }),
      400,
      "target_not_allowed",
    ],
    [
      "POST /seal with the admin token but the allowed host with userinfo",
      () => `Bearer ${sys.adminToken}`,
      () => ({ ...target1, url: target1.url.replace("http://", "http://user:pass@") }),
      400,
      "target_not_allowed",
    ],
  ];
  it.each(sealCases)("%s", async (_name, auth, body, status, code) => {
    count("pp_url");
    const authorization = auth();
    const res = await unchanged(() =>
      post(`${sys.receiving.url}/seal`, JSON.stringify(body()), {
        "Content-Type": "application/json",
        ...(authorization ? { Authorization: authorization } : {}),
      }),
    );
    expect([res.status, codeOf(res)]).toEqual([status, code]);
    expect(res.text).not.toContain("v1.k1.");
  });
});

describe("token guessing", () => {
  const visitWith = (t: string | undefined, method = "GET") => {
    const url = new URL(c1.portalUrl);
    if (t === undefined) url.searchParams.delete("t");
    else url.searchParams.set("t", t);
    return post(
      url.href,
      method === "POST" ? "t=x" : undefined,
      method === "POST"
        ? {
            "Content-Type": "application/x-www-form-urlencoded",
          }
        : {},
      method,
    );
  };
  const hex = () => randomBytes(32).toString("hex");
  const flipLast = (t: string) => `${t.slice(0, -1)}${t.endsWith("0") ? "1" : "0"}`;
  const portalCases: [string, () => string | undefined, string?][] = [
    ["a random token", hex],
    ["another random token", hex],
    ["a third random token", hex],
    ["the real token with its last digit changed", () => flipLast(c1.token)],
    [
      "the real token with its first digit changed",
      () => `${c1.token.startsWith("0") ? "1" : "0"}${c1.token.slice(1)}`,
    ],
    ["the real token's first 63 digits", () => c1.token.slice(0, 63)],
    ["the real token's first 32 digits", () => c1.token.slice(0, 32)],
    ["the real token's last 63 digits", () => c1.token.slice(1)],
    ["the real token and one more digit", () => `${c1.token}0`],
    ["the real token twice", () => c1.token.repeat(2)],
    ["the real token upper-cased", () => c1.token.toUpperCase()],
    ["the real token with one letter upper-cased", () => c1.token.replace(/[a-f]/, (m) => m.toUpperCase())],
    ["the customer's internal ID", () => String(c1.id)],
    ["the Stripe customer ID", () => c1.stripeId],
    ["the other customer's token with its last digit changed", () => flipLast(c2.token)],
    ["empty", () => ""],
    ["missing", () => undefined],
    ["very long (10 000 characters)", () => "a".repeat(10_000)],
    ["SQL injection", () => "' OR '1'='1"],
    ["SQL injection with a comment", () => `${"0".repeat(60)}' --`],
    [
      "SQL UNION",
      () => "1' UNION SELECT custrecord_nss_link_portal_token FROM customrecord_nss_customer_link --",
    ],
    ["a LIKE wildcard", () => "%"],
    ["64 LIKE wildcards", () => "_".repeat(64)],
    ["script injection", () => "<script>alert(1)</script>"],
    ["template injection", () => ["$", "{7*7}{{7*7}}<%= 7*7 %>"].join("")],
    ["a JSON object", () => '{"$ne":null}'],
    ["the real token and a NUL byte", () => `${c1.token}\u0000`],
    ["the real token and a newline", () => `${c1.token}\n${hex()}`],
    ["the real token POSTed (the link is GET only)", () => c1.token, "POST"],
  ];
  it.each(portalCases)("portal Suitelet: %s", async (_name, make, method = "GET") => {
    count("token guessing");
    const t = make();
    const res = await unchanged(() => visitWith(t, method));
    expect(res.status).toBe(200);
    expect(res.location).toBeNull();
    expect(res.text).toContain(INVALID_PAGE);
    expect(res.text).not.toContain(c1.stripeId);
    expect(res.text).not.toContain(c1.token);
  });

  it("portal Suitelet: a near miss of the real token takes about as long as a random guess", async () => {
    count("token guessing");
    const time = async (t: () => string) => {
      const ms: number[] = [];
      for (let i = 0; i < 7; i++) {
        const started = performance.now();
        await visitWith(t());
        ms.push(performance.now() - started);
      }
      return ms.sort((a, b) => a - b)[3] ?? 0;
    };
    const before = portalSessions();
    const random = await time(hex);
    const nearMiss = await time(() => flipLast(c1.token));
    expect(portalSessions()).toBe(before);
    console.log(
      `security: portal timing, median of 7 — random ${random.toFixed(1)} ms, near miss ${nearMiss.toFixed(1)} ms`,
    );
    // Lenient on purpose: the suite shares the machine with other tests; a real leak would be a
    // systematic difference (a second search, a Stripe call), many times the noise.
    expect(Math.abs(random - nearMiss)).toBeLessThan(Math.max(40, Math.min(random, nearMiss)));
  });

  const ext = () => new URL(target1.url);
  const nsAt = () => ext().searchParams.get("ns-at") ?? "";
  const withParams = (change: (p: URLSearchParams) => void) => {
    const u = ext();
    change(u.searchParams);
    return u.href;
  };
  const portalNsAt = () => new URL(c1.portalUrl).searchParams.get("ns-at") ?? "";
  const urlCases: [string, () => string][] = [
    ["without ns-at", () => withParams((p) => p.delete("ns-at"))],
    ["with an empty ns-at", () => withParams((p) => p.set("ns-at", ""))],
    ["with a wrong ns-at of the same length", () => withParams((p) => p.set("ns-at", flipLast(nsAt())))],
    ["with ns-at upper-cased", () => withParams((p) => p.set("ns-at", nsAt().toUpperCase()))],
    ["with the portal Suitelet's ns-at", () => withParams((p) => p.set("ns-at", portalNsAt()))],
    [
      "with a wrong h (the older token parameter)",
      () =>
        withParams((p) => {
          p.delete("ns-at");
          p.set("h", flipLast(nsAt()));
        }),
    ],
    ["without compid", () => withParams((p) => p.delete("compid"))],
    ["with another compid", () => withParams((p) => p.set("compid", "TSTDRV0000000"))],
  ];
  it.each(urlCases)(
    "webhook Suitelet's external URL %s: the NetSuite emulator refuses",
    async (_name, make) => {
      count("token guessing");
      const body = eventBody();
      const url = make();
      expect(url).not.toBe(target1.url);
      const res = await unchanged(() =>
        toSuitelet(
          forwardRequest(body, sign(body, target1.secret), target1.account),
          "application/json",
          url,
        ),
      );
      expect(res.status).toBe(403);
      expect(res.text).not.toContain('"result"');
    },
  );

  const junk: [string, () => string][] = [
    ["an empty body", () => ""],
    ["null", () => "null"],
    ["an array", () => "[]"],
    ["an empty object", () => "{}"],
    ["version 2", () => '{"v":2}'],
    ["plain text", () => "hello NetSuite"],
    ["a Stripe event instead of a ForwardRequest", () => eventBody()],
    [
      "a ForwardRequest with an extra field",
      () => {
        const body = eventBody();
        return forwardRequest(body, sign(body, target1.secret), target1.account).replace(
          /}$/,
          ',"admin":true}',
        );
      },
    ],
    [
      "a version 2 request with an extra field",
      () => {
        const body = eventBody();
        return JSON.stringify({
          v: 2,
          account: target1.account,
          payload: body,
          signature: sign(body, target1.secret),
          envelope: buildEnvelopeOf(body),
        });
      },
    ],
    [
      "a version 2 request whose payload was altered after signing",
      () => {
        const body = eventBody();
        const signature = sign(body, target1.secret);
        return JSON.stringify({
          v: 2,
          account: target1.account,
          payload: body.replace("cus_", "cus_X"),
          signature,
        });
      },
    ],
    [
      "a version 2 request signed with another account's secret",
      () => {
        const body = eventBody();
        return JSON.stringify({
          v: 2,
          account: target1.account,
          payload: body,
          signature: sign(body, "whsec_notTheAccounts"),
        });
      },
    ],
    [
      "a version 2 request naming an account record that is not the sync's",
      () => {
        const body = eventBody();
        return JSON.stringify({
          v: 2,
          account: "99999",
          payload: body,
          signature: sign(body, target1.secret),
        });
      },
    ],
    [
      "a ForwardRequest whose payload is not JSON",
      () =>
        JSON.stringify({
          v: 1,
          envelope: buildEnvelopeOf(eventBody()),
          payload: "not json",
          signature: "t=1,v1=00",
        }),
    ],
  ];
  it.each(junk)(
    "webhook Suitelet with the right token but %s: refused by the contract",
    async (_name, make) => {
      count("token guessing");
      const res = await unchanged(() => toSuitelet(make()));
      expect(res.status).toBe(200);
      expect(resultOf(res)).toBe("refused");
    },
  );

  it("webhook Suitelet with the right token, but GET: refused", async () => {
    count("token guessing");
    const res = await unchanged(() => post(target1.url, undefined, {}, "GET"));
    expect(resultOf(res)).toBe("refused");
  });
});

describe("bodies", () => {
  const healthy = async () => {
    for (const proxy of [sys.receiving]) {
      const res = await fetch(`${proxy.url}/healthz`);
      expect(res.status).toBe(200);
    }
    expect(await sys.admin("health", { method: "GET" })).toEqual({ ok: true });
    // After an upload refused midway the server drops that connection; a pooled socket may be the
    // dropped one, so one retry on a network error.
    const res = await fetch(target1.url).catch(() => fetch(target1.url));
    expect(resultOf({ status: res.status, text: await res.text(), location: null })).toBe("refused");
  };
  const deep = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;
  const manyFields = (n: number) => {
    const o: Record<string, number> = {};
    for (let i = 0; i < n; i++) o[`f${i}`] = i;
    return JSON.stringify(o);
  };
  const signedProxy = (body: string | Buffer, type = "application/json") =>
    toProxy(ppUrl1, typeof body === "string" ? body : new Uint8Array(body), sign(body, target1.secret), type);

  const cases: [
    string,
    () => Promise<Answer | "connection closed">,
    (a: Answer | "connection closed") => void,
  ][] = [
    [
      "proxy: 300 KB by Content-Length",
      () => signedProxy(eventBody(baseEvent1, { pad: "x".repeat(300_000) })),
      (a) => expect(a !== "connection closed" && [a.status, codeOf(a)]).toEqual([413, "body_too_large"]),
    ],
    [
      "proxy: 300 KB streamed without Content-Length",
      () => {
        const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
        let sent = 0;
        const stream = new ReadableStream<Uint8Array>({
          pull(controller) {
            if (sent++ < 5) controller.enqueue(chunk);
            else controller.close();
          },
        });
        return post(webhookUrl(ppUrl1), stream, {
          "Content-Type": "application/json",
          "Stripe-Signature": sign("x", target1.secret),
        }).catch(() => "connection closed" as const);
      },
      (a) => expect(a === "connection closed" ? 413 : [a.status, codeOf(a)]).toEqual([413, "body_too_large"]),
    ],
    [
      "NetSuite forms domain: 11 MB (over the emulator's 10 MB)",
      () =>
        toSuitelet(new Uint8Array(Buffer.alloc(11 * 1024 * 1024, 0x61))).catch(
          () => "connection closed" as const,
        ),
      // A 413, or the connection cut while the client is still sending: both refuse the upload.
      (a) => expect(a === "connection closed" ? 413 : a.status).toBe(413),
    ],
    [
      "NetSuite forms domain: 2 MB, over the contract's MAX_FORWARD_REQUEST_CHARS",
      () => {
        const body = eventBody(baseEvent1, { pad: "x".repeat(2_000_000) });
        return toSuitelet(
          `{"v":1,"envelope":${JSON.stringify(buildEnvelopeOf(eventBody()))},"payload":${JSON.stringify(body)},"signature":"t=1,v1=00"}`,
        );
      },
      (a) => expect(a !== "connection closed" && resultOf(a)).toBe("refused"),
    ],
    [
      "proxy: malformed JSON, correctly signed",
      () => signedProxy('{"id":"evt_1","type":"customer.updated",'),
      (a) => expect(a !== "connection closed" && a.status).toBe(400),
    ],
    [
      "Suitelet: malformed JSON",
      () => toSuitelet('{"v":1,"envelope":{'),
      (a) => expect(a !== "connection closed" && resultOf(a)).toBe("refused"),
    ],
    [
      "proxy: a form-encoded body with a form content type, correctly signed",
      () => signedProxy("id=evt_1&type=customer.updated", "application/x-www-form-urlencoded"),
      (a) => expect(a !== "connection closed" && a.status).toBe(400),
    ],
    [
      "Suitelet: a form-encoded ForwardRequest",
      () => {
        const body = eventBody();
        const form = new URLSearchParams({
          v: "1",
          envelope: JSON.stringify(buildEnvelopeOf(body)),
          payload: body,
          signature: sign(body, target1.secret),
        });
        return toSuitelet(form.toString(), "application/x-www-form-urlencoded");
      },
      (a) => expect(a !== "connection closed" && resultOf(a)).toBe("refused"),
    ],
    [
      "proxy: non-UTF-8 bytes, correctly signed",
      () => signedProxy(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d])),
      (a) => expect(a !== "connection closed" && [a.status, codeOf(a)]).toEqual([400, "body_not_utf8"]),
    ],
    [
      "Suitelet: non-UTF-8 bytes",
      () => toSuitelet(new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d])),
      // The NetSuite emulator refuses a body that is not UTF-8 before the Suitelet runs.
      (a) =>
        expect(a !== "connection closed" && [a.status, a.text]).toEqual([
          400,
          expect.stringContaining("INVALID_REQUEST_BODY"),
        ]),
    ],
    [
      "proxy: JSON nested 100 000 deep, correctly signed",
      () => signedProxy(deep(100_000)),
      (a) => expect(a !== "connection closed" && a.status).toBe(400),
    ],
    [
      "Suitelet: an envelope nested 100 000 deep",
      () => toSuitelet(`{"v":1,"envelope":${deep(100_000)},"payload":"{}","signature":"t=1,v1=00"}`),
      (a) => expect(a !== "connection closed" && resultOf(a)).toBe("refused"),
    ],
    [
      "proxy: 12 000 fields, correctly signed",
      () => signedProxy(manyFields(12_000)),
      (a) => expect(a !== "connection closed" && a.status).toBe(400),
    ],
    [
      "Suitelet: 100 000 fields",
      () => toSuitelet(manyFields(100_000)),
      (a) => {
        expect(a !== "connection closed" && resultOf(a)).toBe("refused");
        // The refusal does not echo the flood back.
        expect(a !== "connection closed" && a.text.length).toBeLessThan(10_000);
      },
    ],
  ];
  it.each(cases)("%s: refused, no crash", async (_name, attack, check) => {
    count("bodies");
    const res = await unchanged(attack);
    check(res);
    await healthy();
  });
});

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
    expect(sys.proxyLogs.length).toBeGreaterThan(50);
    expect(ns.log.list().length).toBeGreaterThan(10);
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
