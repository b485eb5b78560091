/**
 * The Idempotency-Key for creating a Stripe customer. The button, the User Event and the Map/Reduce
 * can sync the same customer at the same moment; every one of them sends the same key, so Stripe
 * creates one customer and replays that answer to the others.
 *
 * The key deliberately leaves the payload out. Two racing runs may have read different data (a
 * user saved in between); with the payload in the key they would get different keys and both
 * create. With it out they collide: the loser gets the winner's customer (or an idempotency_error
 * for different parameters), and its data is applied by the next update, never by a second create.
 *
 * Stripe keeps a key for at least 24 hours and replays its first answer. After a Stripe customer is
 * deleted and the user blanks the stored ID to relink, the same key would replay the dead customer:
 * `generation` (kept per link, raised on each relink) gives the new create a new key.
 */

import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import { fail, ok, type Result, type SyncIssue } from "./result.js";
import { utf8Encode } from "./utf8.js";

/** Who the Stripe customer is created for. */
export interface IdempotencyKeyInput {
  /** The Stripe account (its NetSuite account record ID or `acct_…`). */
  accountId: string;
  /** NetSuite internal ID of the customer. */
  customerId: string;
  /** NetSuite internal ID of the subsidiary; blank for accounts without OneWorld. */
  subsidiaryId: string;
  /** Relink counter, a non-negative integer (default 0); raise it to create again within 24 hours. */
  generation?: number;
}

/** Stripe accepts keys up to 255 characters. */
const MAX_KEY_LENGTH = 255;
const PREFIX = "nss-cus-v1";

/** The key for creating this customer's Stripe customer: same input, same key, on every run. */
export function createIdempotencyKey(input: IdempotencyKeyInput): Result<string> {
  const issues: SyncIssue[] = [];
  const record = `customer ${input.customerId}`;
  if (input.accountId.trim() === "") {
    issues.push({
      code: "IDEMPOTENCY_NO_ACCOUNT",
      message: `No Stripe account is given for creating the Stripe customer of customer ${input.customerId}.`,
      fix: "Check that the customer's subsidiary is served by a Stripe account record.",
      record,
    });
  }
  if (input.customerId.trim() === "") {
    issues.push({
      code: "IDEMPOTENCY_NO_CUSTOMER",
      message: "No NetSuite customer ID is given for creating a Stripe customer.",
      fix: "Save the customer in NetSuite before syncing it.",
    });
  }
  const generation = input.generation ?? 0;
  if (!Number.isSafeInteger(generation) || generation < 0) {
    issues.push({
      code: "IDEMPOTENCY_BAD_GENERATION",
      message: `The link generation of customer ${input.customerId} is ${generation}, not a non-negative integer.`,
      fix: "Reset the link's generation to 0 (or its last whole value) and sync again.",
      record,
    });
  }
  if (issues.length > 0) return fail(...issues);

  // Each part is escaped so `:` only ever separates parts: `a:b` + `c` never meets `a` + `b:c`.
  const readable = [PREFIX, input.accountId, input.customerId, input.subsidiaryId, `g${generation}`]
    .map((part, i) => (i === 0 ? part : escapeKeyPart(part)))
    .join(":");
  if (readable.length <= MAX_KEY_LENGTH) return ok(readable);
  // Too long to read anyway: a hash of the same text, under its own prefix so it cannot meet a readable key.
  return ok(`${PREFIX}-h:${bytesToHex(sha256(utf8Encode(readable)))}`);
}

/** Percent-encodes every UTF-8 byte outside `A-Z a-z 0-9 _ -`, so keys are plain ASCII. */
function escapeKeyPart(part: string): string {
  let out = "";
  for (const ch of part) {
    if (/^[A-Za-z0-9_-]$/.test(ch)) {
      out += ch;
    } else {
      for (const byte of utf8Encode(ch)) out += `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
    }
  }
  return out;
}
