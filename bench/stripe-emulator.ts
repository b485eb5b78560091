/**
 * Requests per second the Stripe emulator serves to the official SDK: customer create, list by
 * email and retrieve, with the emulator in its own process (as in `npm start` and the end-to-end
 * tests) on an in-memory or file database.
 *
 *   npm run bench:stripe-emulator -- [--requests 3000] [--concurrency 16] [--db file]
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Stripe from "stripe";

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i] ?? "", process.argv[i + 1] ?? "");
const requests = Number(args.get("--requests") ?? 3000);
const concurrency = Number(args.get("--concurrency") ?? 16);
const useFile = args.has("--db");

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

async function rssOf(pid: number | undefined): Promise<string> {
  if (pid === undefined) return "?";
  try {
    const { readFileSync } = await import("node:fs");
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return `${(kb / 1024).toFixed(0)} MB`;
  } catch {
    return "?";
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
  const lines = [
    `Stripe emulator, ${requests} requests per operation, ${concurrency} in flight, ${useFile ? "file" : "in-memory"} SQLite, Node ${process.version}`,
    "| operation | requests/s | p50 ms | p99 ms |",
    "|---|---|---|---|",
    ...Object.entries({
      "customers.create": create,
      "customers.list (email)": list,
      "customers.retrieve": retrieve,
    }).map(
      ([name, m]) => `| ${name} | ${m.perSecond.toFixed(0)} | ${m.p50.toFixed(1)} | ${m.p99.toFixed(1)} |`,
    ),
    `emulator peak RSS: ${await rssOf(child.pid)} (after ${ids.length} customers)`,
  ];
  console.log(lines.join("\n"));
} finally {
  child.kill("SIGTERM");
  if (dir) rmSync(dir, { recursive: true, force: true });
}
