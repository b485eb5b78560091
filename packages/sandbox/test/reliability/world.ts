/**
 * What the reliability cases share and that is not a scenario: the size of the run (short in `npm test`,
 * long in `npm run test:reliability`), the world (the built SuiteApp in the NetSuite emulator, worker
 * threads and SQLite, against the Stripe emulator over HTTPS, opened with the SuiteApp's system kit, on a
 * project copy whose mass sync maps several customers at once), one mass sync run with its outcomes, a
 * mixer of Stripe faults, and the audit that compares NetSuite with Stripe (no duplicate, nothing lost,
 * nothing unrecorded). Each case (faults, races, webhooks, restart) is one file beside this one.
 */
import type { MapReduceSummary, NetSuiteEmulator } from "@nss/netsuite-emulator";
import type { FaultRule, StripeEmulator } from "@nss/stripe-emulator";
import { CUSTOMER_FIELDS, LINK_RECORD, SCRIPT_PARAMS, SCRIPTS, SYNC_LOG_RECORD } from "@nss/suiteapp/ids";
import {
  type Cleanup,
  projectWithConcurrency,
  saveCustomer,
  startStripe as startStripeEmulator,
  startSystem,
} from "@nss/suiteapp/system";
import type Stripe from "stripe";
import { expect, inject } from "vitest";

export { Cleanup } from "@nss/suiteapp/system";

declare module "vitest" {
  interface ProvidedContext {
    /** Set by the root config's "reliability" project (`npm run test:reliability`): run each case long. */
    reliabilityLong?: boolean;
  }
}

/**
 * Whether this is the long run. Every case file runs in the sandbox project (`npm test`) short, and in
 * the root config's "reliability" project (`npm run test:reliability`) long, with the sizes it names.
 */
export const LONG = inject("reliabilityLong") === true;

export const MR = SCRIPTS.massSync.scriptId;
export const MR_DEPLOY = SCRIPTS.massSync.deploymentId;
export const SYNC_SL = SCRIPTS.syncSuitelet.scriptId;
export const SYNC_SL_DEPLOY = SCRIPTS.syncSuitelet.deploymentId;

/** The Stripe emulator (webhook retries compressed by `retryScale`), closed by `cleanup`. */
export const startStripe = async (cleanup: Cleanup, retryScale = 0.0002): Promise<StripeEmulator> =>
  cleanup.own(await startStripeEmulator({ retryScale }));

export interface Account {
  ns: NetSuiteEmulator;
  stripe: Stripe;
  /** The account's SQLite file and project, to run it again from the emulator's CLI. */
  db: string;
  project: string;
  accountRecord: number;
}

/**
 * The SuiteApp in a fresh account (installation run) on a SQLite file, one Stripe account record for
 * subsidiary 1 pointing at `stripeEmulator`, Auto Sync on Create as asked; with `concurrency`, a copy of
 * the project whose mass sync maps that many customers at once, as an administrator's limit does.
 */
export async function openAccount(
  cleanup: Cleanup,
  stripeEmulator: StripeEmulator,
  options: { key: string; autoSync: boolean; concurrency?: number; httpTimeoutMs?: number },
): Promise<Account> {
  const projectDir =
    options.concurrency !== undefined
      ? projectWithConcurrency(cleanup.dir("nss-rel-project-"), MR, options.concurrency)
      : undefined;
  const system = cleanup.own(
    await startSystem({
      key: options.key,
      autoSync: options.autoSync,
      stripe: { emulator: stripeEmulator },
      netsuite: {
        ...(projectDir ? { projectDir } : {}),
        ...(options.httpTimeoutMs !== undefined ? { httpTimeoutMs: options.httpTimeoutMs } : {}),
      },
    }),
  );
  return {
    ns: system.ns,
    stripe: system.stripe,
    db: system.netsuiteDb,
    project: system.projectDir,
    accountRecord: system.accounts[0]?.recordId as number,
  };
}

/** Saves `n` customers as a user would, `parallel` at a time; their internal IDs in order. */
export async function seedCustomers(
  ns: NetSuiteEmulator,
  n: number,
  tag: string,
  parallel = 8,
): Promise<number[]> {
  const ids: number[] = new Array(n);
  let next = 0;
  const worker = async () => {
    while (next < n) {
      const i = next++;
      ids[i] = await saveCustomer(ns, {
        companyname: `${tag} ${i} Ltd`,
        email: `${tag}${i}@reliability.example.com`,
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, n) }, worker));
  return ids;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

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
  const run = await ns.runScript(MR, MR_DEPLOY, { [SCRIPT_PARAMS.massSyncDryRun]: "F" });
  if (run.type !== "mapreducescript") throw new Error("not a map/reduce run");
  const outcomes: Outcomes = {};
  for (const [, value] of run.summary.output) {
    for (const t of (JSON.parse(value) as { targets: { outcome: string }[] }).targets) {
      outcomes[t.outcome] = (outcomes[t.outcome] ?? 0) + 1;
    }
  }
  return { outcomes, summary: run.summary };
}

/** The errors a map/reduce run reported (input, each map key, summarize). */
export const mapErrors = (s: MapReduceSummary) => [
  ...(s.inputSummary.error ? [s.inputSummary.error] : []),
  ...s.mapSummary.errors.map((e) => JSON.stringify(e)),
  ...(s.summarizeSummary.error ? [s.summarizeSummary.error] : []),
];

/** A small deterministic PRNG (mulberry32), so a failing run can be replayed with its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FaultCounts {
  calls: number;
  before500: number;
  after500: number;
  rateLimited: number;
  timeouts: number;
}

/**
 * Every `/v1` request the Stripe emulator serves fails with probability `rate`, evenly as a 500 before
 * it runs, a 500 after it ran, a 429 or a delay of `delayMs` (longer than N/https's timeout: the
 * request runs in Stripe after NetSuite gave up on it). It goes through the emulator's own fault path
 * (`faults.take`, which `api.ts` asks once per request); the emulator's rule list allows only one
 * matching rule per request, so the mixer chooses the rule instead. `stop()` puts the emulator back.
 */
export function mixFaults(
  emulator: StripeEmulator,
  options: { rate: number; delayMs: number; seed: number },
): { counts: FaultCounts; stop(): void } {
  const random = prng(options.seed);
  const counts: FaultCounts = { calls: 0, before500: 0, after500: 0, rateLimited: 0, timeouts: 0 };
  const faults = emulator.faults;
  const original = faults.take;
  const rule = (r: Partial<FaultRule> & Pick<FaultRule, "kind">): FaultRule => ({
    count: 1,
    phase: "before",
    delayMs: 0,
    probability: 1,
    ...r,
  });
  faults.take = (_method: string, _path: string) => {
    counts.calls += 1;
    if (random() >= options.rate) return undefined;
    const pick = Math.floor(random() * 4);
    if (pick === 0) {
      counts.before500 += 1;
      return rule({ kind: "500", phase: "before" });
    }
    if (pick === 1) {
      counts.after500 += 1;
      return rule({ kind: "500", phase: "after" });
    }
    if (pick === 2) {
      counts.rateLimited += 1;
      return rule({ kind: "429" });
    }
    counts.timeouts += 1;
    return rule({ kind: "delay", delayMs: options.delayMs });
  };
  return {
    counts,
    stop: () => {
      faults.take = original;
    },
  };
}

export const faulted = (c: FaultCounts) => c.before500 + c.after500 + c.rateLimited + c.timeouts;

/** Every Stripe customer of the account (list is strongly consistent, search is not). */
export async function allStripeCustomers(stripe: Stripe): Promise<Stripe.Customer[]> {
  return stripe.customers.list({ limit: 100 }).autoPagingToArray({ limit: 10_000 });
}

const text = (v: unknown): string => (v == null ? "" : String(v));

export interface Audit {
  customers: number;
  /** Customers with a Stripe ID, one active link naming it, and that Stripe customer existing. */
  linked: number;
  /** Customers without a Stripe ID but with a last error and a sync log row of their own. */
  failedRecorded: number;
  /** Customers neither linked nor recorded as failed (must be 0). */
  unrecorded: number[];
  /** NetSuite customer IDs with more than one Stripe customer in the account (must be empty). */
  duplicates: string[];
  /** Customers with more than one active link, or a link whose Stripe ID is not the customer's. */
  badLinks: number[];
  /** Links or Stripe ID fields naming a Stripe customer that does not exist. */
  dangling: string[];
  stripeCustomers: number;
  /** The customers' last errors (first 160 characters), counted: what the failures were. */
  lastErrors: Record<string, number>;
}

/** Checks NetSuite against Stripe for the customers `ids`. */
/** The end state every case wants: each customer linked once, to one Stripe customer, all recorded. */
export function expectClean(result: Audit, customers: number): void {
  expect(result.duplicates).toEqual([]);
  expect(result.badLinks).toEqual([]);
  expect(result.dangling).toEqual([]);
  expect(result.unrecorded).toEqual([]);
  expect(result.linked).toBe(customers);
  expect(result.stripeCustomers).toBe(customers);
}

export async function audit(ns: NetSuiteEmulator, stripe: Stripe, ids: number[]): Promise<Audit> {
  const inStripe = await allStripeCustomers(stripe);
  const byId = new Map(inStripe.map((c) => [c.id, c]));
  const perNs = new Map<string, number>();
  for (const c of inStripe) {
    const nsId = c.metadata?.netsuite_customer_id;
    if (nsId) perNs.set(nsId, (perNs.get(nsId) ?? 0) + 1);
  }
  const links = ns.data
    .listRecords(LINK_RECORD.type)
    .filter((l) => l.values.isinactive !== true && l.values.isinactive !== "T");
  const logs = ns.data.listRecords(SYNC_LOG_RECORD.type);
  const logged = new Set(logs.map((l) => text(l.values[SYNC_LOG_RECORD.fields.customer])));
  const result: Audit = {
    customers: ids.length,
    linked: 0,
    failedRecorded: 0,
    unrecorded: [],
    duplicates: [...perNs].filter(([, n]) => n > 1).map(([id]) => id),
    badLinks: [],
    dangling: [],
    stripeCustomers: inStripe.length,
    lastErrors: {},
  };
  for (const l of links) {
    const sid = text(l.values[LINK_RECORD.fields.stripeId]);
    if (sid && !byId.has(sid)) result.dangling.push(sid);
  }
  for (const id of ids) {
    const values = ns.data.loadRecord("customer", id, false).values;
    const sid = text(values[CUSTOMER_FIELDS.stripeCustomerId]);
    const lastError = text(values[CUSTOMER_FIELDS.lastError]).slice(0, 160);
    if (lastError) result.lastErrors[lastError] = (result.lastErrors[lastError] ?? 0) + 1;
    const own = links.filter((l) => text(l.values[LINK_RECORD.fields.customer]) === String(id));
    if (sid) {
      if (!byId.has(sid)) result.dangling.push(sid);
      if (own.length !== 1 || text(own[0]?.values[LINK_RECORD.fields.stripeId]) !== sid)
        result.badLinks.push(id);
      else if (byId.get(sid)?.metadata?.netsuite_customer_id !== String(id)) result.badLinks.push(id);
      else result.linked += 1;
    } else if (own.length > 0) {
      result.badLinks.push(id);
    } else if (text(values[CUSTOMER_FIELDS.lastError]) && logged.has(String(id))) {
      result.failedRecorded += 1;
    } else {
      result.unrecorded.push(id);
    }
  }
  return result;
}

export const describeFaults = (c: FaultCounts) =>
  `${c.calls} Stripe calls, ${faulted(c)} faulted (${c.before500} 500s before, ${c.after500} 500s after, ${c.rateLimited} 429s, ${c.timeouts} timeouts)`;

export const pct = (part: number, whole: number) => `${whole === 0 ? 0 : Math.round((100 * part) / whole)}%`;
