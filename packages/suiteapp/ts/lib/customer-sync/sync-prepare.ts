/**
 * What a sync of one customer starts from, gathered before anything is sent: the settings, the
 * customer's own fields, its mapped columns, and per Stripe account the target and its link. The button
 * and the create trigger read it for one customer (`prepareOne`: the configuration, one lookupFields,
 * the single-sync search, a link search per account); the mass sync reads it for every customer at
 * once in getInputData (mass-sync-input.ts) and hands each changed customer's to map.
 */
import * as search from "N/search";
import {
  type AccountScope,
  accountsForCustomer,
  type ColumnValue,
  type Result,
  type SyncConfig,
  type SyncIssue,
  type SyncTarget,
} from "@nss/core";
import { hasSubsidiaries } from "../configuration/account-features.js";
import { type LoadedConfig, readConfig } from "../configuration/read-config.js";
import { findLink, type LinkRow } from "../records/customer-links.js";
import { text } from "../records/field-values.js";
import { CUSTOMER_FIELDS } from "../records/object-ids.js";
import { runSingleSyncSearch } from "./mapped-columns.js";
import type { CustomerFacts, SyncSettings } from "./sync-target.js";

/** The customer's own fields the sync reads and may write back. */
export interface CustomerState extends CustomerFacts {
  portalLink: string;
  syncStatus: string;
  lastError: string;
}

export interface PreparedTarget {
  target: SyncTarget;
  /** The customer's Stripe ID field belongs to this target (its primary subsidiary's account). */
  primary: boolean;
  link?: LinkRow;
}

export interface PreparedSync {
  settings: SyncSettings;
  customer: CustomerState;
  columns: ColumnValue[];
  targets: PreparedTarget[];
  /** Account record internal ID → Stripe API base, for the targets' accounts that set one (tests). */
  apiBases: Record<string, string>;
  /** Why the customer cannot be synced, found while preparing (its accounts could not be chosen). */
  issues?: SyncIssue[];
}

/** The customer fields the sync reads: subsidiary (OneWorld), Stripe ID, sync field, identifiers, its own. */
export function customerColumns(config: SyncConfig): { columns: string[]; identifiers: string[] } {
  const identifiers = config.accounts.map((a) => a.identifierField).filter((f) => f !== "subsidiary");
  const columns = Array.from(
    new Set([
      // Without OneWorld a customer has no subsidiary field: naming it would fail the read.
      ...(hasSubsidiaries() ? ["subsidiary"] : []),
      config.stripeIdField,
      config.syncField,
      CUSTOMER_FIELDS.portalLink,
      CUSTOMER_FIELDS.syncStatus,
      CUSTOMER_FIELDS.lastError,
      ...identifiers,
    ]),
  );
  return { columns, identifiers };
}

/** The customer's state from any getter of its field values (lookupFields or a search row). */
export function customerState(
  config: SyncConfig,
  identifiers: readonly string[],
  get: (field: string) => unknown,
): CustomerState {
  const fields: Record<string, string> = {};
  for (const f of identifiers) fields[f] = text(get(f));
  return {
    primarySubsidiary: hasSubsidiaries() ? text(get("subsidiary")) : "",
    storedStripeId: text(get(config.stripeIdField)).trim(),
    syncValue: text(get(config.syncField)).trim(),
    fields,
    portalLink: text(get(CUSTOMER_FIELDS.portalLink)).trim(),
    syncStatus: text(get(CUSTOMER_FIELDS.syncStatus)).trim(),
    lastError: text(get(CUSTOMER_FIELDS.lastError)),
  };
}

/** The targets of the scope, the first one of the primary subsidiary marked primary. */
export function selectTargets(
  config: SyncConfig,
  customerId: string,
  customer: CustomerState,
  scope: AccountScope,
  subsidiaries: readonly string[] = [],
): Result<PreparedTarget[]> {
  const selection = accountsForCustomer(
    config.accounts,
    {
      id: customerId,
      primarySubsidiary: customer.primarySubsidiary,
      subsidiaries: [...subsidiaries],
      fields: customer.fields,
    },
    scope,
  );
  if (!selection.ok) return selection;
  let primaryTaken = false;
  return {
    ok: true,
    value: selection.value.targets.map((target) => {
      const primary = !primaryTaken && target.subsidiaryId === customer.primarySubsidiary;
      if (primary) primaryTaken = true;
      return { target, primary };
    }),
  };
}

/** The API bases of the targets' accounts (only those that set one). */
export function targetApiBases(
  targets: readonly PreparedTarget[],
  all: Record<string, string>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { target } of targets) {
    const id = target.account.recordId;
    if (id && all[id]) out[id] = all[id];
  }
  return out;
}

/**
 * One customer for the button or the create trigger (primary subsidiary only). A configuration that
 * fails its check comes back as its issues; so does a customer the single-sync search leaves out.
 * `preread` is the configuration when the caller has read it already.
 */
export function prepareOne(
  customerId: string,
  preread?: Result<LoadedConfig>,
): { config?: SyncConfig; prepared: Result<PreparedSync> } {
  const loaded = preread ?? readConfig();
  if (!loaded.ok) return { prepared: loaded };
  const { config, apiBases } = loaded.value;
  const { columns, identifiers } = customerColumns(config);
  const values = search.lookupFields({ type: search.Type.CUSTOMER, id: customerId, columns }) as Record<
    string,
    unknown
  >;
  const customer = customerState(config, identifiers, (f) => values[f]);
  const targets = selectTargets(config, customerId, customer, "primary");
  if (!targets.ok) return { config, prepared: targets };
  const settings = { stripeIdField: config.stripeIdField, syncField: config.syncField };
  const empty = { settings, customer, columns: [], targets: [], apiBases: {} };
  if (targets.value.length === 0) return { config, prepared: { ok: true, value: empty } };
  const mapped = runSingleSyncSearch(config.searches.singleSync, customerId);
  if (!mapped.ok) return { config, prepared: mapped };
  for (const t of targets.value) {
    const link = findLink(customerId, t.target.account.recordId ?? "", t.target.subsidiaryId);
    if (link) t.link = link;
  }
  return {
    config,
    prepared: {
      ok: true,
      value: {
        ...empty,
        columns: mapped.value,
        targets: targets.value,
        apiBases: targetApiBases(targets.value, apiBases),
      },
    },
  };
}
