/**
 * `@nss/core/testing`: what a test of core's webhook contract needs, in one place for core's own tests,
 * the proxy's and the benchmarks. Not part of the sync: `index.ts` does not export it, so no SuiteScript
 * bundle carries it.
 */
import { STRIPE_API_VERSION } from "./stripe-version.js";

/**
 * A `customer.updated` event as Stripe sends it (trimmed of fields nothing reads), for a customer the
 * sync linked (its metadata names NetSuite customer 107 in subsidiary 3) whose default payment method
 * just changed. The name has non-ASCII text, so a test that forwards it shows the bytes survive.
 * `event` replaces or adds top-level fields (`type`, `id`, `created`, `data`…; `undefined` leaves one
 * out of JSON), `customer` fields of `data.object`.
 */
export function stripeCustomerEvent(
  event: Record<string, unknown> = {},
  customer: Record<string, unknown> = {},
): Record<string, unknown> & { data: Record<string, unknown> } {
  return {
    id: "evt_1OaB2c",
    object: "event",
    api_version: STRIPE_API_VERSION,
    created: 1_764_211_200,
    livemode: false,
    pending_webhooks: 1,
    request: { id: "req_1", idempotency_key: null },
    type: "customer.updated",
    data: {
      object: {
        id: "cus_NffrFeUfNV2Hib",
        object: "customer",
        email: "ann@example.com",
        name: "Ærøskøbing Bikes 株式会社 😀",
        invoice_settings: { default_payment_method: "pm_1Card" },
        metadata: { netsuite_customer_id: "107", netsuite_subsidiary: "3" },
        ...customer,
      },
      previous_attributes: { invoice_settings: { default_payment_method: null } },
    },
    ...event,
  };
}
