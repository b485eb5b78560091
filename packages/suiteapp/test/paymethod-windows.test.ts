/** The daily refresh's windows of Stripe's `created` (ts/lib/payment-method-refresh/created-windows.ts, pure: run as is). */
import { describe, expect, it } from "vitest";
import { cutWindows, WINDOW_SIZE } from "../ts/lib/payment-method-refresh/created-windows.js";

const at = (x: number) => x;

describe("windows of created", () => {
  it("cuts before the second that would take a window over its size, from 0 to open-ended", () => {
    const windows = cutWindows([5, 1, 2, 2, 3, 3, 3, 4, 9, 9], at, 3);
    expect(windows.map((w) => [w.gte, w.lt, w.items])).toEqual([
      [0, 3, [1, 2, 2]],
      [3, 4, [3, 3, 3]],
      [4, 9, [4, 5]],
      [9, undefined, [9, 9]],
    ]);
  });

  it("keeps one second's customers together however many, and makes no window of nothing", () => {
    expect(cutWindows([1, 7, 7, 7, 7, 7, 8], at, 2).map((w) => [w.gte, w.lt, w.items.length])).toEqual([
      [0, 7, 1],
      [7, 8, 5],
      [8, undefined, 1],
    ]);
    expect(cutWindows([], at, 2)).toEqual([]);
  });

  it("covers every second from 0 on exactly once, each window holding its customers", () => {
    const created = Array.from({ length: 5000 }, (_, i) => 1_700_000_000 + Math.floor((i * 7919) % 3000));
    const windows = cutWindows(created, at);
    expect(windows[0]?.gte).toBe(0);
    expect(windows.at(-1)?.lt).toBeUndefined();
    for (const [i, w] of windows.entries()) {
      if (i > 0) expect(w.gte).toBe(windows[i - 1]?.lt);
      for (const c of w.items) {
        expect(c).toBeGreaterThanOrEqual(w.gte);
        if (w.lt !== undefined) expect(c).toBeLessThan(w.lt);
      }
      expect(w.items.length).toBeLessThanOrEqual(WINDOW_SIZE);
      // Full: the next second's customers would not have fitted.
      const next = windows[i + 1]?.items.filter((c) => c === w.lt).length ?? 0;
      if (w.lt !== undefined) expect(w.items.length + next).toBeGreaterThan(WINDOW_SIZE);
    }
    expect(windows.reduce((n, w) => n + w.items.length, 0)).toBe(created.length);
  });
});
