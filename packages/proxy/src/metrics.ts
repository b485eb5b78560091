/**
 * Counters and one histogram in the Prometheus text format (version 0.0.4). Small enough to write by
 * hand, which keeps the proxy's dependencies to Hono, pino and Stripe. One instance per app, so tests
 * and several apps in one process do not share counts.
 */

/** Upper bounds of the forward-duration buckets, seconds: from a quick Suitelet answer to a slow one near the timeout. */
const BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export class Metrics {
  #received = 0;
  #ignored = 0;
  #dropped = 0;
  readonly #forwarded = new Map<string, number>();
  readonly #refused = new Map<string, number>();
  readonly #bucketCounts = BUCKETS.map(() => 0);
  #durationCount = 0;
  #durationSum = 0;

  /** A webhook request arrived (before any check). */
  received(): void {
    this.#received++;
  }

  /** A verified event core does not handle: answered 200 without forwarding. */
  ignored(): void {
    this.#ignored++;
  }

  /** A verified customer event that cannot change the default payment method: answered 200, not forwarded. */
  dropped(): void {
    this.#dropped++;
  }

  /** The proxy refused a request itself; `reason` is a fixed code, never request data. */
  refused(reason: string): void {
    this.#refused.set(reason, (this.#refused.get(reason) ?? 0) + 1);
  }

  /** A forward finished: `status` is what Stripe was answered, `outcome` NetSuite's result or the failure. */
  forwarded(status: number, outcome: string, seconds: number): void {
    const key = `status="${status}",outcome="${outcome}"`;
    this.#forwarded.set(key, (this.#forwarded.get(key) ?? 0) + 1);
    this.#durationCount++;
    this.#durationSum += seconds;
    BUCKETS.forEach((bound, i) => {
      if (seconds <= bound) this.#bucketCounts[i] = (this.#bucketCounts[i] ?? 0) + 1;
    });
  }

  /** The exposition text served at /metrics. */
  render(): string {
    const lines: string[] = [];
    const family = (name: string, type: string, help: string) => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    };
    family("nss_proxy_received_total", "counter", "Webhook requests received.");
    lines.push(`nss_proxy_received_total ${this.#received}`);
    family("nss_proxy_ignored_total", "counter", "Verified events of types the sync does not handle.");
    lines.push(`nss_proxy_ignored_total ${this.#ignored}`);
    family(
      "nss_proxy_dropped_total",
      "counter",
      "Verified customer events that cannot change the default payment method: not forwarded.",
    );
    lines.push(`nss_proxy_dropped_total ${this.#dropped}`);
    family(
      "nss_proxy_forwarded_total",
      "counter",
      "Events forwarded to NetSuite, by status answered to Stripe.",
    );
    for (const [labels, count] of [...this.#forwarded].sort()) {
      lines.push(`nss_proxy_forwarded_total{${labels}} ${count}`);
    }
    family("nss_proxy_refused_total", "counter", "Requests the proxy refused itself, by reason.");
    for (const [reason, count] of [...this.#refused].sort()) {
      lines.push(`nss_proxy_refused_total{reason="${reason}"} ${count}`);
    }
    family(
      "nss_proxy_forward_duration_seconds",
      "histogram",
      "Time to forward an event and read NetSuite's answer.",
    );
    BUCKETS.forEach((bound, i) => {
      lines.push(`nss_proxy_forward_duration_seconds_bucket{le="${bound}"} ${this.#bucketCounts[i] ?? 0}`);
    });
    lines.push(`nss_proxy_forward_duration_seconds_bucket{le="+Inf"} ${this.#durationCount}`);
    lines.push(`nss_proxy_forward_duration_seconds_sum ${this.#durationSum}`);
    lines.push(`nss_proxy_forward_duration_seconds_count ${this.#durationCount}`);
    return `${lines.join("\n")}\n`;
  }
}
