import type { SearchFieldSpec } from "./types.js";

/**
 * "Query fields for customers" in Stripe's search docs (docs.stripe.com/search): `created` numeric,
 * `email`, `name` and `phone` string (exact and substring), `metadata` token.
 */
export const CUSTOMER_SEARCH_FIELDS: SearchFieldSpec = {
  resource: "customers",
  fields: {
    created: "numeric",
    email: "string",
    metadata: "metadata",
    name: "string",
    phone: "string",
  },
};
