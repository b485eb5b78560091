/**
 * Configuration from the environment, checked once at start: every bad variable is reported at once,
 * by name, and never with its value when the value is a secret.
 */
import { readFileSync } from "node:fs";
import { fail, MAX_FORWARD_PAYLOAD_CHARS, ok, type Result, type SyncIssue } from "@nss/core";
import { parseSealKeys, type SealKey } from "./seal.js";
import { DEFAULT_ALLOWED_TARGETS, parseTargetRules, type TargetRule } from "./targets.js";

export interface ProxyConfig {
  port: number;
  host: string;
  /** The first key seals; every key opens (rotation). */
  sealKeys: SealKey[];
  adminToken: string;
  /** Where Stripe reaches this proxy, without a trailing slash; when absent /seal uses the request's origin. */
  publicUrl: string | undefined;
  allowedTargets: TargetRule[];
  maxBodyBytes: number;
  forwardTimeoutMs: number;
  signatureToleranceS: number;
  logLevel: string;
  /** Serve HTTPS with this certificate (PEM) instead of HTTP: for NetSuite, whose N/https calls only https URLs, without a TLS terminator in front. */
  tls?: { cert: string; key: string } | undefined;
}

export const CONFIG_DEFAULTS = {
  port: 8787,
  host: "0.0.0.0",
  maxBodyBytes: 256 * 1024,
  forwardTimeoutMs: 10_000,
  signatureToleranceS: 300,
  logLevel: "info",
} as const;

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

/** Shortest admin token: guessing it must be hopeless. */
export const MIN_ADMIN_TOKEN_LENGTH = 24;
/** What a bearer token can carry (RFC 6750's b64token); `bearerAuth` refuses any other character. */
const BEARER_TOKEN = /^[A-Za-z0-9._~+/-]+=*$/;

type Env = Record<string, string | undefined>;

/** Reads the proxy's configuration from `env` (usually `process.env`). */
export function loadConfig(env: Env): Result<ProxyConfig> {
  const errors: SyncIssue[] = [];
  const problem = (field: string, message: string, fix: string) =>
    errors.push({ code: "PROXY_CONFIG_INVALID", field, message, fix });
  const value = (name: string): string | undefined => {
    const raw = env[name]?.trim();
    return raw === undefined || raw === "" ? undefined : raw;
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    const parsed = /^[0-9]+$/.test(raw) ? Number(raw) : Number.NaN;
    if (!(parsed >= min && parsed <= max)) {
      problem(
        name,
        `${name} must be a whole number from ${min} to ${max} (got ${JSON.stringify(raw.slice(0, 20))}).`,
        `Set ${name} to a number in range, or unset it for the default ${fallback}.`,
      );
      return fallback;
    }
    return parsed;
  };

  const port = integer("PROXY_PORT", CONFIG_DEFAULTS.port, 0, 65_535);
  const host = value("PROXY_HOST") ?? CONFIG_DEFAULTS.host;
  if (!/^(?:[A-Za-z0-9.-]{1,253}|[0-9A-Fa-f:.]{2,45})$/.test(host)) {
    problem(
      "PROXY_HOST",
      `PROXY_HOST must be a host name or IP address to bind (got ${JSON.stringify(host.slice(0, 40))}).`,
      "Set PROXY_HOST to 0.0.0.0 (all interfaces), 127.0.0.1, :: or a local address.",
    );
  }
  const maxBodyBytes = integer(
    "PROXY_MAX_BODY_BYTES",
    CONFIG_DEFAULTS.maxBodyBytes,
    1024,
    MAX_FORWARD_PAYLOAD_CHARS,
  );
  const forwardTimeoutMs = integer("PROXY_FORWARD_TIMEOUT_MS", CONFIG_DEFAULTS.forwardTimeoutMs, 100, 60_000);
  const signatureToleranceS = integer(
    "PROXY_SIGNATURE_TOLERANCE_S",
    CONFIG_DEFAULTS.signatureToleranceS,
    1,
    3600,
  );

  let sealKeys: SealKey[] = [];
  const rawKeys = value("PROXY_SEAL_KEYS");
  if (rawKeys === undefined) {
    problem(
      "PROXY_SEAL_KEYS",
      "PROXY_SEAL_KEYS is required.",
      "Create a key with `nss-proxy keygen` and set PROXY_SEAL_KEYS=<kid>:<base64>.",
    );
  } else {
    const keys = parseSealKeys(rawKeys);
    if (keys.ok) sealKeys = keys.value;
    else
      problem(
        "PROXY_SEAL_KEYS",
        `PROXY_SEAL_KEYS is invalid: ${keys.message}`,
        "List keys as kid:<base64 of 32 bytes>, comma-separated, the sealing key first; `nss-proxy keygen` makes one.",
      );
  }

  const adminToken = value("PROXY_ADMIN_TOKEN") ?? "";
  if (adminToken.length < MIN_ADMIN_TOKEN_LENGTH) {
    problem(
      "PROXY_ADMIN_TOKEN",
      adminToken === ""
        ? "PROXY_ADMIN_TOKEN is required."
        : `PROXY_ADMIN_TOKEN is too short (${adminToken.length} characters, at least ${MIN_ADMIN_TOKEN_LENGTH}).`,
      "Set it to a long random string, e.g. `openssl rand -base64 32`.",
    );
  } else if (!BEARER_TOKEN.test(adminToken)) {
    problem(
      "PROXY_ADMIN_TOKEN",
      "PROXY_ADMIN_TOKEN has characters a bearer token cannot carry (only A-Z a-z 0-9 . _ ~ + / - and trailing =).",
      "Set it to a long random string, e.g. `openssl rand -base64 32`.",
    );
  }

  let publicUrl: string | undefined;
  const rawPublicUrl = value("PROXY_PUBLIC_URL");
  if (rawPublicUrl !== undefined) {
    const parsed = URL.canParse(rawPublicUrl) ? new URL(rawPublicUrl) : undefined;
    if (
      parsed === undefined ||
      !/^https?:$/.test(parsed.protocol) ||
      parsed.search !== "" ||
      parsed.hash !== "" ||
      parsed.username !== "" ||
      parsed.password !== ""
    ) {
      problem(
        "PROXY_PUBLIC_URL",
        "PROXY_PUBLIC_URL must be an http(s) URL without query, fragment or credentials.",
        "Set it to the address Stripe reaches this proxy at, e.g. https://proxy.example.com.",
      );
    } else {
      publicUrl = `${parsed.origin}${parsed.pathname}`.replace(/\/+$/, "");
    }
  }

  let allowedTargets: TargetRule[] = [];
  const rules = parseTargetRules(value("PROXY_ALLOWED_TARGETS") ?? DEFAULT_ALLOWED_TARGETS);
  if (rules.ok) allowedTargets = rules.value;
  else
    problem(
      "PROXY_ALLOWED_TARGETS",
      `PROXY_ALLOWED_TARGETS is invalid: ${rules.message}`,
      "List origins (http://127.0.0.1:8081) or host patterns (https://*.extforms.netsuite.com), comma-separated.",
    );

  const logLevel = value("LOG_LEVEL") ?? CONFIG_DEFAULTS.logLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    problem(
      "LOG_LEVEL",
      `LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")} (got ${JSON.stringify(logLevel.slice(0, 20))}).`,
      "Set LOG_LEVEL to a pino level, or unset it for info.",
    );
  }

  let tls: ProxyConfig["tls"];
  const certFile = value("PROXY_TLS_CERT_FILE");
  const keyFile = value("PROXY_TLS_KEY_FILE");
  if ((certFile === undefined) !== (keyFile === undefined)) {
    problem(
      certFile === undefined ? "PROXY_TLS_CERT_FILE" : "PROXY_TLS_KEY_FILE",
      "PROXY_TLS_CERT_FILE and PROXY_TLS_KEY_FILE go together: set both to serve HTTPS, or neither.",
      "Set both to PEM files, or unset both and put a TLS terminator in front of the proxy.",
    );
  } else if (certFile !== undefined && keyFile !== undefined) {
    const read = (name: string, file: string): string => {
      try {
        return readFileSync(file, "utf8");
      } catch (e) {
        problem(
          name,
          `${name} ${file} cannot be read: ${(e as Error).message}`,
          `Point ${name} at a PEM file.`,
        );
        return "";
      }
    };
    tls = { cert: read("PROXY_TLS_CERT_FILE", certFile), key: read("PROXY_TLS_KEY_FILE", keyFile) };
  }

  if (errors.length > 0) return fail(...errors);
  return ok({
    tls,
    port,
    host,
    sealKeys,
    adminToken,
    publicUrl,
    allowedTargets,
    maxBodyBytes,
    forwardTimeoutMs,
    signatureToleranceS,
    logLevel,
  });
}
