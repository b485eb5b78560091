/**
 * Reading input that may be hostile (a Stripe event, the proxy's request to the webhook Suitelet):
 * helpers shared by envelope.ts, forward.ts and payment-method.ts. Internal: index.ts does not export it.
 */
import type { SyncIssue } from "./result.js";

/** An object or array (not null); callers check arrays where it matters. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** Own-property test (Object.hasOwn is ES2022; SuiteScript bundles target ES2020). */
export function hasOwn(value: object, key: string): boolean {
  return Object.getOwnPropertyDescriptor(value, key) !== undefined;
}

/** Text from hostile input is shortened before it reaches a message. */
export function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** A request to the webhook Suitelet that the proxy would not have sent. */
export function notFromProxy(code: string, message: string): SyncIssue {
  return {
    code,
    message,
    fix: "Only the webhook proxy may call this Suitelet: check the proxy's version and that the Suitelet URL has not leaked.",
  };
}
