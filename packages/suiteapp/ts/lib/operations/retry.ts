/**
 * Retry failed: submits the mass sync map/reduce with Retry Failed Only checked (and the page's Stripe
 * account and error code filters), so its getInputData takes exactly the customers whose sync status is error through
 * the normal mass sync path (lib/customer-sync/mass-sync-input.ts); and the status of the task it
 * submitted, as the page shows it. A submit costs 20 units; a status 10, its percent complete 10 more.
 */
import * as task from "N/task";
import type { SyncIssue } from "@nss/core";
import { SCRIPT_PARAMS, SCRIPTS } from "../records/object-ids.js";
import { problemText } from "./ops-context.js";

/** The submit button's label (the POST's `submitter`). */
export const RETRY_BUTTON = "Retry failed";

/** Submits the retry of the failed customers the filters select ('' for none); the task ID, or what stopped it and what to do. */
export function submitRetry(
  accountRecordId: string,
  code = "",
): { ok: true; taskId: string } | { ok: false; issue: SyncIssue } {
  const { scriptId, deploymentId } = SCRIPTS.massSync;
  try {
    const mr = task.create({
      taskType: task.TaskType.MAP_REDUCE,
      scriptId,
      deploymentId,
      params: {
        // Checkbox parameters are "T"/"F" (as the deployment stores them; getParameter gives a boolean).
        [SCRIPT_PARAMS.massSyncRetryFailed]: "T",
        ...(accountRecordId ? { [SCRIPT_PARAMS.massSyncRetryAccount]: accountRecordId } : {}),
        ...(code ? { [SCRIPT_PARAMS.massSyncRetryCode]: code } : {}),
      },
    });
    return { ok: true, taskId: mr.submit() };
  } catch (e) {
    const name = (e as { name?: unknown } | null)?.name;
    const running = name === "MAP_REDUCE_ALREADY_RUNNING";
    return {
      ok: false,
      issue: {
        code: running ? "NSS_RETRY_RUNNING" : "NSS_RETRY_NOT_SUBMITTED",
        message: running
          ? `The mass sync (${deploymentId}) is running already, so the retry was not started.`
          : `The mass sync (${deploymentId}) could not be started: ${problemText(e)}.`,
        fix: running
          ? "Wait for the run on the Runs subtab to finish (a run retries the failed customers too), then press Retry failed again."
          : `Check that the deployment ${deploymentId} is deployed and released, and that no other run is queued.`,
      },
    };
  }
}

/** Percent complete: map and reduce report their share of invocations done; the other stages 0 or 100. */
export interface TaskView {
  status: string;
  stage: string;
  percent: number;
}

export function taskView(taskId: string): TaskView {
  const s = task.checkStatus({ taskId }) as task.MapReduceScriptTaskStatus;
  const status = String(s.status);
  const stage = s.stage ? String(s.stage) : "";
  // Each count method costs units: read the percent only while it means something.
  const percent = status === "COMPLETE" ? 100 : status === "PROCESSING" ? s.getPercentageCompleted() : 0;
  return { status, stage, percent };
}

/** One line for the page: status, stage, percent complete; or why the status could not be read. */
export function taskSummary(taskId: string): string {
  try {
    const v = taskView(taskId);
    return `${v.status}${v.stage ? `, stage ${v.stage}` : ""}, ${v.percent}% complete (task ${taskId})`;
  } catch (e) {
    return `The status of task ${taskId} could not be read (${problemText(e)}). The Runs subtab shows the mass sync's runs.`;
  }
}
