/** Events: retrieve and list (by `type`, `types[]`, `created`), newest first. */
import type { Handler } from "../context.js";
import { str } from "../context.js";
import { noSuch } from "../errors.js";
import { filteredPage, listBody, listQuery } from "../list.js";

const retrieve: Handler = (ctx) => {
  const id = ctx.pathParams.id ?? "";
  const found = ctx.state.store.get(ctx.account.id, id);
  if (found?.object.object !== "event") throw noSuch("event", id);
  return { body: found.object };
};

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
  const matches = typeMatcher(str(ctx.params, "type"), ctx.params.types);
  const page = filteredPage(ctx, "event", listQuery(ctx, "event"), (event) => matches(event.type));
  return { body: listBody(ctx, page) };
};

export const eventHandlers: Record<string, Handler> = { GetEventsId: retrieve, GetEvents: list };
