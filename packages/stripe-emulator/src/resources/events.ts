/** Events: retrieve and list (by `type`, `types[]`, `created`, `delivery_success`), newest first. */
import type { Handler } from "../context.js";
import { str } from "../context.js";
import { noSuch, type StripeApiError, unsupported } from "../errors.js";
import { filteredPage, listBody, listQuery } from "../list.js";
import type { StripeObject } from "../store.js";

/** The contract's `types`: "An array of up to 20 strings ... You may pass either `type` or `types`, but not both." */
const MAX_TYPES = 20;

const retrieve: Handler = (ctx) => {
  const id = ctx.pathParams.id ?? "";
  const found = ctx.state.store.get(ctx.account.id, id);
  if (found?.object.object !== "event") throw noSuch("event", id);
  return { body: found.object };
};

/**
 * Filters Stripe documents limits for but whose refusal wording was not found (more than 20 `types`
 * is a 400: FriendlyCaptcha/friendly-stripe-sync#20).
 */
function filterRefusal(params: Record<string, unknown>): StripeApiError | undefined {
  if (params.type !== undefined && params.types !== undefined)
    return unsupported("type with types: Stripe takes one or the other; its wording is not known.", "types");
  if (Array.isArray(params.types) && params.types.length > MAX_TYPES)
    return unsupported(
      `${params.types.length} types: Stripe takes up to ${MAX_TYPES}; its wording is not known.`,
      "types",
    );
  return undefined;
}

/**
 * The contract's `delivery_success`: "Filter events by whether all webhooks were successfully delivered.
 * If false, events which are still pending or have failed all delivery attempts to a webhook endpoint
 * will be returned." (spec3.yaml, GetEvents). An event's `pending_webhooks` is the "Number of webhooks
 * that have yet to be successfully delivered" (spec3.yaml, event), so false keeps those above 0 and true
 * those at 0. A value other than true or false never gets here: stripe-spec refuses it as Stripe does
 * ("Invalid boolean: …").
 */
function deliveryMatcher(deliverySuccess: unknown): (event: StripeObject) => boolean {
  if (typeof deliverySuccess !== "boolean") return () => true;
  return (event) => {
    const pending = typeof event.pending_webhooks === "number" ? event.pending_webhooks : 0;
    return deliverySuccess ? pending === 0 : pending > 0;
  };
}

/** `type` takes a `*` wildcard (`customer.*`), as Stripe's does. */
function typeMatcher(type: string | undefined, types: unknown): (t: unknown) => boolean {
  const wanted = Array.isArray(types) ? types.map(String) : type === undefined ? undefined : [type];
  if (wanted === undefined) return () => true;
  const patterns = wanted.map(
    (w) => new RegExp(`^${w.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`),
  );
  return (t) => typeof t === "string" && patterns.some((p) => p.test(t));
}

const list: Handler = (ctx) => {
  const refused = filterRefusal(ctx.params);
  if (refused) throw refused;
  const matches = typeMatcher(str(ctx.params, "type"), ctx.params.types);
  const delivered = deliveryMatcher(ctx.params.delivery_success);
  const page = filteredPage(
    ctx,
    "event",
    listQuery(ctx, "event"),
    (event) => matches(event.type) && delivered(event),
  );
  return { body: listBody(ctx, page) };
};

export const eventHandlers: Record<string, Handler> = { GetEventsId: retrieve, GetEvents: list };
