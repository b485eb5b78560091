/**
 * Search filters and filter expressions compiled to predicates over rows. Text comparisons are
 * case-insensitive, as NetSuite's are. Negative operators (isnot, noneof, doesnotcontain, …) match
 * empty values; positive ones never do (except isempty and anyof @NONE@).
 */
import { NsError, unsupported } from "../errors.js";
import type { FieldDef } from "./catalog.js";
import { operandRange } from "./dates.js";
import { type Accessor, accessor, type Row, type SearchContext, splitName } from "./rows.js";
import type { FieldValue, FilterExpression, SearchFilterDef } from "./types.js";
import { isEmpty } from "./values.js";

export type Predicate = (row: Row) => boolean;

export interface CompiledFilters {
  test: Predicate;
  manyJoins: Set<string>;
}

type Operand = string | number | boolean;

const NEGATED: Record<string, string> = {
  isnot: "is",
  noneof: "anyof",
  doesnotcontain: "contains",
  doesnotstartwith: "startswith",
  notequalto: "equalto",
  notbetween: "between",
  noton: "on",
  notbefore: "before",
  notafter: "after",
  notwithin: "within",
  notonorbefore: "onorbefore",
  notonorafter: "onorafter",
  notlessthan: "lessthan",
  notgreaterthan: "greaterthan",
  notlessthanorequalto: "lessthanorequalto",
  notgreaterthanorequalto: "greaterthanorequalto",
};

function invalidOperator(operator: string): NsError {
  return new NsError(
    "SSS_INVALID_SRCH_OPERATOR",
    `An nlobjSearchFilter contains an invalid operator, or is not in proper syntax: ${operator}.`,
  );
}

const lower = (v: unknown): string => String(v).toLowerCase();

function asBoolean(v: Operand | undefined): boolean {
  return v === true || v === "T" || v === "t" || v === "true";
}

function asNumber(v: Operand | undefined, operator: string): number {
  const n = Number(v);
  if (v === undefined || v === "" || !Number.isFinite(n)) throw invalidOperator(operator);
  return n;
}

function asRange(v: Operand | undefined, now: Date, operator: string): [number, number] {
  const range = v === undefined ? undefined : operandRange(String(v), now);
  if (!range) throw invalidOperator(operator);
  return range;
}

/** The positive operator's test on a non-empty value. */
function positive(
  ctx: SearchContext,
  def: FieldDef,
  op: string,
  values: Operand[],
): (v: FieldValue) => boolean {
  const first = values[0];
  const ids = () => new Set(values.map((x) => String(x)));
  switch (op) {
    case "is":
      if (def.type === "checkbox") return (v) => (v === true) === asBoolean(first);
      if (["integer", "float", "currency"].includes(def.type)) return (v) => v === asNumber(first, op);
      return (v) => lower(v) === lower(first);
    case "anyof": {
      const set = ids();
      return (v) => (Array.isArray(v) ? v.some((x) => set.has(x)) : set.has(String(v))) || set.has("@ALL@");
    }
    case "contains":
    case "haskeywords":
      return (v) => text(ctx, def, v).includes(lower(first));
    case "startswith":
      return (v) => text(ctx, def, v).startsWith(lower(first));
    case "equalto":
      return (v) => Number(v) === asNumber(first, op);
    case "greaterthan":
      return (v) => Number(v) > asNumber(first, op);
    case "greaterthanorequalto":
      return (v) => Number(v) >= asNumber(first, op);
    case "lessthan":
      return (v) => Number(v) < asNumber(first, op);
    case "lessthanorequalto":
      return (v) => Number(v) <= asNumber(first, op);
    case "between": {
      const lo = asNumber(first, op);
      const hi = asNumber(values[1], op);
      return (v) => Number(v) >= lo && Number(v) <= hi;
    }
    default:
      return dateTest(ctx, op, values);
  }
}

function dateTest(ctx: SearchContext, op: string, values: Operand[]): (v: FieldValue) => boolean {
  const time = (v: FieldValue) => new Date(String(v)).getTime();
  const [start, end] = asRange(values[0], ctx.now, op);
  switch (op) {
    case "on":
      return (v) => time(v) >= start && time(v) < end;
    case "before":
      return (v) => time(v) < start;
    case "after":
      return (v) => time(v) >= end;
    case "onorbefore":
      return (v) => time(v) < end;
    case "onorafter":
      return (v) => time(v) >= start;
    case "within": {
      // within takes a relative range name or two dates (both days included).
      const last = values.length > 1 ? asRange(values[1], ctx.now, op)[1] : end;
      return (v) => time(v) >= start && time(v) < last;
    }
    default:
      throw invalidOperator(op);
  }
}

/** Lower-cased text a text operator compares: the display name for selects. */
function text(ctx: SearchContext, def: FieldDef, v: FieldValue): string {
  if (def.type === "select" || def.type === "multiselect" || def.type === "country") {
    return lower(ctx.texts.text(def, v) ?? "");
  }
  return lower(Array.isArray(v) ? v.join(",") : v);
}

const DATE_OPS = new Set(["on", "before", "after", "onorbefore", "onorafter", "within"]);
const NUMBER_OPS = new Set([
  "equalto",
  "greaterthan",
  "greaterthanorequalto",
  "lessthan",
  "lessthanorequalto",
  "between",
]);

function checkOperator(def: FieldDef, op: string): void {
  const isDate = def.type === "date" || def.type === "datetime";
  const isNumber = ["integer", "float", "currency"].includes(def.type);
  if (DATE_OPS.has(op) && !isDate) throw invalidOperator(op);
  if (NUMBER_OPS.has(op) && !isNumber) throw invalidOperator(op);
}

export function compileFilter(ctx: SearchContext, type: string, filter: SearchFilterDef): CompiledFilters {
  if (filter.formula || filter.name.toLowerCase().startsWith("formula"))
    throw unsupported("search filter formula");
  if (filter.summary) throw unsupported("search filter summary");
  const acc: Accessor = accessor(ctx, type, filter.name, filter.join, "filter");
  const op = filter.operator.toLowerCase();
  const values = filter.values.flat();
  const manyJoins = new Set(acc.manyJoin ? [acc.manyJoin] : []);
  if (op === "isempty") return { manyJoins, test: (row) => isEmpty(acc.get(row)) };
  if (op === "isnotempty") return { manyJoins, test: (row) => !isEmpty(acc.get(row)) };
  const base = NEGATED[op] ?? op;
  if (!["is", "anyof", "contains", "haskeywords", "startswith", ...NUMBER_OPS, ...DATE_OPS].includes(base)) {
    throw invalidOperator(filter.operator);
  }
  checkOperator(acc.def, base);
  const matches = positive(ctx, acc.def, base, values);
  const none = values.some((v) => v === "@NONE@");
  const negated = base !== op;
  return {
    manyJoins,
    test: (row) => {
      const v = acc.get(row);
      // A checkbox is never empty: unchecked is false.
      const hit = isEmpty(v) && acc.def.type !== "checkbox" ? base === "anyof" && none : matches(v);
      return negated ? !hit : hit;
    },
  };
}

export function compileFilterList(
  ctx: SearchContext,
  type: string,
  filters: SearchFilterDef[],
): CompiledFilters {
  const compiled = filters.map((f) => compileFilter(ctx, type, f));
  return {
    manyJoins: new Set(compiled.flatMap((c) => [...c.manyJoins])),
    test: (row) => compiled.every((c) => c.test(row)),
  };
}

function malformed(): NsError {
  return new NsError("SSS_INVALID_SRCH_FILTER_EXPR", "Malformed search filter expression.");
}

const isConnector = (x: unknown): x is string =>
  typeof x === "string" && ["and", "or"].includes(x.toLowerCase());

/** `[name, operator, ...values]`: a single filter rather than a group. */
function isTerm(x: unknown[]): boolean {
  return (
    typeof x[0] === "string" && x[0].toLowerCase() !== "not" && typeof x[1] === "string" && !isConnector(x[1])
  );
}

/** Filter expressions: AND binds tighter than OR; NOT applies to the term after it; arrays nest. */
export function compileExpression(ctx: SearchContext, type: string, expr: FilterExpression): CompiledFilters {
  const manyJoins = new Set<string>();
  const term = (x: unknown): Predicate => {
    if (!Array.isArray(x) || x.length === 0) throw malformed();
    if (!isTerm(x)) return group(x);
    const [name, operator, ...rest] = x as [string, string, ...Operand[]];
    const split = splitName(name);
    const compiled = compileFilter(ctx, type, {
      name: split.name,
      ...(split.join ? { join: split.join } : {}),
      operator,
      values: rest.flat(),
    });
    for (const j of compiled.manyJoins) manyJoins.add(j);
    return compiled.test;
  };
  const group = (items: unknown[]): Predicate => {
    const ors: Predicate[][] = [[]];
    let expectTerm = true;
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (expectTerm) {
        let negate = false;
        let next = item;
        while (typeof next === "string" && next.toLowerCase() === "not") {
          negate = !negate;
          next = items[++i];
        }
        const p = term(next);
        (ors[ors.length - 1] as Predicate[]).push(negate ? (row) => !p(row) : p);
        expectTerm = false;
      } else {
        if (!isConnector(item)) throw malformed();
        if (item.toLowerCase() === "or") ors.push([]);
        expectTerm = true;
      }
    }
    if (expectTerm) throw malformed();
    return (row) => ors.some((ands) => ands.every((p) => p(row)));
  };
  const test = expr.length === 0 ? () => true : isTerm(expr) ? term(expr) : group(expr);
  return { test, manyJoins };
}
