/**
 * What the webhook proxy costs: signed Stripe events posted through the proxy (its CLI in its own
 * process, logging at info as in production) to a stub NetSuite answering `applied`, against the
 * same ForwardRequest posted straight to the stub. Prints events/s, p50/p99 latency and the latency
 * the proxy adds (open the seal, check the target, verify the signature, build and forward), the
 * proxy process's CPU time per event, and latency at an evenly paced rate.
 *
 * Saturated runs (autocannon, 1 and --connections connections) show throughput, but their latency is
 * queueing behind a busy proxy. The paced runs send --rate requests/s spread evenly (autocannon's
 * rate limit sends each second's quota in a burst), which is how Stripe's traffic arrives.
 *
 * `--json` prints one JSON line last (`ProxyResult`), for `bench/run-all.ts`.
 *
 *   npm run bench:proxy -- [--duration 4] [--connections 16] [--rate 2000] [--json]
 *   (six runs of --duration seconds: stub and proxy at 1 and --connections, then both paced)
 *
 * BENCH_PROF=1 writes the proxy's CPU profile to /tmp/cpuprof; BENCH_PROXY_CLI=<path to cli.js> runs
 * another build of the proxy.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { buildForwardRequestV2, serializeForwardRequestV2 } from "@nss/core";
import { stripeCustomerEvent } from "@nss/core/testing";
import Stripe from "stripe";
import { PACED_WARM_UP_SECONDS, type PacedMeasured, paced } from "./lib/paced-load.js";
import { type CpuPerEvent, peakRssMb, withCpu } from "./lib/process-stats.js";

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  "2xx": number;
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Autocannon = (options: {
  url: string;
  method: "POST";
  headers: Record<string, string>;
  body: string;
  connections: number;
  duration: number;
}) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

const { values: opts } = parseArgs({
  options: {
    duration: { type: "string", default: "4" },
    connections: { type: "string", default: "16" },
    rate: { type: "string", default: "2000" },
    json: { type: "boolean", default: false },
  },
});
const duration = Number(opts.duration);
const connections = Number(opts.connections);
const rate = Number(opts.rate);

/** Events per second and latency of one autocannon run. */
export interface Measured {
  eventsPerSecond: number;
  /** Little's law: connections / events per second (sub-millisecond precision). */
  meanMs: number;
  /** autocannon's, in whole milliseconds. */
  p50Ms: number;
  p99Ms: number;
  ok: number;
  other: number;
}

export type { PacedMeasured } from "./lib/paced-load.js";

/** The line `--json` prints last. */
export interface ProxyResult {
  bench: "proxy";
  payloadBytes: number;
  durationSeconds: number;
  runs: {
    connections: number;
    direct: Measured;
    proxy: Measured;
    added: { meanMs: number; p50Ms: number; p99Ms: number };
    /** The proxy process's CPU time (user + system) over the run, per event answered. */
    proxyCpuMsPerEvent: number | null;
    /** The system part of it (socket calls; on loopback they carry the receiving end's TCP work too). */
    proxyCpuSystemMsPerEvent: number | null;
  }[];
  /** --rate requests/s spread evenly, --duration seconds measured after a 1 s warm-up, straight to the stub and through the proxy. */
  paced: {
    rate: number;
    direct: PacedMeasured;
    proxy: PacedMeasured;
    added: { p50Ms: number; p99Ms: number };
    proxyCpuMsPerEvent: number | null;
    proxyCpuSystemMsPerEvent: number | null;
  };
  /** The proxy process's peak RSS (VmHWM), read before it is stopped. */
  proxyPeakRssMb: number | null;
  node: string;
}

const SECRET = `whsec_${randomBytes(24).toString("hex")}`;
const ADMIN_TOKEN = randomBytes(24).toString("hex");
/** BENCH_PROXY_CLI runs another build of the proxy (e.g. the last release's), to compare on one machine. */
const cli =
  process.env.BENCH_PROXY_CLI ?? fileURLToPath(new URL("../packages/proxy/dist/cli.js", import.meta.url));

/** The stub Suitelet, in its own process like NetSuite: reads the body, answers `applied`. */
const STUB = `
const server = require("node:http").createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end('{"result":"applied","message":"ok"}');
  });
});
server.listen(Number(process.env.STUB_PORT), "127.0.0.1", () => process.send("ready"));
`;

async function startStub(): Promise<{ origin: string; close(): void }> {
  const port = await freePort();
  const child = spawn(process.execPath, ["-e", STUB], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    env: { ...process.env, STUB_PORT: String(port) },
  });
  await new Promise((resolve, reject) => {
    child.once("message", resolve);
    child.once("exit", (code) => reject(new Error(`stub exited with ${code}`)));
  });
  return { origin: `http://127.0.0.1:${port}`, close: () => child.kill() };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startProxy(allowed: string): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [...(process.env.BENCH_PROF ? ["--cpu-prof", "--cpu-prof-dir=/tmp/cpuprof"] : []), cli],
    {
      // The request log goes to /dev/null: a pipe this busy process drains late would slow the proxy.
      stdio: ["ignore", "ignore", "inherit"],
      env: {
        ...process.env,
        PROXY_PORT: String(port),
        PROXY_HOST: "127.0.0.1",
        PROXY_SEAL_KEYS: `bench:${randomBytes(32).toString("base64")}`,
        PROXY_ADMIN_TOKEN: ADMIN_TOKEN,
        PROXY_ALLOWED_TARGETS: allowed,
        LOG_LEVEL: process.env.LOG_LEVEL ?? "info",
      },
    },
  );
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`proxy exited with ${child.exitCode}`);
    const up = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { child, url };
    if (attempt > 100) throw new Error("the proxy did not start");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Core's customer.updated with a fresh ID and timestamp, pretty-printed as Stripe sends it. */
function customerEvent(): string {
  const id = `evt_${randomBytes(8).toString("hex")}`;
  return JSON.stringify(stripeCustomerEvent({ id, created: Math.floor(Date.now() / 1000) }), null, 2);
}

/**
 * Mean latency from throughput (Little's law: connections / events per second), which keeps the
 * sub-millisecond precision autocannon's whole-millisecond histogram loses; p50/p99 are autocannon's.
 */
const meanMs = (r: AutocannonResult, conns: number) => (conns * 1000) / r.requests.average;

const measured = (r: AutocannonResult, conns: number): Measured => ({
  eventsPerSecond: r.requests.average,
  meanMs: meanMs(r, conns),
  p50Ms: r.latency.p50,
  p99Ms: r.latency.p99,
  ok: r["2xx"],
  other: r.non2xx + r.errors + r.timeouts,
});

const cpuText = (cpu: CpuPerEvent | null) =>
  cpu === null
    ? "?"
    : `${cpu.ms.toFixed(3)} ms (of which system ${cpu.systemMs.toFixed(3)}): ${Math.round(1000 / cpu.ms)} events/s on one core`;

const row = (name: string, r: AutocannonResult, conns: number) =>
  [
    name.padEnd(16),
    `${r.requests.average.toFixed(0).padStart(7)} ev/s`,
    `mean ${meanMs(r, conns).toFixed(2).padStart(6)} ms`,
    `p50 ${r.latency.p50.toFixed(0).padStart(3)} ms`,
    `p99 ${r.latency.p99.toFixed(0).padStart(3)} ms`,
    `2xx ${r["2xx"]}, other ${r.non2xx + r.errors + r.timeouts}`,
  ].join("   ");

const pacedRow = (name: string, r: PacedMeasured) =>
  [
    name.padEnd(16),
    `${r.sent} sent`,
    `p50 ${r.p50Ms.toFixed(2).padStart(6)} ms`,
    `p99 ${r.p99Ms.toFixed(2).padStart(7)} ms`,
    `max ${r.maxMs.toFixed(1).padStart(7)} ms`,
    `2xx ${r.ok}, other ${r.other}`,
    `send slip p99 ${r.slipP99Ms.toFixed(2)} ms`,
  ].join("   ");

const stub = await startStub();
const proxy = await startProxy(stub.origin);
try {
  const sealed = await fetch(`${proxy.url}/seal`, {
    method: "POST",
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    body: JSON.stringify({
      url: `${stub.origin}/app/site/hosting/scriptlet.nl`,
      secret: SECRET,
      account: "1",
    }),
  });
  const { webhook_url: webhookUrl } = (await sealed.json()) as { webhook_url: string };
  const payload = customerEvent();
  const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET });
  // What the proxy sends NetSuite (core's version 2), so the direct runs post the same bytes.
  const forward = buildForwardRequestV2({ account: "1", payload, signature });
  if (!forward.ok) throw new Error("could not build the forward request");

  const run = (url: string, body: string, headers: Record<string, string>, seconds: number, conns: number) =>
    autocannon({ url, method: "POST", headers, body, connections: conns, duration: seconds });
  const direct = { "content-type": "application/json" };
  const viaProxy = { "content-type": "application/json", "stripe-signature": signature };
  const stubUrl = `${stub.origin}/app/site/hosting/scriptlet.nl`;
  const forwardBody = serializeForwardRequestV2(forward.value);
  const pid = proxy.child.pid;

  console.log(
    `Proxy bench: ${payload.length}-byte signed customer.updated, stub NetSuite answering applied\n`,
  );
  await run(webhookUrl, payload, viaProxy, 1, connections); // warm-up (JIT, keep-alive sockets)
  // One connection shows what the proxy adds to each event; many show its throughput (it saturates).
  let failed = 0;
  const runs: ProxyResult["runs"] = [];
  for (const conns of [1, connections]) {
    const straight = await run(stubUrl, forwardBody, direct, duration, conns);
    const { result: proxied, cpu } = await withCpu(
      pid,
      () => run(webhookUrl, payload, viaProxy, duration, conns),
      (r) => r["2xx"] + r.non2xx,
    );
    console.log(row(`stub, ${conns} conn`, straight, conns));
    console.log(row(`proxy, ${conns} conn`, proxied, conns));
    const mean = (meanMs(proxied, conns) - meanMs(straight, conns)).toFixed(2);
    const added = (key: "p50" | "p99") => (proxied.latency[key] - straight.latency[key]).toFixed(0);
    console.log(`  added by the proxy: mean +${mean} ms, p50 +${added("p50")} ms, p99 +${added("p99")} ms`);
    console.log(`  proxy CPU per event: ${cpuText(cpu)}\n`);
    failed += proxied.non2xx + proxied.errors + proxied.timeouts;
    const d = measured(straight, conns);
    const p = measured(proxied, conns);
    runs.push({
      connections: conns,
      direct: d,
      proxy: p,
      added: { meanMs: p.meanMs - d.meanMs, p50Ms: p.p50Ms - d.p50Ms, p99Ms: p.p99Ms - d.p99Ms },
      proxyCpuMsPerEvent: cpu?.ms ?? null,
      proxyCpuSystemMsPerEvent: cpu?.systemMs ?? null,
    });
  }

  console.log(
    `Paced: ${rate} requests/s spread evenly, ${duration} s measured after ${PACED_WARM_UP_SECONDS} s, keep-alive connections`,
  );
  const { measured: pacedDirect } = await paced(stubUrl, forwardBody, direct, rate, duration);
  const pacedProxy = await paced(webhookUrl, payload, viaProxy, rate, duration, pid);
  console.log(pacedRow("stub, paced", pacedDirect));
  console.log(pacedRow("proxy, paced", pacedProxy.measured));
  const pacedAdded = {
    p50Ms: pacedProxy.measured.p50Ms - pacedDirect.p50Ms,
    p99Ms: pacedProxy.measured.p99Ms - pacedDirect.p99Ms,
  };
  console.log(
    `  added by the proxy: p50 +${pacedAdded.p50Ms.toFixed(2)} ms, p99 +${pacedAdded.p99Ms.toFixed(2)} ms`,
  );
  console.log(`  proxy CPU per event: ${cpuText(pacedProxy.cpu)}\n`);
  failed += pacedProxy.measured.other;
  const rss = peakRssMb(proxy.child.pid);
  console.log(`proxy peak RSS: ${rss === null ? "?" : `${rss.toFixed(0)} MB`}`);
  if (opts.json) {
    const result: ProxyResult = {
      bench: "proxy",
      payloadBytes: payload.length,
      durationSeconds: duration,
      runs,
      paced: {
        rate,
        direct: pacedDirect,
        proxy: pacedProxy.measured,
        added: pacedAdded,
        proxyCpuMsPerEvent: pacedProxy.cpu?.ms ?? null,
        proxyCpuSystemMsPerEvent: pacedProxy.cpu?.systemMs ?? null,
      },
      proxyPeakRssMb: rss,
      node: process.version,
    };
    console.log(JSON.stringify(result));
  }
  if (failed > 0) process.exitCode = 1;
} finally {
  proxy.child.kill("SIGTERM");
  stub.close();
}
