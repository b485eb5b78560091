/**
 * @NApiVersion 2.1
 * @NScriptType MapReduceScript
 * @NModuleScope SameAccount
 *
 * The mass sync: every customer of the configured mass sync saved search, synced to the Stripe
 * account of each of its subsidiaries (scope `all`). getInputData runs the search and groups its
 * rows by customer (one row per subsidiary through `msesubsidiary`); map syncs one customer with
 * `syncCustomer` and writes its outcomes; summarize counts them into one sync log row of kind `mass`.
 * With the deployment parameter custscript_nss_custsync_dry_run checked, nothing is sent to Stripe but
 * lookups, and nothing is written but the sync log rows saying what the sync would do.
 */

import * as error from "N/error";
import * as log from "N/log";
import * as runtime from "N/runtime";
import * as search from "N/search";
import type { EntryPoints } from "N/types";
import { describeIssues } from "@nss/core";
import { hasMultiSubsidiaryCustomers } from "./lib/account-features.js";
import { readConfig } from "./lib/read-config.js";
import { collectRun } from "./lib/run-summary.js";
import { type SyncOutcome, syncCustomer, thrownIssue } from "./lib/sync-customer.js";
import { type RunCounts, writeRunLog } from "./lib/sync-log.js";

export const DRY_RUN_PARAM = "custscript_nss_custsync_dry_run";

/** What map writes per customer. */
interface MapOutput {
  targets: { account: string; outcome: SyncOutcome; message: string }[];
  units: number;
}

function isDryRun(): boolean {
  const value = runtime.getCurrentScript().getParameter({ name: DRY_RUN_PARAM });
  return value === true || value === "T";
}

const text = (value: unknown): string =>
  typeof value === "string" ? value : value == null ? "" : String(value);

/** Customer internal ID → its subsidiaries in the mass sync search (JSON array). */
export const getInputData: EntryPoints.MapReduce.getInputData = () => {
  const loaded = readConfig();
  if (!loaded.ok) {
    throw error.create({ name: "NSS_CONFIG_INVALID", message: describeIssues(loaded.errors) });
  }
  const searchId = loaded.value.config.searches.massSync;
  const mass = search.load({ id: searchId });
  const multiSubsidiary = hasMultiSubsidiaryCustomers();
  // Only the customer and, with multi-subsidiary customers, each subsidiary are needed here: the
  // mapping columns are read per customer by syncCustomer.
  const subsidiaryColumn = search.createColumn({ name: "internalid", join: "msesubsidiary" });
  mass.columns = multiSubsidiary ? [subsidiaryColumn] : [search.createColumn({ name: "internalid" })];

  const customers: Record<string, string[]> = {};
  const paged = mass.runPaged({ pageSize: 1000 });
  for (const range of paged.pageRanges) {
    for (const row of paged.fetch({ index: range.index }).data) {
      const id = String(row.id);
      const list = customers[id] ?? [];
      customers[id] = list;
      const subsidiary = multiSubsidiary ? text(row.getValue(subsidiaryColumn)).trim() : "";
      if (subsidiary !== "" && !list.includes(subsidiary)) list.push(subsidiary);
    }
  }
  const input: Record<string, string> = {};
  for (const [id, subsidiaries] of Object.entries(customers)) input[id] = JSON.stringify(subsidiaries);
  log.audit({
    title: "Mass sync input",
    details: `${Object.keys(input).length} customers from ${searchId}${isDryRun() ? " (dry run)" : ""}`,
  });
  return input;
};

/** One customer, every subsidiary a configured Stripe account serves. */
export const map: EntryPoints.MapReduce.map = (context) => {
  const script = runtime.getCurrentScript();
  const unitsAtStart = script.getRemainingUsage();
  const customerId = context.key;
  const dryRun = isDryRun();
  let subsidiaries: string[] = [];
  try {
    const parsed: unknown = JSON.parse(context.value);
    if (Array.isArray(parsed)) subsidiaries = parsed.map(text);
  } catch {
    // Not our input: the customer's primary subsidiary is still synced.
  }
  let output: MapOutput;
  try {
    const result = syncCustomer(customerId, "all", dryRun ? "mass_dry_run" : "mass", undefined, {
      subsidiaries,
      dryRun,
    });
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
  log.debug({
    title: `Customer ${customerId} ${dryRun ? "planned" : "synced"}`,
    details: `${output.targets.map((t) => `${t.account || "-"}: ${t.outcome}`).join(", ") || "no Stripe account serves its subsidiaries"}; units used: ${output.units}`,
  });
  context.write({ key: customerId, value: JSON.stringify(output) });
};

/** Counts per customer and Stripe account, to the execution log and one sync log row. */
export const summarize: EntryPoints.MapReduce.summarize = (context) => {
  const dryRun = isDryRun();
  const counts: RunCounts = { created: 0, linked: 0, updated: 0, unchanged: 0, failed: 0 };
  let unserved = 0;
  const run = collectRun<MapOutput>(context, (key, out, failures) => {
    if (out.targets.length === 0) unserved++;
    for (const t of out.targets) {
      counts[t.outcome]++;
      if (t.outcome === "failed") failures.push(`customer ${key}: ${t.message}`);
    }
  });
  counts.failed += run.failed;
  const { customers, failures, maxUnits, inputError } = run;

  const verb = dryRun
    ? `would create ${counts.created}, would link ${counts.linked}, would update ${counts.updated}, would skip unchanged ${counts.unchanged}, would fail ${counts.failed}`
    : `created ${counts.created}, linked ${counts.linked}, updated ${counts.updated}, unchanged ${counts.unchanged}, failed ${counts.failed}`;
  const message =
    `Mass sync${dryRun ? " (dry run: nothing sent to Stripe, nothing written but this log)" : ""}: ` +
    `${customers} customers; ${verb}` +
    (unserved > 0 ? `; ${unserved} served by no Stripe account` : "") +
    `; units per customer in map: max ${maxUnits}, average ${run.averageUnits}.` +
    (failures.length > 0 ? `\n${failures.join("\n")}` : "");
  log.audit({ title: dryRun ? "Mass sync dry run summary" : "Mass sync summary", details: message });
  if (inputError) log.error({ title: "Mass sync input failed", details: inputError });
  try {
    writeRunLog(dryRun ? "mass_dry_run" : "mass", counts, message);
  } catch (e) {
    log.error({ title: "Could not write the mass sync log", details: thrownIssue(e, "-").message });
  }
};
