/**
 * A token bucket holding one second's worth of requests: it starts full, refills at `perSecond`, and a
 * request needs one whole token. Checking and taking are separate so that a limiter can check every
 * bucket of a request before taking from any.
 */
export class TokenBucket {
  private tokens: number;
  private at: number;

  constructor(
    readonly perSecond: number,
    now: number,
  ) {
    this.tokens = perSecond;
    this.at = now;
  }

  /** Refills for the time since the last look; true when a request may pass. */
  ready(now: number): boolean {
    const elapsed = Math.max(0, now - this.at);
    this.tokens = Math.min(this.perSecond, this.tokens + (elapsed * this.perSecond) / 1000);
    this.at = Math.max(this.at, now);
    return this.tokens >= 1;
  }

  /** Takes the token `ready` saw. */
  take(): void {
    this.tokens -= 1;
  }
}
