/**
 * The default payment method of one customer, read from Stripe and written on the customer only when it
 * changed. Two callers: the webhook (lib/webhooks/forwarded-event.ts), for the customer an event names, and
 * the daily refresh's reduce (nss_paymethod_mr.ts), for the customers whose listing in Stripe showed a change
 * (or that it could not list). The Stripe customer is the one of the link record of the customer's primary
 * subsidiary's Stripe account (core's `accountsForCustomer(…, "primary")`): the same account whose Stripe ID
 * the customer's own field holds. A customer linked in other accounts too shows the primary account's payment
 * method only.
 *
 * Two refreshes of one customer may overlap (the daily run and a webhook, or two webhooks): the one
 * that read Stripe first must not write last. So the customer is loaded before Stripe is read and saved
 * with NetSuite's optimistic locking: a save after another write of the customer fails with
 * RCRD_HAS_BEEN_CHANGED, and the refresh starts again with a fresh load and a fresh read (MAX_ATTEMPTS).
 * That is also why the daily refresh reads the customer again here rather than writing what its listing
 * saw: the listing was read before this load, so a webhook's newer write in between would not conflict.
 *
 * A caller that has read the link already (the daily refresh reads every link at once) hands it over,
 * which saves a link search per customer. A failure writes a sync log row and, when it is news, the
 * customer's last error.
 */
import * as https from "N/https";
import * as log from "N/log";
import * as record from "N/record";
import * as runtime from "N/runtime";
import {
  accountsForCustomer,
  describeIssues,
  describeIssuesForRecord,
  STORED_ISSUES_MAX_LENGTH,
  type StripeAccountConfig,
  type SyncIssue,
  summarizePaymentMethod,
} from "@nss/core";
import { hasSubsidiaries } from "../configuration/account-features.js";
import { thrownIssue } from "../customer-sync/sync-customer.js";
import { findLink } from "../records/customer-links.js";
import { text } from "../records/field-values.js";
import { CUSTOMER_FIELDS, LINK_RECORD, RUN_KINDS } from "../records/object-ids.js";
import { writeSyncLog } from "../records/sync-log.js";
import { createStripeClient } from "../stripe/stripe-client.js";

/** What getInputData hands each map invocation: the accounts read once for the run. */
export interface RefreshAccounts {
  accounts: StripeAccountConfig[];
  apiBases: Record<string, string>;
}

/** A link the caller has read already (the daily refresh reads every link at once). */
export interface KnownLink {
  id: string;
  stripeId: string;
  /** The Stripe customer's `created` as the link stores it; 0 when it does not. */
  stripeCreated: number;
  accountRecordId: string;
  subsidiaryId: string;
}

export interface RefreshOptions {
  /** Used instead of a link search when it is the link of the account and subsidiary the customer's target has. */
  link?: KnownLink;
  /** Writes the Stripe customer's `created` on the link when the link holds another value (or none). */
  recordCreated?: boolean;
  /**
   * A webhook's Stripe customer, used instead of a link search: it is the customer's only when the
   * customer's Stripe ID field (`stripeIdField`) holds it; otherwise the refresh ends `unlinked`.
   */
  event?: { stripeId: string; stripeIdField: string };
}

export type RefreshOutcome = "refreshed" | "unchanged" | "cleared" | "unlinked" | "failed";

export interface RefreshResult {
  outcome: RefreshOutcome;
  message: string;
  stripeCalls: number;
  /** Whether the customer record was written. */
  wrote: boolean;
}

export const RUN_KIND = RUN_KINDS.paymentMethodRefresh;
/** Prefix of the customer's last error when the refresh wrote it, so a later success clears it. */
export const ERROR_PREFIX = "Default payment method refresh: ";

export interface StripeCustomer {
  id?: string;
  deleted?: boolean;
  /** Unix seconds; a deleted customer has none. */
  created?: number;
  invoice_settings?: { default_payment_method?: unknown } | null;
}

/** The summary and ID to show: blank for no default or a deleted Stripe customer. */
export function shown(customer: StripeCustomer): { summary: string; id: string } | { errors: SyncIssue[] } {
  if (customer.deleted === true) return { summary: "", id: "" };
  const pm = customer.invoice_settings?.default_payment_method ?? null;
  const summary = summarizePaymentMethod(pm);
  if (!summary.ok) return { errors: summary.errors };
  const id = pm !== null && typeof pm === "object" ? text((pm as { id?: unknown }).id) : "";
  return { summary: summary.value ?? "", id };
}

/** Attempts of one refresh when other writes of the customer keep overlapping it. */
const MAX_ATTEMPTS = 3;

const changedUnderneath = (e: unknown): boolean =>
  String((e as { name?: unknown } | null)?.name ?? "") === "RCRD_HAS_BEEN_CHANGED";

/** What an attempt learnt of the link, for `recordCreated`. */
export interface LinkSeen {
  linkId?: string;
  storedCreated?: number;
  /** The Stripe customer's `created` as Stripe answered it (a live customer only). */
  created?: number;
}

export function refreshCustomer(
  customerId: string,
  run: RefreshAccounts,
  options: RefreshOptions = {},
): RefreshResult {
  let stripeCalls = 0;
  for (let attempt = 1; ; attempt++) {
    const seen: LinkSeen = {};
    const result = refreshOnce(customerId, run, attempt < MAX_ATTEMPTS, options, seen);
    stripeCalls += result.stripeCalls;
    if ("again" in result) continue;
    if (options.recordCreated) recordCreated(seen);
    return { ...result, stripeCalls };
  }
}

/**
 * Writes Stripe's `created` on the link when the link holds another value, so that the next
 * daily refresh lists the customer in its window. A failure here is logged, never the refresh's.
 */
export function recordCreated(seen: LinkSeen): void {
  const { linkId, created } = seen;
  if (!linkId || !created || created <= 0 || created === seen.storedCreated) return;
  try {
    record.submitFields({
      type: LINK_RECORD.type,
      id: linkId,
      values: { [LINK_RECORD.fields.stripeCreated]: String(created) },
    });
  } catch (e) {
    log.error({ title: `Could not record Stripe's created on link ${linkId}`, details: String(e) });
  }
}

/**
 * One attempt; `again` when the customer was written between its load and its save and another attempt
 * may follow (the last attempt fails instead).
 */
function refreshOnce(
  customerId: string,
  run: RefreshAccounts,
  mayRetry: boolean,
  options: RefreshOptions,
  seen: LinkSeen,
): RefreshResult | { again: true; stripeCalls: number } {
  let stripeCalls = 0;
  let lastError = "";
  let accountRecordId: string | undefined;
  const fail = (issues: readonly SyncIssue[]): RefreshResult => {
    const message = describeIssues(issues);
    // The customer's last error in core's stored format (message, fix and code per issue), after the prefix.
    const error = `${ERROR_PREFIX}${describeIssuesForRecord(issues, STORED_ISSUES_MAX_LENGTH - ERROR_PREFIX.length)}`;
    let wrote = false;
    try {
      writeSyncLog({ kind: RUN_KIND, customerId, outcome: "failed", message, accountRecordId });
      if (error !== lastError) {
        record.submitFields({
          type: record.Type.CUSTOMER,
          id: customerId,
          values: { [CUSTOMER_FIELDS.lastError]: error },
          options: { enableSourcing: false, ignoreMandatoryFields: true },
        });
        wrote = true;
      }
    } catch (e) {
      log.error({ title: `Could not record the refresh of customer ${customerId}`, details: String(e) });
    }
    return { outcome: "failed", message, stripeCalls, wrote };
  };

  try {
    const otherFields = run.accounts.map((a) => a.identifierField).filter((f) => f !== "subsidiary");
    const f = CUSTOMER_FIELDS;
    const columns = Array.from(
      new Set([
        ...(hasSubsidiaries() ? ["subsidiary"] : []),
        f.defaultPaymentMethod,
        f.defaultPaymentMethodId,
        f.lastError,
        ...otherFields,
      ]),
    );
    const customer = record.load({ type: record.Type.CUSTOMER, id: customerId });
    const values: Record<string, unknown> = {};
    for (const column of columns) values[column] = customer.getValue({ fieldId: column });
    lastError = text(values[f.lastError]);
    const fields: Record<string, string> = {};
    for (const name of otherFields) fields[name] = text(values[name]);
    const primarySubsidiary = text(values.subsidiary);
    const selection = accountsForCustomer(
      run.accounts,
      { id: customerId, primarySubsidiary, subsidiaries: [], fields },
      "primary",
    );
    // A webhook names one account: one that does not serve the customer's primary subsidiary is no
    // failure of the customer's, only an event for another display than NetSuite's.
    if (!selection.ok && options.event) {
      return {
        outcome: "unlinked",
        message: "This Stripe account does not serve the customer.",
        stripeCalls,
        wrote: false,
      };
    }
    if (!selection.ok) return fail(selection.errors);
    const target = selection.value.targets[0];
    if (target === undefined) {
      return {
        outcome: "unlinked",
        message: "No Stripe account serves the customer.",
        stripeCalls,
        wrote: false,
      };
    }
    const account = target.account;
    accountRecordId = account.recordId;
    const known = options.link;
    const event = options.event;
    if (
      event !== undefined &&
      text(customer.getValue({ fieldId: event.stripeIdField })).trim() !== event.stripeId
    ) {
      return {
        outcome: "unlinked",
        message: `Stripe customer ${event.stripeId} is not the one customer ${customerId} is linked to in Stripe account "${account.name}".`,
        stripeCalls,
        wrote: false,
      };
    }
    const link =
      event !== undefined
        ? { id: "", stripeId: event.stripeId, stripeCreated: 0 }
        : known !== undefined &&
            known.accountRecordId === (account.recordId ?? "") &&
            known.subsidiaryId === target.subsidiaryId
          ? known
          : findLink(customerId, account.recordId ?? "", target.subsidiaryId);
    if (link === undefined || link.stripeId === "") {
      return {
        outcome: "unlinked",
        message: `Not linked in Stripe account "${account.name}": sync the customer first.`,
        stripeCalls,
        wrote: false,
      };
    }

    const apiBase = account.recordId ? run.apiBases[account.recordId] : undefined;
    const stripe = createStripeClient(
      { https, log, runtime },
      {
        accountId: account.accountId,
        secretId: account.secretId,
        name: account.name,
        ...(apiBase ? { apiBase } : {}),
      },
    );
    // One call: the customer with its default payment method expanded (brand, last4, expiry).
    const read = stripe.request<StripeCustomer>("GET", `/v1/customers/${encodeURIComponent(link.stripeId)}`, {
      expand: ["invoice_settings.default_payment_method"],
    });
    stripeCalls = stripe.calls.httpsCalls;
    if (!read.ok) return fail(read.errors);
    seen.linkId = link.id;
    seen.storedCreated = link.stripeCreated;
    if (read.value.deleted !== true && typeof read.value.created === "number")
      seen.created = read.value.created;
    const now = shown(read.value);
    if ("errors" in now) return fail(now.errors);

    const before = {
      summary: text(values[f.defaultPaymentMethod]),
      id: text(values[f.defaultPaymentMethodId]),
    };
    const staleError = lastError.startsWith(ERROR_PREFIX);
    const where = `Stripe customer ${link.stripeId} in Stripe account "${account.name}"`;
    if (before.summary === now.summary && before.id === now.id && !staleError) {
      return {
        outcome: "unchanged",
        message: `Unchanged: ${now.summary || "no default"} (${where}).`,
        stripeCalls,
        wrote: false,
      };
    }
    const changed = before.summary !== now.summary || before.id !== now.id;
    customer.setValue({ fieldId: f.defaultPaymentMethod, value: now.summary });
    customer.setValue({ fieldId: f.defaultPaymentMethodId, value: now.id });
    if (changed) customer.setValue({ fieldId: f.defaultPaymentMethodRead, value: new Date() });
    if (staleError) customer.setValue({ fieldId: f.lastError, value: "" });
    try {
      customer.save({ enableSourcing: false, ignoreMandatoryFields: true });
    } catch (e) {
      // Written since our load: what we read from Stripe may be older than what was written.
      if (changedUnderneath(e) && mayRetry) return { again: true, stripeCalls };
      throw e;
    }
    if (!changed)
      return {
        outcome: "unchanged",
        message: `Unchanged: ${now.summary || "no default"} (${where}).`,
        stripeCalls,
        wrote: true,
      };
    return now.summary === ""
      ? {
          outcome: "cleared",
          message: `Cleared: ${read.value.deleted === true ? "the Stripe customer was deleted" : "no default payment method"} (${where}).`,
          stripeCalls,
          wrote: true,
        }
      : { outcome: "refreshed", message: `Refreshed: ${now.summary} (${where}).`, stripeCalls, wrote: true };
  } catch (e) {
    return fail([thrownIssue(e, customerId)]);
  }
}
