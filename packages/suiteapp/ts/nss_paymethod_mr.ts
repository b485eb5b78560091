/**
 * @NApiVersion 2.1
 * @NScriptType MapReduceScript
 * @NModuleScope SameAccount
 *
 * The default payment method refresh: every customer of the configured default payment method saved
 * search (custrecord_nss_cfg_dpm_search) that is linked in its primary subsidiary's Stripe account shows
 * its Stripe default payment method (`Visa •••• 4242, exp 12/2030`, its `pm_…` ID and read time), read
 * from Stripe's customer list 100 customers a call, and written only where it changed.
 *
 * - getInputData (lib/payment-method-refresh/refresh-input.ts) reads the configuration, the search with the
 *   fields it compares and every link, in pages of 1,000; it cuts each Stripe account's linked customers into
 *   windows of the Stripe customer's `created` (at most WINDOW_SIZE customers each,
 *   lib/payment-method-refresh/created-windows.ts), one key per window carrying what NetSuite shows for each;
 *   links without a stored `created` get a key each.
 * - map (one window, lib/payment-method-refresh/window-listing.ts) lists the window's Stripe customers with
 *   their default payment methods expanded and writes to reduce only the customers that changed (or that the
 *   listing did not return); an unchanged customer costs no call of its own, no unit and no write. A window
 *   whose listing outgrows map's units or time goes on in reduce (its rest, under the window's key).
 * - reduce (one customer, lib/payment-method-refresh/refresh-alone.ts) refreshes it alone as the webhook does
 *   (lib/payment-method-refresh/refresh-customer.ts): load, Stripe read, compare, save with optimistic
 *   locking.
 * - summarize counts refreshed, unchanged, cleared, not linked and failed customers, the Stripe calls and
 *   the units, into one sync log row of kind `paymethod`.
 *
 * Each stage's counts ride to summarize on the `tally` key (getInputData's and each window's values,
 * summed in its reduce) and on `tally:<window>` keys (a window continued in reduce).
 */

import * as error from "N/error";
import * as log from "N/log";
import * as runtime from "N/runtime";
import type { EntryPoints } from "N/types";
import { describeIssues } from "@nss/core";
import { readConfig } from "./lib/configuration/read-config.js";
import { thrownIssue } from "./lib/customer-sync/sync-customer.js";
import { refreshSingle } from "./lib/payment-method-refresh/refresh-alone.js";
import {
  type RefreshOutcome,
  type RefreshResult,
  RUN_KIND,
} from "./lib/payment-method-refresh/refresh-customer.js";
import {
  type InputTally,
  readRefreshInput,
  SINGLE_PREFIX,
  type SingleInput,
  type SingleWhy,
  WINDOW_PREFIX,
  type WindowInput,
} from "./lib/payment-method-refresh/refresh-input.js";
import {
  describeWindow,
  emptyTally,
  listWindow,
  type WindowTally,
} from "./lib/payment-method-refresh/window-listing.js";
import { startRunLog, writeRunLog } from "./lib/records/run-log.js";

/** The key of the run's counts (customer keys are internal IDs, digits only). */
const TALLY_KEY = "tally";

/** Map stops listing below these units (one more page: the Stripe client's attempts, and its reserve) … */
const MAP_UNITS_FLOOR = 60;
/** … or after this time (map's limit is 300 s: time is left for one more page, its retries included). */
const MAP_SECONDS = 200;
/** A window continued in reduce lists until this many of its 5,000 units are left, for the refreshes … */
const REDUCE_LIST_FLOOR = 1000;
const REDUCE_LIST_SECONDS = 600;
/** … which go on while one more (3 attempts and a failure's writes) fits in units and in reduce's 900 s. */
const REDUCE_REFRESH_FLOOR = 150;
const REDUCE_SECONDS = 780;

/** The run's counts: getInputData's, and every window's. */
interface Tally extends InputTally, WindowTally {
  /** Units the windows' listings used. */
  units: number;
}

/** What reduce writes per customer. */
interface CustomerOutput extends RefreshResult {
  why: SingleWhy;
  units: number;
}

const emptyRunTally = (): Tally => ({
  customers: 0,
  notLinked: 0,
  windows: 0,
  singles: 0,
  ...emptyTally(),
  units: 0,
});

function addTally(sum: Tally, part: Partial<Tally>): void {
  for (const name of Object.keys(sum) as (keyof Tally)[]) {
    const value = part[name];
    if (name === "failures") {
      if (Array.isArray(value)) sum.failures.push(...value.map(String));
    } else if (typeof value === "number") {
      sum[name] += value;
    }
  }
}

/** Window keys (`w:<account record>:<gte>`) and single keys (`c:<customer>`), and the tally. */
export const getInputData: EntryPoints.MapReduce.getInputData = (context) => {
  const loaded = readConfig();
  if (!loaded.ok) {
    throw error.create({ name: "NSS_CONFIG_INVALID", message: describeIssues(loaded.errors) });
  }
  const { config, apiBases } = loaded.value;
  const input = readRefreshInput(config, apiBases);
  if (!input.ok) throw error.create({ name: "NSS_CONFIG_INVALID", message: describeIssues(input.errors) });
  const { items, tally } = input.value;
  const details =
    `${tally.customers} customers from ${config.searches.defaultPaymentMethod}: ` +
    `${tally.windows} windows of Stripe's created, ${tally.singles} customers alone, ${tally.notLinked} not linked`;
  log.audit({ title: "Default payment method refresh input", details });
  startRunLog(RUN_KIND, context, tally.customers, details);
  items[TALLY_KEY] = JSON.stringify(tally);
  return items;
};

const customerOf = (key: string) => key.slice(SINGLE_PREFIX.length);

/** One window: list it, hand reduce the customers that changed; a single customer or the tally passes on. */
export const map: EntryPoints.MapReduce.map = (context) => {
  const key = context.key;
  if (key === TALLY_KEY) {
    context.write({ key: TALLY_KEY, value: context.value });
    return;
  }
  if (key.startsWith(SINGLE_PREFIX)) {
    context.write({ key: customerOf(key), value: context.value });
    return;
  }
  if (!key.startsWith(WINDOW_PREFIX)) throw error.create({ name: "NSS_UNKNOWN_KEY", message: key });
  const script = runtime.getCurrentScript();
  const unitsAtStart = script.getRemainingUsage();
  const window = JSON.parse(context.value) as WindowInput;
  const result = listWindow(window, {
    unitsFloor: MAP_UNITS_FLOOR,
    deadline: Date.now() + MAP_SECONDS * 1000,
  });
  const { run } = window;
  for (const { shown, listed } of result.changed) {
    const value: SingleInput = { why: "changed", run, shown, listed };
    context.write({ key: shown.customerId, value: JSON.stringify(value) });
  }
  for (const shown of result.missing) {
    const value: SingleInput = { why: "missing", run, shown };
    context.write({ key: shown.customerId, value: JSON.stringify(value) });
  }
  if (result.rest) context.write({ key, value: JSON.stringify(result.rest) });
  const units = unitsAtStart - script.getRemainingUsage();
  const tally: Partial<Tally> = { ...result.tally, units };
  context.write({ key: TALLY_KEY, value: JSON.stringify(tally) });
  log.debug({
    title: `Window ${key}`,
    details:
      `${Object.keys(window.customers).length} linked, ${result.tally.listed} listed, ${result.tally.unchanged} unchanged, ` +
      `${result.changed.length} changed, ${result.missing.length} not listed, ${result.tally.failed} failed` +
      `${result.rest ? `, ${Object.keys(result.rest.customers).length} left to reduce` : ""}; ` +
      `Stripe calls ${result.tally.stripeCalls}; units ${units}.`,
  });
};

function refreshOne(
  customerId: string,
  input: SingleInput,
  script: { getRemainingUsage(): number },
): CustomerOutput {
  const unitsAtStart = script.getRemainingUsage();
  let result: RefreshResult;
  try {
    result = refreshSingle(customerId, input);
  } catch (e) {
    // The refresh never throws; this guards the input so one customer never stops the run.
    result = { outcome: "failed", message: thrownIssue(e, customerId).message, stripeCalls: 0, wrote: false };
  }
  const output: CustomerOutput = {
    ...result,
    why: input.why,
    units: unitsAtStart - script.getRemainingUsage(),
  };
  log.debug({
    title: `Customer ${customerId} payment method ${output.outcome}`,
    details: `${output.message} (${input.why}) Stripe calls: ${output.stripeCalls}; units used: ${output.units}`,
  });
  return output;
}

/** The rest of a window that outgrew map: listed on, its changes refreshed here. */
function continueWindow(context: EntryPoints.MapReduce.reduceContext): void {
  const script = runtime.getCurrentScript();
  const started = Date.now();
  const unitsAtStart = script.getRemainingUsage();
  const sum = emptyRunTally();
  for (const value of context.values) {
    const window = JSON.parse(value) as WindowInput;
    const result = listWindow(window, {
      unitsFloor: REDUCE_LIST_FLOOR,
      deadline: started + REDUCE_LIST_SECONDS * 1000,
    });
    addTally(sum, result.tally);
    const todo: SingleInput[] = [
      ...result.changed.map(
        ({ shown, listed }): SingleInput => ({ why: "changed", run: window.run, shown, listed }),
      ),
      ...result.missing.map((shown): SingleInput => ({ why: "missing", run: window.run, shown })),
    ];
    const tooLate = () =>
      script.getRemainingUsage() < REDUCE_REFRESH_FLOOR || Date.now() > started + REDUCE_SECONDS * 1000;
    for (const single of todo) {
      const customerId = single.shown?.customerId ?? "";
      const output: CustomerOutput = tooLate()
        ? {
            outcome: "failed",
            message: `Not reached in this run (${describeWindow(window)}: the window outgrew the script's units or time).`,
            stripeCalls: 0,
            wrote: false,
            why: single.why,
            units: 0,
          }
        : refreshOne(customerId, single, script);
      context.write({ key: customerId, value: JSON.stringify(output) });
    }
    if (result.rest) {
      const left = Object.keys(result.rest.customers).length;
      sum.failed += left;
      sum.failures.push(
        `${describeWindow(window)}: ${left} customers not reached: Stripe holds many more customers than NetSuite links in this range of created times.`,
      );
    }
  }
  sum.units = unitsAtStart - script.getRemainingUsage();
  context.write({ key: `${TALLY_KEY}:${context.key}`, value: JSON.stringify(sum) });
}

/** One customer that changed (or the run's counts, summed once, or the rest of a window). */
export const reduce: EntryPoints.MapReduce.reduce = (context) => {
  const key = context.key;
  if (key === TALLY_KEY) {
    const sum = emptyRunTally();
    for (const value of context.values) addTally(sum, JSON.parse(value) as Partial<Tally>);
    context.write({ key: TALLY_KEY, value: JSON.stringify(sum) });
    return;
  }
  if (key.startsWith(WINDOW_PREFIX)) {
    continueWindow(context);
    return;
  }
  // One value per customer: a customer is in one window of one account, or alone.
  const input = JSON.parse(context.values[0] as string) as SingleInput;
  const output = refreshOne(key, input, runtime.getCurrentScript());
  context.write({ key, value: JSON.stringify(output) });
};

export const summarize: EntryPoints.MapReduce.summarize = (context) => {
  const counts: Record<RefreshOutcome, number> = {
    refreshed: 0,
    unchanged: 0,
    cleared: 0,
    unlinked: 0,
    failed: 0,
  };
  const tally = emptyRunTally();
  const failures: string[] = [];
  let stripeCalls = 0;
  let alone = 0;
  context.output.iterator().each((key, value) => {
    if (key === TALLY_KEY || key.startsWith(`${TALLY_KEY}:`)) {
      try {
        addTally(tally, JSON.parse(value) as Partial<Tally>);
      } catch {
        failures.push(`${key}: unreadable counts`);
      }
      return true;
    }
    alone++;
    try {
      const out = JSON.parse(value) as CustomerOutput;
      counts[out.outcome]++;
      stripeCalls += out.stripeCalls;
      if (out.outcome === "failed") failures.push(`customer ${key}: ${out.message}`);
    } catch {
      counts.failed++;
      failures.push(`customer ${key}: unreadable reduce output`);
    }
    return true;
  });
  context.mapSummary.errors.iterator().each((key, err) => {
    failures.push(`${key}: ${err}`);
    return true;
  });
  context.reduceSummary.errors.iterator().each((key, err) => {
    failures.push(`${/^\d+$/.test(key) ? "customer " : ""}${key}: ${err}`);
    return true;
  });
  const inputError = context.inputSummary.error;
  if (inputError) failures.unshift(`the input could not be read: ${inputError}`);
  failures.push(...tally.failures);
  counts.unchanged += tally.unchanged;
  counts.failed += tally.failed;
  counts.unlinked += tally.notLinked;
  stripeCalls += tally.stripeCalls;
  // Customers of the search that no count holds: a window or a customer whose invocation threw.
  const accounted = Object.values(counts).reduce((a, b) => a + b, 0);
  if (tally.customers > accounted) {
    failures.push(`${tally.customers - accounted} customers not reached: see the errors above.`);
    counts.failed += tally.customers - accounted;
  }
  const customers = Math.max(tally.customers, accounted);
  const units = {
    input: context.inputSummary.usage,
    map: context.mapSummary.usage,
    reduce: context.reduceSummary.usage,
  };
  const totalUnits = units.input + units.map + units.reduce;
  const per = (n: number) => (customers > 0 ? (n / customers).toFixed(3) : "0");
  const message =
    `Default payment method refresh: ${customers} customers; refreshed ${counts.refreshed}, ` +
    `unchanged ${counts.unchanged}, cleared ${counts.cleared}, failed ${counts.failed}, not linked ${counts.unlinked}; ` +
    `${tally.windows} windows (${tally.listed} Stripe customers listed), ${alone} customers refreshed alone; ` +
    `Stripe calls ${stripeCalls} (${per(stripeCalls)} per customer); ` +
    `units ${totalUnits} (${per(totalUnits)} per customer: getInputData ${units.input}, map ${units.map}, reduce ${units.reduce}).` +
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
      inputError,
    );
  } catch (e) {
    log.error({ title: "Could not write the refresh's sync log", details: thrownIssue(e, "-").message });
  }
};
