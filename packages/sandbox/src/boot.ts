/**
 * Boots the system: the Stripe emulator (or real Stripe), the NetSuite emulator serving the built
 * SuiteApp, two Stripe accounts for two subsidiaries, and the webhook proxy twice with the same keys
 * (HTTPS for NetSuite's /seal calls, since N/https calls only https URLs; HTTP for Stripe's
 * deliveries), with Enable Webhook checked through the configuration as an administrator would.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { Agent as HttpsAgent } from "node:https";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  type FieldValue,
  NetSuiteEmulator,
  type NetSuiteServer,
  type SearchDef,
  startNetSuiteServer,
} from "@nss/netsuite-emulator";
import { loadConfig, type RunningProxy, startProxy } from "@nss/proxy";
import { type StripeEmulator, startStripeEmulator } from "@nss/stripe-emulator";
import Stripe from "stripe";
import type { PortPlan } from "./ports.js";

const CERT_FILE = fileURLToPath(new URL("../certs/cert.pem", import.meta.url));
const KEY_FILE = fileURLToPath(new URL("../certs/key.pem", import.meta.url));
/** The SDF project: the SuiteApp package itself, once `npm run build` has built its scripts. */
export const SUITEAPP_DIR = fileURLToPath(new URL("../../suiteapp/", import.meta.url));
const APP_DIR = join(SUITEAPP_DIR, "src", "FileCabinet", "SuiteApps", "com.nss.stripesync");

/** The emulator's keys: fixed, so a kept `--db` finds the same two Stripe accounts again. */
const EMULATOR_KEYS = ["sk_test_nssSandboxMain", "sk_test_nssSandboxEurope"];
const ACCOUNTS = [
  { name: "Main", subsidiary: "1", secret: "custsecret_nss_stripe_key_default" },
  // Not declared by the SuiteApp: created in the account, as an administrator adds a second key.
  { name: "Europe", subsidiary: "2", secret: "custsecret_nss_stripe_key_europe" },
];
const PROXY_SECRET = "custsecret_nss_proxy_token";

export interface SandboxAccount {
  recordId: string;
  name: string;
  subsidiary: string;
  stripe: Stripe;
}

export interface System {
  ns: NetSuiteEmulator;
  server: NetSuiteServer;
  stripeEmulator?: StripeEmulator;
  /** The page a browser opens for Stripe: the emulator's dashboard, or Stripe's own. */
  stripeUrl: string;
  sealing: RunningProxy;
  receiving: RunningProxy;
  accounts: SandboxAccount[];
  /** The proxies' admin token (for `/seal`). */
  proxyToken: string;
  /** True when the NetSuite account held no customer yet (so the demo seeds it). */
  empty: boolean;
  close(): Promise<void>;
}

export const query = (type: string, columns: SearchDef["columns"]): SearchDef => ({
  id: null,
  scriptId: null,
  type,
  title: null,
  filters: [],
  columns,
  isPublic: false,
});

/** Seal key and proxy token: random, and kept in the data dir so sealed webhook URLs survive a restart. */
function proxyKeys(dir: string): { sealKey: string; adminToken: string } {
  const file = join(dir, "sandbox-proxy.json");
  if (existsSync(file))
    return JSON.parse(readFileSync(file, "utf8")) as { sealKey: string; adminToken: string };
  const keys = {
    sealKey: `k1:${randomBytes(32).toString("base64")}`,
    adminToken: randomBytes(24).toString("base64url"),
  };
  writeFileSync(file, JSON.stringify(keys), { mode: 0o600 });
  return keys;
}

export async function boot(options: {
  dir: string;
  ports: PortPlan;
  host: string;
  stripeKeys: string[];
}): Promise<System> {
  if (!existsSync(APP_DIR) || !readdirSync(APP_DIR).some((f) => f.endsWith(".js"))) {
    throw new Error(`No built SuiteApp script in ${APP_DIR}: run \`npm run build\` first.`);
  }
  mkdirSync(options.dir, { recursive: true });
  const { ports, host } = options;
  const real = options.stripeKeys.length > 0;
  const keys = real ? options.stripeKeys : EMULATOR_KEYS;
  const accounts = ACCOUNTS.slice(0, keys.length);
  const { sealKey, adminToken } = proxyKeys(options.dir);
  const cert = readFileSync(CERT_FILE);
  const closers: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const c of closers.splice(0).reverse()) await c().catch(() => {});
  };

  try {
    let stripeEmulator: StripeEmulator | undefined;
    if (!real) {
      stripeEmulator = await startStripeEmulator({
        port: ports.stripeApi,
        httpPort: ports.stripePages,
        host,
        db: join(options.dir, "stripe.sqlite"),
        tls: { key: readFileSync(KEY_FILE), cert },
        // The dashboard and the portal session pages are also served over plain HTTP on loopback, so a
        // browser opens them without a certificate warning (the SuiteApp accepts loopback http).
        portalOnHttp: true,
        // Webhook retries in seconds rather than hours, so a failed delivery is seen again soon.
        retryScale: 0.001,
        defaultPortalConfiguration: true,
        // Stripe's own rate limits (25/s per test key, 25/s per operation, 20/s search), so the demo
        // meets the 429s a real sandbox account would send.
        rateLimits: "stripe",
      });
      closers.push(() => (stripeEmulator as StripeEmulator).close());
    }
    const stripeFor = (key: string): Stripe =>
      stripeEmulator
        ? new Stripe(key, {
            host,
            port: stripeEmulator.port,
            protocol: "https",
            httpAgent: new HttpsAgent({ ca: cert }),
          })
        : new Stripe(key);

    const env: Record<string, string> = { [`NSS_SECRET_${PROXY_SECRET.toUpperCase()}`]: adminToken };
    const accountSecrets: Record<string, string> = {};
    accounts.forEach((a, i) => {
      const key = keys[i] as string;
      if (a.secret === "custsecret_nss_stripe_key_default") env[`NSS_SECRET_${a.secret.toUpperCase()}`] = key;
      else accountSecrets[a.secret] = key;
    });
    // An empty secrets file: the values are the ones given here, never a developer's own .secrets.json.
    const secretsFile = join(options.dir, "netsuite-secrets.json");
    writeFileSync(secretsFile, "{}\n");
    const ns = await NetSuiteEmulator.open({
      projectDir: SUITEAPP_DIR,
      db: join(options.dir, "netsuite.sqlite"),
      env,
      secretsFile,
      accountSecrets,
      httpsCa: cert,
    });
    closers.push(() => ns.close());
    const server = await startNetSuiteServer(ns, {
      host,
      port: ports.netsuiteApp,
      formsPort: ports.netsuiteForms,
    });
    closers.push(() => server.close());

    const proxy = (extra: Record<string, string>) => {
      const config = loadConfig({
        PROXY_SEAL_KEYS: sealKey,
        PROXY_ADMIN_TOKEN: adminToken,
        PROXY_HOST: host,
        PROXY_ALLOWED_TARGETS: server.formsUrl,
        LOG_LEVEL: "silent",
        ...extra,
      });
      if (!config.ok) throw new Error(`proxy configuration: ${JSON.stringify(config.errors)}`);
      return startProxy(config.value);
    };
    const receiving = await proxy({ PROXY_PORT: String(ports.proxyWebhooks) });
    closers.push(() => receiving.close());
    const sealing = await proxy({
      PROXY_PORT: String(ports.proxySeal),
      PROXY_TLS_CERT_FILE: CERT_FILE,
      PROXY_TLS_KEY_FILE: KEY_FILE,
      PROXY_PUBLIC_URL: receiving.url,
    });
    closers.push(() => sealing.close());

    const empty = ns.data.listRecords("customer").length === 0;
    const sandboxAccounts = await configure(ns, {
      accounts: accounts.map((a, i) => ({ ...a, stripe: stripeFor(keys[i] as string) })),
      apiBase: stripeEmulator?.url ?? "",
      proxyUrl: sealing.url,
      // Real Stripe cannot reach a proxy on 127.0.0.1: webhooks go through `stripe listen` (README).
      webhook: !real,
    });

    return {
      ns,
      server,
      ...(stripeEmulator ? { stripeEmulator } : {}),
      stripeUrl: stripeEmulator
        ? `${stripeEmulator.pagesUrl}/`
        : "https://dashboard.stripe.com/test/customers",
      sealing,
      receiving,
      accounts: sandboxAccounts,
      proxyToken: adminToken,
      empty,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Subsidiary 2, one Stripe account record per subsidiary, Enable Webhook: saved as a user would, so the
 * SuiteApp's checks and webhook management run. On a kept account, only what changed (ports) is saved.
 */
async function configure(
  ns: NetSuiteEmulator,
  options: {
    accounts: { name: string; subsidiary: string; secret: string; stripe: Stripe }[];
    apiBase: string;
    proxyUrl: string;
    webhook: boolean;
  },
): Promise<SandboxAccount[]> {
  const subsidiaries = ns.data.listRecords("subsidiary");
  if (options.accounts.length > 1 && !subsidiaries.some((s) => s.id === 2)) {
    const eur = ns.data.seedCurrency({ name: "Euro", symbol: "EUR" });
    ns.data.seedSubsidiary({ name: "Europe", country: "DE", currency: String(eur), parent: "1" });
  }
  const existing = ns.data.listRecords("customrecord_nss_stripe_account");
  const out: SandboxAccount[] = [];
  for (const a of options.accounts) {
    const values: Record<string, FieldValue> = {
      name: a.name,
      custrecord_nss_acct_account_id: await accountIdOf(a.name, a.stripe),
      custrecord_nss_acct_secret_id: a.secret,
      custrecord_nss_acct_ident_field: "subsidiary",
      custrecord_nss_acct_ident_value: a.subsidiary,
      custrecord_nss_acct_api_base: options.apiBase,
    };
    const found = existing.find((r) => r.values.name === a.name);
    let id = found?.id ?? null;
    const changed = !found || Object.entries(values).some(([k, v]) => (found.values[k] ?? "") !== v);
    if (changed) {
      const record = found ? ns.data.loadRecord("customrecord_nss_stripe_account", found.id, false) : null;
      id = await ns.saveAsUser({
        type: "customrecord_nss_stripe_account",
        id,
        isDynamic: false,
        values: { ...(record?.values ?? {}), ...values },
      });
    }
    out.push({ recordId: String(id), name: a.name, subsidiary: a.subsidiary, stripe: a.stripe });
  }
  if (options.webhook) await enableWebhook(ns, options.proxyUrl);
  return out;
}

/** The Stripe account behind a key (GET /v1/account): its `acct_` ID, and proof the key works. */
async function accountIdOf(name: string, stripe: Stripe): Promise<string> {
  try {
    return (await stripe.accounts.retrieveCurrent()).id;
  } catch (error) {
    throw new Error(
      `Stripe account "${name}": the key does not open a Stripe account (${(error as Error).message})`,
    );
  }
}

/** Checks Enable Webhook with the proxy's URL; on a kept account whose ports moved, clears it first so each endpoint is sealed anew. */
async function enableWebhook(ns: NetSuiteEmulator, proxyUrl: string): Promise<void> {
  const [row] = ns.data.runSearch(query("customrecord_nss_config", [{ name: "internalid" }]), 0, 1).rows;
  const save = async (enabled: boolean) => {
    const config = ns.data.loadRecord("customrecord_nss_config", Number(row?.id), false);
    await ns.saveAsUser({
      ...config,
      values: {
        ...config.values,
        custrecord_nss_cfg_webhook_enabled: enabled,
        custrecord_nss_cfg_proxy_url: proxyUrl,
      },
    });
  };
  const config = ns.data.loadRecord("customrecord_nss_config", Number(row?.id), false).values;
  if (config.custrecord_nss_cfg_webhook_enabled === true) {
    if (config.custrecord_nss_cfg_proxy_url === proxyUrl) return;
    await save(false);
  }
  await save(true);
}
