/**
 * Runs every benchmark under bench/, each in its own child process (so that each memory figure is that
 * run's), collects the JSON line each prints last with `--json`, and writes docs/benchmarks.md: the date,
 * the machine, the command and every figure. The file is overwritten on each run. `npm run bench`
 * builds once first.
 *
 *   npm run bench -- [--customers 2000] [--model 100000] [--quick] [--out docs/benchmarks.md]
 *
 * `--quick` is a smoke run: 1,000 customers (unless --customers says otherwise), fewer Stripe emulator
 * requests and 1-second proxy runs.
 */
import { spawn } from "node:child_process";
import { readdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg, arch as osArch, release as osRelease, type as osType, totalmem } from "node:os";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { massSyncMarkdown } from "./lib/mass-sync-report.js";
import type { MassSyncResult } from "./lib/mass-sync-result.js";
import type { OperationsPageResult } from "./operations-page.js";
import type { ProxyResult } from "./proxy.js";
import type { StripeEmulatorResult } from "./stripe-emulator.js";

const { values: opts } = parseArgs({
  options: {
    customers: { type: "string" },
    model: { type: "string", default: "100000" },
    quick: { type: "boolean", default: false },
    out: { type: "string", default: "docs/benchmarks.md" },
  },
});
const quick = opts.quick;
// At least 1,000: the refresh's windows hold 1,000 customers, and the model scales whole windows.
const customers = Number(opts.customers ?? (quick ? 1_000 : 2_000));
if (!Number.isInteger(customers) || customers < 1) throw new Error("--customers must be a positive integer");

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BENCH = join(ROOT, "bench");
const OUT = resolve(ROOT, opts.out);

const STRIPE_REQUESTS = quick ? 500 : 3000;
const PROXY_SECONDS = quick ? 1 : 4;

interface Job {
  name: string;
  file: string;
  args: string[];
}
const JOBS: Job[] = [
  {
    name: "mass sync",
    file: "mass-sync.ts",
    args: ["--customers", String(customers), "--model", String(opts.model)],
  },
  { name: "Stripe emulator", file: "stripe-emulator.ts", args: ["--requests", String(STRIPE_REQUESTS)] },
  { name: "proxy", file: "proxy.ts", args: ["--duration", String(PROXY_SECONDS)] },
  {
    name: "operations page",
    file: "operations-page.ts",
    args: ["--sizes", quick ? "1000,10000" : "1000,100000"],
  },
];
// Any other benchmark added under bench/ runs too, with its defaults; its JSON is shown as it is.
const planned = new Set(JOBS.map((j) => j.file));
for (const file of readdirSync(BENCH).sort()) {
  if (file.endsWith(".ts") && file !== "run-all.ts" && !planned.has(file)) {
    JOBS.push({ name: file.replace(/\.ts$/, ""), file, args: [] });
  }
}

interface Outcome {
  job: Job;
  seconds: number;
  result?: { bench?: string } & Record<string, unknown>;
  error?: string;
}

/** Runs one benchmark in its own Node process (tsx as a loader), echoing its output; keeps its JSON line. */
function runJob(job: Job): Promise<Outcome> {
  const started = performance.now();
  console.log(`\n=== ${job.name}: tsx bench/${job.file} ${job.args.join(" ")} --json\n`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", join(BENCH, job.file), ...job.args, "--json"], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let buffered = "";
    let json: string | undefined;
    const line = (text: string) => {
      if (text.startsWith("{")) json = text;
      else console.log(text);
    };
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      buffered += chunk;
      let nl = buffered.indexOf("\n");
      while (nl >= 0) {
        line(buffered.slice(0, nl));
        buffered = buffered.slice(nl + 1);
        nl = buffered.indexOf("\n");
      }
    });
    child.on("close", (code, signal) => {
      if (buffered) line(buffered);
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) {
        resolve({ job, seconds, error: `exited with ${code ?? signal}` });
        return;
      }
      try {
        if (json === undefined) throw new Error("printed no JSON line");
        resolve({ job, seconds, result: JSON.parse(json) });
      } catch (error) {
        resolve({ job, seconds, error: error instanceof Error ? error.message : String(error) });
      }
    });
  });
}

const startedAt = new Date();
const load = loadavg();
const started = performance.now();
const outcomes: Outcome[] = [];
for (const job of JOBS) outcomes.push(await runJob(job));
const totalSeconds = (performance.now() - started) / 1000;

// ---- docs/benchmarks.md ----

const f0 = (n: number) => n.toFixed(0);
const f1 = (n: number) => n.toFixed(1);
const f2 = (n: number) => n.toFixed(2);
const mb = (n: number | null | undefined) => (n === null || n === undefined ? "?" : `${f0(n)} MB`);
const int = (n: number) => n.toLocaleString("en-US");
const cpu = cpus();
const argsText = process.argv.slice(2).join(" ");
const command = `npm run bench${argsText ? ` -- ${argsText}` : ""}`;
const md: string[] = [
  "# Benchmarks",
  "",
  "Written by `npm run bench` (`bench/run-all.ts`), which overwrites this file on each run.",
  "",
];
if (quick) {
  md.push(
    `> **Quick run (N=${int(customers)})**: a smoke run with small N, to check that every benchmark works.`,
    "> Its figures are not the benchmark: the full run is `npm run bench` (N=2,000) on a quiet machine.",
    "",
  );
}
md.push(
  `- **Date**: ${startedAt.toISOString()}`,
  `- **Machine**: ${cpu[0]?.model.trim() ?? "unknown CPU"} × ${cpu.length}, ${f1(totalmem() / 1024 ** 3)} GiB memory,` +
    ` ${osType()} ${osRelease()} ${osArch()}; Node ${process.version}`,
  `- **Load average at start** (1/5/15 min): ${load.map(f2).join(" / ")}`,
  `- **Command**: \`${command}\``,
  `- **Total wall time**: ${f0(totalSeconds)} s (${outcomes.map((o) => `${o.job.name} ${f0(o.seconds)} s`).join(", ")})`,
  "",
);
// Runs written beside this one with another --out (e.g. 100,000 customers), so a reader finds them.
const otherRuns = readdirSync(dirname(OUT))
  .filter((f) => /^benchmarks.*\.md$/.test(f) && f !== basename(OUT))
  .sort();
if (otherRuns.length > 0) {
  md.push(
    `Other runs, each written by its own command: ${otherRuns.map((f) => `[${f}](${f})`).join(", ")}.`,
    "",
  );
}

const failed = outcomes.filter((o) => o.error);
if (failed.length > 0) {
  md.push("## Failed", "");
  for (const o of failed)
    md.push(`- ${o.job.name} (\`bench/${o.job.file} ${o.job.args.join(" ")}\`): ${o.error}`);
  md.push("");
}

const ok = (name: string) => outcomes.filter((o) => o.result?.bench === name && !o.error);
const massRuns = ok("mass-sync").map((o) => o.result as unknown as MassSyncResult);
for (const mass of massRuns) md.push(...massSyncMarkdown(mass));

const stripeBench = ok("stripe-emulator").map((o) => o.result as unknown as StripeEmulatorResult)[0];
if (stripeBench) {
  md.push(
    "## Stripe emulator",
    "",
    `The emulator's CLI in its own process (${stripeBench.db === "file" ? "SQLite file" : "in-memory SQLite"}),` +
      ` driven by the official \`stripe\` SDK over HTTP: ${int(stripeBench.requests)} requests per operation,` +
      ` ${stripeBench.concurrency} in flight.`,
    "",
    "| operation | requests/s | p50 ms | p99 ms |",
    "|---|---|---|---|",
    ...stripeBench.operations.map(
      (m) => `| ${m.name} | ${f0(m.perSecond)} | ${f1(m.p50Ms)} | ${f1(m.p99Ms)} |`,
    ),
    "",
    `Emulator peak RSS: ${mb(stripeBench.emulatorPeakRssMb)} (after ${int(stripeBench.requests)} customers).`,
    "",
  );
}

const proxyBench = ok("proxy").map((o) => o.result as unknown as ProxyResult)[0];
if (proxyBench) {
  const cpu = (ms: number | null | undefined) =>
    ms === null || ms === undefined ? "?" : `${f2(ms * 1000)} µs`;
  md.push(
    "## Webhook proxy",
    "",
    `A ${proxyBench.payloadBytes}-byte signed \`customer.updated\` posted through the proxy (its CLI in its own` +
      " process, logging at info) to a stub NetSuite in another process answering `applied`, against the" +
      ` same forward request posted straight to the stub; autocannon, ${proxyBench.durationSeconds} s per run.` +
      " Mean latency is connections ÷ events/s (Little's law); p50/p99 are autocannon's whole milliseconds." +
      " CPU per event is the proxy process's user + system CPU time over the run divided by the events it" +
      " answered (the steady figure on a noisy machine).",
    "",
    "| connections | direct events/s | proxy events/s | direct mean / p50 / p99 ms | proxy mean / p50 / p99 ms | added by the proxy: mean / p50 / p99 ms | proxy CPU per event (of which system) | proxy non-2xx |",
    "|---|---|---|---|---|---|---|---|",
    ...proxyBench.runs.map(
      (r) =>
        `| ${r.connections} | ${f0(r.direct.eventsPerSecond)} | ${f0(r.proxy.eventsPerSecond)}` +
        ` | ${f2(r.direct.meanMs)} / ${r.direct.p50Ms} / ${r.direct.p99Ms}` +
        ` | ${f2(r.proxy.meanMs)} / ${r.proxy.p50Ms} / ${r.proxy.p99Ms}` +
        ` | +${f2(r.added.meanMs)} / +${r.added.p50Ms} / +${r.added.p99Ms}` +
        ` | ${cpu(r.proxyCpuMsPerEvent)} (${cpu(r.proxyCpuSystemMsPerEvent)}) | ${r.proxy.other} |`,
    ),
    "",
  );
  const p = proxyBench.paced;
  if (p) {
    md.push(
      `At an evenly paced ${int(p.rate)} events/s, measured after a 1 s warm-up (each request sent on its own schedule, latency measured per` +
        ` request; the generator's own lateness p99 ${f2(p.proxy.slipP99Ms)} ms):`,
      "",
      "| | sent | non-2xx | p50 ms | p99 ms | max ms | proxy CPU per event |",
      "|---|---|---|---|---|---|---|",
      `| direct to the stub | ${int(p.direct.sent)} | ${p.direct.other} | ${f2(p.direct.p50Ms)} | ${f2(p.direct.p99Ms)} | ${f2(p.direct.maxMs)} | |`,
      `| through the proxy | ${int(p.proxy.sent)} | ${p.proxy.other} | ${f2(p.proxy.p50Ms)} | ${f2(p.proxy.p99Ms)} | ${f2(p.proxy.maxMs)} | ${cpu(p.proxyCpuMsPerEvent)} |`,
      `| added by the proxy | | | +${f2(p.added.p50Ms)} | +${f2(p.added.p99Ms)} | | |`,
      "",
    );
  }
  md.push(`Proxy peak RSS: ${mb(proxyBench.proxyPeakRssMb)}.`, "");
}

const opsPage = ok("operations-page").map((o) => o.result as unknown as OperationsPageResult)[0];
if (opsPage) {
  md.push(
    "## Operations page",
    "",
    "The Stripe Sync page (`customscript_nss_ops_sl`) opened as the SuiteApp's role, in an account seeded through" +
      " the NetSuite emulator's data API: per customer a link and a row of the last dry run's plan, 1% failed" +
      " customers, a possible duplicate row per 100 customers. Units are the page's own execution log line" +
      " (a Suitelet may use 1,000); modelled time is one page load on a real account, typical latencies.",
    "",
    "| customers | failed | units, first page | units, last page of failed | modelled ms |",
    "|---|---|---|---|---|",
    ...opsPage.runs.map(
      (r) =>
        `| ${int(r.customers)} | ${int(r.failed)} | ${r.unitsFirstPage} | ${r.unitsLastPage} | ${r.modelledMs === null ? "?" : f0(r.modelledMs)} |`,
    ),
    "",
    opsPage.flat
      ? "The units are the same at every size: no panel reads per customer."
      : "**The units grow with the customers**: a panel reads per customer.",
    "",
  );
}

md.push(
  "## Memory",
  "",
  "Peak RSS per benchmark process. The mass sync runs both emulators in the bench's own process and the" +
    " scripts in its worker threads, so its figure is that whole process (`process.resourceUsage().maxRSS`);" +
    " the Stripe emulator and the proxy run in processes of their own, read from `/proc/<pid>/status` (VmHWM).",
  "",
  "| process | peak RSS |",
  "|---|---|",
  ...massRuns.map(
    (r) => `| mass sync and refresh, N=${int(r.customers)} (both emulators, scripts) | ${mb(r.peakRssMb)} |`,
  ),
  ...(stripeBench ? [`| Stripe emulator CLI | ${mb(stripeBench.emulatorPeakRssMb)} |`] : []),
  ...(proxyBench ? [`| proxy CLI | ${mb(proxyBench.proxyPeakRssMb)} |`] : []),
  "",
);

const others = outcomes.filter(
  (o) =>
    o.result && !["mass-sync", "stripe-emulator", "proxy", "operations-page"].includes(o.result.bench ?? ""),
);
for (const o of others) {
  md.push(`## ${o.job.name}`, "", "```json", JSON.stringify(o.result, null, 2), "```", "");
}

md.push(
  "## Commands",
  "",
  "Each benchmark also runs on its own (these print the same figures to the terminal; `--json` adds one JSON line):",
  "",
  ...outcomes.map((o) => {
    const script = `bench:${o.job.file.replace(/\.ts$/, "")}`;
    return `- \`npm run ${script} -- ${o.job.args.join(" ")}\``;
  }),
  "",
);

writeFileSync(OUT, md.join("\n"));
console.log(
  `\nwrote ${relative(ROOT, OUT)} in ${f0(totalSeconds)} s${failed.length ? `; ${failed.length} failed` : ""}`,
);
if (failed.length > 0) process.exitCode = 1;
