/**
 * `/_emulator/…`: switches for tests and the sandbox, never part of Stripe's API. JSON in and out.
 *
 * - `GET  /_emulator/health`
 * - `POST /_emulator/faults` `{ kind: "500"|"429"|"delay", count?, phase?, delayMs?, method?, pathPrefix?, probability? }`
 *   (`phase: "after"` for 500 and delay, not 429);
 *   `GET` lists pending faults; `DELETE` clears them
 * - `POST /_emulator/rate_limit` `{ perSecond }`: the global limit of every account (0 turns it off)
 * - `POST /_emulator/rate_limits` `"stripe"`, `"off"` or `{ global?: { live?, test? }, endpoint?, search? }`:
 *   every rule anew (see rate-limit-rules.ts); `GET` shows the rules in force
 * - `POST /_emulator/search_lag` `{ ms }`
 * - `POST /_emulator/webhooks` `{ duplicates?, shuffle?, retryScale? }`; `POST /_emulator/webhooks/flush` waits for
 *   every pending delivery; `GET /_emulator/deliveries[?limit=N]` (with the account's key) lists delivery attempts, newest
 *   first (the last 500 unless `limit` says otherwise)
 * - `POST /_emulator/billing_portal/default_configuration` (with the account's key) makes the default portal
 *   configuration, as saving portal settings in Stripe's Dashboard does
 */
import { authenticate } from "./auth.js";
import type { EmulatorState } from "./context.js";
import { StripeApiError } from "./errors.js";
import type { FaultRule, Faults } from "./faults.js";
import type { RateLimiter } from "./rate-limit.js";
import { parseRateLimits } from "./rate-limit-rules.js";
import { ensureDefaultConfiguration } from "./resources/billing-portal.js";
import type { WebhookDelivery } from "./webhooks/index.js";

export interface AdminDeps {
  state: EmulatorState;
  faults: Faults;
  rateLimiter: RateLimiter;
  delivery: WebhookDelivery;
}

export interface AdminResponse {
  status: number;
  body: unknown;
}

function parseJson(body: string): Record<string, unknown> {
  if (body.trim() === "") return {};
  const value: unknown = JSON.parse(body);
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new Error("expected a JSON object");
  return value as Record<string, unknown>;
}

function nonNegative(value: unknown, name: string): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0)
    throw new Error(`${name} must be a number ≥ 0`);
  return value;
}

export async function handleAdmin(
  deps: AdminDeps,
  method: string,
  path: string,
  body: string,
  authorization: string | undefined,
  query: URLSearchParams = new URLSearchParams(),
): Promise<AdminResponse> {
  const { state } = deps;
  const route = `${method} ${path}`;
  try {
    // The rate limits' body may be a bare JSON string ("stripe", "off"), as the option may.
    const rateLimits = route === "POST /_emulator/rate_limits";
    const input = method === "POST" && !rateLimits ? parseJson(body) : {};
    switch (route) {
      case "GET /_emulator/health":
        return { status: 200, body: { ok: true } };
      case "POST /_emulator/faults": {
        const rule = deps.faults.add(input as Partial<FaultRule> & Pick<FaultRule, "kind">);
        return { status: 200, body: { fault: rule, pending: deps.faults.pending() } };
      }
      case "GET /_emulator/faults":
        return { status: 200, body: { pending: deps.faults.pending() } };
      case "DELETE /_emulator/faults":
        deps.faults.clear();
        return { status: 200, body: { pending: [] } };
      case "POST /_emulator/rate_limit": {
        const perSecond = nonNegative(input.perSecond, "perSecond");
        deps.rateLimiter.setLimit(perSecond);
        return { status: 200, body: { perSecond } };
      }
      case "POST /_emulator/rate_limits":
        deps.rateLimiter.configure(parseRateLimits(body.trim() === "" ? undefined : JSON.parse(body)));
        return { status: 200, body: deps.rateLimiter.limits };
      case "GET /_emulator/rate_limits":
        return { status: 200, body: deps.rateLimiter.limits };
      case "POST /_emulator/search_lag":
        state.searchLagMs = nonNegative(input.ms, "ms");
        return { status: 200, body: { ms: state.searchLagMs } };
      case "POST /_emulator/webhooks": {
        const options: { duplicates?: boolean; shuffle?: boolean; retryScale?: number } = {};
        if (typeof input.duplicates === "boolean") options.duplicates = input.duplicates;
        if (typeof input.shuffle === "boolean") options.shuffle = input.shuffle;
        if (input.retryScale !== undefined) options.retryScale = nonNegative(input.retryScale, "retryScale");
        deps.delivery.setOptions(options);
        return { status: 200, body: options };
      }
      case "POST /_emulator/webhooks/flush":
        await deps.delivery.idle();
        return { status: 200, body: { pending: deps.delivery.pending() } };
      case "GET /_emulator/deliveries": {
        const account = authenticate(state.store, authorization, state.now());
        const limit = query.has("limit") ? Number(query.get("limit")) : 500;
        if (!Number.isInteger(limit) || limit < 1 || limit > 1_000_000)
          throw new Error("limit must be an integer from 1 to 1000000");
        return { status: 200, body: { data: state.store.deliveries(account.id, limit) } };
      }
      case "POST /_emulator/billing_portal/default_configuration": {
        const account = authenticate(state.store, authorization, state.now());
        const config = state.store.transaction(() =>
          ensureDefaultConfiguration(state.store, account, state.now()),
        );
        return { status: 200, body: config };
      }
      default:
        return { status: 404, body: { error: `No emulator route ${route}. See the package README.` } };
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // A missing or malformed key is Stripe's 401, as on the API; anything else is a bad switch request.
    return { status: error instanceof StripeApiError ? error.status : 400, body: { error: message } };
  }
}
