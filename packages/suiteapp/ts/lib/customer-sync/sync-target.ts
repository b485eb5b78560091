/**
 * One customer for one Stripe account: the mapped payload, the fingerprint compare with the link
 * record (unchanged: no Stripe call), then core's lookup plan carried out against Stripe: update the
 * stored ID, or find by email / metadata and link, or create with core's idempotency key. A dry run
 * stops before every POST. What to write back is the caller's (sync-customer.ts).
 */
import * as https from "N/https";
import * as log from "N/log";
import * as runtime from "N/runtime";
import {
  type ColumnValue,
  createIdempotencyKey,
  fingerprint,
  type LookupInput,
  type LookupPlan,
  mapCustomer,
  planLookup,
  plannedChanges,
  type Result,
  resolveMatches,
  type StripeCustomerMatch,
  type StripeCustomerParams,
  type SyncConfig,
  type SyncIssue,
  type SyncTarget,
  staleStripeId,
} from "@nss/core";
import type { LinkRow } from "../records/customer-links.js";
import { createStripeClient } from "../stripe/stripe-client.js";

export type SyncOutcome = "created" | "linked" | "updated" | "unchanged" | "failed";

/** What the sync reads of the customer itself. */
export interface CustomerFacts {
  primarySubsidiary: string;
  storedStripeId: string;
  syncValue: string;
  fields: Record<string, string>;
}

/** The two settings of the configuration a target's sync needs. */
export type SyncSettings = Pick<SyncConfig, "stripeIdField" | "syncField">;

export interface TargetContext {
  settings: SyncSettings;
  apiBase?: string;
  customerId: string;
  facts: CustomerFacts;
  columns: ColumnValue[];
  target: SyncTarget;
  /** The customer's Stripe ID field belongs to this target (the primary subsidiary's account). */
  primary: boolean;
  dryRun: boolean;
}

export type TargetOutcome =
  | {
      ok: true;
      outcome: Exclude<SyncOutcome, "failed">;
      stripeCustomerId: string;
      fingerprint: string;
      /** The Stripe customer's `created`, when Stripe answered with the customer. */
      stripeCreated?: number;
      /** A dry run: the Stripe fields the sync would set or change (core's plannedChanges). */
      changes?: string[];
    }
  | { ok: false; errors: SyncIssue[] };

/** What the sync of a target will do, decided without any call: the mass sync's getInputData uses it. */
export interface TargetPlan {
  lookup: LookupInput;
  plan: LookupPlan;
  /** The request's parameters (the create form when there is no Stripe ID to update). */
  params: StripeCustomerParams;
  fingerprint: string;
  /** The stored Stripe ID is the link's, and what it was last sent is what would be sent now. */
  unchanged: boolean;
}

/** Core's lookup plan, the mapped payload and its fingerprint compared with the link's. */
export function planTarget(
  ctx: Omit<TargetContext, "apiBase" | "dryRun">,
  link: LinkRow | undefined,
): Result<TargetPlan> {
  const { settings, customerId, target, facts } = ctx;
  const storedId = ctx.primary ? facts.storedStripeId : (link?.stripeId ?? "");
  const lookup: LookupInput = {
    customerId,
    stripeIdField: settings.stripeIdField,
    storedStripeId: storedId,
    syncField: settings.syncField,
    syncValue: facts.syncValue,
  };
  const plan = planLookup(lookup);
  if (!plan.ok) return plan;
  const mapping = {
    customerId,
    subsidiaryId: target.subsidiaryId,
    syncField: settings.syncField,
    syncValue: facts.syncValue,
  };
  // The fingerprint is always of the update form (blanks as ''), so a create and the next update of
  // the same data compare equal; the request itself uses the create form when there is no Stripe ID.
  const asUpdate = mapCustomer(ctx.columns, { ...mapping, mode: "update" });
  if (!asUpdate.ok) return asUpdate;
  const mapped =
    plan.value.kind === "stored" ? asUpdate : mapCustomer(ctx.columns, { ...mapping, mode: "create" });
  if (!mapped.ok) return mapped;
  const print = fingerprint(asUpdate.value);
  const unchanged =
    plan.value.kind === "stored" &&
    link?.stripeId === plan.value.stripeCustomerId &&
    link.fingerprint === print;
  return {
    ok: true,
    value: { lookup, plan: plan.value, params: mapped.value, fingerprint: print, unchanged },
  };
}

/** Stripe's `created` of an answered customer, when it has one. */
const createdOf = (customer: { created?: unknown }): { stripeCreated?: number } =>
  typeof customer.created === "number" && customer.created > 0 ? { stripeCreated: customer.created } : {};

export function syncTarget(
  ctx: TargetContext,
  link: LinkRow | undefined,
  calls: { n: number },
): TargetOutcome {
  const account = ctx.target.account;
  const planned = planTarget(ctx, link);
  if (!planned.ok) return planned;
  const { lookup, plan, params, fingerprint: print } = planned.value;
  if (planned.value.unchanged && plan.kind === "stored") {
    return {
      ok: true,
      outcome: "unchanged",
      stripeCustomerId: plan.stripeCustomerId,
      fingerprint: print,
      ...(ctx.dryRun ? { changes: [] } : {}),
    };
  }

  const stripe = createStripeClient(
    { https, log, runtime },
    {
      accountId: account.accountId,
      secretId: account.secretId,
      name: account.name,
      ...(ctx.apiBase ? { apiBase: ctx.apiBase } : {}),
    },
  );
  const count = <T>(r: Result<T>): Result<T> => {
    calls.n = stripe.calls.httpsCalls;
    return r;
  };

  if (plan.kind === "stored") {
    const id = plan.stripeCustomerId;
    if (ctx.dryRun) {
      // A GET instead of the update: a stale ID is still found out.
      const read = count(
        stripe.request<{ id: string; created?: number }>("GET", `/v1/customers/${encodeURIComponent(id)}`),
      );
      if (!read.ok) {
        if (read.errors.some((e) => e.code === "STRIPE_NOT_FOUND")) {
          return { ok: false, errors: [staleStripeId(lookup, id)] };
        }
        return read;
      }
      return {
        ok: true,
        outcome: "updated",
        stripeCustomerId: id,
        fingerprint: print,
        changes: plannedChanges(params, read.value),
      };
    }
    const updated = count(
      stripe.request<{ id: string; created?: number }>(
        "POST",
        `/v1/customers/${encodeURIComponent(id)}`,
        params,
      ),
    );
    if (!updated.ok) {
      if (updated.errors.some((e) => e.code === "STRIPE_NOT_FOUND")) {
        return { ok: false, errors: [staleStripeId(lookup, id)] };
      }
      return updated;
    }
    return {
      ok: true,
      outcome: "updated",
      stripeCustomerId: updated.value.id,
      fingerprint: print,
      ...createdOf(updated.value),
    };
  }

  const { method, path, params: findParams } = plan.request;
  const found = count(stripe.request<{ data: StripeCustomerMatch[] }>(method, path, findParams));
  if (!found.ok) return found;
  const resolved = resolveMatches(lookup, found.value.data ?? []);
  if (!resolved.ok) return resolved;

  if (resolved.value.kind === "link") {
    // Linking sends the mapped fields too: the Stripe customer then names its NetSuite customer.
    const id = resolved.value.stripeCustomerId;
    if (ctx.dryRun) {
      const match = (found.value.data ?? []).find((m) => m.id === id);
      return {
        ok: true,
        outcome: "linked",
        stripeCustomerId: id,
        fingerprint: print,
        changes: plannedChanges(params, match ?? {}),
      };
    }
    const updated = count(
      stripe.request<{ id: string; created?: number }>(
        "POST",
        `/v1/customers/${encodeURIComponent(id)}`,
        params,
      ),
    );
    if (!updated.ok) return updated;
    return {
      ok: true,
      outcome: "linked",
      stripeCustomerId: updated.value.id,
      fingerprint: print,
      ...createdOf(updated.value),
    };
  }

  const key = createIdempotencyKey({
    accountId: account.recordId ?? account.accountId,
    customerId: ctx.customerId,
    subsidiaryId: ctx.target.subsidiaryId,
    generation: link?.generation ?? 0,
  });
  if (!key.ok) return key;
  if (ctx.dryRun) {
    return {
      ok: true,
      outcome: "created",
      stripeCustomerId: "",
      fingerprint: print,
      changes: plannedChanges(params, undefined),
    };
  }
  const created = count(
    stripe.request<{ id: string; created?: number }>("POST", "/v1/customers", params, {
      idempotencyKey: key.value,
    }),
  );
  if (!created.ok) return created;
  return {
    ok: true,
    outcome: "created",
    stripeCustomerId: created.value.id,
    fingerprint: print,
    ...createdOf(created.value),
  };
}
