// Splits a search query into clauses and AND/OR keywords, with no knowledge of fields or types.
// Everything a clause contains is read here, quotes and escapes included, so a quoted value can
// never be mistaken for query syntax: `'x\' OR email:\'y'` is one value, not a second clause.
import type { SearchOperator } from "./types.js";

/** A clause as written, before the field and its type are checked. */
export interface RawClause {
  readonly negated: boolean;
  /** `email`, `metadata`, or a dotted path such as `billing_details.address.postal_code`. */
  readonly field: string;
  /** The quoted key of `field['key']`, else null. */
  readonly key: string | null;
  readonly operator: SearchOperator;
  /** Quoted values are unescaped text; bare ones (numbers, `null`) are the raw characters. */
  readonly value: { readonly quoted: boolean; readonly text: string };
}

export type LexItem =
  | { readonly kind: "clause"; readonly clause: RawClause }
  | { readonly kind: "keyword"; readonly word: "AND" | "OR" };

const FIELD = /[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/y;
// Longest first, so `>=` is not read as `>` followed by a value starting with `=`.
const OPERATORS: readonly SearchOperator[] = [">=", "<=", ">", "<", ":", "~"];
const SPACE = /\s/;

/** The query's items in order, or null when it is not well formed at the character level. */
export function lex(query: string): LexItem[] | null {
  const items: LexItem[] = [];
  let pos = 0;
  for (;;) {
    while (pos < query.length && SPACE.test(query.charAt(pos))) pos++;
    if (pos >= query.length) return items;
    const keyword = readKeyword(query, pos);
    if (keyword) {
      items.push({ kind: "keyword", word: keyword });
      pos += keyword.length;
      continue;
    }
    const read = readClause(query, pos);
    if (!read) return null;
    items.push({ kind: "clause", clause: read.clause });
    pos = read.end;
    // Clauses are separated by whitespace: `email:"a"name:"b"` is not two clauses.
    if (pos < query.length && !SPACE.test(query.charAt(pos))) return null;
  }
}

function readKeyword(query: string, pos: number): "AND" | "OR" | null {
  for (const word of ["AND", "OR"] as const) {
    const end = pos + word.length;
    const followed = end >= query.length || SPACE.test(query.charAt(end));
    if (followed && query.slice(pos, end).toUpperCase() === word) return word;
  }
  return null;
}

function readClause(query: string, start: number): { clause: RawClause; end: number } | null {
  let pos = start;
  const negated = query.charAt(pos) === "-";
  if (negated) pos++;

  FIELD.lastIndex = pos;
  const field = FIELD.exec(query)?.[0];
  if (field === undefined) return null;
  pos += field.length;

  let key: string | null = null;
  if (query.charAt(pos) === "[") {
    const quoted = readQuoted(query, pos + 1);
    if (!quoted || query.charAt(quoted.end) !== "]") return null;
    key = quoted.text;
    pos = quoted.end + 1;
  }

  const operator = OPERATORS.find((op) => query.startsWith(op, pos));
  if (operator === undefined) return null;
  pos += operator.length;

  const quoted = readQuoted(query, pos);
  if (quoted) {
    return {
      clause: { negated, field, key, operator, value: { quoted: true, text: quoted.text } },
      end: quoted.end,
    };
  }
  if (isQuote(query.charAt(pos))) return null; // an opening quote that never closes
  let end = pos;
  while (end < query.length && !SPACE.test(query.charAt(end))) end++;
  if (end === pos) return null;
  const text = query.slice(pos, end);
  return { clause: { negated, field, key, operator, value: { quoted: false, text } }, end };
}

function isQuote(ch: string): boolean {
  return ch === "'" || ch === '"';
}

/**
 * A single- or double-quoted string starting at `pos`. A backslash takes the next character
 * literally (`\'`, `\"`, `\\`); the docs only name quote escapes, and treating every escaped
 * character alike keeps a value such as `a\b` from silently changing meaning.
 */
function readQuoted(query: string, pos: number): { text: string; end: number } | null {
  const quote = query.charAt(pos);
  if (!isQuote(quote)) return null;
  let text = "";
  let i = pos + 1;
  while (i < query.length) {
    const ch = query.charAt(i);
    if (ch === "\\") {
      if (i + 1 >= query.length) return null;
      text += query.charAt(i + 1);
      i += 2;
    } else if (ch === quote) {
      return { text, end: i + 1 };
    } else {
      text += ch;
      i++;
    }
  }
  return null;
}
