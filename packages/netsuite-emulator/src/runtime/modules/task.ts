/**
 * N/task (Oracle: "N/task Module", "task.create(options)", "task.checkStatus(options)"): scheduled
 * script and map/reduce tasks, submitted through the host (`task.submit`, 20 units). Other task
 * types throw UNSUPPORTED_BY_EMULATOR.
 */
import { unsupported } from "../../errors.js";
import type { HostServices } from "../contracts.js";
import type { ScriptEnv } from "../env.js";
import { COSTS } from "../governance.js";
import { enumOf, options, required, withUnsupported } from "./util.js";

export const TaskType = enumOf({
  CSV_IMPORT: "CSV_IMPORT",
  ENTITY_DEDUPLICATION: "ENTITY_DEDUPLICATION",
  MAP_REDUCE: "MAP_REDUCE",
  PIVOT: "PIVOT",
  QUERY: "QUERY",
  RECORD_ACTION: "RECORD_ACTION",
  SCHEDULED_SCRIPT: "SCHEDULED_SCRIPT",
  SEARCH: "SEARCH",
  SUITE_QL: "SUITE_QL",
  WORKFLOW_TRIGGER: "WORKFLOW_TRIGGER",
});

export const TaskStatus = enumOf({
  PENDING: "PENDING",
  PROCESSING: "PROCESSING",
  COMPLETE: "COMPLETE",
  FAILED: "FAILED",
});

export const MapReduceStage = enumOf({
  GET_INPUT: "GET_INPUT",
  MAP: "MAP",
  SHUFFLE: "SHUFFLE",
  REDUCE: "REDUCE",
  SUMMARIZE: "SUMMARIZE",
});

const SUPPORTED = new Set<string>([TaskType.MAP_REDUCE, TaskType.SCHEDULED_SCRIPT]);

type SubmitArgs = Parameters<HostServices["task.submit"]>[0];
type StatusReply = ReturnType<HostServices["task.status"]>;

/** ScheduledScriptTask / MapReduceScriptTask: settable `scriptId`, `deploymentId`, `params`. */
class ScriptTask {
  id: string | null = null;
  scriptId: string | undefined;
  deploymentId: string | undefined;
  params: Record<string, unknown> | undefined;
  readonly #env: ScriptEnv;

  constructor(
    env: ScriptEnv,
    readonly taskType: string,
    init: { scriptId?: unknown; deploymentId?: unknown; params?: unknown },
  ) {
    this.#env = env;
    this.scriptId = init.scriptId === undefined ? undefined : String(init.scriptId);
    this.deploymentId = init.deploymentId === undefined ? undefined : String(init.deploymentId);
    this.params = init.params && typeof init.params === "object" ? { ...(init.params as object) } : undefined;
  }

  /** 20 units; returns the task ID for checkStatus. */
  submit(): string {
    const scriptId = required<string>({ scriptId: this.scriptId }, "scriptId", `${this.taskType}.submit`);
    this.#env.meter.charge(COSTS["task.submit"], "task.submit");
    const args: SubmitArgs = { taskType: this.taskType, scriptId };
    if (this.deploymentId !== undefined) args.deploymentId = this.deploymentId;
    if (this.params !== undefined) args.params = { ...this.params };
    this.id = this.#env.call<string>("task.submit", args);
    return this.id;
  }

  toString(): string {
    return `${this.taskType === TaskType.MAP_REDUCE ? "MapReduceScriptTask" : "ScheduledScriptTask"}`;
  }
}

function statusObject(taskId: string, reply: StatusReply): Record<string, unknown> {
  const status: Record<string, unknown> = {
    taskId,
    scriptId: reply.scriptId,
    deploymentId: reply.deploymentId,
    status: reply.status,
  };
  if (reply.stage !== undefined) {
    status.stage = reply.stage;
    withUnsupported(status, "N/task.MapReduceScriptTaskStatus", [
      "getCurrentTotalSize",
      "getPendingBytes",
      "getPendingMapCount",
      "getPendingMapSize",
      "getPendingOutputCount",
      "getPendingOutputSize",
      "getPendingReduceCount",
      "getPendingReduceSize",
      "getPercentageCompleted",
      "getTotalMapCount",
      "getTotalOutputCount",
      "getTotalReduceCount",
    ]);
  }
  return status;
}

export function createTaskModule(env: ScriptEnv): Record<string, unknown> {
  const module = {
    TaskType,
    TaskStatus,
    MapReduceStage,
    create(arg: unknown): ScriptTask {
      const opts = options(arg);
      const taskType = String(required(opts, "taskType", "task.create"));
      if (!SUPPORTED.has(taskType)) throw unsupported(`N/task.create(${taskType})`);
      return new ScriptTask(env, taskType, opts);
    },
    /** No governance (SuiteScript 2.x API Governance lists none for checkStatus). */
    checkStatus(arg: unknown): Record<string, unknown> {
      const taskId = String(required(options(arg, "taskId"), "taskId", "task.checkStatus"));
      env.meter.charge(COSTS["task.checkStatus"], "task.checkStatus");
      return statusObject(taskId, env.call<StatusReply>("task.status", taskId));
    },
  };
  return module;
}
