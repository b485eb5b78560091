/**
 * Which email addresses Stripe refuses, as far as real responses show. Stripe answers 400
 * invalid_request_error, code `email_invalid`, param `email`, message `Invalid email address: <value>`
 * (full body recorded in https://github.com/masslight/ottehr/issues/7319).
 *
 * Pure and dependency-free on purpose: other packages compare their own email rule with this one.
 *
 * Conservative: only what a recorded refusal shows is refused. Uncertain, so accepted here:
 * an empty local part (`@example.com`), a trailing dot or consecutive dots in the domain, spaces inside
 * the address (in 2015 Stripe stored `foo bar@bob.com`: https://github.com/stripe/stripe-ruby/issues/352),
 * non-ASCII local parts or domains (`pelé@example.com`, `a@müller.de`), several `@`, quoted local parts,
 * IP literals (`a@[192.0.2.1]`; `a@[::1]` has no dot and is refused by rule 3), plus addressing
 * (`a+tag@example.com`).
 */

/** Why Stripe refuses `value` as an email address, or undefined when it accepts it (as far as known). */
export function stripeEmailProblem(value: string): string | undefined {
  // `''` is Stripe's "unset" value, not an address: clearing the email is allowed.
  if (value === "") return undefined;
  // 1. Leading or trailing whitespace: " k.shimizu139@gmail.com" was refused
  // (https://github.com/fjordllc/bootcamp/issues/3927); Stripe staff say a leading or trailing space makes
  // an address invalid (https://github.com/stripe/stripe-dotnet/issues/1897).
  if (/^\s|\s$/u.test(value)) return "leading or trailing whitespace";
  // 2. No ASCII "@": "odatakeryu" (https://github.com/fjordllc/bootcamp/issues/6408) and the fullwidth
  // "paasonauyuya＠iCloud.com" (https://github.com/fjordllc/bootcamp/issues/7638) were refused.
  const at = value.lastIndexOf("@");
  if (at === -1) return "no @";
  const domain = value.slice(at + 1);
  // 3. A domain without a dot: "otameshi@com" (https://github.com/fjordllc/bootcamp/issues/4134),
  // "mehmetakdemir9212@gmail" (https://github.com/exercism/website/issues/7721), "kalkidan2@gmile"
  // (https://github.com/exercism/website/issues/7154), "test@test"
  // (https://github.com/Sylius/PayumStripePlugin/issues/9), "…@invalid"
  // (https://github.com/mysociety/alaveteli/issues/9440), "@localhost" addresses
  // (https://github.com/mysociety/alaveteli/pull/8591) were refused; so is an empty domain ("a@").
  if (!domain.includes(".")) return "domain without a dot";
  // 4. A domain starting with a dot: "*******@.maie.com" (https://github.com/masslight/ottehr/issues/7319).
  if (domain.startsWith(".")) return "domain starts with a dot";
  return undefined;
}

/** True when Stripe accepts `value` as an email address (as far as known); `''` (unset) is accepted. */
export function isStripeEmail(value: string): boolean {
  return stripeEmailProblem(value) === undefined;
}
