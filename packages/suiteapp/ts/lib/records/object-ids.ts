/**
 * Script IDs of the SuiteApp's objects (src/Objects), in one place for every script. NetSuite
 * matches script IDs without regard to case; these are written as the objects declare them.
 */

/** The SuiteApp's File Cabinet folder: `/SuiteApps/<publisherid>.<projectid>` (src/manifest.xml). */
export const APP_FOLDER = "/SuiteApps/com.nss.stripesync";

/** The SuiteApp's role (customrole_nss_sync.xml): what its scripts run as. */
export const SYNC_ROLE = "customrole_nss_sync";

/**
 * The API secrets the SuiteApp names unless the account's records name others. Their values are the
 * account's, created by its administrator, never shipped.
 */
export const API_SECRETS = {
  /** A Stripe account record's API Secret ID by default (customrecord_nss_stripe_account.xml). */
  stripeKey: "custsecret_nss_stripe_key_default",
  /** The webhook proxy's admin token when the configuration names none (core's configuration defaults). */
  proxyToken: "custsecret_nss_proxy_token",
} as const;

/** The SuiteApp's scripts and their deployments (src/Objects/Scripts). */
export const SCRIPTS = {
  install: { scriptId: "customscript_nss_install", deploymentId: "customdeploy_nss_install" },
  /** The customer user event: the Sync to Stripe button (beforeLoad) and the create trigger (afterSubmit). */
  customerUserEvent: {
    scriptId: "customscript_nss_customer_ue",
    deploymentId: "customdeploy_nss_customer_ue",
  },
  configUserEvent: { scriptId: "customscript_nss_config_ue", deploymentId: "customdeploy_nss_config_ue" },
  accountUserEvent: { scriptId: "customscript_nss_account_ue", deploymentId: "customdeploy_nss_account_ue" },
  /** The Sync to Stripe button's Suitelet. */
  syncSuitelet: { scriptId: "customscript_nss_sync_sl", deploymentId: "customdeploy_nss_sync_sl" },
  /** The Stripe Sync operations page (internal Suitelet, a menu link). */
  opsSuitelet: { scriptId: "customscript_nss_ops_sl", deploymentId: "customdeploy_nss_ops_sl" },
  /** The Suitelet the webhook proxy forwards Stripe's events to (available without login). */
  webhookSuitelet: { scriptId: "customscript_nss_webhook_sl", deploymentId: "customdeploy_nss_webhook_sl" },
  /** The customer portal link's Suitelet (available without login). */
  portalSuitelet: { scriptId: "customscript_nss_portal_sl", deploymentId: "customdeploy_nss_portal_sl" },
  /** The mass sync Map/Reduce. */
  massSync: { scriptId: "customscript_nss_custsync_mr", deploymentId: "customdeploy_nss_custsync_mr" },
  /** The default payment method refresh Map/Reduce. */
  paymentMethodRefresh: {
    scriptId: "customscript_nss_paymethod_mr",
    deploymentId: "customdeploy_nss_paymethod_mr",
  },
  /** The purge of old event claims. */
  eventPurge: {
    scriptId: "customscript_nss_event_purge_mr",
    deploymentId: "customdeploy_nss_event_purge_mr",
  },
  /** The scan for possible duplicate Stripe customers (nss_dupscan_mr.ts, lib/duplicates-scan/). */
  duplicatesScan: {
    scriptId: "customscript_nss_dupscan_mr",
    deploymentId: "customdeploy_nss_dupscan_mr",
  },
} as const;

/** Script parameters (the scripts' `<scriptcustomfields>`). */
export const SCRIPT_PARAMS = {
  /** The mass sync's Dry Run checkbox ("T"/"F"). */
  massSyncDryRun: "custscript_nss_custsync_dry_run",
  /** Auto Sync on Create, copied onto the create trigger's deployment. */
  autoSync: "custscript_nss_auto_sync",
  /** The Stripe ID field, copied onto the webhook Suitelet's deployment. */
  webhookStripeIdField: "custscript_nss_wh_stripe_id_field",
  /** The mass sync's Retry Failed Only checkbox ("T"/"F"): only the customers whose sync status is error. */
  massSyncRetryFailed: "custscript_nss_custsync_retry_failed",
  /** With Retry Failed Only: only the customers this Stripe account record serves (its internal ID). */
  massSyncRetryAccount: "custscript_nss_custsync_retry_account",
  /** With Retry Failed Only: only the customers whose last error holds this error code (core's SyncIssue.code). */
  massSyncRetryCode: "custscript_nss_custsync_retry_code",
} as const;

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
    proxyUrl: "custrecord_nss_cfg_proxy_url",
    proxySecretId: "custrecord_nss_cfg_proxy_secret_id",
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
  /** Kept apart from `fields`: read only where the webhook needs them, never into the configuration. */
  webhook: {
    endpointId: "custrecord_nss_acct_wh_endpoint_id",
    secret: "custrecord_nss_acct_wh_secret",
    status: "custrecord_nss_acct_wh_status",
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
    /** The customer portal link's token (lib/portal-link/portal-token.ts); blank means "issue a new one". */
    portalToken: "custrecord_nss_link_portal_token",
    /** The Stripe customer's `created` (Unix seconds): the refresh lists Stripe by creation windows. */
    stripeCreated: "custrecord_nss_link_stripe_created",
  },
} as const;

/** The sync log's kinds of the map/reduce runs (their rows: run-log.ts; a failed customer's row too). */
export const RUN_KINDS = {
  mass: "mass",
  dryRun: "mass_dry_run",
  paymentMethodRefresh: "paymethod",
  eventPurge: "event_purge",
  duplicatesScan: "duplicates",
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
    /** Customers whose default payment method fields were cleared (payment method refresh). */
    cleared: "custrecord_nss_synclog_cleared",
    /** A run's rows (run-log.ts): when it started. */
    started: "custrecord_nss_synclog_started",
    /** A run's `started` row: the customers (or windows) its map is to work through. */
    toProcess: "custrecord_nss_synclog_to_process",
    /** A run's finishing row: the internal ID of its `started` row. */
    run: "custrecord_nss_synclog_run",
    at: "custrecord_nss_synclog_at",
  },
} as const;

/** One row per change of a Stripe account's webhook endpoint (created, enabled, disabled, failed). */
export const WEBHOOK_LOG_RECORD = {
  type: "customrecord_nss_webhook_log",
  fields: {
    account: "custrecord_nss_whlog_account",
    action: "custrecord_nss_whlog_action",
    status: "custrecord_nss_whlog_status",
    message: "custrecord_nss_whlog_message",
    endpointId: "custrecord_nss_whlog_endpoint_id",
    at: "custrecord_nss_whlog_at",
  },
} as const;

/**
 * One record per Stripe event the webhook Suitelet took on (lib/webhooks/event-claims.ts). Its external ID,
 * `<account record ID>:<event ID>`, is unique: creating it is the claim that lets one delivery apply it.
 */
export const EVENT_RECORD = {
  type: "customrecord_nss_stripe_event",
  fields: {
    eventId: "custrecord_nss_evt_id",
    account: "custrecord_nss_evt_account",
    customer: "custrecord_nss_evt_customer",
    type: "custrecord_nss_evt_type",
    status: "custrecord_nss_evt_status",
    claimed: "custrecord_nss_evt_claimed",
    message: "custrecord_nss_evt_message",
    /** Deliveries that claimed the event (1 for the first; a retry taking a `failed` claim over adds one). */
    attempts: "custrecord_nss_evt_attempts",
  },
} as const;

/**
 * Possible duplicate Stripe customers, one row per shared value, written by the duplicates scan
 * (customscript_nss_dupscan_mr); each scan replaces the previous one's rows. Read-only: nothing is merged.
 */
export const DUPLICATE_RECORD = {
  type: "customrecord_nss_duplicate",
  fields: {
    account: "custrecord_nss_dup_account",
    /** `email` or `netsuite_id` (core's DuplicateKind). */
    kind: "custrecord_nss_dup_kind",
    value: "custrecord_nss_dup_value",
    /** Comma separated `cus_…` IDs. */
    stripeIds: "custrecord_nss_dup_stripe_ids",
    count: "custrecord_nss_dup_count",
    /** The hash bucket (core's duplicateBucket) whose reduce wrote the row and replaces it. */
    bucket: "custrecord_nss_dup_bucket",
    scan: "custrecord_nss_dup_scan",
    found: "custrecord_nss_dup_found",
  },
} as const;

/**
 * The last mass sync dry run's plan: one row per customer and Stripe account, replaced by the next dry run.
 */
export const DRY_RUN_PLAN_RECORD = {
  type: "customrecord_nss_dry_run_plan",
  fields: {
    customer: "custrecord_nss_plan_customer",
    account: "custrecord_nss_plan_account",
    /** created, linked, updated, unchanged or failed. */
    action: "custrecord_nss_plan_action",
    stripeId: "custrecord_nss_plan_stripe_id",
    changes: "custrecord_nss_plan_changes",
    run: "custrecord_nss_plan_run",
    at: "custrecord_nss_plan_at",
  },
} as const;

/** The saved searches the installation creates and the configuration names by default. */
export const DEFAULT_SEARCH_IDS = {
  singleSync: "customsearch_nss_single_sync",
  massSync: "customsearch_nss_mass_sync",
  defaultPaymentMethod: "customsearch_nss_default_pm",
} as const;

/** The customer portal Suitelet, available without login (customscript_nss_portal_sl). */
export const PORTAL_SUITELET = {
  scriptId: "customscript_nss_portal_sl",
  deploymentId: "customdeploy_nss_portal_sl",
  /** The URL parameter carrying the link's token. */
  tokenParam: "t",
} as const;
