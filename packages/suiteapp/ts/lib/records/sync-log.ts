/**
 * One `customrecord_nss_sync_log` row per customer sync and Stripe account (a run's own rows: run-log.ts).
 */
import * as record from "N/record";
import { SYNC_LOG_RECORD } from "./object-ids.js";

export interface SyncLogEntry {
  kind: string;
  customerId: string;
  /** A sync's outcome; the payment method refresh and the portal write `failed` rows only. */
  outcome: "created" | "linked" | "updated" | "unchanged" | "failed";
  message: string;
  accountRecordId?: string | undefined;
}

/** Text area fields hold 4,000 characters. */
const MAX_MESSAGE = 3900;

export function writeSyncLog(entry: SyncLogEntry): string {
  const f = SYNC_LOG_RECORD.fields;
  const row = record.create({ type: SYNC_LOG_RECORD.type });
  row.setValue({ fieldId: f.kind, value: entry.kind });
  row.setValue({ fieldId: f.customer, value: entry.customerId });
  if (entry.accountRecordId) row.setValue({ fieldId: f.account, value: entry.accountRecordId });
  row.setValue({ fieldId: f.outcome, value: entry.outcome });
  row.setValue({ fieldId: f.message, value: entry.message.slice(0, MAX_MESSAGE) });
  const count = (o: SyncLogEntry["outcome"]): number => (entry.outcome === o ? 1 : 0);
  row.setValue({ fieldId: f.created, value: count("created") });
  row.setValue({ fieldId: f.linked, value: count("linked") });
  row.setValue({ fieldId: f.updated, value: count("updated") });
  row.setValue({ fieldId: f.unchanged, value: count("unchanged") });
  row.setValue({ fieldId: f.failed, value: count("failed") });
  row.setValue({ fieldId: f.at, value: new Date() });
  return String(row.save());
}
