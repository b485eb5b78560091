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

const CENSOR = "[redacted]";

export function createLogger(options: { level: string; destination?: DestinationStream }): Logger {
  const settings = {
    level: options.level,
    base: { service: "nss-proxy" },
    redact: { paths: REDACT_PATHS, censor: CENSOR },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
  };
  return options.destination === undefined ? pino(settings) : pino(settings, options.destination);
}

/** The per-request line: flat, only codes, Stripe IDs, numbers (`RequestLogger` takes nothing else). */
export type RequestLine = Record<string, string | number | undefined>;

export interface RequestLogger {
  write(level: "info" | "debug", line: RequestLine): void;
}

/** What a request adds to its line: fixed codes and Stripe IDs, never request secrets. */
export interface LogFields {
  eventId?: string;
  type?: string;
  outcome?: string;
  reason?: string;
  netsuiteStatus?: number | undefined;
}

/**
 * Writes a request's one line, after the answer. `path` is the path without its query (pp_url);
 * probes (`/healthz`, `/metrics`) log at debug. `started` is `performance.now()` at arrival.
 */
export function logRequest(
  log: RequestLogger,
  request: { method: string; path: string; status: number; started: number },
  fields: LogFields,
): void {
  const { method, path, status, started } = request;
  log.write(path === "/healthz" || path === "/metrics" ? "debug" : "info", {
    method,
    path: path.slice(0, 100),
    status,
    ms: Math.round((performance.now() - started) * 10) / 10,
    ...fields,
  });
}

/**
 * The logger for the per-request line. That line is flat, so censoring the redacted names at the
 * top level covers all of it; the `*.name` paths (for nested objects) cost four times as much as the
 * rest of the line, on every request.
 */
export function createRequestLogger(logger: Logger): RequestLogger {
  const flat = logger.child({}, { redact: { paths: REDACTED_KEYS, censor: CENSOR } });
  return { write: (level, line) => flat[level](line, "request") };
}
