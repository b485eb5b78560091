/**
 * N/task (Oracle: "N/task Module", "task.create(options)", "task.checkStatus(options)"): scheduled
 * script and map/reduce tasks, submitted through the host (`task.submit`, 20 units), and their status
 * (task.MapReduceScriptTaskStatus with its stage and counts). Other task types throw
 * UNSUPPORTED_BY_EMULATOR.
 */
import { NsError, unsupported } from "../../errors.js";
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

/** Counts the emulator models (each 10 units); the byte sizes and pending output are not modelled. */
type Count =
  | "getPercentageCompleted"
  | "getPendingMapCount"
  | "getTotalMapCount"
  | "getPendingReduceCount"
  | "getTotalReduceCount"
  | "getTotalOutputCount";

/**
 * MapReduceScriptTaskStatus.getPercentageCompleted() (section_456839538573): "the current percentage
 * complete for the current stage"; "The input and summarize stages are either 0% or 100% complete at
 * any time". Map and reduce: the share of the stage's invocations that have finished, rounded down
 * (Oracle does not say how it rounds). A complete task is 100; a pending one, and the shuffle (which
 * the emulator does at once), 0.
 */
function percentage(reply: StatusReply): number {
  if (reply.status === "COMPLETE") return 100;
  const stage =
    reply.stage === "MAP"
      ? reply.progress?.map
      : reply.stage === "REDUCE"
        ? reply.progress?.reduce
        : undefined;
  if (!stage || stage.total === 0) return 0;
  return Math.floor((stage.done * 100) / stage.total);
}

/** The value of a count method, from the snapshot `task.checkStatus` took. */
function count(method: Count, reply: StatusReply): number {
  const p = reply.progress ?? { map: { done: 0, total: 0 }, reduce: { done: 0, total: 0 } };
  switch (method) {
    case "getPercentageCompleted":
      return percentage(reply);
    case "getTotalMapCount":
      return p.map.total;
    case "getPendingMapCount":
      return p.map.total - p.map.done;
    case "getTotalReduceCount":
      return p.reduce.total;
    case "getPendingReduceCount":
      return p.reduce.total - p.reduce.done;
    case "getTotalOutputCount":
      return p.output ?? 0;
  }
}

const COUNTS: readonly Count[] = [
  "getPercentageCompleted",
  "getPendingMapCount",
  "getTotalMapCount",
  "getPendingReduceCount",
  "getTotalReduceCount",
  "getTotalOutputCount",
];

/**
 * Not modelled: the byte sizes (how NetSuite measures its stored work is not documented) and
 * getPendingOutputCount ("records/rows not yet iterated by the script": summarize's reading of its
 * output is not tracked).
 */
const NOT_MODELLED = [
  "getCurrentTotalSize",
  "getPendingMapSize",
  "getPendingOutputCount",
  "getPendingOutputSize",
  "getPendingReduceSize",
];

/** Read-only properties: "READ_ONLY_PROPERTY … Setting the property is attempted" (MapReduceScriptTaskStatus.status, section_457534118651). */
function readOnly(target: Record<string, unknown>, name: string, value: unknown, type: string): void {
  Object.defineProperty(target, name, {
    get: () => value,
    set: () => {
      throw new NsError("READ_ONLY_PROPERTY", `${type}.${name} is read-only.`);
    },
    enumerable: true,
  });
}

/**
 * task.ScheduledScriptTaskStatus / task.MapReduceScriptTaskStatus (section_4345798546): a snapshot of
 * the task when checkStatus ran. The map/reduce one's count methods charge their units and answer
 * from that snapshot; call checkStatus again for newer numbers.
 */
function statusObject(env: ScriptEnv, taskId: string, reply: StatusReply): Record<string, unknown> {
  const status: Record<string, unknown> = {};
  const isMapReduce = reply.stage !== undefined || reply.progress !== undefined;
  const type = isMapReduce ? "MapReduceScriptTaskStatus" : "ScheduledScriptTaskStatus";
  readOnly(status, "taskId", taskId, type);
  readOnly(status, "scriptId", reply.scriptId, type);
  readOnly(status, "deploymentId", reply.deploymentId, type);
  readOnly(status, "status", reply.status, type);
  if (isMapReduce) {
    readOnly(status, "stage", reply.stage, type);
    for (const method of COUNTS) {
      Object.defineProperty(status, method, {
        value: () => {
          env.meter.charge(COSTS["MapReduceScriptTaskStatus.count"], `${type}.${method}`);
          return count(method, reply);
        },
        enumerable: false,
      });
    }
    withUnsupported(status, "N/task.MapReduceScriptTaskStatus", NOT_MODELLED);
  }
  Object.defineProperty(status, "toJSON", {
    value: () => ({
      taskId,
      scriptId: reply.scriptId,
      deploymentId: reply.deploymentId,
      status: reply.status,
      ...(isMapReduce ? { stage: reply.stage } : {}),
    }),
    enumerable: false,
  });
  Object.defineProperty(status, "toString", { value: () => `task.${type}`, enumerable: false });
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
      return statusObject(env, taskId, env.call<StatusReply>("task.status", taskId));
    },
  };
  return module;
}
