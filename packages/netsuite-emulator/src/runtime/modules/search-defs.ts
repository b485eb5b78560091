/**
 * N/search enums, Column and Filter objects, and their plain definitions for the data layer
 * (Oracle: "search.Column", "search.Filter", "search.Operator", "search.Summary", "search.Sort").
 */

import type { FilterExpression, SearchColumnDef, SearchFilterDef } from "../../data/types.js";
import { NsError, unsupported } from "../../errors.js";
import { enumOf, type Options, optionalString, options, required } from "./util.js";

export const Operator = enumOf({
  AFTER: "after",
  ALLOF: "allof",
  ANY: "any",
  ANYOF: "anyof",
  BEFORE: "before",
  BETWEEN: "between",
  CONTAINS: "contains",
  DOESNOTCONTAIN: "doesnotcontain",
  DOESNOTSTARTWITH: "doesnotstartwith",
  EQUALTO: "equalto",
  GREATERTHAN: "greaterthan",
  GREATERTHANOREQUALTO: "greaterthanorequalto",
  HASKEYWORDS: "haskeywords",
  IS: "is",
  ISEMPTY: "isempty",
  ISNOT: "isnot",
  ISNOTEMPTY: "isnotempty",
  LESSTHAN: "lessthan",
  LESSTHANOREQUALTO: "lessthanorequalto",
  NONEOF: "noneof",
  NOTAFTER: "notafter",
  NOTALLOF: "notallof",
  NOTBEFORE: "notbefore",
  NOTBETWEEN: "notbetween",
  NOTEQUALTO: "notequalto",
  NOTGREATERTHAN: "notgreaterthan",
  NOTGREATERTHANOREQUALTO: "notgreaterthanorequalto",
  NOTLESSTHAN: "notlessthan",
  NOTLESSTHANOREQUALTO: "notlessthanorequalto",
  NOTON: "noton",
  NOTONORAFTER: "notonorafter",
  NOTONORBEFORE: "notonorbefore",
  NOTWITHIN: "notwithin",
  ON: "on",
  ONORAFTER: "onorafter",
  ONORBEFORE: "onorbefore",
  STARTSWITH: "startswith",
  WITHIN: "within",
});

export const Sort = enumOf({ ASC: "ASC", DESC: "DESC", NONE: "NONE" });

export const Summary = enumOf({
  GROUP: "GROUP",
  COUNT: "COUNT",
  SUM: "SUM",
  AVG: "AVG",
  MIN: "MIN",
  MAX: "MAX",
});

/** search.Type: search type IDs (a subset; custom record types are passed as `customrecord_…`). */
export const SearchType = enumOf({
  ACCOUNT: "account",
  CLASSIFICATION: "classification",
  CONTACT: "contact",
  CURRENCY: "currency",
  CUSTOMER: "customer",
  CUSTOMER_SUBSIDIARY_RELATIONSHIP: "customersubsidiaryrelationship",
  DEPARTMENT: "department",
  EMPLOYEE: "employee",
  ENTITY: "entity",
  INVOICE: "invoice",
  ITEM: "item",
  LOCATION: "location",
  SALES_ORDER: "salesorder",
  SAVED_SEARCH: "savedsearch",
  SCHEDULED_SCRIPT_INSTANCE: "scheduledscriptinstance",
  SCRIPT_DEPLOYMENT: "scriptdeployment",
  SUBSIDIARY: "subsidiary",
  TRANSACTION: "transaction",
  VENDOR: "vendor",
});

const OPERATORS = new Set<string>(Object.values(Operator));

/** search.Column: `label` stays undefined unless a custom label was given (reference/netsuite.md). */
export class Column {
  readonly name: string;
  readonly join: string | undefined;
  readonly summary: string | undefined;
  readonly formula: string | undefined;
  readonly function: string | undefined;
  label: string | undefined;
  sort: string;

  constructor(def: SearchColumnDef) {
    this.name = def.name;
    this.join = def.join;
    this.summary = def.summary;
    this.formula = def.formula;
    this.function = def.function;
    this.label = def.label;
    this.sort = def.sort ?? "NONE";
  }

  setWhenOrderedBy(): this {
    throw unsupported("N/search.Column.setWhenOrderedBy");
  }

  toDef(): SearchColumnDef {
    const def: SearchColumnDef = { name: this.name };
    if (this.join !== undefined) def.join = this.join;
    if (this.label !== undefined) def.label = this.label;
    if (this.sort !== "NONE") def.sort = this.sort as "ASC" | "DESC";
    if (this.summary !== undefined) def.summary = this.summary;
    if (this.formula !== undefined) def.formula = this.formula;
    if (this.function !== undefined) def.function = this.function;
    return def;
  }

  /** The key of this column in `Result.toJSON().values`: `name`, `join.name`, `SUMMARY(name)`. */
  get key(): string {
    const base = this.join ? `${this.join}.${this.name}` : this.name;
    return this.summary ? `${this.summary.toUpperCase()}(${base})` : base;
  }

  toJSON(): Record<string, unknown> {
    return { name: this.name, join: this.join, summary: this.summary, label: this.label, type: undefined };
  }
}

export class Filter {
  readonly name: string;
  readonly join: string | undefined;
  readonly operator: string;
  readonly summary: string | undefined;
  readonly formula: string | undefined;
  readonly values: (string | number | boolean)[];

  constructor(def: SearchFilterDef) {
    this.name = def.name;
    this.join = def.join;
    this.operator = def.operator;
    this.summary = def.summary;
    this.formula = def.formula;
    this.values = [...def.values];
  }

  toDef(): SearchFilterDef {
    const def: SearchFilterDef = { name: this.name, operator: this.operator, values: [...this.values] };
    if (this.join !== undefined) def.join = this.join;
    if (this.summary !== undefined) def.summary = this.summary;
    if (this.formula !== undefined) def.formula = this.formula;
    return def;
  }
}

/** `"subsidiary.name"` → join `subsidiary`, name `name`; 2.x accepts the dotted form for joined columns. */
function splitJoin(name: string): { name: string; join?: string } {
  const dot = name.indexOf(".");
  return dot > 0 ? { join: name.slice(0, dot), name: name.slice(dot + 1) } : { name };
}

export function createColumn(arg: unknown): Column {
  const opts = options(arg);
  const name = String(required(opts, "name", "search.createColumn"));
  const def: SearchColumnDef = { name };
  const join = optionalString(opts, "join");
  if (join !== undefined) def.join = join;
  const label = optionalString(opts, "label");
  if (label !== undefined) def.label = label;
  const sort = optionalString(opts, "sort");
  if (sort !== undefined) def.sort = sort.toUpperCase() as "ASC" | "DESC" | "NONE";
  const summary = optionalString(opts, "summary");
  if (summary !== undefined) def.summary = summary.toUpperCase();
  const formula = optionalString(opts, "formula");
  if (formula !== undefined) def.formula = formula;
  const fn = optionalString(opts, "function");
  if (fn !== undefined) def.function = fn;
  return new Column(def);
}

function filterValues(values: unknown): (string | number | boolean)[] {
  if (values === undefined || values === null) return [];
  const list = Array.isArray(values) ? values : [values];
  return list.map((v) => (typeof v === "number" || typeof v === "boolean" ? v : String(v)));
}

export function createFilter(arg: unknown): Filter {
  const opts: Options = options(arg);
  const name = String(required(opts, "name", "search.createFilter"));
  const operator = String(required(opts, "operator", "search.createFilter")).toLowerCase();
  if (!OPERATORS.has(operator)) {
    throw new NsError(
      "SSS_INVALID_SRCH_OPERATOR",
      `An nlobjSearchFilter contains an invalid operator: ${operator}`,
    );
  }
  const def: SearchFilterDef = { name, operator, values: filterValues(opts.values) };
  const join = optionalString(opts, "join");
  if (join !== undefined) def.join = join;
  const summary = optionalString(opts, "summary");
  if (summary !== undefined) def.summary = summary.toUpperCase();
  const formula = optionalString(opts, "formula");
  if (formula !== undefined) def.formula = formula;
  return new Filter(def);
}

/** Columns as given to search.create: Column objects, `{name, join, …}` objects or strings. */
export function toColumns(columns: unknown): Column[] {
  if (columns === undefined || columns === null) return [];
  const list = Array.isArray(columns) ? columns : [columns];
  return list.map((c) => {
    if (c instanceof Column) return c;
    if (typeof c === "string") return new Column(splitJoin(c));
    return createColumn(c);
  });
}

function isFilterExpression(filters: unknown[]): boolean {
  // An expression is a list of terms (arrays) and "AND"/"OR"/"NOT" strings, or a single term.
  return filters.some((f) => Array.isArray(f) || typeof f === "string");
}

/** Filters as given to search.create: Filter objects or a filter expression. */
export function toFilters(filters: unknown): { filters: Filter[]; expression?: FilterExpression } {
  if (filters === undefined || filters === null) return { filters: [] };
  if (!Array.isArray(filters))
    return { filters: [filters instanceof Filter ? filters : createFilter(filters)] };
  if (isFilterExpression(filters)) return { filters: [], expression: normaliseExpression(filters) };
  return { filters: filters.map((f) => (f instanceof Filter ? f : createFilter(f))) };
}

/** Copies an expression out of the script's realm as plain arrays, lower-casing operators. */
function normaliseExpression(expression: unknown[]): FilterExpression {
  const isTerm =
    expression.length >= 2 && typeof expression[0] === "string" && typeof expression[1] === "string";
  const head = String(expression[0]).toUpperCase();
  if (isTerm && !["AND", "OR", "NOT"].includes(head)) {
    const [name, operator, ...values] = expression;
    const op = String(operator).toLowerCase();
    if (!OPERATORS.has(op)) {
      throw new NsError(
        "SSS_INVALID_SRCH_OPERATOR",
        `An nlobjSearchFilter contains an invalid operator: ${op}`,
      );
    }
    const flat = values.length === 1 && Array.isArray(values[0]) ? (values[0] as unknown[]) : values;
    return [String(name), op, ...filterValues(flat)];
  }
  return expression.map((part) =>
    Array.isArray(part) ? normaliseExpression(part) : String(part).toUpperCase(),
  );
}
