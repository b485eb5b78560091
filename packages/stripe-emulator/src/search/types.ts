// The shapes shared by the search parser, matcher and runner.

/**
 * A searchable field's type, as Stripe's docs list them per resource: `token` fields take exact
 * matches only, `string` fields also substring (`~`), `numeric` fields also `>`, `<`, `>=`, `<=`.
 * `metadata` is a token field addressed as `metadata['key']`.
 */
export type SearchFieldType = "token" | "string" | "numeric" | "metadata";

/** The fields one resource can be searched on, and the resource name Stripe uses in errors. */
export interface SearchFieldSpec {
  /** `customers`: appears in Stripe's unsupported-field message and its docs anchor. */
  readonly resource: string;
  readonly fields: Readonly<Record<string, SearchFieldType>>;
}

export type SearchOperator = ":" | "~" | ">" | "<" | ">=" | "<=";

interface ClauseBase {
  /** Written with a leading `-`: the clause matches the records the bare clause does not. */
  readonly negated: boolean;
  /** The field as written, `email` or `metadata`. */
  readonly field: string;
  readonly type: SearchFieldType;
  /** The metadata key of `metadata['key']`, null for every other field. */
  readonly key: string | null;
}

/** `field:null`: the field is empty (absent, null or ""); negated, it is present. */
export interface NullClause extends ClauseBase {
  readonly kind: "null";
  readonly operator: ":";
}

/** A string compared with `:` (exact, case-insensitive) or `~` (substring, case-insensitive). */
export interface TextClause extends ClauseBase {
  readonly kind: "text";
  readonly operator: ":" | "~";
  readonly value: string;
}

/** A number compared with `:` (equal) or one of the comparators. */
export interface NumberClause extends ClauseBase {
  readonly kind: "number";
  readonly operator: ":" | ">" | "<" | ">=" | "<=";
  readonly value: number;
}

export type SearchClause = NullClause | TextClause | NumberClause;

/** A parsed query: one to ten clauses joined all by AND or all by OR (Stripe allows no mixing). */
export interface SearchQuery {
  readonly combinator: "AND" | "OR";
  readonly clauses: readonly SearchClause[];
}

/** Stripe's `search_result` list object (spec title `SearchResult`). */
export interface SearchResult {
  object: "search_result";
  url: string;
  has_more: boolean;
  data: Record<string, unknown>[];
  next_page: string | null;
  /** Only when the request asks for it with `expand[]=total_count`, as on Stripe. */
  total_count?: number;
}
