/**
 * The Stripe API client of the server scripts, over N/https.
 *
 * - Requests are form-encoded with core's `encodeForm` (the query of a GET or DELETE, the body of a
 *   POST) and carry `Authorization: Bearer {custsecret_…}` as an `https.SecureString` (NetSuite fills
 *   the secret in; the key is never in the script), `Stripe-Version` and, on POSTs, the caller's
 *   `Idempotency-Key`.
 * - 429, 5xx, 409 `lock_timeout`, `Stripe-Should-Retry: true` and connection errors are retried with
 *   the same Idempotency-Key, at most `maxAttempts` times, each attempt only while the script has the
 *   10 units of an https call plus the caller's reserve left.
 * - Every failure is a `SyncIssue` with a stable code (`stripe-errors.ts`); nothing throws but a
 *   programming error.
 *
 * Backing off: SuiteScript has no sleep and no timers. A retry without a wait hits a rate limit or a
 * struggling Stripe again at once; a long busy-wait burns the script's time limit (and NetSuite's
 * CPU). So the client busy-waits on `Date.now()`, exponentially with jitter from `backoffBaseMs`, each
 * wait capped at `backoffMaxMs` (STRIPE_CLIENT_DEFAULTS): short waits, bounded per request. Waiting
 * costs no governance units. Longer outages are the next run's business (the user's next click, the
 * next mass sync), not a wait inside one script.
 */
import type * as httpsModule from "N/https";
import type * as logModule from "N/log";
import type * as runtimeModule from "N/runtime";
import {
  encodeForm,
  type FormParams,
  fail,
  ok,
  type Result,
  STRIPE_API_VERSION,
  type SyncIssue,
} from "@nss/core";
import { isSecretFailure } from "./https-errors.js";
import {
  authIssue,
  badResponseIssue,
  governanceIssue,
  type IssueContext,
  idempotencyIssue,
  invalidRequestIssue,
  notFoundIssue,
  parseStripeError,
  permissionIssue,
  rateLimitedIssue,
  type StripeErrorBody,
  secretIssue,
  unavailableIssue,
  unreachableIssue,
} from "./stripe-errors.js";

/** Units NetSuite charges for each N/https call. */
export const HTTPS_CALL_UNITS = 10;

export const STRIPE_CLIENT_DEFAULTS = {
  apiBase: "https://api.stripe.com",
  maxAttempts: 3,
  /** Units left for the caller after the client's last call (saving the result, logging the outcome). */
  reserveUnits: 20,
  backoffBaseMs: 100,
  backoffMaxMs: 500,
} as const;

/** The N/* modules the client uses (the real ones in a script; anything with their shape in a test). */
export interface StripeClientModules {
  https: Pick<typeof httpsModule, "request" | "createSecureString">;
  log: Pick<typeof logModule, "debug" | "audit">;
  runtime: Pick<typeof runtimeModule, "getCurrentScript">;
}

/** The Stripe account record as the client needs it. */
export interface StripeAccountRef {
  /** `acct_…`. */
  accountId: string;
  /** The API secret's script ID, `custsecret_…`. */
  secretId: string;
  /** Default `https://api.stripe.com`; tests point it at the Stripe emulator. */
  apiBase?: string;
  /** The Stripe account record's name, for messages (the account ID when absent). */
  name?: string;
}

export interface StripeClientOptions {
  /** Attempts per request, the first included (default 3). */
  maxAttempts?: number;
  /** Units that must remain after an attempt's 10 (default 20). */
  reserveUnits?: number;
  /** First backoff wait in ms, doubled each retry (default 100); 0 retries at once. */
  backoffBaseMs?: number;
  /** Longest single wait in ms (default 500). */
  backoffMaxMs?: number;
}

export interface StripeRequestOptions {
  /** Sent on POSTs only (Stripe ignores it elsewhere); kept the same on every retry. */
  idempotencyKey?: string;
  /** Overrides the client's reserve for this request. */
  reserveUnits?: number;
}

export type StripeMethod = "GET" | "POST" | "DELETE";

/** One attempt, for benchmarks and tests (no parameters: they may hold personal data). */
export interface StripeAttempt {
  method: StripeMethod;
  path: string;
  attempt: number;
  /** HTTP status, or the N/https error name. */
  outcome: number | string;
  idempotencyKey?: string;
  /** Stripe's `Idempotent-Replayed: true`: the answer is the one saved under the key. */
  replayed: boolean;
  requestId?: string;
  /** Units the attempt used (10 for the https call). */
  units: number;
  waitedMs: number;
}

export interface StripeCallCounters {
  /** `request()` calls. */
  requests: number;
  /** https calls made (attempts that reached N/https). */
  attempts: number;
  /** Attempts after the first of a request. */
  retries: number;
  /** N/https calls, as NetSuite charges them (equal to attempts). */
  httpsCalls: number;
  /** Governance units the client's calls used. */
  units: number;
  /** Milliseconds spent backing off. */
  waitedMs: number;
  /** Requests that ended in an issue. */
  failures: number;
  /** The most recent attempts, oldest first (at most 100). */
  history: StripeAttempt[];
}

export interface StripeClient {
  readonly account: StripeAccountRef;
  readonly calls: StripeCallCounters;
  request<T>(
    method: StripeMethod,
    path: string,
    params?: FormParams,
    options?: StripeRequestOptions,
  ): Result<T>;
}

const HISTORY_CAP = 100;

/** A response header, whatever its case (NetSuite keeps the server's; Node lowercases). */
function header(headers: object, name: string): string | undefined {
  const want = name.toLowerCase();
  for (const [k, v] of Object.entries(headers as Record<string, unknown>)) {
    if (k.toLowerCase() === want) return Array.isArray(v) ? String(v[0]) : String(v);
  }
  return undefined;
}

/** Busy-waits (SuiteScript has no sleep); see the file comment. Returns the time waited. */
function busyWait(ms: number): number {
  const start = Date.now();
  const end = start + ms;
  // The loop's result is returned: a bundler may drop a loop whose result nobody uses (Rollup did).
  let now = start;
  while (now < end) now = Date.now();
  return now - start;
}

/** Exponential backoff with "equal jitter": half the step, plus up to half again at random. */
export function backoffMs(retry: number, baseMs: number, maxMs: number): number {
  const step = Math.min(maxMs, baseMs * 2 ** (retry - 1));
  return Math.round(step / 2 + (Math.random() * step) / 2);
}

/** Worth another attempt: the request may not have reached Stripe. A 45 s timeout is not retried. */
const RETRYABLE_NETWORK_ERRORS = new Set(["SSS_CONNECTION_TIME_OUT", "SSS_CONNECTION_CLOSED"]);

type Attempt =
  | { kind: "response"; status: number; body: string; headers: object }
  | { kind: "thrown"; name: string; message: string };

export function createStripeClient(
  modules: StripeClientModules,
  account: StripeAccountRef,
  options: StripeClientOptions = {},
): StripeClient {
  const { https, log, runtime } = modules;
  const apiBase = (account.apiBase ?? STRIPE_CLIENT_DEFAULTS.apiBase).replace(/\/+$/, "");
  const maxAttempts = Math.max(1, Math.floor(options.maxAttempts ?? STRIPE_CLIENT_DEFAULTS.maxAttempts));
  const defaultReserve = options.reserveUnits ?? STRIPE_CLIENT_DEFAULTS.reserveUnits;
  const baseMs = options.backoffBaseMs ?? STRIPE_CLIENT_DEFAULTS.backoffBaseMs;
  const maxMs = options.backoffMaxMs ?? STRIPE_CLIENT_DEFAULTS.backoffMaxMs;
  const record = account.name ? `Stripe account "${account.name}"` : `Stripe account ${account.accountId}`;

  const calls: StripeCallCounters = {
    requests: 0,
    attempts: 0,
    retries: 0,
    httpsCalls: 0,
    units: 0,
    waitedMs: 0,
    failures: 0,
    history: [],
  };

  function send(
    method: StripeMethod,
    url: string,
    body: string | undefined,
    key: string | undefined,
  ): Attempt {
    try {
      const headers: Record<string, unknown> = {
        // NetSuite substitutes {custsecret_…} when it sends the request: the script never holds the key.
        // Inside the try: a secret NetSuite refuses may fail here rather than on the request.
        Authorization: https.createSecureString({ input: `Bearer {${account.secretId}}` }),
        "Stripe-Version": STRIPE_API_VERSION,
        "Content-Type": "application/x-www-form-urlencoded",
        Accept: "application/json",
      };
      if (key !== undefined) headers["Idempotency-Key"] = key;
      const response = https.request({
        method,
        url,
        headers,
        ...(body !== undefined ? { body } : {}),
      });
      return {
        kind: "response",
        status: response.code,
        body: response.body ?? "",
        headers: response.headers ?? {},
      };
    } catch (e) {
      const err = e as { name?: unknown; message?: unknown };
      const name = typeof err?.name === "string" ? err.name : "UNEXPECTED_ERROR";
      // Running out of units here would be a bug in the check below: let it surface as NetSuite's error.
      if (name === "SSS_USAGE_LIMIT_EXCEEDED") throw e;
      return { kind: "thrown", name, message: typeof err?.message === "string" ? err.message : String(e) };
    }
  }

  function request<T>(
    method: StripeMethod,
    path: string,
    params: FormParams = {},
    requestOptions: StripeRequestOptions = {},
  ): Result<T> {
    calls.requests++;
    const reserve = requestOptions.reserveUnits ?? defaultReserve;
    const encoded = encodeForm(params);
    const key = method === "POST" ? requestOptions.idempotencyKey : undefined;
    const url = method === "POST" || encoded === "" ? `${apiBase}${path}` : `${apiBase}${path}?${encoded}`;
    const body = method === "POST" ? encoded : undefined;
    const script = runtime.getCurrentScript();
    const ctx: IssueContext = { method, path, record, secretId: account.secretId, attempts: 0 };
    const failWith = (issue: SyncIssue): Result<T> => {
      calls.failures++;
      return fail(issue);
    };

    let last: Attempt | undefined;
    let lastError: StripeErrorBody | undefined;
    let waited = 0;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      if (attempt > 1) {
        waited = busyWait(backoffMs(attempt - 1, baseMs, maxMs));
        calls.waitedMs += waited;
      }
      const remaining = script.getRemainingUsage();
      if (remaining < HTTPS_CALL_UNITS + reserve) {
        const lastText =
          last === undefined ? undefined : last.kind === "response" ? `HTTP ${last.status}` : last.name;
        return failWith(governanceIssue(ctx, remaining, HTTPS_CALL_UNITS, reserve, lastText));
      }
      if (attempt > 1) calls.retries++;
      calls.attempts++;
      calls.httpsCalls++;
      ctx.attempts = attempt;
      last = send(method, url, body, key);
      const units = remaining - script.getRemainingUsage();
      calls.units += units;

      const entry: StripeAttempt = {
        method,
        path,
        attempt,
        outcome: last.kind === "response" ? last.status : last.name,
        replayed: last.kind === "response" && header(last.headers, "Idempotent-Replayed") === "true",
        units,
        waitedMs: attempt > 1 ? waited : 0,
      };
      if (key !== undefined) entry.idempotencyKey = key;
      const requestId = last.kind === "response" ? header(last.headers, "Request-Id") : undefined;
      if (requestId !== undefined) entry.requestId = requestId;
      calls.history.push(entry);
      if (calls.history.length > HISTORY_CAP) calls.history.splice(0, calls.history.length - HISTORY_CAP);
      // No parameters or bodies here: they may hold personal data.
      log.debug({
        title: "Stripe call",
        details: `${method} ${path} attempt ${attempt}/${maxAttempts}: ${entry.outcome}${entry.replayed ? " (replayed)" : ""}${requestId ? ` ${requestId}` : ""}`,
      });

      if (last.kind === "thrown") {
        if (isSecretFailure(last.name, last.message, account.secretId)) {
          return failWith(secretIssue(ctx, `${last.name}: ${last.message}`));
        }
        const retry = RETRYABLE_NETWORK_ERRORS.has(last.name) && (method !== "POST" || key !== undefined);
        if (retry && attempt < maxAttempts) {
          log.audit({ title: "Stripe call retried", details: `${method} ${path}: ${last.name}` });
          continue;
        }
        // NetSuite's network errors (https-errors.ts) and anything else N/https threw.
        return failWith(unreachableIssue(ctx, last.name, last.message));
      }

      const { status } = last;
      if (status >= 200 && status < 300) {
        try {
          return ok(JSON.parse(last.body) as T);
        } catch {
          return failWith(badResponseIssue(ctx, status, last.body));
        }
      }
      lastError = parseStripeError(last.body);
      const shouldRetry = header(last.headers, "Stripe-Should-Retry");
      const retryable =
        shouldRetry === "false"
          ? false
          : shouldRetry === "true" ||
            status === 429 ||
            status >= 500 ||
            (status === 409 && lastError?.code === "lock_timeout");
      if (retryable && attempt < maxAttempts) {
        log.audit({
          title: "Stripe call retried",
          details: `${method} ${path}: HTTP ${status}, attempt ${attempt + 1} of ${maxAttempts} follows`,
        });
        continue;
      }
      if (lastError === undefined && status < 500) return failWith(badResponseIssue(ctx, status, last.body));
      if (status === 429) return failWith(rateLimitedIssue(ctx));
      if (status >= 500) return failWith(unavailableIssue(ctx, status, lastError));
      if (lastError?.type === "idempotency_error") return failWith(idempotencyIssue(ctx, lastError));
      if (status === 401) return failWith(authIssue(ctx));
      if (status === 403) return failWith(permissionIssue(ctx, lastError));
      if (status === 404 && lastError?.code === "resource_missing")
        return failWith(notFoundIssue(ctx, lastError));
      if (status === 409 && lastError?.code === "lock_timeout")
        return failWith(unavailableIssue(ctx, status, lastError));
      return failWith(invalidRequestIssue(ctx, status, lastError));
    }
    // Unreachable: the loop returns on its last attempt.
    return failWith(unavailableIssue(ctx, 0, lastError));
  }

  return { account, calls, request };
}
