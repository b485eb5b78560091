/** Stripe's list endpoints: `limit` 1–100 (default 10), `starting_after` / `ending_before` cursors. */
import type { Ctx } from "./context.js";
import { expandList, hash, str } from "./context.js";
import { invalidRequest, noSuch, type StripeApiError, unsupported } from "./errors.js";
import { expandListBody } from "./expand.js";
import type { ListQuery, StripeObject } from "./store.js";

/** Docs: "Limit can range between 1 and 100, and the default is 10." (the contract's `limit`). */
export const MAX_LIMIT = 100;

/**
 * A `limit` outside 1..100. Below 1: "This value must be greater than or equal to 1." with status
 * 400, Stripe's wording for a number under its minimum (stripe/stripe-php#943, #982); param `limit`
 * assumed. Above 100: Stripe's answer (refusal or a capped page) was not found.
 */
export function limitRefusal(limit: number): StripeApiError | undefined {
  if (limit < 1) return invalidRequest("This value must be greater than or equal to 1.", "limit");
  if (limit > MAX_LIMIT)
    return unsupported(
      `limit ${limit}: Stripe documents 1 to ${MAX_LIMIT}; its answer to more is not known.`,
      "limit",
    );
  return undefined;
}

export function listQuery(ctx: Ctx, resource: string): ListQuery {
  const { params } = ctx;
  const limit = params.limit === undefined ? 10 : Number(params.limit);
  const refused = limitRefusal(limit);
  if (refused) throw refused;
  if (params.starting_after !== undefined && params.ending_before !== undefined) {
    // Stripe's 400, no code (arlyon/async-stripe#753; also stripe/stripe-python#585,
    // stripe/stripe-dotnet#1848). No param is recorded.
    throw invalidRequest(
      "Received both starting_after and ending_before parameters. Please pass in only one.",
    );
  }
  const query: ListQuery = { limit };
  for (const [param, key] of [
    ["starting_after", "startingAfter"],
    ["ending_before", "endingBefore"],
  ] as const) {
    const cursor = str(params, param);
    if (cursor === undefined) continue;
    if (!ctx.state.store.get(ctx.account.id, cursor)) throw noSuch(resource, cursor, param);
    query[key] = cursor;
  }
  const created = params.created;
  if (typeof created === "number") query.created = { gte: created, lte: created };
  else {
    const range = hash(params, "created");
    if (range) query.created = range as ListQuery["created"];
  }
  return query;
}

/** The list object Stripe answers with, items expanded as `expand[]=data.…` asks. */
export function listBody(ctx: Ctx, page: { data: StripeObject[]; hasMore: boolean }, url = ctx.path) {
  return {
    object: "list",
    data: expandListBody(ctx.state.store, ctx.account.id, page.data, expandList(ctx.params)),
    has_more: page.hasMore,
    url,
  };
}

/**
 * One page of the objects of `type` that `keep` accepts, as Stripe's filtered lists page (events by
 * `type`, payment methods by `type`, portal configurations by `active`): rows it drops do not count, so
 * it reads on, away from the cursor, until the page is full. With `ending_before` the page is the kept
 * objects just newer than the cursor, read oldest first from it and returned newest first.
 */
export function filteredPage(
  ctx: Ctx,
  type: string,
  query: ListQuery,
  keep: (object: StripeObject) => boolean,
): { data: StripeObject[]; hasMore: boolean } {
  const backwards = query.endingBefore !== undefined;
  const { startingAfter: _after, endingBefore: _before, ...base } = query;
  const data: StripeObject[] = [];
  let cursor = backwards ? query.endingBefore : query.startingAfter;
  let hasMore = false;
  for (;;) {
    const rows = ctx.state.store.list(ctx.account.id, type, {
      ...base,
      limit: 100,
      ...(cursor === undefined ? {} : backwards ? { endingBefore: cursor } : { startingAfter: cursor }),
    });
    const nearestFirst = backwards ? [...rows.data].reverse() : rows.data;
    for (const object of nearestFirst) {
      if (!keep(object)) continue;
      if (data.length === query.limit) {
        hasMore = true;
        break;
      }
      data.push(object);
    }
    const last = nearestFirst.at(-1);
    if (hasMore || !rows.hasMore || !last) break;
    cursor = last.id;
  }
  return { data: backwards ? data.reverse() : data, hasMore };
}
