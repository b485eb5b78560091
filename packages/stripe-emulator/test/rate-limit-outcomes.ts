/**
 * What the rate-limit tests read from SDK calls: "ok", or the `Stripe-Rate-Limited-Reason` of a 429.
 * The emulator's clock is held still by the tests, so a burst sent at once is "within a second".
 */
import type Stripe from "stripe";

/** A clock the tests move by hand (`useEmulator({ now: clock.now })`). */
export function manualClock(start = Date.UTC(2026, 0, 1)): {
  now: () => number;
  advance: (ms: number) => void;
} {
  let at = start;
  return {
    now: () => at,
    advance: (ms) => {
      at += ms;
    },
  };
}

/** "ok", or the reason header of a 429 (any other failure fails the test). */
export async function outcome(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return "ok";
  } catch (error) {
    const e = error as Stripe.errors.StripeError;
    if (e.statusCode !== 429) throw error;
    return `429 ${e.headers?.["stripe-rate-limited-reason"] ?? "(no reason)"}`;
  }
}

/** Sends `n` calls at once; counts the outcomes, e.g. `{ ok: 25, "429 endpoint-rate": 1 }`. */
export async function burst(n: number, call: () => Promise<unknown>): Promise<Record<string, number>> {
  const results = await Promise.all(Array.from({ length: n }, () => outcome(call())));
  const counts: Record<string, number> = {};
  for (const r of results) counts[r] = (counts[r] ?? 0) + 1;
  return counts;
}
