/**
 * The Stripe Sync operations page (customscript_nss_ops_sl) at growing account sizes: the governance
 * units one page load uses, which must not grow with the number of customers (every panel reads a fixed
 * number of search pages), and its modelled time on a real account.
 *
 * The SuiteApp runs in the NetSuite emulator (clock on, typical latencies). The account is seeded straight
 * through the emulator's data API, which is what makes 100,000 customers quick to set up: per customer a
 * customer record, a link and a row of the last dry run's plan; 1% of the customers failed (Sync Status
 * error, with a sync log row each); one possible duplicate row per 100 customers; and a mass sync that is
 * running (its started row), so the Runs subtab counts its progress over every customer. At each size the page is
 * opened as the SuiteApp's role on its first page and on the last page of failed customers; the units are
 * the page's own execution log line ("units used: N").
 *
 *   npm run bench:operations-page -- [--sizes 1000,100000] [--json]
 */
import { parseArgs } from "node:util";
import { describeIssuesForRecord } from "@nss/core";
import type { FieldValue, NetSuiteEmulator } from "@nss/netsuite-emulator";
import {
  CUSTOMER_FIELDS,
  DRY_RUN_PLAN_RECORD,
  DUPLICATE_RECORD,
  LINK_RECORD,
  SCRIPTS,
  SYNC_LOG_RECORD,
} from "@nss/suiteapp/ids";
import { SYNC_USER, startSystem } from "@nss/suiteapp/system";

const { values: opts } = parseArgs({
  options: {
    sizes: { type: "string", default: "1000,100000" },
    json: { type: "boolean", default: false },
  },
});
const sizes = (opts.sizes ?? "")
  .split(",")
  .map((s) => Number(s.trim()))
  .sort((a, b) => a - b);
if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 100)) {
  throw new Error("--sizes is a comma-separated list of whole numbers of at least 100");
}

const SL = SCRIPTS.opsSuitelet.scriptId;
const DEPLOY = SCRIPTS.opsSuitelet.deploymentId;
/** One customer in this many failed; one duplicate row per this many customers. */
const FAILED_EVERY = 100;
const DUPLICATE_EVERY = 100;

export interface OperationsPageRun {
  customers: number;
  failed: number;
  duplicates: number;
  planRows: number;
  /** Units of one page load: first page, and the last page of failed customers. */
  unitsFirstPage: number;
  unitsLastPage: number;
  /** Lines the first page listed per sublist (a check that it read the seeded rows). */
  shown: Record<string, number>;
  /** Modelled milliseconds on a real account (typical latencies) for the first page. */
  modelledMs: number | null;
  seedSeconds: number;
}

export interface OperationsPageResult {
  bench: "operations-page";
  runs: OperationsPageRun[];
  /** Whether every run used the same units. */
  flat: boolean;
  node: string;
}

const system = await startSystem({
  key: "sk_test_nssBenchOpsPage",
  autoSync: false,
  netsuite: { clock: { profile: "typical", processors: 2 } },
});
const { ns } = system;
const accountRecord = String(system.accounts[0]?.recordId);

/** Seeds customers `from` … `to - 1` (their links, plan rows, failures and duplicate rows). */
function seed(data: NetSuiteEmulator["data"], from: number, to: number, run: string): void {
  const L = LINK_RECORD.fields;
  const P = DRY_RUN_PLAN_RECORD.fields;
  const D = DUPLICATE_RECORD.fields;
  const S = SYNC_LOG_RECORD.fields;
  for (let i = from; i < to; i++) {
    const failed = i % FAILED_EVERY === FAILED_EVERY - 1;
    const values: Record<string, FieldValue> = {
      companyname: `Bench Customer ${i}`,
      email: `customer${i}@bench.example.com`,
      subsidiary: "1",
      [CUSTOMER_FIELDS.stripeCustomerId]: `cus_bench${i}`,
      [CUSTOMER_FIELDS.syncStatus]: failed ? "error" : "synced",
      [CUSTOMER_FIELDS.lastError]: failed
        ? describeIssuesForRecord([
            {
              code: "MAPPING_INVALID_EMAIL",
              message: `Customer ${i}: column 1 (email) holds "bench${i}@com", which is not an email address.`,
              fix: "Correct the email address in NetSuite (one address, like name@example.com).",
            },
          ])
        : "",
    };
    const id = String(data.insertRaw("customer", values));
    data.insertRaw(LINK_RECORD.type, {
      [L.customer]: id,
      [L.account]: accountRecord,
      [L.subsidiary]: "1",
      [L.stripeId]: `cus_bench${i}`,
      [L.stripeCreated]: 1_700_000_000 + i,
    });
    data.insertRaw(DRY_RUN_PLAN_RECORD.type, {
      [P.customer]: id,
      [P.account]: accountRecord,
      [P.action]: failed ? "failed" : "unchanged",
      [P.stripeId]: `cus_bench${i}`,
      [P.changes]: failed ? "bench failure" : "Nothing: unchanged since the last sync (no Stripe call).",
      [P.run]: run,
    });
    if (failed) {
      data.insertRaw(SYNC_LOG_RECORD.type, {
        [S.kind]: "mass",
        [S.customer]: id,
        [S.account]: accountRecord,
        [S.outcome]: "failed",
        [S.message]: `bench failure ${i}`,
      });
    }
    if (i % DUPLICATE_EVERY === 0) {
      data.insertRaw(DUPLICATE_RECORD.type, {
        [D.account]: accountRecord,
        [D.kind]: "email",
        [D.value]: `customer${i}@bench.example.com`,
        [D.stripeIds]: `cus_bench${i}, cus_other${i}`,
        [D.count]: 2,
        [D.bucket]: i % 64,
        [D.scan]: run,
      });
    }
  }
}

/** Opens the page as the SuiteApp's role; answers its units (its execution log line) and modelled time. */
async function openPage(
  parameters: Record<string, string>,
): Promise<{ units: number; ms: number | null; shown: Record<string, number> }> {
  const before = ns.log.list({ scriptId: SL }).length;
  const out = await ns.invokeSuitelet(SL, DEPLOY, { method: "GET", parameters, user: SYNC_USER });
  if (out.code !== 200) throw new Error(`the page answered ${out.code}: ${out.body.slice(0, 300)}`);
  const line = ns.log
    .list({ scriptId: SL })
    .slice(before)
    .find((e) => /units used: \d+/.test(e.details ?? ""));
  const units = Number(/units used: (\d+)/.exec(line?.details ?? "")?.[1] ?? Number.NaN);
  if (!Number.isFinite(units)) throw new Error("the page wrote no 'units used' line");
  // What the page listed, to show it read the seeded rows: lines per sublist.
  const shown = Object.fromEntries((out.page?.sublists ?? []).map((s) => [s.id, s.lines.length]));
  return { units, ms: out.modelledMs ?? null, shown };
}

const runs: OperationsPageRun[] = [];
try {
  const run = String(Date.now());
  const S = SYNC_LOG_RECORD.fields;
  const now = new Date().toISOString();
  ns.data.insertRaw(SYNC_LOG_RECORD.type, {
    [S.kind]: "mass",
    [S.outcome]: "started",
    [S.message]: "bench: a mass sync that is running",
    [S.started]: now,
    [S.at]: now,
    [S.toProcess]: sizes.at(-1) ?? 0,
  });
  let seeded = 0;
  for (const size of sizes) {
    const started = performance.now();
    seed(ns.data, seeded, size, run);
    seeded = size;
    const seedSeconds = (performance.now() - started) / 1000;
    const failed = Math.floor(size / FAILED_EVERY);
    const first = await openPage({});
    const last = await openPage({ page: String(Math.max(0, Math.ceil(failed / 25) - 1)) });
    runs.push({
      customers: size,
      failed,
      duplicates: Math.ceil(size / DUPLICATE_EVERY),
      planRows: size,
      unitsFirstPage: first.units,
      unitsLastPage: last.units,
      modelledMs: first.ms,
      shown: first.shown,
      seedSeconds,
    });
    console.log(
      `${size.toLocaleString("en-US")} customers (${failed} failed): page ${first.units} units` +
        ` (last page ${last.units}); lines listed ${JSON.stringify(first.shown)}; modelled ${first.ms === null ? "?" : Math.round(first.ms)} ms; seeded in ${seedSeconds.toFixed(1)} s`,
    );
  }
  const flat = runs.every(
    (r) => r.unitsFirstPage === runs[0]?.unitsFirstPage && r.unitsLastPage === r.unitsFirstPage,
  );
  console.log(
    flat ? "The page's units do not grow with the customers." : "The page's units GROW with the customers.",
  );
  if (opts.json) {
    const result: OperationsPageResult = { bench: "operations-page", runs, flat, node: process.version };
    console.log(JSON.stringify(result));
  }
  if (!flat) process.exitCode = 1;
} finally {
  await system.close();
}
