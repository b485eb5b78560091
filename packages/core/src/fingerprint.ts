/**
 * The fingerprint of a mapped payload, stored per link: when it has not changed, the sync costs no
 * Stripe call. It must depend on the data only, never on the order fields were read in.
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import { utf8Encode } from "./utf8.js";

/** A JSON-like value; `undefined` in an object means "absent" and is dropped. */
export type CanonicalValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | readonly CanonicalValue[]
  | { readonly [key: string]: CanonicalValue };

/**
 * JSON with object keys sorted (by UTF-16 code units) at every depth, no whitespace, `undefined`
 * properties dropped. Elsewhere it is JSON.stringify: arrays keep their order, `undefined` or a
 * non-finite number in an array is `null`, and a top-level `undefined` is `null`.
 */
export function canonicalJson(value: CanonicalValue): string {
  if (value === undefined || value === null) return "null";
  if (typeof value === "number") return Number.isFinite(value) ? JSON.stringify(value) : "null";
  if (typeof value === "string" || typeof value === "boolean") return JSON.stringify(value);
  if (isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(",")}]`;
  const members: string[] = [];
  for (const key of Object.keys(value).sort()) {
    const member = value[key];
    if (member !== undefined) members.push(`${JSON.stringify(key)}:${canonicalJson(member)}`);
  }
  return `{${members.join(",")}}`;
}

/** `v1:` + the SHA-256 hex of the canonical JSON; the version lets the scheme change without false matches. */
export function fingerprint(params: CanonicalValue): string {
  return `v1:${bytesToHex(sha256(utf8Encode(canonicalJson(params))))}`;
}

// Array.isArray does not narrow readonly arrays out of a union.
function isArray(value: CanonicalValue): value is readonly CanonicalValue[] {
  return Array.isArray(value);
}
