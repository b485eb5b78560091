/**
 * Stripe webhook signatures (`Stripe-Signature: t=<unix>,v1=<hex>[,v1=…][,v0=…]`), checked the way
 * stripe-node does but in pure code, so the NetSuite Suitelet can verify what the proxy forwards.
 * Unlike stripe-node, a timestamp too far in the future is refused as well as one too old.
 */
import { hmac } from "@noble/hashes/hmac.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import { fail, ok, type Result, type SyncIssue } from "./result.js";
import { utf8Encode } from "./utf8.js";

/** What to verify: the raw body exactly as received, the header, and the endpoint's signing secret. */
export interface VerifySignatureInput {
  payload: string;
  header: string | null | undefined;
  secret: string;
  /** The current time, Unix seconds (core reads no clock). */
  nowSeconds: number;
  /** Largest allowed distance between the signed time and now, in seconds (default 300). */
  toleranceSeconds?: number;
}

/** Stripe's default tolerance. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** A longer header is not Stripe's: refusing it keeps hostile input cheap. */
const MAX_HEADER_LENGTH = 8192;

/** Checks a Stripe-Signature header; on success returns the signed timestamp. */
export function verifyStripeSignature(input: VerifySignatureInput): Result<{ timestamp: number }> {
  if (input.secret === "") {
    return fail(
      issue(
        "SIGNATURE_NO_SECRET",
        "No webhook signing secret is configured to check the signature with.",
        "Store the endpoint's signing secret (whsec_…); if it was lost, create the endpoint again from the configuration: Stripe shows it only at creation.",
      ),
    );
  }
  const header = input.header ?? "";
  if (header.trim() === "") {
    return fail(
      issue(
        "SIGNATURE_HEADER_MISSING",
        "The request has no Stripe-Signature header.",
        "Only Stripe (through the webhook proxy) may call this endpoint; ignore the request.",
      ),
    );
  }
  const parsed = parseSignatureHeader(header);
  if (parsed === undefined) {
    return fail(
      issue(
        "SIGNATURE_HEADER_MALFORMED",
        "The Stripe-Signature header is not `t=<unix seconds>,v1=<hex>`.",
        "Check that the proxy forwards the Stripe-Signature header unchanged.",
      ),
    );
  }
  if (parsed.v1.length === 0) {
    return fail(
      issue(
        "SIGNATURE_NO_V1",
        "The Stripe-Signature header has no v1 signature.",
        "Check that the webhook endpoint is a Stripe endpoint signing with v1 (HMAC-SHA256).",
      ),
    );
  }
  const tolerance = input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (!(Math.abs(input.nowSeconds - parsed.timestamp) <= tolerance)) {
    return fail(
      issue(
        "SIGNATURE_TIMESTAMP_OUT_OF_TOLERANCE",
        `The signature was made at ${parsed.timestamp}, more than ${tolerance} s from now (${input.nowSeconds}).`,
        "Check the server clocks; a replayed old request is rightly refused, and Stripe retries with a fresh signature.",
      ),
    );
  }
  const expected = computeSignature(input.payload, input.secret, parsed.timestamp);
  // Compare with every v1 (there are several while a secret rotates), each in constant time.
  let matched = false;
  for (const candidate of parsed.v1) {
    if (constantTimeEqual(candidate, expected)) matched = true;
  }
  if (!matched) {
    return fail(
      issue(
        "SIGNATURE_MISMATCH",
        "No signature in the Stripe-Signature header matches the payload and the signing secret.",
        "Check that the body is forwarded byte for byte and that the signing secret belongs to this webhook endpoint.",
      ),
    );
  }
  return ok({ timestamp: parsed.timestamp });
}

/** The Stripe-Signature header Stripe would send for this payload: `t=<timestamp>,v1=<hex>`. */
export function signStripePayload(payload: string, secret: string, timestampSeconds: number): string {
  const timestamp = Math.floor(timestampSeconds);
  return `t=${timestamp},v1=${computeSignature(payload, secret, timestamp)}`;
}

/** HMAC-SHA256 over UTF-8 `<t>.<payload>`, hex. */
function computeSignature(payload: string, secret: string, timestamp: number): string {
  return bytesToHex(hmac(sha256, utf8Encode(secret), utf8Encode(`${timestamp}.${payload}`)));
}

/** The header's timestamp and v1 signatures; undefined when it is not a list of `key=value` with one `t`. */
function parseSignatureHeader(header: string): { timestamp: number; v1: string[] } | undefined {
  if (header.length > MAX_HEADER_LENGTH) return undefined;
  let timestamp: number | undefined;
  const v1: string[] = [];
  for (const item of header.split(",")) {
    const eq = item.indexOf("=");
    if (eq <= 0) return undefined;
    const key = item.slice(0, eq).trim();
    const value = item.slice(eq + 1).trim();
    if (key === "t") {
      if (timestamp !== undefined || !/^[0-9]{1,12}$/.test(value)) return undefined;
      timestamp = Number(value);
    } else if (key === "v1") {
      v1.push(value);
    }
    // Other schemes (v0 is a test-mode legacy signature) are ignored, as stripe-node does.
  }
  return timestamp === undefined ? undefined : { timestamp, v1 };
}

/** String equality whose time depends only on the lengths (the expected length is public). */
function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

function issue(code: string, message: string, fix: string): SyncIssue {
  return { code, message, fix, field: "Stripe-Signature" };
}
