/**
 * JSON logs, one line per request. The code never passes a secret, a sealed value, a query string or
 * a NetSuite URL to the logger; `redact` is the second line of defence should a later change try.
 */
import { type DestinationStream, type Logger, pino } from "pino";

export type { Logger } from "pino";

/** Field names that could carry a secret or a target; censored wherever they appear (two levels deep). */
const REDACTED_KEYS = [
  "secret",
  "url",
  "ppUrl",
  "pp_url",
  "sealed",
  "target",
  "authorization",
  "adminToken",
  "sealKeys",
  "signature",
  "payload",
  "query",
];

export const REDACT_PATHS = REDACTED_KEYS.flatMap((key) => [key, `*.${key}`]);

export function createLogger(options: { level: string; destination?: DestinationStream }): Logger {
  const settings = {
    level: options.level,
    base: { service: "nss-proxy" },
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
  };
  return options.destination === undefined ? pino(settings) : pino(settings, options.destination);
}
