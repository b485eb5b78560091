/**
 * The console's HTML: one page in sections (summary, runs, customers, logs) so that a run can be
 * watched changing the customers, plus the error page. Everything from NetSuite or Stripe goes through
 * `html`, which escapes it.
 */
import { SCRIPTS } from "@nss/suiteapp/ids";
import type { CustomerRow, CustomersView, LinkCell } from "./customers.js";
import { type Html, type HtmlValue, html, link, safeHttpUrl, trusted } from "./html.js";
import type { LogsView } from "./logs.js";
import { STYLE } from "./style.js";
import type { RunView } from "./types.js";

export interface PageContext {
  netsuiteUrl: string;
  stripeUrl: string;
  /** Account names in `deps.accounts` order (the customers table's Stripe columns). */
  accounts: string[];
  /** CSP nonce of the page's one script. */
  nonce: string;
}

const base = (url: string) => url.replace(/\/+$/, "");

/** The SuiteApp's Stripe Sync page (its Suitelet's internal URL on NetSuite's app domain). */
function opsPageUrl(ctx: PageContext): string {
  const { scriptId, deploymentId } = SCRIPTS.opsSuitelet;
  return `${base(ctx.netsuiteUrl)}/app/site/hosting/scriptlet.nl?script=${scriptId}&deploy=${deploymentId}`;
}

function netsuiteCustomerUrl(ctx: PageContext, id: number | string): string {
  return `${base(ctx.netsuiteUrl)}/app/common/entity/custjob.nl?id=${encodeURIComponent(String(id))}`;
}

/**
 * Stripe's dashboard has a page per customer; the Stripe emulator's page does not (it is one page per
 * account), so there the ID is shown as text and the header links to the page.
 */
function stripeCustomerUrl(ctx: PageContext, id: string): string | null {
  const url = safeHttpUrl(ctx.stripeUrl);
  if (!url) return null;
  const { hostname, pathname } = new URL(url);
  if (hostname !== "dashboard.stripe.com") return null;
  // stripeUrl may be the dashboard's home or any page of it; test mode lives under /test.
  const mode = pathname === "/test" || pathname.startsWith("/test/") ? "test/" : "";
  return `https://dashboard.stripe.com/${mode}customers/${encodeURIComponent(id)}`;
}

/** `2026-11-27 06:44:19 UTC` from NetSuite's ISO value; the raw value when it is not a date. */
export function when(iso: string): string {
  if (!iso) return "";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

function layout(ctx: PageContext, title: string, body: Html, script?: Html): string {
  return html`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><link rel="icon" href="data:,"><title>${title}</title>
<style>${trusted(STYLE)}</style></head>
<body><header><span class="brand">NetSuite–Stripe sandbox console</span><nav>
<a href="#summary">Summary</a><a href="#runs">Runs</a><a href="#customers">Customers</a><a href="#logs">Logs</a>
${link(ctx.netsuiteUrl, "NetSuite ↗", trusted(' id="netsuite-link" target="_blank" rel="noopener"'))}
${link(opsPageUrl(ctx), "Stripe Sync page ↗", trusted(' id="ops-link" target="_blank" rel="noopener"'))}
${link(ctx.stripeUrl, "Stripe ↗", trusted(' id="stripe-link" target="_blank" rel="noopener"'))}
</nav></header>
<main>${body}</main>${script ? html`<script nonce="${ctx.nonce}">${script}</script>` : null}</body></html>
`.value;
}

function summary(view: CustomersView): Html {
  const s = view.summary;
  const item = (n: HtmlValue, label: string, id: string, bad = false) =>
    html`<li id="${id}"${bad ? trusted(' class="bad"') : null}><span class="n">${n}</span><span class="l">${label}</span></li>`;
  const perAccount = s.accounts.map(
    (a, i) => html`${item(a.linked, `linked · ${a.name}`, `linked-${i}`)}
${item(a.stripeCustomers ?? "?", `Stripe customers · ${a.name}`, `stripe-count-${i}`, a.error !== undefined)}
${item(a.duplicates.length, `duplicates · ${a.name}`, `duplicates-${i}`, a.duplicates.length > 0)}`,
  );
  const problems = s.accounts.flatMap((a) => [
    a.error ? html`<p class="notice err">Stripe account ${a.name} could not be read: ${a.error}</p>` : null,
    a.capped
      ? html`<p class="notice">Stripe account ${a.name}: only the first customers were read.</p>`
      : null,
    a.duplicates.length
      ? html`<p class="notice">Duplicates in ${a.name}: ${a.duplicates.map(
          (d, i) =>
            html`${i ? ", " : ""}NetSuite customer ${d.netsuiteId} → ${d.stripeIds.map((id, j) => html`${j ? " " : ""}<code>${id}</code>`)}`,
        )}</p>`
      : null,
  ]);
  return html`<h1 id="summary">Summary</h1><ul class="summary">
${item(s.customers, "customers", "count-customers")}
${item(s.failed, "failed (sync status error)", "count-failed", s.failed > 0)}
${item(s.emailMissing, "with email missing", "count-no-email", s.emailMissing > 0)}
${perAccount}</ul>${problems}`;
}

function runs(list: RunView[], notice: string | null): Html {
  const statusClass = { idle: "muted", running: "warn", done: "ok", failed: "err" } as const;
  const rows = list.map(
    (
      r,
    ) => html`<tr><td>${r.name}</td><td><span class="badge ${statusClass[r.status] ?? ""}">${r.status}</span></td>
<td>${
      r.progress
        ? html`<progress max="${Math.max(1, r.progress.total)}" value="${Math.min(r.progress.done, r.progress.total)}"></progress> ${r.progress.done} / ${r.progress.total}`
        : null
    }</td><td class="msg">${r.detail ?? ""}</td></tr>`,
  );
  return html`<h2 id="runs">Runs</h2>
<div class="bar"><form class="inline" method="post" action="/runs/mass-sync"><button id="start-mass-sync">Start mass sync</button></form>
<form class="inline" method="post" action="/runs/payment-methods"><button id="start-payment-methods">Refresh default payment methods</button></form></div>
${notice ? html`<p class="notice err" id="run-notice">${notice}</p>` : null}
<table id="runs-table"><thead><tr><th>Run</th><th>Status</th><th>Progress</th><th>Detail</th></tr></thead>
<tbody>${rows.length ? rows : html`<tr><td colspan="4" class="muted">No runs yet.</td></tr>`}</tbody></table>`;
}

function linkCell(ctx: PageContext, ns: CustomerRow, cells: LinkCell[]): Html {
  if (cells.length === 0) return html`<span class="muted">not linked</span>`;
  return html`${cells.map((c, i) => {
    const id = html`<code>${c.stripeId}</code>`;
    const idLink = stripeCustomerUrl(ctx, c.stripeId)
      ? link(stripeCustomerUrl(ctx, c.stripeId), id, trusted(' target="_blank" rel="noopener"'))
      : id;
    let state: Html;
    if (c.stripe === undefined) state = html`<span class="muted">Stripe unreadable</span>`;
    else if (c.stripe === null) state = html`<span class="err">not in Stripe</span>`;
    else {
      const differs = (c.stripe.email ?? "").toLowerCase() !== ns.email.toLowerCase();
      state = html`<span class="${differs ? "warn" : "ok"}" title="${differs ? "Email differs from NetSuite" : "In Stripe"}">${c.stripe.email ?? "no email"}</span> · ${c.stripe.name ?? html`<span class="muted">no name</span>`}`;
    }
    return html`${i ? html`<br>` : null}${idLink}${cells.length > 1 ? html` <span class="muted">(${c.subsidiary})</span>` : null}<br>${state}`;
  })}`;
}

function customers(ctx: PageContext, view: CustomersView): Html {
  const q = view.query;
  const pageUrl = (p: number) =>
    `/?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) }).toString()}#customers`;
  const pager = html`<div class="pager"><span id="pager-text">${view.matching} customers${q ? html` matching “${q}”` : null} · page ${view.page} of ${view.pages}</span>
${view.page > 1 ? html`<a id="prev" href="${pageUrl(view.page - 1)}">Previous</a>` : null}
${view.page < view.pages ? html`<a id="next" href="${pageUrl(view.page + 1)}">Next</a>` : null}</div>`;
  const statusClass = (s: string) =>
    s === "error" ? "err" : s === "synced" || s === "unchanged" ? "ok" : "muted";
  const rows = view.rows.map(
    (
      c,
    ) => html`<tr data-customer="${c.id}"><td><a href="${netsuiteCustomerUrl(ctx, c.id)}" target="_blank" rel="noopener">${c.id}</a></td>
<td>${c.name}${c.inactive ? html` <span class="badge muted">inactive</span>` : null}</td><td>${c.email || html`<span class="err">missing</span>`}</td>
<td>${c.subsidiary}</td><td><span class="${statusClass(c.status)}">${c.status || "never synced"}</span></td>
<td>${when(c.lastSync)}</td><td class="msg err">${c.lastError}</td>
${view.summary.accounts.map((_, i) => html`<td>${linkCell(ctx, c, c.links[i] ?? [])}</td>`)}
<td>${c.defaultPm}</td><td>${c.portalLink ? link(c.portalLink, "portal", trusted(' target="_blank" rel="noopener"')) : null}</td></tr>`,
  );
  return html`<h2 id="customers">Customers</h2>
<form class="bar" method="get" action="/#customers" role="search"><input type="search" id="q" name="q" value="${q}" placeholder="Name or email" aria-label="Search customers by name or email"><button>Search</button>${q ? html` <a href="/#customers">Clear</a>` : null}</form>
${pager}<div class="scroll"><table id="customers-table"><thead><tr><th>ID</th><th>Name</th><th>Email</th><th>Primary subsidiary</th><th>Sync status</th><th>Last sync</th><th>Last error</th>
${ctx.accounts.map((a) => html`<th>Stripe · ${a}</th>`)}<th>Default payment method</th><th>Portal</th></tr></thead>
<tbody>${rows.length ? rows : html`<tr><td colspan="${9 + ctx.accounts.length}" class="muted">No customers to show.</td></tr>`}</tbody></table></div>${pager}`;
}

function logs(ctx: PageContext, view: LogsView): Html {
  const sync = view.sync.map(
    (
      r,
    ) => html`<tr><td>${when(r.at)}</td><td>${r.kind}</td><td>${r.customerId ? html`<a href="${netsuiteCustomerUrl(ctx, r.customerId)}" target="_blank" rel="noopener">${r.customer || r.customerId}</a>` : html`<span class="muted">run</span>`}</td>
<td>${r.account}</td><td class="${/fail|error/.test(r.outcome) ? "err" : ""}">${r.outcome}</td><td class="msg">${r.message}${r.counts ? html`<br><span class="muted">${r.counts}</span>` : null}</td></tr>`,
  );
  const webhook = view.webhook.map(
    (
      r,
    ) => html`<tr><td>${when(r.at)}</td><td>${r.action}</td><td>${r.account}</td><td class="${r.status === "failed" ? "err" : ""}">${r.status}</td>
<td class="msg">${r.message}</td><td>${r.endpointId ? html`<code>${r.endpointId}</code>` : null}</td></tr>`,
  );
  const events = view.events.map(
    (
      r,
    ) => html`<tr><td>${when(r.at)}</td><td><code>${r.eventId}</code></td><td>${r.eventType}</td><td>${r.account}</td>
<td>${r.customerId ? html`<a href="${netsuiteCustomerUrl(ctx, r.customerId)}" target="_blank" rel="noopener">${r.customer || r.customerId}</a>` : null}</td>
<td class="${r.status === "applied" ? "" : "muted"}">${r.status}</td><td class="msg">${r.message}</td></tr>`,
  );
  const shown = (n: number, total: number) => (total > n ? `newest ${n} of ${total}` : `${total}`);
  return html`<h2 id="logs">Logs</h2>
<h3>Sync log (${shown(view.sync.length, view.syncTotal)})</h3><div class="scroll"><table id="sync-log"><thead><tr><th>When</th><th>Kind</th><th>Customer</th><th>Account</th><th>Outcome</th><th>Message</th></tr></thead>
<tbody>${sync.length ? sync : html`<tr><td colspan="6" class="muted">Nothing logged yet.</td></tr>`}</tbody></table></div>
<h3>Webhook log (${shown(view.webhook.length, view.webhookTotal)})</h3><div class="scroll"><table id="webhook-log"><thead><tr><th>When</th><th>Action</th><th>Account</th><th>Status</th><th>Message</th><th>Endpoint</th></tr></thead>
<tbody>${webhook.length ? webhook : html`<tr><td colspan="6" class="muted">Nothing logged yet.</td></tr>`}</tbody></table></div>
<h3>Stripe events (${shown(view.events.length, view.eventsTotal)})</h3><p class="muted">Each event the webhook took on: applied once (a second copy finds this row and is not applied again), or failed, with why, until Stripe's retry takes it over.</p>
<div class="scroll"><table id="stripe-events"><thead><tr><th>Claimed</th><th>Event</th><th>Type</th><th>Account</th><th>Customer</th><th>Status</th><th>Outcome</th></tr></thead>
<tbody>${events.length ? events : html`<tr><td colspan="7" class="muted">No events yet.</td></tr>`}</tbody></table></div>`;
}

/**
 * While a run is running the page reloads every 2 s to show progress, unless someone is typing in the
 * search box (a reload would throw the text away).
 */
const AUTO_REFRESH = trusted(
  `setTimeout(function tick(){var q=document.getElementById("q");if(q&&(document.activeElement===q||q.value!==q.defaultValue)){setTimeout(tick,2000);return}location.reload()},2000);`,
);

export function renderConsole(
  ctx: PageContext,
  data: { customers: CustomersView; logs: LogsView; runs: RunView[]; notice: string | null; ms: number },
): string {
  const running = data.runs.some((r) => r.status === "running");
  const body = html`${summary(data.customers)}${runs(data.runs, data.notice)}${customers(ctx, data.customers)}${logs(ctx, data.logs)}
<p class="muted" id="timing">Read in ${data.ms} ms${running ? " · refreshing every 2 s while a run is running" : ""}.</p>`;
  return layout(ctx, "Sandbox console", body, running ? AUTO_REFRESH : undefined);
}

/** A plain page with the message: never a stack trace. */
export function renderError(ctx: PageContext, title: string, message: string): string {
  return layout(
    ctx,
    title,
    html`<h1>${title}</h1><p class="err" id="error-message">${message}</p><p><a href="/">Back to the console</a></p>`,
  );
}
