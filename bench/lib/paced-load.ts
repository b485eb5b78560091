/**
 * Load at an even pace, to measure latency as a steady stream of webhooks meets it (autocannon's rate
 * option sends each second's quota in one burst, which measures queueing instead).
 */
import { Agent, request } from "node:http";
import { type CpuPerEvent, cpuMs } from "./process-stats.js";

/** Latency of one paced run, measured per request to the millisecond's fraction. */
export interface PacedMeasured {
  sent: number;
  ok: number;
  other: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** How late the generator sent (p99 of send time minus scheduled time): the pacing held if small. */
  slipP99Ms: number;
}

/** The q-quantile of sorted values. */
const quantile = (sorted: Float64Array, q: number) =>
  sorted.length === 0
    ? Number.NaN
    : (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);

/** Paced runs start with this much unmeasured traffic: connections open, then steady state is measured. */
export const PACED_WARM_UP_SECONDS = 1;

/**
 * An open-loop generator: request i is due at i / rate seconds and is sent then, whether or not
 * earlier ones were answered (Stripe does not wait either), over keep-alive connections. A timer
 * wakes about every millisecond and sends what is due, so at 2,000/s requests leave in pairs.
 * Latency runs from the send to the end of the answer, including any wait for a free socket.
 *
 * The first PACED_WARM_UP_SECONDS are not measured: after an idle spell the first requests also
 * open the connections (the client's, and the proxy's to NetSuite), which is not the steady state.
 * The CPU time of `pid` is read over the measured requests only.
 */
export function paced(
  url: string,
  body: string,
  headers: Record<string, string>,
  perSecond: number,
  seconds: number,
  pid?: number,
): Promise<{ measured: PacedMeasured; cpu: CpuPerEvent | null }> {
  const target = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: 512 });
  const warmUp = Math.round(perSecond * PACED_WARM_UP_SECONDS);
  const count = Math.max(1, Math.round(perSecond * seconds));
  const total = warmUp + count;
  const latencies = new Float64Array(total).fill(Number.POSITIVE_INFINITY);
  const slips = new Float64Array(total);
  const options = {
    agent,
    host: target.hostname,
    port: target.port,
    path: target.pathname + target.search,
    method: "POST",
    headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
  };
  let ok = 0;
  let answered = 0;
  let cpuBefore: ReturnType<typeof cpuMs> = null;
  return new Promise((resolve) => {
    const done = () => {
      if (++answered < total) return;
      const cpuAfter = cpuMs(pid);
      agent.destroy();
      const measuredLatencies = latencies.subarray(warmUp).sort();
      const measuredSlips = slips.subarray(warmUp).sort();
      const system = cpuBefore && cpuAfter ? cpuAfter.system - cpuBefore.system : 0;
      resolve({
        measured: {
          sent: count,
          ok,
          other: count - ok,
          p50Ms: quantile(measuredLatencies, 0.5),
          p99Ms: quantile(measuredLatencies, 0.99),
          maxMs: measuredLatencies[count - 1] ?? Number.NaN,
          slipP99Ms: quantile(measuredSlips, 0.99),
        },
        cpu:
          cpuBefore && cpuAfter
            ? { ms: (cpuAfter.user - cpuBefore.user + system) / count, systemMs: system / count }
            : null,
      });
    };
    const send = (i: number) => {
      const sentAt = performance.now();
      let counted = false;
      const finish = () => {
        if (counted) return;
        counted = true;
        done();
      };
      const req = request(options, (res) => {
        res.resume();
        res.on("end", () => {
          latencies[i] = performance.now() - sentAt;
          const success = res.statusCode !== undefined && res.statusCode >= 200 && res.statusCode < 300;
          if (success && i >= warmUp) ok++;
          finish();
        });
        res.on("close", finish); // an answer cut short counts as failed (its latency stays infinite)
      });
      req.on("error", finish);
      req.end(body);
    };
    const start = performance.now();
    let next = 0;
    const tick = () => {
      const now = performance.now();
      while (next < total && start + (next * 1000) / perSecond <= now) {
        if (next === warmUp) cpuBefore = cpuMs(pid);
        slips[next] = now - (start + (next * 1000) / perSecond);
        send(next++);
      }
      if (next < total) setTimeout(tick, start + (next * 1000) / perSecond - performance.now());
    };
    tick();
  });
}
