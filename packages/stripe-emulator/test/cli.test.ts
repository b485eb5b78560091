// The built CLI (dist/cli.js; `npx tsc -b` first, as `npm test` does) run as a child process.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import Stripe from "stripe";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { expectValid } from "./helpers.js";

const CLI = fileURLToPath(new URL("../dist/cli.js", import.meta.url));

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill();
});

function run(args: string[]): Run {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  running.push(child);
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString("utf8");
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  return { child, stdout: () => stdout, stderr: () => stderr, exit };
}

async function waitForOutput(r: Run, pattern: RegExp, timeoutMs = 5000): Promise<RegExpExecArray> {
  const start = Date.now();
  for (;;) {
    const match = pattern.exec(r.stdout());
    if (match) return match;
    if (r.child.exitCode !== null) throw new Error(`CLI exited early: ${r.stderr()}`);
    if (Date.now() - start > timeoutMs)
      throw new Error(`no ${pattern} in output: ${r.stdout()} ${r.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("nss-stripe-emulator CLI", () => {
  beforeAll(() => {
    if (!existsSync(CLI))
      throw new Error(`${CLI} is missing: build with \`npx tsc -b packages/stripe-emulator\``);
  });

  it("--port 0 prints the URL it listens on, serves the API, and exits 0 on SIGTERM", async () => {
    const r = run(["--port", "0", "--search-lag-ms", "0"]);
    // Both lines are out once the second one is.
    await waitForOutput(r, /Use it with: .*\n/);
    const [, url = "", port = ""] = /listening on (http:\/\/127\.0\.0\.1:(\d+))/.exec(r.stdout()) ?? [];
    expect(Number(port)).toBeGreaterThan(0);
    expect(r.stdout()).toContain(
      `Use it with: new Stripe("sk_test_anything", { host: "127.0.0.1", port: ${port}, protocol: "http" })`,
    );

    const health = await fetch(`${url}/_emulator/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });

    const stripe = new Stripe("sk_test_cli", { host: "127.0.0.1", port: Number(port), protocol: "http" });
    const customer = await stripe.customers.create({ email: "cli@example.com" });
    expectValid("customer", customer);
    expect((await stripe.customers.retrieve(customer.id)).id).toBe(customer.id);

    r.child.kill("SIGTERM");
    expect(await r.exit).toEqual({ code: 0, signal: null });
    await expect(fetch(`${url}/_emulator/health`)).rejects.toThrow();
  });

  it("--help prints the usage and exits 0", async () => {
    const r = run(["--help"]);
    expect(await r.exit).toEqual({ code: 0, signal: null });
    expect(r.stdout()).toContain("Usage: nss-stripe-emulator [options]");
    expect(r.stdout()).toContain("--port N");
    expect(r.stdout()).toContain("--retry-scale X");
    expect(r.stderr()).toBe("");
  });

  it("a bad flag exits 2 with the problem and the usage on stderr", async () => {
    const r = run(["--prot", "1234"]);
    expect(await r.exit).toEqual({ code: 2, signal: null });
    expect(r.stderr()).toContain("unknown option --prot (did you mean --port?)");
    expect(r.stderr()).toContain("Usage: nss-stripe-emulator [options]");
    expect(r.stdout()).toBe("");

    const badValue = run(["--port", "http"]);
    expect(await badValue.exit).toEqual({ code: 2, signal: null });
    expect(badValue.stderr()).toContain('--port must be an integer from 0 to 65535, got "http"');
  });
});
