/**
 * The Stripe Sync page's Runs subtab as the SuiteApp's role sees it (not an administrator, so NetSuite's
 * run history is not readable): a mass sync caught while it runs shows a progress bar counted from the
 * customers it has synced so far, and its end; and how the page pairs the run rows it reads.
 */
import type { NetSuiteEmulator } from "@nss/netsuite-emulator";
import { CUSTOMER_FIELDS, SCRIPTS, SYNC_LOG_RECORD } from "@nss/suiteapp/ids";
import { ADMIN, customer, type System, saveCustomer, startSystem } from "@nss/suiteapp/system";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pairRuns, type RunRow } from "../ts/lib/operations/run-rows.js";
import { field, openPage, sublist } from "./helpers/ops-page.js";
import { AS_CLERK } from "./helpers/suiteapp.js";

const MR = SCRIPTS.massSync;

describe("the Runs subtab while a mass sync runs", () => {
  let system: System;
  let ns: NetSuiteEmulator;

  beforeAll(async () => {
    system = await startSystem({
      key: `sk_test_nssOpsRuns${Date.now()}`,
      autoSync: false,
      netsuite: AS_CLERK,
    });
    ns = system.ns;
  });
  afterAll(() => system?.close());

  it("shows the run's progress from the customers it has synced, then its end and counts", async () => {
    const ids: number[] = [];
    for (const name of ["Alpha", "Bravo", "Charlie", "Delta"]) {
      ids.push(
        await saveCustomer(ns, {
          companyname: `${name} Runs Ltd`,
          email: `${name.toLowerCase()}@runs.example.com`,
        }),
      );
    }
    // Each customer's creation in Stripe is held: the run is caught between its customers.
    system.stripeEmulator?.faults.add({
      kind: "delay",
      delayMs: 700,
      method: "POST",
      pathPrefix: "/v1/customers",
      count: 4,
    });
    const taskId = ns.tasks.submit(null, {
      taskType: "MAP_REDUCE",
      scriptId: MR.scriptId,
      deploymentId: MR.deploymentId,
    });
    const synced = () => ids.filter((id) => customer(ns, id)[CUSTOMER_FIELDS.lastSync]).length;
    await expect.poll(synced, { timeout: 20_000, interval: 20 }).toBeGreaterThan(0);

    const during = await openPage(ns);
    const progress = String(field(during.page, "custpage_nss_runs_progress"));
    const done = Number(/(\d) of 4 done/.exec(progress)?.[1]);
    expect(progress).toContain("Mass sync");
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(4);
    expect(progress).toContain(`<progress max="100" value="${Math.round((done / 4) * 100)}">`);
    expect(sublist(during.page, "custpage_nss_recent_runs").lines[0]).toMatchObject({
      custpage_nss_run_name: "Mass sync",
      custpage_nss_run_state: "Running",
      custpage_nss_run_to_process: "4",
    });
    expect(sublist(during.page, "custpage_nss_deployments").lines[0]?.custpage_nss_dep_last).toBe("Running");
    // An administrator also sees NetSuite's own state and percent complete of the run.
    const asAdmin = String(field((await openPage(ns, {}, ADMIN)).page, "custpage_nss_runs_progress"));
    expect(asAdmin).toMatch(
      /Mass sync<\/strong>: (Pending|Processing)[^;]*; started .*<progress max="100" value="\d+">/,
    );

    await ns.tasks.idle();
    expect(taskId).toMatch(/^MAPREDUCETASK_/);
    const after = await openPage(ns);
    expect(String(field(after.page, "custpage_nss_runs_progress"))).toContain(
      "No run of these deployments is running",
    );
    expect(sublist(after.page, "custpage_nss_recent_runs").lines[0]).toMatchObject({
      custpage_nss_run_name: "Mass sync",
      custpage_nss_run_state: "Completed",
      custpage_nss_run_to_process: "4",
      custpage_nss_run_created: "4",
      custpage_nss_run_failed: "0",
    });
    // The page costs the same while a run goes as after it (one count more for the running run).
    expect(after.units).toBeLessThanOrEqual(during.units);
  });

  it("shows a run whose input could not be read as failed, with why, and does not take an older run's start", async () => {
    ns.data.deleteSearch("customsearch_nss_mass_sync");
    const run = await ns.runScript(MR.scriptId, MR.deploymentId);
    if (run.type !== "mapreducescript") throw new Error("not a map/reduce run");
    expect(run.summary.inputSummary.error).toBeDefined();
    const f = SYNC_LOG_RECORD.fields;
    const [end] = ns.data
      .listRecords(SYNC_LOG_RECORD.type)
      .map((r) => r.values)
      .filter((v) => v[f.kind] === "mass")
      .slice(-1);
    expect(end?.[f.outcome]).toBe("failed");
    expect(end?.[f.run] ?? null).toBeNull();
    const { page } = await openPage(ns);
    const [failed] = sublist(page, "custpage_nss_recent_runs").lines;
    expect(failed).toMatchObject({ custpage_nss_run_name: "Mass sync", custpage_nss_run_state: "Failed" });
    expect(failed?.custpage_nss_run_summary).toMatch(
      /^The input could not be read: .*customsearch_nss_mass_sync/,
    );
    expect(failed?.custpage_nss_run_started ?? "").toBe("");
  });
});

describe("how the page pairs run rows", () => {
  let next = 100;
  const row = (kind: string, outcome: string, extra: Partial<RunRow> = {}): RunRow => ({
    id: String(next--),
    kind,
    outcome,
    started: "12/7/2026 1:00 am",
    at: "12/7/2026 1:05 am",
    toProcess: "",
    run: "",
    message: `${kind} ${outcome}\nsecond line`,
    counts: { created: "0", linked: "0", updated: "0", unchanged: "0", failed: "0" },
    ...extra,
  });
  const deploymentOf = (kind: string) => (kind.startsWith("mass") ? "mass" : kind);

  it("joins a started row to the row that ends it, and keeps a run without its end as running or not finished", () => {
    const rows = [
      row("mass_dry_run", "started", { id: "9", toProcess: "7" }), // newest of the mass deployment: running
      row("paymethod", "completed", { id: "8", run: "6" }),
      row("mass", "started", { id: "7", toProcess: "3" }), // a newer run of its deployment began: did not finish
      row("paymethod", "started", { id: "6", toProcess: "12" }),
      row("mass", "completed_with_failures", { id: "5", run: "" }), // before started rows existed
      row("paymethod", "failed", { id: "4", started: "" }), // its input failed before a started row
    ];
    const runs = pairRuns(rows, deploymentOf);
    expect(runs.map((r) => [r.kind, r.state, r.toProcess, r.summary])).toEqual([
      ["mass_dry_run", "running", "7", "mass_dry_run started"],
      ["paymethod", "completed", "12", "paymethod completed"],
      ["mass", "did_not_finish", "3", "mass started"],
      ["mass", "completed_with_failures", "", "mass completed_with_failures"],
      ["paymethod", "failed", "", "paymethod failed"],
    ]);
  });
});
