/**
 * `data.previous_attributes` of a `*.updated` event: the previous values of what changed. Nested
 * hashes (address, invoice_settings, metadata) list only their changed keys; a key that did not
 * exist before is `null`, as Stripe shows it; arrays and scalars are compared whole.
 */
type Json = unknown;

function isHash(value: Json): value is Record<string, Json> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function previousAttributes(
  before: Record<string, Json>,
  after: Record<string, Json>,
): Record<string, Json> {
  const out: Record<string, Json> = {};
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const key of keys) {
    const old = before[key];
    const now = after[key];
    if (isHash(old) && isHash(now)) {
      const nested = previousAttributes(old, now);
      if (Object.keys(nested).length > 0) out[key] = nested;
    } else if (JSON.stringify(old) !== JSON.stringify(now)) {
      out[key] = old === undefined ? null : old;
    }
  }
  return out;
}
