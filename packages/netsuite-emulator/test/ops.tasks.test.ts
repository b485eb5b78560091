/**
 * What an operations page needs of N/task and the account's run records: task.checkStatus on a
 * map/reduce task (status, stage, the count methods and their units) and the scheduledscriptinstance
 * search (jobs per stage, status, dates, percent complete, task ID, the script and deployment joins),
 * through the ops fixture's Suitelet and map/reduce.
 */
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { NetSuiteEmulator } from "../src/index.js";
import { makeEnv } from "./helpers/module-env.js";

const OPS_PROJECT = fileURLToPath(new URL("./fixtures/ops-project/", import.meta.url));
const SL = "customscript_ops_sl";
const SL_DEPLOYMENT = "customdeploy_ops_sl";

interface Job {
  id: string;
  datecreated: string;
  startdate: string;
  enddate: string;
  status: string;
  stage: string;
  stageText: string;
  percent: string;
  taskid: string;
  script: string;
  deployment: string;
}

describe("N/task status and scheduledscriptinstance jobs of a map/reduce run", () => {
  let ns: NetSuiteEmulator;
  beforeEach(async () => {
    ns = await NetSuiteEmulator.open({ projectDir: OPS_PROJECT });
  });
  afterEach(async () => {
    await ns.close();
  });

  const get = async (parameters: Record<string, string>) => {
    const out = await ns.invokeSuitelet(SL, SL_DEPLOYMENT, { method: "GET", parameters });
    return JSON.parse(out.body) as unknown;
  };
  const submit = async (count: number): Promise<string> => {
    const out = await ns.invokeSuitelet(SL, SL_DEPLOYMENT, {
      method: "POST",
      parameters: { submitter: "Retry failed", custpage_count: String(count) },
    });
    const m = /<p id="submitted">(\S+) (\S+)<\/p>/.exec(out.body);
    // The run starts on the main thread as soon as the submit returns: by checkStatus it may have begun.
    expect(["PENDING", "PROCESSING", "COMPLETE"]).toContain(m?.[2]);
    return m?.[1] ?? "";
  };
  const audits = (title: RegExp) =>
    ns.log
      .list({ scriptId: "customscript_ops_mr" })
      .filter((e) => title.test(e.title))
      .map((e) => `${e.title}: ${e.details}`);

  it("a submitted task is PENDING until it runs: its getInputData job waits, with the task ID", async () => {
    const taskId = ns.tasks.submit(null, {
      taskType: "MAP_REDUCE",
      scriptId: "customscript_ops_mr",
      deploymentId: "customdeploy_ops_mr",
      params: { custscript_ops_count: 2 },
    });
    // Synchronously, before the run starts.
    const pending = ns.data.runSearch(
      {
        id: null,
        scriptId: null,
        title: null,
        isPublic: false,
        type: "scheduledscriptinstance",
        filters: [],
        columns: [
          { name: "status" },
          { name: "mapreducestage" },
          { name: "percentcomplete" },
          { name: "taskid" },
          { name: "startdate" },
          { name: "scriptid", join: "script" },
          { name: "scriptid", join: "scriptdeployment" },
        ],
      },
      0,
      10,
    );
    expect(pending.rows.map((r) => r.cells.map((c) => c.value))).toEqual([
      ["Pending", "GET_INPUT", "0.0%", taskId, "", "customscript_ops_mr", "customdeploy_ops_mr"],
    ]);
    expect(ns.tasks.status(taskId)).toMatchObject({ status: "PENDING" });
    await ns.tasks.idle();
    expect(ns.tasks.status(taskId)).toMatchObject({ status: "COMPLETE" });
  });

  it("a task's stage and counts follow the run, as checkStatus and the jobs show; each stage is a job", async () => {
    const taskId = await submit(3);
    expect(taskId).toMatch(/^MAPREDUCETASK_/);
    await ns.tasks.idle();

    // Inside the run, map and reduce see their own job PROCESSING and the task's status (concurrency 1).
    expect(audits(/^(map|reduce) /)).toEqual([
      "map item0: MAP Processing 0.0% | task PROCESSING MAP 0% map 3/3 reduce 0/0",
      "map item1: MAP Processing 33.0% | task PROCESSING MAP 33% map 2/3 reduce 0/0",
      "map item2: MAP Processing 66.0% | task PROCESSING MAP 66% map 1/3 reduce 0/0",
      "reduce item0: REDUCE Processing 0.0% | task PROCESSING REDUCE 0% map 0/3 reduce 3/3",
      "reduce item1: REDUCE Processing 33.0% | task PROCESSING REDUCE 33% map 0/3 reduce 2/3",
      "reduce item2: REDUCE Processing 66.0% | task PROCESSING REDUCE 66% map 0/3 reduce 1/3",
    ]);
    expect(audits(/^summarize$/)).toEqual(["summarize: output 3"]);

    expect(await get({ action: "status", taskid: taskId })).toEqual({
      status: "COMPLETE",
      stage: "SUMMARIZE",
      percent: 100,
      totalMap: 3,
      pendingMap: 0,
      totalReduce: 3,
      pendingReduce: 0,
      totalOutput: 3,
      json: {
        taskId,
        scriptId: "customscript_ops_mr",
        deploymentId: "customdeploy_ops_mr",
        status: "COMPLETE",
        stage: "SUMMARIZE",
      },
    });
    const jobs = (await get({ action: "runs" })) as Job[];
    // Newest first (internalid DESC): one job per stage, all complete, all with the task ID.
    expect(jobs.map((j) => [j.stage, j.status, j.percent, j.taskid])).toEqual([
      ["SUMMARIZE", "Complete", "100.0%", taskId],
      ["REDUCE", "Complete", "100.0%", taskId],
      ["SHUFFLE", "Complete", "100.0%", taskId],
      ["MAP", "Complete", "100.0%", taskId],
      ["GET_INPUT", "Complete", "100.0%", taskId],
    ]);
    for (const j of jobs) {
      expect(j.datecreated).toMatch(/^\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d{2} [ap]m$/);
      expect(j.startdate).not.toBe("");
      expect(j.enddate).not.toBe("");
    }
    expect(await get({ action: "probe", what: "running" })).toBe(0);
    expect(await get({ action: "probe", what: "completeAvg" })).toEqual(["100.0%"]);
  });

  it("checkStatus's count methods cost 10 units each; sizes and pending output are not modelled", () => {
    const t = makeEnv();
    const task = t.module<{ checkStatus(o: unknown): Record<string, () => unknown> }>("N/task");
    const s = task.checkStatus({ taskId: "MAPREDUCETASK_1" });
    expect(t.env.meter.usage).toBe(0);
    // MapReduceScriptTaskStatus's count methods, named here rather than read from the emulator's own list.
    const counts = "getPercentageCompleted getPendingMapCount getTotalMapCount getPendingReduceCount";
    for (const m of [...counts.split(" "), "getTotalReduceCount", "getTotalOutputCount"]) {
      expect(typeof s[m]?.()).toBe("number");
    }
    expect(t.env.meter.usage).toBe(60);
    const sizes = "getPendingMapSize getPendingReduceSize getPendingOutputSize getCurrentTotalSize";
    for (const m of [...sizes.split(" "), "getPendingOutputCount"]) {
      expect(() => s[m]?.()).toThrow(`UNSUPPORTED_BY_EMULATOR: N/task.MapReduceScriptTaskStatus.${m}`);
    }
    expect(() => {
      (s as Record<string, unknown>).status = "COMPLETE";
    }).toThrow(expect.objectContaining({ name: "READ_ONLY_PROPERTY" }));
  });

  it("a run started now (Save and Execute) is recorded without a task ID; a scheduled run is one job", async () => {
    await ns.runScript("customscript_ops_mr", "customdeploy_ops_mr", { custscript_ops_count: "0" });
    const jobs = (await get({ action: "runs" })) as Job[];
    // No input: getInputData, then summarize (no map or reduce invocations, no shuffle).
    expect(jobs.map((j) => [j.stage, j.status, j.taskid])).toEqual([
      ["SUMMARIZE", "Complete", ""],
      ["GET_INPUT", "Complete", ""],
    ]);
    await ns.runScript("customscript_ops_sched", "customdeploy_ops_sched");
    const sched = await ns.invokeSuitelet(SL, SL_DEPLOYMENT, {
      method: "GET",
      parameters: { action: "runs" },
    });
    expect(sched.code).toBe(200);
    const all = ns.data.runSearch(
      {
        id: null,
        scriptId: null,
        title: null,
        isPublic: false,
        type: "scheduledscriptinstance",
        filters: [{ name: "scriptid", join: "script", operator: "is", values: ["customscript_ops_sched"] }],
        columns: [{ name: "status" }, { name: "mapreducestage" }, { name: "percentcomplete" }],
      },
      0,
      10,
    );
    expect(all.rows.map((r) => r.cells.map((c) => c.value))).toEqual([["Complete", "", "100.0%"]]);
  });

  it("refuses what it does not model: record calls, queue, unknown fields and joins, other roles' searches", async () => {
    await expect(get({ action: "probe", what: "load" })).rejects.toThrow(
      "UNSUPPORTED_BY_EMULATOR: record.load of a scheduledscriptinstance",
    );
    await expect(get({ action: "probe", what: "queue" })).rejects.toThrow(
      "UNSUPPORTED_BY_EMULATOR: search field scheduledscriptinstance.queue",
    );
    await expect(get({ action: "probe", what: "bogus" })).rejects.toMatchObject({
      name: "SSS_INVALID_SRCH_COL",
    });
    await expect(get({ action: "probe", what: "scriptname" })).rejects.toThrow(
      "UNSUPPORTED_BY_EMULATOR: search field script.scripttype",
    );
    const clerk = await NetSuiteEmulator.open({
      projectDir: OPS_PROJECT,
      roles: [
        { scriptId: "customrole_ops_clerk", permissions: { LIST_FIND: "VIEW", ADMI_CUSTOMSCRIPT: "FULL" } },
      ],
    });
    try {
      await expect(
        clerk.invokeSuitelet(SL, SL_DEPLOYMENT, {
          method: "GET",
          parameters: { action: "runs" },
          user: { role: "customrole_ops_clerk" },
        }),
      ).rejects.toThrow(
        "UNSUPPORTED_BY_EMULATOR: a scheduledscriptinstance search by role customrole_ops_clerk",
      );
      // A record call is refused as not modelled before any permission check, whoever makes it.
      await expect(
        clerk.invokeSuitelet(SL, SL_DEPLOYMENT, {
          method: "GET",
          parameters: { action: "probe", what: "load" },
          user: { role: "customrole_ops_clerk" },
        }),
      ).rejects.toThrow("UNSUPPORTED_BY_EMULATOR: record.load of a scheduledscriptinstance");
    } finally {
      await clerk.close();
    }
  });
});
