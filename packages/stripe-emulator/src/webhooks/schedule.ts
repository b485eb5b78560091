import type { SigningMode } from "./sign.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Stripe's retry window in live mode: "up to 3 days". */
export const LIVE_RETRY_WINDOW_MS = 72 * HOUR;

/**
 * Delay (real-time ms) before each retry, indexed by the number of the attempt that just failed minus one.
 *
 * Source, Stripe docs (Webhooks, "Automatic retries"): "In live mode, Stripe attempts to deliver a given
 * event to your webhook endpoint for up to 3 days with an exponential back off. In sandboxes, Stripe
 * retries three times over a few hours." The individual intervals are not published (the Dashboard only
 * shows the next scheduled attempt), so this is a concrete model of that wording:
 * - live: doubling from 5 minutes (5, 10, 20, … 1280 min; the 9th retry lands ~42.6 h after the first
 *   attempt), then one last retry at exactly 72 h after the first attempt: 11 attempts in all;
 * - test: 3 retries after 30 min, 1 h and 2 h (the last one 3.5 h after the first attempt): 4 attempts.
 */
const LIVE_DOUBLING = Array.from({ length: 9 }, (_, i) => 5 * MINUTE * 2 ** i);
const LIVE_LAST = LIVE_RETRY_WINDOW_MS - LIVE_DOUBLING.reduce((sum, d) => sum + d, 0);

export const RETRY_DELAYS_MS: Readonly<Record<SigningMode, readonly number[]>> = {
  live: Object.freeze([...LIVE_DOUBLING, LIVE_LAST]),
  test: Object.freeze([30 * MINUTE, HOUR, 2 * HOUR]),
};

/** Total attempts (first delivery + retries) before an event is given up on. */
export function maxAttempts(mode: SigningMode): number {
  return RETRY_DELAYS_MS[mode].length + 1;
}

/**
 * Milliseconds to wait after failed attempt number `failedAttempt` (1-based) before the next one,
 * multiplied by `retryScale` (1 = real time; 0.0001 turns the 3.5 h test-mode schedule into 1.26 s),
 * or `null` when the schedule is exhausted.
 */
export function retryDelayMs(mode: SigningMode, failedAttempt: number, retryScale: number): number | null {
  if (!(retryScale >= 0) || !Number.isFinite(retryScale)) {
    throw new RangeError(`retryScale must be a finite number >= 0, got ${retryScale}`);
  }
  const delay = RETRY_DELAYS_MS[mode][failedAttempt - 1];
  return delay === undefined ? null : delay * retryScale;
}
