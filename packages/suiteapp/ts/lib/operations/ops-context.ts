/**
 * What every panel of the Stripe Sync page (nss_ops_sl.ts) shares: the request context a panel is
 * given, the page's GET parameters, and small helpers to add read-only fields and rows. A panel is one
 * module exporting `add<Name>Panel(form, ctx)`, which adds its subtab to the form and costs a fixed
 * number of units however many customers the account has (paged searches with a fixed page size,
 * summary searches for counts, never a read per customer).
 */
import type { ServerRequest } from "N/http";
import * as search from "N/search";
import * as serverWidget from "N/ui/serverWidget";
import { issueCodeOf } from "@nss/core";
import { text } from "../records/field-values.js";
import { DUPLICATE_KINDS, OPS_FIELDS, OPS_PARAMS, PLAN_ACTIONS } from "./ops-params.js";

/** The page's filters, each checked ('' for none: a value outside what a filter allows is ignored). */
export interface OpsFilters {
  /** A Stripe account record's internal ID (the failed customers, duplicates and plan rows of that account). */
  account: string;
  /** A map/reduce task ID the page submitted (Retry failed). */
  taskId: string;
  /** An error code, upper case (the failed customers whose last error holds it). */
  code: string;
  /** The possible duplicates' kind: one of DUPLICATE_KINDS. */
  kind: string;
  /** The last dry run's planned action: one of PLAN_ACTIONS. */
  action: string;
}

/** What the Suitelet hands each panel. */
export interface OpsContext {
  request: ServerRequest;
  /** The failed customers' page, 0-based (GET `page`). */
  page: number;
  /** The page's filters from its GET parameters (OPS_PARAMS) or its posted fields (OPS_FIELDS). */
  filters: OpsFilters;
}

export {
  DUPLICATE_KINDS,
  FAILED_PAGE_SIZE,
  OPS_FIELDS,
  OPS_PARAMS,
  OPS_SUITELET,
  PLAN_ACTIONS,
} from "./ops-params.js";

/** The request's parameter as trimmed text ('' when absent). */
export function param(request: ServerRequest, name: string): string {
  const raw = request.parameters?.[name];
  return typeof raw === "string" ? raw.trim() : "";
}

/** The value when it is one of `allowed`, else '' (no filter). */
function oneOf(value: string, allowed: readonly string[]): string {
  return allowed.includes(value) ? value : "";
}

/**
 * The context for a request: page and filters from its GET parameters, or from the page's own fields
 * when Retry failed posts the form. Every filter is checked here, once for all panels: a value outside
 * what a filter allows is no filter, never an error.
 */
export function opsContext(request: ServerRequest): OpsContext {
  const given = (name: keyof typeof OPS_PARAMS & keyof typeof OPS_FIELDS) =>
    param(request, OPS_PARAMS[name]) || param(request, OPS_FIELDS[name]);
  const page = Number.parseInt(given("page"), 10);
  const account = given("account");
  const taskId = param(request, OPS_PARAMS.taskId);
  return {
    request,
    page: Number.isFinite(page) && page >= 0 ? page : 0,
    filters: {
      // Internal IDs only: anything else is no filter.
      account: /^[1-9][0-9]*$/.test(account) ? account : "",
      taskId: /^[A-Za-z0-9_]+$/.test(taskId) ? taskId : "",
      code: issueCodeOf(given("code")),
      kind: oneOf(given("kind"), DUPLICATE_KINDS),
      action: oneOf(given("action").toLowerCase(), PLAN_ACTIONS),
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

/**
 * A filter select (the page's client script opens the page again when it changes, nss_ops_cs.ts): a
 * first option '' for no filter, then `options`, the one equal to `selected` chosen.
 */
export function addFilterSelect(
  form: serverWidget.Form,
  options: {
    id: string;
    label: string;
    container: string;
    help: string;
    none: string;
    options: readonly { value: string; text: string }[];
    selected: string;
  },
): serverWidget.Field {
  const field = form.addField({
    id: options.id,
    label: options.label,
    type: serverWidget.FieldType.SELECT,
    container: options.container,
  });
  field.setHelpText({ help: options.help });
  field.addSelectOption({ value: "", text: options.none, isSelected: options.selected === "" });
  for (const o of options.options) {
    field.addSelectOption({ value: o.value, text: o.text, isSelected: o.value === options.selected });
  }
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

/** A sublist column with how a row gives its cell (addList's column, for setRows). */
export interface TableColumn<T> {
  id: string;
  label: string;
  type?: serverWidget.FieldType;
  help?: string;
  value: (row: T) => string;
}

/** Sets a sublist's rows, a line each, its cells from the columns (setRow). */
export function setRows<T>(
  list: serverWidget.Sublist,
  columns: readonly TableColumn<T>[],
  rows: readonly T[],
): void {
  rows.forEach((row, line) => {
    const values: Record<string, string> = {};
    for (const c of columns) values[c.id] = c.value(row);
    setRow(list, line, values);
  });
}

/**
 * A LIST sublist in a subtab (addList), then its rows (setRows): `rows` is called once the sublist is
 * on the form, so when it throws the form keeps the empty sublist.
 */
export function addTable<T>(
  form: serverWidget.Form,
  options: { id: string; label: string; tab: string; columns: TableColumn<T>[] },
  rows: () => readonly T[],
): serverWidget.Sublist {
  const list = addList(form, options);
  setRows(list, options.columns, rows());
  return list;
}

/** A TableColumn value: a search result's value of `name`, as text ('' for none). */
export const resultText =
  (name: string) =>
  (r: search.Result): string =>
    text(r.getValue({ name }));

/** The newest `count` rows of a record type (internal ID descending) with the named columns: one search page. */
export function newestRows(
  type: string,
  filters: unknown[],
  names: string[],
  count: number,
): search.Result[] {
  return search
    .create({
      type,
      filters,
      columns: [
        search.createColumn({ name: "internalid", sort: search.Sort.DESC }),
        ...names.map((name) => search.createColumn({ name })),
      ],
    })
    .run()
    .getRange({ start: 0, end: count });
}

/** `filters` joined by OR: one search filter expression. */
export function anyOfFilters(filters: unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const f of filters) {
    if (out.length > 0) out.push("OR");
    out.push(f);
  }
  return out;
}

/** A thrown error as a sentence for the page (never a stack). */
export function problemText(e: unknown): string {
  const err = e as { name?: unknown; message?: unknown } | null;
  const name = typeof err?.name === "string" ? err.name : "ERROR";
  const message = typeof err?.message === "string" ? err.message : String(e);
  return message.startsWith(name) ? message : `${name}: ${message}`;
}
