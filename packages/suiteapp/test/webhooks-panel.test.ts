/**
 * The Webhooks subtab's events refused or retried in the last day, end to end: Stripe (the emulator)
 * delivers to the webhook proxy, which forwards to the built SuiteApp's webhook Suitelet in the NetSuite
 * emulator, all over HTTP. A delivery that fails in NetSuite (Stripe answers 500 to the Suitelet's read
 * of the customer) leaves its claim `failed`, and Stripe's retry takes it over; a delivery the proxy
 * refuses leaves nothing in NetSuite, so the page finds it in Stripe's `delivery_success=false` events.
 */
import type { NetSuiteEmulator, PageData } from "@nss/netsuite-emulator";
import { CUSTOMER_FIELDS, EVENT_RECORD, STRIPE_ACCOUNT_RECORD } from "@nss/suiteapp/ids";
import { customer, type Proxied, type System, saveCustomer, startSystem } from "@nss/suiteapp/system";
import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { field, openPage as openOpsPage, sublist } from "./helpers/ops-page.js";
import { AS_CLERK, FAST_STRIPE } from "./helpers/suiteapp.js";

const KEY = `sk_test_nssHookPanel${Date.now()}`;
const LIST = "custpage_nss_wh_undelivered_list";
const NO_DELIVERY =
  "No delivery reached NetSuite: refused before a claim, e.g. by the proxy's signature check, or not yet delivered.";

let system: System & Proxied;
let ns: NetSuiteEmulator;
let stripe: Stripe;
let stripeId: string;
const events: string[] = [];
const units: number[] = [];

/** Sets a new default card in Stripe; returns the customer.updated event it made. */
async function setDefaultCard(token: string): Promise<string> {
  const pm = await stripe.paymentMethods.attach(token, { customer: stripeId });
  await stripe.customers.update(stripeId, { invoice_settings: { default_payment_method: pm.id } });
  const [event] = (await stripe.events.list({ type: "customer.updated", limit: 1 })).data;
  if (!event) throw new Error("no customer.updated event");
  events.push(event.id);
  return event.id;
}

const claim = (eventId: string) => {
  const found = ns.data
    .listRecords(EVENT_RECORD.type)
    .filter((r) => r.values[EVENT_RECORD.fields.eventId] === eventId);
  return found.map((r) => ({
    status: r.values[EVENT_RECORD.fields.status],
    attempts: r.values[EVENT_RECORD.fields.attempts],
    message: String(r.values[EVENT_RECORD.fields.message] ?? ""),
  }));
};

/** Stripe answers 500 to the Suitelet's reads of the customer, `count` times. */
const failCustomerReads = (count: number) =>
  system.admin("faults", {
    body: { kind: "500", count, method: "GET", pathPrefix: `/v1/customers/${stripeId}` },
  });

async function openPage(): Promise<PageData> {
  const { page, units: used } = await openOpsPage(ns);
  units.push(used);
  // The endpoint's URL holds the sealed NetSuite address: never on the page.
  expect(JSON.stringify(page)).not.toContain("pp_url");
  return page;
}
const endpointRow = (page: PageData) => sublist(page, "custpage_nss_endpoints").lines[0] ?? {};
const rows = (page: PageData) =>
  sublist(page, LIST).lines.map((l) => ({
    account: l.custpage_nss_whu_account,
    event: l.custpage_nss_whu_event,
    type: l.custpage_nss_whu_type,
    created: l.custpage_nss_whu_created,
    inNetSuite: l.custpage_nss_whu_netsuite,
  }));

beforeAll(async () => {
  system = await startSystem({
    key: KEY,
    stripe: FAST_STRIPE,
    proxies: true,
    webhook: true,
    netsuite: AS_CLERK,
  });
  ({ ns, stripe } = system);
  const id = await saveCustomer(ns, { companyname: "Retry Page Ltd", email: "retry-page@example.com" });
  stripeId = String(customer(ns, id)[CUSTOMER_FIELDS.stripeCustomerId]);
});
afterAll(() => system?.close());

describe("the Webhooks panel: events refused or retried in the last day", () => {
  it("a delivery that fails in NetSuite leaves a failed claim (1 attempt); Stripe's retry applies it (2); the panel lists it as retried", async () => {
    await failCustomerReads(3);
    const eventId = await setDefaultCard("pm_card_visa");
    // Between the failed delivery and Stripe's retry (360 ms later at FAST_STRIPE's scale).
    await expect.poll(() => claim(eventId)[0]?.status, { timeout: 3000, interval: 5 }).toBe("failed");
    expect(claim(eventId)).toEqual([
      { status: "failed", attempts: 1, message: expect.stringMatching(/500/) },
    ]);
    await system.admin("webhooks/flush");
    expect(claim(eventId)).toEqual([
      { status: "applied", attempts: 2, message: expect.stringMatching(/^Customer \d+: Refreshed: Visa/) },
    ]);

    const page = await openPage();
    // Delivered in the end: Stripe has nothing pending; NetSuite's claim says it was retried.
    expect(endpointRow(page).custpage_nss_wh_undelivered).toBe("0");
    expect(rows(page)).toEqual([
      {
        account: "Main",
        event: eventId,
        type: "customer.updated",
        created: expect.any(String),
        inNetSuite: expect.stringMatching(
          /^Applied \(2 deliveries, retried\): Customer \d+: Refreshed: Visa/,
        ),
      },
    ]);
    expect(field(page, "custpage_nss_wh_day")).toBe("applied 1");
  });

  it("a delivery that fails every time: Stripe lists it undelivered, the claim says why and how often", async () => {
    await failCustomerReads(1000);
    const eventId = await setDefaultCard("pm_card_mastercard");
    // Stripe's test mode: the first attempt and 3 retries, each failing in NetSuite.
    await system.admin("webhooks/flush");
    await system.admin("faults", { method: "DELETE" });
    expect(claim(eventId)).toEqual([
      { status: "failed", attempts: 4, message: expect.stringMatching(/500/) },
    ]);

    const page = await openPage();
    expect(endpointRow(page).custpage_nss_wh_undelivered).toBe("1");
    const [failed, retried] = rows(page);
    expect(failed).toMatchObject({ event: eventId, type: "customer.updated" });
    expect(failed?.created).not.toBe("");
    expect(failed?.inNetSuite).toMatch(
      /^Failed \(4 deliveries, retried\): .*500.*\. Stripe delivers it again/,
    );
    expect(retried?.event).toBe(events[0]);
    expect(field(page, "custpage_nss_wh_day")).toBe("applied 1, failed 1");
  });

  it("an event the proxy refuses is listed from Stripe's undelivered events: no delivery reached NetSuite", async () => {
    const endpointId = String(
      ns.data.listRecords(STRIPE_ACCOUNT_RECORD.type)[0]?.values[STRIPE_ACCOUNT_RECORD.webhook.endpointId],
    );
    // A seal the proxy cannot open: it answers 400 before anything reaches NetSuite.
    await stripe.webhookEndpoints.update(endpointId, {
      url: `${system.receiving.url}/customer-webhook?pp_url=v1.k1.broken`,
    });
    const claims = ns.data.listRecords(EVENT_RECORD.type).length;
    const eventId = await setDefaultCard("pm_card_amex");
    await system.admin("webhooks/flush");
    expect(ns.data.listRecords(EVENT_RECORD.type)).toHaveLength(claims);

    const page = await openPage();
    expect(endpointRow(page).custpage_nss_wh_undelivered).toBe("2");
    // Stripe's undelivered events newest first, then the claims NetSuite retried that Stripe delivered.
    expect(rows(page).map((r) => [r.event, r.inNetSuite])).toEqual([
      [eventId, NO_DELIVERY],
      [events[1], expect.stringMatching(/^Failed \(4 deliveries, retried\)/)],
      [events[0], expect.stringMatching(/^Applied \(2 deliveries, retried\)/)],
    ]);
    // Its cost does not grow with the events listed: one event or two, the same; none listed by Stripe
    // saves the search of their claims (10 units).
    expect(units[2]).toBe(units[1]);
    expect(units[0]).toBe((units[1] ?? 0) - 10);
  });

  it("Stripe failing to list the events is shown in the account's cell with its fix; the rest still shows", async () => {
    await system.admin("faults", {
      body: { kind: "500", count: 3, method: "GET", pathPrefix: "/v1/events" },
    });
    const page = await openPage();
    await system.admin("faults", { method: "DELETE" });
    expect(endpointRow(page).custpage_nss_wh_stripe).toBe("enabled");
    expect(endpointRow(page).custpage_nss_wh_undelivered).toMatch(/GET \/v1\/events.*HTTP 500.* Fix: /);
    // NetSuite's own record of retried events does not need Stripe.
    expect(rows(page).map((r) => r.event)).toEqual([events[1], events[0]]);
    console.info(
      `Stripe Sync page units, one Stripe account: nothing undelivered ${units[0]}, events undelivered ${units[1]}`,
    );
  });
});
