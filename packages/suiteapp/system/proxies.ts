/**
 * The webhook proxy twice with the same keys, as any number of instances may run: an HTTPS one NetSuite
 * seals through (N/https calls only https URLs), and a plain HTTP one Stripe delivers to (its
 * PROXY_PUBLIC_URL, so sealed URLs name it).
 */
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type Forward, type Logger, loadConfig, type RunningProxy, startProxy } from "@nss/proxy";
import { CERT_FILE, KEY_FILE } from "./tls.js";

/** The proxies' seal key (`k1:<base64>`, as PROXY_SEAL_KEYS holds it) and admin token (for `/seal`). */
export interface ProxyKeys {
  sealKey: string;
  adminToken: string;
}

export interface ProxyOptions {
  /** The sealing (HTTPS) proxy's port (default any free one). */
  sealPort?: number;
  /** The receiving (HTTP) proxy's port (default any free one). */
  webhookPort?: number;
  /**
   * The keys: given; `"kept"`, random once and kept in the system's folder (`sandbox-proxy.json`) so
   * sealed webhook URLs survive a restart; or random (default).
   */
  keys?: ProxyKeys | "kept";
  /** LOG_LEVEL (default `silent`). */
  logLevel?: string;
  /** The proxies' logger and forwarder, to watch what they do (default their own). */
  logger?: Logger;
  forward?: Forward;
}

export interface Proxies {
  sealing: RunningProxy;
  receiving: RunningProxy;
  keys: ProxyKeys;
}

const randomKeys = (): ProxyKeys => ({
  sealKey: `k1:${randomBytes(32).toString("base64")}`,
  adminToken: randomBytes(24).toString("base64url"),
});

/** The keys `option` asks for (`dir` holds kept ones). */
export function proxyKeys(option: ProxyOptions["keys"], dir: string): ProxyKeys {
  if (option === undefined) return randomKeys();
  if (option !== "kept") return option;
  const file = join(dir, "sandbox-proxy.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as ProxyKeys;
  const keys = randomKeys();
  writeFileSync(file, JSON.stringify(keys), { mode: 0o600 });
  return keys;
}

/** Starts both proxies, forwarding only to `allowedTargets` (NetSuite's forms domain). */
export async function startProxies(
  options: ProxyOptions & { keys: ProxyKeys; host: string; allowedTargets: string },
): Promise<Proxies> {
  const start = (extra: Record<string, string>) => {
    const config = loadConfig({
      PROXY_SEAL_KEYS: options.keys.sealKey,
      PROXY_ADMIN_TOKEN: options.keys.adminToken,
      PROXY_HOST: options.host,
      PROXY_ALLOWED_TARGETS: options.allowedTargets,
      LOG_LEVEL: options.logLevel ?? "silent",
      ...extra,
    });
    if (!config.ok) throw new Error(`proxy configuration: ${JSON.stringify(config.errors)}`);
    return startProxy(config.value, {
      ...(options.logger ? { logger: options.logger } : {}),
      ...(options.forward ? { forward: options.forward } : {}),
    });
  };
  const receiving = await start({ PROXY_PORT: String(options.webhookPort ?? 0) });
  try {
    const sealing = await start({
      PROXY_PORT: String(options.sealPort ?? 0),
      PROXY_TLS_CERT_FILE: CERT_FILE,
      PROXY_TLS_KEY_FILE: KEY_FILE,
      PROXY_PUBLIC_URL: receiving.url,
    });
    return { sealing, receiving, keys: options.keys };
  } catch (error) {
    await receiving.close();
    throw error;
  }
}
