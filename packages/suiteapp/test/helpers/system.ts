/**
 * The whole system for end-to-end tests: the Stripe emulator over HTTPS, the SuiteApp in the NetSuite
 * emulator served over HTTP, and the webhook proxy twice with the same keys, as any number of
 * instances may run: an HTTPS one NetSuite calls to seal (N/https calls only https URLs), and a plain
 * one Stripe delivers to.
 */
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { request as httpsRequest } from "node:https";
import { fileURLToPath } from "node:url";
import { type NetSuiteEmulator, type NetSuiteServer, startNetSuiteServer } from "@nss/netsuite-emulator";
import { loadConfig, type RunningProxy, startProxy } from "@nss/proxy";
import { type StripeEmulator, startStripeEmulator } from "@nss/stripe-emulator";
import type Stripe from "stripe";
import { ADMIN, CERT, openSuiteApp, query, secretEnv, stripeClient, TLS_KEY } from "./e2e.js";

const FIXTURES = fileURLToPath(new URL("../fixtures/", import.meta.url));

export interface System {
  key: string;
  stripeEmulator: StripeEmulator;
  stripe: Stripe;
  ns: NetSuiteEmulator;
  server: NetSuiteServer;
  /** The proxy NetSuite seals through (HTTPS). */
  sealing: RunningProxy;
  /** The proxy Stripe delivers to (its PROXY_PUBLIC_URL). */
  receiving: RunningProxy;
  /** Checks or clears Enable Webhook on the configuration, saved as a user would. */
  setWebhook(enabled: boolean): Promise<void>;
  /** A Stripe emulator test switch (`/_emulator/<path>`), JSON in and out. */
  admin(path: string, init?: { method?: string; body?: unknown; key?: string }): Promise<unknown>;
  close(): Promise<void>;
}

export async function startSystem(options: { key: string; autoSync?: boolean }): Promise<System> {
  const dirs: string[] = [];
  const emulators: NetSuiteEmulator[] = [];
  const adminToken = randomBytes(24).toString("base64url");
  const sealKey = `k1:${randomBytes(32).toString("base64")}`;
  const stripeEmulator = await startStripeEmulator({
    port: 0,
    tls: { key: TLS_KEY, cert: CERT },
    retryScale: 0.0002,
    defaultPortalConfiguration: true,
  });
  const { ns } = await openSuiteApp({
    stripeUrl: stripeEmulator.url,
    env: { ...secretEnv(options.key), ...secretEnv(adminToken, "custsecret_nss_proxy_token") },
    opened: { dirs, emulators },
    ...(options.autoSync !== undefined ? { autoSync: options.autoSync } : {}),
  });
  const server = await startNetSuiteServer(ns);
  const proxy = (env: Record<string, string>) => {
    const config = loadConfig({
      PROXY_SEAL_KEYS: sealKey,
      PROXY_ADMIN_TOKEN: adminToken,
      PROXY_PORT: "0",
      PROXY_HOST: "127.0.0.1",
      PROXY_ALLOWED_TARGETS: server.formsUrl,
      LOG_LEVEL: "silent",
      ...env,
    });
    if (!config.ok) throw new Error(JSON.stringify(config.errors));
    return startProxy(config.value);
  };
  const receiving = await proxy({});
  const sealing = await proxy({
    PROXY_TLS_CERT_FILE: `${FIXTURES}cert.pem`,
    PROXY_TLS_KEY_FILE: `${FIXTURES}key.pem`,
    PROXY_PUBLIC_URL: receiving.url,
  });

  const admin = emulatorAdmin(stripeEmulator.url);

  const setWebhook = async (enabled: boolean) => {
    const [row] = ns.data.runSearch(query("customrecord_nss_config", [{ name: "internalid" }]), 0, 1).rows;
    const config = ns.data.loadRecord("customrecord_nss_config", Number(row?.id), false);
    await ns.saveAsUser(
      {
        ...config,
        values: {
          ...config.values,
          custrecord_nss_cfg_webhook_enabled: enabled,
          custrecord_nss_cfg_proxy_url: sealing.url,
        },
      },
      { user: ADMIN },
    );
  };

  return {
    key: options.key,
    stripeEmulator,
    stripe: stripeClient(options.key, stripeEmulator.port),
    ns,
    server,
    sealing,
    receiving,
    setWebhook,
    admin,
    close: async () => {
      await sealing.close();
      await receiving.close();
      await server.close();
      for (const e of emulators) await e.close();
      await stripeEmulator.close();
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    },
  };
}

/** The Stripe emulator's test switches (`/_emulator/<path>`) over its HTTPS with the fixture certificate. */
export function emulatorAdmin(baseUrl: string): System["admin"] {
  return (path, init = {}) =>
    new Promise((resolve, reject) => {
      const body = init.body === undefined ? undefined : JSON.stringify(init.body);
      const req = httpsRequest(
        `${baseUrl}/_emulator/${path}`,
        {
          method: init.method ?? "POST",
          ca: CERT,
          headers: {
            ...(body ? { "Content-Type": "application/json" } : {}),
            ...(init.key ? { Authorization: `Bearer ${init.key}` } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8");
            resolve(text ? JSON.parse(text) : null);
          });
        },
      );
      req.on("error", reject);
      req.end(body);
    });
}
