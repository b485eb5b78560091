/**
 * Rate limits in virtual time. A caller (a benchmark) names, for each HTTP op, the buckets it counts
 * against (`{ key: "stripe:acct_1", perSecond: 25 }`); the emulator knows no service's limits. Each
 * bucket is a calendar of whole virtual seconds: at most `perSecond` ops may start in one second.
 * The model simulates one invocation after another, each on its own virtual processor, so an op can
 * be placed earlier in virtual time than one placed before it: the calendar counts per second
 * rather than keeping a moving window, which makes the order of reservations irrelevant.
 */

export interface RateBucket {
  key: string;
  perSecond: number;
}

/** The buckets an HTTP op counts against; none means no limit. */
export type RateLimits = (op: { method: string; url: string }) => readonly RateBucket[];

export class RateCalendar {
  /** Ops started per bucket per virtual second. */
  private readonly seconds = new Map<string, Map<number, number>>();

  /** Reserves the earliest virtual time ≥ `readyMs` at which every bucket has room; returns it. */
  reserve(buckets: readonly RateBucket[], readyMs: number): number {
    if (buckets.length === 0) return readyMs;
    for (const b of buckets) {
      if (!(b.perSecond >= 1)) {
        throw new RangeError(`Rate bucket ${b.key}: perSecond must be at least 1, not ${b.perSecond}.`);
      }
    }
    let at = readyMs;
    for (;;) {
      const second = Math.floor(at / 1000);
      if (buckets.every((b) => this.count(b.key, second) + 1 <= b.perSecond)) {
        for (const b of buckets) this.bucket(b.key).set(second, this.count(b.key, second) + 1);
        return at;
      }
      at = (second + 1) * 1000;
    }
  }

  private bucket(key: string): Map<number, number> {
    let found = this.seconds.get(key);
    if (!found) {
      found = new Map();
      this.seconds.set(key, found);
    }
    return found;
  }

  private count(key: string, second: number): number {
    return this.seconds.get(key)?.get(second) ?? 0;
  }
}
