// Whether one Stripe object (customer JSON) satisfies a parsed search query.
import type { NumberClause, SearchClause, SearchQuery, TextClause } from "./types.js";

export function matchesSearch(query: SearchQuery, object: Record<string, unknown>): boolean {
  const test = (clause: SearchClause) => matchesClause(clause, object);
  return query.combinator === "OR" ? query.clauses.some(test) : query.clauses.every(test);
}

function matchesClause(clause: SearchClause, object: Record<string, unknown>): boolean {
  const value = fieldValue(clause, object);
  const hit =
    clause.kind === "null"
      ? isEmpty(value)
      : clause.kind === "number"
        ? compareNumber(clause, value)
        : compareText(clause, value);
  // "Returns records that don't match the clause": a record without the field matches `-email:"x"`.
  return clause.negated ? !hit : hit;
}

function fieldValue(clause: SearchClause, object: Record<string, unknown>): unknown {
  if (clause.key !== null) {
    const metadata = object.metadata;
    if (!isRecord(metadata) || !Object.hasOwn(metadata, clause.key)) return undefined;
    return metadata[clause.key];
  }
  let current: unknown = object;
  for (const step of clause.field.split(".")) {
    if (!isRecord(current) || !Object.hasOwn(current, step)) return undefined;
    current = current[step];
  }
  return current;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `field:null` is documented as "field is empty": absent, JSON null, or the empty string. */
function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === "";
}

function compareNumber(clause: NumberClause, value: unknown): boolean {
  if (typeof value !== "number") return false;
  switch (clause.operator) {
    case ":":
      return value === clause.value;
    case ">":
      return value > clause.value;
    case "<":
      return value < clause.value;
    case ">=":
      return value >= clause.value;
    case "<=":
      return value <= clause.value;
  }
}

function compareText(clause: TextClause, value: unknown): boolean {
  if (typeof value !== "string" && typeof value !== "number") return false;
  const actual = String(value).toLowerCase();
  const wanted = clause.value.toLowerCase();
  if (clause.operator === "~") return actual.includes(wanted);
  // Token fields (metadata) compare the whole value. On string fields the docs define exact match
  // as "contains all of the words from the query in the same order": name:"one two three" matches
  // "one two three four". Words here are runs of non-whitespace, so an email matches as a whole.
  return clause.type === "string" ? containsPhrase(actual, wanted) : actual === wanted;
}

function containsPhrase(actual: string, wanted: string): boolean {
  const have = words(actual);
  const want = words(wanted);
  if (want.length === 0) return have.length === 0;
  for (let start = 0; start + want.length <= have.length; start++) {
    if (want.every((word, i) => have[start + i] === word)) return true;
  }
  return false;
}

function words(text: string): string[] {
  return text.split(/\s+/).filter((word) => word !== "");
}
