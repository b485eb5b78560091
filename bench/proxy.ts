/**
 * What the webhook proxy costs: signed Stripe events posted through the proxy (its CLI in its own
 * process, logging at info as in production) to a stub NetSuite answering `applied`, against the
 * same ForwardRequest posted straight to the stub. Prints events/s, p50/p99 latency and the latency
 * the proxy adds (open the seal, check the target, verify the signature, build and forward).
 *
 *   npm run bench:proxy -- [--duration 4] [--connections 16]   (four runs of --duration seconds)
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { buildEnvelope, buildForwardRequest, serializeForwardRequest } from "@nss/core";
import Stripe from "stripe";

interface AutocannonResult {
  requests: { average: number };
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

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i] ?? "", process.argv[i + 1] ?? "");
const duration = Number(args.get("--duration") ?? 4);
const connections = Number(args.get("--connections") ?? 16);

const SECRET = `whsec_${randomBytes(24).toString("hex")}`;
const ADMIN_TOKEN = randomBytes(24).toString("hex");
const cli = fileURLToPath(new URL("../packages/proxy/dist/cli.js", import.meta.url));

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

function customerEvent(): string {
  const event = {
    id: `evt_${randomBytes(8).toString("hex")}`,
    object: "event",
    api_version: "2023-08-16",
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    type: "customer.updated",
    data: {
      object: {
        id: "cus_NffrFeUfNV2Hib",
        object: "customer",
        email: "ann@example.com",
        name: "Ann AS",
        invoice_settings: { default_payment_method: "pm_1Card" },
        metadata: { netsuite_customer_id: "107", netsuite_subsidiary: "3" },
      },
      previous_attributes: { invoice_settings: { default_payment_method: null } },
    },
  };
  return JSON.stringify(event, null, 2);
}

/**
 * Mean latency from throughput (Little's law: connections / events per second), which keeps the
 * sub-millisecond precision autocannon's whole-millisecond histogram loses; p50/p99 are autocannon's.
 */
const meanMs = (r: AutocannonResult, conns: number) => (conns * 1000) / r.requests.average;

const row = (name: string, r: AutocannonResult, conns: number) =>
  [
    name.padEnd(16),
    `${r.requests.average.toFixed(0).padStart(7)} ev/s`,
    `mean ${meanMs(r, conns).toFixed(2).padStart(6)} ms`,
    `p50 ${r.latency.p50.toFixed(0).padStart(3)} ms`,
    `p99 ${r.latency.p99.toFixed(0).padStart(3)} ms`,
    `2xx ${r["2xx"]}, other ${r.non2xx + r.errors + r.timeouts}`,
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
  const envelope = buildEnvelope(JSON.parse(payload), { accountId: "1" });
  const forward = envelope.ok
    ? buildForwardRequest({ envelope: envelope.value, payload, signature })
    : envelope;
  if (!forward.ok) throw new Error("could not build the forward request");

  const run = (url: string, body: string, headers: Record<string, string>, seconds: number, conns: number) =>
    autocannon({ url, method: "POST", headers, body, connections: conns, duration: seconds });
  const direct = { "content-type": "application/json" };
  const viaProxy = { "content-type": "application/json", "stripe-signature": signature };
  const stubUrl = `${stub.origin}/app/site/hosting/scriptlet.nl`;
  const forwardBody = serializeForwardRequest(forward.value);

  console.log(
    `Proxy bench: ${payload.length}-byte signed customer.updated, stub NetSuite answering applied\n`,
  );
  await run(webhookUrl, payload, viaProxy, 1, connections); // warm-up (JIT, keep-alive sockets)
  // One connection shows what the proxy adds to each event; many show its throughput (it saturates).
  let failed = 0;
  for (const conns of [1, connections]) {
    const straight = await run(stubUrl, forwardBody, direct, duration, conns);
    const proxied = await run(webhookUrl, payload, viaProxy, duration, conns);
    console.log(row(`stub, ${conns} conn`, straight, conns));
    console.log(row(`proxy, ${conns} conn`, proxied, conns));
    const mean = (meanMs(proxied, conns) - meanMs(straight, conns)).toFixed(2);
    const added = (key: "p50" | "p99") => (proxied.latency[key] - straight.latency[key]).toFixed(0);
    console.log(`  added by the proxy: mean +${mean} ms, p50 +${added("p50")} ms, p99 +${added("p99")} ms\n`);
    failed += proxied.non2xx + proxied.errors + proxied.timeouts;
  }
  if (failed > 0) process.exitCode = 1;
} finally {
  proxy.child.kill("SIGTERM");
  stub.close();
}
