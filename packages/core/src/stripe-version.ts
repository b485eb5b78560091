/**
 * The one Stripe API version this project speaks: every request sends it as `Stripe-Version`, and
 * webhook endpoints are created with it, so events arrive in the shape we validated. It is the
 * version of the OpenAPI spec that @nss/stripe-spec was extracted from (a test keeps them equal).
 */
export const STRIPE_API_VERSION = "2023-08-16";
