/**
 * The value and lifecycle refusals the resource handlers share, each worded as a real Stripe response
 * records it (source beside each). What cannot be sourced is refused as `UNSUPPORTED_BY_EMULATOR: …`,
 * never with a made-up Stripe message.
 */
import { invalidRequest, StripeApiError, unsupported } from "../errors.js";
import { stripeEmailProblem } from "./email.js";

// A rule Stripe documents (or the emulator does not model) whose real wording is not known: errors.ts's
// `UNSUPPORTED_BY_EMULATOR: …` refusal.
export { unsupported };

/** A 400 invalid_request_error with only a message (and a param when known), as Stripe sends some. */
function plain(message: string, param?: string): StripeApiError {
  return new StripeApiError(400, {
    type: "invalid_request_error",
    message,
    ...(param !== undefined ? { param } : {}),
  });
}

/**
 * `Invalid email address: <value>`, code email_invalid, param `email` (full body in
 * https://github.com/masslight/ottehr/issues/7319). Which values: rules/email.ts.
 */
export function checkEmail(value: unknown, param = "email"): void {
  if (typeof value !== "string" || stripeEmailProblem(value) === undefined) return;
  throw invalidRequest(`Invalid email address: ${value}`, param, "email_invalid");
}

/**
 * URLs. "Not a valid URL", code url_invalid, param return_url: a billing portal session's return_url
 * (https://github.com/AntonioErdeljac/next13-ai-saas/issues/41; the same body for Checkout's success_url
 * in issue #40). A URL without a scheme gets "Invalid URL: An explicit scheme (such as https) must be
 * provided." (portal return_url, in useautumn's error handling, which matches Stripe's text:
 * https://github.com/useautumn/autumn, handleExpressErrorSkip; its code and param are not recorded,
 * so none is given but the param). Applying both to a webhook endpoint's `url` is an assumption.
 * Loopback and private hosts are accepted on purpose: see webhook-endpoints.ts.
 */
export function checkUrl(value: unknown, param: string): void {
  if (typeof value !== "string") return;
  // `''` is Stripe's empty-value refusal (code parameter_invalid_empty), a request-level rule whose
  // wording is not modelled here.
  if (value === "") throw unsupported(`${param} cannot be an empty string.`, param);
  if (!/^[a-z][a-z0-9+.-]*:/i.test(value)) {
    throw plain("Invalid URL: An explicit scheme (such as https) must be provided.", param);
  }
  if (!isHttpUrl(value)) throw invalidRequest("Not a valid URL", param, "url_invalid");
}

/** An absolute http(s) URL with a host, as the WHATWG parser reads it. Other schemes: uncertain, refused. */
function isHttpUrl(value: string): boolean {
  if (/\s/u.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

// --- payment method lifecycle -------------------------------------------------------------------
// Bodies recorded without code or param (omnipay-stripe's fixtures,
// https://github.com/thephpleague/omnipay-stripe/tree/master/tests/Message/PaymentIntents/Mock, whose
// 402 status line is a copied template): 400 invalid_request_error, message only.

/**
 * Attaching a detached payment method. Message: https://github.com/stripe/stripe-php/issues/1221 and
 * omnipay-stripe's AttachPaymentMethodFailure.txt; docs.stripe.com/api/payment_methods/detach: "it can no
 * longer be used for a payment or re-attached to a Customer".
 */
export function detachedPaymentMethod(): StripeApiError {
  return plain(
    "This PaymentMethod was previously used without being attached to a Customer or was detached from a Customer, and may not be used again.",
  );
}

/**
 * Attaching a payment method another customer holds. Message: Dolibarr compares Stripe's exact text
 * (https://github.com/Dolibarr/dolibarr/blob/develop/htdocs/societe/paymentmodes.php); code and param
 * are not recorded.
 */
export function attachedElsewhere(): StripeApiError {
  return plain("The payment method you provided has already been attached to a customer.");
}

/**
 * Detaching one that is not attached: https://github.com/stripe-ruby-mock/stripe-ruby-mock/issues/751 and
 * omnipay-stripe's DetachPaymentMethodFailure.txt.
 */
export function notAttached(): StripeApiError {
  return plain("The payment method you provided is not attached to a customer so detachment is impossible.");
}

/**
 * Updating one that no customer holds. docs.stripe.com/api/payment_methods/update: "A PaymentMethod must
 * be attached to a customer to be updated"; message: omnipay-stripe's UpdatePaymentMethodFailure.txt.
 */
export function updateUnattached(): StripeApiError {
  return plain("You must save this PaymentMethod to a customer before you can update it.");
}

/**
 * A customer's default payment method that the customer does not hold. Message: a real
 * `Customer.update(invoice_settings: {default_payment_method})` refusal
 * (https://github.com/getlago/lago-api/pull/3826, the call in its setup_intent_succeeded_service.rb).
 * The param is assumed; no code is recorded.
 */
export function notTheCustomers(id: string): StripeApiError {
  return plain(
    `The customer does not have a payment method with the ID ${id}. The payment method must be attached to the customer.`,
    "invoice_settings[default_payment_method]",
  );
}
