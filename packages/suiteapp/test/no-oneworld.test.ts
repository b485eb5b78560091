/**
 * An account without OneWorld: no subsidiaries, no customer subsidiary field, no msesubsidiary join.
 * The manifest marks SUBSIDIARIES optional, so the SuiteApp must work there: one Stripe account record
 * (identifier field subsidiary, blank value) serves every customer — the create trigger, the button,
 * the mass sync and the payment method refresh, as the shipped role.
 */
import { rmSync } from "node:fs";
import type { NetSuiteEmulator, RecordData } from "@nss/netsuite-emulator";
import { type StripeEmulator, startStripeEmulator } from "@nss/stripe-emulator";
import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ADMIN,
  CERT,
  customer,
  openSuiteApp,
  SECRET,
  secretEnv,
  stripeClient,
  TLS_KEY,
} from "./helpers/e2e.js";

const KEY = `sk_test_nssNoOneWorld${Date.now()}`;
/** A single-company account: custom records and server SuiteScript, no OneWorld. */
const FEATURES = ["CUSTOMRECORDS", "SERVERSIDESCRIPTING", "ADVANCEDPRINTING"];

let stripeEmulator: StripeEmulator;
let stripe: Stripe;
let ns: NetSuiteEmulator;
let accountRecord: number;
const opened: NetSuiteEmulator[] = [];
const dirs: string[] = [];

const saveCustomer = (values: Record<string, string>) =>
  ns.saveAsUser({ type: "customer", id: null, isDynamic: false, values });

async function runScript(scriptId: string): Promise<void> {
  const run = await ns.runScript(scriptId);
  if (run.type !== "mapreducescript") throw new Error("expected a map/reduce");
  expect(run.summary.inputSummary.error).toBeUndefined();
  expect(run.summary.mapSummary.errors).toEqual([]);
}

beforeAll(async () => {
  stripeEmulator = await startStripeEmulator({ port: 0, tls: { key: TLS_KEY, cert: CERT } });
  stripe = stripeClient(KEY, stripeEmulator.port);
  let records: number[];
  ({ ns, accountRecords: records } = await openSuiteApp({
    stripeUrl: stripeEmulator.url,
    env: secretEnv(KEY),
    opened: { dirs, emulators: opened },
    accounts: [{ name: "Only", subsidiary: "" }],
    features: FEATURES,
  }));
  accountRecord = records[0] as number;
});

afterAll(async () => {
  for (const o of opened) await o.close();
  await stripeEmulator?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe("an account without OneWorld", () => {
  it("installs: the default searches have no subsidiary join", () => {
    const mass = ns.data.loadSearch("customsearch_nss_mass_sync");
    expect(JSON.stringify(mass.filterExpression ?? mass.filters)).not.toContain("msesubsidiary");
    expect(mass.isPublic).toBe(true);
  });

  it("syncs a new customer on create to the one Stripe account, with no subsidiary anywhere", async () => {
    const id = await saveCustomer({ companyname: "Solo Ltd", email: "solo@example.com" });
    const stripeId = String(customer(ns, id).custentity_nss_stripe_customer_id);
    expect(stripeId).toMatch(/^cus_/);
    expect(customer(ns, id).custentity_nss_sync_status).toBe("synced");
    const cus = (await stripe.customers.retrieve(stripeId)) as Stripe.Customer;
    expect(cus.email).toBe("solo@example.com");
    expect(cus.metadata).toEqual({ netsuite_customer_id: String(id) });
  });

  it("the button, the mass sync and the payment method refresh work as the shipped role", async () => {
    const id = await saveCustomer({ companyname: "Second Ltd", email: "second@example.com" });
    const answer = await ns.invokeSuitelet("customscript_nss_sync_sl", "customdeploy_nss_sync_sl", {
      method: "POST",
      parameters: { customerId: String(id) },
    });
    expect(JSON.parse(answer.body)).toMatchObject({ targets: [{ outcome: "unchanged" }] });
    await runScript("customscript_nss_custsync_mr");
    const stripeId = String(customer(ns, id).custentity_nss_stripe_customer_id);
    const pm = await stripe.paymentMethods.attach("pm_card_visa", { customer: stripeId });
    await stripe.customers.update(stripeId, { invoice_settings: { default_payment_method: pm.id } });
    await runScript("customscript_nss_paymethod_mr");
    expect(customer(ns, id).custentity_nss_default_pm).toMatch(/^Visa •••• 4242/);
  });

  it("refuses a Stripe account record naming a subsidiary, saying to leave it blank", async () => {
    const record = ns.data.loadRecord("customrecord_nss_stripe_account", accountRecord, false);
    const refused = await ns
      .saveAsUser(
        { ...record, values: { ...record.values, custrecord_nss_acct_ident_value: "1" } } as RecordData,
        { user: ADMIN },
      )
      .then(
        () => "saved",
        (e: Error) => e.message,
      );
    expect(refused).toContain("this NetSuite account has no subsidiaries (OneWorld is not enabled)");
    expect(refused).toContain("Leave Identifier Value blank");
    expect(ns.data.loadRecord("customrecord_nss_stripe_account", accountRecord, false).values).toMatchObject({
      custrecord_nss_acct_secret_id: SECRET,
      custrecord_nss_acct_ident_value: null,
    });
  });
});
