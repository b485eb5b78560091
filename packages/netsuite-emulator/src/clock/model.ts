/**
 * The modelled wall time of a map/reduce run on a real account, from its trace (trace.ts) and a
 * latency profile (latency.ts). Pure: the run happens once, and a benchmark prices the same trace
 * for every profile and processor count.
 *
 * getInputData runs alone; then the map invocations, in the runner's order, each on the earliest free
 * of N virtual processors (list scheduling); then reduce the same way; then summarize. An invocation
 * lasts its start overhead (a script start for getInputData and summarize, the per-key overhead for
 * map and reduce) plus its ops' latencies, plus any wait for rate limits before an HTTP op. Not
 * modelled: the shuffle, yields, queueing behind other jobs, and user events inside a save (a real
 * save's latency already includes them).
 */
import { RateCalendar, type RateLimits } from "./calendar.js";
import { type LatencyKey, type LatencyProfile, latencyProfile, type ProfileName } from "./latency.js";
import { type MapReduceTrace, type OpKind, opKind, type Stage, type TraceOp } from "./trace.js";

/** An account without SuiteCloud Plus has 2 processors (/work/shared/reference/netsuite.md). */
export const DEFAULT_PROCESSORS = 2;

export interface ModelOptions {
  /** Default `typical`; or a profile of one's own (milliseconds per latency key). */
  profile?: ProfileName | LatencyProfile;
  /** The account's processors; default 2. The deployment's `concurrencylimit` lowers it. */
  processors?: number;
  /** Rate limits for HTTP ops (calendar.ts); default none. */
  limits?: RateLimits;
}

export interface ModelledRun {
  /** Wall time of the whole run. */
  seconds: number;
  /** Wall time of each stage. */
  stages: Record<Stage, number>;
  /** Processors used: the given ones, at most the deployment's concurrency limit. */
  processors: number;
  invocations: number;
  /** Sum of every invocation's duration (waits for rate limits included: the processor is held). */
  busySeconds: number;
  /** Time HTTP ops waited for a rate limit, summed over invocations. */
  waitedForLimitsSeconds: number;
  /** Ops of each kind in the trace. */
  roundTrips: Partial<Record<OpKind, number>>;
}

/** One model run's state: the latencies, the rate calendar and the totals. */
class VirtualClock {
  busyMs = 0;
  waitedMs = 0;
  invocations = 0;
  readonly roundTrips: Partial<Record<OpKind, number>> = {};
  private readonly calendar = new RateCalendar();

  constructor(
    private readonly latency: LatencyProfile,
    private readonly limits: RateLimits | undefined,
  ) {}

  /** Runs one invocation from `readyMs`; returns when it ends. */
  run(ops: readonly TraceOp[], readyMs: number, overhead: LatencyKey): number {
    let now = readyMs + this.latency[overhead];
    for (const op of ops) {
      const kind = opKind(op);
      this.roundTrips[kind] = (this.roundTrips[kind] ?? 0) + 1;
      if (typeof op !== "string" && this.limits) {
        const start = this.calendar.reserve(this.limits({ method: op.method, url: op.url }), now);
        this.waitedMs += start - now;
        now = start;
      }
      now += this.latency[kind];
    }
    this.busyMs += now - readyMs;
    this.invocations += 1;
    return now;
  }

  /** Invocations one after another (getInputData, summarize). */
  serial(ops: readonly (readonly TraceOp[])[], startMs: number): number {
    let now = startMs;
    for (const list of ops) now = this.run(list, now, "script.start");
    return now;
  }

  /** Map or reduce: each invocation, in order, on the earliest free processor. */
  parallel(ops: readonly (readonly TraceOp[])[], startMs: number, processors: number): number {
    const free = new Array<number>(processors).fill(startMs);
    for (const list of ops) {
      let earliest = 0;
      for (let i = 1; i < free.length; i++)
        if ((free[i] as number) < (free[earliest] as number)) earliest = i;
      free[earliest] = this.run(list, free[earliest] as number, "mapreduce.key");
    }
    return ops.length === 0 ? startMs : Math.max(...free);
  }
}

function processorsFor(given: number | undefined, concurrencyLimit: number | undefined): number {
  const n = given ?? DEFAULT_PROCESSORS;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`processors must be a whole number ≥ 1, not ${n}.`);
  return concurrencyLimit !== undefined && concurrencyLimit >= 1 ? Math.min(n, concurrencyLimit) : n;
}

/** Refuses a bad profile or processor count when the clock is set up, not after a long run. */
export function checkModelOptions(options: ModelOptions): void {
  latencyProfile(options.profile);
  processorsFor(options.processors, undefined);
}

const seconds = (ms: number) => Math.round(ms) / 1000;

export function modelRun(trace: MapReduceTrace, options: ModelOptions = {}): ModelledRun {
  const processors = processorsFor(options.processors, trace.concurrencyLimit);
  const clock = new VirtualClock(latencyProfile(options.profile), options.limits);
  const of = (stage: Stage) => trace.invocations.filter((i) => i.stage === stage).map((i) => i.ops);
  const inputEnd = clock.serial(of("getInputData"), 0);
  const mapEnd = clock.parallel(of("map"), inputEnd, processors);
  const reduceEnd = clock.parallel(of("reduce"), mapEnd, processors);
  const end = clock.serial(of("summarize"), reduceEnd);
  return {
    seconds: seconds(end),
    stages: {
      getInputData: seconds(inputEnd),
      map: seconds(mapEnd - inputEnd),
      reduce: seconds(reduceEnd - mapEnd),
      summarize: seconds(end - reduceEnd),
    },
    processors,
    invocations: clock.invocations,
    busySeconds: seconds(clock.busyMs),
    waitedForLimitsSeconds: seconds(clock.waitedMs),
    roundTrips: clock.roundTrips,
  };
}

/**
 * One invocation's modelled milliseconds: its start overhead (a script start, or a map/reduce key's)
 * plus its ops, waiting for rate limits among its own HTTP ops only.
 */
export function modelInvocation(
  ops: readonly TraceOp[],
  options: Omit<ModelOptions, "processors"> & { overhead?: "script.start" | "mapreduce.key" } = {},
): number {
  const clock = new VirtualClock(latencyProfile(options.profile), options.limits);
  return clock.run(ops, 0, options.overhead ?? "script.start");
}
