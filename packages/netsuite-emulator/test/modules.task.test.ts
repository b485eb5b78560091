import { describe, expect, it } from "vitest";
import { makeEnv } from "./helpers/module-env.js";

interface Task {
  id: string | null;
  scriptId?: string;
  deploymentId?: string;
  params?: Record<string, unknown>;
  submit(): string;
}
interface TaskModule {
  TaskType: Record<string, string>;
  TaskStatus: Record<string, string>;
  MapReduceStage: Record<string, string>;
  create(o: unknown): Task;
  checkStatus(o: unknown): Record<string, unknown>;
}

describe("N/task", () => {
  it("submits map/reduce and scheduled tasks through the host for 20 units", () => {
    const t = makeEnv();
    const task = t.module<TaskModule>("N/task");
    const mr = task.create({
      taskType: task.TaskType.MAP_REDUCE,
      scriptId: "customscript_mr",
      deploymentId: "customdeploy_mr",
    });
    mr.params = { custscript_since: "2024-01-01" };
    expect(mr.submit()).toBe("SCHEDSCRIPT_0123");
    expect(mr.id).toBe("SCHEDSCRIPT_0123");
    expect(t.env.meter.usage).toBe(20);
    expect(t.hostCalls("task.submit")[0]?.args[0]).toEqual({
      taskType: "MAP_REDUCE",
      scriptId: "customscript_mr",
      deploymentId: "customdeploy_mr",
      params: { custscript_since: "2024-01-01" },
    });
    const sched = task.create({ taskType: task.TaskType.SCHEDULED_SCRIPT });
    expect(() => sched.submit()).toThrow(expect.objectContaining({ name: "SSS_MISSING_REQD_ARGUMENT" }));
    sched.scriptId = "customscript_sched";
    sched.submit();
    expect(t.env.meter.usage).toBe(40);
  });

  it("checkStatus gives status, and stage for map/reduce, at no cost (its count methods cost 10 units)", () => {
    const t = makeEnv();
    const task = t.module<TaskModule>("N/task");
    const mr = task.checkStatus({ taskId: "MAPREDUCETASK_1" });
    expect(mr).toMatchObject({
      taskId: "MAPREDUCETASK_1",
      status: task.TaskStatus.PROCESSING,
      stage: task.MapReduceStage.MAP,
    });
    expect(() => (mr.getPendingMapSize as () => unknown)()).toThrow(
      "UNSUPPORTED_BY_EMULATOR: N/task.MapReduceScriptTaskStatus.getPendingMapSize",
    );
    const sched = task.checkStatus({ taskId: "SCHEDSCRIPT_1" });
    expect(sched.status).toBe("PROCESSING");
    expect(sched.stage).toBeUndefined();
    expect(t.env.meter.usage).toBe(0);
    expect((mr.getPercentageCompleted as () => unknown)()).toBe(0);
    expect(t.env.meter.usage).toBe(10);
    expect(Object.values(task.TaskStatus)).toEqual(["PENDING", "PROCESSING", "COMPLETE", "FAILED"]);
  });

  it("other task types are unsupported; a usage limit refuses submit", () => {
    const t = makeEnv({ usageLimit: 19 });
    const task = t.module<TaskModule>("N/task");
    expect(() => task.create({ taskType: task.TaskType.CSV_IMPORT })).toThrow(
      "UNSUPPORTED_BY_EMULATOR: N/task.create(CSV_IMPORT)",
    );
    const mr = task.create({ taskType: "MAP_REDUCE", scriptId: "customscript_mr" });
    expect(() => mr.submit()).toThrow(expect.objectContaining({ name: "SSS_USAGE_LIMIT_EXCEEDED" }));
    expect(t.hostCalls("task.submit")).toHaveLength(0);
  });
});
