/**
 * search.Result, search.ResultSet, search.PagedData and search.Page (Oracle: "search.Result",
 * "ResultSet.each(callback)", "ResultSet.getRange(options)", "Search.runPaged(options)",
 * "PagedData.fetch(options)"). Result values are as NetSuite gives them: strings, booleans for
 * checkboxes, dates formatted in the user's format, select internal IDs with their text.
 */

import type { FieldValue, SearchColumnDef, SearchDef, SearchResultRow } from "../../data/types.js";
import { NsError, unsupported } from "../../errors.js";
import type { ScriptEnv } from "../env.js";
import { COSTS } from "../governance.js";
import { formatIsoForUser } from "./format.js";
import { Column } from "./search-defs.js";
import { options, promiseUnsupported, required } from "./util.js";

/** ResultSet.each stops the script past 4,000 results; getRange returns at most 1,000 at a time. */
export const EACH_LIMIT = 4000;
export const RANGE_LIMIT = 1000;

type Cell = SearchResultRow["cells"][number];

function cellValue(value: FieldValue): unknown {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value;
  if (Array.isArray(value)) return value.join(",");
  if (typeof value === "string") return formatIsoForUser(value);
  return String(value);
}

/** A select cell (non-null text) becomes `[{value, text}]`, one entry per ID of a multiselect. */
function jsonValue(cell: Cell): unknown {
  const { value, text } = cell;
  if (typeof value === "boolean") return value;
  if (text !== null && value !== null) {
    // A select column is `{ value, text }` (as map/reduce scripts read `values.entity.value`); only a
    // multiselect is an array of them.
    if (!Array.isArray(value)) return { value: String(value), text };
    const texts = value.length > 1 ? text.split(",") : [text];
    return value.map((id, i) => ({
      value: id,
      text: texts.length === value.length ? (texts[i] ?? "") : text,
    }));
  }
  return cellValue(value);
}

function matches(column: Column, name: string, join?: string, summary?: string): boolean {
  return (
    column.name.toLowerCase() === name.toLowerCase() &&
    (column.join ?? "").toLowerCase() === (join ?? "").toLowerCase() &&
    (column.summary ?? "").toUpperCase() === (summary ?? "").toUpperCase()
  );
}

export class Result {
  readonly recordType: string;
  readonly id: string;
  readonly columns: Column[];
  readonly #cells: Cell[];

  constructor(row: SearchResultRow, columns: Column[]) {
    this.recordType = row.recordType;
    this.id = row.id;
    this.columns = columns;
    this.#cells = row.cells;
  }

  /** `getValue(column)`, `getValue("email")` or `getValue({name, join, summary})`. */
  #cell(arg: unknown, member: string): Cell | undefined {
    const opts = typeof arg === "string" ? { name: arg } : options(arg);
    const name = String(required(opts, "name", member));
    const join = opts.join === undefined ? undefined : String(opts.join);
    const summary = opts.summary === undefined ? undefined : String(opts.summary);
    const index = this.columns.findIndex((c) => matches(c, name, join, summary));
    return index < 0 ? undefined : this.#cells[index];
  }

  getValue(arg: unknown): unknown {
    const cell = this.#cell(arg, "Result.getValue");
    return cell === undefined ? null : cellValue(cell.value);
  }

  getText(arg: unknown): string | null {
    const cell = this.#cell(arg, "Result.getText");
    return cell?.text ?? null;
  }

  /** `JSON.stringify(result)`: `{"recordType","id","values":{…}}` keyed by `name`, `join.name`, `SUMMARY(name)`. */
  toJSON(): { recordType: string; id: string; values: Record<string, unknown> } {
    const values: Record<string, unknown> = {};
    this.columns.forEach((column, i) => {
      const cell = this.#cells[i];
      if (cell) values[column.key] = jsonValue(cell);
    });
    return { recordType: this.recordType, id: this.id, values };
  }
}

/**
 * `JSON.stringify(search.Result)` for plain rows, for code outside a script (the map/reduce runner
 * turning a getInputData search into map values).
 */
export function resultToJSON(
  row: SearchResultRow,
  columns: SearchColumnDef[],
): { recordType: string; id: string; values: Record<string, unknown> } {
  return new Result(
    row,
    columns.map((c) => new Column(c)),
  ).toJSON();
}

function runRows(env: ScriptEnv, def: SearchDef, start: number, end: number) {
  return env.call<{ rows: SearchResultRow[]; total: number }>("data.runSearch", def, start, end);
}

export class ResultSet {
  readonly columns: Column[];
  readonly #env: ScriptEnv;
  readonly #def: SearchDef;

  constructor(env: ScriptEnv, def: SearchDef, columns: Column[]) {
    this.#env = env;
    this.#def = def;
    this.columns = columns;
  }

  /** 10 units; the callback's `false` stops the iteration; asking for a 4,001st result throws. */
  each(callback: (result: Result) => unknown): void {
    if (typeof callback !== "function") required({}, "callback", "ResultSet.each");
    this.#env.meter.charge(COSTS["ResultSet.each"], "ResultSet.each");
    const batch = RANGE_LIMIT;
    for (let start = 0; ; start += batch) {
      const { rows } = runRows(this.#env, this.#def, start, start + batch);
      for (const [i, row] of rows.entries()) {
        if (start + i >= EACH_LIMIT) {
          throw new NsError(
            "SSS_SEARCH_FOR_EACH_LIMIT_EXCEEDED",
            "No more than 4000 search results may be returned at one time from nlobjSearchResultSet.forEachResult(). Please revise your search criteria or modify the callback logic so that no more than 4000 results are returned.",
          );
        }
        // A falsy return stops the iteration (a callback without `return true` sees one result).
        if (!callback(new Result(row, this.columns))) return;
      }
      if (rows.length < batch) return;
    }
  }

  /** 10 units; `end` exclusive; at most 1,000 results per call (SSS_SEARCH_RESULT_LIMIT_EXCEEDED). */
  getRange(arg: unknown): Result[] {
    const opts = options(arg);
    const start = Number(required(opts, "start", "ResultSet.getRange"));
    const end = Number(required(opts, "end", "ResultSet.getRange"));
    if (start < 0)
      throw new NsError("SSS_INVALID_SEARCH_RESULT_INDEX", `Invalid search result index: ${start}`);
    if (end - start > RANGE_LIMIT) {
      throw new NsError(
        "SSS_SEARCH_RESULT_LIMIT_EXCEEDED",
        "No more than 1000 search results may be requested at one time from nlobjSearchResultSet.getResults(). Please narrow your range, or use nlobjSearchResultSet.forEachResult() instead.",
      );
    }
    this.#env.meter.charge(COSTS["ResultSet.getRange"], "ResultSet.getRange");
    if (end <= start) return [];
    return runRows(this.#env, this.#def, start, end).rows.map((row) => new Result(row, this.columns));
  }
}

promiseUnsupported(ResultSet.prototype.each, "N/search.ResultSet.each");
promiseUnsupported(ResultSet.prototype.getRange, "N/search.ResultSet.getRange");

export interface PageRange {
  index: number;
  compoundLabel: string;
}

export class PagedData {
  readonly count: number;
  readonly pageSize: number;
  readonly pageRanges: PageRange[];
  readonly searchDefinition: unknown;
  readonly #env: ScriptEnv;
  readonly #def: SearchDef;
  readonly #columns: Column[];

  constructor(env: ScriptEnv, def: SearchDef, columns: Column[], pageSize: number, search: unknown) {
    this.#env = env;
    this.#def = def;
    this.#columns = columns;
    this.pageSize = pageSize;
    this.searchDefinition = search;
    this.count = runRows(env, def, 0, 0).total;
    this.pageRanges = [];
    // At most 1,000 pages (Search.runPaged: "can return a maximum of 1000 pages").
    for (let i = 0; i * pageSize < this.count && i < 1000; i++) {
      const last = Math.min((i + 1) * pageSize, this.count);
      this.pageRanges.push({ index: i, compoundLabel: `${i * pageSize + 1} – ${last}` });
    }
  }

  /** 5 units; INVALID_PAGE_RANGE for an index outside `pageRanges`. */
  fetch(arg: unknown): Page {
    const opts = options(arg, "index");
    const index = Number(required(opts, "index", "PagedData.fetch"));
    const range = this.pageRanges[index];
    if (!Number.isInteger(index) || range === undefined) {
      throw new NsError("INVALID_PAGE_RANGE", "Invalid page range.");
    }
    this.#env.meter.charge(COSTS["PagedData.fetch"], "PagedData.fetch");
    const start = index * this.pageSize;
    const { rows } = runRows(this.#env, this.#def, start, start + this.pageSize);
    const data = rows.map((row) => new Result(row, this.#columns));
    return new Page(this, range, data);
  }
}

promiseUnsupported(PagedData.prototype.fetch, "N/search.PagedData.fetch");

export class Page {
  readonly isFirst: boolean;
  readonly isLast: boolean;

  constructor(
    readonly pagedData: PagedData,
    readonly pageRange: PageRange,
    readonly data: Result[],
  ) {
    this.isFirst = pageRange.index === 0;
    this.isLast = pageRange.index === pagedData.pageRanges.length - 1;
  }

  next(): never {
    throw unsupported("N/search.Page.next");
  }

  prev(): never {
    throw unsupported("N/search.Page.prev");
  }
}
