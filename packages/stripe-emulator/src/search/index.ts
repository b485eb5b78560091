// Stripe's Search Query Language for the emulator's `/v1/<resource>/search` endpoints.
export { CUSTOMER_SEARCH_FIELDS } from "./fields.js";
export { matchesSearch } from "./match.js";
export { type ParseResult, parseSearchQuery } from "./parse.js";
export { runSearch, type SearchOutcome, type SearchParams } from "./run.js";
export type {
  NullClause,
  NumberClause,
  SearchClause,
  SearchFieldSpec,
  SearchFieldType,
  SearchOperator,
  SearchQuery,
  SearchResult,
  TextClause,
} from "./types.js";
