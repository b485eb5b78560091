/**
 * What a sync would change on a Stripe customer: the mapped parameters compared with the customer as
 * Stripe answered it, field by field. The mass sync's dry run shows it per customer ("phone,
 * address.city"). Pure: the caller has the Stripe customer already (the dry run's GET or lookup).
 */
import type { StripeCustomerParams } from "./mapping.js";

const SCALARS = ["email", "name", "phone", "description"] as const;
const ADDRESS_PARTS = ["line1", "line2", "city", "state", "postal_code", "country"] as const;

/** A Stripe value as compared: absent, null and `''` are all "blank". */
function blank(value: unknown): string {
  return value === undefined || value === null ? "" : String(value);
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
}

function addressChanges(prefix: string, wanted: unknown, current: unknown, out: string[]): void {
  const want = record(wanted);
  const have = record(current);
  for (const part of ADDRESS_PARTS) {
    if (blank(want[part]) !== blank(have[part])) out.push(`${prefix}.${part}`);
  }
}

/**
 * The Stripe fields `params` would change on `current` (a Stripe customer object; `undefined` for a
 * customer that would be created: every field `params` fills). Fields `params` does not name are never
 * touched, so never listed. Metadata keys are listed as `metadata.<key>`.
 */
export function plannedChanges(params: StripeCustomerParams, current: unknown): string[] {
  const out: string[] = [];
  const creating = current === undefined;
  const have = record(current);
  for (const field of SCALARS) {
    if (!(field in params)) continue;
    const want = blank(params[field]);
    if (creating ? want !== "" : want !== blank(have[field])) out.push(field);
  }
  if (params.preferred_locales !== undefined) {
    const want = params.preferred_locales.join(",");
    const now = Array.isArray(have.preferred_locales) ? have.preferred_locales.join(",") : "";
    if (creating ? want !== "" : want !== now) out.push("preferred_locales");
  }
  if (params.tax_exempt !== undefined) {
    // Stripe's default is "none": clearing it ('') and "none" are the same state.
    const want = params.tax_exempt === "" ? "none" : params.tax_exempt;
    const now = blank(have.tax_exempt) || "none";
    if (creating ? want !== "none" : want !== now) out.push("tax_exempt");
  }
  if (params.address !== undefined) addressChanges("address", params.address, have.address, out);
  if (params.shipping !== undefined) {
    const want = record(params.shipping);
    const now = record(have.shipping);
    for (const field of ["name", "phone"] as const) {
      if (blank(want[field]) !== blank(now[field])) out.push(`shipping.${field}`);
    }
    addressChanges("shipping.address", want.address, now.address, out);
  }
  const metadata = record(have.metadata);
  for (const key of Object.keys(params.metadata).sort()) {
    const want = blank(params.metadata[key]);
    if (creating ? want !== "" : want !== blank(metadata[key])) out.push(`metadata.${key}`);
  }
  return out;
}
