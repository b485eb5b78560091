/**
 * Restart: the mass sync in the NetSuite emulator's own process (`nss-netsuite-emulator run … --db`),
 * killed with SIGKILL once `killAfter` customers exist in Stripe, then run again to completion on the
 * same database file. The kill leaves no duplicate and no dangling link; the second run links every
 * customer exactly once.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { API_SECRETS } from "@nss/suiteapp/ids";
import { CERT_FILE, openNetSuite, secretEnv } from "@nss/suiteapp/system";
import { describe, expect, it } from "vitest";
import {
  audit,
  Cleanup,
  expectClean,
  LONG,
  MR,
  openAccount,
  seedCustomers,
  startStripe,
  until,
} from "./world.js";

const CLI = fileURLToPath(new URL("../../../netsuite-emulator/dist/cli.js", import.meta.url));

/** Short in `npm test`, long in `npm run test:reliability`. */
const size = LONG
  ? { customers: 200, killAfter: 80, concurrency: 5, postDelayMs: 30, seed: 200, timeout: 600_000 }
  : { customers: 30, killAfter: 10, concurrency: 3, postDelayMs: 60, seed: 13, timeout: 60_000 };

describe(LONG ? "reliability: restart at scale" : "reliability: restart", () => {
  it(
    `${size.customers} customers: the emulated NetSuite killed (SIGKILL) mid mass sync, then run again on the same database`,
    async () => {
      const cleanup = new Cleanup();
      try {
        // Set up: the customers saved in an account on a SQLite file, then that account closed; Stripe's
        // writes slowed a little so that the kill lands in the middle of the run.
        const key = `sk_test_nssRelRestart${size.seed}`;
        const stripeEmulator = await startStripe(cleanup);
        const { ns, stripe, db, project } = await openAccount(cleanup, stripeEmulator, {
          key,
          autoSync: false,
          concurrency: size.concurrency,
        });
        const secrets = { [API_SECRETS.stripeKey]: key };
        const ids = await seedCustomers(ns, size.customers, "rst");
        await ns.close();
        stripeEmulator.faults.add({
          kind: "delay",
          method: "POST",
          delayMs: size.postDelayMs,
          count: 1_000_000,
        });

        /** The mass sync run by the NetSuite emulator's command line on the account's database. */
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
          const exited = new Promise<{ code: number | null; signal: string | null; output: string }>(
            (resolve) => child.on("exit", (code, signal) => resolve({ code, signal, output })),
          );
          return { child, exited };
        };
        /** The account opened again on the same database, audited against Stripe, and closed. */
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
        const stripeCount = async () =>
          (await stripe.customers.list({ limit: 100 }).autoPagingToArray({ limit: 10_000 })).length;

        // Do: run, kill once `killAfter` Stripe customers exist, audit; run again to the end, audit.
        const first = runCli();
        cleanup.add(() => {
          if (first.child.exitCode === null) first.child.kill("SIGKILL");
        });
        await until(
          async () => (await stripeCount()) >= size.killAfter || first.child.exitCode !== null,
          120_000,
          25,
        );
        first.child.kill("SIGKILL");
        const killed = await first.exited;
        const atKillStripe = await stripeCount();
        const afterKill = await reopen();
        const second = runCli();
        const done = await second.exited;
        if (done.code !== 0)
          throw new Error(`the second run failed (${done.code}):\n${done.output.slice(-3000)}`);
        const result = await reopen();

        // Check.
        console.log(
          `reliability: restart — ${ids.length} customers, NetSuite killed by ${killed.signal} with ${atKillStripe} Stripe customers` +
            ` and ${afterKill.linked} linked; after the kill ${afterKill.unrecorded.length} not reached,` +
            ` ${afterKill.duplicates.length} duplicates; run again: ${result.linked} linked, ${result.stripeCustomers} Stripe customers,` +
            ` ${result.duplicates.length} duplicates`,
        );
        expect(killed.signal).toBe("SIGKILL");
        expect(atKillStripe).toBeLessThan(ids.length);
        expect(afterKill.duplicates).toEqual([]);
        expect(afterKill.dangling).toEqual([]);
        expectClean(result, ids.length);
      } finally {
        await cleanup.run();
      }
    },
    size.timeout,
  );
});
