/**
 * `runSearch`: loads the base type's rows (multiplied by a joined relationship when a filter or
 * column reads through one), filters, summarises, sorts and pages them.
 */
import { NsError, unsupported } from "../errors.js";
import { type CompiledColumn, cell, compileColumn, type Sortable, sortRows, summarize } from "./columns.js";
import { type CompiledFilters, compileExpression, compileFilterList } from "./filters.js";
import { loadRows, loadRowsFor, type SearchContext } from "./rows.js";
import type { SearchDef, SearchFilterDef, SearchResultRow } from "./types.js";

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
  const manyJoin = [...manyJoins][0];
  const narrowed = narrowing(ctx, type, search);
  // Every filter still runs on the narrowed rows: the narrowing only skips rows that cannot match.
  const base = narrowed
    ? ctx.db.where(type, narrowed.field, narrowed.values).flatMap((r) => loadRowsFor(ctx, type, r, manyJoin))
    : loadRows(ctx, type, manyJoin);
  const rows = base.filter(filters.test);

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

/**
 * A filter every result must pass that names the rows it can match: `anyof` or `is` on `internalid` or
 * a select field of the base type, ANDed with the rest (a top-level term of a filter expression joined
 * only by AND, or any filter of a list). Without one, the search reads every row of the type.
 */
function narrowing(
  ctx: SearchContext,
  type: string,
  search: SearchDef,
): { field: string; values: string[] } | undefined {
  const terms: { name: string; operator: string; values: unknown[] }[] = [];
  if (search.filterExpression !== undefined) {
    const expr = search.filterExpression;
    const top = typeof expr[0] === "string" ? [expr] : expr;
    for (const part of top) {
      if (typeof part === "string") {
        if (part.toUpperCase() !== "AND") return undefined;
      } else if (Array.isArray(part) && typeof part[0] === "string" && typeof part[1] === "string") {
        terms.push({ name: part[0], operator: part[1], values: part.slice(2).flat() });
      }
    }
  } else {
    for (const f of search.filters as SearchFilterDef[]) {
      if (f.join || f.formula || f.summary) continue;
      terms.push({ name: f.name, operator: f.operator, values: f.values });
    }
  }
  for (const term of terms) {
    const field = term.name.toLowerCase();
    if (!["anyof", "is"].includes(term.operator.toLowerCase())) continue;
    if (field !== "internalid" && ctx.catalog.field(type, field)?.type !== "select") continue;
    const values = term.values.map(String);
    // `@NONE@` (or a blank) matches an empty field, which no index entry holds.
    if (values.length === 0 || values.some((v) => v === "" || v === "@NONE@")) continue;
    return { field, values };
  }
  return undefined;
}
