/**
 * Rate limiting as Stripe's limiter, checked before anything else runs: per account a global bucket,
 * and per account and operation an endpoint bucket (see rate-limit-rules.ts for the numbers). A request
 * passes only when every bucket it counts against has a token, and only then takes one from each, so a
 * refused request costs nothing.
 */
import { findOperation, type OperationSpec } from "@nss/stripe-spec";
import { StripeApiError } from "./errors.js";
import {
  NO_RATE_LIMITS,
  type RateLimitRules,
  type RateLimitsOption,
  resolveRateLimits,
} from "./rate-limit-rules.js";
import { TokenBucket } from "./token-bucket.js";

/**
 * docs.stripe.com/rate-limits, "Rate limited requests": a rate-limited request carries
 * `Stripe-Rate-Limited-Reason` naming the limit it exceeded. Stripe also names `global-concurrency`,
 * `endpoint-concurrency` and `resource-specific`, limits the emulator does not model.
 */
export type RateLimitReason = "global-rate" | "endpoint-rate";

export interface RateLimiterOptions {
  /** One global per-second limit for every account, whatever the mode; 0 turns the global limit off. */
  rateLimit?: number;
  rateLimits?: RateLimitsOption;
}

/** Search operations have their own limit; the contract names them `…/search`. */
function isSearch(operation: OperationSpec): boolean {
  return operation.method === "GET" && operation.path.endsWith("/search");
}

export class RateLimiter {
  private rules: RateLimitRules;
  /** Set by `rateLimit` or `POST /_emulator/rate_limit`; replaces the global rule of both modes. */
  private globalOverride: number | undefined;
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(options: RateLimiterOptions = {}) {
    this.rules = options.rateLimits ? resolveRateLimits(options.rateLimits) : NO_RATE_LIMITS;
    this.globalOverride = options.rateLimit;
  }

  /** `POST /_emulator/rate_limit`: the global limit of every account, live or test (0: off). */
  setLimit(perSecond: number): void {
    this.globalOverride = perSecond;
    this.buckets.clear();
  }

  /** `POST /_emulator/rate_limits`: every rule anew, including a global limit set by `setLimit`. */
  configure(option: RateLimitsOption): void {
    this.rules = resolveRateLimits(option);
    this.globalOverride = undefined;
    this.buckets.clear();
  }

  /** The rules in force. */
  get limits(): RateLimitRules {
    const g = this.globalOverride;
    return g === undefined ? this.rules : { ...this.rules, global: { live: g, test: g } };
  }

  /** Stripe's 429 body; with a reason, the header Stripe's rate limiters send. */
  throwLimited(reason?: RateLimitReason): never {
    throw new StripeApiError(
      429,
      {
        type: "invalid_request_error",
        code: "rate_limit",
        doc_url: "https://stripe.com/docs/error-codes/rate-limit",
        message:
          "Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits.",
      },
      reason ? { "Stripe-Rate-Limited-Reason": reason } : {},
    );
  }

  /** Takes one token from each of the request's buckets, or throws Stripe's 429 and takes none. */
  take(account: { id: string; livemode: boolean }, method: string, path: string, now: number): void {
    const rules = this.limits;
    const wanted: { key: string; perSecond: number; reason: RateLimitReason }[] = [];
    const global = account.livemode ? rules.global.live : rules.global.test;
    if (global > 0) wanted.push({ key: account.id, perSecond: global, reason: "global-rate" });
    if (rules.endpoint > 0 || rules.search > 0) {
      // A path that names no operation gets Stripe's 404 later; it has no endpoint to count against.
      const operation = findOperation(method, path)?.operation;
      const perSecond = operation && (isSearch(operation) ? rules.search : rules.endpoint);
      if (operation && perSecond) {
        wanted.push({ key: `${account.id} ${operation.operationId}`, perSecond, reason: "endpoint-rate" });
      }
    }
    const held = wanted.map(({ key, perSecond, reason }) => ({
      bucket: this.bucket(key, perSecond, now),
      reason,
    }));
    // The global bucket is checked first: when both are empty, slowing down overall is what helps.
    const empty = held.find(({ bucket }) => !bucket.ready(now));
    if (empty) this.throwLimited(empty.reason);
    for (const { bucket } of held) bucket.take();
  }

  private bucket(key: string, perSecond: number, now: number): TokenBucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(perSecond, now);
      this.buckets.set(key, bucket);
    }
    return bucket;
  }
}
