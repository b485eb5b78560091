/**
 * The sync's configuration: what an adapter reads from the configuration record and the Stripe
 * account records, checked and normalised in one pass that reports every problem, so the user can fix
 * the whole record at once. Values arrive as NetSuite gives them: strings (maybe blank), numbers for
 * internal IDs, and checkboxes as 'T'/'F' or booleans.
 */
import { checkbox, checkReturnUrl, type IdRule, type Issues, isObject, reader } from "./config-read.js";
import { METADATA_LIMITS, RESERVED_METADATA_KEYS } from "./labels.js";
import { fail, ok, type Result } from "./result.js";

/** One Stripe account and the customers it serves: those whose `identifierField` equals `identifierValue`. */
export interface StripeAccountConfig {
  /** The account record's name, unique, shown in messages. */
  name: string;
  /** Stripe's account ID, `acct_…`. */
  accountId: string;
  /** Script ID of the NetSuite API secret holding the account's secret key, `custsecret_…`. */
  secretId: string;
  /** Customer field that picks the account: `subsidiary` (default) or any entity field ID. */
  identifierField: string;
  /**
   * The value of `identifierField` this account serves (a subsidiary's internal ID by default). Blank
   * for `subsidiary` in an account without OneWorld: the record then serves every customer.
   */
  identifierValue: string;
  /** Internal ID of the account record, when the adapter gives it, for links and messages. */
  recordId?: string;
}

/** The saved searches the configuration names: a `customsearch…` script ID or a numeric internal ID each. */
export interface SavedSearchConfig {
  /** Columns sent by the Sync to Stripe button and the create trigger. */
  singleSync: string;
  /** Customers and columns for the Map/Reduce mass sync. */
  massSync: string;
  /** Customers whose default payment method the scheduled refresh reads. */
  defaultPaymentMethod: string;
}

/** The validated configuration every script works from. */
export interface SyncConfig {
  accounts: StripeAccountConfig[];
  /** Entity field storing the Stripe customer ID (`custentity…`). */
  stripeIdField: string;
  /** Entity field used to find an existing Stripe customer: `email` or any entity field ID. */
  syncField: string;
  searches: SavedSearchConfig;
  /** Sync a customer as soon as it is created (User Event). */
  autoSyncOnCreate: boolean;
  /** Whether the Stripe webhook endpoint should be enabled. */
  webhookEnabled: boolean;
  /** Where the customer portal sends customers back to; absent when blank (Stripe's default applies). */
  portalReturnUrl?: string;
  /** The webhook proxy's public base URL (`https://proxy.example.com`); required when webhookEnabled. */
  proxyUrl?: string;
  /** API secret holding the proxy's admin token (it seals the NetSuite URL for Stripe). */
  proxySecretId: string;
}

/** The raw values of one Stripe account record, as an adapter read them. */
export interface RawStripeAccount {
  recordId?: unknown;
  name?: unknown;
  accountId?: unknown;
  secretId?: unknown;
  identifierField?: unknown;
  identifierValue?: unknown;
}

/** The raw values of the configuration record plus its account records, as an adapter read them. */
export interface RawConfig {
  accounts?: unknown;
  stripeIdField?: unknown;
  syncField?: unknown;
  searches?: { singleSync?: unknown; massSync?: unknown; defaultPaymentMethod?: unknown };
  autoSyncOnCreate?: unknown;
  webhookEnabled?: unknown;
  portalReturnUrl?: unknown;
  proxyUrl?: unknown;
  proxySecretId?: unknown;
}

/** What a blank value means. */
export const CONFIG_DEFAULTS = {
  identifierField: "subsidiary",
  stripeIdField: "custentity_nss_stripe_customer_id",
  syncField: "email",
  // The create trigger is the point of installing it; a blank checkbox never reaches us from NetSuite.
  autoSyncOnCreate: true,
  // Creating an endpoint in Stripe is an explicit act: off until the user ticks the box.
  webhookEnabled: false,
  proxySecretId: "custsecret_nss_proxy_token",
} as const;

export { checkReturnUrl };

const CONFIG_RECORD = "the NetSuite–Stripe configuration";
const ACCOUNT_ID = /^acct_[A-Za-z0-9]+$/;
const SECRET_ID = /^custsecret_[a-z0-9_]+$/;
const FIELD_ID = /^[a-z][a-z0-9_]*$/;
const ENTITY_CUSTOM_FIELD = /^custentity[a-z0-9_]+$/;
const INTERNAL_ID = /^[1-9][0-9]*$/;
const SEARCH_ID = /^(?:customsearch[a-z0-9_]+|[1-9][0-9]*)$/;
function accountRecord(raw: Record<string, unknown>, index: number): string {
  if (typeof raw.name === "string" && raw.name.trim() !== "") return `Stripe account "${raw.name.trim()}"`;
  if (typeof raw.recordId === "string" || typeof raw.recordId === "number") {
    return `Stripe account record ${raw.recordId}`;
  }
  return `Stripe account #${index + 1}`;
}

/** What the NetSuite account offers that the configuration depends on. */
export interface ConfigContext {
  /**
   * Whether the account has subsidiaries (OneWorld; default true). Without them a Stripe account
   * record chosen by `subsidiary` leaves its identifier value blank and serves every customer.
   */
  oneWorld?: boolean;
}

function validateAccount(
  raw: unknown,
  index: number,
  errors: Issues,
  context: ConfigContext,
): StripeAccountConfig | undefined {
  if (!isObject(raw)) {
    errors.push({
      code: "CONFIG_INVALID_TYPE",
      message: `Stripe account #${index + 1} is not a record of values.`,
      fix: "Pass each Stripe account record's values as an object.",
      field: "accounts",
      record: CONFIG_RECORD,
    });
    return undefined;
  }
  const read = reader(accountRecord(raw, index), errors);
  const before = errors.length;
  const name = read.required(raw.name, "name", "a name for this Stripe account");
  const accountId = read.id(raw.accountId, "accountId", {
    pattern: ACCOUNT_ID,
    code: "CONFIG_INVALID_ACCOUNT_ID",
    expected: "a Stripe account ID (acct_…)",
    keepCase: true,
  });
  const secretId = read.id(raw.secretId, "secretId", {
    pattern: SECRET_ID,
    code: "CONFIG_INVALID_SECRET_ID",
    expected: "an API secret script ID (custsecret_…)",
  });
  const identifierField = read.id(raw.identifierField, "identifierField", {
    pattern: FIELD_ID,
    code: "CONFIG_INVALID_FIELD_ID",
    expected: "a field ID (e.g. subsidiary)",
    fallback: CONFIG_DEFAULTS.identifierField,
  });
  const noSubsidiaries = context.oneWorld === false && identifierField === "subsidiary";
  const identifierValue = noSubsidiaries
    ? noSubsidiaryValue(raw.identifierValue, accountRecord(raw, index), errors)
    : identifierField === "subsidiary"
      ? read.id(raw.identifierValue, "identifierValue", {
          pattern: INTERNAL_ID,
          code: "CONFIG_INVALID_SUBSIDIARY_ID",
          expected: "the internal ID of the subsidiary this account serves (a number)",
        })
      : read.required(raw.identifierValue, "identifierValue", "the value this account serves");
  const recordId = read.text(raw.recordId, "recordId");

  const valueMissing = identifierValue === undefined || (identifierValue === "" && !noSubsidiaries);
  if (errors.length > before || !name || !accountId || !secretId || !identifierField || valueMissing) {
    return undefined;
  }
  return { name, accountId, secretId, identifierField, identifierValue, ...(recordId ? { recordId } : {}) };
}

/** Without OneWorld there is no subsidiary to name: the value must stay blank (""). */
function noSubsidiaryValue(raw: unknown, record: string, errors: Issues): string | undefined {
  const value = raw == null ? "" : String(raw).trim();
  if (value === "") return "";
  errors.push({
    code: "CONFIG_NO_SUBSIDIARIES",
    message: `${record} serves subsidiary "${value}", but this NetSuite account has no subsidiaries (OneWorld is not enabled).`,
    fix: "Leave Identifier Value blank: without OneWorld one Stripe account record, with identifier field subsidiary, serves every customer.",
    field: "identifierValue",
    record,
  });
  return undefined;
}

function validateAccounts(raw: unknown, errors: Issues, context: ConfigContext): StripeAccountConfig[] {
  if (raw !== undefined && raw !== null && !Array.isArray(raw)) {
    errors.push({
      code: "CONFIG_INVALID_TYPE",
      message: `${CONFIG_RECORD}: accounts is not a list of Stripe account records.`,
      fix: "Pass the Stripe account records as a list.",
      field: "accounts",
      record: CONFIG_RECORD,
    });
    return [];
  }
  const list: unknown[] = raw ?? [];
  if (list.length === 0) {
    errors.push({
      code: "CONFIG_NO_ACCOUNT",
      message: "No Stripe account record exists, so no customer can be synced.",
      fix:
        context.oneWorld === false
          ? "Create a Stripe account record (name, account ID, API secret; identifier field subsidiary with a blank value serves every customer)."
          : "Create a Stripe account record (name, account ID, API secret, subsidiary) for each Stripe account.",
      field: "accounts",
      record: CONFIG_RECORD,
    });
    return [];
  }
  const accounts: StripeAccountConfig[] = [];
  const byName = new Map<string, StripeAccountConfig>();
  const byIdentifier = new Map<string, StripeAccountConfig>();
  list.forEach((item, index) => {
    const account = validateAccount(item, index, errors, context);
    if (!account) return;
    const record = `Stripe account "${account.name}"`;
    const nameKey = account.name.toLowerCase();
    const sameName = byName.get(nameKey);
    if (sameName) {
      errors.push({
        code: "CONFIG_DUPLICATE_ACCOUNT_NAME",
        message: `Two Stripe account records are named "${account.name}".`,
        fix: "Give each Stripe account record a different name.",
        field: "name",
        record,
      });
    }
    const idKey = `${account.identifierField}\u0000${account.identifierValue}`;
    const sameIdentifier = byIdentifier.get(idKey);
    if (sameIdentifier) {
      const everyone = account.identifierValue === "";
      errors.push({
        code: "CONFIG_DUPLICATE_IDENTIFIER",
        message: everyone
          ? `${record} and Stripe account "${sameIdentifier.name}" both serve every customer (this NetSuite account has no subsidiaries), so a customer's account would be ambiguous.`
          : `${record} and Stripe account "${sameIdentifier.name}" both serve ${account.identifierField} "${account.identifierValue}", so a customer's account would be ambiguous.`,
        fix: everyone
          ? "Keep one of them active, or choose the accounts by another customer field (Identifier Field)."
          : `Change identifierValue on one of them, or delete one, so each ${account.identifierField} value has one account.`,
        field: "identifierValue",
        record,
      });
    }
    if (!sameName) byName.set(nameKey, account);
    if (!sameIdentifier) byIdentifier.set(idKey, account);
    accounts.push(account);
  });
  return accounts;
}

/** The configuration record's own fields (not the accounts). */
function validateSettings(input: Record<string, unknown>, errors: Issues) {
  const read = reader(CONFIG_RECORD, errors);
  const stripeIdField = read.id(input.stripeIdField, "stripeIdField", {
    pattern: ENTITY_CUSTOM_FIELD,
    code: "CONFIG_INVALID_FIELD_ID",
    expected: "a custom entity field ID (custentity…)",
    fallback: CONFIG_DEFAULTS.stripeIdField,
  });
  const syncField = read.id(input.syncField, "syncField", {
    pattern: FIELD_ID,
    code: "CONFIG_INVALID_FIELD_ID",
    expected: "an entity field ID (e.g. email)",
    fallback: CONFIG_DEFAULTS.syncField,
  });
  // Any sync field but email is also written to Stripe metadata under its own ID.
  if (syncField !== undefined && syncField !== "email") {
    const problem =
      syncField.length > METADATA_LIMITS.maxKeyLength
        ? `is ${syncField.length} characters long; a Stripe metadata key allows ${METADATA_LIMITS.maxKeyLength}`
        : RESERVED_METADATA_KEYS.includes(syncField)
          ? "is a metadata key the sync writes itself"
          : undefined;
    if (problem !== undefined) {
      read.report(
        "CONFIG_INVALID_SYNC_FIELD",
        "syncField",
        `syncField "${syncField}" ${problem}.`,
        "Choose another entity field as the sync field, or use email.",
      );
    }
  }
  const rawSearches = isObject(input.searches) ? input.searches : {};
  const search: IdRule = {
    pattern: SEARCH_ID,
    code: "CONFIG_INVALID_SEARCH_ID",
    expected: "a saved search script ID (customsearch…) or internal ID",
  };
  const searches = {
    singleSync: read.id(rawSearches.singleSync, "searches.singleSync", search),
    massSync: read.id(rawSearches.massSync, "searches.massSync", search),
    defaultPaymentMethod: read.id(rawSearches.defaultPaymentMethod, "searches.defaultPaymentMethod", search),
  };
  const portalReturnUrl = read.text(input.portalReturnUrl, "portalReturnUrl");
  const urlProblem = portalReturnUrl ? checkReturnUrl(portalReturnUrl) : undefined;
  if (urlProblem !== undefined) {
    read.report(
      "CONFIG_INVALID_URL",
      "portalReturnUrl",
      `portalReturnUrl "${portalReturnUrl}" ${urlProblem}.`,
      "Enter an https URL (http only for localhost or 127.0.0.1), e.g. https://example.com/account.",
    );
  }
  const proxyUrl = read.text(input.proxyUrl, "proxyUrl")?.replace(/\/+$/, "");
  const proxyProblem = proxyUrl ? checkReturnUrl(proxyUrl) : undefined;
  if (proxyProblem !== undefined) {
    read.report(
      "CONFIG_INVALID_URL",
      "proxyUrl",
      `proxyUrl "${proxyUrl}" ${proxyProblem.replace("Stripe's portal returns only to https", "Stripe sends webhooks only to https")}.`,
      "Enter the webhook proxy's https URL (http only for localhost or 127.0.0.1), e.g. https://proxy.example.com.",
    );
  }
  const proxySecretId = read.id(input.proxySecretId, "proxySecretId", {
    pattern: SECRET_ID,
    code: "CONFIG_INVALID_SECRET_ID",
    expected: "an API secret script ID (custsecret_…)",
    fallback: CONFIG_DEFAULTS.proxySecretId,
  });
  return { stripeIdField, syncField, searches, portalReturnUrl, proxyUrl, proxySecretId };
}

/** Checks and normalises the raw configuration, reporting every problem; script IDs come back lower case. */
export function validateConfig(input: unknown, context: ConfigContext = {}): Result<SyncConfig> {
  if (!isObject(input)) {
    return fail({
      code: "CONFIG_INVALID_TYPE",
      message: `${CONFIG_RECORD} could not be read: no record values were given.`,
      fix: "Create the configuration record, or pass its values as an object.",
      record: CONFIG_RECORD,
    });
  }
  const errors: Issues = [];
  const accounts = validateAccounts(input.accounts, errors, context);
  const { stripeIdField, syncField, searches, portalReturnUrl, proxyUrl, proxySecretId } = validateSettings(
    input,
    errors,
  );
  const { autoSyncOnCreate: autoDefault, webhookEnabled: webhookDefault } = CONFIG_DEFAULTS;
  const autoSyncOnCreate = checkbox(
    input.autoSyncOnCreate,
    "autoSyncOnCreate",
    autoDefault,
    errors,
    CONFIG_RECORD,
  );
  const webhookEnabled = checkbox(
    input.webhookEnabled,
    "webhookEnabled",
    webhookDefault,
    errors,
    CONFIG_RECORD,
  );
  if (webhookEnabled && proxyUrl === "") {
    reader(CONFIG_RECORD, errors).report(
      "CONFIG_REQUIRED",
      "proxyUrl",
      "webhookEnabled is checked but proxyUrl is blank: Stripe needs the webhook proxy's URL to send events to.",
      "Enter the webhook proxy's https URL in proxyUrl, or clear webhookEnabled.",
    );
  }

  const { singleSync, massSync, defaultPaymentMethod } = searches;
  if (
    errors.length > 0 ||
    !stripeIdField ||
    !syncField ||
    !singleSync ||
    !massSync ||
    !defaultPaymentMethod ||
    !proxySecretId
  ) {
    return fail(...errors);
  }
  return ok({
    accounts,
    stripeIdField,
    syncField,
    searches: { singleSync, massSync, defaultPaymentMethod },
    autoSyncOnCreate,
    webhookEnabled,
    ...(portalReturnUrl ? { portalReturnUrl } : {}),
    ...(proxyUrl ? { proxyUrl } : {}),
    proxySecretId,
  });
}
