import { describe, expect, it } from "vitest";
import { RateCalendar } from "../src/clock/calendar.js";
import {
  LATENCY_PROFILES,
  LATENCY_RANGES,
  type LatencyProfile,
  type MapReduceTrace,
  modelInvocation,
  modelRun,
  type TraceOp,
} from "../src/index.js";

const https = (url = "https://api.stripe.com/v1/customers", method = "POST"): TraceOp => ({
  kind: "https",
  method,
  url,
});

/** Map/reduce with `keys` map invocations of the same ops. */
function mapTrace(keys: number, ops: TraceOp[], concurrencyLimit?: number): MapReduceTrace {
  return {
    ...(concurrencyLimit !== undefined ? { concurrencyLimit } : {}),
    invocations: [
      { stage: "getInputData", ops: [] },
      ...Array.from({ length: keys }, (_, i) => ({ stage: "map" as const, key: String(i), ops })),
      { stage: "summarize", ops: [] },
    ],
  };
}

/** Every latency 0 but the ones given: arithmetic the test can read. */
function flat(overrides: Partial<LatencyProfile>): LatencyProfile {
  const zero = Object.fromEntries(Object.keys(LATENCY_RANGES).map((k) => [k, 0])) as LatencyProfile;
  return { ...zero, ...overrides };
}

describe("modelRun", () => {
  it("runs 4 equal map keys on 2 processors in the time of 2 keys", () => {
    // typical: key overhead 120 + lookupFields 70 = 190 ms per key; script start 270 for getInputData and summarize.
    const run = modelRun(mapTrace(4, ["search.lookupFields"]), { profile: "typical", processors: 2 });
    expect(run.stages).toEqual({ getInputData: 0.27, map: 0.38, reduce: 0, summarize: 0.27 });
    expect(run.seconds).toBe(0.92);
    expect(run.processors).toBe(2);
    expect(run.invocations).toBe(6);
    expect(run.busySeconds).toBe(1.3); // 2 × 0.27 + 4 × 0.19
    expect(run.waitedForLimitsSeconds).toBe(0);
    expect(run.roundTrips).toEqual({ "search.lookupFields": 4 });
  });

  it("uses no more processors than the deployment's concurrency limit", () => {
    const run = modelRun(mapTrace(4, ["search.lookupFields"], 1), { profile: "typical", processors: 2 });
    expect(run.processors).toBe(1);
    expect(run.stages.map).toBe(0.76);
    expect(modelRun(mapTrace(4, [], 5), { processors: 3 }).processors).toBe(3);
  });

  it("schedules each key on the earliest free processor, in order", () => {
    const profile = flat({ "record.save:custom": 1000, "search.page": 100 });
    const trace: MapReduceTrace = {
      invocations: [
        { stage: "map", key: "a", ops: ["record.save:custom"] },
        { stage: "map", key: "b", ops: ["search.page"] },
        { stage: "map", key: "c", ops: ["search.page"] },
        { stage: "map", key: "d", ops: ["search.page"] },
        { stage: "reduce", key: "x", ops: ["search.page"] },
      ],
    };
    // a holds processor 1 for 1 s; b, c, d follow one another on processor 2 (0.3 s); reduce after both.
    const run = modelRun(trace, { profile, processors: 2 });
    expect(run.stages.map).toBe(1);
    expect(run.stages.reduce).toBe(0.1);
    expect(run.seconds).toBe(1.1);
  });

  it("delays the 26th request of a 25 per second bucket to the next virtual second", () => {
    const trace: MapReduceTrace = {
      invocations: [{ stage: "getInputData", ops: Array.from({ length: 26 }, () => https()) }],
    };
    const limits = () => [{ key: "stripe", perSecond: 25 }];
    const run = modelRun(trace, { profile: flat({}), limits });
    expect(run.seconds).toBe(1);
    expect(run.waitedForLimitsSeconds).toBe(1);
    expect(run.roundTrips).toEqual({ https: 26 });
    expect(modelRun(trace, { profile: flat({}) }).seconds).toBe(0);
  });

  it("accepts reservations out of virtual-time order (invocations are simulated one after another)", () => {
    const trace: MapReduceTrace = {
      invocations: [
        { stage: "map", key: "a", ops: Array.from({ length: 30 }, () => https()) },
        { stage: "map", key: "b", ops: Array.from({ length: 10 }, () => https()) },
      ],
    };
    const limits = () => [{ key: "stripe", perSecond: 25 }];
    // a fills second 0 and takes 5 of second 1; b, simulated after a but starting at 0, waits to second 1.
    const run = modelRun(trace, { profile: flat({}), processors: 2, limits });
    expect(run.stages.map).toBe(1);
    expect(run.waitedForLimitsSeconds).toBe(2);
  });

  it("counts an op against every bucket it names, each by its own key and rate", () => {
    const trace: MapReduceTrace = {
      invocations: [
        {
          stage: "getInputData",
          ops: [
            https("https://api.stripe.com/v1/customers/search", "GET"),
            https("https://api.stripe.com/v1/customers/search", "GET"),
            https("https://api.stripe.com/v1/customers", "POST"),
          ],
        },
      ],
    };
    const seen: string[] = [];
    const limits = (op: { method: string; url: string }) => {
      seen.push(`${op.method} ${op.url}`);
      return op.url.endsWith("/search")
        ? [
            { key: "all", perSecond: 100 },
            { key: "search", perSecond: 1 },
          ]
        : [{ key: "all", perSecond: 100 }];
    };
    const run = modelRun(trace, { profile: flat({}), limits });
    expect(run.waitedForLimitsSeconds).toBe(1);
    expect(run.seconds).toBe(1);
    expect(seen).toEqual([
      "GET https://api.stripe.com/v1/customers/search",
      "GET https://api.stripe.com/v1/customers/search",
      "POST https://api.stripe.com/v1/customers",
    ]);
  });

  it("refuses processors below 1 and buckets below 1 per second", () => {
    expect(() => modelRun(mapTrace(1, []), { processors: 0 })).toThrow(RangeError);
    const trace: MapReduceTrace = { invocations: [{ stage: "map", key: "a", ops: [https()] }] };
    expect(() => modelRun(trace, { limits: () => [{ key: "x", perSecond: 0 }] })).toThrow(RangeError);
  });
});

describe("the rate calendar", () => {
  it("counts per whole virtual second, whatever order reservations come in", () => {
    const calendar = new RateCalendar();
    const bucket = [{ key: "k", perSecond: 2 }];
    expect(calendar.reserve(bucket, 5200)).toBe(5200);
    expect(calendar.reserve(bucket, 5900)).toBe(5900);
    expect(calendar.reserve(bucket, 100)).toBe(100);
    expect(calendar.reserve(bucket, 5500)).toBe(6000);
    expect(calendar.reserve(bucket, 200)).toBe(200);
    expect(calendar.reserve(bucket, 300)).toBe(1000);
    expect(calendar.reserve([], 300)).toBe(300);
  });
});

describe("latency profiles", () => {
  const sample: MapReduceTrace = {
    invocations: [
      { stage: "getInputData", ops: ["search.load", "search.page"] },
      {
        stage: "map",
        key: "1",
        ops: [
          "record.load:standard",
          "search.lookupFields",
          https(),
          "record.create:custom",
          "record.save:custom",
          "record.submitFields:standard",
        ],
      },
      { stage: "summarize", ops: ["task.submit"] },
    ],
  };

  it("order low ≤ typical ≤ high for every key, strictly where a key costs anything", () => {
    for (const key of Object.keys(LATENCY_RANGES) as (keyof LatencyProfile)[]) {
      const { low, typical, high } = {
        low: LATENCY_PROFILES.low[key],
        typical: LATENCY_PROFILES.typical[key],
        high: LATENCY_PROFILES.high[key],
      };
      if (high === 0) expect([low, typical]).toEqual([0, 0]);
      else {
        expect(low, key).toBeLessThan(typical);
        expect(typical, key).toBeLessThan(high);
      }
    }
    const seconds = (["low", "typical", "high"] as const).map(
      (p) => modelRun(sample, { profile: p }).seconds,
    );
    expect(seconds[0]).toBeLessThan(seconds[1] as number);
    expect(seconds[1]).toBeLessThan(seconds[2] as number);
  });

  it("are the public ranges' ends and their geometric mean rounded to 10 ms", () => {
    expect(LATENCY_PROFILES.low["script.start"]).toBe(250);
    expect(LATENCY_PROFILES.typical["script.start"]).toBe(270);
    expect(LATENCY_PROFILES.high["script.start"]).toBe(290);
    expect(LATENCY_PROFILES.typical.https).toBe(550);
    expect(LATENCY_PROFILES.typical["record.save:standard"]).toBe(1120);
    expect(LATENCY_PROFILES.high["record.save:transaction"]).toBe(5000);
    expect(LATENCY_PROFILES.typical["record.create:standard"]).toBe(0);
  });

  it("price one invocation: start overhead plus its ops", () => {
    expect(modelInvocation(["search.lookupFields", https()])).toBe(270 + 70 + 550);
    expect(modelInvocation(["search.page"], { profile: "low", overhead: "mapreduce.key" })).toBe(50 + 60);
    expect(() => modelInvocation([], { profile: "fast" as never })).toThrow(RangeError);
  });
});
