/**
 * @nss/core: how a NetSuite customer becomes a Stripe customer, as pure functions.
 * No I/O and no Node built-ins: the SuiteApp bundles this unchanged into SuiteScript 2.1 files.
 */

export * from "./accounts.js";

// Configuration and which Stripe account serves which subsidiary.
export * from "./config.js";
export * from "./countries.js";
export * from "./envelope.js";
export * from "./fingerprint.js";
// Stripe's wire format and API version.
export * from "./form.js";
// What the webhook proxy sends NetSuite, and how NetSuite's answer becomes Stripe's status.
export * from "./forward.js";
export * from "./idempotency.js";
// Saved-search columns to Stripe customer parameters.
export * from "./labels.js";
// Finding the Stripe customer, creating it once, and sending only what changed.
export * from "./lookup.js";
export * from "./mapping.js";
export * from "./payment-method.js";
// Errors as values.
export * from "./result.js";

// Webhooks and what NetSuite shows.
export * from "./signature.js";
export * from "./stripe-metadata.js";
export * from "./stripe-version.js";

// Only for code that must hash or encode text itself (SuiteScript has no TextEncoder).
export * from "./utf8.js";
