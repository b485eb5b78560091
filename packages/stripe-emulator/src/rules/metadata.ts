/**
 * Stripe's metadata limits (https://docs.stripe.com/api/metadata): "You can specify up to 50 keys, with
 * key names up to 40 characters long and values up to 500 characters long ... you can't use square
 * brackets ([ and ]) in keys." An update merges into the stored metadata (`''` removes a key, `''` for
 * the whole hash clears it), so the 50-key limit applies to the result. Characters are code points, as
 * Stripe (Ruby) counts them and as @nss/stripe-spec's maxLength does.
 */
import { mergeMetadata } from "../context.js";
import { StripeApiError } from "../errors.js";
import { unsupported } from "./refusals.js";

export const METADATA_LIMITS = { keys: 50, keyLength: 40, valueLength: 500 } as const;

const length = (text: string): number => [...text].length;

function metadataError(message: string): StripeApiError {
  return new StripeApiError(400, { type: "invalid_request_error", message, param: "metadata" });
}

/**
 * The metadata after applying `update` to `current`, or Stripe's refusal. Messages:
 * - key: "Invalid key: <key> must be a string under 40 characters", param metadata (a response quoted,
 *   and the template confirmed by Stripe's brandur, in https://github.com/stripe/stripe-php/issues/246);
 * - value: "Invalid val: <value> must be a string under 500 characters", param metadata (a real body in
 *   https://github.com/houndci/hound/pull/817; same template in stripe-php#246);
 * - count: "Metadata can have up to 50 keys, but you've set 51. Email us at support+metadata@stripe.com
 *   for more information." (https://github.com/FlowFuse/flowfuse/issues/1948). Its param is not recorded;
 *   `metadata` is assumed from the two above.
 * These wordings date from 2015–2023; Stripe may have reworded them since.
 */
export function checkedMetadata(current: Record<string, string>, update: unknown): Record<string, string> {
  if (typeof update === "object" && update !== null) {
    for (const [key, value] of Object.entries(update as Record<string, unknown>)) {
      // Unreachable through a form body (the decoder refuses a bracket inside a key), kept for other callers.
      if (/[[\]]/.test(key)) {
        throw unsupported(
          `metadata keys cannot contain [ or ] (docs.stripe.com/api/metadata): ${key}`,
          "metadata",
        );
      }
      if (length(key) > METADATA_LIMITS.keyLength) {
        throw metadataError(
          `Invalid key: ${key} must be a string under ${METADATA_LIMITS.keyLength} characters`,
        );
      }
      if (typeof value === "string" && length(value) > METADATA_LIMITS.valueLength) {
        throw metadataError(
          `Invalid val: ${value} must be a string under ${METADATA_LIMITS.valueLength} characters`,
        );
      }
    }
  }
  const merged = mergeMetadata(current, update);
  const count = Object.keys(merged).length;
  if (count > METADATA_LIMITS.keys) {
    throw metadataError(
      `Metadata can have up to ${METADATA_LIMITS.keys} keys, but you've set ${count}. Email us at support+metadata@stripe.com for more information.`,
    );
  }
  return merged;
}
