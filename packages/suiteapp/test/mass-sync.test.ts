/**
 * The mass sync Map/Reduce (customscript_nss_custsync_mr), end to end: the SuiteApp opened in the
 * NetSuite emulator (its installation runs), Stripe account records pointing at the Stripe emulator
 * over HTTPS, customers saved with Auto Sync on Create turned off so that the Map/Reduce does the work.
 *
 * "No Stripe POST" is proven with a trap: a fault rule that would answer every POST with a 500
 * (`before`: nothing runs) and counts down when used; after the run it must still be whole.
 */

import type { MapReduceSummary, NetSuiteEmulator, SearchDef } from "@nss/netsuite-emulator";
import type { StripeEmulator } from "@nss/stripe-emulator";
import {
  CUSTOMER_FIELDS,
  DEFAULT_SEARCH_IDS,
  DRY_RUN_PLAN_RECORD,
  LINK_RECORD,
  SCRIPT_PARAMS,
  SCRIPTS,
  SYNC_LOG_RECORD,
} from "@nss/suiteapp/ids";
import {
  type AccountDef,
  ADMIN,
  Cleanup,
  customer,
  query,
  saveCustomer,
  startStripe,
  stripeClient,
} from "@nss/suiteapp/system";
import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSuiteApp, trapPosts } from "./helpers/suiteapp.js";

const MR = SCRIPTS.massSync.scriptId;
const DEPLOY = SCRIPTS.massSync.deploymentId;
const UNIT_LIMIT = 1000;

const cleanup = new Cleanup();
let stripeEmulator: StripeEmulator;

const stripeFor = (key: string) => stripeClient(key, stripeEmulator);

/** The SuiteApp in a fresh account with Auto Sync on Create off, and Stripe account records. */
async function openAccount(
  key: string,
  accounts: AccountDef[] = [{ name: "Main", subsidiary: "1" }],
): Promise<{ ns: NetSuiteEmulator; accountRecords: number[] }> {
  const { ns, accounts: written } = await openSuiteApp(cleanup, stripeEmulator, {
    key,
    accounts,
    autoSync: false,
  });
  return { ns, accountRecords: written.map((a) => a.recordId) };
}

function rowsOf(ns: NetSuiteEmulator, type: string, filters: SearchDef["filters"]) {
  return ns.data
    .runSearch(query(type, [{ name: "internalid", sort: "ASC" }], filters), 0, 1000)
    .rows.map((r) => ns.data.loadRecord(type, Number(r.id), false).values);
}
const allLinks = (ns: NetSuiteEmulator) => rowsOf(ns, LINK_RECORD.type, []);
const linksOf = (ns: NetSuiteEmulator, id: number) =>
  rowsOf(ns, LINK_RECORD.type, [
    { name: LINK_RECORD.fields.customer, operator: "anyof", values: [String(id)] },
  ]);
/** The dry run's plan rows (customrecord_nss_dry_run_plan), customer → its rows. */
function planOf(ns: NetSuiteEmulator): Record<string, Record<string, unknown>[]> {
  const p = DRY_RUN_PLAN_RECORD.fields;
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const row of rowsOf(ns, DRY_RUN_PLAN_RECORD.type, [])) {
    const id = String(row[p.customer]);
    out[id] = [...(out[id] ?? []), row];
  }
  return out;
}
const logsOfKind = (ns: NetSuiteEmulator, kind: string) =>
  rowsOf(ns, SYNC_LOG_RECORD.type, [{ name: SYNC_LOG_RECORD.fields.kind, operator: "is", values: [kind] }]);

interface Outcome {
  account: string;
  outcome: string;
  message: string;
}
interface Run {
  summary: MapReduceSummary;
  /** Customer ID → its outcomes per Stripe account. */
  outcomes: Record<string, Outcome[]>;
  /** Customer ID → units map used for it. */
  units: Record<string, number>;
  /** The run's sync log row. */
  runLog: Record<string, unknown>;
  /** What getInputData counted: customers of the search, those left out unchanged, those unserved. */
  tally: { customers: number; unchanged: number; unserved: number; failedAgain?: number };
}

async function runMassSync(ns: NetSuiteEmulator, dryRun = false): Promise<Run> {
  const kind = dryRun ? "mass_dry_run" : "mass";
  const runRows = () =>
    ns.data
      .runSearch(
        query(
          SYNC_LOG_RECORD.type,
          [{ name: "internalid", sort: "ASC" }],
          [{ name: SYNC_LOG_RECORD.fields.kind, operator: "is", values: [kind] }],
        ),
        0,
        1000,
      )
      .rows.map(
        (r): Record<string, unknown> => ({
          id: Number(r.id),
          ...ns.data.loadRecord(SYNC_LOG_RECORD.type, Number(r.id), false).values,
        }),
      )
      .filter((l) => !l[SYNC_LOG_RECORD.fields.customer]);
  const before = runRows().length;
  const run = await ns.runScript(MR, DEPLOY, { [SCRIPT_PARAMS.massSyncDryRun]: dryRun ? "T" : "F" });
  if (run.type !== "mapreducescript") throw new Error("not a map/reduce run");
  const { summary } = run;
  expect(summary.inputSummary.error).toBeUndefined();
  expect(summary.mapSummary.errors).toEqual([]);
  expect(summary.summarizeSummary.error).toBeUndefined();
  const outcomes: Record<string, Outcome[]> = {};
  const units: Record<string, number> = {};
  let tally: Run["tally"] = { customers: 0, unchanged: 0, unserved: 0, failedAgain: 0 };
  for (const [key, value] of summary.output) {
    // The run's tally rides with one customer's output, or has its own key when none reached map.
    const parsed = JSON.parse(value) as { targets: Outcome[]; units: number; tally?: Run["tally"] };
    if (parsed.tally) tally = parsed.tally;
    if (key === "tally") continue;
    outcomes[key] = parsed.targets;
    units[key] = parsed.units;
  }
  // The run's two rows (records/run-log.ts): started, with what map is to work through, then its end.
  const runLogs = runRows();
  expect(runLogs).toHaveLength(before + 2);
  const [started, ended] = runLogs.slice(-2) as [Record<string, unknown>, Record<string, unknown>];
  const f = SYNC_LOG_RECORD.fields;
  expect(started[f.outcome]).toBe("started");
  expect(started[f.toProcess]).toBe(Object.keys(outcomes).length);
  expect(started[f.started]).toBeTruthy();
  expect(ended[f.run]).toBe(started.id);
  expect(ended[f.started]).toBeTruthy();
  return { summary, outcomes, units, runLog: ended, tally };
}

const outcomeOf = (run: Run, id: number) => run.outcomes[String(id)]?.map((t) => t.outcome);

beforeAll(async () => {
  stripeEmulator = cleanup.own(await startStripe());
});

afterAll(() => cleanup.run());

describe("mass sync", () => {
  const key = `sk_test_nssMassSync${Date.now()}`;
  let stripe: Stripe;
  let ns: NetSuiteEmulator;
  let accountRecord: number;
  const plain: number[] = [];
  let noEmail: number;
  let known: number;
  let existing: Stripe.Customer;
  const stripeCount = async () => (await stripe.customers.list({ limit: 100 })).data.length;

  beforeAll(async () => {
    stripe = stripeFor(key);
    const opened = await openAccount(key);
    ns = opened.ns;
    accountRecord = opened.accountRecords[0] as number;
    for (const [name, phone] of [
      ["Ada Ltd", "+44 20 7946 0001"],
      ["Bob GmbH", "+49 30 1234567"],
      ["Cy SARL", "+33 1 23 45 67 89"],
    ] as const) {
      const mail = `${name.split(" ")[0]?.toLowerCase()}@mass.example.com`;
      plain.push(await saveCustomer(ns, { companyname: name, email: mail, phone, billcountry: "GB" }));
    }
    noEmail = await saveCustomer(ns, { companyname: "No Mail AB" });
    existing = await stripe.customers.create({ email: "known@mass.example.com", name: "Old name" });
    known = await saveCustomer(ns, { companyname: "Known Inc", email: "known@mass.example.com" });
    // Auto sync is off: nothing happened yet.
    expect(allLinks(ns)).toEqual([]);
    expect(await stripeCount()).toBe(1);
  });

  it("dry run: reports the plan per customer, with no Stripe POST and no record change", async () => {
    const posts = trapPosts(stripeEmulator);
    const run = await runMassSync(ns, true);
    expect(posts()).toBe(0);
    for (const id of plain) {
      expect(outcomeOf(run, id)).toEqual(["created"]);
      expect(run.outcomes[String(id)]?.[0]?.message).toBe(
        'Dry run: would create a Stripe customer in Stripe account "Main".',
      );
    }
    expect(outcomeOf(run, known)).toEqual(["linked"]);
    expect(run.outcomes[String(known)]?.[0]?.message).toContain(
      `would link to existing Stripe customer ${existing.id}`,
    );
    expect(outcomeOf(run, noEmail)).toEqual(["failed"]);
    expect(run.outcomes[String(noEmail)]?.[0]?.message).toContain(
      `Customer ${noEmail} has neither a Stripe customer ID`,
    );

    console.info(`mass sync dry run units per customer in map: ${JSON.stringify(run.units)}`);
    for (const u of Object.values(run.units)) expect(u).toBeLessThan(UNIT_LIMIT);
    expect(await stripeCount()).toBe(1);
    expect(allLinks(ns)).toEqual([]);
    for (const id of [...plain, noEmail, known]) {
      const values = customer(ns, id);
      expect(values[CUSTOMER_FIELDS.syncStatus] ?? "").toBe("");
      expect(values[CUSTOMER_FIELDS.stripeCustomerId] ?? "").toBe("");
      expect(values[CUSTOMER_FIELDS.lastSync] ?? "").toBe("");
    }
    expect(await stripe.customers.retrieve(existing.id)).toMatchObject({ name: "Old name", metadata: {} });
    // Only the run's sync log row and the plan: one row per customer and Stripe account.
    expect(logsOfKind(ns, "mass")).toEqual([]);
    expect(logsOfKind(ns, "mass_dry_run")).toHaveLength(2); // started, and its end
    const p = DRY_RUN_PLAN_RECORD.fields;
    const plan = planOf(ns);
    expect(Object.keys(plan).sort()).toEqual([...plain, noEmail, known].map(String).sort());
    for (const id of plain) {
      expect(plan[String(id)]).toEqual([
        expect.objectContaining({
          [p.account]: String(accountRecord),
          [p.action]: "created",
          [p.changes]:
            "email, name, phone, address.country, metadata.netsuite_customer_id, metadata.netsuite_subsidiary",
        }),
      ]);
    }
    expect(plan[String(known)]?.[0]).toMatchObject({
      [p.action]: "linked",
      [p.stripeId]: existing.id,
      // Its email is already Stripe's; its name and the metadata naming it are not.
      [p.changes]: "name, metadata.netsuite_customer_id, metadata.netsuite_subsidiary",
    });
    expect(String(plan[String(noEmail)]?.[0]?.[p.action])).toBe("failed");
    expect(String(plan[String(noEmail)]?.[0]?.[p.changes])).toContain(
      `Customer ${noEmail} has neither a Stripe customer ID`,
    );
    expect(run.runLog).toMatchObject({
      [SYNC_LOG_RECORD.fields.created]: 3,
      [SYNC_LOG_RECORD.fields.linked]: 1,
      [SYNC_LOG_RECORD.fields.failed]: 1,
      [SYNC_LOG_RECORD.fields.outcome]: "completed_with_failures",
    });
    expect(String(run.runLog[SYNC_LOG_RECORD.fields.message])).toContain(
      "5 customers; would create 3, would link 1, would update 0, would skip unchanged 0, would fail 1",
    );
  });

  it("creates one Stripe customer per customer, links the known one, fails the one with no email", async () => {
    const run = await runMassSync(ns);
    for (const id of plain) {
      expect(outcomeOf(run, id)).toEqual(["created"]);
      const values = customer(ns, id);
      const cus = await stripe.customers.retrieve(String(values[CUSTOMER_FIELDS.stripeCustomerId]));
      expect(cus).toMatchObject({
        email: values.email,
        name: values.companyname,
        phone: values.phone,
        metadata: { netsuite_customer_id: String(id), netsuite_subsidiary: "1" },
      });
      expect(values[CUSTOMER_FIELDS.syncStatus]).toBe("synced");
      expect(linksOf(ns, id)).toMatchObject([
        {
          [LINK_RECORD.fields.stripeId]: (cus as Stripe.Customer).id,
          [LINK_RECORD.fields.account]: String(accountRecord),
          [LINK_RECORD.fields.subsidiary]: "1",
        },
      ]);
      expect((await stripe.customers.list({ email: String(values.email) })).data).toHaveLength(1);
    }
    expect(outcomeOf(run, known)).toEqual(["linked"]);
    expect(customer(ns, known)[CUSTOMER_FIELDS.stripeCustomerId]).toBe(existing.id);
    expect(await stripe.customers.retrieve(existing.id)).toMatchObject({
      name: "Known Inc",
      metadata: { netsuite_customer_id: String(known) },
    });
    expect(outcomeOf(run, noEmail)).toEqual(["failed"]);
    const error = String(customer(ns, noEmail)[CUSTOMER_FIELDS.lastError]);
    expect(error).toContain(`Customer ${noEmail} has neither a Stripe customer ID`);
    expect(error).toContain("Fill email");
    expect(linksOf(ns, noEmail)).toEqual([]);
    expect(await stripeCount()).toBe(4);

    expect(run.runLog).toMatchObject({
      [SYNC_LOG_RECORD.fields.kind]: "mass",
      [SYNC_LOG_RECORD.fields.created]: 3,
      [SYNC_LOG_RECORD.fields.linked]: 1,
      [SYNC_LOG_RECORD.fields.updated]: 0,
      [SYNC_LOG_RECORD.fields.unchanged]: 0,
      [SYNC_LOG_RECORD.fields.failed]: 1,
    });
    const message = String(run.runLog[SYNC_LOG_RECORD.fields.message]);
    expect(message).toContain("5 customers; created 3, linked 1, updated 0, unchanged 0, failed 1");
    expect(message).toContain(`customer ${noEmail}: Customer ${noEmail} has neither`);

    const units = Object.values(run.units);
    expect(units).toHaveLength(5);
    console.info(`mass sync units per customer in map: ${JSON.stringify(run.units)}`);
    // A new customer: the list by email and the create (10 each), the link (6), its sync log row (6)
    // and the customer's fields (5).
    for (const id of plain) expect(run.units[String(id)]).toBeLessThanOrEqual(40);
    for (const u of units) expect(u).toBeLessThan(UNIT_LIMIT);
    expect(message).toMatch(/units per customer in map: max \d+, average \d+/);
  });

  it("a second run sends nothing to Stripe and writes nothing: unchanged customers never reach map", async () => {
    const customersBefore = await stripeCount();
    const eventsBefore = (await stripe.events.list({ limit: 100 })).data.length;
    const rowsBefore = logsOfKind(ns, "mass").length;
    const lastSync = (id: number) => customer(ns, id)[CUSTOMER_FIELDS.lastSync];
    const syncedAt = [...plain, known].map(lastSync);
    const posts = trapPosts(stripeEmulator);
    const run = await runMassSync(ns);
    expect(posts()).toBe(0);
    // No customer reached map: four unchanged, and one that fails exactly as it shows already.
    expect(run.summary.mapSummary.keys.map((k) => k.key)).toEqual(["tally"]);
    expect(run.tally).toMatchObject({ customers: 5, unchanged: 4, unserved: 0, failedAgain: 1 });
    for (const id of [...plain, known]) {
      expect(outcomeOf(run, id)).toBeUndefined();
      expect(customer(ns, id)[CUSTOMER_FIELDS.syncStatus]).toBe("synced");
    }
    expect([...plain, known].map(lastSync)).toEqual(syncedAt);
    expect(outcomeOf(run, noEmail)).toBeUndefined();
    expect(String(run.runLog[SYNC_LOG_RECORD.fields.message])).toContain(
      `customer ${noEmail}: Customer ${noEmail} has neither`,
    );
    expect(await stripeCount()).toBe(customersBefore);
    expect((await stripe.events.list({ limit: 100 })).data.length).toBe(eventsBefore);
    // No row per customer: the failure is the one the customer already shows; just the run's own row.
    expect(logsOfKind(ns, "mass")).toHaveLength(rowsBefore + 2); // the run's started row and its end
    expect(run.runLog).toMatchObject({
      [SYNC_LOG_RECORD.fields.created]: 0,
      [SYNC_LOG_RECORD.fields.linked]: 0,
      [SYNC_LOG_RECORD.fields.updated]: 0,
      [SYNC_LOG_RECORD.fields.unchanged]: 4,
      [SYNC_LOG_RECORD.fields.failed]: 1,
    });
    console.info(
      `mass sync, nothing changed: getInputData ${run.summary.inputSummary.usage} units, map ${run.summary.mapSummary.usage} units over ${run.summary.mapSummary.keys.length} keys`,
    );
  });

  it("a changed phone gives exactly one update; the dry run plans it without sending it", async () => {
    const id = plain[1] as number;
    const record = ns.data.loadRecord("customer", id, false);
    await ns.saveAsUser({ ...record, values: { ...record.values, phone: "+49 30 7654321" } });

    const posts = trapPosts(stripeEmulator);
    const dry = await runMassSync(ns, true);
    expect(posts()).toBe(0);
    expect(outcomeOf(dry, id)).toEqual(["updated"]);
    expect(String(dry.runLog[SYNC_LOG_RECORD.fields.message])).toContain(
      "would create 0, would link 0, would update 1, would skip unchanged 3, would fail 1",
    );
    // The plan says what would change, and it replaced the first dry run's: one row per customer still.
    const p = DRY_RUN_PLAN_RECORD.fields;
    const plan = planOf(ns);
    expect(plan[String(id)]).toEqual([
      expect.objectContaining({ [p.action]: "updated", [p.changes]: "phone" }),
    ]);
    expect(plan[String(plain[0])]?.[0]).toMatchObject({ [p.action]: "unchanged" });
    expect(Object.values(plan).every((rows) => rows.length === 1)).toBe(true);
    expect(new Set(Object.values(plan).map((rows) => rows[0]?.[p.run])).size).toBe(1);
    const stripeId = String(customer(ns, id)[CUSTOMER_FIELDS.stripeCustomerId]);
    expect(await stripe.customers.retrieve(stripeId)).toMatchObject({ phone: "+49 30 1234567" });

    const run = await runMassSync(ns);
    expect(outcomeOf(run, id)).toEqual(["updated"]);
    expect(Object.keys(run.outcomes)).toEqual([String(id)]);
    // One Stripe call (10), the link (2), its sync log row (6), the customer's fields (5).
    expect(run.units[String(id)]).toBeLessThanOrEqual(25);
    expect(await stripe.customers.retrieve(stripeId)).toMatchObject({ phone: "+49 30 7654321" });
    expect(run.runLog).toMatchObject({
      [SYNC_LOG_RECORD.fields.updated]: 1,
      [SYNC_LOG_RECORD.fields.unchanged]: 3,
    });
  });
});

describe("mass sync search's own columns", () => {
  it("drive what is sent: a column added to the mass search reaches Stripe, the single-sync search's do not", async () => {
    const key = `sk_test_nssMassColumns${Date.now()}`;
    const stripe = stripeFor(key);
    const { ns } = await openAccount(key);
    const id = await saveCustomer(ns, { companyname: "Column Ltd", email: "column@mass.example.com" });
    await runMassSync(ns);
    const stripeId = String(customer(ns, id)[CUSTOMER_FIELDS.stripeCustomerId]);
    expect((await stripe.customers.retrieve(stripeId)) as Stripe.Customer).toMatchObject({ metadata: {} });

    // An administrator adds a column to the mass sync search: its label names the Stripe field.
    const mass = ns.data.loadSearch(DEFAULT_SEARCH_IDS.massSync);
    ns.data.saveSearch({
      ...mass,
      columns: [...mass.columns, { name: "companyname", label: "metadata.company" }],
    });
    const run = await runMassSync(ns);
    expect(outcomeOf(run, id)).toEqual(["updated"]);
    expect(await stripe.customers.retrieve(stripeId)).toMatchObject({
      metadata: { company: "Column Ltd", netsuite_customer_id: String(id) },
    });
    // The next run finds it unchanged again: what was sent is what the link remembers.
    const again = await runMassSync(ns);
    expect(outcomeOf(again, id)).toBeUndefined();
    expect(again.tally.unchanged).toBe(1);
  });
});

describe("mass sync over two subsidiaries served by two Stripe accounts", () => {
  it("creates one Stripe customer in each account", async () => {
    const keyA = `sk_test_nssMassA${Date.now()}`;
    const keyB = `sk_test_nssMassB${Date.now()}`;
    // A second API secret, made by the account's administrator like the first.
    const secretB = "custsecret_nss_stripe_key_nordics";
    const { ns } = await openAccount(keyA, [
      { name: "Main", subsidiary: "1" },
      { name: "Nordics", subsidiary: "2", key: keyB, secretId: secretB },
    ]);
    const sub = await ns.saveAsUser(
      {
        type: "subsidiary",
        id: null,
        isDynamic: false,
        values: { name: "Nordics AS", country: "NO", currency: "1" },
      },
      { user: ADMIN },
    );
    expect(sub).toBe(2);
    const id = await saveCustomer(ns, { companyname: "Twin Ltd", email: "twin@mass.example.com" });
    await ns.saveAsUser({
      type: "customersubsidiaryrelationship",
      id: null,
      isDynamic: false,
      values: { entity: String(id), subsidiary: String(sub) },
    });
    const run = await runMassSync(ns);
    expect(run.outcomes[String(id)]?.map((t) => `${t.account}: ${t.outcome}`)).toEqual([
      "Main: created",
      "Nordics: created",
    ]);
    console.info(
      `mass sync units, two accounts: map ${JSON.stringify(run.units)}, getInputData ${run.summary.inputSummary.usage}`,
    );
    expect(run.units[String(id)]).toBeLessThan(UNIT_LIMIT);
    const inA = (await stripeFor(keyA).customers.list({ email: "twin@mass.example.com" })).data;
    const inB = (await stripeFor(keyB).customers.list({ email: "twin@mass.example.com" })).data;
    expect(inA).toHaveLength(1);
    expect(inB).toHaveLength(1);
    expect(inA[0]?.metadata).toMatchObject({ netsuite_customer_id: String(id), netsuite_subsidiary: "1" });
    expect(inB[0]?.metadata).toMatchObject({ netsuite_customer_id: String(id), netsuite_subsidiary: "2" });
    expect(linksOf(ns, id).map((l) => l[LINK_RECORD.fields.subsidiary])).toEqual(["1", "2"]);
    expect(customer(ns, id)[CUSTOMER_FIELDS.stripeCustomerId]).toBe(inA[0]?.id);
  });
});

describe("mass sync dry run with stored Stripe IDs", () => {
  it("plans an update for a known ID and reports a stale one, with GETs only", async () => {
    const key = `sk_test_nssMassStored${Date.now()}`;
    const stripe = stripeFor(key);
    const { ns } = await openAccount(key);
    const existing = await stripe.customers.create({ email: "carried@mass.example.com", name: "Old" });
    const carried = await saveCustomer(ns, {
      companyname: "Carried Ltd",
      email: "carried@mass.example.com",
      [CUSTOMER_FIELDS.stripeCustomerId]: existing.id,
    });
    const stale = await saveCustomer(ns, {
      companyname: "Stale Ltd",
      email: "stale@mass.example.com",
      [CUSTOMER_FIELDS.stripeCustomerId]: "cus_DoesNotExist1",
    });
    const posts = trapPosts(stripeEmulator);
    const run = await runMassSync(ns, true);
    expect(posts()).toBe(0);
    expect(outcomeOf(run, carried)).toEqual(["updated"]);
    expect(run.outcomes[String(carried)]?.[0]?.message).toBe(
      `Dry run: would update Stripe customer ${existing.id} in Stripe account "Main".`,
    );
    expect(outcomeOf(run, stale)).toEqual(["failed"]);
    expect(run.outcomes[String(stale)]?.[0]?.message).toContain(
      `Customer ${stale} stores Stripe customer cus_DoesNotExist1 in custentity_nss_stripe_customer_id, but Stripe has no such customer`,
    );
    expect(await stripe.customers.retrieve(existing.id)).toMatchObject({ name: "Old", metadata: {} });
    expect(allLinks(ns)).toEqual([]);
    expect(customer(ns, carried)[CUSTOMER_FIELDS.syncStatus] ?? "").toBe("");
    expect(customer(ns, stale)[CUSTOMER_FIELDS.lastError] ?? "").toBe("");
  });
});
