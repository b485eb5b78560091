/**
 * @nss/core: how a NetSuite customer becomes a Stripe customer, as pure functions.
 * No I/O and no Node built-ins: the SuiteApp bundles this unchanged into SuiteScript 2.1 files.
 *
 * What each module holds (exports are kept in alphabetical order by the formatter, so the groups are
 * named here rather than above each line):
 * - configuration: config, config-read, accounts (which Stripe account serves which customer);
 * - the sync of one customer: labels and mapping (saved-search columns to Stripe parameters), countries,
 *   lookup (finding the Stripe customer, creating it once, sending only what changed), fingerprint,
 *   idempotency, stripe-metadata;
 * - Stripe's wire: form (encoding), stripe-version;
 * - webhooks: forward (what the proxy sends NetSuite and how its answer becomes Stripe's status),
 *   signature, envelope (the event NetSuite acts on), payment-method (what NetSuite shows);
 * - operations: duplicates (possible duplicate Stripe customers, grouped by hash bucket),
 *   planned-changes (the fields a dry run's sync would change);
 * - errors as values, and a customer's stored last error (message, fix and code per issue): result;
 *   text for SuiteScript, which has no TextEncoder: utf8.
 * Not exported here: hostile-input (helpers of envelope, forward and payment-method), and testing (a
 * Stripe customer event for tests, `@nss/core/testing`).
 */

export * from "./accounts.js";
export * from "./config.js";
export * from "./countries.js";
export * from "./duplicates.js";
export * from "./envelope.js";
export * from "./fingerprint.js";
export * from "./form.js";
export * from "./forward.js";
export * from "./idempotency.js";
export * from "./labels.js";
export * from "./lookup.js";
export * from "./mapping.js";
export * from "./payment-method.js";
export * from "./planned-changes.js";
export * from "./result.js";
export * from "./signature.js";
export * from "./stripe-metadata.js";
export * from "./stripe-version.js";
export * from "./utf8.js";
