/**
 * The webhook pipeline, whichever front end carries the request (Node's listener, or the Hono route):
 * open the seal, check the target, read the body within its limit, verify Stripe's signature, drop an
 * event that cannot change the default payment method, forward the rest (core's version 2: account,
 * body, signature), and answer with the status Stripe should act on. Nothing is stored: Stripe's
 * retries are the queue.
 */
import { isUtf8 } from "node:buffer";
import {
  buildEnvelope,
  buildForwardRequestV2,
  changesDefaultPaymentMethod,
  serializeForwardRequestV2,
  stripeStatusFor,
} from "@nss/core";
import type { Body } from "./body.js";
import type { ProxyConfig } from "./config.js";
import type { Forward } from "./forward.js";
import type { LogFields } from "./log.js";
import type { Metrics } from "./metrics.js";
import type { SealedTarget } from "./seal.js";
import { SealCache } from "./seal-cache.js";
import { isAllowedTarget } from "./targets.js";
import { verifyStripeEvent } from "./verify.js";

/** What the pipeline needs of a request; the body is read only once the seal and target pass. */
export interface WebhookRequest {
  /** The `pp_url` query parameter, decoded. */
  sealed: string | undefined;
  /** The `Stripe-Signature` header. */
  signature: string | undefined;
  readBody(limit: number): Promise<Body>;
}

/** The status and JSON body to answer Stripe with. */
export interface WebhookAnswer {
  status: 200 | 400 | 413 | 503;
  body: unknown;
}

/** Runs the pipeline; `log` receives the request's log fields as it goes. */
export type WebhookHandler = (request: WebhookRequest, log: LogFields) => Promise<WebhookAnswer>;

export function createWebhookHandler(
  config: ProxyConfig,
  parts: { forward: Forward; now: () => number; metrics: Metrics },
): WebhookHandler {
  const { forward, now, metrics } = parts;
  const seals = new SealCache();
  // The allow-list is fixed for the handler's life, so a cached seal's verdict is kept beside it.
  const verdicts = new WeakMap<SealedTarget, boolean>();
  const allowed = (target: SealedTarget) => {
    let verdict = verdicts.get(target);
    if (verdict === undefined) {
      verdict = isAllowedTarget(target.url, config.allowedTargets);
      verdicts.set(target, verdict);
    }
    return verdict;
  };

  return async (request, log) => {
    metrics.received();
    const refuse = (status: 400 | 413, code: string, message: string): WebhookAnswer => {
      metrics.refused(code);
      Object.assign(log, { outcome: "refused", reason: code });
      return { status, body: { error: { code, message } } };
    };

    const sealed = request.sealed;
    if (sealed === undefined || sealed === "") {
      return refuse(
        400,
        "seal_missing",
        "The webhook URL has no pp_url parameter: use the URL /seal returned.",
      );
    }
    const opened = seals.open(sealed, config.sealKeys);
    if (!opened.ok) return refuse(400, opened.code.toLowerCase(), opened.message);
    const target = opened.value;
    if (!allowed(target)) {
      return refuse(400, "target_not_allowed", "The sealed target is not an allowed NetSuite host.");
    }

    const body = await request.readBody(config.maxBodyBytes);
    if (body === "too_large") {
      return refuse(413, "body_too_large", `The body is over ${config.maxBodyBytes} bytes.`);
    }
    // A body that is not UTF-8 cannot travel as text byte for byte. (toString keeps a BOM, as it must.)
    if (!isUtf8(body)) return refuse(400, "body_not_utf8", "The body is not UTF-8 text.");
    const payload = body.toString("utf8");

    const signature = request.signature;
    const verified = verifyStripeEvent(payload, signature, target.secret, config.signatureToleranceS, now());
    if (!verified.ok) return refuse(400, verified.code.toLowerCase(), verified.message);
    const event = verified.event as { id?: unknown; type?: unknown };
    if (typeof event.id === "string") log.eventId = event.id.slice(0, 255);
    if (typeof event.type === "string") log.type = event.type.slice(0, 100);

    const envelope = buildEnvelope(verified.event, { accountId: target.account });
    if (!envelope.ok) {
      if (envelope.errors.some((e) => e.code === "EVENT_IGNORED")) {
        metrics.ignored();
        log.outcome = "ignored";
        return { status: 200, body: { received: true, ignored: true } };
      }
      return refuse(400, "event_malformed", "The event is not a customer event the sync can read.");
    }
    // NetSuite shows the default payment method only: an event that cannot change it (a new name, every
    // customer the sync itself creates) is done here, with no call to NetSuite.
    if (!changesDefaultPaymentMethod(envelope.value)) {
      metrics.dropped();
      log.outcome = "dropped";
      return { status: 200, body: { received: true, ignored: true } };
    }
    const forwardRequest = buildForwardRequestV2({
      account: target.account,
      payload,
      signature: signature ?? "",
    });
    if (!forwardRequest.ok) return refuse(400, "forward_invalid", "The event cannot be carried to NetSuite.");

    const started = performance.now();
    const outcome = await forward({
      url: target.url,
      body: serializeForwardRequestV2(forwardRequest.value),
      timeoutMs: config.forwardTimeoutMs,
    });
    const status = stripeStatusFor(outcome);
    const result = "failure" in outcome ? outcome.failure : outcome.result;
    metrics.forwarded(status, result, (performance.now() - started) / 1000);
    log.outcome = result;
    log.netsuiteStatus = outcome.httpStatus;
    if (status === 200) return { status, body: { received: true, result } };
    if (status === 400) {
      return {
        status,
        body: { error: { code: "netsuite_refused", message: "NetSuite refused the event." } },
      };
    }
    const failed = "failure" in outcome;
    const message = failed
      ? `NetSuite could not be reached or gave no valid answer (${result}); Stripe will retry.`
      : "NetSuite asked for a retry.";
    return { status, body: { error: { code: failed ? "netsuite_unavailable" : "netsuite_retry", message } } };
  };
}
