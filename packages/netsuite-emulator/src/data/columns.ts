/**
 * Search columns: the raw value per row, the cell as `Result.getValue`/`getText` give it, the sort
 * order and summaries (group, count, sum, min, max, avg).
 *
 * Cells: a select's value is the internal ID and its text the record's name (internalid too:
 * value and text are the ID, as search results serialise it); a multiselect's value and text are
 * comma-separated; a checkbox's value is a boolean (SuiteScript 2.1); numbers are strings; dates
 * are formatted (`M/D/YYYY`, `M/D/YYYY h:mm am`); empty is "" (text "" for selects, null otherwise);
 * percent columns read "45.0%" (FieldDef.columnFormat).
 */
import { unsupported } from "../errors.js";
import type { FieldDef } from "./catalog.js";
import { type Accessor, accessor, type Row, type SearchContext } from "./rows.js";
import type { FieldValue, SearchColumnDef } from "./types.js";
import { isEmpty } from "./values.js";

export type Summary = "group" | "count" | "sum" | "min" | "max" | "avg";

export interface CompiledColumn {
  acc: Accessor;
  /** The definition of the cell's value: a count or sum is a number whatever the field. */
  cellDef: FieldDef;
  sort: "ASC" | "DESC" | "NONE";
  summary?: Summary;
}

const SUMMARIES = new Set(["group", "count", "sum", "min", "max", "avg"]);
const NUMERIC = new Set(["integer", "float", "currency"]);

export function compileColumn(ctx: SearchContext, type: string, col: SearchColumnDef): CompiledColumn {
  if (col.formula || col.name.toLowerCase().startsWith("formula")) throw unsupported("search column formula");
  if (col.function) throw unsupported(`search column function ${col.function}`);
  const acc = accessor(ctx, type, col.name, col.join, "column");
  const summary = col.summary?.toLowerCase();
  if (summary !== undefined && !SUMMARIES.has(summary)) throw unsupported(`search summary ${col.summary}`);
  const counted = summary === "count" || summary === "sum" || summary === "avg";
  // A sum or average of a percent is a percent.
  const percent =
    acc.def.columnFormat === "percent" && summary !== "count" ? { columnFormat: "percent" as const } : {};
  const cellDef: FieldDef = counted
    ? { id: acc.def.id, label: acc.def.label, type: "float", ...percent }
    : acc.def;
  return {
    acc,
    cellDef,
    sort: col.sort ?? "NONE",
    ...(summary ? { summary: summary as Summary } : {}),
  };
}

export function cell(
  ctx: SearchContext,
  def: FieldDef,
  raw: FieldValue,
  memo: Map<string, string | null>,
): {
  value: FieldValue;
  text: string | null;
} {
  const isSelect = def.type === "select" || def.type === "multiselect" || def.type === "country";
  if (def.type === "checkbox") return { value: raw === true, text: null };
  if (isEmpty(raw)) return { value: "", text: isSelect ? "" : null };
  if (def.id === "internalid") return { value: String(raw), text: String(raw) };
  // A percent column reads "45.0%" (the Records Browser types it percent; public Suitelet code uses the
  // value as a CSS width); a column the Records Browser types text shows its option's text ("Complete").
  if (def.columnFormat === "percent") return { value: `${Number(raw).toFixed(1)}%`, text: null };
  if (def.columnFormat === "optiontext")
    return { value: def.options?.[String(raw)] ?? String(raw), text: null };
  if (isSelect) {
    const key = `${def.target ?? def.type}:${String(raw)}`;
    if (!memo.has(key)) memo.set(key, ctx.texts.text(def, raw));
    return { value: Array.isArray(raw) ? raw.join(",") : String(raw), text: memo.get(key) ?? "" };
  }
  if (def.type === "date" || def.type === "datetime") return { value: ctx.texts.text(def, raw), text: null };
  return { value: String(raw), text: null };
}

/** A comparable key: numbers for numeric fields, lower-case names for selects, else lower-case text. */
function sortKey(
  ctx: SearchContext,
  def: FieldDef,
  raw: FieldValue,
  memo: Map<string, string | null>,
): string | number | null {
  if (def.type === "checkbox") return raw === true ? 1 : 0;
  if (isEmpty(raw)) return null;
  if (NUMERIC.has(def.type) || def.id === "internalid") return Number(raw);
  if (def.type === "select" || def.type === "multiselect" || def.type === "country") {
    const c = cell(ctx, def, raw, memo);
    return (c.text ?? String(c.value)).toLowerCase();
  }
  return String(raw).toLowerCase();
}

export interface Sortable {
  id: number;
  raws: FieldValue[];
}

/** Sorts by the columns with a sort, in column order; empty values last ascending (Oracle's NULLS LAST). */
export function sortRows<T extends Sortable>(ctx: SearchContext, columns: CompiledColumn[], rows: T[]): T[] {
  const sorted = columns.map((c, i) => ({ c, i })).filter(({ c }) => c.sort !== "NONE");
  if (sorted.length === 0) return rows;
  const memo = new Map<string, string | null>();
  const keys = new Map<T, (string | number | null)[]>(
    rows.map((r) => [r, sorted.map(({ c, i }) => sortKey(ctx, c.cellDef, r.raws[i] ?? null, memo))]),
  );
  return [...rows].sort((a, b) => {
    const ka = keys.get(a) ?? [];
    const kb = keys.get(b) ?? [];
    for (let k = 0; k < sorted.length; k++) {
      const dir = sorted[k]?.c.sort === "DESC" ? -1 : 1;
      const x = ka[k] ?? null;
      const y = kb[k] ?? null;
      if (x === y) continue;
      if (x === null) return dir;
      if (y === null) return -dir;
      return (x < y ? -1 : 1) * dir;
    }
    return a.id - b.id;
  });
}

/** Groups rows by the group columns and computes the other columns' summaries. */
export function summarize(columns: CompiledColumn[], rows: Row[]): Sortable[] {
  const groups = new Map<string, { raws: FieldValue[]; members: FieldValue[][] }>();
  for (const row of rows) {
    const raws = columns.map((c) => c.acc.get(row));
    const key = JSON.stringify(columns.map((c, i) => (c.summary === "group" ? (raws[i] ?? null) : null)));
    const group = groups.get(key) ?? { raws, members: [] };
    group.members.push(raws);
    groups.set(key, group);
  }
  let n = 0;
  return [...groups.values()].map((g) => ({
    id: n++,
    raws: columns.map((c, i) =>
      aggregate(
        c,
        g.members.map((m) => m[i] ?? null),
      ),
    ),
  }));
}

function aggregate(col: CompiledColumn, values: FieldValue[]): FieldValue {
  const present = values.filter((v) => !isEmpty(v));
  switch (col.summary) {
    case "group":
      return values[0] ?? null;
    case "count":
      return new Set(present.map((v) => JSON.stringify(v))).size;
    case "sum":
      return present.reduce<number>((s, v) => s + Number(v), 0);
    case "avg":
      return present.length === 0
        ? null
        : present.reduce<number>((s, v) => s + Number(v), 0) / present.length;
    case "min":
    case "max": {
      const numeric = NUMERIC.has(col.acc.def.type);
      const sorted = [...present].sort((a, b) =>
        numeric ? Number(a) - Number(b) : String(a).localeCompare(String(b)),
      );
      return (col.summary === "min" ? sorted[0] : sorted[sorted.length - 1]) ?? null;
    }
    default:
      return values[0] ?? null;
  }
}
