/** What the proxy answers and logs when it fails unexpectedly, on every route and front end alike. */
import type { Logger } from "./log.js";

/** The 500 answer: Stripe retries it later. */
export const INTERNAL_ERROR = {
  error: { code: "internal", message: "The proxy failed; Stripe will retry." },
} as const;

/** Logs only the error's class: a message could quote request data. */
export function logUnexpected(logger: Logger, error: unknown): void {
  logger.error({ err: { type: error instanceof Error ? error.name : typeof error } }, "unexpected error");
}
