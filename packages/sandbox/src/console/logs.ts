/**
 * The console's logs, newest first: the sync log, the webhook log and the Stripe events the webhook
 * Suitelet took on (its claims: one row per event, `applied` once done), read fresh on every page view.
 */
import type { FieldValue } from "@nss/netsuite-emulator";
import { str } from "./data.js";
import type { ConsoleDeps } from "./types.js";

// The SuiteApp's object IDs (packages/suiteapp/ts/lib/ids.ts, not exported by a package).
const SYNC_LOG = {
  type: "customrecord_nss_sync_log",
  kind: "custrecord_nss_synclog_kind",
  customer: "custrecord_nss_synclog_customer",
  account: "custrecord_nss_synclog_account",
  outcome: "custrecord_nss_synclog_outcome",
  message: "custrecord_nss_synclog_message",
  at: "custrecord_nss_synclog_at",
  counts: {
    created: "custrecord_nss_synclog_created",
    linked: "custrecord_nss_synclog_linked",
    updated: "custrecord_nss_synclog_updated",
    unchanged: "custrecord_nss_synclog_unchanged",
    failed: "custrecord_nss_synclog_failed",
    cleared: "custrecord_nss_synclog_cleared",
  },
} as const;
const WEBHOOK_LOG = {
  type: "customrecord_nss_webhook_log",
  account: "custrecord_nss_whlog_account",
  action: "custrecord_nss_whlog_action",
  status: "custrecord_nss_whlog_status",
  message: "custrecord_nss_whlog_message",
  endpointId: "custrecord_nss_whlog_endpoint_id",
  at: "custrecord_nss_whlog_at",
} as const;
const EVENT = {
  type: "customrecord_nss_stripe_event",
  eventId: "custrecord_nss_evt_id",
  account: "custrecord_nss_evt_account",
  customer: "custrecord_nss_evt_customer",
  eventType: "custrecord_nss_evt_type",
  status: "custrecord_nss_evt_status",
  claimed: "custrecord_nss_evt_claimed",
  message: "custrecord_nss_evt_message",
} as const;

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

  const syncAll = newest(data.listRecords(SYNC_LOG.type), SYNC_LOG.at);
  const sync = syncAll.slice(0, LOG_ROWS).map((r) => {
    const v = r.values;
    // A run's row (no customer) sums the run up in its counts; a customer's row says it in its message.
    const counts = Object.entries(SYNC_LOG.counts)
      .filter(([, field]) => !v[SYNC_LOG.customer] && typeof v[field] === "number")
      .map(([label, field]) => `${label} ${str(v[field])}`)
      .join(", ");
    return {
      id: r.id,
      kind: str(v[SYNC_LOG.kind]),
      customerId: str(v[SYNC_LOG.customer]),
      customer: text(SYNC_LOG.type, SYNC_LOG.customer, v[SYNC_LOG.customer]),
      account: text(SYNC_LOG.type, SYNC_LOG.account, v[SYNC_LOG.account]),
      outcome: str(v[SYNC_LOG.outcome]),
      message: str(v[SYNC_LOG.message]),
      counts,
      at: str(v[SYNC_LOG.at]),
    };
  });

  const webhookAll = newest(data.listRecords(WEBHOOK_LOG.type), WEBHOOK_LOG.at);
  const webhook = webhookAll.slice(0, LOG_ROWS).map((r) => {
    const v = r.values;
    return {
      id: r.id,
      account: text(WEBHOOK_LOG.type, WEBHOOK_LOG.account, v[WEBHOOK_LOG.account]),
      action: str(v[WEBHOOK_LOG.action]),
      status: str(v[WEBHOOK_LOG.status]),
      message: str(v[WEBHOOK_LOG.message]),
      endpointId: str(v[WEBHOOK_LOG.endpointId]),
      at: str(v[WEBHOOK_LOG.at]),
    };
  });

  const eventsAll = newest(data.listRecords(EVENT.type), EVENT.claimed);
  const events = eventsAll.slice(0, LOG_ROWS).map((r) => {
    const v = r.values;
    return {
      id: r.id,
      eventId: str(v[EVENT.eventId]),
      eventType: str(v[EVENT.eventType]),
      account: text(EVENT.type, EVENT.account, v[EVENT.account]),
      customerId: str(v[EVENT.customer]),
      customer: text(EVENT.type, EVENT.customer, v[EVENT.customer]),
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
