/**
 * The rows of `customrecord_nss_duplicate`: one per value two or more Stripe customers of one account share.
 * A bucket's reduce writes its scan's rows, then deletes the rows an older scan wrote in the same account
 * and bucket; the scan's summarize deletes whatever older rows are left (accounts no longer configured, or
 * a bucket whose reduce failed). So the rows are always the last scan's, and their number is bounded by
 * the duplicates that exist, not by the customers.
 *
 * Units (Oracle's governance table): record.create 2 and save 4 per row written; a search page 10; delete 4.
 */
import * as record from "N/record";
import * as runtime from "N/runtime";
import * as search from "N/search";
import type { DuplicateGroup } from "@nss/core";
import { DUPLICATE_RECORD } from "../records/object-ids.js";

const f = DUPLICATE_RECORD.fields;

/** Text area fields hold 4,000 characters. */
const MAX_TEXT = 3900;
/** Units a row costs (create 2, save 4); a delete costs 4. */
const ROW_UNITS = 6;
const DELETE_UNITS = 4;
/** A search page (getRange) costs 10 units. */
const PAGE_UNITS = 10;

/** The Stripe IDs as the row shows them: comma separated, cut with "… and N more" within the field. */
export function idsText(ids: readonly string[]): string {
  let out = "";
  for (let i = 0; i < ids.length; i++) {
    const next = out === "" ? (ids[i] as string) : `${out}, ${ids[i]}`;
    const rest = ids.length - i - 1;
    if (next.length + (rest > 0 ? 20 : 0) > MAX_TEXT) return `${out}, … and ${ids.length - i} more`;
    out = next;
  }
  return out;
}

export interface BucketRows {
  groups: number;
  written: number;
  /** Groups not written: the reduce's units ran low. */
  notWritten: number;
  deleted: number;
}

/** Writes a bucket's groups, then deletes the rows older scans wrote in the bucket. */
export function replaceBucketRows(
  scan: string,
  accountRecordId: string,
  bucket: number,
  groups: readonly DuplicateGroup[],
  unitsFloor: number,
): BucketRows {
  const script = runtime.getCurrentScript();
  const out: BucketRows = { groups: groups.length, written: 0, notWritten: 0, deleted: 0 };
  const found = new Date();
  for (const group of groups) {
    if (script.getRemainingUsage() < unitsFloor + ROW_UNITS + PAGE_UNITS) {
      out.notWritten = groups.length - out.written;
      break;
    }
    const row = record.create({ type: DUPLICATE_RECORD.type });
    if (accountRecordId) row.setValue({ fieldId: f.account, value: accountRecordId });
    row.setValue({ fieldId: f.kind, value: group.kind });
    row.setValue({ fieldId: f.value, value: group.value.slice(0, MAX_TEXT) });
    row.setValue({ fieldId: f.stripeIds, value: idsText(group.stripeIds) });
    row.setValue({ fieldId: f.count, value: group.stripeIds.length });
    row.setValue({ fieldId: f.bucket, value: bucket });
    row.setValue({ fieldId: f.scan, value: scan });
    row.setValue({ fieldId: f.found, value: found });
    row.save();
    out.written++;
  }
  const filters: unknown[] = [
    [f.scan, "isnot", scan],
    "AND",
    [f.bucket, "equalto", bucket],
    ...(accountRecordId ? ["AND", [f.account, "anyof", accountRecordId]] : []),
  ];
  out.deleted = deleteRows(filters, unitsFloor);
  return out;
}

/** Deletes the rows of older scans that are left; answers how many it deleted and how many remain. */
export function deleteOlderRows(scan: string, unitsFloor: number): { deleted: number; left: number } {
  const deleted = deleteRows([[f.scan, "isnot", scan]], unitsFloor);
  const left = search.create({ type: DUPLICATE_RECORD.type, filters: [[f.scan, "isnot", scan]] }).runPaged({
    pageSize: 5,
  }).count;
  return { deleted, left };
}

/** Deletes the rows the filters select, 1,000 a search page, while the units last. */
function deleteRows(filters: unknown[], unitsFloor: number): number {
  const script = runtime.getCurrentScript();
  let deleted = 0;
  for (;;) {
    if (script.getRemainingUsage() < unitsFloor + PAGE_UNITS + DELETE_UNITS) return deleted;
    const rows = search
      .create({
        type: DUPLICATE_RECORD.type,
        filters,
        columns: [search.createColumn({ name: "internalid" })],
      })
      .run()
      .getRange({ start: 0, end: 1000 });
    if (rows.length === 0) return deleted;
    for (const row of rows) {
      if (script.getRemainingUsage() < unitsFloor + DELETE_UNITS) return deleted;
      record.delete({ type: DUPLICATE_RECORD.type, id: row.id });
      deleted++;
    }
    if (rows.length < 1000) return deleted;
  }
}
