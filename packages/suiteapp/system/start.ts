/**
 * The whole system in one call: Stripe (an emulator, a shared one, or real Stripe), the SuiteApp in a
 * NetSuite emulator account with its Stripe account records and configuration, optionally served over
 * HTTP and behind the webhook proxies. What `npm start`, the end-to-end tests, the security and
 * reliability suites and the benchmarks each assemble.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { NetSuiteEmulator, NetSuiteServer } from "@nss/netsuite-emulator";
import { startNetSuiteServer } from "@nss/netsuite-emulator";
import type { RunningProxy } from "@nss/proxy";
import type { StripeEmulator, StripeEmulatorOptions } from "@nss/stripe-emulator";
import { API_SECRETS, CONFIG_RECORD } from "@nss/suiteapp/ids";
import type Stripe from "stripe";
import {
  defaultSecretId,
  lookUpAccountId,
  type SubsidiaryDef,
  seedSubsidiary,
  writeStripeAccount,
} from "./accounts.js";
import { Cleanup } from "./cleanup.js";
import { ensureWebhook, saveConfig, setAutoSync, setWebhook } from "./config.js";
import { type NetSuiteOptions, openNetSuite } from "./netsuite.js";
import { type ProxyKeys, type ProxyOptions, proxyKeys, startProxies } from "./proxies.js";
import { type EmulatorAdmin, emulatorAdmin, startStripe, stripeClient } from "./stripe.js";

/**
 * Stripe: an emulator started for this system (its options: HTTPS with the local certificate and any
 * free port unless given), one already running and shared (`{ emulator }`: not closed here), or real
 * Stripe (`{ real: true }`: the keys are real test keys).
 */
export type StripeChoice = StripeEmulatorOptions | { emulator: StripeEmulator } | { real: true };

/** One Stripe account: its record in NetSuite and its key. */
export interface AccountDef {
  name: string;
  /** The subsidiary it serves (internal ID; '' in an account without OneWorld). */
  subsidiary: string;
  /** Its Stripe secret key (default: the system's `key`). */
  key?: string;
  /** The API secret holding the key (default: see `defaultSecretId`). */
  secretId?: string;
  /** Its `acct_…` ID, or `"lookup"` to ask Stripe (which also proves the key works). Default `acct_1NssTest<i>`. */
  accountId?: string;
}

export interface SystemOptions {
  /** Working folder: databases, the secrets file, kept proxy keys. Given, it is kept; default a temp one removed by close(). */
  dir?: string;
  /** The interface every server listens on (default 127.0.0.1). */
  host?: string;
  stripe?: StripeChoice;
  netsuite?: NetSuiteOptions;
  /** The key of every account that names none. */
  key?: string;
  /** The Stripe account records (default one, "Main", serving subsidiary 1). */
  accounts?: readonly AccountDef[];
  /** Subsidiaries added when missing (by name), before the accounts are written. */
  subsidiaries?: readonly SubsidiaryDef[];
  /** Auto Sync on Create (default: as the installation leaves it, on). */
  autoSync?: boolean;
  /**
   * Where a customer returns from Stripe's portal (the configuration's Portal Return URL). Without it,
   * Stripe refuses a portal session unless its portal settings hold a default redirect link.
   */
  portalReturnUrl?: string;
  /** The webhook proxies (sealing HTTPS, receiving HTTP); they imply serving NetSuite over HTTP. */
  proxies?: true | ProxyOptions;
  /** Check Enable Webhook with the sealing proxy (needs `proxies`); a kept account already so is left alone. */
  webhook?: boolean;
  /** More API secrets of the account: `{ custsecret_x: "value" }`. */
  secrets?: Readonly<Record<string, string>>;
}

export interface SystemAccount {
  /** The Stripe account record's internal ID. */
  recordId: number;
  name: string;
  subsidiary: string;
  key: string;
  secretId: string;
  /** An SDK client for the account. */
  stripe: Stripe;
}

export interface System {
  /** The working folder. */
  dir: string;
  ns: NetSuiteEmulator;
  /** The SDF project the account runs, and its SQLite file (to open it again, or from the emulator's CLI). */
  projectDir: string;
  netsuiteDb: string;
  /** The Stripe emulator (none with real Stripe). */
  stripeEmulator?: StripeEmulator;
  /** The Stripe API base the account records name ('' for api.stripe.com). */
  apiBase: string;
  accounts: SystemAccount[];
  /** The first account's key and client. */
  key: string;
  stripe: Stripe;
  /** An SDK client of this system's Stripe for any key. */
  stripeFor(key: string): Stripe;
  /** True when the NetSuite account held no customer when it was opened. */
  empty: boolean;
  /** The Stripe emulator's test switches (`/_emulator/<path>`). */
  admin: EmulatorAdmin;
  /** Saves the configuration with these values over the stored ones, as its administrator. */
  saveConfig(values: Parameters<typeof saveConfig>[1]): Promise<void>;
  setAutoSync(on: boolean): Promise<void>;
  /** Closes everything this system started, newest first, and removes its temp folder. */
  close(): Promise<void>;
}

/** A system whose NetSuite account is served over HTTP. */
export interface Served {
  server: NetSuiteServer;
}

/** A system behind the webhook proxies. */
export interface Proxied extends Served {
  /** The proxy NetSuite seals through (HTTPS). */
  sealing: RunningProxy;
  /** The proxy Stripe delivers to. */
  receiving: RunningProxy;
  proxyKeys: ProxyKeys;
  /** Checks or clears Enable Webhook (with the sealing proxy), as the administrator would. */
  setWebhook(enabled: boolean): Promise<void>;
}

/** What `startSystem(options)` returns for these options. */
export type SystemOf<O extends SystemOptions> = System &
  (O extends { stripe: infer S }
    ? [Extract<S, { real: true }>] extends [never]
      ? Emulated
      : unknown
    : Emulated) &
  (O extends { proxies: true | ProxyOptions }
    ? Proxied
    : O extends { netsuite: { serve: true | object } }
      ? Served
      : unknown);

/** A system on the Stripe emulator (not real Stripe). */
export interface Emulated {
  stripeEmulator: StripeEmulator;
}

export function startSystem<O extends SystemOptions>(options: O): Promise<SystemOf<O>>;
export async function startSystem(options: SystemOptions): Promise<System & Partial<Proxied>> {
  const cleanup = new Cleanup();
  try {
    return await assemble(options, cleanup);
  } catch (error) {
    await cleanup.run();
    throw error;
  }
}

async function assemble(options: SystemOptions, cleanup: Cleanup): Promise<System & Partial<Proxied>> {
  const host = options.host ?? "127.0.0.1";
  const dir = options.dir ?? cleanup.dir("nss-system-");
  mkdirSync(dir, { recursive: true });
  const choice = options.stripe ?? {};

  let stripeEmulator: StripeEmulator | undefined;
  if ("emulator" in choice) stripeEmulator = choice.emulator;
  else if (!("real" in choice)) stripeEmulator = cleanup.own(await startStripe({ host, ...choice }));
  const stripeFor = (key: string) => stripeClient(key, stripeEmulator);
  const apiBase = stripeEmulator?.url ?? "";

  const defs = (options.accounts ?? [{ name: "Main", subsidiary: "1" }]).map((a, i) => {
    const key = a.key ?? options.key;
    if (key === undefined)
      throw new Error(`Stripe account "${a.name}": no key (give it one, or the system's key)`);
    return { ...a, key, secretId: a.secretId ?? defaultSecretId(i, a.name), index: i };
  });
  const secrets: Record<string, string> = { ...options.secrets };
  for (const a of defs) {
    if (secrets[a.secretId] !== undefined && secrets[a.secretId] !== a.key)
      throw new Error(`API secret ${a.secretId} is given two keys: name another secret for "${a.name}"`);
    secrets[a.secretId] = a.key;
  }
  const proxyOptions = options.proxies === true ? {} : options.proxies;
  const keys = proxyOptions ? proxyKeys(proxyOptions.keys, dir) : undefined;
  if (keys) secrets[API_SECRETS.proxyToken] = keys.adminToken;

  const { serve, ...netsuite } = options.netsuite ?? {};
  const netsuiteDb = netsuite.db ?? join(dir, "netsuite.sqlite");
  const ns = cleanup.own(await openNetSuite({ ...netsuite, dir, db: netsuiteDb, secrets }));
  const empty = ns.data.listRecords("customer").length === 0;
  const ports = serve === true || serve === undefined ? {} : serve;
  const server =
    serve || proxyOptions ? cleanup.own(await startNetSuiteServer(ns, { host, ...ports })) : undefined;
  const proxies =
    proxyOptions && keys && server
      ? await startProxies({ ...proxyOptions, keys, host, allowedTargets: server.formsUrl })
      : undefined;
  if (proxies) {
    cleanup.own(proxies.receiving);
    cleanup.own(proxies.sealing);
  }

  for (const s of options.subsidiaries ?? []) seedSubsidiary(ns, s);
  const accounts: SystemAccount[] = [];
  for (const a of defs) {
    const stripe = stripeFor(a.key);
    const accountId =
      a.accountId === "lookup"
        ? await lookUpAccountId(a.name, stripe)
        : (a.accountId ?? `acct_1NssTest${a.index}`);
    const recordId = await writeStripeAccount(ns, {
      name: a.name,
      subsidiary: a.subsidiary,
      secretId: a.secretId,
      accountId,
      apiBase,
    });
    accounts.push({
      recordId,
      name: a.name,
      subsidiary: a.subsidiary,
      key: a.key,
      secretId: a.secretId,
      stripe,
    });
  }
  if (options.autoSync !== undefined) await setAutoSync(ns, options.autoSync);
  if (options.portalReturnUrl !== undefined)
    await saveConfig(ns, { [CONFIG_RECORD.fields.portalReturnUrl]: options.portalReturnUrl });
  if (options.webhook) {
    if (!proxies) throw new Error("webhook: true needs the proxies (proxies: true)");
    await ensureWebhook(ns, proxies.sealing.url);
  }

  const first = accounts[0];
  if (!first) throw new Error("a system needs at least one Stripe account");
  return {
    dir,
    ns,
    projectDir: ns.project.dir,
    netsuiteDb,
    ...(stripeEmulator ? { stripeEmulator } : {}),
    apiBase,
    accounts,
    key: first.key,
    stripe: first.stripe,
    stripeFor,
    empty,
    admin: (path, init) => {
      if (!stripeEmulator) return Promise.reject(new Error("real Stripe has no emulator switches"));
      return emulatorAdmin(stripeEmulator.url)(path, init);
    },
    saveConfig: (values) => saveConfig(ns, values),
    setAutoSync: (on) => setAutoSync(ns, on),
    ...(server ? { server } : {}),
    ...(proxies
      ? {
          sealing: proxies.sealing,
          receiving: proxies.receiving,
          proxyKeys: proxies.keys,
          setWebhook: (enabled: boolean) => setWebhook(ns, enabled, proxies.sealing.url),
        }
      : {}),
    close: () => cleanup.run(),
  };
}
