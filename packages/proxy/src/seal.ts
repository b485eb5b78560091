/**
 * Sealed `pp_url` values: the NetSuite Suitelet URL (a bearer secret), the endpoint's signing secret
 * and the Stripe account record, encrypted with AES-256-GCM under the proxy's own key so Stripe can
 * hold them in a webhook URL without anyone being able to read or alter them.
 *
 * Format: `v1.<kid>.<base64url(iv[12] | ciphertext | tag[16])>`, with the kid as additional
 * authenticated data (a seal cannot be moved to another key). Key IDs allow rotation: the first
 * configured key seals, every configured key opens.
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

export interface SealKey {
  kid: string;
  key: Buffer;
}

/** What a seal holds. */
export interface SealedTarget {
  /** The NetSuite external Suitelet URL. */
  url: string;
  /** The Stripe endpoint's signing secret, `whsec_…`. */
  secret: string;
  /** The Stripe account record's ID in NetSuite. */
  account: string;
}

export type SealProblem = "SEAL_MALFORMED" | "SEAL_UNKNOWN_KEY" | "SEAL_INVALID";

export type Opened = { ok: true; value: SealedTarget } | { ok: false; code: SealProblem; message: string };

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** A longer pp_url is not one of ours; refusing it early keeps hostile input cheap. */
export const MAX_SEALED_CHARS = 4096;
const KID = /^[A-Za-z0-9_-]{1,32}$/;
const SEALED = /^v1\.([A-Za-z0-9_-]{1,32})\.([A-Za-z0-9_-]+)$/;

/** Seals `target` with the first key. */
export function seal(target: SealedTarget, keys: readonly SealKey[]): string {
  const current = keys[0];
  if (current === undefined) throw new Error("No seal key is configured.");
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", current.key, iv);
  cipher.setAAD(Buffer.from(current.kid, "utf8"));
  const plaintext = JSON.stringify({ v: 1, url: target.url, secret: target.secret, account: target.account });
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const data = Buffer.concat([iv, ciphertext, cipher.getAuthTag()]).toString("base64url");
  return `${VERSION}.${current.kid}.${data}`;
}

/** Opens a seal made with any of `keys`; never says more than which check failed. */
export function openSeal(sealed: string, keys: readonly SealKey[]): Opened {
  const match = sealed.length <= MAX_SEALED_CHARS ? SEALED.exec(sealed) : null;
  const kid = match?.[1];
  const data = match?.[2];
  if (kid === undefined || data === undefined) {
    return { ok: false, code: "SEAL_MALFORMED", message: "pp_url is not a sealed target of this proxy." };
  }
  const key = keys.find((k) => k.kid === kid);
  if (key === undefined) {
    return {
      ok: false,
      code: "SEAL_UNKNOWN_KEY",
      message: "pp_url was sealed with a key this proxy does not hold (retired or from another proxy).",
    };
  }
  const bytes = Buffer.from(data, "base64url");
  const invalid = {
    ok: false,
    code: "SEAL_INVALID",
    message: "pp_url does not open: it was altered or sealed by another key.",
  } as const;
  if (bytes.length < IV_BYTES + TAG_BYTES + 1) return invalid;
  let plaintext: string;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key.key, bytes.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(kid, "utf8"));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    plaintext = Buffer.concat([
      decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
      decipher.final(),
    ]).toString("utf8");
  } catch {
    return invalid;
  }
  let content: unknown;
  try {
    content = JSON.parse(plaintext);
  } catch {
    return invalid;
  }
  const target = sealedTargetOf(content);
  return target === undefined ? invalid : { ok: true, value: target };
}

/** The target in a seal's plaintext (or in a /seal request), when every field is sound. */
export function sealedTargetOf(value: unknown, version: 1 | "any" = 1): SealedTarget | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { v, url, secret, account } = value as Record<string, unknown>;
  if (version === 1 && v !== 1) return undefined;
  if (typeof url !== "string" || url.length === 0 || url.length > 2048) return undefined;
  if (typeof secret !== "string" || !/^whsec_[A-Za-z0-9+/=_-]{1,250}$/.test(secret)) return undefined;
  if (typeof account !== "string" || account.length === 0 || account.length > 255) return undefined;
  return { url, secret, account };
}

/** Parses `kid:base64,kid:base64`; the message never contains key material. */
export function parseSealKeys(text: string): { ok: true; value: SealKey[] } | { ok: false; message: string } {
  const keys: SealKey[] = [];
  const entries = text.split(",").map((entry) => entry.trim());
  for (const [index, entry] of entries.entries()) {
    const colon = entry.indexOf(":");
    const kid = colon > 0 ? entry.slice(0, colon) : "";
    const where = `entry ${index + 1}`;
    if (!KID.test(kid)) {
      return { ok: false, message: `${where} needs a key ID of 1 to 32 letters, digits, - or _ before ":".` };
    }
    const encoded = entry.slice(colon + 1);
    const key = /^[A-Za-z0-9+/]+={0,2}$/.test(encoded) ? Buffer.from(encoded, "base64") : Buffer.alloc(0);
    if (key.length !== 32) {
      return { ok: false, message: `${where} (key ID "${kid}") is not the base64 of 32 bytes.` };
    }
    if (keys.some((k) => k.kid === kid)) return { ok: false, message: `key ID "${kid}" appears twice.` };
    keys.push({ kid, key });
  }
  return { ok: true, value: keys };
}

/** A fresh key in the `PROXY_SEAL_KEYS` form. */
export function generateSealKey(kid: string): string {
  if (!KID.test(kid)) throw new Error("A key ID has 1 to 32 letters, digits, - or _.");
  return `${kid}:${randomBytes(32).toString("base64")}`;
}
