/**
 * In-memory indexes over the cached rows of a type (db.ts): for a field, which record IDs hold each
 * value. Built the first time a search narrows by the field, then kept in step by every write, so a
 * search by customer or by account reads the handful of rows that can match instead of every row of
 * the type (what made a 100,000-customer mass sync slow down as it went).
 */
import type { Values } from "./db.js";

type Index = Map<string, Set<number>>;

/** The index keys of a stored value: a select's ID, or each ID of a multiselect. */
function keys(value: Values[string] | undefined): string[] {
  if (typeof value === "string") return value === "" ? [] : [value];
  if (Array.isArray(value)) return value;
  return [];
}

export class FieldIndexes {
  /** type → field → value → IDs. */
  private readonly byType = new Map<string, Map<string, Index>>();

  /** IDs of the rows whose `field` holds one of `values`; builds the index from `rows` when new. */
  ids(type: string, field: string, values: string[], rows: () => { id: number; values: Values }[]): number[] {
    let fields = this.byType.get(type);
    if (fields === undefined) {
      fields = new Map();
      this.byType.set(type, fields);
    }
    let index = fields.get(field);
    if (index === undefined) {
      index = new Map();
      for (const row of rows()) for (const key of keys(row.values[field])) add(index, key, row.id);
      fields.set(field, index);
    }
    const out = new Set<number>();
    for (const value of values) for (const id of index.get(value) ?? []) out.add(id);
    return [...out];
  }

  /** A row written (`after`) or deleted (`after` undefined); `before` is what the index holds for it. */
  update(type: string, id: number, before: Values | undefined, after: Values | undefined): void {
    const fields = this.byType.get(type);
    if (fields === undefined) return;
    for (const [field, index] of fields) {
      for (const key of keys(before?.[field])) index.get(key)?.delete(id);
      for (const key of keys(after?.[field])) add(index, key, id);
    }
  }

  clear(): void {
    this.byType.clear();
  }
}

function add(index: Index, key: string, id: number): void {
  let ids = index.get(key);
  if (ids === undefined) {
    ids = new Set();
    index.set(key, ids);
  }
  ids.add(id);
}
