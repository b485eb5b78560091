/**
 * What a run costs on a real account: a map/reduce trace from the NetSuite emulator's clock priced
 * with the emulator's latency profiles on N processors, and Stripe's documented limits as rate
 * calendars. Pure: the benchmark runs once; this prices that run for every profile and processor count.
 *
 * - `scaleTrace` extrapolates a run of N customers to M (see there; N ≥ 1,000 keeps the refresh's
 *   windows of 1,000 true to scale).
 * - `todayTraces` is the design before the cost-follows-change work, rebuilt from the round trips it
 *   made per customer (issue 15's table, each list adding up to the units it names), so its modelled
 *   time stands beside today's measured one.
 * - `stripeLimits` is Stripe's rate limiter as docs.stripe.com/rate-limits documents it: per account
 *   100 requests/s live (25/s test), per operation 25/s, search 20/s.
 */
import {
  LATENCY_PROFILES,
  type MapReduceTrace,
  type ModelledRun,
  modelRun,
  type ProfileName,
  type RateLimits,
  type TracedInvocation,
  type TraceOp,
} from "@nss/netsuite-emulator";

export const PROFILES: readonly ProfileName[] = ["low", "typical", "high"];
export const PROCESSORS: readonly number[] = [2, 5];

/** Stripe's limits for one account's key (`live` or test), by operation: IDs in a path share one. */
export function stripeLimits(mode: "live" | "test"): RateLimits {
  const global = mode === "live" ? 100 : 25;
  return ({ method, url }) => {
    const path = new URL(url).pathname
      .split("/")
      .map((part) => (/^[a-z]+_[A-Za-z0-9]+$/.test(part) ? "{id}" : part))
      .join("/");
    const perOperation = method === "GET" && path.endsWith("/search") ? 20 : 25;
    return [
      { key: "stripe:account", perSecond: global },
      { key: `stripe:${method} ${path}`, perSecond: perOperation },
    ];
  };
}

/**
 * The trace of `from` customers standing for `to`. Map and reduce invocations (one per customer that
 * reached them, or per window of 1,000 linked customers: equal factors once `from` ≥ 1,000) are repeated
 * to/from times; getInputData's ops by its pages' factor, ⌈to/1,000⌉ ÷ ⌈from/1,000⌉ (its few fixed ops
 * too: that errs slow); summarize's once-a-run ops are kept as they are.
 */
export function scaleTrace(trace: MapReduceTrace, from: number, to: number): MapReduceTrace {
  const repeat = <T>(list: readonly T[], factor: number): T[] => {
    const out: T[] = [];
    const whole = Math.floor(factor);
    for (let i = 0; i < whole; i++) out.push(...list);
    out.push(...list.slice(0, Math.round((factor - whole) * list.length)));
    return out;
  };
  const perCustomer = to / Math.max(1, from);
  const perPage = Math.ceil(to / 1000) / Math.max(1, Math.ceil(from / 1000));
  const of = (stage: TracedInvocation["stage"]) => trace.invocations.filter((i) => i.stage === stage);
  return {
    ...(trace.concurrencyLimit !== undefined ? { concurrencyLimit: trace.concurrencyLimit } : {}),
    invocations: [
      ...of("getInputData").map((i) => ({ ...i, ops: repeat(i.ops, perPage) })),
      ...repeat(of("map"), perCustomer),
      ...repeat(of("reduce"), perCustomer),
      ...of("summarize"),
    ],
  };
}

/**
 * The trace without the calls Stripe's limits refused here (429): the emulators answer in microseconds,
 * so the run meets limits that a real account's round trips of hundreds of milliseconds spread out;
 * the model puts Stripe's limits in virtual time instead, where they belong.
 */
export function withoutRefused(trace: MapReduceTrace): MapReduceTrace {
  return {
    ...trace,
    invocations: trace.invocations.map((i) => ({
      ...i,
      ops: i.ops.filter((op) => typeof op === "string" || op.status !== 429),
    })),
  };
}

const STRIPE = "https://api.stripe.com";
const https = (method: string, path: string): TraceOp => ({ kind: "https", method, url: `${STRIPE}${path}` });
const times = <T>(n: number, item: T): T[] => Array.from({ length: n }, () => item);

/**
 * The design before this work, per customer, as issue 15 lists it: every customer reached map and read
 * the configuration (2 searches), the customer (lookupFields), the single-sync search (load + page) and
 * its link (a search), then wrote a sync log row and the customer.
 */
const TODAY_MAP: Record<"unchanged" | "changed" | "new", TraceOp[]> = {
  // 10 + 10 + 1 + 5 + 10 + 10 + 6 + 5 = 57 units
  unchanged: [
    "search.page",
    "search.page",
    "search.lookupFields",
    "search.load",
    "search.page",
    "search.page",
    "record.save:custom",
    "record.submitFields:standard",
  ],
  // + the update (10) and the link's submitFields (2) = 69 units
  changed: [] as TraceOp[],
  // + the list by email and the create (20), the link's create and save (6), a second link search (10) = 93
  new: [] as TraceOp[],
};
TODAY_MAP.changed = [
  ...TODAY_MAP.unchanged,
  https("POST", "/v1/customers/cus_x"),
  "record.submitFields:custom",
];
TODAY_MAP.new = [
  ...TODAY_MAP.unchanged,
  https("GET", "/v1/customers"),
  https("POST", "/v1/customers"),
  "record.save:custom",
  "search.page",
];
/** The refresh before: customer load (5), link search (10), the customer read from Stripe (10) = 25 units. */
const TODAY_REFRESH: TraceOp[] = ["record.load:standard", "search.page", https("GET", "/v1/customers/cus_x")];

/** A map/reduce of the design before: getInputData read the configuration and the search's pages. */
function todayRun(customers: number, perCustomer: (i: number) => TraceOp[]): MapReduceTrace {
  const pages = Math.ceil(customers / 1000);
  return {
    invocations: [
      {
        stage: "getInputData",
        ops: ["search.page", "search.page", "search.load", ...times(pages + 1, "search.page" as TraceOp)],
      },
      ...Array.from({ length: customers }, (_, i) => ({
        stage: "map" as const,
        key: String(i),
        ops: perCustomer(i),
      })),
      { stage: "summarize", ops: ["record.save:custom"] },
    ],
  };
}

/** The design before, for `customers` customers: a daily mass sync with `changed` of them changed, etc. */
export function todayTraces(customers: number, changedShare: number) {
  const every = Math.max(1, Math.round(1 / Math.max(changedShare, 1e-9)));
  return {
    daily: todayRun(customers, (i) => (i % every === 0 ? TODAY_MAP.changed : TODAY_MAP.unchanged)),
    first: todayRun(customers, () => TODAY_MAP.new),
    refresh: todayRun(customers, () => TODAY_REFRESH),
  };
}

/** One modelled run per profile and processor count. */
export type ModelMatrix = Record<ProfileName, Record<number, ModelledRun>>;

export function modelMatrix(trace: MapReduceTrace, limits?: RateLimits): ModelMatrix {
  const out = {} as ModelMatrix;
  for (const profile of PROFILES) {
    out[profile] = {};
    for (const processors of PROCESSORS) {
      out[profile][processors] = modelRun(trace, { profile, processors, ...(limits ? { limits } : {}) });
    }
  }
  return out;
}

/**
 * Where a run's time goes on a profile: per category, the ops' latency summed over invocations (and the
 * invocations' own overhead), and the wait for Stripe's limits; the largest is the bottleneck.
 */
export function breakdown(run: ModelledRun, profile: ProfileName): Record<string, number> {
  const latency = LATENCY_PROFILES[profile];
  const parts: Record<string, number> = {
    "NetSuite writes": 0,
    "NetSuite reads": 0,
    "Stripe calls": 0,
    "script overhead": run.invocations * latency["mapreduce.key"],
    "waiting for Stripe's limits": run.waitedForLimitsSeconds * 1000,
  };
  for (const [kind, count] of Object.entries(run.roundTrips)) {
    const ms = (latency[kind as keyof typeof latency] ?? 0) * (count ?? 0);
    if (kind === "https") parts["Stripe calls"] = (parts["Stripe calls"] ?? 0) + ms;
    else if (/^record\.(save|submitFields|create|delete)/.test(kind) || kind === "task.submit")
      parts["NetSuite writes"] = (parts["NetSuite writes"] ?? 0) + ms;
    else parts["NetSuite reads"] = (parts["NetSuite reads"] ?? 0) + ms;
  }
  for (const key of Object.keys(parts)) parts[key] = Math.round(parts[key] as number) / 1000;
  return parts;
}

/** The largest part of a breakdown, named. */
export function bottleneck(parts: Record<string, number>): string {
  return Object.entries(parts).sort((a, b) => b[1] - a[1])[0]?.[0] ?? "";
}

/** 3,725 s → "62 min"; 40,000 s → "11.1 h". */
export function duration(seconds: number): string {
  if (seconds < 120) return `${seconds.toFixed(0)} s`;
  if (seconds < 2 * 3600) return `${(seconds / 60).toFixed(0)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}
