/**
 * Map/reduce entry adapters (Oracle: "SuiteScript 2.x Map/Reduce Script Entry Points and API"):
 * inputContext, mapContext, reduceContext and summaryContext from plain input; writes and the
 * normalised input data back as plain output.
 */
import type { SearchDef } from "../../data/types.js";
import { NsError, unsupported } from "../../errors.js";
import type { ScriptEnv } from "../env.js";
import { Search } from "../modules/search.js";
import { iterable, stringify, writeArgs } from "./context.js";
import { registerAdapters } from "./registry.js";
import type {
  MapInput,
  MapReduceInput,
  MapReduceStageSummary,
  ReduceInput,
  StageOutput,
  StageStats,
  SummarizeInput,
} from "./types.js";

export interface GetInputOutput {
  input: MapReduceInput;
  /** Which of map, reduce and summarize the script defines: the runner skips the missing stages. */
  entryPoints: { map: boolean; reduce: boolean; summarize: boolean };
}

/** What getInputData may return (Oracle: "getInputData(inputContext)", "Map/Reduce Key Concepts"). */
export function normaliseInput(env: ScriptEnv, returned: unknown): MapReduceInput {
  if (returned === undefined || returned === null) return { kind: "array", pairs: [] };
  if (Array.isArray(returned)) {
    return { kind: "array", pairs: returned.map((v, i): [string, string] => [String(i), stringify(v)]) };
  }
  if (typeof returned !== "object") {
    throw new NsError(
      "SSS_INVALID_INPUT_TYPE",
      `getInputData returned a ${typeof returned}: return an array, an object, a search.Search or a search reference.`,
    );
  }
  if (returned instanceof Search) return { kind: "search", search: returned.toDef() };
  const o = returned as Record<string, unknown>;
  // A search object from another realm or module instance: anything exposing its plain definition.
  if (typeof o.toDef === "function") return { kind: "search", search: (o.toDef as () => SearchDef)() };
  if (typeof o.type === "string" && "id" in o && Object.keys(o).length <= 3) {
    const type = o.type.toLowerCase();
    if (type === "search") {
      return { kind: "search", search: env.call<SearchDef>("data.loadSearch", o.id as string | number) };
    }
    if (type === "file" || type === "query") throw unsupported(`map/reduce input of type ${type}`);
  }
  // Plain objects only (of any realm: the script's objects come from its own context); a file.File
  // or query.Query, which the emulator does not model, is not a key/value object.
  const proto: unknown = Object.getPrototypeOf(o);
  if (proto !== null && Object.getPrototypeOf(proto) !== null) {
    throw unsupported(`map/reduce input ${String(returned)}`);
  }
  return { kind: "object", pairs: Object.entries(o).map(([k, v]): [string, string] => [k, stringify(v)]) };
}

function stageSummary(s: MapReduceStageSummary): Record<string, unknown> {
  return {
    ...stats(s),
    keys: iterable(s.keys.map((k) => [k.key, k.executionCount, k.completionState])),
    errors: iterable(s.errors.map((e) => [e.key, e.error, e.executionNo])),
  };
}

function stats(s: StageStats): Record<string, unknown> {
  return {
    dateCreated: new Date(s.dateCreated),
    seconds: s.seconds,
    usage: s.usage,
    concurrency: s.concurrency,
    yields: s.yields,
  };
}

/** Map and reduce contexts share `write`, `errors`, `executionNo`, `isRestarted`. */
function writer(member: string): { writes: [string, string][]; write: (...args: unknown[]) => void } {
  const writes: [string, string][] = [];
  return { writes, write: (...args: unknown[]) => void writes.push(writeArgs(args, member)) };
}

registerAdapters("mapreducescript", {
  getInputData(env, entry, _input, exports): GetInputOutput {
    if (!entry) throw new NsError("SSS_INVALID_SCRIPT", "A map/reduce script must define getInputData.");
    const has = (name: string) => typeof exports[name] === "function";
    if (!has("map") && !has("reduce")) {
      throw new NsError(
        "SSS_INVALID_SCRIPT",
        "A map/reduce script must define a map or a reduce function (or both).",
      );
    }
    const returned = entry({ isRestarted: false });
    return {
      input: normaliseInput(env, returned),
      entryPoints: { map: has("map"), reduce: has("reduce"), summarize: has("summarize") },
    };
  },
  map(_env, entry, input): StageOutput {
    if (!entry) throw new NsError("SSS_INVALID_SCRIPT", "The script has no map function.");
    const { key, value, executionNo, isRestarted } = input as MapInput;
    const out = writer("mapContext.write");
    entry({ key, value, executionNo, isRestarted, errors: iterable([]), write: out.write });
    return { writes: out.writes };
  },
  reduce(_env, entry, input): StageOutput {
    if (!entry) throw new NsError("SSS_INVALID_SCRIPT", "The script has no reduce function.");
    const { key, values, executionNo, isRestarted } = input as ReduceInput;
    const out = writer("reduceContext.write");
    entry({ key, values: [...values], executionNo, isRestarted, errors: iterable([]), write: out.write });
    return { writes: out.writes };
  },
  summarize(_env, entry, input): null {
    if (!entry) return null;
    const s = input as SummarizeInput;
    entry({
      ...stats(s),
      isRestarted: s.isRestarted,
      inputSummary: { ...stats(s.inputSummary), error: s.inputSummary.error },
      mapSummary: stageSummary(s.mapSummary),
      reduceSummary: stageSummary(s.reduceSummary),
      output: iterable(s.output),
    });
    return null;
  },
});
