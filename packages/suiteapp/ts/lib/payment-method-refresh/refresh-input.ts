/**
 * The daily refresh's getInputData (nss_paymethod_mr.ts): the configured default payment method saved search
 * with the customer fields the refresh compares (subsidiary with OneWorld, the accounts' identifier fields,
 * custentity_nss_default_pm, _pm_id and custentity_nss_last_error) in pages of 1,000, and every link record
 * at once (lib/records/customer-link-index.ts). Each customer's primary target (core's
 * `accountsForCustomer(…, "primary")`, as the refresh of one customer picks it) and its link decide:
 *
 * - no Stripe account serves it, or no link (or a blank Stripe ID): counted "not linked", not mapped;
 * - a link with Stripe's `created`: into that account's windows of `created` (created-windows.ts),
 *   one map key per window, carrying what NetSuite shows for each Stripe ID;
 * - a link without it (made before links stored it), a Stripe ID linked twice in one account, or
 *   accounts core cannot choose: a key of its own, refreshed alone in reduce (which reports the last).
 */
import * as search from "N/search";
import type { Result, SyncConfig } from "@nss/core";
import { hasSubsidiaries } from "../configuration/account-features.js";
import { loadConfiguredSearch } from "../configuration/configured-searches.js";
import { customerState, selectTargets } from "../customer-sync/sync-prepare.js";
import { linkKey, readLinks } from "../records/customer-link-index.js";
import { text } from "../records/field-values.js";
import { CUSTOMER_FIELDS } from "../records/object-ids.js";
import { cutWindows } from "./created-windows.js";
import { ERROR_PREFIX, type KnownLink, type RefreshAccounts } from "./refresh-customer.js";

/** What NetSuite shows of one linked customer, as getInputData read it. */
export interface Shown {
  customerId: string;
  /** custentity_nss_default_pm and custentity_nss_default_pm_id as stored. */
  summary: string;
  pmId: string;
  /** The customer's last error is the refresh's own: a write is due to clear it even when nothing changed. */
  staleError: boolean;
  link: KnownLink;
}

/** A map key's value: one Stripe account's linked customers created in `[gte, lt)`. */
export interface WindowInput {
  run: RefreshAccounts;
  accountRecordId: string;
  gte: number;
  /** Absent for the account's newest window. */
  lt?: number;
  /** Stripe customer ID → the NetSuite customer linked to it. */
  customers: Record<string, Shown>;
}

/**
 * Why one customer is refreshed alone: its listing showed a change; its Stripe ID was not in its
 * window's listing (deleted in Stripe, or the stored `created` is wrong); its link has no `created`;
 * or getInputData could not place it (`check`: the refresh of one customer finds out and reports).
 */
export type SingleWhy = "changed" | "missing" | "uncreated" | "check";

/** A reduce key's value: one customer to refresh alone. */
export interface SingleInput {
  why: SingleWhy;
  run: RefreshAccounts;
  /** What getInputData read (not for `check`). */
  shown?: Shown;
  /** What the listing said, for `changed`. */
  listed?: { summary: string; id: string };
}

/** What getInputData counted. */
export interface InputTally {
  customers: number;
  notLinked: number;
  windows: number;
  singles: number;
}

export interface RefreshInput {
  /** `w:<account record>:<gte>` → WindowInput, `c:<customer>` → SingleInput (JSON). */
  items: Record<string, string>;
  tally: InputTally;
}

export const WINDOW_PREFIX = "w:";
export const SINGLE_PREFIX = "c:";

/** The search's customers, each with the fields the refresh reads (the first row of a customer counts). */
function readCustomers(
  config: SyncConfig,
  searchId: string,
): Result<Map<string, (field: string) => unknown>> {
  const loaded = loadConfiguredSearch("defaultPaymentMethod", searchId);
  if (!loaded.ok) return loaded;
  const selection = loaded.value;
  const identifiers = config.accounts.map((a) => a.identifierField).filter((f) => f !== "subsidiary");
  const f = CUSTOMER_FIELDS;
  const names = Array.from(
    new Set([
      // Without OneWorld a customer has no subsidiary field: naming it would fail the search.
      ...(hasSubsidiaries() ? ["subsidiary"] : []),
      ...identifiers,
      f.defaultPaymentMethod,
      f.defaultPaymentMethodId,
      f.lastError,
    ]),
  );
  const columns = new Map(names.map((name) => [name, search.createColumn({ name })]));
  // The search chooses the customers; its own columns are for people (and its order no longer matters).
  selection.columns = [...columns.values()];
  const customers = new Map<string, (field: string) => unknown>();
  const paged = selection.runPaged({ pageSize: 1000 });
  for (const range of paged.pageRanges) {
    for (const row of paged.fetch({ index: range.index }).data) {
      const id = String(row.id);
      if (customers.has(id)) continue;
      const values: Record<string, unknown> = {};
      for (const [name, column] of columns) values[name] = row.getValue(column);
      customers.set(id, (field) => values[field] ?? "");
    }
  }
  return { ok: true, value: customers };
}

export function readRefreshInput(config: SyncConfig, apiBases: Record<string, string>): Result<RefreshInput> {
  const customers = readCustomers(config, config.searches.defaultPaymentMethod);
  if (!customers.ok) return customers;
  const links = readLinks();
  const run: RefreshAccounts = { accounts: config.accounts, apiBases };
  const identifiers = config.accounts.map((a) => a.identifierField).filter((f) => f !== "subsidiary");
  const f = CUSTOMER_FIELDS;
  const tally: InputTally = { customers: customers.value.size, notLinked: 0, windows: 0, singles: 0 };
  const items: Record<string, string> = {};
  const single = (customerId: string, value: SingleInput) => {
    items[`${SINGLE_PREFIX}${customerId}`] = JSON.stringify(value);
    tally.singles++;
  };
  /** Account record ID → its linked customers with a `created`, and the Stripe IDs taken. */
  const byAccount = new Map<string, { shown: Shown[]; stripeIds: Set<string> }>();

  for (const [customerId, get] of customers.value) {
    const state = customerState(config, identifiers, get);
    const targets = selectTargets(config, customerId, state, "primary");
    if (!targets.ok) {
      single(customerId, { why: "check", run });
      continue;
    }
    const target = targets.value[0]?.target;
    if (target === undefined) {
      tally.notLinked++;
      continue;
    }
    const accountRecordId = target.account.recordId ?? "";
    const found = links.get(linkKey(accountRecordId, customerId, target.subsidiaryId));
    if (found === undefined || found.stripeId === "") {
      tally.notLinked++;
      continue;
    }
    const lastError = text(get(f.lastError));
    const shown: Shown = {
      customerId,
      summary: text(get(f.defaultPaymentMethod)),
      pmId: text(get(f.defaultPaymentMethodId)),
      staleError: lastError.startsWith(ERROR_PREFIX),
      link: {
        id: found.id,
        stripeId: found.stripeId,
        stripeCreated: found.stripeCreated,
        accountRecordId,
        subsidiaryId: target.subsidiaryId,
      },
    };
    if (found.stripeCreated <= 0) {
      single(customerId, { why: "uncreated", run, shown });
      continue;
    }
    let account = byAccount.get(accountRecordId);
    if (account === undefined) {
      account = { shown: [], stripeIds: new Set() };
      byAccount.set(accountRecordId, account);
    }
    // Two customers on one Stripe customer (links made before the sync refused it): each alone.
    if (account.stripeIds.has(found.stripeId)) {
      single(customerId, { why: "check", run, shown });
      continue;
    }
    account.stripeIds.add(found.stripeId);
    account.shown.push(shown);
  }

  for (const [accountRecordId, { shown }] of byAccount) {
    for (const window of cutWindows(shown, (s) => s.link.stripeCreated)) {
      const customersOfWindow: Record<string, Shown> = {};
      for (const s of window.items) customersOfWindow[s.link.stripeId] = s;
      const value: WindowInput = {
        run,
        accountRecordId,
        gte: window.gte,
        ...(window.lt !== undefined ? { lt: window.lt } : {}),
        customers: customersOfWindow,
      };
      items[`${WINDOW_PREFIX}${accountRecordId}:${window.gte}`] = JSON.stringify(value);
      tally.windows++;
    }
  }
  return { ok: true, value: { items, tally } };
}
