/**
 * What each operation costs in time on a real account, in three profiles. Oracle publishes no
 * latencies: every range below is an ESTIMATE from public reports (see
 * /work/shared/reference/netsuite.md, "What a real account costs in time"). `low` is the low end of a
 * range, `high` its high end, `typical` its geometric mean rounded to 10 ms: latencies are skewed to
 * the right (a few slow calls, many quick ones), so the middle of the range would overstate the
 * common case, and the geometric mean sits where a log-normal's median would.
 */
import type { OpKind, RecordCall, RecordKind } from "./trace.js";

export type ProfileName = "low" | "typical" | "high";

/** What the model prices: each op kind, a script invocation's start, a map/reduce key's overhead. */
export type LatencyKey = OpKind | "script.start" | "mapreduce.key";

/** Milliseconds per latency key. */
export type LatencyProfile = Record<LatencyKey, number>;

interface Range {
  low: number;
  high: number;
}

const range = (low: number, high: number): Range => ({ low, high });

// Every range: public report, see /work/shared/reference/netsuite.md ("What a real account costs in
// time"); estimates, not measurements of ours, and Oracle publishes none.
/** A script invocation's start: "250–290 ms measured in one public report". */
const SCRIPT_START = range(250, 290);
/** A map or reduce invocation's own overhead (scheduling, the key's data): "map/reduce per key 50–300 ms". */
const MAPREDUCE_KEY = range(50, 300);
/** "lookupFields 30–150 ms". */
const LOOKUP_FIELDS = range(30, 150);
/** "small search page 60–300 ms": each ResultSet.each batch, getRange, runPaged count, PagedData.fetch. */
const SEARCH_PAGE = range(60, 300);
/** "search.load + run 150–700 ms" less one page (60–300 ms): the load alone, 90–400 ms. */
const SEARCH_LOAD = range(150 - 60, 700 - 300);
/**
 * "custom record create/save 100–500 ms": the only custom record figure, used for every custom record
 * call (a load likely costs less; this errs slow).
 */
const CUSTOM_RECORD = range(100, 500);
/** "customer load 250–1,000 ms". */
const STANDARD_LOAD = range(250, 1000);
/** "customer save 500–2,500 ms" (every save fires the customer's user events and workflows). */
const STANDARD_SAVE = range(500, 2500);
/** "customer submitFields 250–1,500 ms" (a field that is not inline-editable makes it a load + save). */
const STANDARD_SUBMIT_FIELDS = range(250, 1500);
/** "N/https to Stripe 250–1,200 ms". */
const HTTPS = range(250, 1200);
/**
 * No public figure for task.submit, search.save or search.delete: each writes a small definition or a
 * queue entry, so each is taken as a custom record save (100–500 ms). A guess, named as one.
 */
const SMALL_WRITE = CUSTOM_RECORD;
/**
 * record.create is an RPC in the emulator (it asks the account for the new record's defaults), but the
 * public "create/save" ranges price a new record's whole round trip: the save carries it, the create
 * costs nothing of its own here.
 */
const NONE = range(0, 0);

/** Standard (non-transaction) records by call; `create` is carried by the save. */
const STANDARD: Record<RecordCall, Range> = {
  load: STANDARD_LOAD,
  create: NONE,
  save: STANDARD_SAVE,
  submitFields: STANDARD_SUBMIT_FIELDS,
  // No public figure for a delete; it fires user events and workflows as a save does: the save's range.
  delete: STANDARD_SAVE,
};

const CUSTOM: Record<RecordCall, Range> = {
  load: CUSTOM_RECORD,
  create: NONE,
  save: CUSTOM_RECORD,
  submitFields: CUSTOM_RECORD,
  delete: CUSTOM_RECORD,
};

/**
 * Transactions: no public figure. Governance charges them twice a standard record's units (10/20 against
 * 5/10), so the model takes twice the standard range: a proxy, not a measurement. (The emulator models
 * no transaction record type today, so no trace holds one yet.)
 */
const TRANSACTION = Object.fromEntries(
  Object.entries(STANDARD).map(([call, r]) => [call, range(r.low * 2, r.high * 2)]),
) as Record<RecordCall, Range>;

const RECORDS: Record<RecordKind, Record<RecordCall, Range>> = {
  custom: CUSTOM,
  standard: STANDARD,
  transaction: TRANSACTION,
};

/** Every latency key's range. */
export const LATENCY_RANGES: Readonly<Record<LatencyKey, Range>> = (() => {
  const out: Partial<Record<LatencyKey, Range>> = {
    "script.start": SCRIPT_START,
    "mapreduce.key": MAPREDUCE_KEY,
    "search.load": SEARCH_LOAD,
    "search.page": SEARCH_PAGE,
    "search.lookupFields": LOOKUP_FIELDS,
    "search.save": SMALL_WRITE,
    "search.delete": SMALL_WRITE,
    https: HTTPS,
    "task.submit": SMALL_WRITE,
  };
  for (const [kind, calls] of Object.entries(RECORDS)) {
    for (const [call, r] of Object.entries(calls)) out[`record.${call}:${kind}` as LatencyKey] = r;
  }
  return out as Record<LatencyKey, Range>;
})();

/** The geometric mean rounded to 10 ms (0 for a range of 0). */
function typical(r: Range): number {
  return Math.round(Math.sqrt(r.low * r.high) / 10) * 10;
}

function profile(pick: (r: Range) => number): LatencyProfile {
  const out = {} as LatencyProfile;
  for (const [key, r] of Object.entries(LATENCY_RANGES)) out[key as LatencyKey] = pick(r);
  return Object.freeze(out);
}

export const LATENCY_PROFILES: Readonly<Record<ProfileName, LatencyProfile>> = Object.freeze({
  low: profile((r) => r.low),
  typical: profile(typical),
  high: profile((r) => r.high),
});

export function latencyProfile(profile: ProfileName | LatencyProfile | undefined): LatencyProfile {
  if (profile === undefined) return LATENCY_PROFILES.typical;
  if (typeof profile === "string") {
    if (!Object.hasOwn(LATENCY_PROFILES, profile))
      throw new RangeError(`Unknown latency profile ${profile}: low, typical or high.`);
    return LATENCY_PROFILES[profile];
  }
  return profile;
}
