/**
 * `runSearch`: loads the base type's rows (multiplied by a joined relationship when a filter or
 * column reads through one), filters, summarises, sorts and pages them.
 */
import { NsError, unsupported } from "../errors.js";
import { type CompiledColumn, cell, compileColumn, type Sortable, sortRows, summarize } from "./columns.js";
import { type CompiledFilters, compileExpression, compileFilterList } from "./filters.js";
import { loadRows, type SearchContext } from "./rows.js";
import type { SearchDef, SearchResultRow } from "./types.js";

export function runSearch(
  ctx: SearchContext,
  search: SearchDef,
  start: number,
  end: number,
): { rows: SearchResultRow[]; total: number } {
  const type = ctx.catalog.require(search.type).id;
  const filters: CompiledFilters =
    search.filterExpression !== undefined
      ? compileExpression(ctx, type, search.filterExpression)
      : compileFilterList(ctx, type, search.filters);
  const columns: CompiledColumn[] = search.columns.map((c) => compileColumn(ctx, type, c));
  const manyJoins = new Set([
    ...filters.manyJoins,
    ...columns.flatMap((c) => (c.acc.manyJoin ? [c.acc.manyJoin] : [])),
  ]);
  if (manyJoins.size > 1) throw unsupported(`more than one multiplying join (${[...manyJoins].join(", ")})`);
  const rows = loadRows(ctx, type, [...manyJoins][0]).filter(filters.test);

  const summarized = columns.some((c) => c.summary);
  if (summarized && columns.some((c) => !c.summary)) {
    // NetSuite refuses a summary search with a column that has no summary type.
    throw new NsError("SSS_INVALID_SRCH_COL", "A summary search needs a summary type on every column.");
  }
  const sortable: Sortable[] = summarized
    ? summarize(columns, rows)
    : rows.map((r) => ({ id: r.id, raws: columns.map((c) => c.acc.get(r)) }));
  const ordered = sortRows(ctx, columns, sortable);
  const memo = new Map<string, string | null>();
  const page = ordered.slice(Math.max(0, start), Math.max(0, end));
  return {
    total: ordered.length,
    rows: page.map((r) => ({
      recordType: type,
      // Summary rows stand for groups, not records: NetSuite gives them no ID.
      id: summarized ? "" : String(r.id),
      cells: columns.map((c, i) => cell(ctx, c.cellDef, r.raws[i] ?? null, memo)),
    })),
  };
}
