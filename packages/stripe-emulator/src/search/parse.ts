// Stripe's Search Query Language (docs.stripe.com/search#search-query-language): clauses
// `field:value`, `field~value`, `field>value` (and `<`, `>=`, `<=`), `metadata['key']:value`,
// `-` to negate, joined by whitespace (AND), `AND` or `OR` (either case, never both in one query,
// no parentheses), at most 10 clauses. String values must be quoted; numbers and `null` need not be.
import type { StripeErrorBody } from "@nss/stripe-spec";
import { searchErrors } from "./errors.js";
import { type LexItem, lex, type RawClause } from "./lexer.js";
import type {
  NullClause,
  NumberClause,
  SearchClause,
  SearchFieldSpec,
  SearchOperator,
  SearchQuery,
  TextClause,
} from "./types.js";

export type ParseResult = { ok: true; query: SearchQuery } | { ok: false; error: StripeErrorBody };

const MAX_CLAUSES = 10;
const MIN_SUBSTRING = 3;
const NUMBER = /^-?\d+(?:\.\d+)?$/;

export function parseSearchQuery(query: string, fields: SearchFieldSpec): ParseResult {
  const items = lex(query);
  if (!items) return fail(searchErrors.unparsable());
  const joined = join(items);
  if ("error" in joined) return fail(joined.error);
  const { raws, combinator } = joined;
  if (raws.length > MAX_CLAUSES) return fail(searchErrors.tooManyClauses(raws.length, MAX_CLAUSES));

  const clauses: SearchClause[] = [];
  for (const raw of raws) {
    const clause = checkClause(raw, fields);
    if ("error" in clause) return fail(clause.error);
    clauses.push(clause.clause);
  }
  return { ok: true, query: { combinator, clauses } };
}

function fail(error: StripeErrorBody): ParseResult {
  return { ok: false, error };
}

/**
 * Checks that keywords only stand between clauses and settles the combinator. Clauses separated by
 * whitespace alone are ANDed, so `a:1 b:2 OR c:3` mixes AND and OR just as `a:1 AND b:2 OR c:3` does.
 */
function join(
  items: readonly LexItem[],
): { raws: RawClause[]; combinator: "AND" | "OR" } | { error: StripeErrorBody } {
  const raws: RawClause[] = [];
  const used = new Set<"AND" | "OR">();
  let pending: "AND" | "OR" | null = null;
  for (const item of items) {
    if (item.kind === "keyword") {
      if (raws.length === 0 || pending !== null) return { error: searchErrors.unparsable() };
      pending = item.word;
      continue;
    }
    if (raws.length > 0) used.add(pending ?? "AND");
    pending = null;
    raws.push(item.clause);
  }
  if (raws.length === 0 || pending !== null) return { error: searchErrors.unparsable() };
  if (used.size > 1) return { error: searchErrors.mixedAndOr() };
  return { raws, combinator: used.has("OR") ? "OR" : "AND" };
}

type Checked = { clause: SearchClause } | { error: StripeErrorBody };
type NumberOperator = NumberClause["operator"];
type TextOperator = TextClause["operator"];

function checkClause(raw: RawClause, spec: SearchFieldSpec): Checked {
  const type = Object.hasOwn(spec.fields, raw.field) ? spec.fields[raw.field] : undefined;
  if (type === undefined) return { error: searchErrors.unsupportedField(raw.field, spec.resource) };
  // Only metadata is addressed with a key, and metadata always is.
  if ((type === "metadata") !== (raw.key !== null) || raw.key === "")
    return { error: searchErrors.unparsable() };

  const base = { negated: raw.negated, field: raw.field, type, key: raw.key };
  const { quoted, text } = raw.value;
  const isNull = !quoted && text.toLowerCase() === "null";
  // "You must use quotation marks around string values. Quotation marks are optional for numeric values."
  if (!quoted && !isNull && !NUMBER.test(text)) return { error: searchErrors.unparsable() };

  const operator = raw.operator;
  if (type === "numeric") {
    if (!isNumberOperator(operator)) return { error: unsupported(raw, spec) };
    if (isNull) return nullClause(raw, base);
    if (!NUMBER.test(text)) return { error: searchErrors.notANumber(raw.field, text) };
    return { clause: { ...base, kind: "number", operator, value: Number(text) } };
  }
  // Token fields (metadata included) take exact matches only; string fields also take `~`.
  if (!isTextOperator(operator) || (operator === "~" && type !== "string")) {
    return { error: unsupported(raw, spec) };
  }
  if (isNull) return nullClause(raw, base);
  if (operator === "~" && [...text].length < MIN_SUBSTRING) {
    return { error: searchErrors.substringTooShort(raw.field, text) };
  }
  return { clause: { ...base, kind: "text", operator, value: text } };
}

function nullClause(raw: RawClause, base: Omit<NullClause, "kind" | "operator">): Checked {
  if (raw.operator !== ":") return { error: searchErrors.nullNeedsColon(raw.field, raw.operator) };
  return { clause: { ...base, kind: "null", operator: ":" } };
}

function unsupported(raw: RawClause, spec: SearchFieldSpec): StripeErrorBody {
  return searchErrors.unsupportedOperator(raw.operator, raw.field, spec.resource);
}

function isNumberOperator(operator: SearchOperator): operator is NumberOperator {
  return operator !== "~";
}

function isTextOperator(operator: SearchOperator): operator is TextOperator {
  return operator === ":" || operator === "~";
}
