/**
 * A read-only panel of the operations page built on one custom record: a subtab holding a counts line and
 * a LIST sublist of one page of the record's rows. Its cost does not depend on how many rows exist: one
 * paged search (`Search.runPaged`, 5 units, which also answers the count) and one page fetch
 * (`PagedData.fetch`, 5 units), whatever the page (Oracle's governance table for N/search).
 */
import * as search from "N/search";
import type * as serverWidget from "N/ui/serverWidget";
import { addFilterSelect, addInfoField, addList, type OpsContext, setRow } from "./ops-context.js";

/** Rows per page of a panel's sublist. */
export const PANEL_PAGE_SIZE = 25;

export interface PanelColumn {
  /** The sublist field's ID (lowercase, no spaces). */
  id: string;
  label: string;
  help: string;
  column: search.Column;
  /** A select column: show its text rather than its internal ID. */
  text?: boolean;
  /** TEXT (default) or TEXTAREA for long values. */
  type?: serverWidget.FieldType;
}

export interface PanelSpec {
  tabId: string;
  tabLabel: string;
  sublistId: string;
  sublistLabel: string;
  recordType: string;
  filters: unknown[];
  columns: PanelColumn[];
  /** Columns read but not shown: a final sort (internal ID) keeps pages stable. */
  sortColumns?: search.Column[];
  /** The counts line when no row matches. */
  empty: string;
  /** The counts line, given the rows in all (the panel adds " Page x of y."). */
  describe: (count: number) => string;
  /** The counts line's help text. */
  help: string;
  /** A filter select of the panel's own, above its list (addFilterSelect; its container is the subtab). */
  filter?: Omit<Parameters<typeof addFilterSelect>[1], "container">;
}

/** What the panel showed, for the caller and tests. */
export interface PanelShown {
  count: number;
  /** 0-based, as `OpsContext.page`. */
  page: number;
  pages: number;
  lines: number;
}

/** The page to show (0-based), clamped to the pages there are. */
export function pageIndex(page: number, pages: number): number {
  const asked = Number.isFinite(page) ? Math.floor(page) : 0;
  return Math.min(Math.max(asked, 0), Math.max(pages - 1, 0));
}

/** Adds the panel's subtab, counts line and sublist with one page of rows. */
export function addRecordPanel(form: serverWidget.Form, ctx: OpsContext, spec: PanelSpec): PanelShown {
  form.addSubtab({ id: spec.tabId, label: spec.tabLabel });
  if (spec.filter) addFilterSelect(form, { ...spec.filter, container: spec.tabId });
  const counts = addInfoField(form, {
    id: `${spec.tabId}_counts`,
    label: spec.tabLabel,
    container: spec.tabId,
    value: "",
    help: spec.help,
  });
  const list = addList(form, {
    id: spec.sublistId,
    label: spec.sublistLabel,
    tab: spec.tabId,
    columns: spec.columns.map((c) => ({
      id: c.id,
      label: c.label,
      help: c.help,
      ...(c.type ? { type: c.type } : {}),
    })),
  });
  const paged = search
    .create({
      type: spec.recordType,
      filters: spec.filters,
      columns: [...spec.columns.map((c) => c.column), ...(spec.sortColumns ?? [])],
    })
    .runPaged({ pageSize: PANEL_PAGE_SIZE });
  const count = paged.count;
  const pages = Math.ceil(count / PANEL_PAGE_SIZE);
  const page = pageIndex(ctx.page, pages);
  let lines = 0;
  const range = paged.pageRanges[page];
  if (count > 0 && range) {
    for (const row of paged.fetch({ index: range.index }).data) {
      const values: Record<string, string> = {};
      for (const c of spec.columns) {
        const raw = c.text ? row.getText(c.column) : row.getValue(c.column);
        values[c.id] = raw === null || raw === undefined ? "" : String(raw);
      }
      setRow(list, lines, values);
      lines++;
    }
  }
  counts.defaultValue = count === 0 ? spec.empty : `${spec.describe(count)} Page ${page + 1} of ${pages}.`;
  return { count, page, pages, lines };
}
