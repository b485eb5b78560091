/**
 * @NApiVersion 2.1
 * @NScriptType MapReduceScript
 * @NModuleScope SameAccount
 *
 * The default payment method refresh: every customer of the configured default payment method saved
 * search (custrecord_nss_cfg_dpm_search) that is linked in its primary subsidiary's Stripe account gets
 * its default payment method read from Stripe (one call per customer) and, only when it changed, its
 * summary (`Visa •••• 4242, exp 12/2030`), payment method ID and read time written. getInputData reads
 * the configuration once and hands the accounts to each key; map refreshes one customer
 * (lib/payment-method-refresh.ts); summarize counts refreshed, unchanged, cleared and failed customers
 * into one sync log row of kind `paymethod`.
 */

import * as error from "N/error";
import * as log from "N/log";
import * as runtime from "N/runtime";
import * as search from "N/search";
import type { EntryPoints } from "N/types";
import { describeIssues } from "@nss/core";
import {
  type RefreshAccounts,
  type RefreshOutcome,
  RUN_KIND,
  refreshCustomer,
} from "./lib/payment-method-refresh.js";
import { readConfig } from "./lib/read-config.js";
import { collectRun } from "./lib/run-summary.js";
import { thrownIssue } from "./lib/sync-customer.js";
import { writeRunLog } from "./lib/sync-log.js";

/** What map writes per customer. */
interface MapOutput {
  outcome: RefreshOutcome;
  message: string;
  stripeCalls: number;
  wrote: boolean;
  units: number;
}

/** Customer internal ID → the run's accounts (JSON), one key per customer of the search. */
export const getInputData: EntryPoints.MapReduce.getInputData = () => {
  const loaded = readConfig();
  if (!loaded.ok) {
    throw error.create({ name: "NSS_CONFIG_INVALID", message: describeIssues(loaded.errors) });
  }
  const searchId = loaded.value.config.searches.defaultPaymentMethod;
  const selection = search.load({ id: searchId });
  // The search chooses the customers and their order; map reads what it needs per customer.
  const value = JSON.stringify({
    accounts: loaded.value.config.accounts,
    apiBases: loaded.value.apiBases,
  } satisfies RefreshAccounts);
  const input: Record<string, string> = {};
  const paged = selection.runPaged({ pageSize: 1000 });
  for (const range of paged.pageRanges) {
    for (const row of paged.fetch({ index: range.index }).data) input[String(row.id)] = value;
  }
  log.audit({
    title: "Default payment method refresh input",
    details: `${Object.keys(input).length} customers from ${searchId}`,
  });
  return input;
};

export const map: EntryPoints.MapReduce.map = (context) => {
  const script = runtime.getCurrentScript();
  const unitsAtStart = script.getRemainingUsage();
  const customerId = context.key;
  let output: MapOutput;
  try {
    const run = JSON.parse(context.value) as RefreshAccounts;
    output = { ...refreshCustomer(customerId, run), units: 0 };
  } catch (e) {
    // refreshCustomer never throws; this guards the input so one customer never stops the run.
    output = {
      outcome: "failed",
      message: thrownIssue(e, customerId).message,
      stripeCalls: 0,
      wrote: false,
      units: 0,
    };
  }
  output.units = unitsAtStart - script.getRemainingUsage();
  log.debug({
    title: `Customer ${customerId} payment method ${output.outcome}`,
    details: `${output.message} Stripe calls: ${output.stripeCalls}; units used: ${output.units}`,
  });
  context.write({ key: customerId, value: JSON.stringify(output) });
};

export const summarize: EntryPoints.MapReduce.summarize = (context) => {
  const counts: Record<RefreshOutcome, number> = {
    refreshed: 0,
    unchanged: 0,
    cleared: 0,
    unlinked: 0,
    failed: 0,
  };
  let stripeCalls = 0;
  const run = collectRun<MapOutput>(context, (key, out, failures) => {
    counts[out.outcome]++;
    if (out.outcome === "failed") failures.push(`customer ${key}: ${out.message}`);
    stripeCalls += out.stripeCalls;
  });
  counts.failed += run.failed;
  const { customers, failures, maxUnits, inputError } = run;
  const message =
    `Default payment method refresh: ${customers} customers; refreshed ${counts.refreshed}, ` +
    `unchanged ${counts.unchanged}, cleared ${counts.cleared}, failed ${counts.failed}` +
    (counts.unlinked > 0 ? `, not linked ${counts.unlinked}` : "") +
    `; Stripe calls ${stripeCalls}; units per customer in map: max ${maxUnits}, average ${run.averageUnits}.` +
    (failures.length > 0 ? `\n${failures.join("\n")}` : "");
  log.audit({ title: "Default payment method refresh summary", details: message });
  if (inputError) log.error({ title: "Default payment method refresh input failed", details: inputError });
  try {
    writeRunLog(
      RUN_KIND,
      {
        created: 0,
        linked: 0,
        updated: counts.refreshed,
        unchanged: counts.unchanged,
        failed: counts.failed,
        cleared: counts.cleared,
      },
      message,
    );
  } catch (e) {
    log.error({ title: "Could not write the refresh's sync log", details: thrownIssue(e, "-").message });
  }
};
