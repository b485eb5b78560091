/**
 * The reliability suite's world: the built SuiteApp in the NetSuite emulator (worker threads, SQLite)
 * against the Stripe emulator over HTTPS, as the SuiteApp's own end-to-end tests open it, plus what
 * the reliability cases share: a project copy whose mass sync maps several customers at once, a mixer
 * of Stripe faults, and the audit of the invariants (no duplicate, nothing lost, nothing unrecorded).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { NetSuiteEmulator } from "@nss/netsuite-emulator";
import { type FaultRule, type StripeEmulator, startStripeEmulator } from "@nss/stripe-emulator";
import type Stripe from "stripe";
import {
  CERT,
  SECRET,
  saveCustomer,
  secretEnv,
  setAutoSync,
  stripeClient,
  TLS_KEY,
} from "../../../suiteapp/test/helpers/e2e.js";
import { emulatorProjectDir, PACKAGE_DIR } from "../../../suiteapp/test/helpers/project.js";

export const MR = "customscript_nss_custsync_mr";
export const MR_DEPLOY = "customdeploy_nss_custsync_mr";
export const SYNC_SL = "customscript_nss_sync_sl";
export const SYNC_SL_DEPLOY = "customdeploy_nss_sync_sl";

/** Folders to remove and things to close when a suite ends. */
export class Cleanup {
  private readonly steps: (() => Promise<void> | void)[] = [];
  dir(prefix: string): string {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    this.steps.push(() => rmSync(dir, { recursive: true, force: true }));
    return dir;
  }
  add(step: () => Promise<void> | void): void {
    this.steps.push(step);
  }
  async run(): Promise<void> {
    for (const step of this.steps.splice(0).reverse()) {
      try {
        await step();
      } catch {
        // Closing what a case already closed (or killed) is not a failure of the suite.
      }
    }
  }
}

/**
 * A copy of the SuiteApp project (built scripts included) whose mass sync deployment maps up to
 * `concurrency` customers at once, as an administrator's concurrency limit does.
 */
export function projectWithConcurrency(cleanup: Cleanup, concurrency: number): string {
  emulatorProjectDir();
  const project = cleanup.dir("nss-rel-project-");
  cpSync(join(PACKAGE_DIR, "src"), join(project, "src"), { recursive: true });
  const file = join(project, "src", "Objects", "Scripts", `${MR}.xml`);
  const xml = readFileSync(file, "utf8");
  const changed = xml.replace(
    "<isdeployed>T</isdeployed>",
    `<concurrencylimit>${concurrency}</concurrencylimit>\n      <isdeployed>T</isdeployed>`,
  );
  if (changed === xml) throw new Error(`no deployment in ${file}`);
  writeFileSync(file, changed);
  return project;
}

export async function startStripe(cleanup: Cleanup, retryScale = 0.0002): Promise<StripeEmulator> {
  const emulator = await startStripeEmulator({ port: 0, tls: { key: TLS_KEY, cert: CERT }, retryScale });
  cleanup.add(() => emulator.close());
  return emulator;
}

export interface Account {
  ns: NetSuiteEmulator;
  stripe: Stripe;
  db: string;
  project: string;
  accountRecord: number;
}

/**
 * The SuiteApp in a fresh account (installation run) on a SQLite file, one Stripe account record for
 * subsidiary 1 pointing at `stripeEmulator`, Auto Sync on Create as asked.
 */
export async function openAccount(
  cleanup: Cleanup,
  stripeEmulator: StripeEmulator,
  options: { key: string; autoSync: boolean; concurrency?: number; httpTimeoutMs?: number },
): Promise<Account> {
  const project =
    options.concurrency !== undefined
      ? projectWithConcurrency(cleanup, options.concurrency)
      : emulatorProjectDir();
  const db = join(cleanup.dir("nss-rel-db-"), "account.sqlite");
  const ns = await NetSuiteEmulator.open({
    projectDir: project,
    db,
    env: secretEnv(options.key),
    httpsCa: CERT,
    ...(options.httpTimeoutMs !== undefined ? { httpTimeoutMs: options.httpTimeoutMs } : {}),
  });
  cleanup.add(() => ns.close());
  const accountRecord = await ns.saveAsUser({
    type: "customrecord_nss_stripe_account",
    id: null,
    isDynamic: false,
    values: {
      name: "Main",
      custrecord_nss_acct_account_id: "acct_1NssReliability",
      custrecord_nss_acct_secret_id: SECRET,
      custrecord_nss_acct_ident_field: "subsidiary",
      custrecord_nss_acct_ident_value: "1",
      custrecord_nss_acct_api_base: stripeEmulator.url,
    },
  });
  await setAutoSync(ns, options.autoSync);
  return { ns, stripe: stripeClient(options.key, stripeEmulator.port), db, project, accountRecord };
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
export async function audit(ns: NetSuiteEmulator, stripe: Stripe, ids: number[]): Promise<Audit> {
  const inStripe = await allStripeCustomers(stripe);
  const byId = new Map(inStripe.map((c) => [c.id, c]));
  const perNs = new Map<string, number>();
  for (const c of inStripe) {
    const nsId = c.metadata?.netsuite_customer_id;
    if (nsId) perNs.set(nsId, (perNs.get(nsId) ?? 0) + 1);
  }
  const links = ns.data
    .listRecords("customrecord_nss_customer_link")
    .filter((l) => l.values.isinactive !== true && l.values.isinactive !== "T");
  const logs = ns.data.listRecords("customrecord_nss_sync_log");
  const logged = new Set(logs.map((l) => text(l.values.custrecord_nss_synclog_customer)));
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
    const sid = text(l.values.custrecord_nss_link_stripe_id);
    if (sid && !byId.has(sid)) result.dangling.push(sid);
  }
  for (const id of ids) {
    const values = ns.data.loadRecord("customer", id, false).values;
    const sid = text(values.custentity_nss_stripe_customer_id);
    const lastError = text(values.custentity_nss_last_error).slice(0, 160);
    if (lastError) result.lastErrors[lastError] = (result.lastErrors[lastError] ?? 0) + 1;
    const own = links.filter((l) => text(l.values.custrecord_nss_link_customer) === String(id));
    if (sid) {
      if (!byId.has(sid)) result.dangling.push(sid);
      if (own.length !== 1 || text(own[0]?.values.custrecord_nss_link_stripe_id) !== sid)
        result.badLinks.push(id);
      else if (byId.get(sid)?.metadata?.netsuite_customer_id !== String(id)) result.badLinks.push(id);
      else result.linked += 1;
    } else if (own.length > 0) {
      result.badLinks.push(id);
    } else if (text(values.custentity_nss_last_error) && logged.has(String(id))) {
      result.failedRecorded += 1;
    } else {
      result.unrecorded.push(id);
    }
  }
  return result;
}

export const describeFaults = (c: FaultCounts) =>
  `${c.calls} Stripe calls, ${faulted(c)} faulted (${c.before500} 500s before, ${c.after500} 500s after, ${c.rateLimited} 429s, ${c.timeouts} timeouts)`;
