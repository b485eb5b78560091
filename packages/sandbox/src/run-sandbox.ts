/**
 * The demo: check the ports, boot the system, seed a fresh account, serve the console, run the mass
 * sync with a progress bar, print where to look; with `once`, check the result and stop.
 */

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { CONFIG_RECORD, SCRIPTS } from "@nss/suiteapp/ids";
import { configRecord } from "@nss/suiteapp/system";
import { boot, type System } from "./boot.js";
import { checkDemo, type Summary } from "./check-demo.js";
import { startConsole as realConsole } from "./console/index.js";
import { MASS_SYNC, MapReduceRuns, PAYMENT_METHODS, type RunResult } from "./map-reduce-runs.js";
import type { SandboxOptions } from "./options.js";
import { checkPorts, planPorts } from "./ports.js";
import { createProgress, type ProgressOut } from "./progress.js";
import { seedDemo } from "./seed.js";
import { prepareStripeListen } from "./stripe-listen.js";
import { readWebhookCounts } from "./webhook-counts.js";

export type StartConsole = typeof realConsole;

export interface SandboxHooks {
  /** Where the human-readable lines and the progress bar go (default: stdout, or stderr with `once`). */
  out?: ProgressOut;
  /** The console to serve (default `src/console/`); null serves none (tests of the demo alone). */
  startConsole?: StartConsole | null;
  /** Aborting stops the demo at its next step and closes what has started. */
  signal?: AbortSignal;
}

export interface RunningSandbox {
  system: System;
  urls: Record<string, string>;
  /** With `once`: the verdict (the sandbox is then already closed). */
  summary?: Summary;
  close(): Promise<void>;
}

export class StoppedError extends Error {
  constructor() {
    super("stopped");
  }
}

export async function runSandbox(options: SandboxOptions, hooks: SandboxHooks = {}): Promise<RunningSandbox> {
  const out = hooks.out ?? (options.once ? process.stderr : process.stdout);
  const say = (line: string) => out.write(`${line}\n`);
  const started = performance.now();
  const ports = planPorts(options.port);
  // Before anything starts: a port in use is a clear message, not a half-started system.
  await checkPorts(ports, options.host);

  const temp = options.db === undefined;
  const dir = options.db !== undefined ? resolve(options.db) : mkdtempSync(join(tmpdir(), "nss-sandbox-"));
  const closers: (() => Promise<void>)[] = [];
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    for (const c of closers.splice(0).reverse()) await c().catch(() => {});
    if (temp) rmSync(dir, { recursive: true, force: true });
  };
  const checkpoint = async () => {
    if (hooks.signal?.aborted) {
      await close();
      throw new StoppedError();
    }
  };

  try {
    say(options.stripeKeys.length ? "Starting (real Stripe, test mode)…" : "Starting…");
    const system = await boot({ dir, ports, host: options.host, stripeKeys: options.stripeKeys });
    // Lets webhook deliveries in flight reach NetSuite, but never waits out Stripe's retries.
    const settle = async () => {
      const idle = system.stripeEmulator?.delivery.idle();
      if (idle) await Promise.race([idle, new Promise((r) => setTimeout(r, 2000).unref())]);
    };
    closers.push(async () => {
      await settle();
      await system.close();
    });
    await checkpoint();
    const { ns, server } = system;

    let seedSeconds = 0;
    if (system.empty) {
      say(`Seeding ${options.customers} demo customers…`);
      const seeded = await seedDemo(ns, system.accounts, options.customers);
      seedSeconds = seeded.seconds;
      const noEmail = seeded.customers.filter((c) => c.email === null).length;
      const shared = seeded.customers.filter((c) => c.subsidiaries.length > 1).length;
      say(
        `  ${seeded.customers.length} customers (${shared} in both subsidiaries, ${noEmail} without email), ` +
          `${seeded.preexistingStripeCustomers} already in Stripe by email · ${seeded.seconds.toFixed(1)} s`,
      );
    } else {
      say(`Kept data in ${dir}: ${ns.data.listRecords("customer").length} customers, not seeded again.`);
    }
    await checkpoint();

    const runs = new MapReduceRuns(ns);
    const massSync = async (): Promise<RunResult> => {
      const bar = createProgress(out, "customers");
      try {
        return await runs.run(MASS_SYNC, (p) => p.stage === "map" && bar.update(p.done, p.total));
      } finally {
        bar.finish();
      }
    };
    const startConsole = hooks.startConsole === undefined ? realConsole : hooks.startConsole;
    const urls: Record<string, string> = {};
    if (startConsole) {
      const consoleServer = await startConsole(
        {
          ns,
          netsuiteUrl: server.appUrl,
          stripeUrl: system.stripeUrl,
          accounts: system.accounts,
          actions: {
            massSync: async () => void (await massSync()),
            refreshPaymentMethods: async () => void (await runs.run(PAYMENT_METHODS)),
          },
          runs: () => runs.list(),
        },
        { port: ports.console, host: options.host },
      );
      closers.push(() => consoleServer.close());
      urls.console = consoleServer.url;
      // A customer leaving the portal comes back to the console; the configuration accepts plain http
      // only on loopback, so a console on another address leaves the field as it is.
      if (/^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(consoleServer.url))
        await system.setPortalReturnUrl(`${consoleServer.url.replace(/\/$/, "")}/`);
    }

    say(`Mass sync (${MASS_SYNC}):`);
    const sync = await massSync();
    say(
      `  ${Object.entries(sync.counts)
        .map(([k, n]) => `${k} ${n}`)
        .join(", ")} · ${sync.seconds.toFixed(1)} s`,
    );
    await checkpoint();

    const [firstCustomer] = ns.data.listRecords("customer");
    const config = configRecord(ns);
    Object.assign(urls, {
      customer: `${server.appUrl}/app/common/entity/custjob.nl?id=${firstCustomer?.id ?? 1}`,
      configuration: `${server.appUrl}/app/common/custom/custrecordentry.nl?rectype=${CONFIG_RECORD.type}&id=${config.id ?? 1}`,
      deployments: `${server.appUrl}/app/common/scripting/scriptrecordlist.nl`,
      operations: `${server.appUrl}/app/site/hosting/scriptlet.nl?script=${SCRIPTS.opsSuitelet.scriptId}&deploy=${SCRIPTS.opsSuitelet.deploymentId}`,
      stripe: system.stripeUrl,
      netsuite: server.appUrl,
      netsuiteForms: server.formsUrl,
      ...(system.stripeEmulator ? { stripeApi: system.stripeEmulator.url } : {}),
      proxySeal: system.sealing.url,
      proxy: system.receiving.url,
    });
    const seconds = {
      total: round((performance.now() - started) / 1000),
      seed: round(seedSeconds),
      massSync: round(sync.seconds),
    };

    if (options.webhookSecrets.length > 0) {
      const targets = await prepareStripeListen(system, options.webhookSecrets, system.proxyToken);
      for (const t of targets) {
        say(
          `Webhooks for "${t.account}": stripe listen --events customer.created,customer.updated --forward-to '${t.forwardTo}'`,
        );
      }
    }

    if (options.once) {
      await settle();
      const webhooks = await readWebhookCounts(system.receiving.url);
      const summary = await checkDemo(ns, system.accounts, { massSync: sync.counts, seconds, webhooks });
      await close();
      return { system, urls, summary, close };
    }
    printUrls(say, urls, options);
    return { system, urls, close };
  } catch (error) {
    await close();
    throw error;
  }
}

const round = (n: number) => Math.round(n * 10) / 10;

function printUrls(say: (line: string) => void, urls: Record<string, string>, options: SandboxOptions): void {
  const rows: [string, string | undefined][] = [
    ["Console", urls.console],
    ["A customer", urls.customer],
    ["Configuration", urls.configuration],
    ["Stripe Sync page", urls.operations],
    ["Script deployments", urls.deployments],
    [options.stripeKeys.length ? "Stripe dashboard" : "Stripe emulator", urls.stripe],
  ];
  say("");
  for (const [label, url] of rows) if (url) say(`  ${`${label}:`.padEnd(20)}${url}`);
  say("");
  say("Servers:");
  say(`  NetSuite app ${urls.netsuite}, forms domain ${urls.netsuiteForms}`);
  if (urls.stripeApi)
    say(`  Stripe emulator API ${urls.stripeApi}, pages ${urls.stripe?.replace(/\/$/, "")}`);
  say(`  Webhook proxy ${urls.proxySeal} (NetSuite seals here), ${urls.proxy} (Stripe delivers here)`);
  say("");
  say(
    `NetSuite login: any password. ${options.db ? `Data kept in ${options.db}.` : "Data is discarded on exit."}`,
  );
  say("Press Ctrl-C to stop.");
}
