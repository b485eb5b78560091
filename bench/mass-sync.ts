/**
 * The mass sync Map/Reduce (customscript_nss_custsync_mr) at scale: the SuiteApp opened in the NetSuite
 * emulator (temp SQLite file), the Stripe emulator in-process over HTTPS, N customers seeded with Auto
 * Sync on Create off, then three runs: new customers, ~10% with a changed phone, nothing changed. Then
 * the default payment method refresh (customscript_nss_paymethod_mr) over the same customers, after
 * ~30% of the Stripe customers got a default card: a first run (those refreshed) and a second (nothing
 * changed).
 * Stripe calls are the requests to /v1/ the Stripe emulator's server receives, counted with Node's
 * `http.server.request.start` diagnostics channel (the only HTTP server in this process); 429s are
 * counted from `http.server.response.finish`.
 *
 * With `--rate-limit N` the Stripe emulator limits each account to N requests per second (Stripe: 25/s in
 * test mode, 100/s live), switched on after seeding through `POST /_emulator/rate_limit`, and only the
 * first run (new customers, the one that calls Stripe) is made, with no refresh. The limiter's bucket
 * starts full; its one-second burst is used up before the run, so the run sees the steady rate.
 *
 * Peak memory is this process's peak RSS (`process.resourceUsage().maxRSS`): both emulators run in it and
 * the scripts run in its worker threads.
 *
 *   npm run bench:mass-sync -- [--customers 1000] [--concurrency 1] [--rate-limit 0] [--no-refresh] [--json]
 */
import { subscribe } from "node:diagnostics_channel";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { type FieldValue, NetSuiteEmulator, type SearchDef } from "@nss/netsuite-emulator";
import { startStripeEmulator } from "@nss/stripe-emulator";
import Stripe from "stripe";

const { values: opts } = parseArgs({
  options: {
    customers: { type: "string", default: "1000" },
    concurrency: { type: "string" },
    "rate-limit": { type: "string", default: "0" },
    "no-refresh": { type: "boolean", default: false },
    json: { type: "boolean", default: false },
  },
});
const customers = Number(opts.customers);
const concurrencyArg = opts.concurrency !== undefined ? Number(opts.concurrency) : undefined;
const rateLimit = Number(opts["rate-limit"]);
const withRefresh = !opts["no-refresh"] && rateLimit === 0;
if (!Number.isInteger(customers) || customers < 1) throw new Error("--customers must be a positive integer");

const SUITEAPP = fileURLToPath(new URL("../packages/suiteapp/", import.meta.url));
const FIXTURES = join(SUITEAPP, "test", "fixtures");
const CERT = readFileSync(join(FIXTURES, "cert.pem"));
const TLS_KEY = readFileSync(join(FIXTURES, "key.pem"));
const SECRET = "custsecret_nss_stripe_key_default";
const MR = "customscript_nss_custsync_mr";
const DEPLOY = "customdeploy_nss_custsync_mr";
const REFRESH_MR = "customscript_nss_paymethod_mr";
const REFRESH_DEPLOY = "customdeploy_nss_paymethod_mr";
const KEY = "sk_test_nssBenchMassSync";

let stripeRequests = 0;
let rateLimited = 0;
subscribe("http.server.request.start", (message) => {
  const { request } = message as { request: IncomingMessage };
  if (request.url?.startsWith("/v1/")) stripeRequests++;
});
subscribe("http.server.response.finish", (message) => {
  const { request, response } = message as { request: IncomingMessage; response: ServerResponse };
  if (request.url?.startsWith("/v1/") && response.statusCode === 429) rateLimited++;
});

// A deterministic pseudo-random generator, so that runs are comparable.
let seed = 42;
const rand = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};
const FIRST = ["Ada", "Bjørn", "Chloé", "Dmitri", "Eva", "Farid", "Greta", "Hugo", "Ines", "Jon"];
const LAST = ["Lovelace", "Hansen", "Dubois", "Ivanov", "Müller", "Haddad", "Berg", "Martin", "Silva"];
const COMPANY = ["Acme", "Nordlys", "Blue Fjord", "Kestrel", "Orbit", "Pine & Co", "Vega", "Zenith"];
const SUFFIX = ["Ltd", "AS", "GmbH", "SARL", "Inc", "AB", "BV"];
const COUNTRY = ["GB", "NO", "DE", "FR", "US", "SE", "NL"];
const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)] as T;
const phone = () => `+47 ${Math.floor(10000000 + rand() * 89999999)}`;

/** Governance units of one Map/Reduce run, per stage. */
export interface StageUnits {
  /** getInputData, once per run. */
  getInputData: number;
  /** map, per customer: average and maximum (from what map writes), and the stage's total. */
  mapAvg: number;
  mapMax: number;
  mapTotal: number;
  /** summarize, once per run. */
  summarize: number;
  /** every stage. */
  total: number;
}

/** One Map/Reduce run as `--json` reports it. */
export interface RunResult {
  label: string;
  script: string;
  customers: number;
  outcomes: Record<string, number>;
  /** Requests to /v1/ the Stripe emulator received during the run, 429s included. */
  stripeCalls: number;
  /** Of those, the ones answered 429 by the rate limit. */
  rateLimited: number;
  /** stripeCalls / customers. */
  stripeCallsPerCustomer: number;
  units: StageUnits;
  wallSeconds: number;
  customersPerSecond: number;
  /** With a rate limit: what it allows, limit ÷ (calls served, i.e. not 429, per customer). */
  limitCustomersPerSecond?: number;
  /** customersPerSecond ÷ limitCustomersPerSecond. */
  fractionOfLimit?: number;
}

/** The line `--json` prints last. */
export interface MassSyncResult {
  bench: "mass-sync";
  customers: number;
  concurrency: number;
  rateLimit: number;
  seedSeconds: number;
  runs: RunResult[];
  refresh: RunResult[];
  peakRssMb: number;
  peakRssOf: string;
  node: string;
}

const switchAgent = new HttpsAgent({ ca: CERT, keepAlive: true, maxSockets: 1 });
/** A request to the in-process Stripe emulator (HTTPS with the fixture certificate); resolves to the status. */
function emulatorRequest(url: string, method: string, path: string, body?: unknown): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers = { "content-type": "application/json", authorization: `Bearer ${KEY}` };
    const req = httpsRequest(new URL(path, url), { method, headers, agent: switchAgent }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

const dir = mkdtempSync(join(tmpdir(), "nss-bench-mass-"));
const stripeEmulator = await startStripeEmulator({ port: 0, tls: { key: TLS_KEY, cert: CERT } });
const ns = await NetSuiteEmulator.open({
  projectDir: SUITEAPP,
  db: join(dir, "account.sqlite"),
  env: { [`NSS_SECRET_${SECRET.toUpperCase()}`]: KEY },
  httpsCa: CERT,
});
try {
  for (const [scriptId, deploymentId] of [
    [MR, DEPLOY],
    [REFRESH_MR, REFRESH_DEPLOY],
  ] as const) {
    const deployment = ns.project.scripts
      .find((s) => s.scriptId === scriptId)
      ?.deployments.find((d) => d.scriptId === deploymentId);
    if (!deployment) throw new Error(`no deployment ${deploymentId}`);
    // The emulator's project is the SDF deployment's `concurrencylimit`; it lowers anything above 5.
    if (concurrencyArg !== undefined) deployment.concurrency = concurrencyArg;
  }

  await ns.saveAsUser({
    type: "customrecord_nss_stripe_account",
    id: null,
    isDynamic: false,
    values: {
      name: "Main",
      custrecord_nss_acct_account_id: "acct_1NssBenchMass0",
      custrecord_nss_acct_secret_id: SECRET,
      custrecord_nss_acct_ident_field: "subsidiary",
      custrecord_nss_acct_ident_value: "1",
      custrecord_nss_acct_api_base: stripeEmulator.url,
    },
  });
  const configQuery: SearchDef = {
    id: null,
    scriptId: null,
    type: "customrecord_nss_config",
    title: null,
    filters: [],
    columns: [{ name: "internalid" }],
    isPublic: false,
  };
  const [config] = ns.data.runSearch(configQuery, 0, 1).rows;
  const record = ns.data.loadRecord("customrecord_nss_config", Number(config?.id), false);
  await ns.saveAsUser({ ...record, values: { ...record.values, custrecord_nss_cfg_auto_sync: false } });

  // Seed: companies and individuals; ~5% already in Stripe (linked), ~2% without email.
  const stripe = new Stripe(KEY, {
    host: "127.0.0.1",
    port: stripeEmulator.port,
    protocol: "https",
    httpAgent: new HttpsAgent({ ca: CERT }),
  });
  const ids: number[] = [];
  const seedStarted = performance.now();
  for (let i = 0; i < customers; i++) {
    const r = rand();
    const email = r < 0.02 ? undefined : `customer${i}@bench.example.com`;
    if (email && r < 0.07) await stripe.customers.create({ email, name: `Legacy ${i}` });
    const person = rand() < 0.4;
    const values: Record<string, FieldValue> = person
      ? { isperson: true, firstname: pick(FIRST), lastname: pick(LAST) }
      : { companyname: `${pick(COMPANY)} ${pick(SUFFIX)} ${i}` };
    Object.assign(values, { subsidiary: "1", phone: phone(), billcountry: pick(COUNTRY) });
    if (email) values.email = email;
    ids.push(await ns.saveAsUser({ type: "customer", id: null, isDynamic: false, values }));
  }
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  if (rateLimit > 0) {
    const status = await emulatorRequest(stripeEmulator.url, "POST", "/_emulator/rate_limit", {
      perSecond: rateLimit,
    });
    if (status !== 200) throw new Error(`POST /_emulator/rate_limit: HTTP ${status}`);
    // The limiter is a token bucket that starts full: drain its one-second burst first, so that the run
    // measures the steady rate the limit allows (these requests are not counted: the run resets counters).
    for (let i = 0; i < 10 * rateLimit; i++) {
      if ((await emulatorRequest(stripeEmulator.url, "GET", "/v1/customers?limit=1")) === 429) break;
    }
  }

  let ranWith = 0;
  async function run(label: string, scriptId: string, deploymentId: string, params: Record<string, string>) {
    stripeRequests = 0;
    rateLimited = 0;
    const started = performance.now();
    const result = await ns.runScript(scriptId, deploymentId, params);
    const wallSeconds = (performance.now() - started) / 1000;
    if (result.type !== "mapreducescript") throw new Error("not a map/reduce run");
    const { summary } = result;
    ranWith = summary.concurrency;
    const problem = summary.inputSummary.error ?? summary.summarizeSummary.error;
    if (problem || summary.mapSummary.errors.length) {
      throw new Error(`${label}: ${JSON.stringify(problem ?? summary.mapSummary.errors[0])}`);
    }
    const outcomes: Record<string, number> = {};
    const units: number[] = [];
    for (const [, value] of summary.output) {
      const parsed = JSON.parse(value) as {
        targets?: { outcome: string }[];
        outcome?: string;
        units: number;
      };
      for (const outcome of parsed.targets?.map((t) => t.outcome) ?? [parsed.outcome ?? "?"]) {
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      }
      units.push(parsed.units);
    }
    const n = units.length;
    const customersPerSecond = n / wallSeconds;
    const out: RunResult = {
      label,
      script: scriptId,
      customers: n,
      outcomes,
      stripeCalls: stripeRequests,
      rateLimited,
      stripeCallsPerCustomer: stripeRequests / Math.max(1, n),
      units: {
        getInputData: summary.inputSummary.usage,
        mapAvg: units.reduce((a, b) => a + b, 0) / Math.max(1, n),
        mapMax: units.reduce((a, b) => Math.max(a, b), 0),
        mapTotal: summary.mapSummary.usage,
        summarize: summary.summarizeSummary.usage,
        total: summary.usage,
      },
      wallSeconds,
      customersPerSecond,
    };
    const served = (stripeRequests - rateLimited) / Math.max(1, n);
    if (rateLimit > 0 && served > 0) {
      out.limitCustomersPerSecond = rateLimit / served;
      out.fractionOfLimit = customersPerSecond / out.limitCustomersPerSecond;
    }
    return out;
  }

  const sync = (label: string) => run(label, MR, DEPLOY, { custscript_nss_custsync_dry_run: "F" });
  const runs: RunResult[] = [];
  const refresh: RunResult[] = [];
  runs.push(await sync(rateLimit > 0 ? `1 new, rate limit ${rateLimit}/s` : "1 new"));
  if (rateLimit === 0) {
    for (const id of ids) {
      if (rand() >= 0.1) continue;
      const customer = ns.data.loadRecord("customer", id, false);
      await ns.saveAsUser({ ...customer, values: { ...customer.values, phone: phone() } });
    }
    runs.push(await sync("2 changed (~10% phone)"));
    runs.push(await sync("3 unchanged"));
  }
  if (withRefresh) {
    // ~30% of the Stripe customers get a Visa card made their default, as a customer would in the portal.
    const cards = ["pm_card_visa", "pm_card_mastercard", "pm_card_amex"];
    for await (const customer of stripe.customers.list({ limit: 100 })) {
      if (rand() >= 0.3) continue;
      const pm = await stripe.paymentMethods.attach(pick(cards), { customer: customer.id });
      await stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: pm.id } });
    }
    refresh.push(await run("refresh 1 (~30% new default card)", REFRESH_MR, REFRESH_DEPLOY, {}));
    refresh.push(await run("refresh 2 (nothing changed)", REFRESH_MR, REFRESH_DEPLOY, {}));
  }

  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const ORDER = ["created", "linked", "updated", "refreshed", "cleared", "unchanged", "unlinked", "failed"];
  const rank = (k: string) => (ORDER.includes(k) ? ORDER.indexOf(k) : ORDER.length);
  const outcomeKeys = (list: RunResult[]) =>
    [...new Set(list.flatMap((r) => Object.keys(r.outcomes)))].sort((a, b) => rank(a) - rank(b));
  const table = (list: RunResult[]) => {
    const keys = outcomeKeys(list);
    return [
      `| run | customers | ${keys.join(" / ")} | Stripe calls (per customer)${rateLimit > 0 ? ", 429s" : ""} | units per customer in map: avg / max | getInputData / summarize units | wall s | customers/s |${rateLimit > 0 ? " of the limit |" : ""}`,
      `|---|---|---|---|---|---|---|---|${rateLimit > 0 ? "---|" : ""}`,
      ...list.map(
        (r) =>
          `| ${r.label} | ${r.customers} | ${keys.map((k) => r.outcomes[k] ?? 0).join(" / ")}` +
          ` | ${r.stripeCalls} (${r.stripeCallsPerCustomer.toFixed(2)})${rateLimit > 0 ? `, ${r.rateLimited}` : ""}` +
          ` | ${r.units.mapAvg.toFixed(1)} / ${r.units.mapMax} | ${r.units.getInputData} / ${r.units.summarize}` +
          ` | ${r.wallSeconds.toFixed(1)} | ${r.customersPerSecond.toFixed(1)} |` +
          (r.fractionOfLimit !== undefined
            ? ` ${(r.fractionOfLimit * 100).toFixed(0)}% of ${r.limitCustomersPerSecond?.toFixed(1)} |`
            : ""),
      ),
    ];
  };
  const command =
    `npm run bench:mass-sync -- --customers ${customers}` +
    (concurrencyArg !== undefined ? ` --concurrency ${concurrencyArg}` : "") +
    (rateLimit > 0 ? ` --rate-limit ${rateLimit}` : "") +
    (opts["no-refresh"] ? " --no-refresh" : "");
  console.log(
    [
      `Mass sync (${MR}), ${customers} customers, map concurrency ${ranWith}, NetSuite emulator on a SQLite file,` +
        ` Stripe emulator in-process over HTTPS${rateLimit > 0 ? ` rate-limited to ${rateLimit} requests/s` : ""},` +
        ` Node ${process.version}; seeding took ${seedSeconds.toFixed(1)} s`,
      "",
      ...table(runs),
      ...(refresh.length > 0
        ? ["", `Default payment method refresh (${REFRESH_MR})`, "", ...table(refresh)]
        : []),
      "",
      `peak RSS (whole process: both emulators and the scripts' worker threads): ${peakRssMb.toFixed(0)} MB`,
      `command: ${command}`,
    ].join("\n"),
  );
  if (opts.json) {
    const result: MassSyncResult = {
      bench: "mass-sync",
      customers,
      concurrency: ranWith,
      rateLimit,
      seedSeconds,
      runs,
      refresh,
      peakRssMb,
      peakRssOf: "the bench process: both emulators in-process, the scripts in its worker threads",
      node: process.version,
    };
    console.log(JSON.stringify(result));
  }
} finally {
  switchAgent.destroy();
  await ns.close();
  await stripeEmulator.close();
  rmSync(dir, { recursive: true, force: true });
}
