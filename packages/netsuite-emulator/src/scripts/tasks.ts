/**
 * N/task for map/reduce and scheduled deployments (Oracle: "MapReduceScriptTask.submit()",
 * "ScheduledScriptTask.submit()", "Submitting Multiple Deployments of the Same Script"): a submit
 * queues the deployment and returns at once; the run happens on the main thread's event loop after
 * the submitting call returns. Only one unfinished instance per deployment may exist: a second submit
 * fails with MAP_REDUCE_ALREADY_RUNNING (map/reduce) or FAILED_TO_SUBMIT_JOB_REQUEST_1 (scheduled).
 * Without a deploymentId, NetSuite picks a free deployment of the script; NO_DEPLOYMENTS_AVAILABLE
 * when every one is busy.
 *
 * Every run, submitted or started now, is recorded as `scheduledscriptinstance` jobs
 * (data/script-instances.ts), and a map/reduce task's status carries its stage and counts for
 * task.MapReduceScriptTaskStatus (runtime/modules/task.ts).
 */
import { randomBytes } from "node:crypto";
import type { Starter } from "../account/run-as.js";
import type { InstanceRun, ScriptInstances } from "../data/script-instances.js";
import { NsError, unsupported } from "../errors.js";
import type { TaskStatusReply } from "../runtime/contracts.js";
import type { InvocationContext, ScriptHost, TaskService } from "../runtime/host.js";
import type { DeploymentDef } from "../sdf/types.js";
import { findTarget, type Target } from "./common.js";
import { type MapReduceOptions, type MapReduceSummary, runMapReduce } from "./map-reduce.js";
import { runScheduled, type ScheduledResult } from "./scheduled.js";

export type TaskStatusValue = "PENDING" | "PROCESSING" | "COMPLETE" | "FAILED";

export interface TaskState {
  taskId: string;
  taskType: "MAP_REDUCE" | "SCHEDULED_SCRIPT";
  scriptId: string;
  deploymentId: string;
  status: TaskStatusValue;
  /** Map/reduce: the current (or last) stage. */
  stage?: string;
  /** Map/reduce: invocations finished of each stage's total, and the pairs passed to summarize. */
  progress?: NonNullable<TaskStatusReply["progress"]>;
  summary?: MapReduceSummary | ScheduledResult;
  error?: { name: string; message: string };
  done: Promise<void>;
}

const SCRIPT_TYPE = { MAP_REDUCE: "mapreducescript", SCHEDULED_SCRIPT: "scheduledscript" } as const;

/** The error a submit of a deployment with an unfinished instance gets. */
function alreadyRunning(taskType: string, scriptId: string, deploymentId: string): NsError {
  return taskType === "MAP_REDUCE"
    ? new NsError(
        "MAP_REDUCE_ALREADY_RUNNING",
        `Map/Reduce Script ${scriptId} with Deployment ${deploymentId} is already running.`,
      )
    : new NsError(
        "FAILED_TO_SUBMIT_JOB_REQUEST_1",
        `Failed to submit job request: deployment ${deploymentId} of ${scriptId} is already in the queue (INQUEUE).`,
      );
}

/** What a run tells its scheduledscriptinstance jobs: map/reduce stages and map and reduce progress. */
export type RunHooks = Required<Pick<MapReduceOptions, "onStage" | "onProgress">>;

function recorder(instance: InstanceRun | undefined): RunHooks {
  return {
    onStage: (stage) => instance?.stage(stage),
    onProgress: (p) => instance?.progress(p.total === 0 ? 0 : Math.floor((p.done * 100) / p.total)),
  };
}

export class Tasks implements TaskService {
  private readonly tasks = new Map<string, TaskState>();
  /** The unfinished instance per `scriptid/deployid` (a submitted task or a direct run): resolves when it ends. */
  private readonly busy = new Map<string, Promise<void>>();

  constructor(
    private readonly host: ScriptHost,
    /** Where runs are recorded as scheduledscriptinstance jobs (none: not recorded). */
    private readonly instances?: ScriptInstances,
  ) {}

  install(): this {
    this.host.tasks = this;
    return this;
  }

  /**
   * Runs a deployment now (the emulator's runScript, the CLI), counting as its unfinished instance
   * meanwhile; refused like a submit when the deployment already has one.
   */
  async track<T>(target: Target, run: (hooks: RunHooks) => Promise<T>): Promise<T> {
    const key = `${target.script.scriptId}/${target.deployment.scriptId}`;
    if (this.busy.has(key)) {
      const taskType = target.script.type === "mapreducescript" ? "MAP_REDUCE" : "SCHEDULED_SCRIPT";
      throw alreadyRunning(taskType, target.script.scriptId, target.deployment.scriptId);
    }
    const instance = this.instances?.begin({
      deploymentId: target.deployment.scriptId,
      mapReduce: target.script.type === "mapreducescript",
    });
    instance?.start();
    const result = run(recorder(instance));
    result.then(
      () => instance?.finish("COMPLETE"),
      () => instance?.finish("FAILED"),
    );
    const done = result.then(
      () => undefined,
      () => undefined,
    );
    this.busy.set(key, done);
    void done.finally(() => {
      if (this.busy.get(key) === done) this.busy.delete(key);
    });
    return result;
  }

  submit(
    ctx: InvocationContext | null,
    task: { taskType: string; scriptId: string; deploymentId?: string; params?: Record<string, unknown> },
  ): string {
    if (task.taskType !== "MAP_REDUCE" && task.taskType !== "SCHEDULED_SCRIPT") {
      throw unsupported(`N/task ${task.taskType}`);
    }
    const taskType = task.taskType;
    const { script } = findTarget(this.host, task.scriptId, task.deploymentId, [SCRIPT_TYPE[taskType]]);
    const key = (d: DeploymentDef) => `${script.scriptId}/${d.scriptId}`;
    let deployment: DeploymentDef;
    /** What the new task waits for: a script resubmitting its own deployment waits for its run to end. */
    let after: Promise<void> = Promise.resolve();
    if (task.deploymentId !== undefined) {
      deployment = findTarget(this.host, script.scriptId, task.deploymentId).deployment;
      this.checkSubmittable(taskType, script.scriptId, deployment);
      const unfinished = this.busy.get(key(deployment));
      if (unfinished) {
        // "If a scheduled [map/reduce] script resubmits itself, the resubmit does not occur until the
        // current execution completes" (ScheduledScriptTask.submit(), MapReduceScriptTask.submit()).
        const self =
          ctx?.script.scriptId === script.scriptId && ctx.deployment.scriptId === deployment.scriptId;
        if (!self) throw alreadyRunning(taskType, script.scriptId, deployment.scriptId);
        after = unfinished;
      }
    } else {
      const free = script.deployments.find(
        (d) => d.isDeployed && d.status.toUpperCase() !== "TESTING" && !this.busy.has(key(d)),
      );
      if (!free) {
        throw new NsError(
          "NO_DEPLOYMENTS_AVAILABLE",
          `No deployment of ${script.scriptId} is available to run.`,
        );
      }
      deployment = free;
    }
    const params: Record<string, string> = {};
    for (const [k, v] of Object.entries(task.params ?? {})) {
      params[k] = typeof v === "string" ? v : JSON.stringify(v);
    }
    const taskId = `${taskType === "MAP_REDUCE" ? "MAPREDUCETASK" : "SCHEDSCRIPT"}_${randomBytes(16).toString("hex")}`;
    const state: TaskState = {
      taskId,
      taskType,
      scriptId: script.scriptId,
      deploymentId: deployment.scriptId,
      status: "PENDING",
      done: Promise.resolve(),
      ...(taskType === "MAP_REDUCE"
        ? { progress: { map: { done: 0, total: 0 }, reduce: { done: 0, total: 0 } } }
        : {}),
    };
    this.tasks.set(taskId, state);
    const instance = this.instances?.begin({
      deploymentId: deployment.scriptId,
      mapReduce: taskType === "MAP_REDUCE",
      taskId,
    });
    // Runs after the submitting RPC has returned (and after the submitter's own run, for a resubmit).
    const done = after
      .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
      .then(() =>
        this.run(state, params, instance, ctx ? { kind: "script", principal: ctx.principal } : undefined),
      );
    state.done = done;
    const k = key(deployment);
    this.busy.set(k, done);
    void done.finally(() => {
      if (this.busy.get(k) === done) this.busy.delete(k);
    });
    return taskId;
  }

  /** Deployed, and not Testing ("If the script status is set to Testing, this method will not place the script into the queue"). */
  private checkSubmittable(taskType: string, scriptId: string, deployment: DeploymentDef): void {
    if (!deployment.isDeployed || deployment.status.toUpperCase() === "TESTING") {
      throw new NsError(
        "FAILED_TO_SUBMIT_JOB_REQUEST_1",
        `Failed to submit job request: ${taskType} deployment ${deployment.scriptId} of ${scriptId} is ${
          deployment.isDeployed ? "in Testing status" : "not deployed"
        }.`,
      );
    }
  }

  private async run(
    state: TaskState,
    params: Record<string, string>,
    instance: InstanceRun | undefined,
    starter?: Starter,
  ): Promise<void> {
    state.status = "PROCESSING";
    instance?.start();
    const hooks = recorder(instance);
    try {
      if (state.taskType === "MAP_REDUCE") {
        state.stage = "GET_INPUT";
        const progress = state.progress;
        state.summary = await runMapReduce(this.host, state.scriptId, state.deploymentId, {
          params,
          ...(starter ? { starter } : {}),
          onStage: (stage) => {
            state.stage = stage;
            hooks.onStage(stage);
          },
          onProgress: (p) => {
            if (progress) progress[p.stage] = { done: p.done, total: p.total };
            hooks.onProgress(p);
          },
          onOutput: (pairs) => {
            if (progress) progress.output = pairs;
          },
        });
      } else {
        state.summary = await runScheduled(this.host, state.scriptId, state.deploymentId, {
          params,
          ...(starter ? { starter } : {}),
        });
      }
      state.status = "COMPLETE";
      instance?.finish("COMPLETE");
    } catch (error) {
      state.status = "FAILED";
      instance?.finish("FAILED");
      const e = error as Error;
      state.error = { name: e.name, message: e.message };
    }
  }

  status(taskId: string): TaskStatusReply {
    const state = this.tasks.get(taskId);
    if (!state) throw new NsError("SSS_INVALID_TASK_ID", `No task ${taskId}.`);
    return {
      status: state.status,
      ...(state.stage !== undefined ? { stage: state.stage } : {}),
      scriptId: state.scriptId,
      deploymentId: state.deploymentId,
      ...(state.progress
        ? {
            progress: {
              map: { ...state.progress.map },
              reduce: { ...state.progress.reduce },
              ...(state.progress.output !== undefined ? { output: state.progress.output } : {}),
            },
          }
        : {}),
    };
  }

  get(taskId: string): TaskState | undefined {
    return this.tasks.get(taskId);
  }

  list(): TaskState[] {
    return [...this.tasks.values()];
  }

  /** Resolves when every submitted task has finished (tasks a task submits included). */
  async idle(): Promise<void> {
    for (;;) {
      const pending = this.list().filter((t) => t.status === "PENDING" || t.status === "PROCESSING");
      if (pending.length === 0) return;
      await Promise.all(pending.map((t) => t.done));
    }
  }
}
