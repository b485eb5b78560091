/** Webhook endpoints: the signing secret is returned once, at creation, as Stripe does. */
import type { Ctx, Handler } from "../context.js";
import { str } from "../context.js";
import { invalidRequest, noSuch } from "../errors.js";
import { newId, unixSeconds } from "../ids.js";
import { listBody, listQuery } from "../list.js";
import { checkedMetadata } from "../rules/metadata.js";
import { checkUrl } from "../rules/refusals.js";
import { checkEnabledEvents } from "../rules/webhook-events.js";
import type { StripeObject } from "../store.js";
import { newSigningSecret } from "../webhooks/index.js";

/**
 * "You have reached the maximum of 16 test webhook endpoints." (code-less invalid_request_error,
 * https://github.com/PostHog/posthog/pull/83460; the exact text is matched in
 * https://github.com/getlago/lago-api/blob/main/app/services/payment_providers/stripe/register_webhook_service.rb). The live-mode wording is assumed.
 */
const MAX_ENDPOINTS = 16;

function stored(ctx: Ctx): StripeObject {
  const id = ctx.pathParams.webhook_endpoint ?? "";
  const found = ctx.state.store.get(ctx.account.id, id);
  if (found?.object.object !== "webhook_endpoint" || found.deleted) throw noSuch("webhook endpoint", id);
  return found.object;
}

/**
 * Not checked, on purpose: Stripe also refuses URLs it cannot reach from the internet (localhost, private
 * addresses), but this project's local system registers loopback receivers, so those are accepted.
 */
function checkEndpointUrl(url: unknown): void {
  checkUrl(url, "url");
}

const create: Handler = (ctx) => {
  const now = ctx.state.now();
  if (ctx.state.store.all(ctx.account.id, "webhook_endpoint").length >= MAX_ENDPOINTS) {
    throw invalidRequest(
      `You have reached the maximum of ${MAX_ENDPOINTS} ${ctx.account.livemode ? "live" : "test"} webhook endpoints.`,
    );
  }
  const url = str(ctx.params, "url") ?? "";
  checkEndpointUrl(url);
  checkEnabledEvents(ctx.params.enabled_events);
  const metadata = checkedMetadata({}, ctx.params.metadata);
  const secret = newSigningSecret();
  const endpoint: StripeObject = {
    id: newId("we", 24),
    object: "webhook_endpoint",
    api_version: str(ctx.params, "api_version") ?? null,
    application: null,
    created: unixSeconds(now),
    description: str(ctx.params, "description") ?? null,
    enabled_events: ctx.params.enabled_events,
    livemode: ctx.account.livemode,
    metadata,
    status: "enabled",
    url,
    _secret: secret,
  };
  ctx.state.store.insert(ctx.account.id, endpoint, now);
  return { body: { ...endpoint, secret } };
};

const retrieve: Handler = (ctx) => ({ body: stored(ctx) });

const update: Handler = (ctx) => {
  const now = ctx.state.now();
  const endpoint = { ...stored(ctx) };
  if ("url" in ctx.params) {
    checkEndpointUrl(ctx.params.url);
    endpoint.url = ctx.params.url;
  }
  if ("enabled_events" in ctx.params) {
    checkEnabledEvents(ctx.params.enabled_events);
    endpoint.enabled_events = ctx.params.enabled_events;
  }
  if ("description" in ctx.params)
    endpoint.description = ctx.params.description === "" ? null : ctx.params.description;
  if ("disabled" in ctx.params) endpoint.status = ctx.params.disabled === true ? "disabled" : "enabled";
  if ("metadata" in ctx.params)
    endpoint.metadata = checkedMetadata(endpoint.metadata as Record<string, string>, ctx.params.metadata);
  ctx.state.store.replace(ctx.account.id, endpoint, now, now);
  return { body: endpoint };
};

const remove: Handler = (ctx) => {
  const now = ctx.state.now();
  const endpoint = stored(ctx);
  const deleted = { id: endpoint.id, object: "webhook_endpoint", deleted: true };
  ctx.state.store.replace(ctx.account.id, deleted, now, now, true);
  return { body: deleted };
};

const list: Handler = (ctx) => ({
  body: listBody(
    ctx,
    ctx.state.store.list(ctx.account.id, "webhook_endpoint", listQuery(ctx, "webhook endpoint")),
  ),
});

export const webhookEndpointHandlers: Record<string, Handler> = {
  PostWebhookEndpoints: create,
  GetWebhookEndpointsWebhookEndpoint: retrieve,
  PostWebhookEndpointsWebhookEndpoint: update,
  DeleteWebhookEndpointsWebhookEndpoint: remove,
  GetWebhookEndpoints: list,
};
