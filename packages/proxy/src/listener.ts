/**
 * The Node request listener. `POST /customer-webhook`, every Stripe event, is served here directly;
 * every other request goes to the Hono app through @hono/node-server. For this one route Hono and its
 * adapter (a web Request, routing, a Response, header conversion) are work on every event that adds
 * nothing: the pipeline is the same function either way (`WebhookHandler`).
 *
 * Only requests the adapter would take verbatim are served here, so the route, the `pp_url` read and
 * the answer's bytes are what Hono gives; anything unusual (an encoded path, an odd Host) goes to Hono.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { getRequestListener } from "@hono/node-server";
import type { Hono } from "hono";
import { getQueryParam } from "hono/utils/url";
import { discardUnreadBody, readIncomingBody } from "./body.js";
import { INTERNAL_ERROR, logUnexpected } from "./errors.js";
import { type LogFields, type Logger, logRequest, type RequestLogger } from "./log.js";
import type { WebhookAnswer, WebhookHandler } from "./webhook.js";

export type NodeListener = (incoming: IncomingMessage, outgoing: ServerResponse) => void;

const WEBHOOK_PATH = "/customer-webhook";
/** The path and a query of the characters the adapter takes as they are (its `reValidRequestUrl`). */
const WEBHOOK_URL = /^\/customer-webhook(?:\?[!#$&-;=?-[\]_a-z~]*)?$/;
/** A Host the adapter takes as it is (its `reValidHost`); any other it checks and normalizes first. */
const PLAIN_HOST = /^[a-z0-9._-]+(?::(?:[1-5]\d{3,4}|[6-9]\d{3}))?$/;

export function createNodeListener(options: {
  // biome-ignore lint/suspicious/noExplicitAny: any Hono app; only its fetch is used.
  app: Hono<any>;
  webhook: WebhookHandler;
  logger: Logger;
  requestLog: RequestLogger;
  /** The host a request without Host is taken to be for (as `serve` passes it). */
  hostname: string;
}): NodeListener {
  const { webhook, logger, requestLog } = options;
  const hono = getRequestListener(options.app.fetch, { hostname: options.hostname });

  const serveWebhook = async (incoming: IncomingMessage, outgoing: ServerResponse) => {
    const started = performance.now();
    const log: LogFields = {};
    discardUnreadBody(incoming, outgoing);
    let answer: WebhookAnswer | { status: 500; body: unknown };
    try {
      answer = await webhook(
        {
          // Hono reads c.req.query from the URL the same way (it skips the scheme and host).
          sealed: getQueryParam(`http://h${incoming.url}`, "pp_url") as string | undefined,
          signature: header(incoming, "stripe-signature"),
          // Not Hono's bodyLimit: it would make the adapter build a web Request (body.ts).
          readBody: (limit) => readIncomingBody(incoming, limit),
        },
        log,
      );
    } catch (error) {
      logUnexpected(logger, error);
      answer = { status: 500, body: INTERNAL_ERROR };
    }
    // As c.json through the adapter: Content-Type set, Content-Length computed by Node at end().
    outgoing.statusCode = answer.status;
    outgoing.setHeader("Content-Type", "application/json");
    outgoing.end(JSON.stringify(answer.body));
    logRequest(requestLog, { method: "POST", path: WEBHOOK_PATH, status: answer.status, started }, log);
  };

  return (incoming, outgoing) => {
    const url = incoming.url ?? "";
    const host = incoming.headers.host;
    if (
      incoming.method === "POST" &&
      url.startsWith(WEBHOOK_PATH) &&
      WEBHOOK_URL.test(url) &&
      host !== undefined &&
      PLAIN_HOST.test(host)
    ) {
      void serveWebhook(incoming, outgoing);
    } else {
      void hono(incoming, outgoing);
    }
  };
}

/** A header as `Headers.get` gives it: repeated values joined (Node joins all but a few itself). */
function header(incoming: IncomingMessage, name: string): string | undefined {
  const value = incoming.headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}
