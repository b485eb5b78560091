/**
 * Restart: the emulated NetSuite killed (SIGKILL) in the middle of a mass sync, then run again.
 * Sized by the caller; returns its figures.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { API_SECRETS } from "@nss/suiteapp/ids";
import { CERT_FILE, openNetSuite, secretEnv } from "@nss/suiteapp/system";
import { type Audit, audit, Cleanup, MR, openAccount, seedCustomers, startStripe } from "../world.js";
import { until } from "./common.js";

const CLI = fileURLToPath(new URL("../../../../netsuite-emulator/dist/cli.js", import.meta.url));

export interface RestartResult {
  customers: number;
  /** Stripe customers and NetSuite links when NetSuite was killed. */
  atKill: { stripe: number; linked: number };
  killedBy: string | null;
  afterKill: Audit;
  secondExit: number | null;
  result: Audit;
}

/**
 * The mass sync in the NetSuite emulator's own process (`nss-netsuite-emulator run … --db`), killed
 * with SIGKILL once `killAfter` customers exist in Stripe, then run again to completion on the same
 * database file.
 */
export async function restartCase(options: {
  customers: number;
  killAfter: number;
  concurrency: number;
  postDelayMs: number;
  seed: number;
}): Promise<RestartResult> {
  const cleanup = new Cleanup();
  try {
    const key = `sk_test_nssRelRestart${options.seed}`;
    const stripeEmulator = await startStripe(cleanup);
    const { ns, stripe, db, project } = await openAccount(cleanup, stripeEmulator, {
      key,
      autoSync: false,
      concurrency: options.concurrency,
    });
    const secrets = { [API_SECRETS.stripeKey]: key };
    const ids = await seedCustomers(ns, options.customers, "rst");
    await ns.close();
    // Slow Stripe's writes a little so that the kill lands in the middle of the run.
    stripeEmulator.faults.add({
      kind: "delay",
      method: "POST",
      delayMs: options.postDelayMs,
      count: 1_000_000,
    });

    const runCli = () => {
      const child = spawn(
        process.execPath,
        [CLI, "run", "--project", project, "--db", db, "--script", MR, "--no-install"],
        {
          env: { ...process.env, ...secretEnv(secrets), NODE_EXTRA_CA_CERTS: CERT_FILE },
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
      let output = "";
      child.stdout.on("data", (c: Buffer) => {
        output += c.toString("utf8");
      });
      child.stderr.on("data", (c: Buffer) => {
        output += c.toString("utf8");
      });
      const exited = new Promise<{ code: number | null; signal: string | null; output: string }>((resolve) =>
        child.on("exit", (code, signal) => resolve({ code, signal, output })),
      );
      return { child, exited };
    };

    const first = runCli();
    cleanup.add(() => {
      if (first.child.exitCode === null) first.child.kill("SIGKILL");
    });
    const stripeCount = async () =>
      (await stripe.customers.list({ limit: 100 }).autoPagingToArray({ limit: 10_000 })).length;
    await until(
      async () => (await stripeCount()) >= options.killAfter || first.child.exitCode !== null,
      120_000,
      25,
    );
    first.child.kill("SIGKILL");
    const killed = await first.exited;
    const atKillStripe = await stripeCount();

    const reopen = async () => {
      const opened = await openNetSuite({
        dir: cleanup.dir("nss-rel-reopen-"),
        projectDir: project,
        db,
        secrets,
        install: false,
      });
      try {
        return await audit(opened, stripe, ids);
      } finally {
        await opened.close();
      }
    };
    const afterKill = await reopen();

    const second = runCli();
    const done = await second.exited;
    if (done.code !== 0)
      throw new Error(`the second run failed (${done.code}):\n${done.output.slice(-3000)}`);
    return {
      customers: ids.length,
      atKill: { stripe: atKillStripe, linked: afterKill.linked },
      killedBy: killed.signal,
      afterKill,
      secondExit: done.code,
      result: await reopen(),
    };
  } finally {
    await cleanup.run();
  }
}
