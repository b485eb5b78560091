/**
 * Which rate limits apply: Stripe's documented ones, a custom set, or none (`rateLimits`,
 * `--rate-limits`, `POST /_emulator/rate_limits`). Stripe's numbers are those of
 * docs.stripe.com/rate-limits as crawled on 2026-04-30.
 */

/** Requests per second; 0 turns that rule off. */
export interface RateLimitRules {
  /** Every request of an account, by the key's mode. */
  global: { live: number; test: number };
  /** Every request of an account to one operation (all IDs of the operation share it). */
  endpoint: number;
  /** The same for search operations (`GET /v1/customers/search`, …), instead of `endpoint`. */
  search: number;
}

/** An object takes Stripe's value for each rule it leaves out. */
export type RateLimitsOption =
  | "stripe"
  | "off"
  | { global?: { live?: number; test?: number }; endpoint?: number; search?: number };

export const STRIPE_RATE_LIMITS: RateLimitRules = {
  // docs.stripe.com/rate-limits, "Rate limiter": the basic limiter allows 100 operations per second in
  // live mode and 25 in a sandbox (test mode).
  global: { live: 100, test: 25 },
  // docs.stripe.com/rate-limits, "Rate limits" and "Rate limiter": API endpoints default to 25 requests
  // per second and also count against the global limit; each named operation is its own endpoint, and
  // requests for different IDs count against the same endpoint limit.
  endpoint: 25,
  // docs.stripe.com/rate-limits, "Rate limiter": Search API, 20 read operations per second (also
  // docs.stripe.com/search#rate-limits).
  search: 20,
};

export const NO_RATE_LIMITS: RateLimitRules = { global: { live: 0, test: 0 }, endpoint: 0, search: 0 };

export function resolveRateLimits(option: RateLimitsOption): RateLimitRules {
  if (option === "off") return NO_RATE_LIMITS;
  if (option === "stripe") return STRIPE_RATE_LIMITS;
  const stripe = STRIPE_RATE_LIMITS;
  return {
    global: {
      live: option.global?.live ?? stripe.global.live,
      test: option.global?.test ?? stripe.global.test,
    },
    endpoint: option.endpoint ?? stripe.endpoint,
    search: option.search ?? stripe.search,
  };
}

function perSecond(value: unknown, name: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0)
    throw new Error(`${name} must be an integer ≥ 0`);
  return value;
}

function onlyKeys(value: unknown, keys: readonly string[], name: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new Error(`${name} must be an object`);
  const unknown = Object.keys(value).find((k) => !keys.includes(k));
  if (unknown !== undefined) throw new Error(`${name} has no field ${unknown} (it takes ${keys.join(", ")})`);
  return value as Record<string, unknown>;
}

/** Checks a value from JSON (the admin route): "stripe", "off" or `{ global?: { live?, test? }, endpoint?, search? }`. */
export function parseRateLimits(value: unknown): RateLimitsOption {
  if (value === "stripe" || value === "off") return value;
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new Error(
      `rate limits must be "stripe", "off" or an object, got ${JSON.stringify(value) ?? "nothing"}`,
    );
  const input = onlyKeys(value, ["global", "endpoint", "search"], "rate limits");
  const out: Exclude<RateLimitsOption, string> = {};
  if (input.global !== undefined) {
    const global = onlyKeys(input.global, ["live", "test"], "global");
    out.global = {};
    if (global.live !== undefined) out.global.live = perSecond(global.live, "global.live");
    if (global.test !== undefined) out.global.test = perSecond(global.test, "global.test");
  }
  if (input.endpoint !== undefined) out.endpoint = perSecond(input.endpoint, "endpoint");
  if (input.search !== undefined) out.search = perSecond(input.search, "search");
  return out;
}
