/**
 * The page's Webhooks subtab: per Stripe account record, its webhook endpoint as Stripe reports it (a
 * GET per account with an endpoint ID recorded: its status and events; never its URL, which holds the
 * sealed NetSuite address) and the events of the last day Stripe has not delivered yet (a second GET,
 * undelivered-events.ts), with the events retried in NetSuite and what NetSuite knows of each (two
 * searches of the event claims); the last event received and the last applied (the event claims,
 * customrecord_nss_stripe_event, newest first); the claims of the last day by status (one summary
 * search); and the last changes of the endpoints (the webhook log, newest first). Units, whatever the
 * number of customers or events: 10 a search for the account records and six more (the two claim
 * searches only when an account has an endpoint), 10 a Stripe GET for at most MAX_ACCOUNTS × 2: at most
 * 270 (670 if every GET is retried twice).
 */
import * as format from "N/format";
import * as https from "N/https";
import * as log from "N/log";
import * as runtime from "N/runtime";
import * as search from "N/search";
import * as serverWidget from "N/ui/serverWidget";
import { text } from "../records/field-values.js";
import { EVENT_RECORD, STRIPE_ACCOUNT_RECORD, WEBHOOK_LOG_RECORD } from "../records/object-ids.js";
import { createStripeClient } from "../stripe/stripe-client.js";
import {
  addInfoField,
  addTable,
  newestRows,
  type OpsContext,
  problemText,
  resultText,
} from "./ops-context.js";
import {
  claimKey,
  claimsOf,
  DAY_MS,
  EVENT_ROWS,
  eventRows,
  readUndelivered,
  retriedClaims,
  type Undelivered,
} from "./undelivered-events.js";

export const WEBHOOKS_TAB = "custpage_nss_webhooks_tab";

/**
 * Stripe accounts whose endpoint and undelivered events the page reads from Stripe (two GETs each, 10
 * units a GET, each retried at most twice).
 */
export const MAX_ACCOUNTS = 10;
const LOG_ROWS = 10;
/** The claim statuses (event-claims.ts), in the order the day's counts give them. */
const STATUS_ORDER = ["applied", "applying", "failed"];

interface Endpoint {
  id: string;
  status?: string;
  enabled_events?: string[];
  api_version?: string | null;
}

type AccountRow = ReturnType<typeof readEndpoints>[number];

function addEndpoints(form: serverWidget.Form): void {
  const w = STRIPE_ACCOUNT_RECORD.webhook;
  let accounts: AccountRow[] = [];
  addTable(
    form,
    {
      id: "custpage_nss_endpoints",
      label: "Webhook endpoints",
      tab: WEBHOOKS_TAB,
      columns: [
        { id: "custpage_nss_wh_account", label: "Stripe Account", value: (r) => r.get("name") },
        { id: "custpage_nss_wh_endpoint", label: "Endpoint ID", value: (r) => r.get(w.endpointId) },
        {
          id: "custpage_nss_wh_recorded",
          label: "Recorded Status",
          help: "What the account record says the SuiteApp last did: enabled, disabled or failed (Enable Webhook in the configuration).",
          value: (r) => r.get(w.status),
        },
        {
          id: "custpage_nss_wh_stripe",
          label: "Status in Stripe",
          help: "The endpoint's status as Stripe reports it now, or why it could not be read and what to do.",
          value: (r) => r.inStripe.slice(0, 3900),
        },
        { id: "custpage_nss_wh_events", label: "Events", value: (r) => r.events },
        {
          id: "custpage_nss_wh_undelivered",
          label: "Undelivered, Last Day",
          type: serverWidget.FieldType.TEXTAREA,
          help: "How many events of the last 24 hours Stripe has not delivered yet (its events with delivery_success=false, of the endpoint's types): refused by the proxy or NetSuite, or failing and retried. Or why Stripe could not be read and what to do.",
          value: (r) => undeliveredText(r.undelivered).slice(0, 3900),
        },
      ],
    },
    () => {
      accounts = readEndpoints();
      return accounts;
    },
  );
  addUndeliveredEvents(form, accounts);
}

function undeliveredText(undelivered: Undelivered | undefined): string {
  if (undelivered === undefined) return "";
  return undelivered.ok ? undelivered.count : undelivered.problem;
}

/** The events refused or retried in the last day, per account, with what NetSuite knows of each. */
function addUndeliveredEvents(form: serverWidget.Form, accounts: AccountRow[]): void {
  const now = new Date();
  const hooked = accounts.filter((a) => a.get(STRIPE_ACCOUNT_RECORD.webhook.endpointId) !== "");
  addTable(
    form,
    {
      id: "custpage_nss_wh_undelivered_list",
      label: "Events refused or retried in the last day",
      tab: WEBHOOKS_TAB,
      columns: [
        { id: "custpage_nss_whu_account", label: "Stripe Account", value: (r) => r.account },
        { id: "custpage_nss_whu_event", label: "Event ID", value: (r) => r.eventId },
        { id: "custpage_nss_whu_type", label: "Type", value: (r) => r.type },
        {
          id: "custpage_nss_whu_created",
          label: "Created",
          help: "When Stripe created the event; for an event only NetSuite's claim lists (retried, then delivered), when its first delivery reached NetSuite.",
          value: (r) => r.created,
        },
        {
          id: "custpage_nss_whu_netsuite",
          label: "In NetSuite",
          type: serverWidget.FieldType.TEXTAREA,
          help: "What NetSuite knows of the event from its claim: applied, failed (with why) or being applied, and how many deliveries reached NetSuite; or that none did (refused before a claim, or not delivered yet).",
          value: (r) => r.inNetSuite.slice(0, 3900),
        },
      ],
    },
    () => {
      if (hooked.length === 0) return [];
      const keys = hooked.flatMap((a) =>
        a.undelivered?.ok ? a.undelivered.events.map((e) => claimKey(a.recordId, e.id)) : [],
      );
      const retried = retriedClaims(now, MAX_ACCOUNTS * EVENT_ROWS);
      return eventRows(
        accounts.map((a) => ({
          recordId: a.recordId,
          name: a.get("name"),
          ...(a.undelivered ? { undelivered: a.undelivered } : {}),
        })),
        claimsOf(keys),
        retried,
      );
    },
  );
}

/**
 * The active Stripe account records, each with its endpoint as Stripe reports it and its undelivered
 * events of the last day (MAX_ACCOUNTS read, two GETs each).
 */
function readEndpoints(): {
  recordId: string;
  get: (name: string) => string;
  inStripe: string;
  events: string;
  undelivered?: Undelivered;
}[] {
  const f = STRIPE_ACCOUNT_RECORD.fields;
  const w = STRIPE_ACCOUNT_RECORD.webhook;
  const rows = search
    .create({
      type: STRIPE_ACCOUNT_RECORD.type,
      filters: [["isinactive", "is", "F"]],
      columns: [
        search.createColumn({ name: "name", sort: search.Sort.ASC }),
        ...[f.accountId, f.secretId, f.apiBase, w.endpointId, w.status].map((name) =>
          search.createColumn({ name }),
        ),
      ],
    })
    .run()
    .getRange({ start: 0, end: 1000 });
  let read = 0;
  return rows.map((r) => {
    const get = (name: string) => text(r.getValue({ name })).trim();
    const name = get("name");
    const endpointId = get(w.endpointId);
    let inStripe = "No endpoint: check Enable Webhook in the configuration to create one.";
    let events = "";
    let undelivered: Undelivered | undefined;
    if (endpointId !== "" && read >= MAX_ACCOUNTS) {
      inStripe = `Not read: the page reads the first ${MAX_ACCOUNTS} accounts' endpoints.`;
      undelivered = { ok: false, problem: inStripe };
    } else if (endpointId !== "") {
      read++;
      const stripe = createStripeClient(
        { https, log, runtime },
        {
          accountId: get(f.accountId),
          secretId: get(f.secretId),
          name,
          ...(get(f.apiBase) ? { apiBase: get(f.apiBase) } : {}),
        },
      );
      const got = stripe.request<Endpoint>("GET", `/v1/webhook_endpoints/${encodeURIComponent(endpointId)}`);
      if (got.ok) {
        inStripe = got.value.status ?? "unknown";
        events = (got.value.enabled_events ?? []).join(", ");
      } else {
        inStripe = got.errors.map((i) => `${i.message} Fix: ${i.fix}`).join(" ");
      }
      // Read even when the endpoint could not be: its events may still be waiting (all types then).
      undelivered = readUndelivered(stripe, got.ok ? (got.value.enabled_events ?? []) : [], new Date());
    }
    return { recordId: String(r.id), get, inStripe, events, ...(undelivered ? { undelivered } : {}) };
  });
}

/** The newest event claim, of any status or applied. */
function newestEvent(applied: boolean): string {
  const e = EVENT_RECORD.fields;
  const [row] = newestRows(
    EVENT_RECORD.type,
    applied ? [[e.status, "is", "applied"]] : [],
    [e.eventId, e.type, e.status, e.claimed, e.account, e.customer],
    1,
  );
  if (row === undefined) return applied ? "None applied yet." : "None received yet.";
  const get = (name: string) => resultText(name)(row);
  const account = row.getText({ name: e.account }) || get(e.account);
  const customer = row.getText({ name: e.customer }) || get(e.customer);
  return `${get(e.eventId)} (${get(e.type)}) for customer ${customer} in Stripe account "${account}", ${get(e.status)}, claimed ${get(e.claimed)}`;
}

/** Claims of the last day by status, applied, applying and failed first (one summary search). */
function lastDayCounts(): string {
  const e = EVENT_RECORD.fields;
  const since = format.format({ value: new Date(Date.now() - DAY_MS), type: format.Type.DATETIME }) as string;
  const status = search.createColumn({ name: e.status, summary: search.Summary.GROUP });
  const count = search.createColumn({ name: "internalid", summary: search.Summary.COUNT });
  const parts = search
    .create({ type: EVENT_RECORD.type, filters: [[e.claimed, "onorafter", since]], columns: [status, count] })
    .run()
    .getRange({ start: 0, end: 20 })
    .map((r) => ({ status: text(r.getValue(status)) || "no status", count: text(r.getValue(count)) }));
  const rank = (s: string) => (STATUS_ORDER.includes(s) ? STATUS_ORDER.indexOf(s) : STATUS_ORDER.length);
  parts.sort((a, b) => rank(a.status) - rank(b.status));
  return parts.length > 0 ? parts.map((p) => `${p.status} ${p.count}`).join(", ") : "none";
}

function addWebhookLog(form: serverWidget.Form): void {
  const l = WEBHOOK_LOG_RECORD.fields;
  const cell = resultText;
  addTable(
    form,
    {
      id: "custpage_nss_wh_log",
      label: "Endpoint changes",
      tab: WEBHOOKS_TAB,
      columns: [
        { id: "custpage_nss_whl_at", label: "When", value: cell(l.at) },
        {
          id: "custpage_nss_whl_account",
          label: "Stripe Account",
          value: (r) => r.getText({ name: l.account }) || cell(l.account)(r),
        },
        { id: "custpage_nss_whl_action", label: "Action", value: cell(l.action) },
        { id: "custpage_nss_whl_status", label: "Status", value: cell(l.status) },
        { id: "custpage_nss_whl_endpoint", label: "Endpoint ID", value: cell(l.endpointId) },
        {
          id: "custpage_nss_whl_message",
          label: "Message",
          type: serverWidget.FieldType.TEXTAREA,
          value: (r) => cell(l.message)(r).slice(0, 3900),
        },
      ],
    },
    () =>
      newestRows(
        WEBHOOK_LOG_RECORD.type,
        [],
        [l.at, l.account, l.action, l.status, l.endpointId, l.message],
        LOG_ROWS,
      ),
  );
}

/** Runs one part of the panel; a failure is shown in its place, with what to check. */
function part(form: serverWidget.Form, id: string, label: string, run: () => void): void {
  try {
    run();
  } catch (e) {
    addInfoField(form, {
      id,
      label,
      container: WEBHOOKS_TAB,
      value: `Could not be read (${problemText(e)}).`,
      help: "Check that your role can view the NetSuite–Stripe Account, Event and Webhook Log records.",
    });
  }
}

export function addWebhooksPanel(form: serverWidget.Form, _ctx: OpsContext): void {
  form.addSubtab({ id: WEBHOOKS_TAB, label: "Webhooks" });
  part(form, "custpage_nss_wh_events_problem", "Events", () => {
    addInfoField(form, {
      id: "custpage_nss_wh_last_received",
      label: "Last Event Received",
      container: WEBHOOKS_TAB,
      value: newestEvent(false),
      help: "The newest Stripe event the webhook took on (claimed to apply it). Events that cannot change a default payment method are answered by the proxy and never reach NetSuite.",
    });
    addInfoField(form, {
      id: "custpage_nss_wh_last_applied",
      label: "Last Event Applied",
      container: WEBHOOKS_TAB,
      value: newestEvent(true),
      help: "The newest event whose customer's default payment method was read and written.",
    });
    addInfoField(form, {
      id: "custpage_nss_wh_day",
      label: "Events in the Last Day",
      container: WEBHOOKS_TAB,
      value: lastDayCounts(),
      help: "Event claims of the last 24 hours by status: applied; applying (being applied, or given up by a delivery that stopped; Stripe delivers it again); failed (the last delivery failed, and Stripe delivers it again). A refused delivery leaves no claim: the table Events refused or retried in the last day lists those from Stripe.",
    });
  });
  part(form, "custpage_nss_wh_endpoints_problem", "Webhook endpoints", () => addEndpoints(form));
  part(form, "custpage_nss_wh_log_problem", "Endpoint changes", () => addWebhookLog(form));
}
