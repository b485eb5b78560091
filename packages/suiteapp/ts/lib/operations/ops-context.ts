/**
 * What every panel of the Stripe Sync page (nss_ops_sl.ts) shares: the request context a panel is
 * given, the page's GET parameters, and small helpers to add read-only fields and rows. A panel is one
 * module exporting `add<Name>Panel(form, ctx)`, which adds its subtab to the form and costs a fixed
 * number of units however many customers the account has (paged searches with a fixed page size,
 * summary searches for counts, never a read per customer).
 */
import type { ServerRequest } from "N/http";
import * as serverWidget from "N/ui/serverWidget";
import { OPS_FIELDS, OPS_PARAMS } from "./ops-params.js";

/** What the Suitelet hands each panel. */
export interface OpsContext {
  request: ServerRequest;
  /** The failed customers' page, 0-based (GET `page`). */
  page: number;
  /** The page's filters from its GET parameters (OPS_PARAMS), '' for none. */
  filters: Record<string, string>;
}

export { FAILED_PAGE_SIZE, OPS_FIELDS, OPS_PARAMS, OPS_SUITELET } from "./ops-params.js";

/** The request's parameter as trimmed text ('' when absent). */
export function param(request: ServerRequest, name: string): string {
  const raw = request.parameters?.[name];
  return typeof raw === "string" ? raw.trim() : "";
}

/** The context for a request: page and filters from its GET (or posted) parameters. */
export function opsContext(request: ServerRequest): OpsContext {
  const page = Number.parseInt(param(request, OPS_PARAMS.page) || param(request, OPS_FIELDS.page), 10);
  const account = param(request, OPS_PARAMS.account) || param(request, OPS_FIELDS.account);
  // Every other parameter passes as text (a panel checks its own filters, e.g. the duplicates' `kind`);
  // the account and task ID are checked here, as several panels use them.
  const given: Record<string, string> = {};
  for (const name of Object.keys(request.parameters ?? {})) given[name] = param(request, name);
  return {
    request,
    page: Number.isFinite(page) && page >= 0 ? page : 0,
    filters: {
      ...given,
      // Internal IDs only: anything else is no filter.
      account: /^[1-9][0-9]*$/.test(account) ? account : "",
      taskId: /^[A-Za-z0-9_]+$/.test(param(request, OPS_PARAMS.taskId))
        ? param(request, OPS_PARAMS.taskId)
        : "",
    },
  };
}

/** The request's origin (`https://<account>.app.netsuite.com`): record links need an absolute URL. */
export function origin(request: ServerRequest): string {
  return /^(https?:\/\/[^/]+)/i.exec(String(request.url ?? ""))?.[1] ?? "";
}

/** A read-only text field (display type INLINE) with help text, in a subtab or field group. */
export function addInfoField(
  form: serverWidget.Form,
  options: {
    id: string;
    label: string;
    container: string;
    value: string;
    help: string;
    type?: "text" | "percent";
  },
): serverWidget.Field {
  const field = form.addField({
    id: options.id,
    label: options.label,
    type: options.type === "percent" ? serverWidget.FieldType.PERCENT : serverWidget.FieldType.TEXT,
    container: options.container,
  });
  field.updateDisplayType({ displayType: serverWidget.FieldDisplayType.INLINE });
  field.setHelpText({ help: options.help });
  field.defaultValue = options.value;
  return field;
}

/** A LIST sublist in a subtab, with its columns (all text unless typed). */
export function addList(
  form: serverWidget.Form,
  options: {
    id: string;
    label: string;
    tab: string;
    columns: { id: string; label: string; type?: serverWidget.FieldType; help?: string }[];
  },
): serverWidget.Sublist {
  const list = form.addSublist({
    id: options.id,
    label: options.label,
    tab: options.tab,
    type: serverWidget.SublistType.LIST,
  });
  for (const c of options.columns) {
    const field = list.addField({ id: c.id, label: c.label, type: c.type ?? serverWidget.FieldType.TEXT });
    if (c.help) field.setHelpText({ help: c.help });
  }
  return list;
}

/** Sets a row's cells, leaving empty values out (setSublistValue refuses ''). */
export function setRow(list: serverWidget.Sublist, line: number, values: Record<string, string>): void {
  for (const [id, value] of Object.entries(values)) {
    if (value !== "") list.setSublistValue({ id, line, value });
  }
}

/** A thrown error as a sentence for the page (never a stack). */
export function problemText(e: unknown): string {
  const err = e as { name?: unknown; message?: unknown } | null;
  const name = typeof err?.name === "string" ? err.name : "ERROR";
  const message = typeof err?.message === "string" ? err.message : String(e);
  return message.startsWith(name) ? message : `${name}: ${message}`;
}
