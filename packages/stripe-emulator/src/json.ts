/**
 * Stripe JSON as the wire carries it. Stored objects may hold the emulator's own fields, named with
 * a leading underscore (a webhook endpoint's `_secret`); they never leave the emulator.
 */
export function toStripeJson(value: unknown, pretty = true): string {
  return JSON.stringify(value, (key, v) => (key.startsWith("_") ? undefined : v), pretty ? 2 : undefined);
}
