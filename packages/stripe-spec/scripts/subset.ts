/** The Stripe paths this project uses (every method on each), and the fixtures kept for them. */
export const SUBSET_PATHS = [
  "/v1/customers",
  "/v1/customers/{customer}",
  "/v1/customers/search",
  "/v1/customers/{customer}/payment_methods",
  "/v1/customers/{customer}/payment_methods/{payment_method}",
  "/v1/payment_methods",
  "/v1/payment_methods/{payment_method}",
  "/v1/payment_methods/{payment_method}/attach",
  "/v1/payment_methods/{payment_method}/detach",
  "/v1/billing_portal/configurations",
  "/v1/billing_portal/configurations/{configuration}",
  "/v1/billing_portal/sessions",
  "/v1/webhook_endpoints",
  "/v1/webhook_endpoints/{webhook_endpoint}",
  "/v1/events",
  "/v1/events/{id}",
  "/v1/account",
] as const;

/** fixtures3.json resource names (= component schema names) copied into the contract when present. */
export const SUBSET_FIXTURES = [
  "customer",
  "deleted_customer",
  "payment_method",
  "billing_portal.session",
  "billing_portal.configuration",
  "webhook_endpoint",
  "deleted_webhook_endpoint",
  "event",
  "account",
] as const;
