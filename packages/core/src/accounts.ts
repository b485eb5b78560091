/**
 * Which Stripe accounts a customer is synced to. An account record serves the customers whose
 * identifier field holds its identifier value: by default the subsidiary, so each of a customer's
 * subsidiaries may be served by its own Stripe account. One Stripe account is synced once per
 * customer even when it serves several of the customer's subsidiaries, else it would get duplicates.
 */
import type { StripeAccountConfig } from "./config.js";
import { fail, ok, type Result } from "./result.js";

/** The customer facts account selection needs. */
export interface AccountCustomer {
  /** NetSuite internal ID of the customer. */
  id: string;
  /** Internal ID of the customer's primary subsidiary; blank in an account without OneWorld. */
  primarySubsidiary: string;
  /** Internal IDs of all its subsidiaries (multi-subsidiary customers); may omit the primary. */
  subsidiaries: string[];
  /** Values of other identifier fields, keyed by field ID, for accounts not chosen by subsidiary. */
  fields?: Record<string, string>;
}

/** `primary`: the button and the create trigger; `all`: the mass sync, every subsidiary. */
export type AccountScope = "primary" | "all";

/** One Stripe account to sync the customer to, and the subsidiary the link is kept for. */
export interface SyncTarget {
  account: StripeAccountConfig;
  subsidiaryId: string;
}

/** The targets to sync, and the customer's subsidiaries in scope that no account serves. */
export interface AccountSelection {
  targets: SyncTarget[];
  unserved: string[];
}

function servesSubsidiary(account: StripeAccountConfig, subsidiaryId: string): boolean {
  return account.identifierField === "subsidiary" && account.identifierValue === subsidiaryId;
}

function servesByField(account: StripeAccountConfig, customer: AccountCustomer): boolean {
  if (account.identifierField === "subsidiary") return false;
  const value = customer.fields?.[account.identifierField];
  return value !== undefined && value.trim() === account.identifierValue;
}

/**
 * The Stripe accounts serving a customer in the given scope, one target per Stripe account (its
 * primary subsidiary preferred). With scope `primary`, no account for the primary subsidiary is an
 * error naming the account record to create.
 */
export function accountsForCustomer(
  accounts: readonly StripeAccountConfig[],
  customer: AccountCustomer,
  scope: AccountScope,
): Result<AccountSelection> {
  const primary = customer.primarySubsidiary.trim();
  // No primary subsidiary: an account without OneWorld, where "" stands for every customer.
  const inScope =
    scope === "primary" || primary === ""
      ? [primary]
      : unique([primary, ...customer.subsidiaries.map((s) => s.trim())]);
  const targets: SyncTarget[] = [];
  const taken = new Set<string>();
  const add = (account: StripeAccountConfig, subsidiaryId: string): void => {
    if (taken.has(account.accountId)) return;
    taken.add(account.accountId);
    targets.push({ account, subsidiaryId });
  };

  // An account chosen by another field serves the customer as a whole: its link is kept for the primary.
  for (const account of accounts) if (servesByField(account, customer)) add(account, primary);
  const unserved: string[] = [];
  for (const subsidiaryId of inScope) {
    const serving = accounts.filter((a) => servesSubsidiary(a, subsidiaryId));
    for (const account of serving) add(account, subsidiaryId);
    const servedByField = subsidiaryId === primary && targets.some((t) => t.subsidiaryId === primary);
    if (serving.length === 0 && !servedByField) unserved.push(subsidiaryId);
  }

  if (scope === "primary" && targets.length === 0 && primary === "") {
    return fail({
      code: "ACCOUNT_NOT_FOUND",
      message: `No Stripe account record serves customer ${customer.id} (this NetSuite account has no subsidiaries).`,
      fix: "Create a Stripe account record with identifier field subsidiary and a blank identifier value: it serves every customer.",
      field: "subsidiary",
      record: `customer ${customer.id}`,
    });
  }
  if (scope === "primary" && targets.length === 0) {
    const otherFields = unique(accounts.map((a) => a.identifierField).filter((f) => f !== "subsidiary"));
    const orField =
      otherFields.length > 0
        ? `, or fill in ${otherFields.join(" or ")} on the customer with an account's identifier value`
        : "";
    return fail({
      code: "ACCOUNT_NOT_FOUND",
      message: `No Stripe account record serves customer ${customer.id}'s primary subsidiary ${primary}.`,
      fix: `Create a Stripe account record with identifier field "subsidiary" and identifier value ${primary}${orField}.`,
      field: "subsidiary",
      record: `customer ${customer.id}`,
    });
  }
  return ok({ targets, unserved });
}

function unique(values: readonly string[]): string[] {
  return values.filter((v, i) => v !== "" && values.indexOf(v) === i);
}
