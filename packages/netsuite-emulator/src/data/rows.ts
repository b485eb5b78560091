/**
 * Search rows and field access. A row is a base record plus, for a join that multiplies rows
 * (customer → msesubsidiary), one joined record; joins through a select field (customer →
 * subsidiary, currency, a custom select) are looked up per row. One level deep, as SuiteScript
 * search joins are.
 */
import { NsError, unsupported } from "../errors.js";
import type { Catalog, FieldDef, ManyJoinDef, RecordTypeDef } from "./catalog.js";
import type { Db, Values } from "./db.js";
import { STANDARD_FIELDS } from "./standard-fields.js";
import type { Texts } from "./texts.js";

/** Fields and joins an account without OneWorld (or Multi-Subsidiary Customer) lacks: NetSuite's own error there. */
const ONEWORLD_NAMES: ReadonlySet<string> = new Set(["msesubsidiary", "subsidiary", "subsidiarynohierarchy"]);

import type { FieldValue } from "./types.js";

export interface SearchContext {
  catalog: Catalog;
  db: Db;
  texts: Texts;
  now: Date;
}

export interface JoinedRecord {
  id: number;
  values: Values;
}

export interface Row {
  id: number;
  values: Values;
  /** The row's record of the multiplying join, when the search uses one (null: none linked). */
  many?: JoinedRecord | null;
}

export interface Accessor {
  /** The field's definition; `internalid` is a select on its own record type. */
  def: FieldDef;
  /** The multiplying join it reads through, if any. */
  manyJoin?: string;
  get(row: Row): FieldValue;
}

export type Usage = "filter" | "column";

function invalidField(usage: Usage, name: string): NsError {
  return usage === "filter"
    ? new NsError(
        "SSS_INVALID_SRCH_FILTER",
        `An nlobjSearchFilter contains invalid search criteria: ${name}.`,
      )
    : new NsError(
        "SSS_INVALID_SRCH_COL",
        `An nlobjSearchColumn contains an invalid column, or is not in proper syntax: ${name}.`,
      );
}

function invalidJoin(usage: Usage, join: string): NsError {
  return usage === "filter"
    ? new NsError(
        "SSS_INVALID_SRCH_FILTER_JOIN",
        `An nlobjSearchFilter contains an invalid join ID, or is not in proper syntax: ${join}.`,
      )
    : new NsError(
        "SSS_INVALID_SRCH_COLUMN_JOIN",
        `An nlobjSearchColumn contains an invalid join ID, or is not in proper syntax: ${join}.`,
      );
}

/** The field `name` of a record type, or `internalid`; throws the usage's invalid-field error. */
function fieldOf(type: RecordTypeDef, name: string, usage: Usage): FieldDef {
  const lower = name.toLowerCase();
  if (lower.startsWith("formula")) throw unsupported(`search formula ${name}`);
  if (lower === "internalid")
    return { id: "internalid", label: "Internal ID", type: "select", target: type.id };
  const def = type.fields.get(lower);
  if (def) return def;
  if (type.joinOnly)
    throw unsupported(
      `search field ${type.id}.${lower} (the emulator knows ${[...type.fields.keys()].join(", ")} of the ${type.id} join)`,
    );
  // A field NetSuite documents for the type that the emulator does not model is the emulator's gap,
  // not the script's mistake (data/standard-fields.ts lists what NetSuite documents).
  if (STANDARD_FIELDS[type.id]?.search.includes(lower) && !ONEWORLD_NAMES.has(lower)) {
    throw unsupported(`search field ${type.id}.${lower}`);
  }
  throw invalidField(usage, name);
}

function read(def: FieldDef, id: number, values: Values): FieldValue {
  return def.id === "internalid" ? String(id) : (values[def.id] ?? null);
}

/** Splits `"msesubsidiary.internalid"` (filter expressions, lookupFields) into join and field. */
export function splitName(name: string, join?: string): { name: string; join?: string } {
  if (join) return { name, join };
  const dot = name.indexOf(".");
  return dot < 0 ? { name } : { join: name.slice(0, dot), name: name.slice(dot + 1) };
}

export function accessor(
  ctx: SearchContext,
  baseType: string,
  name: string,
  join: string | undefined,
  usage: Usage,
): Accessor {
  const base = ctx.catalog.require(baseType);
  if (!join) {
    const def = fieldOf(base, name, usage);
    return { def, get: (row) => read(def, row.id, row.values) };
  }
  const joinKey = join.toLowerCase();
  const many = base.manyJoins[joinKey];
  if (many) {
    const def = fieldOf(ctx.catalog.require(many.target), name, usage);
    return {
      def,
      manyJoin: joinKey,
      get: (row) => (row.many ? read(def, row.many.id, row.many.values) : null),
    };
  }
  const link = base.fields.get(joinKey);
  const joined = link?.type === "select" && link.target ? ctx.catalog.joinTarget(link.target) : undefined;
  if (!link || !joined) {
    if (STANDARD_FIELDS[base.id]?.joins?.includes(joinKey) && !ONEWORLD_NAMES.has(joinKey)) {
      throw unsupported(`search join ${base.id}.${joinKey}`);
    }
    throw invalidJoin(usage, join);
  }
  const target = joined;
  const def = fieldOf(target, name, usage);
  const cache = new Map<string, Values | undefined>();
  return {
    def,
    get: (row) => {
      const ref = row.values[link.id];
      if (typeof ref !== "string") return null;
      if (!cache.has(ref)) cache.set(ref, ctx.db.get(target.id, Number(ref)));
      const values = cache.get(ref);
      return values ? read(def, Number(ref), values) : null;
    },
  };
}

/** The base records as rows; with a multiplying join, one row per linked record (at least one). */
export function loadRows(ctx: SearchContext, baseType: string, manyJoin: string | undefined): Row[] {
  const base = ctx.catalog.require(baseType);
  const records = ctx.db.all(base.id);
  if (!manyJoin) return records;
  const join = base.manyJoins[manyJoin] as ManyJoinDef;
  const targets = new Map(ctx.db.all(join.target).map((r) => [String(r.id), r]));
  const links = new Map<string, JoinedRecord[]>();
  for (const link of ctx.db.all(join.via)) {
    const back = link.values[join.backField];
    const target = targets.get(String(link.values[join.targetField]));
    if (typeof back !== "string" || !target) continue;
    const list = links.get(back) ?? [];
    list.push(target);
    links.set(back, list);
  }
  const rows: Row[] = [];
  for (const record of records) {
    const linked = links.get(String(record.id));
    if (!linked) rows.push({ ...record, many: null });
    else for (const target of linked) rows.push({ ...record, many: target });
  }
  return rows;
}

/** The rows of one record (lookupFields): itself, or once per linked record of a multiplying join. */
export function loadRowsFor(
  ctx: SearchContext,
  baseType: string,
  record: JoinedRecord,
  manyJoin: string | undefined,
): Row[] {
  if (!manyJoin) return [record];
  const join = ctx.catalog.require(baseType).manyJoins[manyJoin] as ManyJoinDef;
  const links =
    join.backField === "entity"
      ? ctx.db.byEntity(join.via, String(record.id))
      : ctx.db.all(join.via).filter((l) => l.values[join.backField] === String(record.id));
  const rows: Row[] = [];
  for (const link of links) {
    const id = Number(link.values[join.targetField]);
    const values = ctx.db.get(join.target, id);
    if (values) rows.push({ ...record, many: { id, values } });
  }
  return rows.length > 0 ? rows : [{ ...record, many: null }];
}
