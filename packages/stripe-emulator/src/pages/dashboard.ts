// The read-only page at `/`: what each emulated account holds, newest first.

import {
  describeExpiry,
  describePaymentMethod,
  formatMs,
  formatRelative,
  formatUnixSeconds,
  maskKeyHint,
  newestFirst,
  pickId,
  pickNumber,
  pickRecord,
  pickString,
  redactSecrets,
  type StripeObject,
} from "./format.js";
import { type Html, html, layout } from "./html.js";
import { cappedTable } from "./table.js";

export type { StripeObject } from "./format.js";

import type { DeliveryAttempt } from "../webhooks/index.js";

/** One attempt to deliver an event to a webhook endpoint (times in Unix ms). */
export type DeliveryRow = Omit<DeliveryAttempt, "deliveryId" | "durationMs">;

export interface DashboardAccount {
  /** `acct_…` */
  id: string;
  /** A hint such as `sk_test_…4242`; a whole key passed here is masked anyway. */
  keyHint: string;
  customers: StripeObject[];
  paymentMethods: StripeObject[];
  events: StripeObject[];
  webhookEndpoints: StripeObject[];
  deliveries: DeliveryRow[];
}

export interface DashboardData {
  accounts: DashboardAccount[];
  /** Unix milliseconds: the page's "now", used for relative retry times. */
  generatedAt: number;
}

export interface DashboardOptions {
  /** Port shown in the getting-started snippet. Default 12111. */
  port?: number;
  /** Most rows per table. Default 200. */
  limit?: number;
}

const DEFAULT_PORT = 12111;
const DEFAULT_LIMIT = 200;

/** Caller-supplied text with anything secret-shaped masked; "—" when absent. */
function text(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === "") return "—";
  return redactSecrets(String(value));
}

function code(value: string | null): Html {
  return value === null ? html`—` : html`<code>${text(value)}</code>`;
}

function gettingStarted(port: number): Html {
  const snippet = `const stripe = new Stripe("sk_test_anything", { host: "localhost", port: ${port}, protocol: "http" });`;
  return html`<p>Point the official Stripe SDK at the emulator; any <code>sk_test_</code> key will do:</p>
<pre><code>${snippet}</code></pre>
<p class="muted">Objects you create then appear here. Reload the page to see new ones.</p>`;
}

function counts(account: DashboardAccount): Html {
  const items: [number, string, string][] = [
    [account.customers.length, "customer", "customers"],
    [account.paymentMethods.length, "payment method", "payment methods"],
    [account.events.length, "event", "events"],
    [account.webhookEndpoints.length, "webhook endpoint", "webhook endpoints"],
    [account.deliveries.length, "delivery", "deliveries"],
  ];
  return html`<ul class="counts">${items.map(
    ([n, one, many]) => html`<li><strong>${n}</strong> ${n === 1 ? one : many}</li>`,
  )}</ul>`;
}

function accountSection(account: DashboardAccount, now: number, limit: number): Html {
  const pmById = new Map<string, StripeObject>();
  for (const pm of account.paymentMethods) {
    const id = pickString(pm, "id");
    if (id !== null) pmById.set(id, pm);
  }
  // A payment method is the default when its customer names it in invoice_settings.
  const defaults = new Set<string>();
  for (const customer of account.customers) {
    const pmId = pickId(customer, "invoice_settings.default_payment_method");
    if (pmId !== null) defaults.add(pmId);
  }

  const customers = cappedTable({
    title: "Customers",
    rows: newestFirst(account.customers),
    limit,
    empty: "No customers yet.",
    columns: [
      { header: "ID", cell: (c) => code(pickString(c, "id")) },
      { header: "Created", cell: (c) => formatUnixSeconds(pickNumber(c, "created")) },
      { header: "Email", cell: (c) => text(pickString(c, "email")) },
      { header: "Name", cell: (c) => text(pickString(c, "name")) },
      {
        header: "Default payment method",
        cell: (c) => {
          const pmId = pickId(c, "invoice_settings.default_payment_method");
          const pm = pmId === null ? undefined : pmById.get(pmId);
          return pm ? html`${code(pmId)} ${text(describePaymentMethod(pm))}` : code(pmId);
        },
      },
      { header: "Metadata keys", cell: (c) => text(Object.keys(pickRecord(c, "metadata") ?? {}).join(", ")) },
    ],
  });

  const paymentMethods = cappedTable({
    title: "Payment methods",
    rows: newestFirst(account.paymentMethods),
    limit,
    empty: "No payment methods yet.",
    columns: [
      {
        header: "ID",
        cell: (pm) => {
          const id = pickString(pm, "id");
          const badge =
            id !== null && defaults.has(id) ? html` <span class="badge default">Default</span>` : null;
          return html`${code(id)}${badge}`;
        },
      },
      { header: "Created", cell: (pm) => formatUnixSeconds(pickNumber(pm, "created")) },
      { header: "Payment method", cell: (pm) => text(describePaymentMethod(pm)) },
      { header: "Expires", cell: (pm) => text(describeExpiry(pm)) },
      { header: "Customer", cell: (pm) => code(pickId(pm, "customer")) },
    ],
  });

  const events = cappedTable({
    title: "Events",
    rows: newestFirst(account.events),
    limit,
    empty: "No events yet.",
    columns: [
      { header: "ID", cell: (e) => code(pickString(e, "id")) },
      { header: "Created", cell: (e) => formatUnixSeconds(pickNumber(e, "created")) },
      { header: "Type", cell: (e) => code(pickString(e, "type")) },
      {
        header: "Object",
        cell: (e) =>
          html`${code(pickString(e, "data.object.id"))} <span class="muted">${text(
            pickString(e, "data.object.object"),
          )}</span>`,
      },
    ],
  });

  const endpoints = cappedTable({
    title: "Webhook endpoints",
    rows: newestFirst(account.webhookEndpoints),
    limit,
    empty: "No webhook endpoints yet.",
    columns: [
      { header: "ID", cell: (w) => code(pickString(w, "id")) },
      // Shown as text, not a link: the URL is whatever a caller registered.
      { header: "URL", cell: (w) => text(pickString(w, "url")) },
      {
        header: "Status",
        cell: (w) => {
          const status = pickString(w, "status");
          return html`<span class="badge ${status === "enabled" ? "ok" : "fail"}">${text(status)}</span>`;
        },
      },
      {
        header: "Enabled events",
        cell: (w) => {
          const list = enabledEvents(w);
          return text(list.includes("*") ? "* (all events)" : list.join(", "));
        },
      },
    ],
  });

  const deliveries = cappedTable({
    title: "Webhook deliveries",
    rows: [...account.deliveries].sort((a, b) => b.at - a.at),
    limit,
    empty: "No deliveries yet.",
    columns: [
      { header: "At", cell: (d) => formatMs(d.at) },
      { header: "Event", cell: (d) => code(d.eventId) },
      {
        header: "Endpoint",
        cell: (d) => html`${code(d.endpointId)} <span class="muted">${text(d.url)}</span>`,
      },
      { header: "Attempt", cell: (d) => d.attempt },
      {
        header: "Outcome",
        cell: (d) =>
          html`<span class="badge ${d.outcome === "succeeded" ? "ok" : "fail"}">${d.outcome}</span>`,
      },
      { header: "HTTP status", cell: (d) => text(d.httpStatus) },
      { header: "Error", cell: (d) => text(d.error) },
      {
        header: "Next retry",
        cell: (d) =>
          d.nextAttemptAt === null
            ? "—"
            : html`${formatMs(d.nextAttemptAt)} <span class="muted">(${formatRelative(d.nextAttemptAt, now)})</span>`,
      },
    ],
  });

  return html`<section class="account">
<h2>Account <code>${text(account.id)}</code> <span class="muted">key <code>${maskKeyHint(account.keyHint)}</code></span></h2>
${counts(account)}
${customers}
${paymentMethods}
${events}
${endpoints}
${deliveries}
</section>`;
}

/** `enabled_events` as a list of strings, ignoring anything malformed. */
function enabledEvents(endpoint: StripeObject): string[] {
  const value = endpoint.enabled_events;
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

export function renderDashboard(data: DashboardData, options: DashboardOptions = {}): string {
  const port = options.port ?? DEFAULT_PORT;
  const limit = options.limit ?? DEFAULT_LIMIT;
  const n = data.accounts.length;
  const body = html`<header>
<h1>Stripe emulator</h1>
<p class="muted">Read-only view · ${n} ${n === 1 ? "account" : "accounts"} · generated ${formatMs(data.generatedAt)}</p>
</header>
<main>
${n === 0 ? html`<h2>No accounts yet</h2>${gettingStarted(port)}` : data.accounts.map((a) => accountSection(a, data.generatedAt, limit))}
</main>`;
  return layout("Stripe emulator", body);
}
