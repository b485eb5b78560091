/**
 * The whole system for the security suite, as `startSystem` in the SuiteApp's tests boots it (Stripe
 * emulator over HTTPS, the SuiteApp in the NetSuite emulator served over HTTP, the proxy twice with the
 * same keys), with what the suite needs besides: two Stripe accounts for two subsidiaries (so an event
 * of one account's customer can be sent to the other's), every proxy log line captured (pino at
 * `trace`), and every forward the receiving proxy makes to NetSuite counted.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  NetSuiteEmulator,
  type NetSuiteServer,
  type SearchDef,
  startNetSuiteServer,
} from "@nss/netsuite-emulator";
import {
  createForwarder,
  createLogger,
  type Forward,
  loadConfig,
  type RunningProxy,
  startProxy,
} from "@nss/proxy";
import { type StripeEmulator, startStripeEmulator } from "@nss/stripe-emulator";
import type Stripe from "stripe";
import { CERT, stripeClient, TLS_KEY } from "../../../suiteapp/test/helpers/e2e.js";
import { emulatorProjectDir } from "../../../suiteapp/test/helpers/project.js";
import { emulatorAdmin } from "../../../suiteapp/test/helpers/system.js";

const FIXTURES = fileURLToPath(new URL("../../../suiteapp/test/fixtures/", import.meta.url));

export const query = (type: string, columns: SearchDef["columns"]): SearchDef => ({
  id: null,
  scriptId: null,
  type,
  title: null,
  filters: [],
  columns,
  isPublic: false,
});

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
  admin(path: string, init?: { method?: string; body?: unknown; key?: string }): Promise<unknown>;
  close(): Promise<void>;
}

export async function startSecuritySystem(): Promise<SecuritySystem> {
  const stamp = `${Date.now()}${randomBytes(3).toString("hex")}`;
  const keys = [`sk_test_nssSecMain${stamp}`, `sk_test_nssSecEurope${stamp}`] as const;
  const secretIds = ["custsecret_nss_stripe_key_default", "custsecret_nss_stripe_key_europe"] as const;
  const adminToken = randomBytes(24).toString("base64url");
  const sealKey = `k1:${randomBytes(32).toString("base64")}`;
  const dir = mkdtempSync(join(tmpdir(), "nss-security-"));
  const proxyLogs: string[] = [];
  let forwards = 0;

  const stripeEmulator = await startStripeEmulator({
    port: 0,
    tls: { key: TLS_KEY, cert: CERT },
    retryScale: 0.0002,
    defaultPortalConfiguration: true,
  });
  const env: Record<string, string> = {
    [`NSS_SECRET_${secretIds[0].toUpperCase()}`]: keys[0],
    NSS_SECRET_CUSTSECRET_NSS_PROXY_TOKEN: adminToken,
  };
  // The second account's key is an API secret created in the account, as the sandbox does.
  const secretsFile = join(dir, "netsuite-secrets.json");
  writeFileSync(secretsFile, "{}\n");
  const ns = await NetSuiteEmulator.open({
    projectDir: emulatorProjectDir(),
    db: join(dir, "account.sqlite"),
    env,
    secretsFile,
    accountSecrets: { [secretIds[1]]: keys[1] },
    httpsCa: CERT,
  });
  if (!ns.data.listRecords("subsidiary").some((s) => s.id === 2)) {
    const eur = ns.data.seedCurrency({ name: "Euro", symbol: "EUR" });
    ns.data.seedSubsidiary({ name: "Europe", country: "DE", currency: String(eur), parent: "1" });
  }
  const recordIds: string[] = [];
  for (const [i, name] of ["Main", "Europe"].entries()) {
    recordIds.push(
      String(
        await ns.saveAsUser({
          type: "customrecord_nss_stripe_account",
          id: null,
          isDynamic: false,
          values: {
            name,
            custrecord_nss_acct_account_id: `acct_1NssSec${i}`,
            custrecord_nss_acct_secret_id: secretIds[i] ?? "",
            custrecord_nss_acct_ident_field: "subsidiary",
            custrecord_nss_acct_ident_value: String(i + 1),
            custrecord_nss_acct_api_base: stripeEmulator.url,
          },
        }),
      ),
    );
  }
  const server = await startNetSuiteServer(ns);
  const logger = createLogger({
    level: "trace",
    destination: {
      write(line: string) {
        proxyLogs.push(line);
      },
    },
  });
  const forwarder = createForwarder();
  const countingForward: Forward = (options) => {
    forwards += 1;
    return forwarder.forward(options);
  };
  const proxy = (extra: Record<string, string>) => {
    const config = loadConfig({
      PROXY_SEAL_KEYS: sealKey,
      PROXY_ADMIN_TOKEN: adminToken,
      PROXY_PORT: "0",
      PROXY_HOST: "127.0.0.1",
      PROXY_ALLOWED_TARGETS: server.formsUrl,
      LOG_LEVEL: "trace",
      ...extra,
    });
    if (!config.ok) throw new Error(JSON.stringify(config.errors));
    return startProxy(config.value, { logger, forward: countingForward });
  };
  const receiving = await proxy({});
  const sealing = await proxy({
    PROXY_TLS_CERT_FILE: `${FIXTURES}cert.pem`,
    PROXY_TLS_KEY_FILE: `${FIXTURES}key.pem`,
    PROXY_PUBLIC_URL: receiving.url,
  });

  // Enable Webhook, saved as a user would: an endpoint per account, sealed through the HTTPS proxy.
  const [row] = ns.data.runSearch(query("customrecord_nss_config", [{ name: "internalid" }]), 0, 1).rows;
  const config = ns.data.loadRecord("customrecord_nss_config", Number(row?.id), false);
  await ns.saveAsUser({
    ...config,
    values: {
      ...config.values,
      custrecord_nss_cfg_webhook_enabled: true,
      custrecord_nss_cfg_proxy_url: sealing.url,
    },
  });

  const admin: SecuritySystem["admin"] = emulatorAdmin(stripeEmulator.url);

  const account = (i: 0 | 1): Account => ({
    recordId: recordIds[i] ?? "",
    key: keys[i],
    stripe: stripeClient(keys[i], stripeEmulator.port),
  });

  return {
    stripeEmulator,
    ns,
    server,
    sealing,
    receiving,
    accounts: [account(0), account(1)],
    adminToken,
    sealKey,
    proxyLogs,
    forwards: () => forwards,
    admin,
    close: async () => {
      await sealing.close();
      await receiving.close();
      forwarder.close();
      await server.close();
      await ns.close();
      await stripeEmulator.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
