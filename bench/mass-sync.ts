/**
 * The mass sync (customscript_nss_custsync_mr) and the default payment method refresh
 * (customscript_nss_paymethod_mr) at scale, measured and priced for a real account.
 *
 * The SuiteApp runs in the NetSuite emulator (temp SQLite file) with its clock on, so every run leaves a
 * trace of its round trips; the Stripe emulator runs in-process over HTTPS with Stripe's documented
 * limits switched on after seeding (a live key: 100 requests/s per account, 25/s per operation, 20/s
 * search). N customers are seeded with Auto Sync on Create off; then the mass sync runs three times (new
 * customers; ~1% with a changed phone; nothing changed), ~30% of the Stripe customers get a default
 * card, and the refresh runs twice (those cards; nothing changed). Then the create trigger is timed with
 * Auto Sync on Create off and on.
 *
 * Each run's trace is priced for a real account (bench/lib/real-account.ts): extrapolated to `--model`
 * customers (default 100,000), on 2 and 5 processors, in the low, typical and high latency profiles,
 * with Stripe's live limits as calendars; beside it, the design before this work, rebuilt from its
 * round trips per customer.
 * Stripe calls are the requests to /v1/ the Stripe emulator's server receives (Node's
 * `http.server.request.start` diagnostics channel; 429s from `http.server.response.finish`).
 *
 *   npm run bench:mass-sync -- [--customers 2000] [--model 100000] [--rate-limits stripe|off] [--json]
 */
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage, ServerResponse } from "node:http";
import { parseArgs } from "node:util";
import type { FieldValue, InvocationReading, MapReduceSummary, MapReduceTrace } from "@nss/netsuite-emulator";
import { SCRIPT_PARAMS, SCRIPTS } from "@nss/suiteapp/ids";
import { startSystem } from "@nss/suiteapp/system";
import type { CreateTrigger, MassSyncResult, RunResult, TodayModel } from "./lib/mass-sync-result.js";
import {
  bottleneck,
  breakdown,
  duration,
  type ModelMatrix,
  modelMatrix,
  PROCESSORS,
  PROFILES,
  scaleTrace,
  stripeLimits,
  todayTraces,
  withoutRefused,
} from "./lib/real-account.js";

const { values: opts } = parseArgs({
  options: {
    customers: { type: "string", default: "2000" },
    model: { type: "string", default: "100000" },
    "rate-limits": { type: "string", default: "stripe" },
    json: { type: "boolean", default: false },
  },
});
const customers = Number(opts.customers);
const modelled = Number(opts.model);
const limitsOn = opts["rate-limits"] !== "off";
if (!Number.isInteger(customers) || customers < 1) throw new Error("--customers must be a positive integer");
if (!Number.isInteger(modelled) || modelled < 1) throw new Error("--model must be a positive integer");
if (!["stripe", "off"].includes(opts["rate-limits"] ?? "")) throw new Error("--rate-limits is stripe or off");

const MR = SCRIPTS.massSync.scriptId;
const DEPLOY = SCRIPTS.massSync.deploymentId;
const REFRESH_MR = SCRIPTS.paymentMethodRefresh.scriptId;
const REFRESH_DEPLOY = SCRIPTS.paymentMethodRefresh.deploymentId;
const CREATE_UE = SCRIPTS.customerUserEvent.scriptId;
// A live key: Stripe's live limits are the ones a production sync meets (100/s per account).
const KEY = "sk_live_nssBenchMassSync";
/** The share of customers whose phone changes before the daily run. */
const CHANGED_SHARE = 0.01;

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

const readings: InvocationReading[] = [];
const system = await startSystem({
  key: KEY,
  accounts: [{ name: "Main", subsidiary: "1", accountId: "acct_1NssBenchMass0" }],
  autoSync: false,
  // Traces only: the bench prices them itself for every profile and processor count.
  netsuite: { clock: { profile: "typical", processors: 2, onInvocation: (r) => readings.push(r) } },
});
const { ns, stripe } = system;
/** Stripe's documented rate limits in the emulator, switched on or off. */
const rateLimits = (setting: "stripe" | "off") => system.admin("rate_limits", { body: setting, key: KEY });
try {
  // Seed: companies and individuals; ~5% already in Stripe (linked), ~2% without email.
  const ids: number[] = [];
  const seedStarted = performance.now();
  const newCustomer = (i: number): Record<string, FieldValue> => {
    const person = rand() < 0.4;
    const values: Record<string, FieldValue> = person
      ? { isperson: true, firstname: pick(FIRST), lastname: pick(LAST) }
      : { companyname: `${pick(COMPANY)} ${pick(SUFFIX)} ${i}` };
    return Object.assign(values, { subsidiary: "1", phone: phone(), billcountry: pick(COUNTRY) });
  };
  for (let i = 0; i < customers; i++) {
    const r = rand();
    const email = r < 0.02 ? undefined : `customer${i}@bench.example.com`;
    if (email && r < 0.07) await stripe.customers.create({ email, name: `Legacy ${i}` });
    const values = newCustomer(i);
    if (email) values.email = email;
    ids.push(await ns.saveAsUser({ type: "customer", id: null, isDynamic: false, values }));
  }
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  if (limitsOn) await rateLimits("stripe");
  const limits = stripeLimits("live");
  const todayDesign = todayTraces(modelled, CHANGED_SHARE);

  async function run(label: string, scriptId: string, deploymentId: string, params: Record<string, string>) {
    stripeRequests = 0;
    rateLimited = 0;
    const started = performance.now();
    const result = await ns.runScript(scriptId, deploymentId, params);
    const wallSeconds = (performance.now() - started) / 1000;
    if (result.type !== "mapreducescript") throw new Error("not a map/reduce run");
    const summary: MapReduceSummary = result.summary;
    const problem = summary.inputSummary.error ?? summary.summarizeSummary.error;
    if (problem || summary.mapSummary.errors.length || summary.reduceSummary.errors.length) {
      throw new Error(
        `${label}: ${JSON.stringify(problem ?? summary.mapSummary.errors[0] ?? summary.reduceSummary.errors[0])}`,
      );
    }
    const outcomes: Record<string, number> = {};
    const unitsOf: Record<string, number[]> = {};
    let looked = 0;
    const add = (outcome: string, n: number | undefined) => {
      if (n) outcomes[outcome] = (outcomes[outcome] ?? 0) + n;
    };
    for (const [key, value] of summary.output) {
      const parsed = JSON.parse(value) as {
        targets?: { outcome: string }[];
        outcome?: string;
        units?: number;
        // The mass sync's tally rides with a customer's output (or has the key `tally`).
        tally?: { customers: number; unchanged: number; unserved: number; failedAgain?: number };
        // The refresh's counts are the values of its `tally` and `tally:<window>` keys.
        customers?: number;
        unchanged?: number;
        notLinked?: number;
        failed?: number;
      };
      if (parsed.tally) {
        looked = Math.max(looked, parsed.tally.customers);
        add("unchanged", parsed.tally.unchanged);
        add("failed", parsed.tally.failedAgain);
      }
      if (key === "tally" || key.startsWith("tally:")) {
        if (!parsed.tally) {
          looked += parsed.customers ?? 0;
          add("unchanged", parsed.unchanged);
          add("unlinked", parsed.notLinked);
          add("failed", parsed.failed);
        }
        continue;
      }
      const list = parsed.targets?.map((t) => t.outcome) ?? (parsed.outcome ? [parsed.outcome] : []);
      for (const outcome of list) {
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
        if (parsed.units === undefined) continue;
        const seen = unitsOf[outcome] ?? [];
        seen.push(parsed.units);
        unitsOf[outcome] = seen;
      }
    }
    const counted = Object.values(outcomes).reduce((a, b) => a + b, 0);
    const perOutcome: Record<string, number> = {};
    for (const [outcome, list] of Object.entries(unitsOf)) {
      perOutcome[outcome] = list.reduce((a, b) => a + b, 0) / list.length;
    }
    const trace = summary.trace as MapReduceTrace;
    const out: RunResult = {
      label,
      script: scriptId,
      customers: Math.max(looked, counted),
      outcomes,
      mapInvocations: summary.mapSummary.keys.length,
      customerMapInvocations: summary.mapSummary.keys.filter((k) => /^\d+$/.test(k.key)).length,
      reduceInvocations: summary.reduceSummary.keys.length,
      stripeCalls: stripeRequests,
      rateLimited,
      units: {
        getInputData: summary.inputSummary.usage,
        map: summary.mapSummary.usage,
        reduce: summary.reduceSummary.usage,
        summarize: summary.summarizeSummary.usage,
        total: summary.usage,
        perOutcome,
      },
      wallSeconds,
      modelled: modelMatrix(scaleTrace(withoutRefused(trace), customers, modelled), limits),
    };
    console.log(
      `${label}: ${out.customers} customers, ${JSON.stringify(outcomes)}, ${out.mapInvocations} map invocations,` +
        ` ${out.stripeCalls} Stripe calls (${out.rateLimited} 429), ${out.units.total} units,` +
        ` ${wallSeconds.toFixed(1)} s here; modelled at ${modelled}: ${duration(out.modelled.typical[2]?.seconds ?? 0)} (typical, 2 processors)`,
    );
    return out;
  }

  const sync = (label: string) => run(label, MR, DEPLOY, { [SCRIPT_PARAMS.massSyncDryRun]: "F" });
  const runs: RunResult[] = [];
  const refresh: RunResult[] = [];
  runs.push(await sync("1 new"));
  for (const id of ids) {
    if (rand() >= CHANGED_SHARE) continue;
    const customer = ns.data.loadRecord("customer", id, false);
    await ns.saveAsUser({ ...customer, values: { ...customer.values, phone: phone() } });
  }
  runs.push(await sync(`2 changed (~${CHANGED_SHARE * 100}% phone)`));
  runs.push(await sync("3 unchanged"));

  // ~30% of the Stripe customers get a card made their default, as a customer would in the portal.
  const cards = ["pm_card_visa", "pm_card_mastercard", "pm_card_amex"];
  if (limitsOn) await rateLimits("off");
  for await (const customer of stripe.customers.list({ limit: 100 })) {
    if (rand() >= 0.3) continue;
    const pm = await stripe.paymentMethods.attach(pick(cards), { customer: customer.id });
    await stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: pm.id } });
  }
  if (limitsOn) await rateLimits("stripe");
  refresh.push(await run("refresh 1 (~30% new default card)", REFRESH_MR, REFRESH_DEPLOY, {}));
  refresh.push(await run("refresh 2 (nothing changed)", REFRESH_MR, REFRESH_DEPLOY, {}));

  // The create trigger: a customer saved with Auto Sync on Create off, then one with it on.
  const triggerOf = async (i: number) => {
    readings.length = 0;
    const values = { ...newCustomer(customers + i), email: `trigger${i}@bench.example.com` };
    await ns.saveAsUser({ type: "customer", id: null, isDynamic: false, values });
    const reading = readings.find((r) => r.scriptId === CREATE_UE && r.entryPoint === "afterSubmit");
    return { roundTrips: reading?.ops.length ?? 0, ms: Math.round(reading?.ms ?? 0) };
  };
  const off = await triggerOf(1);
  await system.setAutoSync(true);
  const logBefore = ns.log.list().length;
  const on = await triggerOf(2);
  const unitsLine = ns.log
    .list()
    .slice(logBefore)
    .map((e) => e.details)
    .find((d) => /units used: \d+/.test(d));
  const createTrigger: CreateTrigger = {
    off,
    on: { ...on, units: Number(unitsLine?.match(/units used: (\d+)/)?.[1] ?? Number.NaN) },
  };

  const today: TodayModel = {
    daily: modelMatrix(todayDesign.daily, limits),
    first: modelMatrix(todayDesign.first, limits),
    refresh: modelMatrix(todayDesign.refresh, limits),
  };
  const firstRun = runs[0]?.modelled.typical[2];
  const parts = firstRun ? breakdown(firstRun, "typical") : {};
  const peakRssMb = process.resourceUsage().maxRSS / 1024;

  const matrixRows = (name: string, m: ModelMatrix) =>
    PROFILES.map(
      (p) => `| ${name} | ${p} | ${PROCESSORS.map((n) => duration(m[p][n]?.seconds ?? 0)).join(" | ")} |`,
    );
  console.log(
    [
      "",
      `Modelled on a real account at ${modelled.toLocaleString("en")} customers (Stripe's live limits):`,
      "",
      `| run | profile | ${PROCESSORS.map((n) => `${n} processors`).join(" | ")} |`,
      `|---|---|${PROCESSORS.map(() => "---").join("|")}|`,
      ...matrixRows("daily mass sync, before", today.daily),
      ...matrixRows("daily mass sync, now", runs[1]?.modelled as ModelMatrix),
      ...matrixRows("first sync, before", today.first),
      ...matrixRows("first sync, now", runs[0]?.modelled as ModelMatrix),
      ...matrixRows("daily refresh, before", today.refresh),
      ...matrixRows("daily refresh, now", refresh[1]?.modelled as ModelMatrix),
      "",
      `first sync, typical, 2 processors, where the time goes (s of processor time): ${JSON.stringify(parts)}; bottleneck: ${bottleneck(parts)}`,
      `create trigger: auto sync off ${off.roundTrips} round trips, ${off.ms} ms; on ${on.roundTrips} round trips, ${on.ms} ms, ${createTrigger.on.units} units`,
      `seeding took ${seedSeconds.toFixed(1)} s; peak RSS ${peakRssMb.toFixed(0)} MB; Node ${process.version}`,
    ].join("\n"),
  );
  if (opts.json) {
    const result: MassSyncResult = {
      bench: "mass-sync",
      customers,
      modelCustomers: modelled,
      stripeLimits: limitsOn,
      seedSeconds,
      runs,
      refresh,
      today,
      createTrigger,
      firstSyncBreakdown: { parts, bottleneck: bottleneck(parts) },
      peakRssMb,
      node: process.version,
    };
    console.log(JSON.stringify(result));
  }
} finally {
  await system.close();
}
