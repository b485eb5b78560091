/**
 * One `/v1/…` request, in Stripe's order: authentication, rate limit, injected faults, HTTP-level
 * refusals (protocol.ts), form decoding and validation against Stripe's OpenAPI contract (with
 * `expand[]`), idempotency, then the resource handler in one SQLite transaction. Webhook deliveries
 * are handed over only after the transaction commits.
 */
import { decodeForm, findOperation, validateRequest } from "@nss/stripe-spec";
import { authenticate, publishableKeyRefusal } from "./auth.js";
import type { Ctx, EmulatorState, Handler } from "./context.js";
import { expandList } from "./context.js";
import { apiError, StripeApiError } from "./errors.js";
import type { Deliverer } from "./events.js";
import { DEFAULT_API_VERSION } from "./events.js";
import { expandRefusal } from "./expand.js";
import type { FaultRule, Faults } from "./faults.js";
import { newId } from "./ids.js";
import { type ProtocolOptions, protocolRefusal } from "./protocol.js";
import type { RateLimiter } from "./rate-limit.js";
import { accountHandlers } from "./resources/account.js";
import { billingPortalHandlers } from "./resources/billing-portal.js";
import { customerHandlers } from "./resources/customers.js";
import { eventHandlers } from "./resources/events.js";
import { paymentMethodHandlers } from "./resources/payment-methods.js";
import { webhookEndpointHandlers } from "./resources/webhook-endpoints.js";
import type { StoredAccount } from "./store.js";

const HANDLERS: Record<string, Handler> = {
  ...customerHandlers,
  ...paymentMethodHandlers,
  ...billingPortalHandlers,
  ...webhookEndpointHandlers,
  ...eventHandlers,
  ...accountHandlers,
};

/** Stripe keeps an idempotency key for at least 24 hours. */
const IDEMPOTENCY_TTL_MS = 24 * 60 * 60_000;
/** Stripe: "Idempotency keys are up to 255 characters long." */
const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

export interface ApiRequest {
  method: string;
  path: string;
  query: string;
  body: string;
  headers: Record<string, string | undefined>;
}

export interface ApiResponse {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

export interface ApiDeps {
  state: EmulatorState;
  rateLimiter: RateLimiter;
  faults: Faults;
  sleep: (ms: number) => Promise<void>;
  /** Called once the key is known to belong to an account. */
  onAccount?: (account: StoredAccount) => void;
  protocol?: ProtocolOptions;
}

function errorResponse(error: StripeApiError): {
  status: number;
  body: unknown;
  headers: Record<string, string>;
} {
  return { status: error.status, body: { error: error.body }, headers: error.headers };
}

/** Parameters compared for idempotency: the same request, whatever the key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export async function handleApi(deps: ApiDeps, request: ApiRequest): Promise<ApiResponse> {
  const requestId = newId("req");
  // The version the body is rendered in: the contract's, whatever a well-formed header asked for.
  const base = { "Request-Id": requestId, "Stripe-Version": DEFAULT_API_VERSION };
  const result = await run(deps, request, requestId).catch((error: unknown) => {
    if (error instanceof StripeApiError) return errorResponse(error);
    console.error("stripe-emulator: unexpected error", error);
    return errorResponse(apiError("An unexpected error occurred in the Stripe emulator."));
  });
  return { ...result, headers: { ...base, ...result.headers } };
}

async function run(
  deps: ApiDeps,
  request: ApiRequest,
  requestId: string,
): Promise<Omit<ApiResponse, "headers"> & { headers: Record<string, string> }> {
  const { state } = deps;
  const method = request.method.toUpperCase();
  const publishable = publishableKeyRefusal(request.headers.authorization, method, request.path);
  if (publishable) throw publishable;
  const account = authenticate(state.store, request.headers.authorization, state.now());
  deps.onAccount?.(account);
  deps.rateLimiter.take(account, method, request.path, state.now());

  const fault = deps.faults.take(method, request.path);
  if (fault?.phase === "before" && fault.kind === "delay") await deps.sleep(fault.delayMs);
  // No Stripe-Rate-Limited-Reason: an injected 429 exceeded none of the limiter's limits.
  if (fault?.phase === "before" && fault.kind === "429") deps.rateLimiter.throwLimited();
  if (fault?.phase === "before" && fault.kind === "500") throw injected500();
  if (fault?.phase !== "after" || fault.kind !== "delay")
    return execute(deps, request, requestId, account, fault);
  try {
    // The request runs now (its reads, writes and events); only its answer, error or not, waits.
    return await execute(deps, request, requestId, account, fault);
  } finally {
    await deps.sleep(fault.delayMs);
  }
}

/** Everything after the faults: decoding, validation, idempotency, the handler and its events. */
async function execute(
  deps: ApiDeps,
  request: ApiRequest,
  requestId: string,
  account: StoredAccount,
  fault: FaultRule | undefined,
): Promise<Omit<ApiResponse, "headers"> & { headers: Record<string, string> }> {
  const { state } = deps;
  const method = request.method.toUpperCase();
  const refused = protocolRefusal({ ...request, method }, deps.protocol);
  if (refused) throw refused;
  const key = method === "POST" ? request.headers["idempotency-key"] : undefined;
  if (key !== undefined && (key.length < 1 || key.length > MAX_IDEMPOTENCY_KEY_LENGTH)) {
    // Stripe's wording (a real response quoted in cartalyst/stripe#65).
    throw new StripeApiError(400, {
      type: "invalid_request_error",
      message: `Idempotent key length is ${key.length}, which is outside accepted lengths. Idempotent Keys must be 1-${MAX_IDEMPOTENCY_KEY_LENGTH} characters long. If you're looking for a decent generator, try using a UUID defined by IETF RFC 4122.`,
    });
  }

  const source = method === "POST" ? request.body : request.query;
  const decoded = decodeForm(source);
  if (!decoded.ok) return { status: decoded.status, body: { error: decoded.error }, headers: {} };
  const validation = validateRequest(method, request.path, decoded.params);
  if (!validation.ok) return { status: validation.status, body: { error: validation.error }, headers: {} };
  const schema = findOperation(method, request.path)?.operation.response;
  const expandRefused = schema && expandRefusal(schema, expandList(validation.params));
  if (expandRefused) throw expandRefused;
  const handler = HANDLERS[validation.operationId];
  if (!handler) throw apiError(`The emulator does not implement ${validation.operationId} yet.`);

  const fingerprint = canonical(validation.params);
  if (key !== undefined) {
    state.store.expireIdempotency(state.now() - IDEMPOTENCY_TTL_MS);
    const saved = state.store.idempotency(account.id, key);
    if (saved) {
      if (saved.method !== method || saved.path !== request.path || saved.params !== fingerprint) {
        throw new StripeApiError(400, {
          type: "idempotency_error",
          message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
        });
      }
      return {
        status: saved.status,
        body: JSON.parse(saved.body),
        headers: { "Idempotent-Replayed": "true", "Idempotency-Key": key },
      };
    }
  }

  // Events are delivered only once the request's writes are committed.
  const outbox: Parameters<Deliverer["enqueue"]>[] = [];
  const ctx: Ctx = {
    state: { ...state, delivery: { enqueue: (...args) => void outbox.push(args) } },
    account,
    params: validation.params,
    pathParams: validation.pathParams,
    request: { id: requestId, idempotencyKey: key ?? null },
    path: request.path,
  };
  let response: { status: number; body: unknown; headers: Record<string, string> };
  try {
    const out = state.store.transaction(() => handler(ctx));
    response = { status: out.status ?? 200, body: out.body, headers: {} };
  } catch (error) {
    outbox.length = 0;
    if (!(error instanceof StripeApiError)) throw error;
    response = errorResponse(error);
  }
  for (const args of outbox) state.delivery.enqueue(...args);
  if (fault?.phase === "after" && fault.kind === "500") response = errorResponse(injected500());
  if (key !== undefined) {
    state.store.saveIdempotency(account.id, key, {
      method,
      path: request.path,
      params: fingerprint,
      status: response.status,
      body: JSON.stringify(response.body),
      created: state.now(),
    });
    response.headers["Idempotency-Key"] = key;
  }
  return response;
}

function injected500(): StripeApiError {
  return new StripeApiError(
    500,
    {
      type: "api_error",
      message: "An unknown error occurred (injected by the Stripe emulator's fault switch).",
    },
    { "Stripe-Should-Retry": "true" },
  );
}
