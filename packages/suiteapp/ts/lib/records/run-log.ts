/**
 * A map/reduce run's own rows in the sync log (no customer): a `started` row when getInputData has read
 * its input (the start, and how many customers or windows it is to process), and a row in summarize
 * that ends it (its counts; outcome `completed`, `completed_with_failures`, or `failed` when its input
 * could not be read; the start copied; the started row's ID). Two rows, not one updated: the role only
 * creates sync log rows, and a row once written is never changed. The Stripe Sync page pairs them
 * (operations/run-rows.ts), so any role that views the sync log sees the runs, which NetSuite's own run
 * history (scheduled script instances) does not promise: Oracle names no permission for that search. */
import * as format from "N/format";
import * as log from "N/log";
import * as record from "N/record";
import * as search from "N/search";
import { SYNC_LOG_RECORD } from "./object-ids.js";

const f = SYNC_LOG_RECORD.fields;

/** Text area fields hold 4,000 characters. */
const MAX_MESSAGE = 3900;

export const STARTED = "started";

/** What a whole run did, per customer and Stripe account. */
export interface RunCounts {
  created: number;
  linked: number;
  updated: number;
  unchanged: number;
  failed: number;
  /** The payment method refresh only: customers whose payment method fields were cleared. */
  cleared?: number;
}

/**
 * The run's `started` row; a failure to write it is logged and the run goes on (the page then shows
 * the run once it ends). `toProcess`: what map is to work through (customers, or windows of Stripe's
 * list), which the page turns into progress where it can count what is done. A restarted getInputData
 * (NetSuite restarts a stage after a failure) keeps the row its first attempt wrote.
 */
export function startRunLog(
  kind: string,
  context: { isRestarted?: boolean },
  toProcess: number | undefined,
  message: string,
): string | undefined {
  if (context.isRestarted) return undefined;
  try {
    return writeStartedRow(kind, toProcess, message);
  } catch (e) {
    log.error({ title: `Could not write the ${kind} run's started row`, details: String(e) });
    return undefined;
  }
}

function writeStartedRow(kind: string, toProcess: number | undefined, message: string): string {
  const row = record.create({ type: SYNC_LOG_RECORD.type });
  row.setValue({ fieldId: f.kind, value: kind });
  row.setValue({ fieldId: f.outcome, value: STARTED });
  row.setValue({ fieldId: f.message, value: message.slice(0, MAX_MESSAGE) });
  row.setValue({ fieldId: f.started, value: new Date() });
  if (toProcess !== undefined) row.setValue({ fieldId: f.toProcess, value: toProcess });
  row.setValue({ fieldId: f.at, value: new Date() });
  return String(row.save());
}

/**
 * This run's `started` row: the newest run row of the kind, when it is a started one (a deployment runs
 * one instance at a time). When the newest is an end, this run wrote no start (its input failed first)
 * and an older run's start is not taken for its own.
 */
function startedRow(kind: string): { id: string; started: Date | undefined } | undefined {
  const [row] = search
    .create({
      type: SYNC_LOG_RECORD.type,
      filters: [[f.kind, "is", kind], "AND", [f.customer, "anyof", "@NONE@"]],
      columns: [search.createColumn({ name: "internalid", sort: search.Sort.DESC }), f.outcome, f.started],
    })
    .run()
    .getRange({ start: 0, end: 1 });
  if (row === undefined || row.getValue({ name: f.outcome }) !== STARTED) return undefined;
  return { id: String(row.id), started: parseDateTime(String(row.getValue({ name: f.started }) ?? "")) };
}

/** A search's date and time, which it gives as the user's formatted text, as a Date. */
export function parseDateTime(value: string): Date | undefined {
  if (value === "") return undefined;
  try {
    const d = format.parse({ value, type: format.Type.DATETIME }) as unknown as Date;
    return typeof d?.getTime === "function" && !Number.isNaN(d.getTime()) ? d : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The run's finishing row: its counts and outcome, with its start when the started row is found. A run
 * whose getInputData threw (`inputError`, the summary's inputSummary.error) is `failed`, its first line
 * saying why.
 */
export function writeRunLog(kind: string, counts: RunCounts, message: string, inputError?: string): string {
  const start = startedRow(kind);
  const row = record.create({ type: SYNC_LOG_RECORD.type });
  const outcome = inputError ? "failed" : counts.failed > 0 ? "completed_with_failures" : "completed";
  const text = inputError ? `The input could not be read: ${inputError.slice(0, 500)}\n${message}` : message;
  row.setValue({ fieldId: f.kind, value: kind });
  row.setValue({ fieldId: f.outcome, value: outcome });
  row.setValue({ fieldId: f.message, value: text.slice(0, MAX_MESSAGE) });
  row.setValue({ fieldId: f.created, value: counts.created });
  row.setValue({ fieldId: f.linked, value: counts.linked });
  row.setValue({ fieldId: f.updated, value: counts.updated });
  row.setValue({ fieldId: f.unchanged, value: counts.unchanged });
  row.setValue({ fieldId: f.failed, value: counts.failed });
  if (counts.cleared !== undefined) row.setValue({ fieldId: f.cleared, value: counts.cleared });
  if (start) {
    row.setValue({ fieldId: f.run, value: Number(start.id) });
    if (start.started) row.setValue({ fieldId: f.started, value: start.started });
  }
  row.setValue({ fieldId: f.at, value: new Date() });
  return String(row.save());
}
