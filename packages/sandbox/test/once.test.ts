/**
 * The demo in-process, as `npm start -- --once` runs it: the whole system booted, 60 customers seeded,
 * the mass sync run, and the verdict read back from NetSuite and both Stripe accounts.
 */
import { execFile } from "node:child_process";
import { createServer, type Server } from "node:net";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { type ConsoleDeps, PortInUseError, runSandbox } from "../src/index.js";

const CLI = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const quiet = { write: () => true, isTTY: false };

describe("npm start -- --once", () => {
  it("links every customer that can sync once per Stripe account, refuses those without email, makes no duplicate", async () => {
    let deps: ConsoleDeps | undefined;
    const lines: string[] = [];
    const sandbox = await runSandbox(
      { customers: 60, port: 0, stripeKeys: [], webhookSecrets: [], once: true, host: "127.0.0.1" },
      {
        out: { write: (t: string) => lines.push(t), isTTY: false },
        startConsole: async (d) => {
          deps = d;
          return { url: "http://127.0.0.1:1", close: async () => {} };
        },
      },
    );
    const summary = sandbox.summary;
    expect(summary?.problems).toEqual([]);
    expect(summary?.ok).toBe(true);
    expect(summary?.customers).toBe(60);
    expect(summary?.withoutEmail).toBeGreaterThan(0);
    expect(summary?.syncable).toBe(60 - (summary?.withoutEmail ?? 0));
    expect(summary?.errors).toEqual({ expected: summary?.withoutEmail, unexpected: 0 });
    expect(summary?.accounts.map((a) => a.name)).toEqual(["Main", "Europe"]);
    for (const a of summary?.accounts ?? []) {
      expect(a.linked).toBe(a.expected);
      expect(a.stripeCustomers).toBe(a.expected);
      expect(a.duplicates).toBe(0);
    }
    // Some customers belong to both subsidiaries, and some were already in Stripe (linked, not created).
    const [main, europe] = summary?.accounts ?? [];
    expect((main?.expected ?? 0) + (europe?.expected ?? 0)).toBeGreaterThan(summary?.syncable ?? 0);
    expect(summary?.massSync.linked).toBeGreaterThan(0);
    expect(summary?.massSync.failed).toBe(summary?.withoutEmail);
    // Stripe sent an event per customer the sync created or linked; none can change a default payment
    // method, so the proxy answered them itself and NetSuite got none.
    expect(summary?.webhooks?.dropped).toBeGreaterThanOrEqual(summary?.syncable ?? 1);
    expect(summary?.webhooks?.forwarded).toBe(0);
    // The console got both accounts and the finished run; the log shows the progress every 10%.
    expect(deps?.accounts.map((a) => `${a.name}:${a.subsidiary}`)).toEqual(["Main:1", "Europe:2"]);
    expect(deps?.runs().find((r) => r.name === "Mass sync")).toMatchObject({
      status: "done",
      progress: { done: 60, total: 60 },
    });
    expect(lines.filter((l) => l.includes("customers ·") && l.startsWith("["))).toHaveLength(11);
    expect(lines.join("")).toContain("[####################] 60/60 customers");
  });

  it("names a port in use and --port, before starting anything (exit status 2 from the command)", async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const taken = (blocker.address() as { port: number }).port;
    try {
      // The port in use is the NetSuite app's: the base port is one below.
      const options = {
        customers: 5,
        port: taken - 1,
        stripeKeys: [],
        webhookSecrets: [],
        once: true,
        host: "127.0.0.1",
      };
      const error = await runSandbox(options, { out: quiet, startConsole: null }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PortInUseError);
      expect((error as Error).message).toBe(
        `Port ${taken} (the NetSuite emulator (app domain)) is in use. Stop what uses it, or choose other ports with --port <P>.`,
      );
      const cli = await promisify(execFile)(process.execPath, [CLI, "--port", String(taken), "--once"]).catch(
        (e: { code: number; stderr: string }) => e,
      );
      expect(cli).toMatchObject({ code: 2 });
      expect((cli as { stderr: string }).stderr).toContain(`Port ${taken} (the console) is in use`);
    } finally {
      blocker.close();
    }
  });
});
