/**
 * The metadata keys by which a Stripe customer names the NetSuite customer it belongs to. The lookup
 * uses them to recognise its own customers and the webhook envelope carries them to NetSuite.
 */

/** Metadata key holding the NetSuite customer's internal ID on every Stripe customer the sync creates or links. */
export const NETSUITE_CUSTOMER_ID_KEY = "netsuite_customer_id";

/** Metadata key holding the internal ID of the NetSuite subsidiary the Stripe customer serves. */
export const NETSUITE_SUBSIDIARY_KEY = "netsuite_subsidiary";
