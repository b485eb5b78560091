/**
 * NetSuite's own record of the SuiteApp's runs, where the role may read it: the scheduled script
 * instance jobs of its deployments (status, stage, percent complete) grouped into runs, and
 * each deployment's status. Oracle names no permission for the instance search, and reading
 * deployments needs the SuiteScript permission, so callers treat a failure as "not readable" and fall
 * back on the SuiteApp's own run rows (recorded-runs.ts).
 */
import * as search from "N/search";
import { text } from "../records/field-values.js";
import { anyOfFilters } from "./ops-context.js";
import type { Job, Run } from "./run-history.js";

/** Jobs read (newest first): a map/reduce run is a few jobs, so this covers the last runs of each. */
const JOBS_READ = 60;

/** A running run's state in one line ("Processing (MAP)") and its percent complete; undefined when done. */
export function runningState(run: Run): { state: string; percent: number } | undefined {
  if (!run.jobs.some((j) => j.status === "Pending" || j.status === "Processing")) return undefined;
  const newest = run.jobs[0] as Job;
  return { state: `${newest.status}${newest.stage ? ` (${newest.stage})` : ""}`, percent: newest.percent };
}

export function readJobs(deploymentIds: readonly string[]): Job[] {
  const deploymentFilter = anyOfFilters(deploymentIds.map((id) => ["scriptdeployment.scriptid", "is", id]));
  const deploymentColumn = search.createColumn({ name: "scriptid", join: "scriptdeployment" });
  return search
    .create({
      type: search.Type.SCHEDULED_SCRIPT_INSTANCE,
      filters: deploymentFilter,
      columns: [
        search.createColumn({ name: "internalid", sort: search.Sort.DESC }),
        "status",
        "mapreducestage",
        "percentcomplete",
        deploymentColumn,
      ],
    })
    .run()
    .getRange({ start: 0, end: JOBS_READ })
    .map((r) => ({
      deployment: text(r.getValue(deploymentColumn)).toLowerCase(),
      status: text(r.getValue({ name: "status" })),
      stage: text(r.getValue({ name: "mapreducestage" })),
      percent: Number.parseFloat(text(r.getValue({ name: "percentcomplete" }))) || 0,
    }));
}

/** Each deployment's status as its record says it (Scheduled, Not Scheduled, …). */
export function readDeploymentStatus(deploymentIds: readonly string[]): Map<string, string> {
  const filter = anyOfFilters(deploymentIds.map((id) => ["scriptid", "is", id]));
  const out = new Map<string, string>();
  for (const r of search
    .create({ type: "scriptdeployment", filters: filter, columns: ["scriptid", "status", "isdeployed"] })
    .run()
    .getRange({ start: 0, end: 10 })) {
    const deployed = r.getValue({ name: "isdeployed" });
    const status = r.getText({ name: "status" }) || text(r.getValue({ name: "status" }));
    out.set(
      text(r.getValue({ name: "scriptid" })).toLowerCase(),
      deployed === false || deployed === "F" ? "Not deployed" : status,
    );
  }
  return out;
}
