/**
 * The default payment method refresh Map/Reduce (customscript_nss_paymethod_mr), end to end: the
 * SuiteApp in the NetSuite emulator, customers linked by Auto Sync on Create against the Stripe
 * emulator over HTTPS, cards attached and made default with the `stripe` SDK. Stripe calls are the
 * requests the Stripe emulator's server receives (Node's `http.server.request.start` diagnostics
 * channel: it is the only HTTP server this file starts); record writes show in `lastmodifieddate`.
 *
 * The refresh lists Stripe's customers by windows of their `created` (100 a call) and refreshes alone
 * only the customers whose listing differs from what NetSuite shows: an unchanged customer has no call
 * of its own, no reduce output and no write. The last suites seed Stripe customers straight into the
 * Stripe emulator's store (and NetSuite customers and links into the NetSuite emulator's) to run it at
 * scale: hundreds and thousands of linked customers, and an account whose Stripe customers far
 * outnumber its linked ones.
 */

import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { MapReduceSummary, NetSuiteEmulator, SearchDef } from "@nss/netsuite-emulator";
import type { StripeEmulator } from "@nss/stripe-emulator";
import { CUSTOMER_FIELDS, LINK_RECORD, SCRIPTS, SYNC_LOG_RECORD } from "@nss/suiteapp/ids";
import { Cleanup, customer, query, saveCustomer, startStripe, stripeClient } from "@nss/suiteapp/system";
import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSuiteApp } from "./helpers/suiteapp.js";

const KEY = `sk_test_nssPayMethod${Date.now()}`;
const MR = SCRIPTS.paymentMethodRefresh.scriptId;
const DEPLOY = SCRIPTS.paymentMethodRefresh.deploymentId;
const LINK = LINK_RECORD.type;
const LIST = "GET /v1/customers";

let stripeEmulator: StripeEmulator;
let stripe: Stripe;
let ns: NetSuiteEmulator;
const cleanup = new Cleanup();

/** Stripe API requests received: `METHOD path`, and the full URLs. */
const requests: string[] = [];
const urls: string[] = [];
subscribe("http.server.request.start", (message) => {
  const { request } = message as { request: IncomingMessage };
  if (request.url?.startsWith("/v1/")) {
    requests.push(`${request.method} ${request.url.split("?")[0]}`);
    urls.push(decodeURIComponent(request.url));
  }
});

/** What reduce writes per customer refreshed alone. */
interface Output {
  outcome: string;
  message: string;
  stripeCalls: number;
  wrote: boolean;
  units: number;
  why: string;
}

/** The run's counts (getInputData's and every window's, summed). */
interface Tally {
  customers: number;
  notLinked: number;
  windows: number;
  singles: number;
  listed: number;
  unchanged: number;
  failed: number;
  stripeCalls: number;
  failures: string[];
  units: number;
}

interface Run {
  /** Customer ID → reduce's output: only the customers refreshed alone. */
  out: Record<string, Output>;
  tally: Tally;
  /** Stripe requests, as `METHOD path`, and their URLs. */
  calls: string[];
  urls: string[];
  runLog: Record<string, unknown>;
  summary: MapReduceSummary;
}

function rowsOf(emulator: NetSuiteEmulator, type: string, filters: SearchDef["filters"]) {
  return emulator.data
    .runSearch(query(type, [{ name: "internalid", sort: "ASC" }], filters), 0, 1000)
    .rows.map((r) => emulator.data.loadRecord(type, Number(r.id), false).values);
}
const runLogs = (emulator: NetSuiteEmulator) =>
  rowsOf(emulator, SYNC_LOG_RECORD.type, [
    { name: SYNC_LOG_RECORD.fields.kind, operator: "is", values: ["paymethod"] },
  ]).filter((l) => !l[SYNC_LOG_RECORD.fields.customer] && l[SYNC_LOG_RECORD.fields.outcome] !== "started");

/** Runs the refresh in `emulator`; returns reduce's outputs, the counts and the Stripe requests it made. */
async function refresh(emulator: NetSuiteEmulator = ns): Promise<Run> {
  const before = requests.length;
  const logsBefore = runLogs(emulator).length;
  const run = await emulator.runScript(MR, DEPLOY);
  if (run.type !== "mapreducescript") throw new Error("not a map/reduce run");
  const { summary } = run;
  expect(summary.inputSummary.error).toBeUndefined();
  expect(summary.mapSummary.errors).toEqual([]);
  expect(summary.reduceSummary.errors).toEqual([]);
  expect(summary.summarizeSummary.error).toBeUndefined();
  const out: Record<string, Output> = {};
  const tallies: Tally[] = [];
  for (const [key, value] of summary.output) {
    if (key.startsWith("tally")) tallies.push(JSON.parse(value) as Tally);
    else out[key] = JSON.parse(value) as Output;
  }
  const [tally, ...continued] = tallies;
  if (!tally) throw new Error("no tally");
  for (const more of continued) {
    for (const k of ["listed", "unchanged", "failed", "stripeCalls", "units"] as const) tally[k] += more[k];
    tally.failures.push(...more.failures);
  }
  const logs = runLogs(emulator);
  expect(logs).toHaveLength(logsBefore + 1);
  return {
    out,
    tally,
    calls: requests.slice(before),
    urls: urls.slice(before),
    runLog: logs.at(-1) as Record<string, unknown>,
    summary,
  };
}

const pmFields = (id: number, emulator: NetSuiteEmulator = ns) => {
  const c = customer(emulator, id);
  return {
    summary: c[CUSTOMER_FIELDS.defaultPaymentMethod] ?? "",
    id: c[CUSTOMER_FIELDS.defaultPaymentMethodId] ?? "",
    read: c[CUSTOMER_FIELDS.defaultPaymentMethodRead] ?? null,
    modified: c.lastmodifieddate,
  };
};

const linkOf = (id: number, emulator: NetSuiteEmulator = ns) => {
  const [row] = emulator.data.runSearch(
    query(
      LINK,
      [{ name: "internalid" }],
      [{ name: LINK_RECORD.fields.customer, operator: "anyof", values: [String(id)] }],
    ),
    0,
    1,
  ).rows;
  if (!row) throw new Error(`no link for customer ${id}`);
  return { id: Number(row.id), values: emulator.data.loadRecord(LINK, Number(row.id), false).values };
};

/** Attaches a test card to the Stripe customer and makes it the default. */
async function makeDefault(
  stripeId: string,
  token: string,
  client: Stripe = stripe,
): Promise<Stripe.PaymentMethod> {
  const pm = await client.paymentMethods.attach(token, { customer: stripeId });
  await client.customers.update(stripeId, { invoice_settings: { default_payment_method: pm.id } });
  return pm;
}

const expiry = (pm: Stripe.PaymentMethod) =>
  `${String(pm.card?.exp_month).padStart(2, "0")}/${pm.card?.exp_year}`;

const stripeIdOf = (id: number, emulator: NetSuiteEmulator = ns) =>
  String(customer(emulator, id)[CUSTOMER_FIELDS.stripeCustomerId]);

beforeAll(async () => {
  stripeEmulator = cleanup.own(await startStripe());
  stripe = stripeClient(KEY, stripeEmulator);
  ({ ns } = await openSuiteApp(cleanup, stripeEmulator, { key: KEY }));
});

afterAll(() => cleanup.run());

describe("default payment method refresh", () => {
  let withCard: number;
  let noCard: number;
  let cardStripeId: string;
  let visa: Stripe.PaymentMethod;

  it("shows the default card on the customer: one list call for the window, one call for the customer that changed", async () => {
    withCard = await saveCustomer(ns, { companyname: "Card Ltd", email: "card@example.com" });
    noCard = await saveCustomer(ns, { companyname: "No Card Ltd", email: "nocard@example.com" });
    cardStripeId = stripeIdOf(withCard);
    expect(cardStripeId).toMatch(/^cus_/);
    // The create stored Stripe's created on the link: the refresh lists the customer in its window.
    expect(Number(linkOf(withCard).values[LINK_RECORD.fields.stripeCreated])).toBeGreaterThan(1_600_000_000);
    visa = await makeDefault(cardStripeId, "pm_card_visa");

    const { out, tally, calls, urls: sent, runLog } = await refresh();
    // Only the changed customer reaches reduce; the one without a card was compared in the listing.
    expect(Object.keys(out)).toEqual([String(withCard)]);
    expect(out[String(withCard)]).toMatchObject({
      outcome: "refreshed",
      why: "changed",
      stripeCalls: 1,
      wrote: true,
    });
    expect(tally).toMatchObject({ customers: 2, windows: 1, unchanged: 1, stripeCalls: 1, failed: 0 });
    expect(calls).toEqual([LIST, `GET /v1/customers/${cardStripeId}`]);
    // The window's list: the first window starts at 0 and the only one is open-ended.
    expect(sent[0]).toBe(
      "/v1/customers?limit=100&created[gte]=0&expand[0]=data.invoice_settings.default_payment_method",
    );
    const shown = pmFields(withCard);
    expect(shown.summary).toBe(`Visa •••• 4242, exp ${expiry(visa)}`);
    expect(shown.id).toBe(visa.id);
    expect(shown.read).not.toBeNull();
    expect(pmFields(noCard).summary).toBe("");
    expect(runLog).toMatchObject({
      [SYNC_LOG_RECORD.fields.outcome]: "completed",
      [SYNC_LOG_RECORD.fields.updated]: 1,
      [SYNC_LOG_RECORD.fields.unchanged]: 1,
      [SYNC_LOG_RECORD.fields.cleared]: 0,
      [SYNC_LOG_RECORD.fields.failed]: 0,
    });
    expect(String(runLog[SYNC_LOG_RECORD.fields.message])).toMatch(/Stripe calls 2 \(1\.000 per customer\)/);
    // The written one: load 5, Stripe 10, save 10 (no link search: getInputData read every link).
    expect(out[String(withCard)]?.units).toBe(25);
  });

  it("a second run writes no record and makes one list call", async () => {
    const before = [pmFields(withCard), pmFields(noCard)];
    const { out, tally, calls, summary } = await refresh();
    expect(out).toEqual({});
    expect(tally).toMatchObject({ customers: 2, unchanged: 2, stripeCalls: 1 });
    expect(calls).toEqual([LIST]);
    // Not even the read time: the customer records are untouched.
    expect([pmFields(withCard), pmFields(noCard)]).toEqual(before);
    // One list call (10) in map and nothing in reduce.
    expect(summary.mapSummary.usage).toBe(10);
    expect(summary.reduceSummary.usage).toBe(0);
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
    // The customer changed (a new default card), and its own read fails three times.
    const amex = await makeDefault(cardStripeId, "pm_card_amex");
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
      [SYNC_LOG_RECORD.fields.outcome]: "completed_with_failures",
      [SYNC_LOG_RECORD.fields.failed]: 1,
    });
    const rowsOfCustomer = rowsOf(ns, SYNC_LOG_RECORD.type, [
      { name: SYNC_LOG_RECORD.fields.kind, operator: "is", values: ["paymethod"] },
      { name: SYNC_LOG_RECORD.fields.customer, operator: "anyof", values: [String(withCard)] },
    ]);
    expect(rowsOfCustomer.at(-1)?.[SYNC_LOG_RECORD.fields.outcome]).toBe("failed");
    expect(String(customer(ns, withCard)[CUSTOMER_FIELDS.lastError])).toMatch(
      /^Default payment method refresh: /,
    );
    expect(pmFields(withCard).summary).toMatch(/^Mastercard/);

    const next = await refresh();
    expect(next.out[String(withCard)]).toMatchObject({ outcome: "refreshed", wrote: true });
    expect(pmFields(withCard)).toMatchObject({ id: amex.id });
    expect(customer(ns, withCard)[CUSTOMER_FIELDS.lastError] ?? "").toBe("");
  });

  it("a stale refresh error on an unchanged customer is cleared, without a change of payment method", async () => {
    ns.data.submitFields("customer", noCard, {
      [CUSTOMER_FIELDS.lastError]: "Default payment method refresh: Stripe was unavailable.",
    });
    const before = pmFields(noCard);
    const { out } = await refresh();
    expect(out[String(noCard)]).toMatchObject({ outcome: "unchanged", why: "changed", wrote: true });
    expect(customer(ns, noCard)[CUSTOMER_FIELDS.lastError] ?? "").toBe("");
    expect(pmFields(noCard)).toMatchObject({ summary: before.summary, id: before.id, read: before.read });
    // Another refresh's error (a sync's, say) is not the refresh's to clear: no write for it.
    ns.data.submitFields("customer", noCard, { [CUSTOMER_FIELDS.lastError]: "Stripe rejected the email." });
    expect((await refresh()).out).toEqual({});
    ns.data.submitFields("customer", noCard, { [CUSTOMER_FIELDS.lastError]: "" });
  });

  it("a failed listing counts the window's customers as failed and writes none of them", async () => {
    const before = [pmFields(withCard), pmFields(noCard)];
    stripeEmulator.faults.clear();
    stripeEmulator.faults.add({ kind: "500", method: "GET", pathPrefix: "/v1/customers", count: 3 });
    const failed = await refresh();
    stripeEmulator.faults.clear();
    expect(failed.out).toEqual({});
    expect(failed.calls).toEqual([LIST, LIST, LIST]);
    expect(failed.tally).toMatchObject({ failed: 2, unchanged: 0 });
    expect(failed.tally.failures).toEqual([expect.stringMatching(/2 customers not refreshed: /)]);
    expect(failed.runLog).toMatchObject({
      [SYNC_LOG_RECORD.fields.outcome]: "completed_with_failures",
      [SYNC_LOG_RECORD.fields.failed]: 2,
    });
    expect([pmFields(withCard), pmFields(noCard)]).toEqual(before);
    expect((await refresh()).tally).toMatchObject({ unchanged: 2, failed: 0 });
  });

  it("a deleted Stripe customer clears the fields once", async () => {
    await stripe.customers.del(cardStripeId);
    const { out, runLog, calls } = await refresh();
    // Not in the list any more: read alone, then refreshed (load, read, save).
    expect(out[String(withCard)]).toMatchObject({ outcome: "cleared", why: "missing", wrote: true });
    expect(calls).toEqual([LIST, `GET /v1/customers/${cardStripeId}`, `GET /v1/customers/${cardStripeId}`]);
    expect(pmFields(withCard)).toMatchObject({ summary: "", id: "" });
    expect(runLog).toMatchObject({ [SYNC_LOG_RECORD.fields.cleared]: 1 });
    const before = pmFields(withCard);
    const again = await refresh();
    // Read alone each run (Stripe lists no deleted customer), but no load and no write.
    expect(again.out[String(withCard)]).toMatchObject({
      outcome: "unchanged",
      wrote: false,
      stripeCalls: 1,
      units: 10,
    });
    expect(pmFields(withCard)).toEqual(before);
  });

  it("a link without Stripe's created is refreshed alone and gets its created, then is listed", async () => {
    const id = await saveCustomer(ns, { companyname: "Old Link Ltd", email: "oldlink@example.com" });
    const stripeId = stripeIdOf(id);
    const created = (await stripe.customers.retrieve(stripeId)) as Stripe.Customer;
    // A link made before links stored created.
    ns.data.submitFields(LINK, linkOf(id).id, { [LINK_RECORD.fields.stripeCreated]: "" });
    const pm = await makeDefault(stripeId, "pm_card_visa");

    const first = await refresh();
    expect(first.out[String(id)]).toMatchObject({ outcome: "refreshed", why: "uncreated", stripeCalls: 1 });
    expect(first.tally.singles).toBe(1);
    expect(pmFields(id)).toMatchObject({ id: pm.id });
    expect(linkOf(id).values[LINK_RECORD.fields.stripeCreated]).toBe(String(created.created));

    const second = await refresh();
    expect(second.out[String(id)]).toBeUndefined();
    expect(second.tally.singles).toBe(0);
    expect(second.calls.filter((c) => c === `GET /v1/customers/${stripeId}`)).toEqual([]);
  });

  it("a written customer is still saved with optimistic locking: a newer write during the refresh makes it read again", async () => {
    const id = await saveCustomer(ns, { companyname: "Race Ltd", email: "race@example.com" });
    const stripeId = stripeIdOf(id);
    const visaCard = await makeDefault(stripeId, "pm_card_visa");
    // Hold the answer of the refresh's own read of the customer after Stripe read it (Visa).
    stripeEmulator.faults.clear();
    stripeEmulator.faults.add({
      kind: "delay",
      phase: "after",
      delayMs: 800,
      method: "GET",
      pathPrefix: `/v1/customers/${stripeId}`,
      count: 1,
    });
    const running = refresh();
    await expect.poll(() => stripeEmulator.faults.pending().length, { timeout: 5000, interval: 10 }).toBe(0);
    // Meanwhile the card changes and a webhook's refresh writes it on the customer.
    const mastercard = await makeDefault(stripeId, "pm_card_mastercard");
    const loaded = ns.data.loadRecord("customer", id, false);
    await ns.saveAsUser({
      ...loaded,
      values: {
        ...loaded.values,
        [CUSTOMER_FIELDS.defaultPaymentMethod]: `Mastercard •••• 4444, exp ${expiry(mastercard)}`,
        [CUSTOMER_FIELDS.defaultPaymentMethodId]: mastercard.id,
      },
    });
    const { out } = await running;
    // The slow save found the customer written since its load: it loaded and read Stripe again, found
    // the newer card shown already, and wrote nothing over it.
    expect(out[String(id)]).toMatchObject({ outcome: "unchanged", stripeCalls: 2, wrote: false });
    expect(pmFields(id).id).toBe(mastercard.id);
    expect(visaCard.id).not.toBe(mastercard.id);
  });
});

/**
 * Stripe customers made straight in the Stripe emulator's store (as `POST /v1/customers` would store
 * them, with chosen `created` times), and NetSuite customers with their links straight in the NetSuite
 * emulator's data: thousands in seconds.
 */
interface Seeded {
  ns: NetSuiteEmulator;
  client: Stripe;
  /** NetSuite customer IDs, oldest Stripe customer first. */
  ids: number[];
  stripeIds: string[];
}

let seedCount = 0;
async function seedAccount(options: {
  /** Stripe customers to make, oldest first, each `created` given; `linked` says which NetSuite links. */
  created: readonly number[];
  linked: (index: number) => boolean;
}): Promise<Seeded> {
  seedCount++;
  const key = `sk_test_nssPmScale${seedCount}${Date.now()}`;
  // Customers are seeded into the data, not saved: no create trigger runs.
  const { ns: emulator, accounts, stripe: client } = await openSuiteApp(cleanup, stripeEmulator, { key });
  const accountRecord = String(accounts[0]?.recordId);
  const account = (await client.accounts.retrieveCurrent()).id;
  const template = (await client.customers.create({ name: "template" })) as unknown as Record<
    string,
    unknown
  >;
  await client.customers.del(String(template.id));
  const ids: number[] = [];
  const stripeIds: string[] = [];
  options.created.forEach((created, i) => {
    const stripeId = `cus_Seed${seedCount}x${String(i).padStart(6, "0")}`;
    stripeEmulator.store.insert(
      account,
      { ...template, id: stripeId, object: "customer", created, email: `c${i}@example.com`, name: `C ${i}` },
      0,
    );
    if (!options.linked(i)) return;
    const id = emulator.data.seedCustomer({
      companyname: `Customer ${i}`,
      email: `c${i}@example.com`,
      [CUSTOMER_FIELDS.stripeCustomerId]: stripeId,
    });
    emulator.data.saveRecord({
      type: LINK,
      id: null,
      isDynamic: false,
      values: {
        externalid: `${accountRecord}:${id}:1`,
        [LINK_RECORD.fields.customer]: String(id),
        [LINK_RECORD.fields.account]: accountRecord,
        [LINK_RECORD.fields.subsidiary]: "1",
        [LINK_RECORD.fields.stripeId]: stripeId,
        [LINK_RECORD.fields.fingerprint]: "seeded",
        [LINK_RECORD.fields.generation]: 0,
        [LINK_RECORD.fields.stripeCreated]: String(created),
      },
    });
    ids.push(id);
    stripeIds.push(stripeId);
  });
  return { ns: emulator, client, ids, stripeIds };
}

const T0 = 1_700_000_000;

describe("the refresh at scale", () => {
  it("250 customers: an unchanged customer costs no call of its own and well under a unit", async () => {
    const n = 250;
    const s = await seedAccount({ created: Array.from({ length: n }, (_, i) => T0 + i), linked: () => true });
    // Five customers get a default card.
    const changed = [3, 50, 120, 200, 249].map((i) => s.ids[i] as number);
    for (const i of [3, 50, 120, 200, 249])
      await makeDefault(s.stripeIds[i] as string, "pm_card_visa", s.client);

    const first = await refresh(s.ns);
    expect(
      Object.keys(first.out)
        .map(Number)
        .sort((a, b) => a - b),
    ).toEqual(changed);
    expect(Object.values(first.out).every((o) => o.outcome === "refreshed" && o.stripeCalls === 1)).toBe(
      true,
    );
    // ⌈250 / 100⌉ list calls and one per changed customer.
    expect(first.calls.filter((c) => c === LIST)).toHaveLength(3);
    expect(first.calls).toHaveLength(3 + changed.length);
    expect(first.tally).toMatchObject({ customers: n, unchanged: n - changed.length, listed: n });

    const modified = s.ids.map((id) => customer(s.ns, id).lastmodifieddate);
    const second = await refresh(s.ns);
    expect(second.out).toEqual({});
    expect(second.calls).toEqual([LIST, LIST, LIST]);
    expect(s.ids.map((id) => customer(s.ns, id).lastmodifieddate)).toEqual(modified);
    const units = second.summary.usage;
    const perCustomer = units / n;
    console.log(
      `refresh of ${n} unchanged customers: ${second.calls.length} Stripe calls (${(second.calls.length / n).toFixed(3)} per customer), ` +
        `${units} units (${perCustomer.toFixed(3)} per customer: getInputData ${second.summary.inputSummary.usage}, ` +
        `map ${second.summary.mapSummary.usage}, reduce ${second.summary.reduceSummary.usage}, summarize ${second.summary.summarizeSummary.usage}); ` +
        `first run with ${changed.length} changed: ${first.calls.length} calls, ${first.summary.usage} units`,
    );
    expect(second.calls.length / n).toBeLessThanOrEqual(0.02);
    expect(perCustomer).toBeLessThanOrEqual(1);
  });

  it("2,500 customers in three windows of created: no gap, no overlap, every customer compared once", async () => {
    const n = 2500;
    // Ten customers a second, so each window ends at a change of second after its 1,000th customer.
    const s = await seedAccount({
      created: Array.from({ length: n }, (_, i) => T0 + Math.floor(i / 10)),
      linked: () => true,
    });
    const picks = [0, 999, 1000, 1001, 2499];
    for (const i of picks) await makeDefault(s.stripeIds[i] as string, "pm_card_mastercard", s.client);
    const first = await refresh(s.ns);
    expect(first.tally).toMatchObject({ customers: n, windows: 3, listed: n, unchanged: n - picks.length });
    expect(Object.keys(first.out)).toHaveLength(picks.length);
    const lists = first.urls.filter((u) => u.startsWith("/v1/customers?"));
    const ranges = [...new Set(lists.map((u) => /created\[gte\][^&]*(&created\[lt\]=\d+)?/.exec(u)?.[0]))];
    expect(ranges.sort()).toEqual(
      [
        "created[gte]=0&created[lt]=1700000100",
        `created[gte]=${T0 + 100}&created[lt]=${T0 + 200}`,
        `created[gte]=${T0 + 200}`,
      ].sort(),
    );
    const second = await refresh(s.ns);
    expect(second.out).toEqual({});
    expect(second.tally).toMatchObject({ unchanged: n, failed: 0 });
    console.log(
      `refresh of ${n} unchanged customers in ${second.tally.windows} windows: ${second.calls.length} Stripe calls ` +
        `(${(second.calls.length / n).toFixed(4)} per customer), ${second.summary.usage} units ` +
        `(${(second.summary.usage / n).toFixed(3)} per customer: getInputData ${second.summary.inputSummary.usage}, ` +
        `map ${second.summary.mapSummary.usage}, reduce ${second.summary.reduceSummary.usage}, summarize ${second.summary.summarizeSummary.usage}); ` +
        `first run with ${picks.length} changed: ${first.calls.length} calls, ${first.summary.usage} units`,
    );
    // 1,000 + 1,000 + 500 linked: 10 + 10 + 5 pages (a window's listing ends with its last linked customer).
    expect(second.calls.length).toBe(25);
    expect(second.summary.usage / n).toBeLessThanOrEqual(1);
  });

  it("an account whose Stripe customers far outnumber its linked ones: the window's listing goes on in reduce", async () => {
    // 12,000 Stripe customers, one in 120 linked (100): one window, 120 pages, more than map's units.
    const n = 12_000;
    const s = await seedAccount({
      created: Array.from({ length: n }, (_, i) => T0 + i),
      linked: (i) => i % 120 === 0,
    });
    expect(s.ids).toHaveLength(100);
    // The oldest linked customer (on the last page) has a new card.
    await makeDefault(s.stripeIds[0] as string, "pm_card_visa", s.client);
    const run = await refresh(s.ns);
    const continued = run.summary.output.filter(([k]) => k.startsWith("tally:w:"));
    expect(continued).toHaveLength(1);
    expect(run.out[String(s.ids[0])]).toMatchObject({ outcome: "refreshed" });
    expect(run.tally).toMatchObject({ customers: 100, unchanged: 99, failed: 0 });
    expect(run.tally.failures).toEqual([]);
    expect(run.summary.mapSummary.usage).toBeLessThanOrEqual(1000);
    console.log(
      `refresh of 100 linked among ${n} Stripe customers: ${run.calls.length} Stripe calls, map ${run.summary.mapSummary.usage} units, reduce ${run.summary.reduceSummary.usage}`,
    );
  });
});
