/**
 * Record lists: customers, the custom record types, and each type's records, 50 to a page, each row
 * linking to its record page (View / Edit) as NetSuite's lists do.
 */
import type { AccountData } from "../../data/store.js";
import type { FieldValue } from "../../data/types.js";
import { type Ctx, sendHtml } from "../context.js";
import { escapeHtml } from "../render/html.js";
import { REFUSALS, sendError } from "./error-page.js";
import { layout } from "./layout.js";
import { listUrl, recordUrl } from "./record-url.js";

const PAGE_SIZE = 50;

function table(head: string[], rows: string[][]): string {
  const th = head.map((h) => `<th>${escapeHtml(h)}</th>`).join("");
  const tr = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join("")}</tr>`).join("");
  return `<table class="ns-list"><thead><tr>${th}</tr></thead><tbody>${tr || `<tr><td colspan="${head.length}">No records to show.</td></tr>`}</tbody></table>`;
}

function text(data: AccountData, type: string, field: string, value: FieldValue | undefined): string {
  if (value === undefined) return "";
  return escapeHtml(data.fieldText(type, field, value) ?? "");
}

function pager(base: string, page: number, total: number): string {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const link = (p: number, label: string) =>
    `<a href="${escapeHtml(`${base}${base.includes("?") ? "&" : "?"}page=${p}`)}">${label}</a>`;
  return `<div class="ns-pager"><span>${total} records · page ${page} of ${pages}</span>${page > 1 ? link(page - 1, "Previous") : ""}${page < pages ? link(page + 1, "Next") : ""}</div>`;
}

function sendList(ctx: Ctx, type: string, title: string, columns: string[]): void {
  const { data } = ctx.state.emulator;
  const all = data.listRecords(type);
  const page = Math.max(1, Number.parseInt(ctx.url.searchParams.get("page") ?? "1", 10) || 1);
  const rows = all
    .slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)
    .map((r) => [
      `<a href="${escapeHtml(recordUrl(type, r.id, true))}">Edit</a> | <a href="${escapeHtml(recordUrl(type, r.id))}">View</a>`,
      String(r.id),
      escapeHtml(data.recordName(type, r.id)),
      ...columns.map((c) => text(data, type, c, r.values[c])),
    ]);
  const labels = columns.map((c) => data.catalog.field(type, c)?.label ?? c);
  const body = `<div class="ns-buttons"><a class="ns-button ns-primary" id="new" href="${escapeHtml(recordUrl(type, null))}">New</a></div>${pager(listUrl(type), page, all.length)}${table(["", "Internal ID", "Name", ...labels], rows)}`;
  sendHtml(
    ctx,
    200,
    layout({ title, body, accountId: ctx.state.emulator.host.accountId, nav: true, menu: ctx.state.menu }),
  );
}

export function serveCustomerList(ctx: Ctx): void {
  const custom = [...ctx.state.emulator.data.catalog.require("customer").fields.keys()].filter((f) =>
    f.startsWith("custentity"),
  );
  sendList(ctx, "customer", "Customers", ["email", "subsidiary", ...custom.slice(0, 3)]);
}

export function serveCustomRecordList(ctx: Ctx): void {
  const rectype = (ctx.url.searchParams.get("rectype") ?? "").toLowerCase();
  const def = ctx.state.emulator.project.customRecordTypes.find((t) => t.scriptId.toLowerCase() === rectype);
  if (!def) {
    sendError(ctx, 404, "INVALID_RCRD_TYPE", REFUSALS.notFound);
    return;
  }
  sendList(
    ctx,
    rectype,
    def.recordName,
    def.fields.slice(0, 5).map((f) => f.scriptId.toLowerCase()),
  );
}

export function serveCustomRecordTypes(ctx: Ctx): void {
  const { data, project } = ctx.state.emulator;
  const rows = project.customRecordTypes.map((t) => [
    `<a href="${escapeHtml(listUrl(t.scriptId))}">${escapeHtml(t.recordName)}</a>`,
    escapeHtml(t.scriptId),
    String(data.listRecords(t.scriptId).length),
  ]);
  const body = table(["Name", "ID", "Records"], rows);
  sendHtml(
    ctx,
    200,
    layout({
      title: "Custom Records",
      body,
      accountId: ctx.state.emulator.host.accountId,
      nav: true,
      menu: ctx.state.menu,
    }),
  );
}
