/**
 * The operation trace: which of a script's RPCs are round trips on a real account, in order. The host
 * appends one op per RPC (runtime/host.ts) when the clock is on; the model (model.ts) prices them.
 * N/log writes, N/runtime, N/url and a Record's getText/setText are not round trips and are not listed.
 */
import type { RecordKind } from "../data/types.js";

export type { RecordKind };

export type RecordCall = "load" | "create" | "save" | "submitFields" | "delete";

/** Every op kind; record calls carry the record kind as governance decides it (custom, standard, transaction). */
export type OpKind =
  | `record.${RecordCall}:${RecordKind}`
  | "search.load"
  | "search.page"
  | "search.lookupFields"
  | "search.save"
  | "search.delete"
  | "https"
  | "task.submit";

/** An N/https or N/http request: method and URL kept for rate limits (the URL without its query). */
export interface HttpsOp {
  kind: "https";
  method: string;
  url: string;
  /**
   * The answer's status, once there is one. A caller may leave out what a real account's pace would not
   * have provoked: the emulators answer in microseconds, so a rate limit refuses (429) calls that round
   * trips of hundreds of milliseconds would have spread out.
   */
  status?: number;
}

/** One op: a kind string (shared constants, so a long trace costs a pointer per op) or an HTTP request. */
export type TraceOp = Exclude<OpKind, "https"> | HttpsOp;

export type Stage = "getInputData" | "map" | "reduce" | "summarize";

/** One map/reduce invocation's ops; `key` for map and reduce. */
export interface TracedInvocation {
  stage: Stage;
  key?: string;
  ops: TraceOp[];
}

/** A map/reduce run's trace, in the order the runner fed the invocations (input order, then sorted keys). */
export interface MapReduceTrace {
  /** The deployment's `concurrencylimit` when it sets one: the model uses no more processors. */
  concurrencyLimit?: number;
  invocations: TracedInvocation[];
}

const KINDS: readonly RecordKind[] = ["custom", "standard", "transaction"];
const CALLS: readonly RecordCall[] = ["load", "create", "save", "submitFields", "delete"];

/** The record op strings, built once so every op of a kind is the same string. */
const RECORD_OPS = Object.fromEntries(
  CALLS.map((call) => [call, Object.fromEntries(KINDS.map((kind) => [kind, `record.${call}:${kind}`]))]),
) as Record<RecordCall, Record<RecordKind, Exclude<OpKind, "https">>>;

export function recordOp(call: RecordCall, kind: RecordKind): TraceOp {
  return RECORD_OPS[call][kind];
}

export function opKind(op: TraceOp): OpKind {
  return typeof op === "string" ? op : op.kind;
}

/** Method names interned, for the same reason. */
const METHODS = new Map<string, string>();

/** An HTTP op; the query and fragment are dropped: limits go by path, and queries carry personal data. */
export function httpsOp(method: string, url: string): HttpsOp {
  const upper = method.toUpperCase();
  let interned = METHODS.get(upper);
  if (interned === undefined) {
    interned = upper;
    METHODS.set(upper, upper);
  }
  const cut = url.search(/[?#]/);
  return { kind: "https", method: interned, url: cut < 0 ? url : url.slice(0, cut) };
}

/** Data service calls that are record calls, and those that are search calls; the rest are not round trips. */
const DATA_RECORD_CALLS = new Map<string, RecordCall>([
  ["loadRecord", "load"],
  ["newRecord", "create"],
]);
const DATA_SEARCH_OPS = new Map<string, TraceOp>([
  ["loadSearch", "search.load"],
  // ResultSet.each (per 1,000 rows), getRange, Search.runPaged (its count) and PagedData.fetch.
  ["runSearch", "search.page"],
  ["lookupFields", "search.lookupFields"],
  ["saveSearch", "search.save"],
  ["deleteSearch", "search.delete"],
]);

/**
 * The op of one RPC (`data.loadRecord`, `record.save`, `https.request`, …), or undefined. `kindOf`
 * answers a record type's kind (the data layer's, as governance charges it).
 */
export function opOf(
  method: string,
  args: unknown[],
  kindOf: (type: string) => RecordKind,
): TraceOp | undefined {
  if (method.startsWith("data.")) {
    const name = method.slice(5);
    const call = DATA_RECORD_CALLS.get(name);
    return call !== undefined ? recordOp(call, kindOf(String(args[0]))) : DATA_SEARCH_OPS.get(name);
  }
  const arg = (args[0] ?? {}) as Record<string, unknown>;
  switch (method) {
    case "record.save":
      return recordOp("save", kindOf(String((arg.record as { type?: unknown } | undefined)?.type)));
    case "record.delete":
      return recordOp("delete", kindOf(String(arg.type)));
    case "record.submitFields":
      return recordOp("submitFields", kindOf(String(arg.type)));
    case "https.request":
      return httpsOp(String(arg.method ?? "GET"), String(arg.url ?? ""));
    case "task.submit":
      return "task.submit";
    default:
      return undefined;
  }
}
