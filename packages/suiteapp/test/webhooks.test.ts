/**
 * Webhooks end to end, over HTTP: the Stripe emulator delivers signed events to the webhook proxy,
 * which forwards them to the SuiteApp's webhook Suitelet on the NetSuite emulator's forms domain; the
 * configuration's Enable Webhook creates, disables and re-enables the Stripe endpoint (sealed by the
 * proxy over HTTPS, as N/https requires). Two proxy instances share their keys, as any number may: an
 * HTTPS one NetSuite calls to seal, and a plain one Stripe delivers to.
 */
import type { NetSuiteEmulator } from "@nss/netsuite-emulator";
import type { RunningProxy } from "@nss/proxy";
import {
  CONFIG_RECORD,
  CUSTOMER_FIELDS,
  EVENT_RECORD,
  SCRIPTS,
  STRIPE_ACCOUNT_RECORD,
  WEBHOOK_LOG_RECORD,
} from "@nss/suiteapp/ids";
import { customer, saveCustomer } from "@nss/suiteapp/system";
import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWebhookSystem, type WebhookSystem } from "./helpers/suiteapp.js";

const KEY = `sk_test_nssWebhooks${Date.now()}`;

let system: WebhookSystem;
let stripe: Stripe;
let ns: NetSuiteEmulator;
let receiving: RunningProxy;

const setWebhook = (enabled: boolean) => system.setWebhook(enabled);
const admin: WebhookSystem["admin"] = (path, init) => system.admin(path, init);

const webhookLog = () =>
  ns.data
    .listRecords(WEBHOOK_LOG_RECORD.type)
    .map((r) => [r.values[WEBHOOK_LOG_RECORD.fields.action], r.values[WEBHOOK_LOG_RECORD.fields.endpointId]]);

const account = () => ns.data.listRecords(STRIPE_ACCOUNT_RECORD.type)[0]?.values ?? {};

beforeAll(async () => {
  system = await startWebhookSystem(KEY);
  ({ stripe, ns, receiving } = system);
});

afterAll(() => system?.close());

describe("webhooks through the proxy", () => {
  let customerId: number;
  let stripeId: string;

  it("Enable Webhook creates the Stripe endpoint at the proxy with a sealed pp_url, pinned to the API version", async () => {
    await setWebhook(true);
    const endpointId = String(account()[STRIPE_ACCOUNT_RECORD.webhook.endpointId]);
    expect(endpointId).toMatch(/^we_/);
    expect(account()[STRIPE_ACCOUNT_RECORD.webhook.secret]).toMatch(/^whsec_/);
    expect(account()[STRIPE_ACCOUNT_RECORD.webhook.status]).toBe("enabled");
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
    stripeId = String(customer(ns, customerId)[CUSTOMER_FIELDS.stripeCustomerId]);
    expect(stripeId).toMatch(/^cus_/);
    const pm = await stripe.paymentMethods.attach("pm_card_visa", { customer: stripeId });
    const started = Date.now();
    await stripe.customers.update(stripeId, { invoice_settings: { default_payment_method: pm.id } });
    await expect
      .poll(() => customer(ns, customerId)[CUSTOMER_FIELDS.defaultPaymentMethod], {
        timeout: 1000,
        interval: 20,
      })
      .toMatch(/^Visa •••• 4242, exp \d{2}\/\d{4}$/);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(customer(ns, customerId)[CUSTOMER_FIELDS.defaultPaymentMethodId]).toBe(pm.id);
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
    expect(customer(ns, customerId)[CUSTOMER_FIELDS.defaultPaymentMethodId]).toBe(amex.id);
    expect(customer(ns, customerId)[CUSTOMER_FIELDS.defaultPaymentMethod]).toMatch(
      /^American Express •••• 8431/,
    );
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
    // The event's claim says it was applied, once.
    const claims = ns.data
      .listRecords(EVENT_RECORD.type)
      .filter((r) => r.values[EVENT_RECORD.fields.eventId] === eventId);
    expect(claims.map((r) => r.values[EVENT_RECORD.fields.status])).toEqual(["applied"]);
    expect(customer(ns, customerId)[CUSTOMER_FIELDS.defaultPaymentMethodId]).toBe(visa.id);
  });

  it("disabling and enabling again from the configuration, with the webhook log", async () => {
    const endpointId = String(account()[STRIPE_ACCOUNT_RECORD.webhook.endpointId]);
    await setWebhook(false);
    expect((await stripe.webhookEndpoints.retrieve(endpointId)).status).toBe("disabled");
    expect(account()[STRIPE_ACCOUNT_RECORD.webhook.status]).toBe("disabled");
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
    const answer = await ns.invokeSuitelet(
      SCRIPTS.webhookSuitelet.scriptId,
      SCRIPTS.webhookSuitelet.deploymentId,
      {
        method: "POST",
        body: JSON.stringify({ v: 1, envelope: {}, payload: "{}", signature: "t=1,v1=00" }),
      },
    );
    expect(JSON.parse(answer.body)).toMatchObject({ result: "refused" });
  });

  it("a proxy token secret NetSuite will not use fails the enable, naming the secret to create", async () => {
    await setWebhook(false);
    await system.saveConfig({
      [CONFIG_RECORD.fields.webhookEnabled]: true,
      [CONFIG_RECORD.fields.proxySecretId]: "custsecret_nss_proxy_missing",
    });
    const last = ns.data.listRecords(WEBHOOK_LOG_RECORD.type).at(-1)?.values;
    expect(last?.[WEBHOOK_LOG_RECORD.fields.action]).toBe("failed");
    expect(String(last?.[WEBHOOK_LOG_RECORD.fields.message])).toContain(
      "NetSuite could not use the API secret custsecret_nss_proxy_missing",
    );
    expect(String(last?.[WEBHOOK_LOG_RECORD.fields.message])).toContain(
      "Create custsecret_nss_proxy_missing in Setup > Company > Preferences > API Secrets",
    );
    expect(account()[STRIPE_ACCOUNT_RECORD.webhook.status]).toBe("failed");
  });
});
