/**
 * Per-account rate limiting, as Stripe's limiter: a token bucket refilled at N requests per second
 * (Stripe: 25/s in test mode, 100/s in live mode), checked before anything else runs. Off when N is 0.
 */
import { StripeApiError } from "./errors.js";

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private perSecond: number) {}

  setLimit(perSecond: number): void {
    this.perSecond = perSecond;
    this.buckets.clear();
  }

  get limit(): number {
    return this.perSecond;
  }

  /** Stripe's 429 body. */
  throwLimited(): never {
    throw new StripeApiError(429, {
      type: "invalid_request_error",
      code: "rate_limit",
      doc_url: "https://stripe.com/docs/error-codes/rate-limit",
      message:
        "Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits.",
    });
  }

  /** Takes one token for the account or throws Stripe's 429. */
  take(account: string, now: number): void {
    if (this.perSecond <= 0) return;
    const bucket = this.buckets.get(account) ?? { tokens: this.perSecond, at: now };
    bucket.tokens = Math.min(this.perSecond, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    bucket.at = now;
    if (bucket.tokens < 1) {
      this.buckets.set(account, bucket);
      this.throwLimited();
    }
    bucket.tokens -= 1;
    this.buckets.set(account, bucket);
  }
}
