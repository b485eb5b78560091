import { describe, expect, it } from "vitest";
import { LIVE_RETRY_WINDOW_MS, maxAttempts, RETRY_DELAYS_MS, retryDelayMs } from "../src/webhooks/index.js";

const HOUR = 3_600_000;
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe("retry schedule", () => {
  it("test mode: 3 retries over a few hours", () => {
    expect(RETRY_DELAYS_MS.test).toHaveLength(3);
    expect(maxAttempts("test")).toBe(4);
    expect(sum(RETRY_DELAYS_MS.test)).toBeGreaterThanOrEqual(2 * HOUR);
    expect(sum(RETRY_DELAYS_MS.test)).toBeLessThanOrEqual(6 * HOUR);
  });

  it("live mode: exponential back-off ending exactly 3 days after the first attempt", () => {
    const live = RETRY_DELAYS_MS.live;
    expect(sum(live)).toBe(LIVE_RETRY_WINDOW_MS);
    expect(LIVE_RETRY_WINDOW_MS).toBe(72 * HOUR);
    for (let i = 1; i < live.length - 1; i++) expect(live[i]).toBe(2 * (live[i - 1] ?? 0));
    expect(maxAttempts("live")).toBe(live.length + 1);
  });

  it("every delay grows, so retries back off", () => {
    for (const delays of Object.values(RETRY_DELAYS_MS)) {
      for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThan(delays[i - 1] ?? 0);
    }
  });

  it("scales delays and ends with null once exhausted", () => {
    expect(retryDelayMs("test", 1, 1)).toBe(RETRY_DELAYS_MS.test[0]);
    expect(retryDelayMs("test", 1, 0.0001)).toBeCloseTo(180);
    expect(retryDelayMs("test", 3, 0.0001)).toBeCloseTo(720);
    expect(retryDelayMs("test", 4, 1)).toBeNull();
    expect(retryDelayMs("live", maxAttempts("live"), 1)).toBeNull();
    expect(retryDelayMs("live", maxAttempts("live") - 1, 1)).not.toBeNull();
  });

  it("rejects a scale that is negative or not finite", () => {
    expect(() => retryDelayMs("test", 1, -1)).toThrow(RangeError);
    expect(() => retryDelayMs("test", 1, Number.NaN)).toThrow(RangeError);
    expect(() => retryDelayMs("test", 1, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});
