/**
 * The mass sync Map/Reduce (customscript_nss_custsync_mr) at scale: the SuiteApp opened in the NetSuite
 * emulator (temp SQLite file), the Stripe emulator in-process over HTTPS, N customers seeded with Auto
 * Sync on Create off, then three runs: new customers, ~10% with a changed phone, nothing changed.
 * Stripe calls are the requests to /v1/ the Stripe emulator's server receives, counted with Node's
 * `http.server.request.start` diagnostics channel (the only HTTP server in this process).
 *
 *   npm run bench:mass-sync -- [--customers 1000] [--concurrency 1]
 */
import { subscribe } from "node:diagnostics_channel";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import type { IncomingMessage } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type FieldValue, NetSuiteEmulator, type SearchDef } from "@nss/netsuite-emulator";
import { startStripeEmulator } from "@nss/stripe-emulator";
import Stripe from "stripe";

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i] ?? "", process.argv[i + 1] ?? "");
const customers = Number(args.get("--customers") ?? 1000);
const concurrencyArg = args.has("--concurrency") ? Number(args.get("--concurrency")) : undefined;

const SUITEAPP = fileURLToPath(new URL("../packages/suiteapp/", import.meta.url));
const FIXTURES = join(SUITEAPP, "test", "fixtures");
const CERT = readFileSync(join(FIXTURES, "cert.pem"));
const TLS_KEY = readFileSync(join(FIXTURES, "key.pem"));
const SECRET = "custsecret_nss_stripe_key_default";
const MR = "customscript_nss_custsync_mr";
const DEPLOY = "customdeploy_nss_custsync_mr";
const KEY = "sk_test_nssBenchMassSync";

let stripeRequests = 0;
subscribe("http.server.request.start", (message) => {
  const { request } = message as { request: IncomingMessage };
  if (request.url?.startsWith("/v1/")) stripeRequests++;
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

const dir = mkdtempSync(join(tmpdir(), "nss-bench-mass-"));
const stripeEmulator = await startStripeEmulator({ port: 0, tls: { key: TLS_KEY, cert: CERT } });
const ns = await NetSuiteEmulator.open({
  projectDir: SUITEAPP,
  db: join(dir, "account.sqlite"),
  env: { [`NSS_SECRET_${SECRET.toUpperCase()}`]: KEY },
  httpsCa: CERT,
});
try {
  const deployment = ns.project.scripts
    .find((s) => s.scriptId === MR)
    ?.deployments.find((d) => d.scriptId === DEPLOY);
  if (!deployment) throw new Error(`no deployment ${DEPLOY}`);
  // The emulator's project is the SDF deployment's `concurrencylimit`; it lowers anything above 5.
  if (concurrencyArg !== undefined) deployment.concurrency = concurrencyArg;

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

  const rows: string[] = [];
  let ranWith = 0;
  async function run(label: string) {
    stripeRequests = 0;
    const started = performance.now();
    const result = await ns.runScript(MR, DEPLOY, { custscript_nss_custsync_dry_run: "F" });
    const seconds = (performance.now() - started) / 1000;
    if (result.type !== "mapreducescript") throw new Error("not a map/reduce run");
    const { summary } = result;
    ranWith = summary.concurrency;
    const problem = summary.inputSummary.error ?? summary.summarizeSummary.error;
    if (problem || summary.mapSummary.errors.length) {
      throw new Error(`${label}: ${JSON.stringify(problem ?? summary.mapSummary.errors[0])}`);
    }
    const counts: Record<string, number> = { created: 0, linked: 0, updated: 0, unchanged: 0, failed: 0 };
    const units: number[] = [];
    for (const [, value] of summary.output) {
      const parsed = JSON.parse(value) as { targets: { outcome: string }[]; units: number };
      for (const t of parsed.targets) counts[t.outcome] = (counts[t.outcome] ?? 0) + 1;
      units.push(parsed.units);
    }
    const n = units.length;
    const avg = units.reduce((a, b) => a + b, 0) / Math.max(1, n);
    rows.push(
      `| ${label} | ${n} | ${counts.created} / ${counts.linked} / ${counts.updated} / ${counts.unchanged} / ${counts.failed}` +
        ` | ${stripeRequests} (${(stripeRequests / Math.max(1, n)).toFixed(2)}) | ${avg.toFixed(1)} / ${Math.max(0, ...units)}` +
        ` | ${seconds.toFixed(1)} | ${(n / seconds).toFixed(1)} |`,
    );
  }

  await run("1 new");
  for (const id of ids) {
    if (rand() >= 0.1) continue;
    const customer = ns.data.loadRecord("customer", id, false);
    await ns.saveAsUser({ ...customer, values: { ...customer.values, phone: phone() } });
  }
  await run("2 changed (~10% phone)");
  await run("3 unchanged");

  const peakKb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync("/proc/self/status", "utf8"))?.[1] ?? 0);
  console.log(
    [
      `Mass sync (${MR}), ${customers} customers, map concurrency ${ranWith}, NetSuite emulator on a SQLite file,` +
        ` Stripe emulator in-process over HTTPS, Node ${process.version}; seeding took ${seedSeconds.toFixed(1)} s`,
      "",
      "| run | customers | created / linked / updated / unchanged / failed | Stripe calls (per customer) | units per customer in map: avg / max | wall s | customers/s |",
      "|---|---|---|---|---|---|---|",
      ...rows,
      "",
      `peak RSS (whole process: both emulators and the scripts): ${(peakKb / 1024).toFixed(0)} MB`,
      `command: npm run bench:mass-sync -- --customers ${customers}${concurrencyArg !== undefined ? ` --concurrency ${concurrencyArg}` : ""}`,
    ].join("\n"),
  );
} finally {
  await ns.close();
  await stripeEmulator.close();
  rmSync(dir, { recursive: true, force: true });
}
