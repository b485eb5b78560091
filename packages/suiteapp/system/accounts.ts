/**
 * Stripe account records (customrecord_nss_stripe_account): the one place that writes them, as the
 * account's administrator would (so the record's own check runs), and the subsidiaries they serve.
 */
import type { FieldValue, NetSuiteEmulator, RecordData, UserSpec } from "@nss/netsuite-emulator";
import { API_SECRETS, STRIPE_ACCOUNT_RECORD } from "@nss/suiteapp/ids";
import type Stripe from "stripe";
import { ADMIN } from "./records.js";

const FIELDS = STRIPE_ACCOUNT_RECORD.fields;

/** A Stripe account record as the SuiteApp's user fills it in. */
export interface StripeAccountValues {
  /** The record's Name. */
  name: string;
  /** The subsidiary it serves (internal ID; '' in an account without OneWorld). */
  subsidiary: string;
  /** The API secret holding its Stripe key. */
  secretId: string;
  /** Its Stripe account ID, `acct_…`. */
  accountId: string;
  /** The Stripe API base ('' for api.stripe.com; the emulator's URL in tests). */
  apiBase: string;
}

/** The record for `account`; `extra` sets more fields (or other values, for the record's own checks). */
export function stripeAccountRecord(
  account: StripeAccountValues,
  extra: Record<string, FieldValue> = {},
): RecordData {
  return {
    type: STRIPE_ACCOUNT_RECORD.type,
    id: null,
    isDynamic: false,
    values: {
      name: account.name,
      [FIELDS.accountId]: account.accountId,
      [FIELDS.secretId]: account.secretId,
      [FIELDS.identifierField]: "subsidiary",
      [FIELDS.identifierValue]: account.subsidiary,
      [FIELDS.apiBase]: account.apiBase,
      ...extra,
    },
  };
}

/**
 * Saves the record of `account`: a new one, or the one of that name with what changed (a kept
 * account whose ports moved); nothing when nothing changed. Its internal ID.
 */
export async function writeStripeAccount(
  ns: NetSuiteEmulator,
  account: StripeAccountValues,
  user: UserSpec = ADMIN,
): Promise<number> {
  const { values } = stripeAccountRecord(account);
  const found = ns.data.listRecords(STRIPE_ACCOUNT_RECORD.type).find((r) => r.values.name === account.name);
  if (!found) return ns.saveAsUser(stripeAccountRecord(account), { user });
  if (Object.entries(values).every(([k, v]) => (found.values[k] ?? "") === v)) return found.id;
  const stored = ns.data.loadRecord(STRIPE_ACCOUNT_RECORD.type, found.id, false);
  return ns.saveAsUser({ ...stored, values: { ...stored.values, ...values } }, { user });
}

/**
 * The API secret an account's key is kept in unless given: the record's default for the first account,
 * one named after the account for the others (as an administrator adds a second key).
 */
export const defaultSecretId = (index: number, name: string): string =>
  index === 0
    ? API_SECRETS.stripeKey
    : `custsecret_nss_stripe_key_${name.toLowerCase().replace(/[^a-z0-9]+/g, "_")}`;

/** The Stripe account behind a key (GET /v1/account): its `acct_` ID, and proof the key works. */
export async function lookUpAccountId(name: string, stripe: Stripe): Promise<string> {
  try {
    return (await stripe.accounts.retrieveCurrent()).id;
  } catch (error) {
    throw new Error(
      `Stripe account "${name}": the key does not open a Stripe account (${(error as Error).message})`,
    );
  }
}

/** A subsidiary to add to the account, with its currency. */
export interface SubsidiaryDef {
  name: string;
  country: string;
  currency: { name: string; symbol: string };
  /** Its parent's internal ID (default 1, the root). */
  parent?: string;
}

/** The second subsidiary of the two-account systems (the sandbox, the security suite). */
export const EUROPE: SubsidiaryDef = {
  name: "Europe",
  country: "DE",
  currency: { name: "Euro", symbol: "EUR" },
};

/** The accounts of the two-account systems: Main for the root subsidiary, Europe for EUROPE (the second). */
export const MAIN_AND_EUROPE = [
  { name: "Main", subsidiary: "1" },
  { name: "Europe", subsidiary: "2" },
] as const;

/** Adds the subsidiary unless one of that name exists; its internal ID. */
export function seedSubsidiary(ns: NetSuiteEmulator, def: SubsidiaryDef): number {
  const found = ns.data.listRecords("subsidiary").find((s) => s.values.name === def.name);
  if (found) return found.id;
  const currency = ns.data.seedCurrency(def.currency);
  return ns.data.seedSubsidiary({
    name: def.name,
    country: def.country,
    currency: String(currency),
    parent: def.parent ?? "1",
  });
}
