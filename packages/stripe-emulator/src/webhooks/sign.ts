import { createHmac, randomBytes, randomInt } from "node:crypto";

/** Stripe sends test-mode events with an extra `v0` signature and live-mode events without one. */
export type SigningMode = "test" | "live";

/** Hex HMAC-SHA256 of `"<t>.<payload>"`, keyed with the endpoint secret: Stripe's `v1` scheme. */
export function computeSignature(payload: string, secret: string, timestampSeconds: number): string {
  return createHmac("sha256", secret).update(`${timestampSeconds}.${payload}`, "utf8").digest("hex");
}

// Stripe's docs: "the only valid live signature scheme is v1. To aid with testing, Stripe sends an
// additional signature with a fake v0 scheme, for test mode events." The v0 key is Stripe's own and
// unpublished, so receivers cannot verify it and must ignore it; a per-process random key reproduces
// that (64 hex chars that change with the payload and `t`, useless to the receiver).
const V0_KEY = randomBytes(32);

/**
 * The `Stripe-Signature` header exactly as Stripe sends it:
 * `t=<unix seconds>,v1=<hex>` in live mode, `t=<unix seconds>,v1=<hex>,v0=<hex>` in test mode.
 */
export function signatureHeader(
  payload: string,
  secret: string,
  timestampSeconds: number,
  mode: SigningMode = "test",
): string {
  if (!Number.isSafeInteger(timestampSeconds) || timestampSeconds < 0) {
    throw new RangeError(`timestampSeconds must be a non-negative integer, got ${timestampSeconds}`);
  }
  const header = `t=${timestampSeconds},v1=${computeSignature(payload, secret, timestampSeconds)}`;
  if (mode === "live") return header;
  const v0 = createHmac("sha256", V0_KEY).update(`${timestampSeconds}.${payload}`, "utf8").digest("hex");
  return `${header},v0=${v0}`;
}

const ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** Random base62 string from a CSPRNG (randomInt avoids modulo bias). */
export function randomAlphanumeric(length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += ALPHANUMERIC.charAt(randomInt(ALPHANUMERIC.length));
  return out;
}

/** A fresh endpoint secret shaped like the Dashboard/API ones: `whsec_` + 32 base62 characters. */
export function newSigningSecret(): string {
  return `whsec_${randomAlphanumeric(32)}`;
}
