/**
 * The proxy's routes, on Hono: `POST /customer-webhook` (the pipeline in webhook.ts), `POST /seal`,
 * `GET /healthz` and `GET /metrics`. On Node the webhook route is served by a listener in front of
 * Hono (listener.ts) that runs the same pipeline with the same metrics and log.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { HttpBindings } from "@hono/node-server";
import { type Context, Hono } from "hono";
import { readIncomingBody, readWebBody } from "./body.js";
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

/** On Node the adapter passes the raw request (absent under `app.request` and other runtimes). */
type Env = { Bindings: Partial<HttpBindings>; Variables: { log: LogFields } };

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
  const adminDigest = digest(config.adminToken);
  const app = new Hono<Env>();
  // On Node from the IncomingMessage (body.ts says why); under `app.request` from the web stream.
  const readBody = (c: Context<Env>, limit: number) => {
    const incoming = c.env?.incoming;
    return incoming === undefined ? readWebBody(c.req.raw, limit) : readIncomingBody(incoming, limit);
  };

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

  app.post("/customer-webhook", async (c) => {
    const answer = await webhook(
      {
        sealed: c.req.query("pp_url"),
        signature: c.req.header("stripe-signature"),
        readBody: (limit) => readBody(c, limit),
      },
      c.get("log"),
    );
    return c.json(answer.body, answer.status);
  });

  app.post("/seal", async (c) => {
    const log = c.get("log");
    const token = /^Bearer (.+)$/.exec(c.req.header("authorization") ?? "")?.[1] ?? "";
    if (!timingSafeEqual(digest(token), adminDigest)) {
      log.outcome = "unauthorized";
      return c.json(
        { error: { code: "unauthorized", message: "A valid admin bearer token is required." } },
        401,
      );
    }
    const body = await readBody(c, MAX_SEAL_REQUEST_BYTES);
    let parsed: unknown;
    try {
      parsed = body === "too_large" ? undefined : JSON.parse(body.toString("utf8"));
    } catch {
      parsed = undefined;
    }
    const target = sealedTargetOf(parsed, "any");
    if (target === undefined) {
      log.outcome = "invalid";
      const message =
        "Send JSON { url, secret: whsec_…, account } with a NetSuite URL, the signing secret and the account record ID.";
      return c.json({ error: { code: "seal_request_invalid", message } }, 400);
    }
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
  });

  app.notFound((c) => c.json({ error: { code: "not_found", message: "No such route." } }, 404));

  app.onError((error, c) => {
    logUnexpected(logger, error);
    return c.json(INTERNAL_ERROR, 500);
  });

  const listener = createNodeListener({ app, webhook, logger, requestLog, hostname: config.host });
  return { app, listener };
}

/** Fixed-length digests, so the token comparison is constant-time whatever the lengths. */
function digest(text: string): Buffer {
  return createHash("sha256").update(text, "utf8").digest();
}
