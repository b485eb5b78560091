/**
 * An account without OneWorld: no subsidiaries, no customer subsidiary field, no msesubsidiary join.
 * The manifest marks SUBSIDIARIES optional, so the SuiteApp must work there: one Stripe account record
 * (identifier field subsidiary, blank value) serves every customer — the create trigger, the button,
 * the mass sync and the payment method refresh, as the shipped role.
 */
import type { NetSuiteEmulator, RecordData } from "@nss/netsuite-emulator";
import {
  API_SECRETS,
  CUSTOMER_FIELDS,
  DEFAULT_SEARCH_IDS,
  SCRIPTS,
  STRIPE_ACCOUNT_RECORD,
} from "@nss/suiteapp/ids";
import { ADMIN, customer, type System, startSystem } from "@nss/suiteapp/system";
import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AS_CLERK } from "./helpers/suiteapp.js";

const KEY = `sk_test_nssNoOneWorld${Date.now()}`;
/** A single-company account: custom records and server SuiteScript, no OneWorld. */
const FEATURES = ["CUSTOMRECORDS", "SERVERSIDESCRIPTING", "ADVANCEDPRINTING"];

let system: System;
let stripe: Stripe;
let ns: NetSuiteEmulator;
let accountRecord: number;

const saveCustomer = (values: Record<string, string>) =>
  ns.saveAsUser({ type: "customer", id: null, isDynamic: false, values });

async function runScript(scriptId: string): Promise<void> {
  const run = await ns.runScript(scriptId);
  if (run.type !== "mapreducescript") throw new Error("expected a map/reduce");
  expect(run.summary.inputSummary.error).toBeUndefined();
  expect(run.summary.mapSummary.errors).toEqual([]);
}

beforeAll(async () => {
  system = await startSystem({
    key: KEY,
    accounts: [{ name: "Only", subsidiary: "" }],
    netsuite: { ...AS_CLERK, features: FEATURES },
  });
  ({ ns, stripe } = system);
  accountRecord = system.accounts[0]?.recordId as number;
});

afterAll(() => system?.close());

describe("an account without OneWorld", () => {
  it("installs: the default searches have no subsidiary join", () => {
    const mass = ns.data.loadSearch(DEFAULT_SEARCH_IDS.massSync);
    expect(JSON.stringify(mass.filterExpression ?? mass.filters)).not.toContain("msesubsidiary");
    expect(mass.isPublic).toBe(true);
  });

  it("syncs a new customer on create to the one Stripe account, with no subsidiary anywhere", async () => {
    const id = await saveCustomer({ companyname: "Solo Ltd", email: "solo@example.com" });
    const stripeId = String(customer(ns, id)[CUSTOMER_FIELDS.stripeCustomerId]);
    expect(stripeId).toMatch(/^cus_/);
    expect(customer(ns, id)[CUSTOMER_FIELDS.syncStatus]).toBe("synced");
    const cus = (await stripe.customers.retrieve(stripeId)) as Stripe.Customer;
    expect(cus.email).toBe("solo@example.com");
    expect(cus.metadata).toEqual({ netsuite_customer_id: String(id) });
  });

  it("the button, the mass sync and the payment method refresh work as the shipped role", async () => {
    const id = await saveCustomer({ companyname: "Second Ltd", email: "second@example.com" });
    const answer = await ns.invokeSuitelet(SCRIPTS.syncSuitelet.scriptId, SCRIPTS.syncSuitelet.deploymentId, {
      method: "POST",
      parameters: { customerId: String(id) },
    });
    expect(JSON.parse(answer.body)).toMatchObject({ targets: [{ outcome: "unchanged" }] });
    await runScript(SCRIPTS.massSync.scriptId);
    const stripeId = String(customer(ns, id)[CUSTOMER_FIELDS.stripeCustomerId]);
    const pm = await stripe.paymentMethods.attach("pm_card_visa", { customer: stripeId });
    await stripe.customers.update(stripeId, { invoice_settings: { default_payment_method: pm.id } });
    await runScript(SCRIPTS.paymentMethodRefresh.scriptId);
    expect(customer(ns, id)[CUSTOMER_FIELDS.defaultPaymentMethod]).toMatch(/^Visa •••• 4242/);
  });

  it("refuses a Stripe account record naming a subsidiary, saying to leave it blank", async () => {
    const record = ns.data.loadRecord(STRIPE_ACCOUNT_RECORD.type, accountRecord, false);
    const refused = await ns
      .saveAsUser(
        {
          ...record,
          values: { ...record.values, [STRIPE_ACCOUNT_RECORD.fields.identifierValue]: "1" },
        } as RecordData,
        { user: ADMIN },
      )
      .then(
        () => "saved",
        (e: Error) => e.message,
      );
    expect(refused).toContain("this NetSuite account has no subsidiaries (OneWorld is not enabled)");
    expect(refused).toContain("Leave Identifier Value blank");
    expect(ns.data.loadRecord(STRIPE_ACCOUNT_RECORD.type, accountRecord, false).values).toMatchObject({
      [STRIPE_ACCOUNT_RECORD.fields.secretId]: API_SECRETS.stripeKey,
      [STRIPE_ACCOUNT_RECORD.fields.identifierValue]: null,
    });
  });
});
