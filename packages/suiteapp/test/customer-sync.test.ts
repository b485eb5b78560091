/**
 * The sync of one customer, end to end: the SuiteApp opened in the NetSuite emulator (its installation
 * runs), a Stripe account record pointing at the Stripe emulator over HTTPS, and customers saved as a
 * user would, which fires the create user event (customscript_nss_customer_ue).
 */
import { parseStoredIssues } from "@nss/core";
import type { InvocationReading, LogEntry, NetSuiteEmulator } from "@nss/netsuite-emulator";
import type { StripeEmulator } from "@nss/stripe-emulator";
import {
  API_SECRETS,
  CUSTOMER_FIELDS,
  LINK_RECORD,
  SCRIPT_PARAMS,
  SCRIPTS,
  SYNC_LOG_RECORD,
} from "@nss/suiteapp/ids";
import {
  Cleanup,
  customer,
  query,
  saveCustomer,
  setAutoSync,
  startStripe,
  stripeClient,
} from "@nss/suiteapp/system";
import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSuiteApp } from "./helpers/suiteapp.js";

const KEY = `sk_test_nssCustomerSync${Date.now()}`;
/** Not a key Stripe (or the emulator) accepts. */
const WRONG_KEY = "sk_test_revoked-Key-9876";
const UE = SCRIPTS.customerUserEvent.scriptId;
const UNIT_LIMIT = 1000;

const cleanup = new Cleanup();
let stripeEmulator: StripeEmulator;
let stripe: Stripe;

/** The SuiteApp in a fresh account, with one Stripe account record for subsidiary 1. */
async function openAccount(key: string): Promise<{ ns: NetSuiteEmulator; accountRecord: number }> {
  const { ns, accounts } = await openSuiteApp(cleanup, stripeEmulator, { key });
  return { ns, accountRecord: accounts[0]?.recordId as number };
}

function rowsOf(ns: NetSuiteEmulator, type: string, field: string, customerId: number) {
  return ns.data
    .runSearch(
      query(
        type,
        [{ name: "internalid" }],
        [{ name: field, operator: "anyof", values: [String(customerId)] }],
      ),
      0,
      100,
    )
    .rows.map((r) => ns.data.loadRecord(type, Number(r.id), false).values);
}
const linksOf = (ns: NetSuiteEmulator, id: number) =>
  rowsOf(ns, LINK_RECORD.type, LINK_RECORD.fields.customer, id);
const logsOf = (ns: NetSuiteEmulator, id: number) =>
  rowsOf(ns, SYNC_LOG_RECORD.type, SYNC_LOG_RECORD.fields.customer, id);

const ueLog = (ns: NetSuiteEmulator): LogEntry[] => ns.log.list({ scriptId: UE });
function unitsFor(ns: NetSuiteEmulator, id: number): number {
  const entry = ueLog(ns).find((e) => e.title === `Customer ${id} synced on create`);
  const m = /units used: (\d+)/.exec(entry?.details ?? "");
  if (!m?.[1]) throw new Error(`no unit figure logged for customer ${id}: ${JSON.stringify(ueLog(ns))}`);
  return Number(m[1]);
}

beforeAll(async () => {
  stripeEmulator = cleanup.own(await startStripe());
  stripe = stripeClient(KEY, stripeEmulator);
});

afterAll(() => cleanup.run());

describe("auto sync on create", () => {
  let ns: NetSuiteEmulator;
  let accountRecord: number;
  beforeAll(async () => {
    ({ ns, accountRecord } = await openAccount(KEY));
  });

  it("creates exactly one Stripe customer with the mapped fields, and writes the ID, link and log", async () => {
    const id = await saveCustomer(ns, {
      companyname: "Ada Ltd",
      email: "ada@example.com",
      phone: "+44 20 7946 0000",
      billcity: "London",
      billcountry: "GB",
    });
    const found = await stripe.customers.list({ email: "ada@example.com" });
    expect(found.data).toHaveLength(1);
    const cus = found.data[0] as Stripe.Customer;
    expect(cus).toMatchObject({
      email: "ada@example.com",
      name: "Ada Ltd",
      phone: "+44 20 7946 0000",
      metadata: { netsuite_customer_id: String(id), netsuite_subsidiary: "1" },
    });
    expect(cus.address).toMatchObject({ city: "London", country: "GB" });

    const values = customer(ns, id);
    expect(values[CUSTOMER_FIELDS.stripeCustomerId]).toBe(cus.id);
    expect(values[CUSTOMER_FIELDS.syncStatus]).toBe("synced");
    expect(values[CUSTOMER_FIELDS.lastError] ?? "").toBe("");
    expect(values[CUSTOMER_FIELDS.lastSync]).toBeTruthy();

    const links = linksOf(ns, id);
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({
      [LINK_RECORD.fields.stripeId]: cus.id,
      [LINK_RECORD.fields.subsidiary]: "1",
      [LINK_RECORD.fields.account]: String(accountRecord),
      [LINK_RECORD.fields.generation]: 0,
    });
    expect(String(links[0]?.[LINK_RECORD.fields.fingerprint] ?? "")).toMatch(/\S{16,}/);

    const logs = logsOf(ns, id);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({
      [SYNC_LOG_RECORD.fields.kind]: "create",
      [SYNC_LOG_RECORD.fields.outcome]: "created",
      [SYNC_LOG_RECORD.fields.account]: String(accountRecord),
      [SYNC_LOG_RECORD.fields.created]: 1,
      [SYNC_LOG_RECORD.fields.linked]: 0,
      [SYNC_LOG_RECORD.fields.failed]: 0,
    });
    expect(String(logs[0]?.[SYNC_LOG_RECORD.fields.message])).toContain(cus.id);

    const units = unitsFor(ns, id);
    expect(units).toBeGreaterThan(0);
    expect(units).toBeLessThan(UNIT_LIMIT);
    expect(ueLog(ns).filter((e) => e.level === "ERROR" || e.level === "EMERGENCY")).toEqual([]);
  });

  it("links a customer whose email already exists in Stripe instead of creating one", async () => {
    const existing = await stripe.customers.create({ email: "grace@example.com", name: "Old name" });
    const id = await saveCustomer(ns, { companyname: "Grace Inc", email: "grace@example.com" });
    const found = await stripe.customers.list({ email: "grace@example.com" });
    expect(found.data.map((c) => c.id)).toEqual([existing.id]);
    const after = await stripe.customers.retrieve(existing.id);
    expect(after).toMatchObject({ name: "Grace Inc", metadata: { netsuite_customer_id: String(id) } });
    expect(customer(ns, id)).toMatchObject({
      [CUSTOMER_FIELDS.stripeCustomerId]: existing.id,
      [CUSTOMER_FIELDS.syncStatus]: "synced",
    });
    expect(linksOf(ns, id).map((l) => l[LINK_RECORD.fields.stripeId])).toEqual([existing.id]);
    expect(logsOf(ns, id).map((l) => l[SYNC_LOG_RECORD.fields.outcome])).toEqual(["linked"]);
    expect(unitsFor(ns, id)).toBeLessThan(UNIT_LIMIT);
  });

  it("saves a customer with no email and records core's issue instead of syncing", async () => {
    const before = (await stripe.customers.list({ limit: 100 })).data.length;
    const id = await saveCustomer(ns, { companyname: "No Mail GmbH" });
    expect(customer(ns, id).companyname).toBe("No Mail GmbH");
    const values = customer(ns, id);
    expect(values[CUSTOMER_FIELDS.syncStatus]).toBe("error");
    const error = String(values[CUSTOMER_FIELDS.lastError]);
    expect(error).toContain(`Customer ${id} has neither a Stripe customer ID`);
    expect(error).toContain("Fill email");
    expect(error).not.toMatch(/\bat \w+ \(|\.js:\d+/);
    expect(values[CUSTOMER_FIELDS.stripeCustomerId] ?? "").toBe("");
    const logs = logsOf(ns, id);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({
      [SYNC_LOG_RECORD.fields.outcome]: "failed",
      [SYNC_LOG_RECORD.fields.failed]: 1,
    });
    // The customer keeps message, fix and code (core's stored format); the sync log the sentences.
    const [issue, ...more] = parseStoredIssues(error);
    expect(more).toEqual([]);
    expect(issue).toMatchObject({
      message: expect.stringMatching(new RegExp(`^Customer ${id} has neither a Stripe customer ID`)),
      fix: expect.stringMatching(new RegExp(`^Fill email on customer ${id}`)),
      code: "LOOKUP_NO_IDENTIFIER",
    });
    expect(String(logs[0]?.[SYNC_LOG_RECORD.fields.message])).toBe(`${issue?.message} ${issue?.fix}`);
    expect(linksOf(ns, id)).toEqual([]);
    expect((await stripe.customers.list({ limit: 100 })).data.length).toBe(before);
  });

  it("updates the Stripe customer whose ID the new customer already carries", async () => {
    const existing = await stripe.customers.create({ email: "old@example.com", name: "Old" });
    const id = await saveCustomer(ns, {
      companyname: "Carried Ltd",
      email: "carried@example.com",
      [CUSTOMER_FIELDS.stripeCustomerId]: existing.id,
    });
    expect(await stripe.customers.retrieve(existing.id)).toMatchObject({
      email: "carried@example.com",
      name: "Carried Ltd",
      metadata: { netsuite_customer_id: String(id) },
    });
    expect(customer(ns, id)).toMatchObject({
      [CUSTOMER_FIELDS.stripeCustomerId]: existing.id,
      [CUSTOMER_FIELDS.syncStatus]: "synced",
    });
    expect(logsOf(ns, id).map((l) => l[SYNC_LOG_RECORD.fields.outcome])).toEqual(["updated"]);
    expect(linksOf(ns, id).map((l) => l[LINK_RECORD.fields.stripeId])).toEqual([existing.id]);
  });

  it("reports a stored Stripe ID that Stripe does not know with core's stale ID issue", async () => {
    const id = await saveCustomer(ns, {
      companyname: "Stale Ltd",
      email: "stale@example.com",
      [CUSTOMER_FIELDS.stripeCustomerId]: "cus_DoesNotExist1",
    });
    const values = customer(ns, id);
    expect(values[CUSTOMER_FIELDS.syncStatus]).toBe("error");
    expect(String(values[CUSTOMER_FIELDS.lastError])).toContain(
      `Customer ${id} stores Stripe customer cus_DoesNotExist1 in custentity_nss_stripe_customer_id, but Stripe has no such customer`,
    );
    expect(values[CUSTOMER_FIELDS.stripeCustomerId]).toBe("cus_DoesNotExist1");
    expect((await stripe.customers.list({ email: "stale@example.com" })).data).toEqual([]);
    expect(linksOf(ns, id)).toEqual([]);
    expect(logsOf(ns, id).map((l) => l[SYNC_LOG_RECORD.fields.outcome])).toEqual(["failed"]);
  });

  it("does nothing on create when auto sync is off", async () => {
    await setAutoSync(ns, false);
    try {
      const id = await saveCustomer(ns, { companyname: "Later Ltd", email: "later@example.com" });
      expect((await stripe.customers.list({ email: "later@example.com" })).data).toEqual([]);
      expect(customer(ns, id)[CUSTOMER_FIELDS.syncStatus] ?? "").toBe("");
      expect(logsOf(ns, id)).toEqual([]);
    } finally {
      await setAutoSync(ns, true);
    }
  });
});

describe("Auto Sync on Create, read for nothing", () => {
  it("is copied onto the trigger's deployment; off, a customer save makes the trigger read nothing", async () => {
    const readings: InvocationReading[] = [];
    const { ns } = await openSuiteApp(cleanup, stripeEmulator, {
      key: KEY,
      autoSync: false,
      netsuite: { clock: { onInvocation: (r) => readings.push(r) } },
    });
    const afterSubmit = () => readings.filter((r) => r.scriptId === UE && r.entryPoint === "afterSubmit");
    expect(ns.deploymentParameters(SCRIPTS.customerUserEvent.deploymentId)[SCRIPT_PARAMS.autoSync]).toBe(
      false,
    );

    readings.length = 0;
    const off = await saveCustomer(ns, { companyname: "Quiet Ltd", email: "quiet@example.com" });
    // No round trip at all: no search, no lookup, so no units either.
    expect(afterSubmit().map((r) => r.ops)).toEqual([[]]);
    expect(customer(ns, off)[CUSTOMER_FIELDS.syncStatus] ?? "").toBe("");

    await setAutoSync(ns, true);
    expect(ns.deploymentParameters(SCRIPTS.customerUserEvent.deploymentId)[SCRIPT_PARAMS.autoSync]).toBe(
      true,
    );
    readings.length = 0;
    const on = await saveCustomer(ns, { companyname: "Loud Ltd", email: "loud@example.com" });
    expect(afterSubmit()[0]?.ops.length).toBeGreaterThan(0);
    expect(customer(ns, on)[CUSTOMER_FIELDS.syncStatus]).toBe("synced");
  });
});

describe("a wrong Stripe key", () => {
  it("puts the authentication message on the customer and the save still succeeds", async () => {
    const { ns } = await openAccount(WRONG_KEY);
    const id = await saveCustomer(ns, { companyname: "Key Trouble Ltd", email: "key@example.com" });
    const values = customer(ns, id);
    expect(values.companyname).toBe("Key Trouble Ltd");
    expect(values[CUSTOMER_FIELDS.syncStatus]).toBe("error");
    const error = String(values[CUSTOMER_FIELDS.lastError]);
    expect(error).toContain('Stripe account "Main"');
    expect(error).toContain(API_SECRETS.stripeKey);
    expect(error).not.toContain("revoked-Key");
    expect(logsOf(ns, id).map((l) => l[SYNC_LOG_RECORD.fields.outcome])).toEqual(["failed"]);
    expect(unitsFor(ns, id)).toBeLessThan(UNIT_LIMIT);
    expect((await stripe.customers.list({ email: "key@example.com" })).data).toEqual([]);
    const logText = JSON.stringify(ns.log.list());
    expect(logText).not.toContain(WRONG_KEY);
  });
});
