/**
 * The console's logs, newest first: the sync log, the webhook log and the Stripe events the webhook
 * Suitelet took on (its claims: one row per event, `applied` once done, `failed` until a retry), read fresh
 * on every page view.
 */

import type { FieldValue } from "@nss/netsuite-emulator";
import { EVENT_RECORD, SYNC_LOG_RECORD, WEBHOOK_LOG_RECORD } from "@nss/suiteapp/ids";
import { str } from "./customers.js";
import type { ConsoleDeps } from "./types.js";

const SYNC_LOG = SYNC_LOG_RECORD.fields;
/** A run's counts, in the order the console shows them. */
const RUN_COUNTS = ["created", "linked", "updated", "unchanged", "failed", "cleared"] as const;
const WEBHOOK_LOG = WEBHOOK_LOG_RECORD.fields;
const EVENT = EVENT_RECORD.fields;

export const LOG_ROWS = 50;

export interface SyncLogRow {
  id: number;
  kind: string;
  customerId: string;
  customer: string;
  account: string;
  outcome: string;
  message: string;
  counts: string;
  at: string;
}

export interface WebhookLogRow {
  id: number;
  account: string;
  action: string;
  status: string;
  message: string;
  endpointId: string;
  at: string;
}

export interface EventRow {
  id: number;
  eventId: string;
  eventType: string;
  account: string;
  customerId: string;
  customer: string;
  status: string;
  message: string;
  at: string;
}

export interface LogsView {
  sync: SyncLogRow[];
  syncTotal: number;
  webhook: WebhookLogRow[];
  webhookTotal: number;
  events: EventRow[];
  eventsTotal: number;
}

/** Newest first: by the row's time, then by internal ID (rows written in the same millisecond). */
function newest<T extends { id: number; values: Record<string, FieldValue> }>(rows: T[], at: string): T[] {
  return rows.sort((a, b) => {
    const ta = str(a.values[at]);
    const tb = str(b.values[at]);
    return ta === tb ? b.id - a.id : ta < tb ? 1 : -1;
  });
}

export function readLogs(deps: ConsoleDeps): LogsView {
  const { data } = deps.ns;
  const text = (type: string, field: string, v: FieldValue | undefined) =>
    v === undefined || v === null || v === "" ? "" : (data.fieldText(type, field, v) ?? "");

  const syncAll = newest(data.listRecords(SYNC_LOG_RECORD.type), SYNC_LOG.at);
  const sync = syncAll.slice(0, LOG_ROWS).map((r) => {
    const v = r.values;
    // A run's row (no customer) sums the run up in its counts; a customer's row says it in its message.
    const counts = RUN_COUNTS.filter(
      (label) => !v[SYNC_LOG.customer] && typeof v[SYNC_LOG[label]] === "number",
    )
      .map((label) => `${label} ${str(v[SYNC_LOG[label]])}`)
      .join(", ");
    return {
      id: r.id,
      kind: str(v[SYNC_LOG.kind]),
      customerId: str(v[SYNC_LOG.customer]),
      customer: text(SYNC_LOG_RECORD.type, SYNC_LOG.customer, v[SYNC_LOG.customer]),
      account: text(SYNC_LOG_RECORD.type, SYNC_LOG.account, v[SYNC_LOG.account]),
      outcome: str(v[SYNC_LOG.outcome]),
      message: str(v[SYNC_LOG.message]),
      counts,
      at: str(v[SYNC_LOG.at]),
    };
  });

  const webhookAll = newest(data.listRecords(WEBHOOK_LOG_RECORD.type), WEBHOOK_LOG.at);
  const webhook = webhookAll.slice(0, LOG_ROWS).map((r) => {
    const v = r.values;
    return {
      id: r.id,
      account: text(WEBHOOK_LOG_RECORD.type, WEBHOOK_LOG.account, v[WEBHOOK_LOG.account]),
      action: str(v[WEBHOOK_LOG.action]),
      status: str(v[WEBHOOK_LOG.status]),
      message: str(v[WEBHOOK_LOG.message]),
      endpointId: str(v[WEBHOOK_LOG.endpointId]),
      at: str(v[WEBHOOK_LOG.at]),
    };
  });

  const eventsAll = newest(data.listRecords(EVENT_RECORD.type), EVENT.claimed);
  const events = eventsAll.slice(0, LOG_ROWS).map((r) => {
    const v = r.values;
    return {
      id: r.id,
      eventId: str(v[EVENT.eventId]),
      eventType: str(v[EVENT.type]),
      account: text(EVENT_RECORD.type, EVENT.account, v[EVENT.account]),
      customerId: str(v[EVENT.customer]),
      customer: text(EVENT_RECORD.type, EVENT.customer, v[EVENT.customer]),
      status: str(v[EVENT.status]),
      message: str(v[EVENT.message]),
      at: str(v[EVENT.claimed]),
    };
  });

  return {
    sync,
    syncTotal: syncAll.length,
    webhook,
    webhookTotal: webhookAll.length,
    events,
    eventsTotal: eventsAll.length,
  };
}
