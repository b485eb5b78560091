/**
 * @nss/stripe-emulator: a stateful local Stripe API on the real wire format, held to Stripe's OpenAPI
 * contract by @nss/stripe-spec, for running and testing Stripe integrations without the internet.
 */

export type { FaultRule } from "./faults.js";
export type { RateLimitRules, RateLimitsOption } from "./rate-limit-rules.js";
export { isStripeEmail, stripeEmailProblem } from "./rules/email.js";
export { METADATA_LIMITS } from "./rules/metadata.js";
export { type StripeEmulator, type StripeEmulatorOptions, startStripeEmulator } from "./server.js";
export type { DeliveryRecord, StoredAccount, StripeObject } from "./store.js";
export { TEST_CARDS } from "./test-cards.js";
