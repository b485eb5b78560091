/** Stripe's list endpoints: `limit` 1–100 (default 10), `starting_after` / `ending_before` cursors. */
import type { Ctx } from "./context.js";
import { expandList, hash, str } from "./context.js";
import { invalidRequest, noSuch } from "./errors.js";
import { expandListBody } from "./expand.js";
import type { ListQuery, StripeObject } from "./store.js";

export function listQuery(ctx: Ctx, resource: string): ListQuery {
  const { params } = ctx;
  const limit = params.limit === undefined ? 10 : Number(params.limit);
  if (limit < 1) throw invalidRequest("This value must be greater than or equal to 1.", "limit");
  if (limit > 100) throw invalidRequest("This value must be less than or equal to 100.", "limit");
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
