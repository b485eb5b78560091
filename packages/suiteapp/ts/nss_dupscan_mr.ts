/**
 * @NApiVersion 2.1
 * @NScriptType MapReduceScript
 * @NModuleScope SameAccount
 *
 * The possible duplicates scan: Stripe customers of one account that share a normalised email, or that
 * carry the same netsuite_customer_id in metadata, recorded as rows of customrecord_nss_duplicate (account,
 * what is shared, the value, the Stripe IDs, when found) for the operations page to list. Read-only in
 * Stripe: GETs only, nothing is merged. Each scan replaces the previous scan's rows.
 *
 * - getInputData (lib/duplicates-scan/scan-input.ts) reads the configuration and every link, and cuts each
 *   Stripe account's customers into windows of `created`; a sweep key per account.
 * - map lists one window to its end (lib/duplicates-scan/scan-window.ts) and writes, per hash bucket of the
 *   values (core's duplicateBucket, 64 buckets), one compact value holding the window's entries of that
 *   bucket. A sweep key writes an empty value to each of the account's 64 buckets, so every bucket reduces.
 * - reduce (one account's bucket) groups its entries (core's findDuplicateGroups: two or more distinct
 *   Stripe IDs) and replaces the bucket's rows (lib/duplicates-scan/duplicate-rows.ts).
 * - summarize deletes older rows that are left, and writes one sync log row of kind `duplicates`.
 *
 * A separate map/reduce rather than an extra output of the payment method refresh: the refresh stops
 * listing a window as soon as it has seen the customers NetSuite links and covers only its saved search's
 * customers, while duplicates are most often Stripe customers NetSuite does not link; listing every window
 * to its end there would add pages to the daily refresh. The scan also runs weekly, not daily.
 */

import * as error from "N/error";
import * as log from "N/log";
import type { EntryPoints } from "N/types";
import {
  DUPLICATE_BUCKETS,
  type DuplicateEntry,
  describeIssues,
  duplicateEntriesOf,
  findDuplicateGroups,
} from "@nss/core";
import { readConfig } from "./lib/configuration/read-config.js";
import { thrownIssue } from "./lib/customer-sync/sync-customer.js";
import { deleteOlderRows, replaceBucketRows } from "./lib/duplicates-scan/duplicate-rows.js";
import {
  bucketKey,
  parseBucketKey,
  readScanInput,
  type ScanSweep,
  type ScanWindow,
  SWEEP_PREFIX,
  WINDOW_PREFIX,
} from "./lib/duplicates-scan/scan-input.js";
import { scanWindow } from "./lib/duplicates-scan/scan-window.js";
import { RUN_KINDS } from "./lib/records/object-ids.js";
import { startRunLog, writeRunLog } from "./lib/records/run-log.js";

export const RUN_KIND = RUN_KINDS.duplicatesScan;

/** The key of the run's counts (bucket keys start with `b:`). */
const TALLY_KEY = "tally";
/** Map stops listing below these units (one more page with the client's retries) or after this time (of 300 s). */
const MAP_UNITS_FLOOR = 60;
const MAP_SECONDS = 200;
/** Reduce keeps these units for the deletes of the bucket's older rows. */
const REDUCE_UNITS_FLOOR = 40;
/** Summarize keeps these units for the sync log row. */
const SUMMARIZE_UNITS_FLOOR = 100;

interface Tally {
  accounts: number;
  windows: number;
  listed: number;
  stripeCalls: number;
  failures: string[];
}

interface BucketOutput {
  groups: number;
  written: number;
  notWritten: number;
  deleted: number;
  entries: number;
}

const emptyTally = (): Tally => ({ accounts: 0, windows: 0, listed: 0, stripeCalls: 0, failures: [] });

function addTally(sum: Tally, part: Partial<Tally>): void {
  for (const name of ["accounts", "windows", "listed", "stripeCalls"] as const) {
    const v = part[name];
    if (typeof v === "number") sum[name] += v;
  }
  if (Array.isArray(part.failures)) sum.failures.push(...part.failures.map(String));
}

export const getInputData: EntryPoints.MapReduce.getInputData = (context) => {
  const loaded = readConfig();
  if (!loaded.ok) {
    throw error.create({ name: "NSS_CONFIG_INVALID", message: describeIssues(loaded.errors) });
  }
  const { config, apiBases } = loaded.value;
  const scan = String(Date.now());
  const input = readScanInput(config, apiBases, scan);
  const details = `Scan ${scan}: ${input.accounts} Stripe accounts, ${input.windows} windows of Stripe's created.`;
  log.audit({ title: "Duplicates scan input", details });
  startRunLog(RUN_KIND, context, input.windows, details);
  const tally: Partial<Tally> = { accounts: input.accounts, windows: input.windows };
  input.items[TALLY_KEY] = JSON.stringify(tally);
  return input.items;
};

export const map: EntryPoints.MapReduce.map = (context) => {
  const key = context.key;
  if (key === TALLY_KEY) {
    context.write({ key: TALLY_KEY, value: context.value });
    return;
  }
  if (key.startsWith(SWEEP_PREFIX)) {
    const sweep = JSON.parse(context.value) as ScanSweep;
    const value = JSON.stringify({ scan: sweep.scan, entries: [] });
    for (let b = 0; b < DUPLICATE_BUCKETS; b++) {
      context.write({ key: bucketKey(sweep.accountRecordId, b), value });
    }
    return;
  }
  if (!key.startsWith(WINDOW_PREFIX)) throw error.create({ name: "NSS_UNKNOWN_KEY", message: key });
  const window = JSON.parse(context.value) as ScanWindow;
  const result = scanWindow(window, {
    unitsFloor: MAP_UNITS_FLOOR,
    deadline: Date.now() + MAP_SECONDS * 1000,
  });
  for (const [bucket, entries] of result.buckets) {
    context.write({
      key: bucketKey(window.accountRecordId, bucket),
      value: JSON.stringify({ scan: window.scan, entries }),
    });
  }
  const tally: Partial<Tally> = {
    listed: result.listed,
    stripeCalls: result.stripeCalls,
    failures: result.failure ? [result.failure] : [],
  };
  context.write({ key: TALLY_KEY, value: JSON.stringify(tally) });
};

export const reduce: EntryPoints.MapReduce.reduce = (context) => {
  const key = context.key;
  if (key === TALLY_KEY) {
    const sum = emptyTally();
    for (const value of context.values) addTally(sum, JSON.parse(value) as Partial<Tally>);
    context.write({ key: TALLY_KEY, value: JSON.stringify(sum) });
    return;
  }
  const bucket = parseBucketKey(key);
  if (!bucket) throw error.create({ name: "NSS_UNKNOWN_KEY", message: key });
  let scan = "";
  const entries: DuplicateEntry[] = [];
  for (const value of context.values) {
    const part = JSON.parse(value) as { scan?: string; entries?: unknown };
    scan = part.scan ?? scan;
    for (const entry of duplicateEntriesOf(part.entries)) entries.push(entry);
  }
  const groups = findDuplicateGroups(entries);
  const rows = replaceBucketRows(scan, bucket.accountRecordId, bucket.bucket, groups, REDUCE_UNITS_FLOOR);
  const output: BucketOutput = { ...rows, entries: entries.length };
  context.write({ key, value: JSON.stringify({ ...output, scan }) });
};

export const summarize: EntryPoints.MapReduce.summarize = (context) => {
  const tally = emptyTally();
  const sums = { groups: 0, written: 0, notWritten: 0, deleted: 0, entries: 0 };
  let scan = "";
  context.output.iterator().each((key, value) => {
    try {
      if (key === TALLY_KEY) addTally(tally, JSON.parse(value) as Partial<Tally>);
      else {
        const out = JSON.parse(value) as BucketOutput & { scan: string };
        scan = out.scan || scan;
        for (const name of Object.keys(sums) as (keyof typeof sums)[]) sums[name] += out[name] ?? 0;
      }
    } catch {
      tally.failures.push(`${key}: unreadable output`);
    }
    return true;
  });
  context.mapSummary.errors.iterator().each((key, err) => {
    tally.failures.push(`${key}: ${err}`);
    return true;
  });
  context.reduceSummary.errors.iterator().each((key, err) => {
    tally.failures.push(`${key}: ${err}`);
    return true;
  });
  const inputError = context.inputSummary.error;
  if (inputError) tally.failures.unshift(`the input could not be read: ${inputError}`);
  let older = { deleted: 0, left: 0 };
  if (scan !== "") {
    try {
      older = deleteOlderRows(scan, SUMMARIZE_UNITS_FLOOR);
    } catch (e) {
      tally.failures.push(`older rows: ${thrownIssue(e, "-").message}`);
    }
  }
  if (sums.notWritten > 0) {
    tally.failures.push(
      `${sums.notWritten} duplicate groups not written: a bucket held more than one reduce's units can write.`,
    );
  }
  if (older.left > 0) {
    tally.failures.push(`${older.left} rows of an older scan are left: the next scan deletes them.`);
  }
  const units = {
    input: context.inputSummary.usage,
    map: context.mapSummary.usage,
    reduce: context.reduceSummary.usage,
  };
  const message =
    `Duplicates scan ${scan || "-"}: ${tally.accounts} Stripe accounts, ${tally.windows} windows, ` +
    `${tally.listed} Stripe customers listed; ${sums.groups} values shared by several Stripe customers ` +
    `(${sums.written} rows written); ${sums.deleted + older.deleted} rows of older scans deleted; ` +
    `Stripe calls ${tally.stripeCalls}; units ${units.input + units.map + units.reduce} ` +
    `(getInputData ${units.input}, map ${units.map}, reduce ${units.reduce}).` +
    (tally.failures.length > 0 ? `\n${tally.failures.join("\n")}` : "");
  log.audit({ title: "Duplicates scan summary", details: message });
  const failed = tally.failures.length;
  try {
    writeRunLog(
      RUN_KIND,
      { created: sums.written, linked: 0, updated: 0, unchanged: 0, failed },
      message,
      inputError,
    );
  } catch (e) {
    log.error({
      title: "Could not write the duplicates scan's sync log",
      details: thrownIssue(e, "-").message,
    });
  }
};
