/**
 * Requests per second the Stripe emulator serves to the official SDK: customer create, list by
 * email and retrieve, with the emulator in its own process (as in `npm start` and the end-to-end
 * tests) on an in-memory or file database.
 *
 * `--json` prints one JSON line last (`StripeEmulatorResult`), for `bench/run-all.ts`.
 *
 *   npm run bench:stripe-emulator -- [--requests 3000] [--concurrency 16] [--db file] [--json]
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import Stripe from "stripe";

const { values: opts } = parseArgs({
  options: {
    requests: { type: "string", default: "3000" },
    concurrency: { type: "string", default: "16" },
    /** Any value: a SQLite file in a temporary directory instead of memory. */
    db: { type: "string" },
    json: { type: "boolean", default: false },
  },
});
const requests = Number(opts.requests);
const concurrency = Number(opts.concurrency);
const useFile = opts.db !== undefined;

/** The line `--json` prints last. */
export interface StripeEmulatorResult {
  bench: "stripe-emulator";
  requests: number;
  concurrency: number;
  db: "file" | "memory";
  operations: { name: string; perSecond: number; p50Ms: number; p99Ms: number }[];
  /** The emulator process's peak RSS (VmHWM), after `requests` customers were created. */
  emulatorPeakRssMb: number | null;
  node: string;
}

const cli = fileURLToPath(new URL("../packages/stripe-emulator/dist/cli.js", import.meta.url));

async function startEmulator(db: string | undefined): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, [cli, "--port", "0", ...(db ? ["--db", db] : [])], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on http:\/\/[^:]+:(\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.once("exit", (code) => reject(new Error(`emulator exited with ${code}`)));
  });
  return { child, port };
}

/** Runs `total` calls of `call` with `concurrency` in flight; returns requests per second and latencies. */
async function measure(total: number, call: (i: number) => Promise<unknown>) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t0 = performance.now();
        await call(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
  return { perSecond: total / seconds, p50: pct(0.5), p99: pct(0.99) };
}

/** A process's peak RSS in MB (VmHWM in /proc, Linux), or null where that cannot be read. */
function peakRssMb(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
    return Number.isFinite(kb) ? kb / 1024 : null;
  } catch {
    return null;
  }
}

const dir = useFile ? mkdtempSync(join(tmpdir(), "nss-bench-")) : undefined;
const { child, port } = await startEmulator(dir ? join(dir, "stripe.sqlite") : undefined);
try {
  const stripe = new Stripe("sk_test_bench", {
    host: "127.0.0.1",
    port,
    protocol: "http",
    maxNetworkRetries: 0,
  });
  const ids: string[] = [];
  const create = await measure(requests, async (i) => {
    const customer = await stripe.customers.create({
      email: `customer${i}@example.com`,
      name: `Customer ${i}`,
      address: { line1: `${i} Main Street`, city: "Oslo", country: "NO" },
      metadata: { netsuite_customer_id: String(i), netsuite_subsidiary: "1" },
    });
    ids.push(customer.id);
  });
  const list = await measure(requests, (i) =>
    stripe.customers.list({ email: `customer${i}@example.com`, limit: 10 }),
  );
  const retrieve = await measure(requests, (i) => stripe.customers.retrieve(ids[i % ids.length] ?? ""));
  const operations = Object.entries({
    "customers.create": create,
    "customers.list (email)": list,
    "customers.retrieve": retrieve,
  }).map(([name, m]) => ({ name, perSecond: m.perSecond, p50Ms: m.p50, p99Ms: m.p99 }));
  const rss = peakRssMb(child.pid);
  const lines = [
    `Stripe emulator, ${requests} requests per operation, ${concurrency} in flight, ${useFile ? "file" : "in-memory"} SQLite, Node ${process.version}`,
    "| operation | requests/s | p50 ms | p99 ms |",
    "|---|---|---|---|",
    ...operations.map(
      (m) => `| ${m.name} | ${m.perSecond.toFixed(0)} | ${m.p50Ms.toFixed(1)} | ${m.p99Ms.toFixed(1)} |`,
    ),
    `emulator peak RSS: ${rss === null ? "?" : `${rss.toFixed(0)} MB`} (after ${ids.length} customers)`,
  ];
  console.log(lines.join("\n"));
  if (opts.json) {
    const result: StripeEmulatorResult = {
      bench: "stripe-emulator",
      requests,
      concurrency,
      db: useFile ? "file" : "memory",
      operations,
      emulatorPeakRssMb: rss,
      node: process.version,
    };
    console.log(JSON.stringify(result));
  }
} finally {
  child.kill("SIGTERM");
  if (dir) rmSync(dir, { recursive: true, force: true });
}
