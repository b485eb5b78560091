import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MapReduceSummary, NetSuiteEmulator } from "../src/index.js";

const project = fileURLToPath(new URL("./fixtures/runner-mr", import.meta.url));

describe("map/reduce runner", () => {
  let emulator: NetSuiteEmulator;
  beforeAll(async () => {
    emulator = await NetSuiteEmulator.open({ projectDir: project, env: {} });
  });
  afterAll(async () => {
    await emulator.close();
  });

  const run = async (scriptId: string, deploymentId?: string, params?: Record<string, string>) => {
    const result = await emulator.runScript(scriptId, deploymentId, params);
    if (result.type !== "mapreducescript") throw new Error("not a map/reduce run");
    return result.summary;
  };
  const logs = (scriptId: string, deploymentId?: string) =>
    emulator.log
      .list({ scriptId, ...(deploymentId ? { deploymentId } : {}) })
      .map((e) => `${e.entryPoint} ${e.level} ${e.title}: ${e.details}`);
  const keys = (s: MapReduceSummary["mapSummary"]) =>
    s.keys.map((k) => `${k.key}:${k.executionCount}:${k.completionState}`);

  it("stringifies values, groups map writes by key and gives reduce the values in lexicographical order", async () => {
    const summary = await run("customscript_rmr_values");
    const entries = logs("customscript_rmr_values").filter((l) => !l.startsWith("summary"));
    expect(entries).toEqual([
      'reduce DEBUG reduce fruit: ["10","9","Banana","apple","pear"]',
      'reduce DEBUG reduce veg: ["{\\"n\\":1}"]',
      "summarize AUDIT map keys: 0:1:COMPLETE,1:1:COMPLETE,2:1:COMPLETE,3:1:COMPLETE,4:1:COMPLETE,5:1:COMPLETE",
      "summarize AUDIT output: fruit=5,veg=1",
      "summarize AUDIT dates: true true",
    ]);
    expect(summary.inputSummary.keys).toBe(6);
    expect(summary.output).toEqual([
      ["fruit", "5"],
      ["veg", "1"],
    ]);
    expect(keys(summary.reduceSummary)).toEqual(["fruit:1:COMPLETE", "veg:1:COMPLETE"]);
    expect(summary.summarizeSummary.ran).toBe(true);
    expect(summary.usage).toBe(0);
  });

  it("sends object input straight to reduce when there is no map", async () => {
    const summary = await run("customscript_rmr_reduceonly");
    expect(logs("customscript_rmr_reduceonly").filter((l) => l.startsWith("reduce"))).toEqual([
      'reduce DEBUG reduce a: ["1"]',
      'reduce DEBUG reduce b: ["{\\"x\\":2}"]',
    ]);
    expect(summary.mapSummary.keys).toEqual([]);
    expect(summary.output).toEqual([
      ["a", "1"],
      ["b", '{"x":2}'],
    ]);
    expect(summary.summarizeSummary.ran).toBe(false);
  });

  it("makes map writes the output when there is no reduce", async () => {
    const summary = await run("customscript_rmr_maponly");
    expect(summary.output).toEqual([
      ["X", "from 0"],
      ["Y", "from 1"],
    ]);
    expect(summary.reduceSummary.keys).toEqual([]);
  });

  it("reports progress through runScript: each stage at 0, then after every invocation", async () => {
    const seen: string[] = [];
    const result = await emulator.runScript("customscript_rmr_values", undefined, undefined, {
      onProgress: (p) => seen.push(`${p.stage} ${p.done}/${p.total}`),
    });
    expect(result.type).toBe("mapreducescript");
    expect(seen).toEqual([
      "map 0/6",
      "map 1/6",
      "map 2/6",
      "map 3/6",
      "map 4/6",
      "map 5/6",
      "map 6/6",
      "reduce 0/2",
      "reduce 1/2",
      "reduce 2/2",
    ]);
  });

  it("records map and reduce errors per key, governance and key length included, and goes on", async () => {
    const summary = await run("customscript_rmr_errors");
    expect(keys(summary.mapSummary)).toEqual([
      "bad:1:FAILED",
      "bigvalue:1:FAILED",
      "heavy:1:FAILED",
      "longkey:1:FAILED",
      "ok:1:COMPLETE",
    ]);
    const errors = summary.mapSummary.errors.map((e) => {
      const parsed = JSON.parse(e.error) as { type: string; name: string; message: string };
      return [e.key, parsed.type, parsed.name, e.executionNo];
    });
    expect(errors.sort()).toEqual([
      ["bad", "error.SuiteScriptError", "RMR_BAD", 1],
      ["bigvalue", "error.SuiteScriptError", "VALUE_LENGTH_IS_OVER_10_MB", 1],
      ["heavy", "error.SuiteScriptError", "SSS_USAGE_LIMIT_EXCEEDED", 1],
      ["longkey", "error.SuiteScriptError", "KEY_LENGTH_IS_OVER_3000_BYTES", 1],
    ]);
    // 200 record.create calls of 5 units; the 201st would pass 1,000.
    expect(summary.mapSummary.usage).toBe(1000);
    expect(keys(summary.reduceSummary)).toEqual(["ok:1:FAILED"]);
    expect(
      summary.reduceSummary.errors.map((e) => [e.key, (JSON.parse(e.error) as { message: string }).message]),
    ).toEqual([["ok", "reduce failed for ok"]]);
    expect(summary.output).toEqual([]);
    const summarize = logs("customscript_rmr_errors").filter((l) => l.startsWith("summarize"));
    expect(summarize.sort()).toEqual([
      "summarize AUDIT usage: 1000 0",
      "summarize ERROR map error bad: error.SuiteScriptError RMR_BAD #1",
      "summarize ERROR map error bigvalue: error.SuiteScriptError VALUE_LENGTH_IS_OVER_10_MB #1",
      "summarize ERROR map error heavy: error.SuiteScriptError SSS_USAGE_LIMIT_EXCEEDED #1",
      "summarize ERROR map error longkey: error.SuiteScriptError KEY_LENGTH_IS_OVER_3000_BYTES #1",
      "summarize ERROR reduce error ok: reduce failed for ok",
    ]);
  });

  it("goes to summarize with inputSummary.error when getInputData throws", async () => {
    const summary = await run("customscript_rmr_badinput");
    expect(JSON.parse(summary.inputSummary.error ?? "{}")).toMatchObject({ name: "RMR_NO_INPUT" });
    expect(summary.mapSummary.keys).toEqual([]);
    expect(logs("customscript_rmr_badinput").filter((l) => l.startsWith("summarize"))).toEqual([
      "summarize ERROR input error: RMR_NO_INPUT: cannot read input",
    ]);
  });

  it("maps search results: key = internal ID, value = JSON of search.Result (ad hoc and saved searches)", async () => {
    const acme = emulator.data.saveRecord({
      type: "customer",
      id: null,
      isDynamic: false,
      values: { companyname: "Acme", email: "ap@acme.example", subsidiary: "1" },
    });
    const globex = emulator.data.saveRecord({
      type: "customer",
      id: null,
      isDynamic: false,
      values: { companyname: "Globex", subsidiary: "1", isinactive: true },
    });
    const expected: [string, string][] = [
      [
        String(acme),
        JSON.stringify({
          recordType: "customer",
          id: String(acme),
          values: { companyname: "Acme", email: "ap@acme.example" },
        }),
      ],
    ];
    expect((await run("customscript_rmr_search")).output).toEqual(expected);

    emulator.data.saveSearch({
      id: null,
      scriptId: "customsearch_rmr_all",
      type: "customer",
      title: "All customers",
      filters: [],
      columns: [{ name: "companyname" }],
      isPublic: false,
    });
    const saved = await run("customscript_rmr_search", undefined, {
      custscript_rmr_saved: "customsearch_rmr_all",
    });
    expect(saved.output).toEqual([
      [
        String(acme),
        JSON.stringify({ recordType: "customer", id: String(acme), values: { companyname: "Acme" } }),
      ],
      [
        String(globex),
        JSON.stringify({ recordType: "customer", id: String(globex), values: { companyname: "Globex" } }),
      ],
    ]);
  });

  const spans = (deploymentId: string) =>
    emulator.log
      .list({ scriptId: "customscript_rmr_parallel", deploymentId })
      .filter((e) => e.title === "span")
      .map((e) => {
        const [key, start, end] = e.details.split(" ");
        return { key, start: Number(start), end: Number(end) };
      });

  it("runs map invocations in parallel up to the deployment's concurrency limit", async () => {
    const summary = await run("customscript_rmr_parallel", "customdeploy_rmr_parallel");
    expect(summary.concurrency).toBe(2);
    const s = spans("customdeploy_rmr_parallel");
    expect(s.map((x) => x.key).sort()).toEqual(["a", "b", "c", "d"]);
    // Two invocations overlap in time: one started before another ended.
    const overlapping = s.some((x) => s.some((y) => x !== y && x.start < y.end && y.start < x.end));
    expect(overlapping).toBe(true);
  });

  it("runs map invocations one at a time without a concurrency limit", async () => {
    const summary = await run("customscript_rmr_parallel", "customdeploy_rmr_parallel_one");
    expect(summary.concurrency).toBe(1);
    const s = spans("customdeploy_rmr_parallel_one").sort((a, b) => a.start - b.start);
    expect(s.map((x) => x.key)).toEqual(["a", "b", "c", "d"]);
    for (let i = 1; i < s.length; i++) expect(s[i]?.start).toBeGreaterThanOrEqual(s[i - 1]?.end ?? 0);
  });
});
