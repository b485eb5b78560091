/**
 * The reliability cases, sized by the caller: the `*.test.ts` files run them small inside `npm test`,
 * the `*.reliability.test.ts` files large in `npm run test:reliability`. Each returns its figures; the
 * test file asserts the invariants and prints one line saying how many cases it tried.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { type MapReduceSummary, NetSuiteEmulator, startNetSuiteServer } from "@nss/netsuite-emulator";
import type Stripe from "stripe";
import { CERT, customer, saveCustomer, secretEnv } from "../../../suiteapp/test/helpers/e2e.js";
import { startSystem } from "../../../suiteapp/test/helpers/system.js";
import {
  type Audit,
  audit,
  Cleanup,
  type FaultCounts,
  MR,
  MR_DEPLOY,
  mixFaults,
  openAccount,
  prng,
  SYNC_SL,
  SYNC_SL_DEPLOY,
  seedCustomers,
  startStripe,
} from "./world.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls (every `interval` ms) until the condition holds. */
export async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number, interval = 20) {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error("condition not reached in time");
    await sleep(interval);
  }
}

export type Outcomes = Record<string, number>;

/** Runs the mass sync once; its outcomes counted (created, linked, updated, unchanged, failed). */
export async function massSync(
  ns: NetSuiteEmulator,
): Promise<{ outcomes: Outcomes; summary: MapReduceSummary }> {
  const run = await ns.runScript(MR, MR_DEPLOY, { custscript_nss_custsync_dry_run: "F" });
  if (run.type !== "mapreducescript") throw new Error("not a map/reduce run");
  const outcomes: Outcomes = {};
  for (const [, value] of run.summary.output) {
    for (const t of (JSON.parse(value) as { targets: { outcome: string }[] }).targets) {
      outcomes[t.outcome] = (outcomes[t.outcome] ?? 0) + 1;
    }
  }
  return { outcomes, summary: run.summary };
}

const mapErrors = (s: MapReduceSummary) => [
  ...(s.inputSummary.error ? [s.inputSummary.error] : []),
  ...s.mapSummary.errors.map((e) => JSON.stringify(e)),
  ...(s.summarizeSummary.error ? [s.summarizeSummary.error] : []),
];

// ---------------------------------------------------------------------------------------------------
// faults

export interface FaultsResult {
  customers: number;
  counts: FaultCounts;
  runs: Outcomes[];
  errors: string[];
  /** After the faulted runs. */
  faulted: Audit;
  /** After one more run with Stripe healthy again. */
  healed: Audit;
  healedRun: Outcomes;
}

/**
 * `customers` customers synced by the mass sync (`runs` times, as an administrator re-runs it) while
 * `rate` of all Stripe calls fail: 500 before or after running, 429, or a delay beyond N/https's
 * timeout. Then once more with Stripe healthy.
 */
export async function faultsCase(options: {
  customers: number;
  rate: number;
  runs: number;
  concurrency: number;
  seed: number;
}): Promise<FaultsResult> {
  const cleanup = new Cleanup();
  try {
    const HTTP_TIMEOUT_MS = 400;
    const stripeEmulator = await startStripe(cleanup);
    const { ns, stripe } = await openAccount(cleanup, stripeEmulator, {
      key: `sk_test_nssRelFaults${options.seed}`,
      autoSync: false,
      concurrency: options.concurrency,
      httpTimeoutMs: HTTP_TIMEOUT_MS,
    });
    const ids = await seedCustomers(ns, options.customers, "flt");
    const mixer = mixFaults(stripeEmulator, {
      rate: options.rate,
      delayMs: HTTP_TIMEOUT_MS * 2,
      seed: options.seed,
    });
    const runs: Outcomes[] = [];
    const errors: string[] = [];
    try {
      for (let r = 0; r < options.runs; r++) {
        const { outcomes, summary } = await massSync(ns);
        runs.push(outcomes);
        errors.push(...mapErrors(summary));
      }
    } finally {
      mixer.stop();
    }
    // Requests NetSuite gave up on still run in Stripe once their delay is over.
    await sleep(HTTP_TIMEOUT_MS * 2 + 300);
    const faulted = await audit(ns, stripe, ids);
    const healed = await massSync(ns);
    errors.push(...mapErrors(healed.summary));
    return {
      customers: ids.length,
      counts: mixer.counts,
      runs,
      errors,
      faulted,
      healed: await audit(ns, stripe, ids),
      healedRun: healed.outcomes,
    };
  } finally {
    await cleanup.run();
  }
}

// ---------------------------------------------------------------------------------------------------
// races

export interface RacesResult {
  customers: number;
  /** Saves that had returned when the button and the mass sync were started (0: all overlapped). */
  savesDoneAtStart: number;
  suiteletCalls: number;
  suiteletOk: number;
  /** POSTs to /v1/customers and /v1/customers/{id} that reached Stripe. */
  customerPosts: number;
  massRun: Outcomes;
  errors: string[];
  result: Audit;
  again: Outcomes;
}

/**
 * New customers saved (the create user event syncs them), and while their user events are still
 * waiting on Stripe, the Sync to Stripe button's Suitelet (`buttonsPerCustomer` clicks each) and the
 * mass sync on the same customers, all at once. Stripe POSTs are slowed down (and some fail after
 * running) so that every trigger is in flight at the same time.
 */
export async function racesCase(options: {
  customers: number;
  buttonsPerCustomer: number;
  concurrency: number;
  postDelayMs: number;
  after500Rate: number;
  seed: number;
}): Promise<RacesResult> {
  const cleanup = new Cleanup();
  try {
    const stripeEmulator = await startStripe(cleanup);
    const { ns, stripe } = await openAccount(cleanup, stripeEmulator, {
      key: `sk_test_nssRelRaces${options.seed}`,
      autoSync: true,
      concurrency: options.concurrency,
    });
    const random = prng(options.seed);
    let customerPosts = 0;
    const faults = stripeEmulator.faults;
    faults.take = (method: string, path: string) => {
      if (method !== "POST") return undefined;
      if (path === "/v1/customers" || /^\/v1\/customers\/cus_[^/]+$/.test(path)) customerPosts += 1;
      if (random() < options.after500Rate) {
        return { kind: "500", phase: "after", count: 1, delayMs: options.postDelayMs, probability: 1 };
      }
      return { kind: "delay", phase: "before", count: 1, delayMs: options.postDelayMs, probability: 1 };
    };
    const emails = Array.from({ length: options.customers }, (_, i) => `race${i}@reliability.example.com`);
    let savesDone = 0;
    const saves = emails.map((email, i) =>
      saveCustomer(ns, { companyname: `Race ${i} Ltd`, email }).then((id) => {
        savesDone += 1;
        return id;
      }),
    );
    // The emulator writes the record before afterSubmit runs: start the rest as soon as all exist.
    const idOf = (email: string) =>
      ns.data.listRecords("customer").find((r) => r.values.email === email)?.id as number | undefined;
    await until(() => emails.every((e) => idOf(e) !== undefined), 30_000, 5);
    const savesDoneAtStart = savesDone;
    const ids = emails.map((e) => idOf(e) as number);
    const clicks = ids.flatMap((id) =>
      Array.from({ length: options.buttonsPerCustomer }, () =>
        ns.invokeSuitelet(SYNC_SL, SYNC_SL_DEPLOY, {
          method: "POST",
          parameters: { customerId: String(id) },
        }),
      ),
    );
    const [, answers, mass] = await Promise.all([Promise.all(saves), Promise.all(clicks), massSync(ns)]);
    faults.take = () => undefined;
    const suiteletOk = answers.filter((a) => (JSON.parse(a.body) as { ok?: boolean }).ok === true).length;
    const errors = mapErrors(mass.summary);
    // The failed ones (a 500 after the create ran) are linked by an administrator's next mass sync.
    const again = await massSync(ns);
    errors.push(...mapErrors(again.summary));
    return {
      customers: ids.length,
      savesDoneAtStart,
      suiteletCalls: answers.length,
      suiteletOk,
      customerPosts,
      massRun: mass.outcomes,
      errors,
      result: await audit(ns, stripe, ids),
      again: again.outcomes,
    };
  } finally {
    await cleanup.run();
  }
}

// ---------------------------------------------------------------------------------------------------
// webhooks

export interface WebhooksResult {
  customers: number;
  defaultChanges: number;
  /** Delivery attempts Stripe made, and how many were answered 2xx. */
  attempts: number;
  delivered: number;
  events: number;
  /** The Suitelet's answers by result. */
  answers: Record<string, number>;
  /** Events the Suitelet answered `applied` more than once. */
  appliedTwice: string[];
  /**
   * Re-applications of an event with no other event of the customer applied since its last one: a
   * repeat of the event the link last applied, which the Suitelet must ignore (must be empty).
   */
  repeatsApplied: string[];
  /** Answers `ignored` to a repeat of the event the link last applied. */
  repeatsIgnored: number;
  /**
   * Every event's forwarded request sent again to the Suitelet after the deliveries settled (a late
   * duplicate): answers by result, and how many of them wrote the customer (must be 0).
   */
  replays: Record<string, number>;
  replayWrites: number;
  /** Replays of the event each link last applied, and how many were answered `ignored` (all). */
  lastReplayed: number;
  lastIgnored: number;
  /** Events whose applications wrote the NetSuite customer more than once. */
  writtenTwice: string[];
  /** Applications that wrote the customer (`Refreshed`/`Cleared`) and that found it up to date. */
  writes: number;
  unchangedApplications: number;
  /** Customers whose NetSuite default payment method is not Stripe's current one (must be empty). */
  mismatched: number[];
  outageMs: number;
}

/**
 * Linked customers whose default payment method changes several times in Stripe; delivery with
 * duplicates and shuffled order; NetSuite's server closed for `outageMs` (connections refused) and
 * started again on the same ports; and some of NetSuite's refetches of the customer failing (Stripe
 * 500s), so the Suitelet answers retry. Stripe retries on its schedule compressed by `retryScale`.
 */
export async function webhooksCase(options: {
  customers: number;
  changesPerCustomer: number;
  outageMs: number;
  refetchFaultRate: number;
  seed: number;
}): Promise<WebhooksResult> {
  const system = await startSystem({ key: `sk_test_nssRelHooks${options.seed}` });
  try {
    const { ns, stripe } = system;
    const random = prng(options.seed);
    // Observe what the webhook Suitelet answers, per event (the proxy turns it into Stripe's status).
    const answers: Record<string, number> = {};
    const applied = new Map<string, number>();
    /** Per Stripe customer, the events applied, in order. */
    const sequence = new Map<string, string[]>();
    const repeatsApplied: string[] = [];
    let repeatsIgnored = 0;
    const written = new Map<string, number>();
    const forwardedBodies = new Map<string, string>();
    let observing = true;
    let unchangedApplications = 0;
    const invoke = ns.invokeSuitelet.bind(ns);
    ns.invokeSuitelet = async (scriptId, deploymentId, request) => {
      const response = await invoke(scriptId, deploymentId, request);
      if (scriptId === "customscript_nss_webhook_sl" && observing) {
        const body = String(request.body);
        const id = (JSON.parse(body) as { envelope?: { eventId?: string } }).envelope?.eventId;
        if (id) forwardedBodies.set(id, body);
        const result = String((JSON.parse(response.body) as { result?: string }).result);
        answers[result] = (answers[result] ?? 0) + 1;
        const message = String((JSON.parse(response.body) as { message?: string }).message);
        if (result === "ignored" && message.endsWith("was already applied.")) repeatsIgnored += 1;
        if (result === "applied") {
          const forwarded = JSON.parse(String(request.body)) as {
            envelope?: { eventId?: string; customer?: { id?: string } };
          };
          const eventId = String(forwarded.envelope?.eventId);
          const seq = sequence.get(String(forwarded.envelope?.customer?.id)) ?? [];
          sequence.set(String(forwarded.envelope?.customer?.id), seq);
          if (seq.at(-1) === eventId) repeatsApplied.push(eventId);
          // "Customer 12: Refreshed: …" or "Cleared: …" wrote the customer; "Unchanged: …" did not.
          if (/^Customer \d+: (Refreshed|Cleared):/.test(message))
            written.set(eventId, (written.get(eventId) ?? 0) + 1);
          else unchangedApplications += 1;
          seq.push(eventId);
          applied.set(eventId, (applied.get(eventId) ?? 0) + 1);
        }
      }
      return response;
    };

    const ids: number[] = [];
    for (let i = 0; i < options.customers; i++) {
      ids.push(
        await saveCustomer(ns, { companyname: `Hook ${i} Ltd`, email: `hook${i}@reliability.example.com` }),
      );
    }
    await system.setWebhook(true);
    const stripeIds = ids.map((id) => String(customer(ns, id).custentity_nss_stripe_customer_id));
    if (!stripeIds.every((s) => s.startsWith("cus_"))) throw new Error("a customer was not linked");
    const pms: string[][] = [];
    for (const sid of stripeIds) {
      const cards: string[] = [];
      for (const token of ["pm_card_visa", "pm_card_mastercard", "pm_card_amex"]) {
        cards.push((await stripe.paymentMethods.attach(token, { customer: sid })).id);
      }
      pms.push(cards);
    }
    await system.admin("webhooks/flush");
    await system.admin("webhooks", { body: { duplicates: true, shuffle: true, retryScale: 0.0005 } });

    let defaultChanges = 0;
    const changeDefaults = async (rounds: number) => {
      for (let r = 0; r < rounds; r++) {
        await Promise.all(
          stripeIds.map((sid, i) => {
            const cards = pms[i] as string[];
            const pm = cards[Math.floor(random() * cards.length)] as string;
            defaultChanges += 1;
            return stripe.customers.update(sid, { invoice_settings: { default_payment_method: pm } });
          }),
        );
      }
    };
    const half = Math.ceil(options.changesPerCustomer / 2);
    // Duplicates and shuffled order, with refetches failing: the Stripe client tries 3 times, so a run
    // of 500s makes the Suitelet answer retry for a few events, then some at random.
    system.stripeEmulator.faults.add({
      kind: "500",
      method: "GET",
      pathPrefix: "/v1/customers/cus_",
      count: 3 * options.customers,
    });
    system.stripeEmulator.faults.add({
      kind: "500",
      method: "GET",
      pathPrefix: "/v1/customers/cus_",
      probability: options.refetchFaultRate,
      count: 100_000,
    });
    await changeDefaults(half);
    // NetSuite down: its server closed while events are being delivered, then started on the same ports.
    const { server } = system;
    const appPort = Number(new URL(server.appUrl).port);
    const formsPort = Number(new URL(server.formsUrl).port);
    await server.close();
    await changeDefaults(options.changesPerCustomer - half);
    await sleep(options.outageMs);
    const restarted = await startNetSuiteServer(ns, { port: appPort, formsPort });
    // system.close() closes `server`: make it close the running one.
    Object.assign(server, { close: () => restarted.close() });
    await system.admin("webhooks/flush");
    system.stripeEmulator.faults.clear();
    await system.admin("webhooks", { body: { duplicates: false, shuffle: false } });

    const mismatched: number[] = [];
    for (const [i, sid] of stripeIds.entries()) {
      const current = (await stripe.customers.retrieve(sid)) as Stripe.Customer;
      const want = current.invoice_settings.default_payment_method;
      const id = ids[i] as number;
      if (customer(ns, id).custentity_nss_default_pm_id !== (typeof want === "string" ? want : want?.id)) {
        mismatched.push(id);
      }
    }
    // Late duplicates, one at a time: each event's forwarded request once more, then at once again
    // (a repeat of the event the link has just applied).
    observing = false;
    const replays: Record<string, number> = {};
    let replayWrites = 0;
    let lastReplayed = 0;
    let lastIgnored = 0;
    const replay = async (body: string) =>
      JSON.parse(
        (
          await ns.invokeSuitelet("customscript_nss_webhook_sl", "customdeploy_nss_webhook_sl", {
            method: "POST",
            body,
          })
        ).body,
      ) as { result: string; message: string };
    for (const body of forwardedBodies.values()) {
      const answer = await replay(body);
      replays[answer.result] = (replays[answer.result] ?? 0) + 1;
      if (/^Customer \d+: (Refreshed|Cleared):/.test(answer.message)) replayWrites += 1;
      if (answer.result === "applied" || answer.message.endsWith("was already applied.")) {
        lastReplayed += 1;
        if ((await replay(body)).result === "ignored") lastIgnored += 1;
      }
    }
    const { data } = (await system.admin("deliveries", { method: "GET", key: system.key })) as {
      data: { eventId: string; httpStatus: number | null }[];
    };
    return {
      customers: ids.length,
      defaultChanges,
      attempts: data.length,
      delivered: data.filter((d) => d.httpStatus !== null && d.httpStatus >= 200 && d.httpStatus < 300)
        .length,
      events: new Set(data.map((d) => d.eventId)).size,
      answers,
      appliedTwice: [...applied].filter(([, n]) => n > 1).map(([e]) => e),
      repeatsApplied,
      repeatsIgnored,
      replays,
      replayWrites,
      lastReplayed,
      lastIgnored,
      writtenTwice: [...written].filter(([, n]) => n > 1).map(([e]) => e),
      writes: [...written.values()].reduce((a, b) => a + b, 0),
      unchangedApplications,
      mismatched,
      outageMs: options.outageMs,
    };
  } finally {
    await system.close();
  }
}

// ---------------------------------------------------------------------------------------------------
// restart

const CLI = fileURLToPath(new URL("../../../netsuite-emulator/dist/cli.js", import.meta.url));
const CERT_FILE = fileURLToPath(new URL("../../../suiteapp/test/fixtures/cert.pem", import.meta.url));

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
          env: { ...process.env, ...secretEnv(key), NODE_EXTRA_CA_CERTS: CERT_FILE },
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
      const opened = await NetSuiteEmulator.open({
        projectDir: project,
        db,
        env: secretEnv(key),
        httpsCa: CERT,
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
