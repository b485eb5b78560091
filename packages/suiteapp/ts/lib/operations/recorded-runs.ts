/**
 * The runs the SuiteApp records itself (records/run-log.ts), as the Runs subtab reads them: the newest
 * run rows of the sync log paired into runs (run-rows.ts), and how far a running mass sync or dry run
 * has got, counted from what its map writes for each customer (the customer's Last Stripe Sync, a dry
 * run's plan rows) since it started: one summary search each.
 */
import * as search from "N/search";
import { text } from "../records/field-values.js";
import { CUSTOMER_FIELDS, DRY_RUN_PLAN_RECORD, RUN_KINDS, SYNC_LOG_RECORD } from "../records/object-ids.js";
import { anyOfFilters, newestRows } from "./ops-context.js";
import { pairRuns, type RecordedRun } from "./run-rows.js";

/** Run rows read, newest first: two a run, so the last runs of every deployment. */
const ROWS_READ = 60;

export function readRecordedRuns(
  kinds: readonly string[],
  deploymentOf: (kind: string) => string,
): RecordedRun[] {
  const f = SYNC_LOG_RECORD.fields;
  const rows = newestRows(
    SYNC_LOG_RECORD.type,
    [anyOfFilters(kinds.map((kind) => [f.kind, "is", kind])), "AND", [f.customer, "anyof", "@NONE@"]],
    [
      f.kind,
      f.outcome,
      f.started,
      f.at,
      f.toProcess,
      f.run,
      f.message,
      f.created,
      f.linked,
      f.updated,
      f.unchanged,
      f.failed,
    ],
    ROWS_READ,
  ).map((r) => {
    const get = (name: string) => text(r.getValue({ name }));
    return {
      id: String(r.id),
      kind: get(f.kind),
      outcome: get(f.outcome),
      started: get(f.started),
      at: get(f.at),
      toProcess: get(f.toProcess),
      run: get(f.run),
      message: get(f.message),
      counts: {
        created: get(f.created),
        linked: get(f.linked),
        updated: get(f.updated),
        unchanged: get(f.unchanged),
        failed: get(f.failed),
      },
    };
  });
  return pairRuns(rows, deploymentOf);
}

/** Rows of `type` whose date field `field` is on or after `since` (a search's own date text). */
function countSince(type: string, field: string, since: string): number {
  const count = search.createColumn({ name: "internalid", summary: search.Summary.COUNT });
  const [row] = search
    .create({ type, filters: [[field, "onorafter", since]], columns: [count] })
    .run()
    .getRange({ start: 0, end: 1 });
  return Number.parseInt(text(row?.getValue(count)), 10) || 0;
}

/**
 * What a running run has done, as a share of what its started row said it would work through; undefined
 * for the runs whose map leaves no per-customer trace (the refresh writes changed customers only).
 */
export function countedProgress(run: RecordedRun): { done: number; percent: number } | undefined {
  const total = Number.parseInt(run.toProcess, 10);
  if (!(total > 0) || run.started === "") return undefined;
  let done: number;
  if (run.kind === RUN_KINDS.mass) done = countSince("customer", CUSTOMER_FIELDS.lastSync, run.started);
  else if (run.kind === RUN_KINDS.dryRun)
    done = countSince(DRY_RUN_PLAN_RECORD.type, DRY_RUN_PLAN_RECORD.fields.at, run.started);
  else return undefined;
  // A customer synced by its button meanwhile counts too, and a dry run writes a row per Stripe account.
  done = Math.min(done, total);
  return { done, percent: (done / total) * 100 };
}
