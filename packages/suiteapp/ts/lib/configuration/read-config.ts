/**
 * Reads the configuration record and the Stripe account records and checks them with core's
 * `validateConfig`. Two searches: one for the configuration, one for the accounts. The
 * readers are split so that the configuration check (`config-check.ts`) can validate a record being
 * saved, from its own values, against the stored accounts.
 */
import * as search from "N/search";
import {
  type RawConfig,
  type RawStripeAccount,
  type Result,
  type SyncConfig,
  validateConfig,
} from "@nss/core";
import { text } from "../records/field-values.js";
import { CONFIG_RECORD, STRIPE_ACCOUNT_RECORD } from "../records/object-ids.js";
import { hasSubsidiaries } from "./account-features.js";

/** The checked configuration, and the API base of each account record that sets one (tests only). */
export interface LoadedConfig {
  config: SyncConfig;
  /** Account record internal ID → Stripe API base; absent means https://api.stripe.com. */
  apiBases: Record<string, string>;
}

/** The configuration record's own values as core reads them (everything but the accounts). */
export type RawSettings = Omit<RawConfig, "accounts">;

/** The active Stripe account records, as core reads them, with their API bases. */
export interface StoredAccounts {
  accounts: RawStripeAccount[];
  apiBases: Record<string, string>;
}

/** The configuration's settings from any getter of its field values (a search row or a record). */
export function rawSettings(get: (fieldId: string) => unknown): RawSettings {
  const c = CONFIG_RECORD.fields;
  return {
    stripeIdField: get(c.stripeIdField),
    syncField: get(c.syncField),
    searches: {
      singleSync: get(c.singleSyncSearch),
      massSync: get(c.massSyncSearch),
      defaultPaymentMethod: get(c.defaultPaymentMethodSearch),
    },
    autoSyncOnCreate: get(c.autoSyncOnCreate),
    webhookEnabled: get(c.webhookEnabled),
    portalReturnUrl: get(c.portalReturnUrl),
    proxyUrl: get(c.proxyUrl),
    proxySecretId: get(c.proxySecretId),
  };
}

/** The stored configuration's settings (one search), or `undefined` when there is no active record. */
export function readStoredSettings(): RawSettings | undefined {
  const row = search
    .create({
      type: CONFIG_RECORD.type,
      filters: [["isinactive", "is", "F"]],
      columns: [
        search.createColumn({ name: "internalid", sort: search.Sort.ASC }),
        ...Object.values(CONFIG_RECORD.fields).map((name) => search.createColumn({ name })),
      ],
    })
    .run()
    .getRange({ start: 0, end: 1 })[0];
  return row === undefined ? undefined : rawSettings((name) => row.getValue({ name }));
}

/** The active Stripe account records (one search). */
export function readAccounts(): StoredAccounts {
  const a = STRIPE_ACCOUNT_RECORD.fields;
  const rows = search
    .create({
      type: STRIPE_ACCOUNT_RECORD.type,
      filters: [["isinactive", "is", "F"]],
      columns: [
        search.createColumn({ name: "internalid", sort: search.Sort.ASC }),
        search.createColumn({ name: "name" }),
        ...Object.values(a).map((name) => search.createColumn({ name })),
      ],
    })
    .run()
    .getRange({ start: 0, end: 1000 });
  const apiBases: Record<string, string> = {};
  const accounts = rows.map((r) => {
    const base = text(r.getValue({ name: a.apiBase })).trim();
    if (base !== "") apiBases[String(r.id)] = base;
    return {
      recordId: String(r.id),
      name: r.getValue({ name: "name" }),
      accountId: r.getValue({ name: a.accountId }),
      secretId: r.getValue({ name: a.secretId }),
      identifierField: r.getValue({ name: a.identifierField }),
      identifierValue: r.getValue({ name: a.identifierValue }),
    };
  });
  return { accounts, apiBases };
}

export function readConfig(): Result<LoadedConfig> {
  const settings = readStoredSettings();
  if (settings === undefined) {
    return {
      ok: false,
      errors: [
        {
          code: "CONFIG_MISSING",
          message: "There is no NetSuite–Stripe configuration record.",
          fix: "Deploy the SuiteApp again (its installation creates the record), or create a NetSuite–Stripe Configuration record.",
          record: "the NetSuite–Stripe configuration",
        },
      ],
    };
  }
  const { accounts, apiBases } = readAccounts();
  const checked = validateConfig({ ...settings, accounts }, { oneWorld: hasSubsidiaries() });
  if (!checked.ok) return checked;
  return { ok: true, value: { config: checked.value, apiBases } };
}
