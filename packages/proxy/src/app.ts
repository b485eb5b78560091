/**
 * The proxy's routes, on Hono: `POST /customer-webhook` (the pipeline in webhook.ts), `POST /seal`,
 * `GET /healthz` and `GET /metrics`. On Node the webhook route is served by a listener in front of
 * Hono (listener.ts) that runs the same pipeline with the same metrics and log. Hono's own
 * middleware checks the admin token (`bearerAuth`) and limits bodies (`bodyLimit`) on these routes.
 */
import { type Context, Hono } from "hono";
import { bearerAuth } from "hono/bearer-auth";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import type { ProxyConfig } from "./config.js";
import { INTERNAL_ERROR, logUnexpected } from "./errors.js";
import { createForwarder, type Forward } from "./forward.js";
import { createNodeListener, type NodeListener } from "./listener.js";
import { createLogger, createRequestLogger, type LogFields, type Logger, logRequest } from "./log.js";
import { Metrics } from "./metrics.js";
import { seal, sealedTargetOf } from "./seal.js";
import { describeTargetRules, isAllowedTarget } from "./targets.js";
import { createWebhookHandler } from "./webhook.js";

/** What tests (and embedders) may replace. */
export interface ProxyDeps {
  /** The POST to NetSuite; by default `createForwarder().forward` (node:http(s), keep-alive). */
  forward?: Forward;
  /** Unix milliseconds. */
  now?: () => number;
  logger?: Logger;
  metrics?: Metrics;
}

type Env = { Variables: { log: LogFields } };

/** A /seal request is three short strings. */
const MAX_SEAL_REQUEST_BYTES = 16 * 1024;

/** The Hono app, for `app.request`, embedders and other runtimes. */
export function createProxyApp(config: ProxyConfig, deps: ProxyDeps = {}): Hono<Env> {
  return createProxyHandlers(config, deps).app;
}

/** The Hono app and the Node listener that serves the webhook route itself, sharing metrics, caches and log. */
export function createProxyHandlers(
  config: ProxyConfig,
  deps: ProxyDeps = {},
): { app: Hono<Env>; listener: NodeListener } {
  const logger = deps.logger ?? createLogger({ level: config.logLevel });
  const requestLog = createRequestLogger(logger);
  const metrics = deps.metrics ?? new Metrics();
  const webhook = createWebhookHandler(config, {
    forward: deps.forward ?? createForwarder().forward,
    now: deps.now ?? Date.now,
    metrics,
  });
  const app = new Hono<Env>();

  // One line per request, written after the answer; the path is logged without its query (pp_url).
  app.use(async (c, next) => {
    const started = performance.now();
    c.set("log", {});
    await next();
    logRequest(
      requestLog,
      { method: c.req.method, path: c.req.path, status: c.res.status, started },
      c.get("log"),
    );
  });

  app.get("/healthz", (c) => c.json({ ok: true }));

  app.get("/metrics", (c) =>
    c.body(metrics.render(), 200, { "content-type": "text/plain; version=0.0.4; charset=utf-8" }),
  );

  // bodyLimit refuses by Content-Length, else while streaming. Its refusal is answered by the
  // pipeline too, so a request without a valid seal still gets the seal's refusal first, as the
  // Node listener answers it.
  const serveWebhook =
    (tooLarge: boolean) =>
    async (c: Context<Env>): Promise<Response> => {
      const answer = await webhook(
        {
          sealed: c.req.query("pp_url"),
          signature: c.req.header("stripe-signature"),
          readBody: async () => (tooLarge ? "too_large" : Buffer.from(await c.req.arrayBuffer())),
        },
        c.get("log"),
      );
      return c.json(answer.body, answer.status);
    };
  app.post(
    "/customer-webhook",
    bodyLimit({ maxSize: config.maxBodyBytes, onError: serveWebhook(true) }),
    serveWebhook(false),
  );

  // Every refusal of the token (none, not Bearer, wrong) is the same 401 with the same body.
  const unauthorized = (c: Context<Env>) => {
    c.get("log").outcome = "unauthorized";
    return c.json(
      { error: { code: "unauthorized", message: "A valid admin bearer token is required." } },
      401,
    );
  };
  const sealRequestInvalid = (c: Context<Env>) => {
    c.get("log").outcome = "invalid";
    const message =
      "Send JSON { url, secret: whsec_…, account } with a NetSuite URL, the signing secret and the account record ID.";
    return c.json({ error: { code: "seal_request_invalid", message } }, 400);
  };
  app.post(
    "/seal",
    // Compared in constant time: Hono hashes both tokens (SHA-256) and compares the hashes.
    bearerAuth({
      token: config.adminToken,
      noAuthenticationHeader: { message: unauthorized },
      invalidAuthenticationHeader: { message: unauthorized },
      invalidToken: { message: unauthorized },
    }),
    bodyLimit({ maxSize: MAX_SEAL_REQUEST_BYTES, onError: sealRequestInvalid }),
    async (c) => {
      const log = c.get("log");
      let parsed: unknown;
      try {
        parsed = JSON.parse(await c.req.text());
      } catch {
        parsed = undefined;
      }
      const target = sealedTargetOf(parsed, "any");
      if (target === undefined) return sealRequestInvalid(c);
      if (!isAllowedTarget(target.url, config.allowedTargets)) {
        log.outcome = "target_not_allowed";
        const message = `The url is not an allowed target (${describeTargetRules(config.allowedTargets)}).`;
        return c.json({ error: { code: "target_not_allowed", message } }, 400);
      }
      const ppUrl = seal(target, config.sealKeys);
      const base = config.publicUrl ?? new URL(c.req.url).origin;
      log.outcome = "sealed";
      return c.json({
        pp_url: ppUrl,
        webhook_url: `${base}/customer-webhook?pp_url=${encodeURIComponent(ppUrl)}`,
      });
    },
  );

  app.notFound((c) => c.json({ error: { code: "not_found", message: "No such route." } }, 404));

  app.onError((error, c) => {
    // bearerAuth throws its answer (our 401 above) as an HTTPException.
    if (error instanceof HTTPException) return error.getResponse();
    logUnexpected(logger, error);
    return c.json(INTERNAL_ERROR, 500);
  });

  const listener = createNodeListener({ app, webhook, logger, requestLog, hostname: config.host });
  return { app, listener };
}
