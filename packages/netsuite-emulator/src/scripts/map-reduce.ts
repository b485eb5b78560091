/**
 * Runs a map/reduce deployment as NetSuite does (Oracle: "Map/Reduce Key Concepts", "Map/Reduce
 * Script Stages", "Map/Reduce Script Error Handling"):
 * - getInputData once (10,000 units); a search input runs here and each result becomes key = internal
 *   ID, value = JSON.stringify(search.Result) (the N/search module's own Result.toJSON);
 * - map once per pair (1,000 units each), up to the deployment's concurrency at a time;
 * - shuffle: group by key, keys sorted, values in lexicographical order ("reduceContext.values");
 * - reduce once per key (5,000 units each), same concurrency;
 * - summarize (10,000 units) with every stage's keys, errors, usage and the output.
 * Without map, input pairs go to the shuffle; without reduce, map writes are the output. An error in
 * getInputData skips to summarize; an error in map or reduce is recorded for its key and the stage
 * goes on (no retries: retryCount is not modelled). A failed invocation's writes are dropped.
 */

import { type Principal, SYSTEM_USER } from "../account/principal.js";
import { runAs, type Starter } from "../account/run-as.js";
import { type ModelledRun, modelRun } from "../clock/model.js";
import type { MapReduceTrace, TracedInvocation, TraceOp } from "../clock/trace.js";
import type { DataServices, SearchDef } from "../data/types.js";
import type { InvocationResult } from "../runtime/contracts.js";
import { checkPair } from "../runtime/entry/context.js";
import type { GetInputOutput } from "../runtime/entry/map-reduce-contexts.js";
import type {
  InputStageSummary,
  KeyError,
  KeyState,
  MapReduceStageSummary,
  StageOutput,
  SummarizeInput,
} from "../runtime/entry/types.js";
import type { InvokeOptions, ScriptHost } from "../runtime/host.js";
import { Column } from "../runtime/modules/search-defs.js";
import { Result } from "../runtime/modules/search-results.js";
import { findTarget, logFor, secondsSince, serializeError, type Target } from "./common.js";

/**
 * Map and reduce invocations that run at once when the deployment sets no `concurrencylimit`. NetSuite
 * then uses every processor of the account ("SuiteCloud Processors Supported Task Types"); the
 * emulator uses 1 so that runs are deterministic unless a deployment asks for more.
 */
export const DEFAULT_CONCURRENCY = 1;
/**
 * The emulated account's processors: a larger `concurrencylimit` is lowered to it, as SDF does on
 * deploy ("Setting a Concurrency Limit on Your Map/Reduce Script Deployment in SDF"). 5 is the
 * emulator's choice (Oracle's pages make the limit depend on the SuiteCloud Plus licences).
 */
export const MAX_CONCURRENCY = 5;

export interface MapReduceOptions {
  /** Parameter values over the deployment's (N/task params). */
  params?: Record<string, string>;
  /** Told of each stage as it starts (task status). */
  onStage?: (stage: "GET_INPUT" | "MAP" | "SHUFFLE" | "REDUCE" | "SUMMARIZE") => void;
  /** N/runtime.executionContext; MAPREDUCE by default. */
  executionContext?: string;
  /** Told as map and reduce start (done 0) and after each invocation ends: for a progress bar. */
  onProgress?: (progress: MapReduceProgress) => void;
  /** Told how many key-value pairs go to summarize, as the summarize stage starts. */
  onOutput?: (pairs: number) => void;
  /** Who started the run: its schedule or Save and Execute (the System user), or a script's task. */
  starter?: Starter;
}

export interface MapReduceProgress {
  stage: "map" | "reduce";
  /** Invocations finished (succeeded or failed) of `total`, the stage's keys. */
  done: number;
  total: number;
}

export interface MapReduceSummary {
  scriptId: string;
  deploymentId: string;
  dateCreated: string;
  seconds: number;
  /** Units used by all stages. */
  usage: number;
  concurrency: number;
  yields: number;
  isRestarted: boolean;
  inputSummary: InputStageSummary & { keys: number };
  mapSummary: MapReduceStageSummary;
  reduceSummary: MapReduceStageSummary;
  summarizeSummary: { usage: number; seconds: number; error?: string; ran: boolean };
  output: [string, string][];
  /** With the clock on: every invocation's stage, key and round trips, in the order they were fed. */
  trace?: MapReduceTrace;
  /** With the clock on: the modelled wall time on a real account (clock/model.ts), with the emulator's clock options. */
  modelled?: ModelledRun;
}

/** Runs `fn` over `items` with at most `limit` running at once. */
async function parallel<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      await fn(items[index] as T, index);
    }
  });
  await Promise.all(lanes);
}

/** mapSummary.keys order: numeric when every key is a number, else lexicographical (Oracle: "mapSummary.keys"). */
export function sortKeys(keys: string[]): string[] {
  const numeric = keys.length > 0 && keys.every((k) => k.trim() !== "" && Number.isFinite(Number(k)));
  return numeric ? [...keys].sort((a, b) => Number(a) - Number(b)) : [...keys].sort();
}

/** Search input: every result, key = internal ID (the index when it has none), value = JSON of search.Result. */
export function searchPairs(data: DataServices, search: SearchDef): [string, string][] {
  const columns = search.columns.map((c) => new Column(c));
  const pairs: [string, string][] = [];
  for (let start = 0; ; start += 1000) {
    const { rows, total } = data.runSearch(search, start, start + 1000);
    rows.forEach((row, i) => {
      pairs.push([row.id === "" ? String(start + i) : row.id, JSON.stringify(new Result(row, columns))]);
    });
    if (rows.length === 0 || start + rows.length >= total) break;
  }
  return pairs;
}

/** A worker that dies (out of memory, say) fails its invocation only: the stage goes on, as after an uncaught error. */
async function invokeSafely(host: ScriptHost, options: InvokeOptions): Promise<InvocationResult> {
  try {
    return await host.invoke(options);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      invocationId: "",
      ok: false,
      error: { name: "UNEXPECTED_ERROR", message, id: "", notifyOff: false },
      usage: 0,
      durationMs: 0,
    };
  }
}

function emptyStage(dateCreated: string, concurrency: number): MapReduceStageSummary {
  return { dateCreated, seconds: 0, usage: 0, concurrency, yields: 0, keys: [], errors: [] };
}

interface StageRun {
  summary: MapReduceStageSummary;
  writes: [string, string][];
  /** With the clock on: per item, in the items' order (invocations finish out of order). */
  traces?: TracedInvocation[];
}

/** Runs map or reduce over its items in parallel, recording per-key state and errors. */
async function runStage<I extends { key: string }>(
  host: ScriptHost,
  target: Target,
  entryPoint: "map" | "reduce",
  items: I[],
  concurrency: number,
  options: MapReduceOptions,
  principal: Principal,
): Promise<StageRun> {
  const started = performance.now();
  const summary = emptyStage(new Date().toISOString(), concurrency);
  const writes: [string, string][] = [];
  const states = new Map<string, KeyState>();
  const errors: KeyError[] = [];
  let done = 0;
  const traces: TracedInvocation[] | undefined = host.options.clock ? new Array(items.length) : undefined;
  options.onProgress?.({ stage: entryPoint, done, total: items.length });
  await parallel(items, concurrency, async (item, index) => {
    const result: InvocationResult = await invokeSafely(host, {
      principal,
      ...target,
      entryPoint,
      input: { ...item, executionNo: 1, isRestarted: false },
      executionContext: options.executionContext ?? "MAPREDUCE",
      ...(options.params ? { parameters: options.params } : {}),
    });
    summary.usage += result.usage;
    if (traces) traces[index] = { stage: entryPoint, key: item.key, ops: result.trace ?? [] };
    if (result.ok) {
      writes.push(...(result.output as StageOutput).writes);
      states.set(item.key, { key: item.key, executionCount: 1, completionState: "COMPLETE" });
    } else {
      states.set(item.key, { key: item.key, executionCount: 1, completionState: "FAILED" });
      const error = result.error ?? { name: "UNEXPECTED_ERROR", message: "", id: "", notifyOff: false };
      errors.push({ key: item.key, error: serializeError(error), executionNo: 1 });
    }
    options.onProgress?.({ stage: entryPoint, done: ++done, total: items.length });
  });
  summary.keys = sortKeys([...states.keys()]).map((k) => states.get(k) as KeyState);
  summary.errors = errors;
  summary.seconds = secondsSince(started);
  return { summary, writes, ...(traces ? { traces } : {}) };
}

/** Shuffle: group by key; keys sorted, values in lexicographical order. */
export function shuffle(pairs: [string, string][]): { key: string; values: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const [key, value] of pairs) {
    const list = groups.get(key);
    if (list) list.push(value);
    else groups.set(key, [value]);
  }
  return sortKeys([...groups.keys()]).map((key) => ({ key, values: (groups.get(key) ?? []).sort() }));
}

export async function runMapReduce(
  host: ScriptHost,
  scriptId: string,
  deploymentId?: string,
  options: MapReduceOptions = {},
): Promise<MapReduceSummary> {
  const target = findTarget(host, scriptId, deploymentId, ["mapreducescript"]);
  const concurrency = Math.max(
    1,
    Math.min(MAX_CONCURRENCY, target.deployment.concurrency ?? DEFAULT_CONCURRENCY),
  );
  const started = performance.now();
  const dateCreated = new Date().toISOString();
  const base = {
    ...target,
    executionContext: options.executionContext ?? "MAPREDUCE",
    ...(options.params ? { parameters: options.params } : {}),
    principal: runAs(
      host.roles,
      target.deployment,
      options.starter ?? { kind: "person", principal: SYSTEM_USER },
    ),
  };

  // With the clock on, each invocation's round trips (clock/trace.ts), in the order the stages feed them.
  const traced: TracedInvocation[] | undefined = host.options.clock ? [] : undefined;
  options.onStage?.("GET_INPUT");
  const inputStarted = performance.now();
  const input = await invokeSafely(host, { ...base, entryPoint: "getInputData", input: null });
  const inputOps: TraceOp[] = input.trace ?? [];
  traced?.push({ stage: "getInputData", ops: inputOps });
  const inputSummary: MapReduceSummary["inputSummary"] = {
    dateCreated,
    seconds: 0,
    usage: input.usage,
    concurrency: 1,
    yields: 0,
    keys: 0,
  };
  let pairs: [string, string][] = [];
  let entryPoints: GetInputOutput["entryPoints"] = { map: false, reduce: false, summarize: true };
  if (input.ok) {
    const out = input.output as GetInputOutput;
    entryPoints = out.entryPoints;
    try {
      pairs = out.input.kind === "search" ? searchPairs(host.data, out.input.search) : out.input.pairs;
      // A returned search runs in getInputData on a real account: one page per 1,000 results, as searchPairs reads them.
      if (traced && out.input.kind === "search") {
        for (let i = 0; i < Math.max(1, Math.ceil(pairs.length / 1000)); i++) inputOps.push("search.page");
      }
      for (const [key, value] of pairs) checkPair(key, value);
    } catch (error) {
      const e = error as Error & { id?: string; notifyOff?: boolean };
      inputSummary.error = serializeError({
        name: e.name,
        message: e.message,
        id: e.id ?? "",
        notifyOff: false,
      });
      pairs = [];
    }
  } else if (input.error) {
    inputSummary.error = serializeError(input.error);
  }
  inputSummary.keys = pairs.length;
  inputSummary.seconds = secondsSince(inputStarted);

  let mapSummary = emptyStage(new Date().toISOString(), concurrency);
  let toShuffle = pairs;
  let output: [string, string][] = [];
  if (entryPoints.map && pairs.length > 0) {
    options.onStage?.("MAP");
    const items = pairs.map(([key, value]) => ({ key, value }));
    const run = await runStage(host, target, "map", items, concurrency, options, base.principal);
    mapSummary = run.summary;
    for (const t of run.traces ?? []) traced?.push(t);
    toShuffle = run.writes;
    if (!entryPoints.reduce) output = run.writes;
  }

  let reduceSummary = emptyStage(new Date().toISOString(), concurrency);
  if (entryPoints.reduce && toShuffle.length > 0) {
    options.onStage?.("SHUFFLE");
    const groups = shuffle(toShuffle);
    options.onStage?.("REDUCE");
    const run = await runStage(host, target, "reduce", groups, concurrency, options, base.principal);
    reduceSummary = run.summary;
    for (const t of run.traces ?? []) traced?.push(t);
    output = run.writes;
  }

  const summary: MapReduceSummary = {
    scriptId: target.script.scriptId,
    deploymentId: target.deployment.scriptId,
    dateCreated,
    seconds: 0,
    usage: inputSummary.usage + mapSummary.usage + reduceSummary.usage,
    concurrency,
    yields: 0,
    isRestarted: false,
    inputSummary,
    mapSummary,
    reduceSummary,
    summarizeSummary: { usage: 0, seconds: 0, ran: false },
    output,
  };

  options.onOutput?.(output.length);
  if (entryPoints.summarize) {
    options.onStage?.("SUMMARIZE");
    const summarizeStarted = performance.now();
    summary.seconds = secondsSince(started);
    const summarizeInput: SummarizeInput = {
      dateCreated,
      seconds: summary.seconds,
      usage: summary.usage,
      concurrency,
      yields: 0,
      isRestarted: false,
      inputSummary,
      mapSummary,
      reduceSummary,
      output,
    };
    const result = await invokeSafely(host, { ...base, entryPoint: "summarize", input: summarizeInput });
    summary.summarizeSummary = { usage: result.usage, seconds: secondsSince(summarizeStarted), ran: true };
    traced?.push({ stage: "summarize", ops: result.trace ?? [] });
    if (!result.ok && result.error) summary.summarizeSummary.error = serializeError(result.error);
    summary.usage += result.usage;
  }
  summary.seconds = secondsSince(started);
  const clock = host.options.clock;
  if (clock && traced) {
    const limit = target.deployment.concurrency;
    summary.trace = { ...(limit !== undefined ? { concurrencyLimit: limit } : {}), invocations: traced };
    summary.modelled = modelRun(summary.trace, clock);
  }
  logFor(host, target, "summary", "AUDIT", "Map/reduce summary", describe(summary));
  return summary;
}

/** One line per stage, as the execution log shows it. */
export function describe(s: MapReduceSummary): string {
  const stage = (name: string, st: MapReduceStageSummary) =>
    `${name}: ${st.keys.length} keys, ${st.errors.length} errors, ${st.usage} units`;
  return [
    `getInputData: ${s.inputSummary.keys} keys, ${s.inputSummary.usage} units${s.inputSummary.error ? ", failed" : ""}`,
    stage("map", s.mapSummary),
    stage("reduce", s.reduceSummary),
    `summarize: ${s.summarizeSummary.ran ? `${s.summarizeSummary.usage} units` : "not defined"}`,
    `output: ${s.output.length} pairs; total ${s.usage} units in ${s.seconds} s`,
  ].join("\n");
}
