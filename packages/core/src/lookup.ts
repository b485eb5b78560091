/**
 * The lookup decision: which Stripe customer a NetSuite customer belongs to. Core does no I/O, so it
 * is a pair of pure steps the adapter drives: `planLookup` says what to ask Stripe, the adapter asks,
 * and `resolveMatches` says what the answer means. Several candidates are always an error shown to
 * the user, never a guess.
 */
import { fail, ok, type Result, type SyncIssue } from "./result.js";
import { NETSUITE_CUSTOMER_ID_KEY } from "./stripe-metadata.js";

/** What the lookup knows about one NetSuite customer. */
export interface LookupInput {
  /** NetSuite internal ID of the customer, e.g. `107`. */
  customerId: string;
  /** NetSuite field that stores the Stripe customer ID, e.g. `custentity_nss_stripe_customer_id`. */
  stripeIdField: string;
  /** Value of that field; blank means "link again by lookup". */
  storedStripeId?: string;
  /** NetSuite field the customer is found by when no ID is stored: `email` or any entity field ID. */
  syncField: string;
  /** Value of the sync field on this customer. */
  syncValue?: string;
}

/** List customers by exact email: strongly consistent, so a create just before is always seen. */
export interface EmailListRequest {
  method: "GET";
  path: "/v1/customers";
  params: { email: string; limit: number };
}

/** Search customers by metadata: lags writes, so the create's idempotency key is what stops a duplicate. */
export interface MetadataSearchRequest {
  method: "GET";
  path: "/v1/customers/search";
  params: { query: string; limit: number };
}

/** What to do first: update the stored customer, or ask Stripe for candidates. */
export type LookupPlan =
  | { kind: "stored"; stripeCustomerId: string }
  | { kind: "find"; by: "email"; request: EmailListRequest }
  | { kind: "find"; by: "metadata"; request: MetadataSearchRequest };

/** A Stripe customer as returned by the list or search endpoint (only the fields the decision reads). */
export interface StripeCustomerMatch {
  id: string;
  metadata?: Record<string, string> | null;
  deleted?: boolean;
}

/** What the candidates mean: link this Stripe customer, or create a new one. */
export type LookupResolution = { kind: "link"; stripeCustomerId: string } | { kind: "create" };

/** Candidates fetched per lookup: more than one is already an error, so a few suffice to list them. */
export const LOOKUP_LIMIT = 10;

/** Stripe customer IDs are `cus_` followed by letters and digits. */
const STRIPE_CUSTOMER_ID = /^cus_[A-Za-z0-9]+$/;

/** Stripe metadata limits: keys up to 40 characters without square brackets, values up to 500. */
const MAX_METADATA_KEY = 40;
const MAX_METADATA_VALUE = 500;

/** Decides the first step of the lookup for one customer. */
export function planLookup(input: LookupInput): Result<LookupPlan> {
  const record = `customer ${input.customerId}`;
  const storedId = (input.storedStripeId ?? "").trim();
  if (storedId !== "") {
    if (!STRIPE_CUSTOMER_ID.test(storedId)) {
      return fail({
        code: "LOOKUP_INVALID_STRIPE_ID",
        message: `Customer ${input.customerId} has "${storedId}" in ${input.stripeIdField}, which is not a Stripe customer ID (cus_…).`,
        fix: `Correct ${input.stripeIdField} on customer ${input.customerId} to the Stripe customer ID, or blank it to link the customer again by lookup.`,
        field: input.stripeIdField,
        record,
      });
    }
    return ok({ kind: "stored", stripeCustomerId: storedId });
  }

  const syncField = input.syncField.trim();
  const syncValue = (input.syncValue ?? "").trim();
  if (syncValue === "") {
    return fail({
      code: "LOOKUP_NO_IDENTIFIER",
      message: `Customer ${input.customerId} has neither a Stripe customer ID in ${input.stripeIdField} nor a value in ${syncField} to find or create its Stripe customer by.`,
      fix: `Fill ${syncField} on customer ${input.customerId}, or enter its Stripe customer ID in ${input.stripeIdField}.`,
      field: syncField,
      record,
    });
  }

  if (syncField === "email") {
    return ok({
      kind: "find",
      by: "email",
      request: { method: "GET", path: "/v1/customers", params: { email: syncValue, limit: LOOKUP_LIMIT } },
    });
  }

  // The sync field's value is written to metadata under the field ID, so both must fit Stripe's limits.
  if (syncField === "" || syncField.length > MAX_METADATA_KEY || /[[\]]/.test(syncField)) {
    return fail({
      code: "LOOKUP_INVALID_SYNC_FIELD",
      message: `The sync field "${syncField}" cannot be a Stripe metadata key (up to ${MAX_METADATA_KEY} characters, no square brackets).`,
      fix: "Choose another sync field in the configuration: email, or an entity field whose ID is at most 40 characters.",
      field: "sync field",
      record: "configuration",
    });
  }
  if (syncValue.length > MAX_METADATA_VALUE) {
    return fail({
      code: "LOOKUP_SYNC_VALUE_TOO_LONG",
      message: `Customer ${input.customerId} has ${syncValue.length} characters in ${syncField}; Stripe metadata values hold at most ${MAX_METADATA_VALUE}.`,
      fix: `Shorten ${syncField} on customer ${input.customerId}, or choose a shorter sync field in the configuration.`,
      field: syncField,
      record,
    });
  }
  return ok({
    kind: "find",
    by: "metadata",
    request: {
      method: "GET",
      path: "/v1/customers/search",
      params: { query: metadataQuery(syncField, syncValue), limit: LOOKUP_LIMIT },
    },
  });
}

/**
 * The search clause `metadata['key']:'value'`. Stripe's query language escapes quotes inside quoted
 * strings with a backslash, so backslash itself must be escaped first; otherwise a value such as
 * `x' OR email:'y` would add a clause of its own (query injection).
 */
export function metadataQuery(key: string, value: string): string {
  return `metadata['${escapeSearchString(key)}']:'${escapeSearchString(value)}'`;
}

/** Escapes `\`, `'` and `"` for a quoted string in Stripe's search query language. */
export function escapeSearchString(text: string): string {
  return text.replace(/[\\'"]/g, (ch) => `\\${ch}`);
}

/** Decides what the candidates Stripe returned for a `find` plan mean. */
export function resolveMatches(
  input: LookupInput,
  matches: readonly StripeCustomerMatch[],
): Result<LookupResolution> {
  const live = matches.filter((m) => m.deleted !== true);
  const ownerOf = (m: StripeCustomerMatch): string | undefined => m.metadata?.[NETSUITE_CUSTOMER_ID_KEY];
  const by = describeSyncValue(input);

  const [only] = live;
  if (only === undefined) return ok({ kind: "create" });
  if (live.length === 1) {
    const owner = ownerOf(only);
    if (owner !== undefined && owner !== "" && owner !== input.customerId) {
      return fail({
        code: "LOOKUP_LINKED_TO_OTHER_CUSTOMER",
        message: `Stripe customer ${only.id}, found by ${by}, already belongs to NetSuite customer ${owner} (metadata ${NETSUITE_CUSTOMER_ID_KEY}), not to customer ${input.customerId}.`,
        fix: `Give customer ${input.customerId} or customer ${owner} a different ${input.syncField}, or enter the right Stripe customer ID in ${input.stripeIdField} on customer ${input.customerId}.`,
        field: input.syncField,
        record: `customer ${input.customerId}`,
      });
    }
    return ok({ kind: "link", stripeCustomerId: only.id });
  }

  // Several candidates: one that already names this customer is ours (an earlier run created it).
  const ours = live.filter((m) => ownerOf(m) === input.customerId);
  const [ourOnly] = ours;
  if (ourOnly !== undefined && ours.length === 1) return ok({ kind: "link", stripeCustomerId: ourOnly.id });

  const ids = live.map((m) => m.id).join(", ");
  return fail({
    code: "LOOKUP_AMBIGUOUS",
    message: `Customer ${input.customerId} matches ${live.length} Stripe customers by ${by}: ${ids}.`,
    fix: `Enter the right Stripe customer ID in ${input.stripeIdField} on customer ${input.customerId}, or merge or delete the duplicates in Stripe.`,
    field: input.syncField,
    record: `customer ${input.customerId}`,
  });
}

/** The issue for a stored ID Stripe answers "No such customer" for (deleted, or from the other mode). */
export function staleStripeId(input: LookupInput, stripeId: string): SyncIssue {
  return {
    code: "LOOKUP_STALE_STRIPE_ID",
    message: `Customer ${input.customerId} stores Stripe customer ${stripeId} in ${input.stripeIdField}, but Stripe has no such customer (it was deleted, or belongs to the other mode: test or live).`,
    fix: `Blank ${input.stripeIdField} on customer ${input.customerId} and sync again: it will be linked by ${input.syncField} or a new Stripe customer created.`,
    field: input.stripeIdField,
    record: `customer ${input.customerId}`,
  };
}

function describeSyncValue(input: LookupInput): string {
  return `${input.syncField.trim()} "${(input.syncValue ?? "").trim()}"`;
}
