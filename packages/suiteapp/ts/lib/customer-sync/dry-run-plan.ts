/**
 * The last mass sync dry run's plan, customer by customer: one `customrecord_nss_dry_run_plan` row per
 * planned customer and Stripe account (what the sync would do, the Stripe customer, the Stripe fields it
 * would change, or why it would fail), kept instead of a sync log row per customer, so the plan is bounded
 * by the customers planned, not by how many dry runs were made.
 *
 * - getInputData (`stampDryRun`) gives the run an ID (its start time in ms) and hands each customer's map
 *   the internal IDs of its rows from earlier dry runs (one paged search of every row: a page of 1,000 for 5
 *   units), so map rewrites a row in place (`record.submitFields`, 2 units) and creates one (create 2 + save 4)
 *   only for a customer and account planned for the first time.
 * - map (sync-customer.ts, dry run) writes each target's row (`writePlanRow`).
 * - summarize (`deleteOlderPlanRows`) deletes the rows this run did not write: customers that left the mass
 *   sync search (4 units each, while its units last; the next dry run deletes any left).
 */
import * as format from "N/format";
import * as record from "N/record";
import * as runtime from "N/runtime";
import * as search from "N/search";
import { text } from "../records/field-values.js";
import { DRY_RUN_PLAN_RECORD } from "../records/object-ids.js";

const f = DRY_RUN_PLAN_RECORD.fields;

/** Text area fields hold 4,000 characters. */
const MAX_TEXT = 3900;

/** What getInputData adds to each customer's value for its map. */
export interface PlanStamp {
  /** The dry run's ID. */
  planRun?: string;
  /** Account record internal ID (`-` for none) → the customer's plan row from an earlier dry run. */
  planRows?: Record<string, string>;
}

/** One Stripe account's plan for one customer. */
export interface PlanEntry {
  customerId: string;
  accountRecordId?: string | undefined;
  action: "created" | "linked" | "updated" | "unchanged" | "failed";
  stripeId?: string | undefined;
  /** What would change (Stripe field names), or why it would fail and what to fix. */
  changes: string;
}

const accountKey = (accountRecordId: string | undefined) => accountRecordId || "-";

/** Every plan row's internal ID by customer and account (paged: 1,000 rows a fetch). */
function readPlanRows(): Map<string, Record<string, string>> {
  const customer = search.createColumn({ name: f.customer });
  const account = search.createColumn({ name: f.account });
  const paged = search
    .create({
      type: DRY_RUN_PLAN_RECORD.type,
      filters: [],
      columns: [search.createColumn({ name: "internalid", sort: search.Sort.ASC }), customer, account],
    })
    .runPaged({ pageSize: 1000 });
  const out = new Map<string, Record<string, string>>();
  for (const range of paged.pageRanges) {
    for (const row of paged.fetch({ index: range.index }).data) {
      const id = text(row.getValue(customer)).trim();
      const rows = out.get(id) ?? {};
      out.set(id, rows);
      const key = accountKey(text(row.getValue(account)).trim());
      if (rows[key] === undefined) rows[key] = String(row.id);
    }
  }
  return out;
}

/**
 * Stamps the dry run's ID and each customer's earlier rows onto getInputData's values (JSON objects, keyed by
 * customer internal ID); answers the run's ID.
 */
export function stampDryRun(items: Record<string, string>): string {
  const run = String(Date.now());
  const existing = readPlanRows();
  for (const [customerId, value] of Object.entries(items)) {
    if (!value.startsWith("{")) continue;
    const stamp: PlanStamp = { planRun: run };
    const rows = existing.get(customerId);
    if (rows) stamp.planRows = rows;
    // A prefix, not a parse and a stringify: the value is the customer's whole prepared sync.
    const rest = value.slice(1).trimStart();
    items[customerId] = `${JSON.stringify(stamp).slice(0, -1)}${rest.startsWith("}") ? "" : ","}${rest}`;
  }
  return run;
}

/** Writes one target's plan row: in place when the customer had one for the account, else a new row. */
export function writePlanRow(stamp: PlanStamp, entry: PlanEntry): void {
  const values: Record<string, string | number | Date> = {
    [f.customer]: entry.customerId,
    [f.action]: entry.action,
    [f.stripeId]: entry.stripeId ?? "",
    [f.changes]: entry.changes.slice(0, MAX_TEXT),
    [f.run]: stamp.planRun ?? "",
  };
  if (entry.accountRecordId) values[f.account] = entry.accountRecordId;
  const existing = stamp.planRows?.[accountKey(entry.accountRecordId)];
  if (existing) {
    record.submitFields({
      type: DRY_RUN_PLAN_RECORD.type,
      id: existing,
      // submitFields takes a date/time as text in the user's format (sync-customer.ts's dateTimeText).
      values: {
        ...values,
        [f.at]: String(format.format({ value: new Date(), type: format.Type.DATETIMETZ })),
      },
      options: { enableSourcing: false, ignoreMandatoryFields: true },
    });
    return;
  }
  const row = record.create({ type: DRY_RUN_PLAN_RECORD.type });
  for (const [fieldId, value] of Object.entries(values)) {
    if (value !== "") row.setValue({ fieldId, value });
  }
  row.setValue({ fieldId: f.at, value: new Date() });
  row.save();
}

/** The latest dry run's ID among the rows ('' when there are none): one search page. */
export function latestPlanRun(): string {
  const run = search.createColumn({ name: f.run, sort: search.Sort.DESC });
  const [row] = search
    .create({ type: DRY_RUN_PLAN_RECORD.type, filters: [[f.run, "isnotempty", ""]], columns: [run] })
    .run()
    .getRange({ start: 0, end: 1 });
  return row ? text(row.getValue(run)) : "";
}

/** Deletes rows of runs before the latest while more than `unitsFloor` units are left. */
export function deleteOlderPlanRows(unitsFloor: number): { run: string; deleted: number } {
  const run = latestPlanRun();
  if (run === "") return { run, deleted: 0 };
  const script = runtime.getCurrentScript();
  let deleted = 0;
  for (;;) {
    if (script.getRemainingUsage() < unitsFloor + 14) return { run, deleted };
    const rows = search
      .create({
        type: DRY_RUN_PLAN_RECORD.type,
        filters: [[f.run, "isnot", run]],
        columns: [search.createColumn({ name: "internalid" })],
      })
      .run()
      .getRange({ start: 0, end: 1000 });
    if (rows.length === 0) return { run, deleted };
    for (const row of rows) {
      if (script.getRemainingUsage() < unitsFloor + 4) return { run, deleted };
      record.delete({ type: DRY_RUN_PLAN_RECORD.type, id: row.id });
      deleted++;
    }
  }
}
