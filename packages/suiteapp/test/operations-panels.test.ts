/**
 * The operations page's two read-only panels fed by runs (lib/operations/duplicates-panel.ts and
 * dry-run-panel.ts), end to end: a mass sync dry run and a duplicates scan in one account, then the Stripe
 * Sync page (customscript_nss_ops_sl) opened as the SuiteApp's role lists their rows, filtered by the
 * duplicates' kind and the planned action.
 */
import type { NetSuiteEmulator, PageData } from "@nss/netsuite-emulator";
import type { StripeEmulator } from "@nss/stripe-emulator";
import { SCRIPT_PARAMS, SCRIPTS } from "@nss/suiteapp/ids";
import { Cleanup, saveCustomer, startStripe, stripeClient } from "@nss/suiteapp/system";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPage, sublist } from "./helpers/ops-page.js";
import { openSuiteApp } from "./helpers/suiteapp.js";

/** The panels' sublists (dry-run-panel.ts and duplicates-panel.ts, which import N/* and so are not imported here). */
const DRY_RUN_SUBLIST = "custpage_nss_plan_list";
const DUPLICATES_SUBLIST = "custpage_nss_dup_list";

const cleanup = new Cleanup();
let stripeEmulator: StripeEmulator;
beforeAll(async () => {
  stripeEmulator = cleanup.own(await startStripe());
});
afterAll(() => cleanup.run());

describe("operations page: possible duplicates and the last dry run", () => {
  const key = `sk_test_nssOpsPanels${Date.now()}`;
  let ns: NetSuiteEmulator;
  let noEmail: number;
  const pair: string[] = [];

  beforeAll(async () => {
    ns = (await openSuiteApp(cleanup, stripeEmulator, { key, autoSync: false })).ns;
    const stripe = stripeClient(key, stripeEmulator);
    pair.push((await stripe.customers.create({ email: "Twin@Example.com" })).id);
    pair.push((await stripe.customers.create({ email: "twin@example.com" })).id);
    pair.sort();
    await saveCustomer(ns, {
      companyname: "Ada Ltd",
      email: "ada@ops.example.com",
      phone: "+44 20 7946 0001",
    });
    noEmail = await saveCustomer(ns, { companyname: "No Mail AB" });
  });

  it("shows nothing yet, saying what to run", async () => {
    const page = (await openPage(ns)).page;
    expect(sublist(page, DUPLICATES_SUBLIST).lines).toEqual([]);
    expect(sublist(page, DRY_RUN_SUBLIST).lines).toEqual([]);
    const texts = page.fields.map((f) => String(f.defaultValue ?? "")).join("\n");
    expect(texts).toContain("No dry run yet");
    expect(texts).toContain("No possible duplicates");
  });

  it("lists the scan's duplicates and the dry run's plan, customer by customer", async () => {
    await ns.runScript(SCRIPTS.duplicatesScan.scriptId, SCRIPTS.duplicatesScan.deploymentId);
    await ns.runScript(SCRIPTS.massSync.scriptId, SCRIPTS.massSync.deploymentId, {
      [SCRIPT_PARAMS.massSyncDryRun]: "T",
    });
    const page = (await openPage(ns)).page;
    expect(sublist(page, DUPLICATES_SUBLIST).lines).toEqual([
      expect.objectContaining({
        custpage_nss_dup_account: "Main",
        custpage_nss_dup_kind: "email",
        custpage_nss_dup_value: "twin@example.com",
        custpage_nss_dup_ids: pair.join(", "),
        custpage_nss_dup_count: "2",
      }),
    ]);
    const plan = sublist(page, DRY_RUN_SUBLIST).lines;
    expect(plan).toHaveLength(2);
    expect(plan).toContainEqual(
      expect.objectContaining({
        custpage_nss_plan_customer: expect.stringContaining("Ada Ltd"),
        custpage_nss_plan_account: "Main",
        custpage_nss_plan_action: "created",
        custpage_nss_plan_changes: expect.stringContaining("email, name, phone"),
      }),
    );
    expect(plan).toContainEqual(
      expect.objectContaining({
        custpage_nss_plan_customer: expect.stringContaining("No Mail AB"),
        custpage_nss_plan_action: "failed",
        custpage_nss_plan_changes: expect.stringContaining(
          `Customer ${noEmail} has neither a Stripe customer ID`,
        ),
      }),
    );
  });

  it("filters by the duplicates' kind and the planned action; a value outside them is no filter", async () => {
    const only = (await openPage(ns, { kind: "netsuite_id", action: "failed" })).page;
    expect(sublist(only, DUPLICATES_SUBLIST).lines).toEqual([]);
    expect(sublist(only, DRY_RUN_SUBLIST).lines.map((l) => l.custpage_nss_plan_action)).toEqual(["failed"]);
    const select = (page: PageData, id: string) => page.fields.find((f) => f.id === id);
    expect(select(only, "custpage_nss_filter_kind")?.defaultValue).toBe("netsuite_id");
    expect(select(only, "custpage_nss_filter_kind")?.options?.map((o) => o.value)).toEqual([
      "",
      "email",
      "netsuite_id",
    ]);
    expect(select(only, "custpage_nss_filter_action")?.defaultValue).toBe("failed");
    const email = (await openPage(ns, { kind: "email", action: "created" })).page;
    expect(sublist(email, DUPLICATES_SUBLIST).lines).toHaveLength(1);
    expect(sublist(email, DRY_RUN_SUBLIST).lines.map((l) => l.custpage_nss_plan_action)).toEqual(["created"]);
    const ignored = (await openPage(ns, { kind: "phone", action: "deleted" })).page;
    expect(sublist(ignored, DUPLICATES_SUBLIST).lines).toHaveLength(1);
    expect(sublist(ignored, DRY_RUN_SUBLIST).lines).toHaveLength(2);
    expect(select(ignored, "custpage_nss_filter_kind")?.defaultValue ?? "").toBe("");
  });
});
