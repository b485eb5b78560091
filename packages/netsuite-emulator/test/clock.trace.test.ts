import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ClockOptions,
  type InvocationReading,
  type MapReduceSummary,
  NetSuiteEmulator,
  type TraceOp,
} from "../src/index.js";
import { cliRun } from "./helpers/cli.js";

const project = fileURLToPath(new URL("./fixtures/clock-project", import.meta.url));

let server: Server;
let url: string;
const requests: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.end("{}");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

/** An emulator over the fixture with three customers; their IDs. */
async function account(clock?: ClockOptions): Promise<{ emulator: NetSuiteEmulator; ids: number[] }> {
  const emulator = await NetSuiteEmulator.open({ projectDir: project, env: {}, ...(clock ? { clock } : {}) });
  const ids = ["Ada", "Bob", "Cy"].map((name) =>
    emulator.data.saveRecord({
      type: "customer",
      id: null,
      isDynamic: false,
      values: { companyname: name, email: `${name.toLowerCase()}@example.com`, subsidiary: "1" },
    }),
  );
  return { emulator, ids };
}

async function runMr(
  emulator: NetSuiteEmulator,
  deploymentId = "customdeploy_clk_mr",
): Promise<MapReduceSummary> {
  const run = await emulator.runScript("customscript_clk_mr", deploymentId, { custscript_clk_url: url });
  if (run.type !== "mapreducescript") throw new Error("expected a map/reduce run");
  return run.summary;
}

describe("NetSuite's clock in the emulator", () => {
  it("traces each map/reduce invocation's round trips by kind, in the order the stages feed them", async () => {
    const readings: InvocationReading[] = [];
    const { emulator, ids } = await account({ onInvocation: (r) => readings.push(r) });
    try {
      const summary = await runMr(emulator);
      expect(summary.mapSummary.errors).toEqual([]);
      const mapOps: TraceOp[] = [
        "record.load:standard",
        "search.lookupFields",
        // The query is dropped (it may hold personal data); limits go by method and path.
        { kind: "https", method: "POST", url: `${url}/v1/customers`, status: 200 },
        // record.create is an RPC here (the new record's defaults) and priced at 0: the save carries it.
        "record.create:custom",
        // The entry's user event (a lookupFields) has its own trace: a real save's latency holds it.
        "record.save:custom",
        "record.submitFields:standard",
      ];
      expect(summary.trace).toEqual({
        concurrencyLimit: 2,
        invocations: [
          // A returned search runs in getInputData: one page.
          { stage: "getInputData", ops: ["search.page"] },
          ...ids.map((id) => ({ stage: "map", key: String(id), ops: mapOps })),
          { stage: "reduce", key: "all", ops: ["search.page"] },
          { stage: "summarize", ops: [] },
        ],
      });
      expect(requests.filter((r) => r.startsWith("POST")).length).toBeGreaterThanOrEqual(3);
      const ue = readings.filter((r) => r.scriptId === "customscript_clk_entry_ue");
      expect(ue.map((r) => [r.entryPoint, r.ops, r.ms])).toEqual(
        ids.map(() => ["afterSubmit", ["search.lookupFields"], 270 + 70]),
      );
      expect(readings.filter((r) => r.entryPoint === "map").map((r) => r.ms)).toEqual(
        ids.map(() => 120 + 500 + 70 + 550 + 0 + 220 + 610),
      );
    } finally {
      await emulator.close();
    }
  });

  it("puts the modelled wall time on the summary: typical latencies, 2 processors by default", async () => {
    const { emulator } = await account({});
    try {
      const summary = await runMr(emulator);
      // getInputData 270 + 130; each map key 120 + 500 + 70 + 550 + 220 + 610 = 2,070 ms, 3 keys on 2
      // processors = 2 rounds; reduce 120 + 130; summarize 270.
      expect(summary.modelled).toEqual({
        seconds: 5.06,
        stages: { getInputData: 0.4, map: 4.14, reduce: 0.25, summarize: 0.27 },
        processors: 2,
        invocations: 6,
        busySeconds: 7.13, // 0.4 + 3 × 2.07 + 0.25 + 0.27
        waitedForLimitsSeconds: 0,
        roundTrips: {
          "search.page": 2,
          "record.load:standard": 3,
          "search.lookupFields": 3,
          https: 3,
          "record.create:custom": 3,
          "record.save:custom": 3,
          "record.submitFields:standard": 3,
        },
      });
    } finally {
      await emulator.close();
    }
  });

  it("models one processor for a concurrency limit of 1, and the profile and limits the emulator was given", async () => {
    const { emulator } = await account({
      profile: "low",
      processors: 4,
      limits: () => [{ key: "api", perSecond: 1 }],
    });
    try {
      const summary = await runMr(emulator, "customdeploy_clk_mr_one");
      expect(summary.concurrency).toBe(1);
      const m = summary.modelled;
      expect(m?.processors).toBe(1);
      // low: each key 50 + 250 + 30 + 250 + 100 + 250 = 930 ms, its request at 330 ms into the key: keys
      // start at 310, 1,240 and 2,170 ms, so the requests fall in seconds 0, 1 and 2: no wait.
      expect(m?.stages.map).toBe(2.79);
      expect(m?.waitedForLimitsSeconds).toBe(0);
    } finally {
      await emulator.close();
    }
  });

  it("gives a Suitelet's response and a scheduled run their modelled milliseconds", async () => {
    const readings: InvocationReading[] = [];
    const { emulator, ids } = await account({ onInvocation: (r) => readings.push(r) });
    try {
      const response = await emulator.invokeSuitelet("customscript_clk_sl", undefined, {
        method: "GET",
        parameters: { id: String(ids[0]), url: `${url}/ping?x=1` },
      });
      expect(response).toEqual({ code: 200, headers: {}, body: "200", modelledMs: 270 + 70 + 550 });
      const run = await emulator.runScript("customscript_clk_sched", undefined, {
        custscript_clk_customer: String(ids[0]),
      });
      expect(run.type === "scheduledscript" && run.result.modelledMs).toBe(270 + 500 + 3 * 130);
      expect(readings.map((r) => [r.scriptId, r.entryPoint, r.ops])).toEqual([
        [
          "customscript_clk_sl",
          "onRequest",
          ["search.lookupFields", { kind: "https", method: "GET", url: `${url}/ping`, status: 200 }],
        ],
        [
          "customscript_clk_sched",
          "execute",
          ["record.load:standard", "search.page", "search.page", "search.page"],
        ],
      ]);
    } finally {
      await emulator.close();
    }
  });

  it("refuses a profile or processor count that cannot be modelled when it opens", async () => {
    await expect(
      NetSuiteEmulator.open({ projectDir: project, env: {}, clock: { processors: 0 } }),
    ).rejects.toThrow(RangeError);
    await expect(
      NetSuiteEmulator.open({ projectDir: project, env: {}, clock: { profile: "fast" as never } }),
    ).rejects.toThrow("Unknown latency profile fast: low, typical or high.");
  });

  it("collects nothing and changes no result when the clock is off", async () => {
    const { emulator, ids } = await account();
    try {
      const summary = await runMr(emulator);
      expect("trace" in summary).toBe(false);
      expect("modelled" in summary).toBe(false);
      expect(summary.output).toEqual([["all", "3"]]);
      const response = await emulator.invokeSuitelet("customscript_clk_sl", undefined, {
        method: "GET",
        parameters: { id: String(ids[0]), url: `${url}/ping` },
      });
      expect(response).toEqual({ code: 200, headers: {}, body: "200" });
      const run = await emulator.runScript("customscript_clk_sched", undefined, {
        custscript_clk_customer: String(ids[0]),
      });
      expect(run.type === "scheduledscript" && Object.keys(run.result).sort()).toEqual([
        "deploymentId",
        "scriptId",
        "seconds",
        "usage",
      ]);
    } finally {
      await emulator.close();
    }
  });
});

describe("the CLI's --latency and --processors", () => {
  it("print each map/reduce run's modelled time beside the emulator's", async () => {
    const { code, out } = await cliRun(
      project,
      "customscript_clk_mr",
      "--latency",
      "low",
      "--processors",
      "4",
    );
    expect(code).toBe(0);
    // An empty account: getInputData 250 + one page 60, summarize 250.
    expect(out).toMatch(
      /\nNetSuite's clock \(estimates from public reports, see the README\):\nMap\/reduce customscript_clk_mr\/customdeploy_clk_mr: modelled 0\.56 s on a real account \(low latency, 2 processors; the emulator took [\d.]+ s\)\n {2}getInputData 0\.31 s, map 0 s, reduce 0 s, summarize 0\.25 s; 2 invocations, 0\.56 s busy\n {2}round trips: 1 search\.page\n$/,
    );
  });

  it("print nothing of the clock without them, and refuse a profile that does not exist", async () => {
    const plain = await cliRun(project, "customscript_clk_mr");
    expect(plain.code).toBe(0);
    expect(plain.out).not.toContain("NetSuite's clock");
    const bad = await cliRun(project, "customscript_clk_mr", "--latency", "fast");
    expect(bad.code).toBe(2);
    expect(bad.err).toBe("--latency fast: expected low, typical or high.\n");
  });
});
