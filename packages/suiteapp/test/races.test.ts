/**
 * Races and faults, end to end: the SuiteApp's built scripts in the NetSuite emulator against the
 * Stripe emulator over HTTPS. What every test proves is the same rule: never a duplicate Stripe
 * customer, and one link record per NetSuite customer and Stripe account.
 *
 * Overlap of the create user event and the mass sync: every Stripe POST is slowed down by a `delay`
 * fault (it runs only after the wait), customers are saved as a user would (not awaited), and as soon as
 * their records exist (the emulator writes the record, then runs afterSubmit) the mass sync is started
 * while no save has returned yet, with a deployment that maps every customer at once: each map looks
 * its customer up while the user event's create is still waiting, finds nothing and creates too.
 * The test checks that no save had returned when the map/reduce started, that the map/reduce's input
 * held every customer, and that the delay rule was used by both scripts' POSTs.
 */

import type { MapReduceSummary, NetSuiteEmulator, SearchDef } from "@nss/netsuite-emulator";
import type { StripeEmulator } from "@nss/stripe-emulator";
import { CUSTOMER_FIELDS, LINK_RECORD, SCRIPT_PARAMS, SCRIPTS } from "@nss/suiteapp/ids";
import {
  Cleanup,
  customer,
  projectWithConcurrency,
  query,
  saveCustomer,
  startStripe,
} from "@nss/suiteapp/system";
import type Stripe from "stripe";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { openSuiteApp } from "./helpers/suiteapp.js";

const MR = SCRIPTS.massSync.scriptId;
const DEPLOY = SCRIPTS.massSync.deploymentId;

const cleanup = new Cleanup();
let stripeEmulator: StripeEmulator;

/** The SuiteApp in a fresh account with one Stripe account record (its own key) for subsidiary 1. */
async function openAccount(
  key: string,
  autoSync: boolean,
  projectDir?: string,
): Promise<{ ns: NetSuiteEmulator; stripe: Stripe; accountRecord: number }> {
  const { ns, stripe, accounts } = await openSuiteApp(cleanup, stripeEmulator, {
    key,
    autoSync,
    ...(projectDir ? { netsuite: { projectDir } } : {}),
  });
  return { ns, stripe, accountRecord: accounts[0]?.recordId as number };
}

/**
 * A copy of the project whose mass sync deployment maps up to 5 customers at once (an administrator's
 * concurrency limit; the emulator maps one at a time without it), so that every customer's map runs
 * while its user event does.
 */
const concurrentProject = (): string => projectWithConcurrency(cleanup.dir("nss-races-project-"), MR, 5);

function rowsOf(ns: NetSuiteEmulator, type: string, filters: SearchDef["filters"]) {
  return ns.data
    .runSearch(query(type, [{ name: "internalid", sort: "ASC" }], filters), 0, 1000)
    .rows.map((r) => ({ id: Number(r.id), values: ns.data.loadRecord(type, Number(r.id), false).values }));
}
const linksOf = (ns: NetSuiteEmulator, id: number) =>
  rowsOf(ns, LINK_RECORD.type, [
    { name: LINK_RECORD.fields.customer, operator: "anyof", values: [String(id)] },
  ]).map((r) => r.values);
const customersByEmail = (ns: NetSuiteEmulator, email: string) =>
  rowsOf(ns, "customer", [{ name: "email", operator: "is", values: [email] }]).map((r) => r.id);

interface Outcome {
  account: string;
  outcome: string;
  message: string;
}

function outcomesOf(summary: MapReduceSummary): Record<string, Outcome[]> {
  const outcomes: Record<string, Outcome[]> = {};
  for (const [key, value] of summary.output) {
    outcomes[key] = (JSON.parse(value) as { targets: Outcome[] }).targets;
  }
  return outcomes;
}

async function runMassSync(ns: NetSuiteEmulator): Promise<Record<string, Outcome[]>> {
  const run = await ns.runScript(MR, DEPLOY, { [SCRIPT_PARAMS.massSyncDryRun]: "F" });
  if (run.type !== "mapreducescript") throw new Error("not a map/reduce run");
  expect(run.summary.inputSummary.error).toBeUndefined();
  expect(run.summary.mapSummary.errors).toEqual([]);
  expect(run.summary.summarizeSummary.error).toBeUndefined();
  return outcomesOf(run.summary);
}

/**
 * The invariant: exactly one Stripe customer for the email, named by the customer's Stripe ID field,
 * its metadata, and the one link record of the customer for the account.
 */
async function expectOneStripeCustomer(
  ns: NetSuiteEmulator,
  stripe: Stripe,
  id: number,
  email: string,
  accountRecord: number,
): Promise<string> {
  const found = (await stripe.customers.list({ email, limit: 100 })).data;
  expect(found.map((c) => c.email)).toEqual([email]);
  const cus = found[0] as Stripe.Customer;
  expect(cus.metadata).toMatchObject({ netsuite_customer_id: String(id), netsuite_subsidiary: "1" });
  expect(customer(ns, id)[CUSTOMER_FIELDS.stripeCustomerId]).toBe(cus.id);
  const links = linksOf(ns, id);
  expect(links).toHaveLength(1);
  expect(links[0]).toMatchObject({
    [LINK_RECORD.fields.stripeId]: cus.id,
    [LINK_RECORD.fields.account]: String(accountRecord),
    [LINK_RECORD.fields.subsidiary]: "1",
  });
  return cus.id;
}

/** Polls (every 5 ms) until the condition holds. */
async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error("condition not reached in time");
    await new Promise((r) => setTimeout(r, 5));
  }
}

beforeAll(async () => {
  stripeEmulator = cleanup.own(await startStripe());
});

afterEach(() => {
  stripeEmulator.faults.clear();
});

afterAll(() => cleanup.run());

describe("the create user event and the mass sync at the same time", () => {
  it("give one Stripe customer and one link per NetSuite customer", async () => {
    const { ns, stripe, accountRecord } = await openAccount(
      `sk_test_nssRaceUeMr${Date.now()}`,
      true,
      concurrentProject(),
    );
    const N = 4;
    const emails = Array.from({ length: N }, (_, i) => `race${i}@races.example.com`);
    // Every Stripe POST waits before it runs, so a user event's create is still in flight (nothing in
    // Stripe yet) when the mass sync looks the same customer up.
    const POSTS = 1000;
    stripeEmulator.faults.add({ kind: "delay", delayMs: 800, method: "POST", count: POSTS });

    let savesDone = 0;
    const saves = emails.map((email, i) =>
      saveCustomer(ns, { companyname: `Race ${i} Ltd`, email }).then((id) => {
        savesDone += 1;
        return id;
      }),
    );
    // The records are written before afterSubmit runs: wait until the mass sync's search can see them.
    await until(() => emails.every((e) => customersByEmail(ns, e).length === 1));
    const savesDoneAtMrStart = savesDone;
    const mass = runMassSync(ns);
    const ids = await Promise.all(saves);
    const outcomes = await mass;

    // They overlapped: no save (so no user event) had finished when the mass sync started, and the
    // mass sync's input held every customer.
    expect(savesDoneAtMrStart).toBe(0);
    for (const id of ids) expect(outcomes[String(id)]).toHaveLength(1);
    // Both scripts sent a POST for every customer (a user event's create, and a map's create with the
    // same idempotency key or a link's update): every map ran before its user event had finished.
    const left = stripeEmulator.faults.pending().find((r) => r.kind === "delay")?.count ?? 0;
    expect(POSTS - left).toBeGreaterThanOrEqual(2 * N);
    console.info(
      `races: mass sync outcomes ${JSON.stringify(ids.map((id) => outcomes[String(id)]?.[0]?.outcome))}, posts ${POSTS - left}`,
    );
    stripeEmulator.faults.clear();

    for (const [i, id] of ids.entries()) {
      expect(outcomes[String(id)]?.[0]?.outcome).toMatch(/^(created|linked)$/);
      await expectOneStripeCustomer(ns, stripe, id, emails[i] as string, accountRecord);
      expect(customer(ns, id)[CUSTOMER_FIELDS.syncStatus]).toMatch(/^(synced|unchanged)$/);
    }
    expect((await stripe.customers.list({ limit: 100 })).data).toHaveLength(N);

    // A later mass sync finds everything in order and changes nothing.
    const again = await runMassSync(ns);
    for (const id of ids) expect(again[String(id)]?.map((t) => t.outcome)).toEqual(["unchanged"]);
    expect((await stripe.customers.list({ limit: 100 })).data).toHaveLength(N);
  });
});

describe("retries after a 500 from Stripe", () => {
  let ns: NetSuiteEmulator;
  let stripe: Stripe;
  let accountRecord: number;
  beforeAll(async () => {
    ({ ns, stripe, accountRecord } = await openAccount(`sk_test_nssRace500${Date.now()}`, true));
  });

  it("two 500s before the create ran: the retry creates exactly one customer", async () => {
    stripeEmulator.faults.add({
      kind: "500",
      phase: "before",
      method: "POST",
      pathPrefix: "/v1/customers",
      count: 2,
    });
    const email = "before@races.example.com";
    const id = await saveCustomer(ns, { companyname: "Before Ltd", email });
    expect(stripeEmulator.faults.pending()).toEqual([]); // both 500s were used
    await expectOneStripeCustomer(ns, stripe, id, email, accountRecord);
    expect(customer(ns, id)).toMatchObject({ [CUSTOMER_FIELDS.syncStatus]: "synced" });
  });

  it("a 500 after the create ran: STRIPE_UNAVAILABLE, then the mass sync links the customer Stripe made", async () => {
    stripeEmulator.faults.add({
      kind: "500",
      phase: "after",
      method: "POST",
      pathPrefix: "/v1/customers",
      count: 1,
    });
    const email = "after@races.example.com";
    const id = await saveCustomer(ns, { companyname: "After Ltd", email });
    expect(stripeEmulator.faults.pending()).toEqual([]);
    const failed = customer(ns, id);
    expect(failed[CUSTOMER_FIELDS.syncStatus]).toBe("error");
    // The Stripe client's STRIPE_UNAVAILABLE message, its fix and its code (core's stored format).
    const error = String(failed[CUSTOMER_FIELDS.lastError]);
    expect(error).toMatch(/ Fix: .* \[STRIPE_UNAVAILABLE\]$/);
    expect(error).toContain(
      'Stripe failed POST /v1/customers for Stripe account "Main" after 3 attempts (HTTP 500',
    );
    expect(error).toContain("The request may have been carried out");
    expect(failed[CUSTOMER_FIELDS.stripeCustomerId] ?? "").toBe("");
    expect(linksOf(ns, id)).toEqual([]);
    // The create ran in Stripe though the answer was a 500 (replayed on every retry).
    const made = (await stripe.customers.list({ email })).data;
    expect(made).toHaveLength(1);

    const outcomes = await runMassSync(ns);
    expect(outcomes[String(id)]?.map((t) => t.outcome)).toEqual(["linked"]);
    const linked = await expectOneStripeCustomer(ns, stripe, id, email, accountRecord);
    expect(linked).toBe(made[0]?.id);
    expect(customer(ns, id)[CUSTOMER_FIELDS.syncStatus]).toBe("synced");
    expect(customer(ns, id)[CUSTOMER_FIELDS.lastError] ?? "").toBe("");
  });
});

describe("two mass syncs of the same deployment", () => {
  it("a second run while one is running is refused; back to back they keep one Stripe customer each", async () => {
    const { ns, stripe, accountRecord } = await openAccount(`sk_test_nssRaceMrMr${Date.now()}`, false);
    const emails = ["m0@races.example.com", "m1@races.example.com", "m2@races.example.com"];
    const ids: number[] = [];
    for (const [i, email] of emails.entries()) {
      ids.push(await saveCustomer(ns, { companyname: `Mass ${i} Ltd`, email }));
    }
    const first = runMassSync(ns);
    await expect(ns.runScript(MR, DEPLOY, { [SCRIPT_PARAMS.massSyncDryRun]: "F" })).rejects.toMatchObject({
      name: "MAP_REDUCE_ALREADY_RUNNING",
    });
    const one = await first;
    for (const id of ids) expect(one[String(id)]?.map((t) => t.outcome)).toEqual(["created"]);

    // Nothing changed: no customer reaches map.
    const two = await runMassSync(ns);
    for (const id of ids) expect(two[String(id)]).toBeUndefined();

    // A blanked Stripe ID field on one customer: the next run links it again by email, no new customer.
    await ns.saveAsUser({
      ...ns.data.loadRecord("customer", ids[0] as number, false),
      values: { ...customer(ns, ids[0] as number), [CUSTOMER_FIELDS.stripeCustomerId]: "" },
    });
    const three = await runMassSync(ns);
    expect(three[String(ids[0])]?.map((t) => t.outcome)).toEqual(["linked"]);

    for (const [i, id] of ids.entries()) {
      await expectOneStripeCustomer(ns, stripe, id, emails[i] as string, accountRecord);
    }
    expect((await stripe.customers.list({ limit: 100 })).data).toHaveLength(ids.length);
  });
});
