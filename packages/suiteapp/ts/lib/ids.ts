/**
 * Script IDs of the SuiteApp's objects (src/Objects), in one place for every script. NetSuite
 * matches script IDs without regard to case; these are written as the objects declare them.
 */

/** Customer fields (entitycustomfield objects). */
export const CUSTOMER_FIELDS = {
  stripeCustomerId: "custentity_nss_stripe_customer_id",
  syncStatus: "custentity_nss_sync_status",
  lastSync: "custentity_nss_last_sync",
  lastError: "custentity_nss_last_error",
  defaultPaymentMethod: "custentity_nss_default_pm",
  defaultPaymentMethodId: "custentity_nss_default_pm_id",
  defaultPaymentMethodRead: "custentity_nss_default_pm_read",
  portalLink: "custentity_nss_portal_link",
} as const;

/** The configuration record (one per account). */
export const CONFIG_RECORD = {
  type: "customrecord_nss_config",
  fields: {
    stripeIdField: "custrecord_nss_cfg_stripe_id_field",
    syncField: "custrecord_nss_cfg_sync_field",
    singleSyncSearch: "custrecord_nss_cfg_single_search",
    massSyncSearch: "custrecord_nss_cfg_mass_search",
    defaultPaymentMethodSearch: "custrecord_nss_cfg_dpm_search",
    autoSyncOnCreate: "custrecord_nss_cfg_auto_sync",
    webhookEnabled: "custrecord_nss_cfg_webhook_enabled",
    portalReturnUrl: "custrecord_nss_cfg_portal_return_url",
  },
} as const;

/** One record per Stripe account (its name is the record's Name). */
export const STRIPE_ACCOUNT_RECORD = {
  type: "customrecord_nss_stripe_account",
  fields: {
    accountId: "custrecord_nss_acct_account_id",
    secretId: "custrecord_nss_acct_secret_id",
    identifierField: "custrecord_nss_acct_ident_field",
    identifierValue: "custrecord_nss_acct_ident_value",
    /** Testing only: another Stripe API base; blank means https://api.stripe.com. */
    apiBase: "custrecord_nss_acct_api_base",
  },
} as const;

/** One NetSuite customer linked to one Stripe customer, per Stripe account and subsidiary. */
export const LINK_RECORD = {
  type: "customrecord_nss_customer_link",
  fields: {
    customer: "custrecord_nss_link_customer",
    subsidiary: "custrecord_nss_link_subsidiary",
    account: "custrecord_nss_link_account",
    stripeId: "custrecord_nss_link_stripe_id",
    fingerprint: "custrecord_nss_link_fingerprint",
    generation: "custrecord_nss_link_generation",
  },
} as const;

/** One entry per sync run or customer sync. */
export const SYNC_LOG_RECORD = {
  type: "customrecord_nss_sync_log",
  fields: {
    kind: "custrecord_nss_synclog_kind",
    customer: "custrecord_nss_synclog_customer",
    account: "custrecord_nss_synclog_account",
    outcome: "custrecord_nss_synclog_outcome",
    message: "custrecord_nss_synclog_message",
    created: "custrecord_nss_synclog_created",
    linked: "custrecord_nss_synclog_linked",
    updated: "custrecord_nss_synclog_updated",
    unchanged: "custrecord_nss_synclog_unchanged",
    failed: "custrecord_nss_synclog_failed",
    at: "custrecord_nss_synclog_at",
  },
} as const;

/** The saved searches the installation creates and the configuration names by default. */
export const DEFAULT_SEARCH_IDS = {
  singleSync: "customsearch_nss_single_sync",
  massSync: "customsearch_nss_mass_sync",
  defaultPaymentMethod: "customsearch_nss_default_pm",
} as const;
