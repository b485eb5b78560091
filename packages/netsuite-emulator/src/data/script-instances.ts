/**
 * Scheduled script instances (`scheduledscriptinstance`, data/catalog.ts): the account's record of
 * each scheduled and map/reduce run, which scripts search as Oracle documents ("Scheduled Script
 * Instance", section_3777401104). Rows are jobs, as there: "Each scheduled script instance is handled
 * by one scheduled script job"; "Each map/reduce script instance is handled by multiple map/reduce
 * script jobs"; "A job always belongs to one of the stages of a map/reduce script, and there is at
 * least one job per stage. There's exactly one job for each of the getInputData, shuffle, and
 * summarize stages. The number of map and reduce jobs depends on concurrency limits and yields"
 * ("Map/Reduce Script Status Page", section_4478613244).
 *
 * What the emulator writes:
 * - a scheduled run: one job; a map/reduce run: one job per stage it runs (GET_INPUT, MAP, SHUFFLE,
 *   REDUCE, SUMMARIZE), one map and one reduce job whatever the concurrency (the emulator has no
 *   yields, and how NetSuite splits a stage into jobs is not documented);
 * - a submitted task's first job is PENDING from the submit (`datecreated`) until the run starts
 *   (`startdate`); a run started now (Save and Execute, the emulator's runScript) starts at once;
 * - each job is PROCESSING while it runs, then COMPLETE (percentcomplete 100, `enddate`) or FAILED;
 *   a map/reduce stage ends its job when the next stage starts; map and reduce jobs report the share
 *   of their invocations that finished (the other stages are "either 0% or 100% complete",
 *   MapReduceScriptTaskStatus.getPercentageCompleted(), section_456839538573); a scheduled job is 0
 *   until it completes (what a script sets in `runtime.getCurrentScript().percentComplete`, which
 *   "appears in the % Complete column on the Scheduled Script Status page", Script.percentComplete,
 *   section_4296662993, is not modelled: that property is UNSUPPORTED_BY_EMULATOR);
 * - `taskid`: the ID task.submit returned, on every job of the run (empty for a run started now).
 * A map/reduce whose map or reduce invocations failed is COMPLETE, as its task is: the errors are the
 * summary's. Jobs are kept with the account. A job left PENDING or PROCESSING by an emulator closed
 * in mid-run is marked FAILED when the account opens again (the emulator does not restart runs).
 */
import type { Db, Values } from "./db.js";
import type { Deployments } from "./deployments.js";

export const SCHEDULED_SCRIPT_INSTANCE = "scheduledscriptinstance";

export type JobStatus = "PENDING" | "PROCESSING" | "COMPLETE" | "FAILED";
export type JobStage = "GET_INPUT" | "MAP" | "SHUFFLE" | "REDUCE" | "SUMMARIZE";

/** One run of a deployment as the account records it. */
export interface InstanceRun {
  /** The run starts: its first job is PROCESSING. */
  start(): void;
  /** Map/reduce: the previous stage's job is COMPLETE, a job for `stage` starts. */
  stage(stage: JobStage): void;
  /** The current job's percent complete (0–100). */
  progress(percent: number): void;
  /** The run ends: its current job is COMPLETE or FAILED. */
  finish(status: "COMPLETE" | "FAILED"): void;
}

export class ScriptInstances {
  constructor(
    private readonly db: Db,
    private readonly deployments: Deployments,
    private readonly now: () => Date,
  ) {
    this.db.transaction(() => {
      for (const row of this.db.all(SCHEDULED_SCRIPT_INSTANCE)) {
        if (row.values.status === "PENDING" || row.values.status === "PROCESSING") {
          this.db.put(SCHEDULED_SCRIPT_INSTANCE, row.id, { ...row.values, status: "FAILED" });
        }
      }
    });
  }

  /**
   * Records a new run of a deployment (by its script ID, any case); its first job waits (PENDING)
   * until `start`. A map/reduce run's first job is GET_INPUT.
   */
  begin(run: { deploymentId: string; mapReduce: boolean; taskId?: string }): InstanceRun {
    const entry = this.deployments.find(run.deploymentId);
    const base: Values = {
      script: entry ? String(entry.scriptInternalId) : null,
      scriptdeployment: entry ? String(entry.id) : null,
      taskid: run.taskId ?? null,
    };
    const stamp = () => this.now().toISOString();
    const put = (id: number, values: Values) => this.db.put(SCHEDULED_SCRIPT_INSTANCE, id, values);
    const open = (stage: JobStage | null, status: JobStatus): { id: number; values: Values } => {
      const id = this.db.nextId(SCHEDULED_SCRIPT_INSTANCE);
      const at = stamp();
      const values: Values = {
        ...base,
        datecreated: at,
        startdate: status === "PROCESSING" ? at : null,
        enddate: null,
        percentcomplete: 0,
        status,
        mapreducestage: stage,
      };
      put(id, values);
      return { id, values };
    };
    let job = open(run.mapReduce ? "GET_INPUT" : null, "PENDING");
    const update = (values: Values) => {
      job = { id: job.id, values: { ...job.values, ...values } };
      put(job.id, job.values);
    };
    return {
      start: () => update({ status: "PROCESSING", startdate: stamp() }),
      stage: (stage) => {
        if (job.values.mapreducestage === stage) return;
        update({ status: "COMPLETE", percentcomplete: 100, enddate: stamp() });
        job = open(stage, "PROCESSING");
      },
      progress: (percent) => {
        const value = Math.max(0, Math.min(100, percent));
        if (job.values.percentcomplete !== value) update({ percentcomplete: value });
      },
      finish: (status) =>
        update({
          status,
          enddate: stamp(),
          ...(job.values.startdate ? {} : { startdate: stamp() }),
          ...(status === "COMPLETE" ? { percentcomplete: 100 } : {}),
        }),
    };
  }
}
