/** Stripe-shaped IDs: a type prefix and random base62, e.g. `cus_Pq8vU2f6Tk1aBc`. */
import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

export function randomToken(length: number): string {
  const bytes = randomBytes(length);
  let out = "";
  // 248 = 4 × 62: rejecting higher bytes keeps every character equally likely.
  for (let i = 0; out.length < length; i++) {
    const byte = i < bytes.length ? (bytes[i] as number) : (randomBytes(1)[0] as number);
    if (byte < 248) out += ALPHABET[byte % 62];
  }
  return out;
}

export function newId(prefix: string, length = 14): string {
  return `${prefix}_${randomToken(length)}`;
}

/** Unix seconds, as Stripe's `created`. */
export function unixSeconds(ms: number): number {
  return Math.floor(ms / 1000);
}
