/**
 * The default payment method refresh Map/Reduce (customscript_nss_paymethod_mr), end to end: the
 * SuiteApp in the NetSuite emulator, customers linked by Auto Sync on Create against the Stripe
 * emulator over HTTPS, cards attached and made default with the `stripe` SDK. Stripe calls are the
 * requests the Stripe emulator's server receives (Node's `http.server.request.start` diagnostics
 * channel: it is the only HTTP server this file starts); record writes show in `lastmodifieddate`.
 */
import { subscribe } from "node:diagnostics_channel";
import { rmSync } from "node:fs";
import type { IncomingMessage } from "node:http";
import type { NetSuiteEmulator, SearchDef } from "@nss/netsuite-emulator";
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

const KEY = `sk_test_nssPayMethod${Date.now()}`;
const MR = "customscript_nss_paymethod_mr";
const DEPLOY = "customdeploy_nss_paymethod_mr";

let stripeEmulator: StripeEmulator;
let stripe: Stripe;
let ns: NetSuiteEmulator;
const opened: NetSuiteEmulator[] = [];
const dirs: string[] = [];

/** Stripe API requests received, as `METHOD path`. */
const requests: string[] = [];
subscribe("http.server.request.start", (message) => {
  const { request } = message as { request: IncomingMessage };
  if (request.url?.startsWith("/v1/")) requests.push(`${request.method} ${request.url.split("?")[0]}`);
});

interface Output {
  outcome: string;
  message: string;
  stripeCalls: number;
  wrote: boolean;
  units: number;
}

function rows(type: string, filters: SearchDef["filters"]) {
  return ns.data
    .runSearch(query(type, [{ name: "internalid", sort: "ASC" }], filters), 0, 1000)
    .rows.map((r) => ns.data.loadRecord(type, Number(r.id), false).values);
}
const runLogs = () =>
  rows("customrecord_nss_sync_log", [
    { name: "custrecord_nss_synclog_kind", operator: "is", values: ["paymethod"] },
  ]).filter((l) => !l.custrecord_nss_synclog_customer);

/** Runs the refresh; returns each customer's map output and the Stripe requests it made. */
async function refresh(): Promise<{
  out: Record<string, Output>;
  calls: string[];
  runLog: Record<string, unknown>;
}> {
  const before = requests.length;
  const logsBefore = runLogs().length;
  const run = await ns.runScript(MR, DEPLOY);
  if (run.type !== "mapreducescript") throw new Error("not a map/reduce run");
  expect(run.summary.inputSummary.error).toBeUndefined();
  expect(run.summary.mapSummary.errors).toEqual([]);
  expect(run.summary.summarizeSummary.error).toBeUndefined();
  const out: Record<string, Output> = {};
  for (const [key, value] of run.summary.output) out[key] = JSON.parse(value) as Output;
  const logs = runLogs();
  expect(logs).toHaveLength(logsBefore + 1);
  return { out, calls: requests.slice(before), runLog: logs.at(-1) as Record<string, unknown> };
}

const pmFields = (id: number) => {
  const c = customer(ns, id);
  return {
    summary: c.custentity_nss_default_pm ?? "",
    id: c.custentity_nss_default_pm_id ?? "",
    read: c.custentity_nss_default_pm_read ?? null,
    modified: c.lastmodifieddate,
  };
};

/** Attaches a test card to the Stripe customer and makes it the default. */
async function makeDefault(stripeId: string, token: string): Promise<Stripe.PaymentMethod> {
  const pm = await stripe.paymentMethods.attach(token, { customer: stripeId });
  await stripe.customers.update(stripeId, { invoice_settings: { default_payment_method: pm.id } });
  return pm;
}

const expiry = (pm: Stripe.PaymentMethod) =>
  `${String(pm.card?.exp_month).padStart(2, "0")}/${pm.card?.exp_year}`;

beforeAll(async () => {
  stripeEmulator = await startStripeEmulator({ port: 0, tls: { key: TLS_KEY, cert: CERT } });
  stripe = stripeClient(KEY, stripeEmulator.port);
  ({ ns } = await openSuiteApp({
    stripeUrl: stripeEmulator.url,
    env: secretEnv(KEY),
    opened: { dirs, emulators: opened },
  }));
});

afterAll(async () => {
  for (const o of opened) await o.close();
  await stripeEmulator?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe("default payment method refresh", () => {
  let withCard: number;
  let noCard: number;
  let cardStripeId: string;
  let visa: Stripe.PaymentMethod;

  it("shows the default card on the customer, with one Stripe call per customer", async () => {
    withCard = await saveCustomer(ns, { companyname: "Card Ltd", email: "card@example.com" });
    noCard = await saveCustomer(ns, { companyname: "No Card Ltd", email: "nocard@example.com" });
    cardStripeId = String(customer(ns, withCard).custentity_nss_stripe_customer_id);
    expect(cardStripeId).toMatch(/^cus_/);
    visa = await makeDefault(cardStripeId, "pm_card_visa");

    const { out, calls, runLog } = await refresh();
    console.log(
      `payment method refresh units per customer in map: ${JSON.stringify(Object.fromEntries(Object.entries(out).map(([k, o]) => [k, o.units])))}`,
    );
    expect(out[String(withCard)]).toMatchObject({ outcome: "refreshed", stripeCalls: 1, wrote: true });
    expect(out[String(noCard)]).toMatchObject({ outcome: "unchanged", stripeCalls: 1, wrote: false });
    // One GET per customer, nothing else.
    expect(calls.sort()).toEqual(
      [withCard, noCard]
        .map((id) => `GET /v1/customers/${customer(ns, id).custentity_nss_stripe_customer_id}`)
        .sort(),
    );
    const shown = pmFields(withCard);
    expect(shown.summary).toBe(`Visa •••• 4242, exp ${expiry(visa)}`);
    expect(shown.id).toBe(visa.id);
    expect(shown.read).not.toBeNull();
    expect(pmFields(noCard).summary).toBe("");
    expect(runLog).toMatchObject({
      custrecord_nss_synclog_outcome: "completed",
      custrecord_nss_synclog_updated: 1,
      custrecord_nss_synclog_unchanged: 1,
      custrecord_nss_synclog_cleared: 0,
      custrecord_nss_synclog_failed: 0,
    });
    // Load 5, link search 10, Stripe 10, and a save 10 for the one written (README, "Units per customer").
    expect(out[String(withCard)]?.units).toBe(35);
    expect(out[String(noCard)]?.units).toBe(25);
  });

  it("a second run writes no record when nothing changed", async () => {
    const before = [pmFields(withCard), pmFields(noCard)];
    const { out, calls } = await refresh();
    expect(Object.values(out).map((o) => [o.outcome, o.wrote, o.stripeCalls])).toEqual([
      ["unchanged", false, 1],
      ["unchanged", false, 1],
    ]);
    expect(calls).toHaveLength(2);
    // Not even the read time: the customer records are untouched.
    expect([pmFields(withCard), pmFields(noCard)]).toEqual(before);
    console.log(
      `payment method refresh units per unchanged customer in map: ${JSON.stringify(Object.values(out).map((o) => o.units))}`,
    );
  });

  it("a new default card is shown at the next run", async () => {
    const mastercard = await makeDefault(cardStripeId, "pm_card_mastercard");
    const { out } = await refresh();
    expect(out[String(withCard)]).toMatchObject({ outcome: "refreshed", wrote: true });
    expect(pmFields(withCard)).toMatchObject({
      summary: `Mastercard •••• 4444, exp ${expiry(mastercard)}`,
      id: mastercard.id,
    });
  });

  it("a Stripe failure goes to the sync log and the customer's last error, and the next run clears it", async () => {
    stripeEmulator.faults.clear();
    stripeEmulator.faults.add({
      kind: "500",
      method: "GET",
      pathPrefix: `/v1/customers/${cardStripeId}`,
      count: 3,
    });
    const failed = await refresh();
    stripeEmulator.faults.clear();
    expect(failed.out[String(withCard)]).toMatchObject({ outcome: "failed", stripeCalls: 3 });
    expect(failed.runLog).toMatchObject({
      custrecord_nss_synclog_outcome: "completed_with_failures",
      custrecord_nss_synclog_failed: 1,
    });
    const rowsOfCustomer = rows("customrecord_nss_sync_log", [
      { name: "custrecord_nss_synclog_kind", operator: "is", values: ["paymethod"] },
      { name: "custrecord_nss_synclog_customer", operator: "anyof", values: [String(withCard)] },
    ]);
    expect(rowsOfCustomer.at(-1)?.custrecord_nss_synclog_outcome).toBe("failed");
    expect(String(customer(ns, withCard).custentity_nss_last_error)).toMatch(
      /^Default payment method refresh: /,
    );
    expect(pmFields(withCard).summary).toMatch(/^Mastercard/);

    const next = await refresh();
    expect(next.out[String(withCard)]).toMatchObject({ outcome: "unchanged", wrote: true });
    expect(customer(ns, withCard).custentity_nss_last_error ?? "").toBe("");
  });

  it("a deleted Stripe customer clears the fields once", async () => {
    await stripe.customers.del(cardStripeId);
    const { out, runLog } = await refresh();
    expect(out[String(withCard)]).toMatchObject({ outcome: "cleared", wrote: true });
    expect(pmFields(withCard)).toMatchObject({ summary: "", id: "" });
    expect(runLog).toMatchObject({ custrecord_nss_synclog_cleared: 1 });
    const before = pmFields(withCard);
    const again = await refresh();
    expect(again.out[String(withCard)]).toMatchObject({ outcome: "unchanged", wrote: false });
    expect(pmFields(withCard)).toEqual(before);
  });
});
