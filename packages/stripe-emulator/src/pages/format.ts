// Reading loosely typed Stripe JSON and turning it into short display text.

/** A Stripe API object as it goes over the wire. */
export type StripeObject = Record<string, unknown>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The value at a dotted path (`"card.last4"`), or undefined if any step is missing. */
export function pick(obj: unknown, path: string): unknown {
  let current: unknown = obj;
  for (const key of path.split(".")) {
    if (!isRecord(current)) return undefined;
    current = current[key];
  }
  return current;
}

export function pickString(obj: unknown, path: string): string | null {
  const value = pick(obj, path);
  return typeof value === "string" ? value : null;
}

export function pickNumber(obj: unknown, path: string): number | null {
  const value = pick(obj, path);
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** An expandable field is either an ID or the expanded object: the ID either way. */
export function pickId(obj: unknown, path: string): string | null {
  const value = pick(obj, path);
  if (typeof value === "string") return value;
  return pickString(value, "id");
}

export function pickRecord(obj: unknown, path: string): Record<string, unknown> | null {
  const value = pick(obj, path);
  return isRecord(value) ? value : null;
}

// Secrets must never reach a page even if a caller stored one in a name or metadata, or the store
// hands over an endpoint object that still carries its `secret`.
const SECRET = /\b((?:sk|rk)_(?:test|live)_|whsec_)[A-Za-z0-9_+/=]{4,}/g;

/** Replaces a secret key with its prefix and an ellipsis, and a signing secret with a placeholder. */
export function redactSecrets(text: string): string {
  return text.replace(SECRET, (_whole, prefix: string) =>
    prefix === "whsec_" ? "[signing secret]" : `${prefix}…`,
  );
}

/** Shows a key hint as given if it is already short, otherwise as `sk_test_…last4`. */
export function maskKeyHint(hint: string): string {
  const match = /^((?:sk|rk|pk)_(?:test|live)_)(.*)$/.exec(hint);
  if (!match) return redactSecrets(hint);
  const [, prefix = "", rest = ""] = match;
  if (rest.startsWith("…") && rest.length <= 9) return hint;
  return `${prefix}…${rest.slice(-4)}`;
}

/** ISO-like UTC time, second precision: `2026-11-27 03:36:50Z`. */
export function formatMs(ms: number): string {
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return String(ms);
  return `${date.toISOString().slice(0, 19).replace("T", " ")}Z`;
}

/** Stripe's `created` fields are unix seconds. */
export function formatUnixSeconds(seconds: number | null): string {
  return seconds === null ? "" : formatMs(seconds * 1000);
}

/** `in 4m 30s` / `2h 5m ago`, relative to the moment the page was generated. */
export function formatRelative(ms: number, nowMs: number): string {
  const diff = Math.round((ms - nowMs) / 1000);
  const abs = Math.abs(diff);
  const parts =
    abs < 60
      ? `${abs}s`
      : abs < 3600
        ? `${Math.floor(abs / 60)}m ${abs % 60}s`
        : abs < 86400
          ? `${Math.floor(abs / 3600)}h ${Math.floor((abs % 3600) / 60)}m`
          : `${Math.floor(abs / 86400)}d ${Math.floor((abs % 86400) / 3600)}h`;
  return diff >= 0 ? `in ${parts}` : `${parts} ago`;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const BRANDS: Record<string, string> = {
  amex: "American Express",
  diners: "Diners Club",
  discover: "Discover",
  eftpos_au: "eftpos",
  jcb: "JCB",
  mastercard: "Mastercard",
  unionpay: "UnionPay",
  visa: "Visa",
};

/** `Visa •••• 4242` for a card, the type name for anything else. */
export function describePaymentMethod(pm: StripeObject): string {
  const type = pickString(pm, "type") ?? "unknown";
  if (type !== "card") {
    const last4 = pickString(pm, `${type}.last4`);
    return last4 ? `${type} •••• ${last4}` : type;
  }
  const brand = pickString(pm, "card.brand") ?? "card";
  const last4 = pickString(pm, "card.last4") ?? "????";
  return `${BRANDS[brand] ?? capitalize(brand)} •••• ${last4}`;
}

/** `12/2034`, or null when the payment method has no expiry. */
export function describeExpiry(pm: StripeObject): string | null {
  const month = pickNumber(pm, "card.exp_month");
  const year = pickNumber(pm, "card.exp_year");
  if (month === null || year === null) return null;
  return `${String(month).padStart(2, "0")}/${year}`;
}

/** Newest first by `created`, keeping the given order for ties and for objects without `created`. */
export function newestFirst(objects: readonly StripeObject[]): StripeObject[] {
  return objects
    .map((obj, index) => ({ obj, index, created: pickNumber(obj, "created") ?? Number.NEGATIVE_INFINITY }))
    .sort((a, b) => b.created - a.created || a.index - b.index)
    .map((entry) => entry.obj);
}
