/**
 * The possible duplicates scan (customscript_nss_dupscan_mr), end to end: Stripe customers made directly in
 * the Stripe emulator (as another system would), the SuiteApp's scan run in the NetSuite emulator, its rows
 * (customrecord_nss_duplicate) read back. A pair sharing an email written in other case, a pair
 * carrying the same netsuite_customer_id; a rescan replaces the rows; the scan sends Stripe GETs only.
 */
import type { NetSuiteEmulator } from "@nss/netsuite-emulator";
import type { StripeEmulator } from "@nss/stripe-emulator";
import { DUPLICATE_RECORD, SCRIPTS, SYNC_LOG_RECORD } from "@nss/suiteapp/ids";
import { Cleanup, query, startStripe, stripeClient } from "@nss/suiteapp/system";
import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSuiteApp, trapPosts } from "./helpers/suiteapp.js";

const f = DUPLICATE_RECORD.fields;
const cleanup = new Cleanup();
let stripeEmulator: StripeEmulator;

beforeAll(async () => {
  stripeEmulator = cleanup.own(await startStripe());
});
afterAll(() => cleanup.run());

function duplicateRows(ns: NetSuiteEmulator) {
  return ns.data
    .runSearch(query(DUPLICATE_RECORD.type, [{ name: "internalid", sort: "ASC" }]), 0, 1000)
    .rows.map((r) => ns.data.loadRecord(DUPLICATE_RECORD.type, Number(r.id), false).values);
}

async function scan(ns: NetSuiteEmulator) {
  const run = await ns.runScript(SCRIPTS.duplicatesScan.scriptId, SCRIPTS.duplicatesScan.deploymentId);
  if (run.type !== "mapreducescript") throw new Error("not a map/reduce run");
  expect(run.summary.inputSummary.error).toBeUndefined();
  expect(run.summary.mapSummary.errors).toEqual([]);
  expect(run.summary.reduceSummary.errors).toEqual([]);
  expect(run.summary.summarizeSummary.error).toBeUndefined();
  return run.summary;
}

describe("possible duplicates scan", () => {
  const key = `sk_test_nssDupScan${Date.now()}`;
  let ns: NetSuiteEmulator;
  let stripe: Stripe;
  let accountRecord: number;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const opened = await openSuiteApp(cleanup, stripeEmulator, { key, autoSync: false });
    ns = opened.ns;
    accountRecord = opened.accounts[0]?.recordId as number;
    stripe = stripeClient(key, stripeEmulator);
    const make = async (name: string, params: Stripe.CustomerCreateParams) => {
      ids[name] = (await stripe.customers.create(params)).id;
    };
    await make("mailA", { email: "Ada.Lovelace@Example.com", name: "Ada" });
    // Stripe refuses an email with spaces around it (as the emulator's recorded refusals show), so the pair
    // differs in case here; core's tests cover spaces typed inside a stored value.
    await make("mailB", { email: "ada.lovelace@EXAMPLE.COM", name: "Ada again" });
    await make("nsA", { email: "one@example.com", metadata: { netsuite_customer_id: "107" } });
    await make("nsB", { email: "two@example.com", metadata: { netsuite_customer_id: " 107" } });
    await make("alone", { email: "alone@example.com", metadata: { netsuite_customer_id: "108" } });
    await make("noMail", { name: "No email" });
  });

  it("records a pair sharing an email (case aside) and a pair sharing a netsuite_customer_id", async () => {
    const posts = trapPosts(stripeEmulator);
    const summary = await scan(ns);
    expect(posts()).toBe(0);
    const rows = duplicateRows(ns);
    expect(rows).toHaveLength(2);
    const byKind = Object.fromEntries(rows.map((r) => [String(r[f.kind]), r]));
    expect(byKind.email).toMatchObject({
      [f.account]: String(accountRecord),
      [f.value]: "ada.lovelace@example.com",
      [f.stripeIds]: [ids.mailA, ids.mailB].sort().join(", "),
      [f.count]: 2,
    });
    expect(byKind.netsuite_id).toMatchObject({
      [f.account]: String(accountRecord),
      [f.value]: "107",
      [f.stripeIds]: [ids.nsA, ids.nsB].sort().join(", "),
      [f.count]: 2,
    });
    expect(byKind.email?.[f.found]).toBeTruthy();
    // Every bucket of the account reduced once (the sweep), plus the counts.
    expect(summary.output.filter(([k]) => k.startsWith("b:"))).toHaveLength(64);
    const runLog = ns.data
      .runSearch(
        query(
          SYNC_LOG_RECORD.type,
          [{ name: "internalid", sort: "DESC" }],
          [{ name: SYNC_LOG_RECORD.fields.kind, operator: "is", values: ["duplicates"] }],
        ),
        0,
        1,
      )
      .rows.map((r) => ns.data.loadRecord(SYNC_LOG_RECORD.type, Number(r.id), false).values)[0];
    expect(String(runLog?.[SYNC_LOG_RECORD.fields.message])).toContain(
      "6 Stripe customers listed; 2 values shared by several Stripe customers (2 rows written)",
    );
  });

  it("a rescan replaces the rows: a resolved pair goes, a new one comes, the others are the new scan's", async () => {
    const before = duplicateRows(ns);
    const scanBefore = String(before[0]?.[f.scan]);
    await stripe.customers.del(ids.mailB as string);
    const extra = await stripe.customers.create({ email: "ALONE@example.com" });
    await new Promise((r) => setTimeout(r, 5));
    await scan(ns);
    const rows = duplicateRows(ns);
    expect(rows.map((r) => [r[f.kind], r[f.value], r[f.stripeIds]]).sort()).toEqual(
      [
        ["email", "alone@example.com", [ids.alone, extra.id].sort().join(", ")],
        ["netsuite_id", "107", [ids.nsA, ids.nsB].sort().join(", ")],
      ].sort(),
    );
    for (const r of rows) expect(String(r[f.scan])).not.toBe(scanBefore);
    expect(new Set(rows.map((r) => r[f.scan])).size).toBe(1);
  });
});
