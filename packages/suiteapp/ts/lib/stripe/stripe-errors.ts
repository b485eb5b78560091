/**
 * Stripe's answers and N/https's errors turned into `SyncIssue`s a NetSuite user can act on, each with a
 * stable code (the package README, "Stripe errors"). Never quotes the secret key: a 401's own message (which
 * shows part of the key) is replaced by ours, and anything shaped like a key is masked anyway.
 */
import type { SyncIssue } from "@nss/core";

/** What the issues need to know about the request and the account. */
export interface IssueContext {
  method: string;
  path: string;
  /** `Stripe account "EU"` or `Stripe account acct_…`. */
  record: string;
  secretId: string;
  attempts: number;
}

/** Stripe's error body (`{"error":{…}}`), as far as the client reads it. */
export interface StripeErrorBody {
  type?: string;
  code?: string;
  message?: string;
  param?: string;
}

/** Masks anything shaped like a Stripe secret or restricted key (`sk_live_…`, `rk_test_…`). */
export function maskKeys(text: string): string {
  return text.replace(/\b(sk|rk)_(test|live)_[A-Za-z0-9_*]+/g, "$1_$2_…");
}

/** Stripe's error object from a response body, or undefined when the body is not Stripe's JSON. */
export function parseStripeError(body: string): StripeErrorBody | undefined {
  try {
    const parsed = JSON.parse(body) as { error?: unknown };
    const e = parsed?.error;
    if (typeof e !== "object" || e === null) return undefined;
    const pick = (k: string): string | undefined => {
      const v = (e as Record<string, unknown>)[k];
      return typeof v === "string" ? v : undefined;
    };
    const out: StripeErrorBody = {};
    const type = pick("type");
    const code = pick("code");
    const message = pick("message");
    const param = pick("param");
    if (type !== undefined) out.type = type;
    if (code !== undefined) out.code = code;
    if (message !== undefined) out.message = maskKeys(message);
    if (param !== undefined) out.param = param;
    return out;
  } catch {
    return undefined;
  }
}

const call = (c: IssueContext) => `${c.method} ${c.path}`;
const tries = (c: IssueContext) => (c.attempts === 1 ? "1 attempt" : `${c.attempts} attempts`);

/** 401: the API secret holds a wrong, revoked or expired key. */
export function authIssue(c: IssueContext): SyncIssue {
  return {
    code: "STRIPE_AUTH",
    message: `Stripe refused the API secret ${c.secretId} of ${c.record} (HTTP 401 on ${call(c)}): the secret key it holds is wrong, revoked or expired.`,
    fix: `In Setup > Company > API Secrets, set ${c.secretId} to a current secret key (sk_live_… or sk_test_…) of that Stripe account (Stripe Dashboard > Developers > API keys), or correct the API secret ID on the Stripe account record.`,
    field: "custrecord_nss_acct_secret_id",
    record: c.record,
  };
}

/** 403: a restricted key without the permission the call needs. */
export function permissionIssue(c: IssueContext, e: StripeErrorBody | undefined): SyncIssue {
  return {
    code: "STRIPE_PERMISSION",
    message: `Stripe refused ${call(c)} for ${c.record} (HTTP 403): ${e?.message ?? "the key lacks a permission"}`,
    fix: `Give the restricted key in ${c.secretId} write access to Customers and Webhook Endpoints, read access to Payment Methods, Events and the Customer portal, or store a secret key instead.`,
    record: c.record,
  };
}

/** 400/402 (and any other refused request): Stripe's message, naming the parameter. */
export function invalidRequestIssue(
  c: IssueContext,
  status: number,
  e: StripeErrorBody | undefined,
): SyncIssue {
  const param = e?.param;
  return {
    code: "STRIPE_INVALID_REQUEST",
    message: `Stripe refused ${call(c)} for ${c.record} (HTTP ${status}${e?.code ? `, ${e.code}` : ""}): ${e?.message ?? "no reason given"}${param ? ` (parameter ${param})` : ""}`,
    fix: param
      ? `Correct the value sent as ${param}: check the saved search column labelled ${param} or the NetSuite field it reads.`
      : "Check the values the saved search sends against Stripe's message above.",
    ...(param ? { field: param } : {}),
    record: c.record,
  };
}

/** 404 resource_missing: the object is not in this Stripe account (deleted, or from another account or mode). */
export function notFoundIssue(c: IssueContext, e: StripeErrorBody | undefined): SyncIssue {
  const quoted = /'([^']+)'/.exec(e?.message ?? "")?.[1];
  const id = quoted ?? c.path.split("/").filter(Boolean).pop() ?? c.path;
  return {
    code: "STRIPE_NOT_FOUND",
    message: `Stripe has no ${id} in ${c.record} (HTTP 404 on ${call(c)}): ${e?.message ?? "resource missing"}`,
    fix: `If NetSuite stores ${id}, it was deleted in Stripe or belongs to another Stripe account or to test mode: clear the stored ID so the customer is linked again by lookup, or check the account's API secret.`,
    ...(e?.param ? { field: e.param } : {}),
    record: c.record,
  };
}

/** The same Idempotency-Key was used with other parameters. */
export function idempotencyIssue(c: IssueContext, e: StripeErrorBody | undefined): SyncIssue {
  return {
    code: "STRIPE_IDEMPOTENCY",
    message: `Stripe refused ${call(c)} for ${c.record}: ${e?.message ?? "the idempotency key was used with other parameters"}`,
    fix: "The customer changed while a previous request with the same key was kept by Stripe (24 hours): sync it again, which uses a new key once the link's generation changes, or wait a day.",
    record: c.record,
  };
}

export function rateLimitedIssue(c: IssueContext): SyncIssue {
  return {
    code: "STRIPE_RATE_LIMITED",
    message: `Stripe's rate limit refused ${call(c)} for ${c.record} after ${tries(c)} (HTTP 429).`,
    fix: "Too many requests reach this Stripe account at once (25/s in test mode, 100/s live): sync again in a minute, or lower the mass sync's concurrency.",
    record: c.record,
  };
}

export function unavailableIssue(c: IssueContext, status: number, e: StripeErrorBody | undefined): SyncIssue {
  return {
    code: "STRIPE_UNAVAILABLE",
    message: `Stripe failed ${call(c)} for ${c.record} after ${tries(c)} (HTTP ${status}${e?.message ? `: ${e.message}` : ""}).`,
    fix: "Stripe had an error or was busy (see status.stripe.com): sync again later. The request may have been carried out; the next sync finds the result by lookup and the same idempotency key.",
    record: c.record,
  };
}

/** A thrown N/https error: DNS, TLS, connection refused or closed, NetSuite's time limits. */
export function unreachableIssue(c: IssueContext, name: string, message: string): SyncIssue {
  return {
    code: "STRIPE_UNREACHABLE",
    message: `NetSuite could not reach Stripe for ${call(c)} (${c.record}) after ${tries(c)}: ${name}: ${maskKeys(message)}`,
    fix: "Check that api.stripe.com is allowed for the API secret (its domain restrictions) and that Stripe is up (status.stripe.com), then sync again; the idempotency key makes a repeated create safe.",
    record: c.record,
  };
}

/** NetSuite refused to fill in the API secret (missing, or not allowed for this script or domain). */
export function secretIssue(c: IssueContext, message: string): SyncIssue {
  return {
    code: "STRIPE_SECRET_UNAVAILABLE",
    message: `NetSuite could not use the API secret ${c.secretId} of ${c.record}: ${maskKeys(message)}`,
    fix: `Create ${c.secretId} in Setup > Company > API Secrets (or correct the ID on the Stripe account record), make it available to the SuiteApp com.nss.stripesync, and allow the domain api.stripe.com.`,
    field: "custrecord_nss_acct_secret_id",
    record: c.record,
  };
}

export function badResponseIssue(c: IssueContext, status: number, body: string): SyncIssue {
  return {
    code: "STRIPE_BAD_RESPONSE",
    message: `The answer to ${call(c)} (${c.record}, HTTP ${status}) is not Stripe's JSON: ${JSON.stringify(maskKeys(body.slice(0, 80)))}`,
    fix: "Something between NetSuite and Stripe (a proxy, a wrong API base URL) answered instead of Stripe: check the URL and sync again.",
    record: c.record,
  };
}

export function governanceIssue(
  c: IssueContext,
  remaining: number,
  needed: number,
  reserve: number,
  last: string | undefined,
): SyncIssue {
  return {
    code: "STRIPE_GOVERNANCE",
    message: `Stopped before ${call(c)} (${c.record}): ${remaining} governance units remain and a Stripe call needs ${needed} plus a reserve of ${reserve}${c.attempts > 0 ? `, after ${tries(c)}${last ? ` (last: ${last})` : ""}` : ""}.`,
    fix: "Nothing more was sent. Sync the customer again (the same idempotency key makes a repeated create safe); for many customers use the mass sync, whose steps each get their own units.",
    record: c.record,
  };
}
