/**
 * Boots the system on the SuiteApp's system kit (@nss/suiteapp/system): the Stripe emulator (or real
 * Stripe), the NetSuite emulator serving the built SuiteApp, two Stripe accounts for two subsidiaries,
 * and the webhook proxy twice with the same keys (HTTPS for NetSuite's /seal calls, since N/https calls
 * only https URLs; HTTP for Stripe's deliveries), with Enable Webhook checked through the configuration
 * as an administrator would. Everything is kept in `dir`, so a kept `--db` starts where it stopped.
 */
import { join } from "node:path";
import type { NetSuiteEmulator, NetSuiteServer } from "@nss/netsuite-emulator";
import type { RunningProxy } from "@nss/proxy";
import type { StripeEmulator } from "@nss/stripe-emulator";
import { CONFIG_RECORD } from "@nss/suiteapp/ids";
import { EUROPE, MAIN_AND_EUROPE, startSystem, suiteAppProject } from "@nss/suiteapp/system";
import type Stripe from "stripe";
import type { PortPlan } from "./ports.js";

/** The emulator's keys: fixed, so a kept `--db` finds the same two Stripe accounts again. */
const EMULATOR_KEYS = ["sk_test_nssSandboxMain", "sk_test_nssSandboxEurope"];

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
  /**
   * Saves the configuration's Portal Return URL, where a customer leaving Stripe's portal lands (Stripe
   * refuses a portal session with no way back when its portal settings hold no default redirect link).
   */
  setPortalReturnUrl(url: string): Promise<void>;
  close(): Promise<void>;
}

export async function boot(options: {
  dir: string;
  ports: PortPlan;
  host: string;
  stripeKeys: string[];
}): Promise<System> {
  suiteAppProject();
  const { dir, ports, host } = options;
  const real = options.stripeKeys.length > 0;
  const keys = real ? options.stripeKeys : EMULATOR_KEYS;
  const system = await startSystem({
    dir,
    host,
    stripe: real
      ? { real: true }
      : {
          port: ports.stripeApi,
          httpPort: ports.stripePages,
          db: join(dir, "stripe.sqlite"),
          // The dashboard and the portal session pages are also served over plain HTTP on loopback, so a
          // browser opens them without a certificate warning (the SuiteApp accepts loopback http).
          portalOnHttp: true,
          // Webhook retries in seconds rather than hours, so a failed delivery is seen again soon.
          retryScale: 0.001,
          defaultPortalConfiguration: true,
          // Stripe's own rate limits (25/s per test key, 25/s per operation, 20/s search), so the demo
          // meets the 429s a real sandbox account would send.
          rateLimits: "stripe",
        },
    netsuite: { serve: { port: ports.netsuiteApp, formsPort: ports.netsuiteForms } },
    // Main's key is in the SuiteApp's default API secret, Europe's in one created in the account, as an
    // administrator adds a second key. Each record names the Stripe account its key opens (GET
    // /v1/account), which proves the key works.
    accounts: MAIN_AND_EUROPE.slice(0, keys.length).map((a, i) => ({
      ...a,
      key: keys[i],
      accountId: "lookup",
    })),
    subsidiaries: keys.length > 1 ? [EUROPE] : [],
    // Seal key and token kept in `dir`, so sealed webhook URLs survive a restart.
    proxies: { sealPort: ports.proxySeal, webhookPort: ports.proxyWebhooks, keys: "kept" },
    // Real Stripe cannot reach a proxy on 127.0.0.1: webhooks go through `stripe listen` (README).
    webhook: !real,
  });
  const { stripeEmulator } = system;
  return {
    ns: system.ns,
    server: system.server,
    ...(stripeEmulator ? { stripeEmulator } : {}),
    stripeUrl: stripeEmulator ? `${stripeEmulator.pagesUrl}/` : "https://dashboard.stripe.com/test/customers",
    sealing: system.sealing,
    receiving: system.receiving,
    accounts: system.accounts.map((a) => ({
      recordId: String(a.recordId),
      name: a.name,
      subsidiary: a.subsidiary,
      stripe: a.stripe,
    })),
    proxyToken: system.proxyKeys.adminToken,
    empty: system.empty,
    setPortalReturnUrl: (url) => system.saveConfig({ [CONFIG_RECORD.fields.portalReturnUrl]: url }),
    close: () => system.close(),
  };
}
