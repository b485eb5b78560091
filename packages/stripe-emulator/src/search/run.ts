// Answers one search request over a resource's objects: parse, filter, page.
import type { StripeErrorBody } from "@nss/stripe-spec";
import { cursorScope, decodeCursor, encodeCursor, type SearchCursor } from "./cursor.js";
import { limitError, pageError } from "./errors.js";
import { CUSTOMER_SEARCH_FIELDS } from "./fields.js";
import { matchesSearch } from "./match.js";
import { parseSearchQuery } from "./parse.js";
import type { SearchFieldSpec, SearchQuery, SearchResult } from "./types.js";

export interface SearchParams {
  query: string;
  /** 1 to 100, default 10. */
  limit?: number;
  /** A `next_page` from an earlier response to the same query. */
  page?: string;
  /** `["total_count"]` adds `total_count`, as `expand[]=total_count` does on Stripe. */
  expand?: readonly string[];
}

export type SearchOutcome = { ok: true; body: SearchResult } | { ok: false; error: StripeErrorBody };

const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 100;

/**
 * `objects` come newest first (Stripe's search order for customers in practice, and the order the
 * store lists them). `url` is the endpoint path echoed in the result, e.g. `/v1/customers/search`.
 */
export function runSearch(
  objects: readonly Record<string, unknown>[],
  params: SearchParams,
  url: string,
  fields: SearchFieldSpec = CUSTOMER_SEARCH_FIELDS,
): SearchOutcome {
  const limit = params.limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
    return { ok: false, error: limitError(limit) };

  const parsed = parseSearchQuery(params.query, fields);
  if (!parsed.ok) return parsed;

  const scope = cursorScope(url, params.query);
  let start = 0;
  if (params.page !== undefined) {
    const decoded = decodeCursor(params.page, scope);
    if (!decoded.ok) return { ok: false, error: pageError(decoded.reason) };
    start = resumeIndex(objects, decoded.cursor);
  }

  const { data, hasMore } = takePage(objects, parsed.query, start, limit);
  const last = data[data.length - 1];
  const body: SearchResult = {
    object: "search_result",
    url,
    has_more: hasMore,
    data,
    next_page: hasMore && last ? encodeCursor(scope, cursorFor(last)) : null,
  };
  if (params.expand?.includes("total_count")) {
    body.total_count = objects.filter((object) => matchesSearch(parsed.query, object)).length;
  }
  return { ok: true, body };
}

/** Up to `limit` matches from `start`, and whether another match follows them. */
function takePage(
  objects: readonly Record<string, unknown>[],
  query: SearchQuery,
  start: number,
  limit: number,
): { data: Record<string, unknown>[]; hasMore: boolean } {
  const data: Record<string, unknown>[] = [];
  for (let i = start; i < objects.length; i++) {
    const object = objects[i];
    if (!object || !matchesSearch(query, object)) continue;
    if (data.length === limit) return { data, hasMore: true };
    data.push(object);
  }
  return { data, hasMore: false };
}

/**
 * Just after the cursor's object; if that object is gone, at the first object older than it.
 * Objects sharing its `created` second are then skipped: their order relative to it is unknown.
 */
function resumeIndex(objects: readonly Record<string, unknown>[], cursor: SearchCursor): number {
  const at = objects.findIndex((object) => object.id === cursor.id);
  if (at >= 0) return at + 1;
  const older = objects.findIndex(
    (object) => typeof object.created === "number" && object.created < cursor.created,
  );
  return older >= 0 ? older : objects.length;
}

function cursorFor(object: Record<string, unknown>): SearchCursor {
  return {
    id: typeof object.id === "string" ? object.id : "",
    created: typeof object.created === "number" ? object.created : 0,
  };
}
