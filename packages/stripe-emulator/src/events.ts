/**
 * Events as Stripe builds them, stored for `GET /v1/events` and handed to the delivery of every
 * enabled webhook endpoint of the account that subscribes to the type (or to `*`).
 */
import { newId, unixSeconds } from "./ids.js";
import { toStripeJson } from "./json.js";
import type { Store, StoredAccount, StripeObject } from "./store.js";

/** The API version events are rendered in when an endpoint names none (the contract's version). */
export const DEFAULT_API_VERSION = "2023-08-16";

export interface EventRequest {
  id: string | null;
  idempotencyKey: string | null;
}

export interface Deliverer {
  enqueue(
    account: string,
    endpoint: { id: string; url: string; secret: string },
    eventId: string,
    payload: string,
  ): void;
}

export interface EventSink {
  store: Store;
  delivery: Deliverer;
  now(): number;
  /** Called for each event; the sandbox and tests may watch. */
  onEvent?: (account: StoredAccount, event: StripeObject) => void;
}

export function emitEvent(
  sink: EventSink,
  account: StoredAccount,
  type: string,
  object: StripeObject,
  request: EventRequest,
  previous?: Record<string, unknown>,
): StripeObject {
  const now = sink.now();
  const endpoints = sink.store
    .all(account.id, "webhook_endpoint")
    .filter((e) => e.status === "enabled" && subscribes(e.enabled_events, type));
  const event: StripeObject = {
    id: newId("evt", 24),
    object: "event",
    api_version: DEFAULT_API_VERSION,
    created: unixSeconds(now),
    data: previous === undefined ? { object } : { object, previous_attributes: previous },
    livemode: account.livemode,
    pending_webhooks: endpoints.length,
    request: { id: request.id, idempotency_key: request.idempotencyKey },
    type,
  };
  sink.store.insert(account.id, event, now);
  const payload = toStripeJson(event);
  for (const endpoint of endpoints) {
    const secret = endpoint._secret;
    if (typeof secret !== "string") continue;
    sink.delivery.enqueue(
      account.id,
      { id: endpoint.id, url: String(endpoint.url), secret },
      event.id,
      payload,
    );
  }
  sink.onEvent?.(account, event);
  return event;
}

function subscribes(enabled: unknown, type: string): boolean {
  return Array.isArray(enabled) && (enabled.includes("*") || enabled.includes(type));
}
