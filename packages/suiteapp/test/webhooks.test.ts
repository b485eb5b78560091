/**
 * Webhooks end to end, over HTTP: the Stripe emulator delivers signed events to the webhook proxy,
 * which forwards them to the SuiteApp's webhook Suitelet on the NetSuite emulator's forms domain; the
 * configuration's Enable Webhook creates, disables and re-enables the Stripe endpoint (sealed by the
 * proxy over HTTPS, as N/https requires). Two proxy instances share their keys, as any number may: an
 * HTTPS one NetSuite calls to seal, and a plain one Stripe delivers to.
 */
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { request as httpsRequest } from "node:https";
import { fileURLToPath } from "node:url";
import { type NetSuiteEmulator, type NetSuiteServer, startNetSuiteServer } from "@nss/netsuite-emulator";
import { loadConfig, type RunningProxy, startProxy } from "@nss/proxy";
import { type StripeEmulator, startStripeEmulator } from "@nss/stripe-emulator";
import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CERT,
  customer,
  openSuiteApp,
  query,
  saveCustomer,
  secretEnv,
  stripeClient,
  TLS_KEY,
} from "./helpers/e2e.js";

const KEY = `sk_test_nssWebhooks${Date.now()}`;
const ADMIN_TOKEN = randomBytes(24).toString("base64url");
const FIXTURES = fileURLToPath(new URL("./fixtures/", import.meta.url));

let stripeEmulator: StripeEmulator;
let stripe: Stripe;
let ns: NetSuiteEmulator;
let server: NetSuiteServer;
let sealing: RunningProxy;
let receiving: RunningProxy;
const opened: NetSuiteEmulator[] = [];
const dirs: string[] = [];

async function proxy(env: Record<string, string>): Promise<RunningProxy> {
  const config = loadConfig({
    PROXY_SEAL_KEYS: `k1:${SEAL_KEY}`,
    PROXY_ADMIN_TOKEN: ADMIN_TOKEN,
    PROXY_PORT: "0",
    PROXY_HOST: "127.0.0.1",
    PROXY_ALLOWED_TARGETS: server.formsUrl,
    LOG_LEVEL: "silent",
    ...env,
  });
  if (!config.ok) throw new Error(JSON.stringify(config.errors));
  return startProxy(config.value);
}
const SEAL_KEY = randomBytes(32).toString("base64");

/** The configuration record (the installation made it). */
function configRecord() {
  const [row] = ns.data.runSearch(query("customrecord_nss_config", [{ name: "internalid" }]), 0, 1).rows;
  return ns.data.loadRecord("customrecord_nss_config", Number(row?.id), false);
}

async function setWebhook(enabled: boolean): Promise<void> {
  const config = configRecord();
  await ns.saveAsUser({
    ...config,
    values: {
      ...config.values,
      custrecord_nss_cfg_webhook_enabled: enabled,
      custrecord_nss_cfg_proxy_url: sealing.url,
    },
  });
}

const webhookLog = () =>
  ns.data
    .listRecords("customrecord_nss_webhook_log")
    .map((r) => [r.values.custrecord_nss_whlog_action, r.values.custrecord_nss_whlog_endpoint_id]);

/** The Stripe emulator's test switches (its HTTPS uses the fixture certificate). */
function admin(path: string, init: { method?: string; body?: unknown; key?: string } = {}): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const body = init.body === undefined ? undefined : JSON.stringify(init.body);
    const req = httpsRequest(
      `${stripeEmulator.url}/_emulator/${path}`,
      {
        method: init.method ?? "POST",
        ca: CERT,
        headers: {
          ...(body ? { "Content-Type": "application/json" } : {}),
          ...(init.key ? { Authorization: `Bearer ${init.key}` } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          resolve(text ? JSON.parse(text) : null);
        });
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

const account = () => ns.data.listRecords("customrecord_nss_stripe_account")[0]?.values ?? {};

beforeAll(async () => {
  stripeEmulator = await startStripeEmulator({
    port: 0,
    tls: { key: TLS_KEY, cert: CERT },
    retryScale: 0.0002,
  });
  stripe = stripeClient(KEY, stripeEmulator.port);
  ({ ns } = await openSuiteApp({
    stripeUrl: stripeEmulator.url,
    env: { ...secretEnv(KEY), ...secretEnv(ADMIN_TOKEN, "custsecret_nss_proxy_token") },
    opened: { dirs, emulators: opened },
  }));
  server = await startNetSuiteServer(ns);
  receiving = await proxy({});
  sealing = await proxy({
    PROXY_TLS_CERT_FILE: `${FIXTURES}cert.pem`,
    PROXY_TLS_KEY_FILE: `${FIXTURES}key.pem`,
    PROXY_PUBLIC_URL: receiving.url,
  });
});

afterAll(async () => {
  await sealing?.close();
  await receiving?.close();
  await server?.close();
  for (const e of opened) await e.close();
  await stripeEmulator?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe("webhooks through the proxy", () => {
  let customerId: number;
  let stripeId: string;

  it("Enable Webhook creates the Stripe endpoint at the proxy with a sealed pp_url, pinned to the API version", async () => {
    await setWebhook(true);
    const endpointId = String(account().custrecord_nss_acct_wh_endpoint_id);
    expect(endpointId).toMatch(/^we_/);
    expect(account().custrecord_nss_acct_wh_secret).toMatch(/^whsec_/);
    expect(account().custrecord_nss_acct_wh_status).toBe("enabled");
    const endpoint = await stripe.webhookEndpoints.retrieve(endpointId);
    expect(endpoint.url).toMatch(new RegExp(`^${receiving.url}/customer-webhook\\?pp_url=v1\\.k1\\.`));
    expect(endpoint.enabled_events).toEqual(["customer.created", "customer.updated"]);
    expect(endpoint.api_version).toBe("2023-08-16");
    expect(endpoint.status).toBe("enabled");
    expect(webhookLog()).toEqual([["created", endpointId]]);
    // The NetSuite URL inside the seal is not in anything Stripe shows.
    expect(endpoint.url).not.toContain("scriptlet");
  });

  it("a default card set in Stripe reaches the NetSuite customer within a second", async () => {
    customerId = await saveCustomer(ns, { companyname: "Hook Ltd", email: "hook@example.com" });
    stripeId = String(customer(ns, customerId).custentity_nss_stripe_customer_id);
    expect(stripeId).toMatch(/^cus_/);
    const pm = await stripe.paymentMethods.attach("pm_card_visa", { customer: stripeId });
    const started = Date.now();
    await stripe.customers.update(stripeId, { invoice_settings: { default_payment_method: pm.id } });
    await expect
      .poll(() => customer(ns, customerId).custentity_nss_default_pm, { timeout: 1000, interval: 20 })
      .toMatch(/^Visa •••• 4242, exp \d{2}\/\d{4}$/);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(customer(ns, customerId).custentity_nss_default_pm_id).toBe(pm.id);
  });

  it("duplicate and shuffled deliveries leave the right final state", async () => {
    await admin("webhooks", { body: { duplicates: true, shuffle: true } });
    const master = await stripe.paymentMethods.attach("pm_card_mastercard", { customer: stripeId });
    const amex = await stripe.paymentMethods.attach("pm_card_amex", { customer: stripeId });
    await stripe.customers.update(stripeId, { invoice_settings: { default_payment_method: master.id } });
    await stripe.customers.update(stripeId, { invoice_settings: { default_payment_method: amex.id } });
    await admin("webhooks/flush");
    await admin("webhooks", { body: { duplicates: false, shuffle: false } });
    // Whatever order they came in, NetSuite applied Stripe's current state: the last default.
    expect(customer(ns, customerId).custentity_nss_default_pm_id).toBe(amex.id);
    expect(customer(ns, customerId).custentity_nss_default_pm).toMatch(/^American Express •••• 8431/);
  });

  it("a NetSuite failure makes the proxy answer 503 and Stripe's retry applies the event later, once", async () => {
    const visa = await stripe.paymentMethods.attach("pm_card_visa", { customer: stripeId });
    // NetSuite's refetch of the customer fails (Stripe answers 500 to it): the Suitelet answers retry.
    await admin("faults", {
      body: { kind: "500", count: 3, method: "GET", pathPrefix: `/v1/customers/${stripeId}` },
    });
    await stripe.customers.update(stripeId, { invoice_settings: { default_payment_method: visa.id } });
    await admin("webhooks/flush");
    const { data } = (await admin("deliveries", { method: "GET", key: KEY })) as {
      data: { eventId: string; attempt: number; httpStatus: number | null }[];
    };
    // Newest first: the event's first attempt got the proxy's 503, Stripe's retry a 200.
    const eventId = data[0]?.eventId;
    const attempts = data.filter((d) => d.eventId === eventId).map((d) => [d.attempt, d.httpStatus]);
    expect(attempts).toEqual([
      [2, 200],
      [1, 503],
    ]);
    const link = ns.data
      .listRecords("customrecord_nss_customer_link")
      .find((l) => l.values.custrecord_nss_link_stripe_id === stripeId);
    expect(link?.values.custrecord_nss_link_last_event_id).toBe(eventId);
    expect(customer(ns, customerId).custentity_nss_default_pm_id).toBe(visa.id);
  });

  it("disabling and enabling again from the configuration, with the webhook log", async () => {
    const endpointId = String(account().custrecord_nss_acct_wh_endpoint_id);
    await setWebhook(false);
    expect((await stripe.webhookEndpoints.retrieve(endpointId)).status).toBe("disabled");
    expect(account().custrecord_nss_acct_wh_status).toBe("disabled");
    await setWebhook(true);
    expect((await stripe.webhookEndpoints.retrieve(endpointId)).status).toBe("enabled");
    // Saving again with nothing changed touches nothing.
    await setWebhook(true);
    expect(webhookLog()).toEqual([
      ["created", endpointId],
      ["disabled", endpointId],
      ["enabled", endpointId],
    ]);
    expect((await stripe.webhookEndpoints.list()).data).toHaveLength(1);
  });

  it("a forged event sent straight to the Suitelet is refused", async () => {
    const answer = await ns.invokeSuitelet("customscript_nss_webhook_sl", "customdeploy_nss_webhook_sl", {
      method: "POST",
      body: JSON.stringify({ v: 1, envelope: {}, payload: "{}", signature: "t=1,v1=00" }),
    });
    expect(JSON.parse(answer.body)).toMatchObject({ result: "refused" });
  });
});
