/** What a resource handler gets for one validated API request, and what it returns. */
import type { Deliverer } from "./events.js";
import type { Store, StoredAccount, StripeObject } from "./store.js";

export interface EmulatorState {
  store: Store;
  delivery: Deliverer;
  now(): number;
  /** Base URL of billing portal session URLs (the plain HTTP origin with `httpPort` and `portalOnHttp`). */
  baseUrl(): string;
  /** How long search takes to see a write, ms. */
  searchLagMs: number;
  onEvent?: (account: StoredAccount, event: StripeObject) => void;
}

export interface Ctx {
  state: EmulatorState;
  account: StoredAccount;
  /** Validated and coerced by @nss/stripe-spec. */
  params: Record<string, unknown>;
  pathParams: Record<string, string>;
  request: { id: string; idempotencyKey: string | null };
  /** The request path, for list objects' `url`. */
  path: string;
}

export interface HandlerResult {
  status?: number;
  body: unknown;
}

export type Handler = (ctx: Ctx) => HandlerResult;

export function str(params: Record<string, unknown>, key: string): string | undefined {
  const v = params[key];
  return typeof v === "string" ? v : undefined;
}

export function hash(params: Record<string, unknown>, key: string): Record<string, unknown> | undefined {
  const v = params[key];
  return typeof v === "object" && v !== null && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : undefined;
}

export function expandList(params: Record<string, unknown>): string[] {
  const v = params.expand;
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

/** Stripe's `metadata` update: `''` for the whole hash clears it; `''` for a key removes that key. */
export function mergeMetadata(current: Record<string, string>, update: unknown): Record<string, string> {
  if (update === "") return {};
  if (typeof update !== "object" || update === null) return current;
  const out = { ...current };
  for (const [k, v] of Object.entries(update as Record<string, unknown>)) {
    if (v === "" || v === null) delete out[k];
    else out[k] = String(v);
  }
  return out;
}
