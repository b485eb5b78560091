/**
 * API keys to accounts. Each distinct secret key is its own account, so tests with several Stripe
 * accounts are real; the account ID is derived from the key, so a file database keeps it across runs.
 * Stripe accepts the key as a Bearer token or as the Basic-auth user name.
 */
import { createHash } from "node:crypto";
import { findOperation } from "@nss/stripe-spec";
import { StripeApiError, unsupported } from "./errors.js";
import type { Store, StoredAccount } from "./store.js";

const KEY = /^(sk|rk)_(test|live)_[A-Za-z0-9_]{1,247}$/;
const PUBLISHABLE_KEY = /^pk_(test|live)_[A-Za-z0-9_]{1,247}$/;

/**
 * Operations Stripe lets a publishable key call (Stripe.js creates PaymentMethods with one:
 * https://docs.stripe.com/js/payment_methods/create_payment_method). The emulator cannot tie a
 * publishable key to its account, so these answer UNSUPPORTED_BY_EMULATOR instead of working.
 */
const PUBLISHABLE_KEY_OPERATIONS = new Set(["PostPaymentMethods"]);

/**
 * A publishable key on a secret-key call: 403, code secret_key_required. Message and type: Stripe's
 * response quoted in spreedly/spreedly-gem#106 (code) and mohammedhammoud/django-rest-framework-stripe#3;
 * status 403 as recorded lately (SiimKirjanen/seatreg#97 "Status 403", getlago/lago-api#3650
 * PermissionError); in 2016 it was a 401. Undefined when the key is not a publishable one.
 */
export function publishableKeyRefusal(
  header: string | undefined,
  method: string,
  path: string,
): StripeApiError | undefined {
  const key = keyFromHeader(header);
  if (key === undefined || !PUBLISHABLE_KEY.test(key)) return undefined;
  const operation = findOperation(method, path)?.operation.operationId;
  if (operation === undefined || PUBLISHABLE_KEY_OPERATIONS.has(operation)) {
    return unsupported(
      `a publishable key on ${method} ${path}: the emulator cannot tie a publishable key to its account; use a secret key.`,
    );
  }
  return new StripeApiError(403, {
    type: "invalid_request_error",
    code: "secret_key_required", // no doc_url: none was seen in the recorded responses
    message:
      "This API call cannot be made with a publishable API key. Please use a secret API key. You can find a list of your API keys at https://dashboard.stripe.com/account/apikeys.",
  });
}

/** The key from an Authorization header, or undefined when there is none. */
export function keyFromHeader(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const [scheme, value = ""] = header.trim().split(/\s+/, 2);
  if (scheme?.toLowerCase() === "bearer") return value;
  if (scheme?.toLowerCase() === "basic") {
    const decoded = Buffer.from(value, "base64").toString("utf8");
    return decoded.split(":", 1)[0];
  }
  return undefined;
}

/** `sk_test_…4242`: shown on pages and in errors instead of the key. */
export function keyHint(key: string): string {
  const prefix = key.slice(0, key.indexOf("_", 3) + 1);
  return `${prefix}…${key.slice(-4)}`;
}

/** The account for a request's key, created on first use; Stripe's 401 otherwise. */
export function authenticate(store: Store, header: string | undefined, now: number): StoredAccount {
  const key = keyFromHeader(header);
  if (key === undefined || key === "") {
    throw new StripeApiError(401, {
      type: "invalid_request_error",
      message:
        "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.",
    });
  }
  if (!KEY.test(key)) {
    const shown =
      key.length > 12
        ? `${key.slice(0, 8)}${"*".repeat(Math.min(key.length - 12, 20))}${key.slice(-4)}`
        : key;
    throw new StripeApiError(401, {
      type: "invalid_request_error",
      message: `Invalid API Key provided: ${shown}`,
    });
  }
  const hash = createHash("sha256").update(key).digest("hex");
  const existing = store.findAccount(hash);
  if (existing) return existing;
  const account: StoredAccount = {
    id: `acct_1${base62(hash).slice(0, 15)}`,
    keyHint: keyHint(key),
    livemode: key.includes("_live_"),
    created: Math.floor(now / 1000),
  };
  store.addAccount(hash, account);
  return account;
}

function base62(hex: string): string {
  const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  let n = BigInt(`0x${hex}`);
  let out = "";
  while (n > 0n) {
    out += alphabet[Number(n % 62n)];
    n /= 62n;
  }
  return out;
}
