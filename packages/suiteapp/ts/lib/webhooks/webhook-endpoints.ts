/**
 * Enable Webhook, carried out: one Stripe webhook endpoint per Stripe account record, for
 * `customer.created` and `customer.updated`, pinned to the project's Stripe API version, at the proxy
 * with a sealed `pp_url`. Checking the box creates the endpoint the first time (Stripe gives its
 * signing secret once: it is stored, hidden and encrypted, on the account record) and enables it
 * later; clearing it disables the endpoint. Each change, or failure with its reason, is a webhook log
 * row. Only accounts whose stored status differs from what the box asks are touched, so saving the
 * configuration again costs nothing.
 */
import * as https from "N/https";
import * as log from "N/log";
import * as record from "N/record";
import * as runtime from "N/runtime";
import * as search from "N/search";
import { STRIPE_API_VERSION, type SyncIssue } from "@nss/core";
import { text } from "../records/field-values.js";
import { STRIPE_ACCOUNT_RECORD, WEBHOOK_LOG_RECORD } from "../records/object-ids.js";
import { createStripeClient, type StripeClient } from "../stripe/stripe-client.js";
import { sealWebhookUrl } from "./proxy-seal.js";

export const WEBHOOK_EVENTS = ["customer.created", "customer.updated"] as const;

export type WebhookAction = "created" | "enabled" | "disabled" | "failed";

export interface WebhookChange {
  accountRecordId: string;
  accountName: string;
  action: WebhookAction;
  endpointId: string;
  message: string;
}

export interface WebhookSettings {
  enabled: boolean;
  proxyUrl?: string | undefined;
  proxySecretId: string;
}

interface AccountRow {
  recordId: string;
  name: string;
  accountId: string;
  secretId: string;
  apiBase: string;
  endpointId: string;
  status: string;
}

interface Endpoint {
  id: string;
  secret?: string;
  status?: string;
}

function accountRows(): AccountRow[] {
  const f = STRIPE_ACCOUNT_RECORD.fields;
  const w = STRIPE_ACCOUNT_RECORD.webhook;
  const columns = ["name", f.accountId, f.secretId, f.apiBase, w.endpointId, w.status];
  return search
    .create({
      type: STRIPE_ACCOUNT_RECORD.type,
      filters: [["isinactive", "is", "F"]],
      columns: columns.map((name) => search.createColumn({ name })),
    })
    .run()
    .getRange({ start: 0, end: 1000 })
    .map((r) => {
      const get = (name: string) => text(r.getValue({ name })).trim();
      return {
        recordId: String(r.id),
        name: get("name"),
        accountId: get(f.accountId),
        secretId: get(f.secretId),
        apiBase: get(f.apiBase),
        endpointId: get(w.endpointId),
        status: get(w.status),
      };
    });
}

function store(recordId: string, values: Record<string, string>): void {
  record.submitFields({ type: STRIPE_ACCOUNT_RECORD.type, id: recordId, values });
}

function writeLog(change: WebhookChange): void {
  const f = WEBHOOK_LOG_RECORD.fields;
  const row = record.create({ type: WEBHOOK_LOG_RECORD.type });
  row.setValue({ fieldId: f.account, value: change.accountRecordId });
  row.setValue({ fieldId: f.action, value: change.action });
  row.setValue({ fieldId: f.status, value: change.action === "failed" ? "failed" : "ok" });
  row.setValue({ fieldId: f.message, value: change.message.slice(0, 3900) });
  if (change.endpointId) row.setValue({ fieldId: f.endpointId, value: change.endpointId });
  row.setValue({ fieldId: f.at, value: new Date() });
  row.save();
}

const describe = (issues: SyncIssue[]) => issues.map((i) => `${i.message} Fix: ${i.fix}`).join(" ");

/** Creates the endpoint (the first time) or re-seals and enables it. */
function enable(stripe: StripeClient, a: AccountRow, s: WebhookSettings): Omit<WebhookChange, "accountName"> {
  const proxyUrl = s.proxyUrl ?? "";
  let endpointId = a.endpointId;
  let action: WebhookAction = "enabled";
  const failed = (message: string) => {
    store(a.recordId, { [STRIPE_ACCOUNT_RECORD.webhook.status]: "failed" });
    return { accountRecordId: a.recordId, action: "failed" as const, endpointId, message };
  };
  let secret = "";
  if (endpointId === "") {
    const created = stripe.request<Endpoint>(
      "POST",
      "/v1/webhook_endpoints",
      {
        url: `${proxyUrl}/customer-webhook`,
        enabled_events: [...WEBHOOK_EVENTS],
        api_version: STRIPE_API_VERSION,
        description: `NetSuite–Stripe customer sync (${a.name})`,
        metadata: { netsuite_account_record: a.recordId },
      },
      { idempotencyKey: `nss-webhook-${a.accountId}-${a.recordId}-${Date.now()}` },
    );
    if (!created.ok) return failed(`Creating the webhook endpoint failed: ${describe(created.errors)}`);
    endpointId = created.value.id;
    secret = created.value.secret ?? "";
    action = "created";
    // Stored at once: Stripe shows the secret only now, and a later failure must not create a second endpoint.
    store(a.recordId, {
      [STRIPE_ACCOUNT_RECORD.webhook.endpointId]: endpointId,
      [STRIPE_ACCOUNT_RECORD.webhook.secret]: secret,
    });
  } else {
    const stored = search.lookupFields({
      type: STRIPE_ACCOUNT_RECORD.type,
      id: a.recordId,
      columns: [STRIPE_ACCOUNT_RECORD.webhook.secret],
    });
    secret = text(stored[STRIPE_ACCOUNT_RECORD.webhook.secret]).trim();
  }
  const sealed = sealWebhookUrl({
    proxyUrl,
    proxySecretId: s.proxySecretId,
    signingSecret: secret,
    accountRecordId: a.recordId,
  });
  if (!sealed.ok) return failed(describe(sealed.errors));
  const updated = stripe.request<Endpoint>("POST", `/v1/webhook_endpoints/${endpointId}`, {
    url: sealed.value,
    disabled: false,
  });
  if (!updated.ok)
    return failed(`Enabling webhook endpoint ${endpointId} failed: ${describe(updated.errors)}`);
  store(a.recordId, { [STRIPE_ACCOUNT_RECORD.webhook.status]: "enabled" });
  const what = action === "created" ? "Created" : "Enabled";
  return {
    accountRecordId: a.recordId,
    action,
    endpointId,
    message: `${what} webhook endpoint ${endpointId} for ${WEBHOOK_EVENTS.join(" and ")} (API version ${STRIPE_API_VERSION}), sending through the proxy at ${proxyUrl}.`,
  };
}

function disable(stripe: StripeClient, a: AccountRow): Omit<WebhookChange, "accountName"> {
  const done = stripe.request<Endpoint>("POST", `/v1/webhook_endpoints/${a.endpointId}`, { disabled: true });
  const base = { accountRecordId: a.recordId, endpointId: a.endpointId };
  if (!done.ok) {
    store(a.recordId, { [STRIPE_ACCOUNT_RECORD.webhook.status]: "failed" });
    return {
      ...base,
      action: "failed",
      message: `Disabling webhook endpoint ${a.endpointId} failed: ${describe(done.errors)}`,
    };
  }
  store(a.recordId, { [STRIPE_ACCOUNT_RECORD.webhook.status]: "disabled" });
  return { ...base, action: "disabled", message: `Disabled webhook endpoint ${a.endpointId}.` };
}

/** Brings every active Stripe account's endpoint to what the configuration asks; returns the changes made. */
export function applyWebhookSetting(s: WebhookSettings): WebhookChange[] {
  const changes: WebhookChange[] = [];
  for (const a of accountRows()) {
    const wantEnabled = s.enabled;
    if (wantEnabled === (a.status === "enabled")) continue;
    // Disabling an endpoint that was never created (or whose creation failed) is nothing to do.
    if (!wantEnabled && a.endpointId === "") continue;
    const stripe = createStripeClient(
      { https, log, runtime },
      {
        accountId: a.accountId,
        secretId: a.secretId,
        name: a.name,
        ...(a.apiBase ? { apiBase: a.apiBase } : {}),
      },
    );
    const change = { ...(wantEnabled ? enable(stripe, a, s) : disable(stripe, a)), accountName: a.name };
    writeLog(change);
    changes.push(change);
  }
  return changes;
}
