/**
 * The default payment method of one customer, read from Stripe and written on the customer only when
 * it changed (nss_paymethod_mr.ts). The Stripe customer is the one of the link record of the
 * customer's primary subsidiary's Stripe account (core's `accountsForCustomer(…, "primary")`): the same
 * account whose Stripe ID the customer's own field holds. A customer linked in other accounts too shows
 * the primary account's payment method only.
 *
 * Two refreshes of one customer may overlap (the daily run and a webhook, or two webhooks): the one
 * that read Stripe first must not write last. So the customer is loaded before Stripe is read and saved
 * with NetSuite's optimistic locking: a save after another write of the customer fails with
 * RCRD_HAS_BEEN_CHANGED, and the refresh starts again with a fresh load and a fresh read (MAX_ATTEMPTS).
 *
 * Units: customer load 5, link search 10, one Stripe call 10 (25 when nothing changed); a save of the
 * customer 10 more; each attempt again after a conflict as much. A failure writes a sync log row (4)
 * and, when it is news, the customer's last error (5).
 */
import * as https from "N/https";
import * as log from "N/log";
import * as record from "N/record";
import * as runtime from "N/runtime";
import {
  accountsForCustomer,
  describeIssues,
  type StripeAccountConfig,
  type SyncIssue,
  summarizePaymentMethod,
} from "@nss/core";
import { hasSubsidiaries } from "./account-features.js";
import { CUSTOMER_FIELDS } from "./ids.js";
import { findLink } from "./links.js";
import { createStripeClient } from "./stripe-client.js";
import { thrownIssue } from "./sync-customer.js";
import { writeSyncLog } from "./sync-log.js";

/** What getInputData hands each map invocation: the accounts read once for the run. */
export interface RefreshAccounts {
  accounts: StripeAccountConfig[];
  apiBases: Record<string, string>;
}

export type RefreshOutcome = "refreshed" | "unchanged" | "cleared" | "unlinked" | "failed";

export interface RefreshResult {
  outcome: RefreshOutcome;
  message: string;
  stripeCalls: number;
  /** Whether the customer record was written. */
  wrote: boolean;
}

export const RUN_KIND = "paymethod";
/** Prefix of the customer's last error when the refresh wrote it, so a later success clears it. */
const ERROR_PREFIX = "Default payment method refresh: ";

const text = (value: unknown): string => {
  if (Array.isArray(value)) return value.length > 0 ? text((value[0] as { value?: unknown }).value) : "";
  return typeof value === "string" ? value : value == null ? "" : String(value);
};

interface StripeCustomer {
  id?: string;
  deleted?: boolean;
  invoice_settings?: { default_payment_method?: unknown } | null;
}

/** The summary and ID to show: blank for no default or a deleted Stripe customer. */
function shown(customer: StripeCustomer): { summary: string; id: string } | { errors: SyncIssue[] } {
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

export function refreshCustomer(customerId: string, run: RefreshAccounts): RefreshResult {
  let stripeCalls = 0;
  for (let attempt = 1; ; attempt++) {
    const result = refreshOnce(customerId, run, attempt < MAX_ATTEMPTS);
    stripeCalls += result.stripeCalls;
    if (!("again" in result)) return { ...result, stripeCalls };
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
): RefreshResult | { again: true; stripeCalls: number } {
  let stripeCalls = 0;
  let lastError = "";
  let accountRecordId: string | undefined;
  const fail = (issues: readonly SyncIssue[]): RefreshResult => {
    const message = describeIssues(issues);
    const error = `${ERROR_PREFIX}${message}`.slice(0, 3900);
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
    const link = findLink(customerId, account.recordId ?? "", target.subsidiaryId);
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
