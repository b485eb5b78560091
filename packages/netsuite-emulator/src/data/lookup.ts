/**
 * `search.lookupFields` as documented: select (and multiselect, country, internalid) columns come as
 * `[{ value, text }]` (`[]` when empty), checkboxes as booleans, everything else as text (numbers as
 * strings, dates formatted). Keys are as requested, `"join.field"` included. A join that multiplies
 * rows gives its first linked record.
 */
import { NsError } from "../errors.js";
import { cell } from "./columns.js";
import { accessor, loadRowsFor, type SearchContext, splitName } from "./rows.js";

export function lookupFields(
  ctx: SearchContext,
  type: string,
  id: number,
  columns: string[],
): Record<string, unknown> {
  const base = ctx.catalog.require(type);
  const values = ctx.db.get(base.id, id);
  if (!values) throw new NsError("RCRD_DSNT_EXIST", "That record does not exist.");
  const memo = new Map<string, string | null>();
  const out: Record<string, unknown> = {};
  for (const column of columns) {
    const { name, join } = splitName(column);
    const acc = accessor(ctx, base.id, name, join, "column");
    const row = loadRowsFor(ctx, base.id, { id, values }, acc.manyJoin)[0] ?? { id, values };
    const raw = acc.get(row);
    const c = cell(ctx, acc.def, raw, memo);
    const t = acc.def.type;
    if (acc.def.id === "internalid") {
      out[column] = [{ value: String(raw), text: String(raw) }];
    } else if (t === "select" || t === "multiselect" || t === "country") {
      const ids = Array.isArray(raw) ? raw : c.value === "" ? [] : [String(c.value)];
      const one = { ...acc.def, type: t === "multiselect" ? ("select" as const) : t };
      out[column] = ids.map((v) => ({ value: v, text: ctx.texts.text(one, v) ?? v }));
    } else {
      out[column] = c.value;
    }
  }
  return out;
}
