/**
 * @NApiVersion 2.1
 * @NScriptType MapReduceScript
 * @NModuleScope SameAccount
 *
 * The mass sync: every customer of the configured mass sync saved search, synced to the Stripe account of
 * each of its subsidiaries. getInputData reads the configuration once, the search with its own labelled
 * columns and every link in pages (lib/customer-sync/mass-sync-input.ts), and hands map only the customers
 * whose sync would change something, each with everything its sync needs: map makes no NetSuite read, only
 * the Stripe calls and the writes of what changed. The customers left out are counted in a tally that rides
 * with the first customer's value (or on a key of its own when no customer reaches map) and that map passes
 * through to summarize, which writes one sync log row of kind `mass`. With the deployment parameter
 * custscript_nss_custsync_dry_run checked, every customer is planned (unchanged ones listed as such), nothing
 * is sent to Stripe but lookups, and nothing is written but the plan (one row per customer and Stripe account,
 * lib/customer-sync/dry-run-plan.ts, replacing the previous dry run's) and the run's sync log row.
 */

import * as error from "N/error";
import * as log from "N/log";
import * as runtime from "N/runtime";
import type { EntryPoints } from "N/types";
import { describeIssues, issueCodeOf } from "@nss/core";
import { readConfig } from "./lib/configuration/read-config.js";
import { deleteOlderPlanRows, stampDryRun } from "./lib/customer-sync/dry-run-plan.js";
import { type MassTally, readMassInput } from "./lib/customer-sync/mass-sync-input.js";
import { collectRun } from "./lib/customer-sync/mass-sync-summary.js";
import { type SyncOutcome, syncCustomer, thrownIssue } from "./lib/customer-sync/sync-customer.js";
import type { PreparedSync } from "./lib/customer-sync/sync-prepare.js";
import { failedCustomerFilters } from "./lib/operations/failed-customers.js";
import { isChecked, text } from "./lib/records/field-values.js";
import { RUN_KINDS, SCRIPT_PARAMS } from "./lib/records/object-ids.js";
import { type RunCounts, startRunLog, writeRunLog } from "./lib/records/run-log.js";

export const DRY_RUN_PARAM = "custscript_nss_custsync_dry_run";
/** Units summarize keeps for its sync log row after deleting older dry run plan rows. */
const PLAN_CLEANUP_FLOOR = 100;
/** The key of the run's tally when no customer reaches map (customer keys are internal IDs, digits only). */
const TALLY_KEY = "tally";

/** What map writes per customer. */
interface MapOutput {
  targets: { account: string; outcome: SyncOutcome; message: string }[];
  units: number;
  /** The run's tally, passed through by the one map invocation that got it. */
  tally?: MassTally;
}

function isDryRun(): boolean {
  return isChecked(runtime.getCurrentScript().getParameter({ name: DRY_RUN_PARAM }));
}

/**
 * Retry Failed Only (the Stripe Sync page's Retry failed): the search filters that keep only the
 * customers whose sync failed, served by the chosen Stripe account record and failing with the chosen
 * error code when those are given.
 */
function retryFilters(): { filters: ReturnType<typeof failedCustomerFilters>; label: string } | undefined {
  const script = runtime.getCurrentScript();
  if (!isChecked(script.getParameter({ name: SCRIPT_PARAMS.massSyncRetryFailed }))) return undefined;
  const account = text(script.getParameter({ name: SCRIPT_PARAMS.massSyncRetryAccount })).trim();
  const code = issueCodeOf(text(script.getParameter({ name: SCRIPT_PARAMS.massSyncRetryCode })));
  return {
    filters: failedCustomerFilters(account, code),
    label: ` (retry of failed customers${account ? ` served by Stripe account record ${account}` : ""}${code ? ` with error code ${code}` : ""})`,
  };
}

/** Customer internal ID → its prepared sync, for the customers whose sync would change something. */
export const getInputData: EntryPoints.MapReduce.getInputData = (context) => {
  const loaded = readConfig();
  if (!loaded.ok) {
    throw error.create({ name: "NSS_CONFIG_INVALID", message: describeIssues(loaded.errors) });
  }
  const { config, apiBases } = loaded.value;
  const dryRun = isDryRun();
  const retry = dryRun ? undefined : retryFilters();
  const input = readMassInput(config, apiBases, dryRun, retry?.filters);
  if (!input.ok) throw error.create({ name: "NSS_CONFIG_INVALID", message: describeIssues(input.errors) });
  const { items, tally } = input.value;
  const details =
    `${tally.customers} customers in ${config.searches.massSync}${dryRun ? " (dry run)" : (retry?.label ?? "")}: ` +
    `${Object.keys(items).length} to sync, ${tally.unchanged} unchanged, ${tally.failedAgain} failing as before, ${tally.unserved} served by no Stripe account`;
  log.audit({ title: "Mass sync input", details });
  startRunLog(dryRun ? RUN_KINDS.dryRun : RUN_KINDS.mass, context, Object.keys(items).length, details);
  // The dry run's plan rows (lib/customer-sync/dry-run-plan.ts): its ID and each customer's earlier rows.
  if (dryRun) stampDryRun(items);
  const [first] = Object.keys(items);
  if (first === undefined) return { [TALLY_KEY]: JSON.stringify({ tally }) };
  items[first] = JSON.stringify({ ...(JSON.parse(items[first] as string) as object), tally });
  return items;
};

/** One customer, every subsidiary a configured Stripe account serves. */
export const map: EntryPoints.MapReduce.map = (context) => {
  if (context.key === TALLY_KEY) {
    context.write({ key: TALLY_KEY, value: context.value });
    return;
  }
  let tally: MassTally | undefined;
  const script = runtime.getCurrentScript();
  const unitsAtStart = script.getRemainingUsage();
  const customerId = context.key;
  const dryRun = isDryRun();
  let output: MapOutput;
  try {
    const { tally: rider, ...prepared } = JSON.parse(context.value) as PreparedSync & { tally?: MassTally };
    tally = rider;
    const result = syncCustomer(customerId, { kind: "mass", dryRun, prepared });
    output = {
      targets: result.targets.map((t) => ({
        account: t.accountName,
        outcome: t.outcome,
        message: t.message,
      })),
      units: 0,
    };
  } catch (e) {
    // syncCustomer never throws; this is the last guard so one customer never stops the run.
    output = {
      targets: [{ account: "", outcome: "failed", message: thrownIssue(e, customerId).message }],
      units: 0,
    };
  }
  output.units = unitsAtStart - script.getRemainingUsage();
  if (tally) output.tally = tally;
  log.debug({
    title: `Customer ${customerId} ${dryRun ? "planned" : "synced"}`,
    details: `${output.targets.map((t) => `${t.account || "-"}: ${t.outcome}`).join(", ")}; units used: ${output.units}`,
  });
  context.write({ key: customerId, value: JSON.stringify(output) });
};

/** Counts per customer and Stripe account, to the execution log and one sync log row. */
export const summarize: EntryPoints.MapReduce.summarize = (context) => {
  const dryRun = isDryRun();
  const counts: RunCounts = { created: 0, linked: 0, updated: 0, unchanged: 0, failed: 0 };
  const tallies: MassTally[] = [];
  const run = collectRun<MapOutput>(
    context,
    (key, out, failures) => {
      if (out.tally) tallies.push(out.tally);
      for (const t of out.targets) {
        counts[t.outcome]++;
        if (t.outcome === "failed") failures.push(`customer ${key}: ${t.message}`);
      }
    },
    TALLY_KEY,
  );
  counts.failed += run.failed;
  const tally = tallies[0] ?? readTally(run.tally);
  // Customers left out before map: unchanged in every Stripe account that serves them, or failing again
  // exactly as they show (named, up to a few, with the failures of this run).
  counts.unchanged += tally.unchanged;
  counts.failed += tally.failedAgain;
  run.failures.push(...tally.failures);
  if (tally.failedAgain > tally.failures.length) {
    run.failures.push(`… and ${tally.failedAgain - tally.failures.length} more customers failing as before`);
  }
  const customers = Math.max(tally.customers, run.customers);
  const { unserved } = tally;
  const { failures, maxUnits, inputError } = run;

  const verb = dryRun
    ? `would create ${counts.created}, would link ${counts.linked}, would update ${counts.updated}, would skip unchanged ${counts.unchanged}, would fail ${counts.failed}`
    : `created ${counts.created}, linked ${counts.linked}, updated ${counts.updated}, unchanged ${counts.unchanged}, failed ${counts.failed}`;
  const message =
    `Mass sync${dryRun ? " (dry run: nothing sent to Stripe, nothing written but this log)" : ""}: ` +
    `${customers} customers; ${verb}` +
    (!dryRun ? `; ${run.customers} reached map` : "") +
    (unserved > 0 ? `; ${unserved} served by no Stripe account` : "") +
    `; units per customer in map: max ${maxUnits}, average ${run.averageUnits}.` +
    (failures.length > 0 ? `\n${failures.join("\n")}` : "");
  log.audit({ title: dryRun ? "Mass sync dry run summary" : "Mass sync summary", details: message });
  if (inputError) log.error({ title: "Mass sync input failed", details: inputError });
  if (dryRun) {
    try {
      // The plan is the last dry run's: rows of earlier runs go (customers no longer in the search).
      deleteOlderPlanRows(PLAN_CLEANUP_FLOOR);
    } catch (e) {
      log.error({ title: "Could not delete older dry run plan rows", details: thrownIssue(e, "-").message });
    }
  }
  try {
    writeRunLog(dryRun ? RUN_KINDS.dryRun : RUN_KINDS.mass, counts, message, inputError);
  } catch (e) {
    log.error({ title: "Could not write the mass sync log", details: thrownIssue(e, "-").message });
  }
};

function readTally(value: string | undefined): MassTally {
  try {
    const t = (JSON.parse(value ?? "") as { tally?: Partial<MassTally> }).tally ?? {};
    return {
      customers: t.customers ?? 0,
      unchanged: t.unchanged ?? 0,
      unserved: t.unserved ?? 0,
      failedAgain: t.failedAgain ?? 0,
      failures: t.failures ?? [],
    };
  } catch {
    return { customers: 0, unchanged: 0, unserved: 0, failedAgain: 0, failures: [] };
  }
}
