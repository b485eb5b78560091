/**
 * Stripe's signature, checked with the official SDK over the body's text. The SDK's errors carry the
 * header and payload, so they are reduced to a code here and never logged or echoed.
 *
 * The proxy hands over the text it already decoded (strictly, to forward it byte for byte): given
 * bytes, the SDK would decode them once to verify and again to parse.
 */
import Stripe from "stripe";

export type SignatureProblem = "SIGNATURE_MISSING" | "SIGNATURE_INVALID" | "SIGNATURE_EXPIRED";

export type Verified = { ok: true; event: unknown } | { ok: false; code: SignatureProblem; message: string };

/**
 * Verifies `header` over `payload` (the body's UTF-8 text, or its bytes) with `secret` and parses the
 * event; `nowMs` is the proxy's clock (injectable for tests).
 */
export function verifyStripeEvent(
  payload: string | Uint8Array,
  header: string | undefined,
  secret: string,
  toleranceS: number,
  nowMs: number,
): Verified {
  if (header === undefined || header.trim() === "") {
    return { ok: false, code: "SIGNATURE_MISSING", message: "The request has no Stripe-Signature header." };
  }
  let event: unknown;
  try {
    // Bytes went through the SDK's TextDecoder, which drops a leading BOM: text is checked the same way.
    const text = typeof payload === "string" ? withoutBom(payload) : Buffer.from(payload);
    event = Stripe.webhooks.constructEvent(text, header, secret, toleranceS, undefined, nowMs);
  } catch (error) {
    const expired = error instanceof Error && /tolerance/i.test(error.message);
    return expired ? expiredProblem(toleranceS) : invalidProblem();
  }
  // The SDK refuses only old timestamps; NetSuite (core's check) also refuses ones from the future,
  // so the proxy does too rather than forward what NetSuite will refuse.
  const timestamp = Number(/(?:^|,)\s*t=(\d{1,12})\s*(?:,|$)/.exec(header)?.[1]);
  if (!(Math.abs(Math.floor(nowMs / 1000) - timestamp) <= toleranceS)) return expiredProblem(toleranceS);
  return { ok: true, event };
}

function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function invalidProblem(): Verified {
  return {
    ok: false,
    code: "SIGNATURE_INVALID",
    message: "The Stripe-Signature header does not match the body and the endpoint's signing secret.",
  };
}

function expiredProblem(toleranceS: number): Verified {
  return {
    ok: false,
    code: "SIGNATURE_EXPIRED",
    message: `The signature's timestamp is more than ${toleranceS} s from now (a replay, or a clock off).`,
  };
}
