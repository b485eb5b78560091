/**
 * The whole system for the security suite, on the SuiteApp's system kit (@nss/suiteapp/system): the
 * Stripe emulator over HTTPS, the SuiteApp in the NetSuite emulator served over HTTP, the proxy twice
 * with the same keys and Enable Webhook checked; with what the suite needs besides: two Stripe accounts
 * for two subsidiaries (so an event of one account's customer can be sent to the other's), every proxy
 * log line captured (pino at `trace`), and every forward the receiving proxy makes to NetSuite counted.
 */
import { randomBytes } from "node:crypto";
import type { NetSuiteEmulator, NetSuiteServer } from "@nss/netsuite-emulator";
import { createForwarder, createLogger, type Forward, type RunningProxy } from "@nss/proxy";
import type { StripeEmulator } from "@nss/stripe-emulator";
import { type EmulatorAdmin, EUROPE, MAIN_AND_EUROPE, startSystem } from "@nss/suiteapp/system";
import type Stripe from "stripe";

export interface Account {
  /** The Stripe account record's internal ID in NetSuite. */
  recordId: string;
  key: string;
  stripe: Stripe;
}

export interface SecuritySystem {
  stripeEmulator: StripeEmulator;
  ns: NetSuiteEmulator;
  server: NetSuiteServer;
  sealing: RunningProxy;
  receiving: RunningProxy;
  accounts: [Account, Account];
  adminToken: string;
  /** `k1:<base64>`, as PROXY_SEAL_KEYS holds it. */
  sealKey: string;
  /** Every line the two proxies logged. */
  proxyLogs: string[];
  /** Forwards the receiving proxy sent to NetSuite. */
  forwards(): number;
  /** A Stripe emulator switch (`/_emulator/<path>`). */
  admin: EmulatorAdmin;
  close(): Promise<void>;
}

export async function startSecuritySystem(): Promise<SecuritySystem> {
  const stamp = `${Date.now()}${randomBytes(3).toString("hex")}`;
  const keys = [`sk_test_nssSecMain${stamp}`, `sk_test_nssSecEurope${stamp}`] as const;
  const proxyLogs: string[] = [];
  let forwards = 0;
  const logger = createLogger({
    level: "trace",
    destination: {
      write(line: string) {
        proxyLogs.push(line);
      },
    },
  });
  const forwarder = createForwarder();
  const forward: Forward = (options) => {
    forwards += 1;
    return forwarder.forward(options);
  };
  const system = await startSystem({
    stripe: { retryScale: 0.0002, defaultPortalConfiguration: true },
    // The second account's key is an API secret created in the account, as the sandbox does.
    accounts: MAIN_AND_EUROPE.map((a, i) => ({ ...a, key: keys[i] })),
    subsidiaries: [EUROPE],
    proxies: { logLevel: "trace", logger, forward },
    // Enable Webhook, saved as a user would: an endpoint per account, sealed through the HTTPS proxy.
    webhook: true,
    portalReturnUrl: "https://shop.example/account",
  });
  const account = (i: 0 | 1): Account => ({
    recordId: String(system.accounts[i]?.recordId),
    key: keys[i],
    stripe: system.stripeFor(keys[i]),
  });
  return {
    stripeEmulator: system.stripeEmulator,
    ns: system.ns,
    server: system.server,
    sealing: system.sealing,
    receiving: system.receiving,
    accounts: [account(0), account(1)],
    adminToken: system.proxyKeys.adminToken,
    sealKey: system.proxyKeys.sealKey,
    proxyLogs,
    forwards: () => forwards,
    admin: system.admin,
    close: async () => {
      await system.close();
      forwarder.close();
    },
  };
}
