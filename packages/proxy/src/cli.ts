#!/usr/bin/env node
/** `nss-proxy`: runs the webhook proxy from environment variables; `nss-proxy keygen` makes a seal key. */
import { describeIssues } from "@nss/core";
import { loadConfig } from "./config.js";
import { createLogger } from "./log.js";
import { generateSealKey } from "./seal.js";
import { startProxy } from "./server.js";
import { describeTargetRules } from "./targets.js";

const USAGE = `Usage:
  nss-proxy            start the webhook proxy (configured by environment variables)
  nss-proxy keygen [kid]
                       print a new seal key as <kid>:<base64>, for PROXY_SEAL_KEYS
  nss-proxy --help     show this text

Environment:
  PROXY_SEAL_KEYS             required: kid:<base64 32 bytes>[,kid:…]; the first seals, all open
  PROXY_ADMIN_TOKEN           required: bearer token for POST /seal (24 characters or more)
  PROXY_PORT                  default 8787
  PROXY_HOST                  default 0.0.0.0
  PROXY_PUBLIC_URL            the proxy's public base URL, used in /seal's webhook_url
  PROXY_ALLOWED_TARGETS       default https://*.extforms.netsuite.com
  PROXY_MAX_BODY_BYTES        default 262144
  PROXY_FORWARD_TIMEOUT_MS    default 10000
  PROXY_SIGNATURE_TOLERANCE_S default 300
  LOG_LEVEL                   default info`;

const [command, ...rest] = process.argv.slice(2);

if (command === "--help" || command === "-h" || command === "help") {
  console.log(USAGE);
  process.exit(0);
}

if (command === "keygen") {
  const kid = rest[0] ?? `k${new Date().toISOString().slice(0, 10).replaceAll("-", "")}`;
  try {
    console.log(generateSealKey(kid));
    process.exit(0);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  }
}

if (command !== undefined) {
  console.error(`Unknown command ${JSON.stringify(command)}.\n\n${USAGE}`);
  process.exit(2);
}

const loaded = loadConfig(process.env);
if (!loaded.ok) {
  console.error(`nss-proxy cannot start:\n${describeIssues(loaded.errors)}`);
  process.exit(2);
}
const config = loaded.value;
const logger = createLogger({ level: config.logLevel });

try {
  const proxy = await startProxy(config, { logger });
  logger.info(
    {
      listen: `${config.host}:${proxy.port}`,
      allowedTargets: describeTargetRules(config.allowedTargets),
      sealKeyIds: config.sealKeys.map((k) => k.kid),
    },
    "nss-proxy listening",
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping: finishing requests in flight");
    void proxy.close().then(() => {
      logger.info("stopped");
      process.exit(0);
    });
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  logger.fatal(
    { code },
    code === "EADDRINUSE" ? `port ${config.port} is in use: set PROXY_PORT` : "the proxy could not start",
  );
  process.exit(1);
}
