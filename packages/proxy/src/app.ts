/**
 * The proxy's routes. `POST /customer-webhook` runs the whole pipeline: open the seal, check the
 * target, read the body within its limit, verify Stripe's signature, drop an event that cannot change
 * the default payment method, forward the rest (core's version 2: account, body, signature), and
 * answer Stripe with the status it should act on. Nothing is stored: Stripe's retries are the queue.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import {
  buildEnvelope,
  buildForwardRequestV2,
  changesDefaultPaymentMethod,
  serializeForwardRequestV2,
  stripeStatusFor,
} from "@nss/core";
import { Hono } from "hono";
import type { ProxyConfig } from "./config.js";
import { forwardToNetSuite } from "./forward.js";
import { createLogger, type Logger } from "./log.js";
import { Metrics } from "./metrics.js";
import { openSeal, type SealedTarget, seal, sealedTargetOf } from "./seal.js";
import { describeTargetRules, isAllowedTarget } from "./targets.js";
import { verifyStripeEvent } from "./verify.js";

/** What tests (and embedders) may replace. */
export interface ProxyDeps {
  fetch?: typeof fetch;
  /** Unix milliseconds. */
  now?: () => number;
  logger?: Logger;
  metrics?: Metrics;
}

/** Fields of the one log line a request gets; only fixed codes and Stripe IDs, never request secrets. */
interface LogFields {
  eventId?: string;
  type?: string;
  outcome?: string;
  reason?: string;
  netsuiteStatus?: number | undefined;
}

type Env = { Variables: { log: LogFields } };

/** A /seal request is three short strings. */
const MAX_SEAL_REQUEST_BYTES = 16 * 1024;

export function createProxyApp(config: ProxyConfig, deps: ProxyDeps = {}): Hono<Env> {
  const fetchImpl = deps.fetch ?? fetch;
  const now = deps.now ?? Date.now;
  const logger = deps.logger ?? createLogger({ level: config.logLevel });
  const metrics = deps.metrics ?? new Metrics();
  const adminDigest = digest(config.adminToken);
  const app = new Hono<Env>();

  // One line per request, written after the answer; the path is logged without its query (pp_url).
  app.use(async (c, next) => {
    const started = performance.now();
    c.set("log", {});
    await next();
    const quiet = c.req.path === "/healthz" || c.req.path === "/metrics";
    logger[quiet ? "debug" : "info"](
      {
        method: c.req.method,
        path: c.req.path.slice(0, 100),
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
        ...c.get("log"),
      },
      "request",
    );
  });

  app.get("/healthz", (c) => c.json({ ok: true }));

  app.get("/metrics", (c) =>
    c.body(metrics.render(), 200, { "content-type": "text/plain; version=0.0.4; charset=utf-8" }),
  );

  app.post("/customer-webhook", async (c) => {
    metrics.received();
    const log = c.get("log");
    const refuse = (status: 400 | 413, code: string, message: string) => {
      metrics.refused(code);
      Object.assign(log, { outcome: "refused", reason: code });
      return c.json({ error: { code, message } }, status);
    };

    const sealed = c.req.query("pp_url");
    if (sealed === undefined || sealed === "") {
      return refuse(
        400,
        "seal_missing",
        "The webhook URL has no pp_url parameter: use the URL /seal returned.",
      );
    }
    const opened = openSeal(sealed, config.sealKeys);
    if (!opened.ok) return refuse(400, opened.code.toLowerCase(), opened.message);
    const target: SealedTarget = opened.value;
    if (!isAllowedTarget(target.url, config.allowedTargets)) {
      return refuse(400, "target_not_allowed", "The sealed target is not an allowed NetSuite host.");
    }

    const body = await readBody(c.req.raw, config.maxBodyBytes);
    if (body === "too_large") {
      return refuse(413, "body_too_large", `The body is over ${config.maxBodyBytes} bytes.`);
    }
    let payload: string;
    try {
      // fatal: a body that is not UTF-8 cannot travel as text byte for byte; ignoreBOM keeps a BOM in.
      payload = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body);
    } catch {
      return refuse(400, "body_not_utf8", "The body is not UTF-8 text.");
    }

    const signature = c.req.header("stripe-signature");
    const verified = verifyStripeEvent(body, signature, target.secret, config.signatureToleranceS, now());
    if (!verified.ok) return refuse(400, verified.code.toLowerCase(), verified.message);
    const event = verified.event as { id?: unknown; type?: unknown };
    if (typeof event.id === "string") log.eventId = event.id.slice(0, 255);
    if (typeof event.type === "string") log.type = event.type.slice(0, 100);

    const envelope = buildEnvelope(verified.event, { accountId: target.account });
    if (!envelope.ok) {
      if (envelope.errors.some((e) => e.code === "EVENT_IGNORED")) {
        metrics.ignored();
        log.outcome = "ignored";
        return c.json({ received: true, ignored: true }, 200);
      }
      return refuse(400, "event_malformed", "The event is not a customer event the sync can read.");
    }
    // NetSuite shows the default payment method only: an event that cannot change it (a new name, every
    // customer the sync itself creates) is done here, with no call to NetSuite.
    if (!changesDefaultPaymentMethod(envelope.value)) {
      metrics.dropped();
      log.outcome = "dropped";
      return c.json({ received: true, ignored: true }, 200);
    }
    const request = buildForwardRequestV2({ account: target.account, payload, signature: signature ?? "" });
    if (!request.ok) return refuse(400, "forward_invalid", "The event cannot be carried to NetSuite.");

    const started = performance.now();
    const outcome = await forwardToNetSuite({
      url: target.url,
      body: serializeForwardRequestV2(request.value),
      timeoutMs: config.forwardTimeoutMs,
      fetch: fetchImpl,
    });
    const status = stripeStatusFor(outcome);
    const result = "failure" in outcome ? outcome.failure : outcome.result;
    metrics.forwarded(status, result, (performance.now() - started) / 1000);
    log.outcome = result;
    log.netsuiteStatus = outcome.httpStatus;
    if (status === 200) return c.json({ received: true, result }, 200);
    if (status === 400) {
      return c.json({ error: { code: "netsuite_refused", message: "NetSuite refused the event." } }, 400);
    }
    const failed = "failure" in outcome;
    const message = failed
      ? `NetSuite could not be reached or gave no valid answer (${result}); Stripe will retry.`
      : "NetSuite asked for a retry.";
    return c.json({ error: { code: failed ? "netsuite_unavailable" : "netsuite_retry", message } }, 503);
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
    const body = await readBody(c.req.raw, MAX_SEAL_REQUEST_BYTES);
    let parsed: unknown;
    try {
      parsed = body === "too_large" ? undefined : JSON.parse(Buffer.from(body).toString("utf8"));
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
    // Only the error's class: a message could quote request data.
    logger.error({ err: { type: error.name } }, "unexpected error");
    return c.json({ error: { code: "internal", message: "The proxy failed; Stripe will retry." } }, 500);
  });

  return app;
}

/** The request body, refused as soon as it passes `limit` (by Content-Length or while streaming). */
async function readBody(request: Request, limit: number): Promise<Uint8Array | "too_large"> {
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (declared > limit) return "too_large";
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return "too_large";
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Fixed-length digests, so the token comparison is constant-time whatever the lengths. */
function digest(text: string): Buffer {
  return createHash("sha256").update(text, "utf8").digest();
}
