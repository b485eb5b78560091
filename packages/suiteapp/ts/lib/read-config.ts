/**
 * Reads the configuration record and the Stripe account records and checks them with core's
 * `validateConfig`. Two searches (20 units): one for the configuration, one for the accounts.
 */
import * as search from "N/search";
import { type Result, type SyncConfig, validateConfig } from "@nss/core";
import { CONFIG_RECORD, STRIPE_ACCOUNT_RECORD } from "./ids.js";

/** The checked configuration, and the API base of each account record that sets one (tests only). */
export interface LoadedConfig {
  config: SyncConfig;
  /** Account record internal ID → Stripe API base; absent means https://api.stripe.com. */
  apiBases: Record<string, string>;
}

const text = (value: unknown): string =>
  typeof value === "string" ? value : value == null ? "" : String(value);

export function readConfig(): Result<LoadedConfig> {
  const c = CONFIG_RECORD.fields;
  const configRows = search
    .create({
      type: CONFIG_RECORD.type,
      filters: [["isinactive", "is", "F"]],
      columns: [
        search.createColumn({ name: "internalid", sort: search.Sort.ASC }),
        ...Object.values(c).map((name) => search.createColumn({ name })),
      ],
    })
    .run()
    .getRange({ start: 0, end: 1 });
  const row = configRows[0];
  if (row === undefined) {
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

  const a = STRIPE_ACCOUNT_RECORD.fields;
  const accountRows = search
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
  const accounts = accountRows.map((r) => {
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

  const checked = validateConfig({
    accounts,
    stripeIdField: row.getValue({ name: c.stripeIdField }),
    syncField: row.getValue({ name: c.syncField }),
    searches: {
      singleSync: row.getValue({ name: c.singleSyncSearch }),
      massSync: row.getValue({ name: c.massSyncSearch }),
      defaultPaymentMethod: row.getValue({ name: c.defaultPaymentMethodSearch }),
    },
    autoSyncOnCreate: row.getValue({ name: c.autoSyncOnCreate }),
    webhookEnabled: row.getValue({ name: c.webhookEnabled }),
    portalReturnUrl: row.getValue({ name: c.portalReturnUrl }),
  });
  if (!checked.ok) return checked;
  return { ok: true, value: { config: checked.value, apiBases } };
}
