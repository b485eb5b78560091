/**
 * Fault injection for reliability tests (`POST /_emulator/faults`): the next N matching API requests
 * fail with a 500 or a 429, or are delayed. A `before` fault happens before the request runs (like a
 * failure in front of Stripe: nothing happened, nothing is saved under the idempotency key); an
 * `after` 500 lets the request run and then answers 500, and that 500 is what the idempotency key
 * replays, as Stripe documents for errors of a request that started executing; an `after` delay lets
 * the request run (reads, writes, events) and holds its answer, like a slow network on the way back,
 * so the client sees state that may be stale by the time the answer arrives.
 */
export interface FaultRule {
  kind: "500" | "429" | "delay";
  /** How many matching requests it affects. */
  count: number;
  phase: "before" | "after";
  delayMs: number;
  /** Only requests with this method and a path starting with this prefix (both optional). */
  method?: string;
  pathPrefix?: string;
  /** Fail each matching request with this probability (0–1) instead of every one, until count is used. */
  probability: number;
}

export class Faults {
  private rules: FaultRule[] = [];

  add(rule: Partial<FaultRule> & Pick<FaultRule, "kind">): FaultRule {
    const full: FaultRule = {
      count: 1,
      phase: "before",
      delayMs: 0,
      probability: 1,
      ...rule,
    };
    if (!["500", "429", "delay"].includes(full.kind))
      throw new Error(`unknown fault kind: ${String(full.kind)}`);
    if (full.phase !== "before" && full.phase !== "after")
      throw new Error(`phase must be "before" or "after", got ${JSON.stringify(full.phase)}`);
    // A 429 means the request did not run, so it cannot come after it ran.
    if (full.phase === "after" && full.kind === "429")
      throw new Error(`phase "after" applies to 500 and delay faults only, not to ${full.kind}`);
    if (!Number.isInteger(full.count) || full.count < 1) throw new Error("count must be a positive integer");
    if (!(full.probability > 0 && full.probability <= 1)) throw new Error("probability must be in (0, 1]");
    this.rules.push(full);
    return full;
  }

  clear(): void {
    this.rules = [];
  }

  pending(): FaultRule[] {
    return this.rules.map((r) => ({ ...r }));
  }

  /** The fault to apply to this request, if any; using it counts it down. */
  take(method: string, path: string, random: () => number = Math.random): FaultRule | undefined {
    const rule = this.rules.find(
      (r) =>
        (r.method === undefined || r.method === method) &&
        (r.pathPrefix === undefined || path.startsWith(r.pathPrefix)),
    );
    if (!rule || random() >= rule.probability) return undefined;
    rule.count -= 1;
    if (rule.count === 0) this.rules = this.rules.filter((r) => r !== rule);
    return rule;
  }
}
