/**
 * Core refuses what Stripe refuses, before a round trip: each value the Stripe emulator refuses (its
 * rules cite Stripe's docs and recorded responses) is a mapping error in core naming the customer and
 * field, or core sends a form of it Stripe accepts. Here because only the sandbox may see both.
 */
import { METADATA_LIMITS as CORE_METADATA_LIMITS, type ColumnValue, mapCustomer } from "@nss/core";
import { isStripeEmail, METADATA_LIMITS } from "@nss/stripe-emulator";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

const context = { customerId: "107", subsidiaryId: "3", syncField: "email", mode: "create" } as const;
const column = (label: string, value: string): ColumnValue => ({ name: label, label, value });

/** The email core would send for `value`, or the issue it reports instead. */
function coreEmail(value: string): { sent: string } | { code: string; field: string; message: string } {
  const result = mapCustomer([column("email", value)], context);
  if (result.ok) return { sent: result.value.email ?? "" };
  const [error] = result.errors;
  return { code: error?.code ?? "", field: error?.field ?? "", message: error?.message ?? "" };
}

// Refused by Stripe in recorded responses (the sources are cited in the emulator's rules/email.ts).
const REFUSED = [
  "otameshi@com",
  " k.shimizu139@gmail.com",
  "odatakeryu",
  "paasonauyuya＠iCloud.com",
  "mehmetakdemir9212@gmail",
  "kalkidan2@gmile",
  "test@test",
  "admin@localhost",
  "someone@",
  "someone@.maie.com",
];

describe("core's mapping refuses the emails Stripe refuses", () => {
  it.each(REFUSED)("%j is refused by the emulator's rule", (email) => {
    expect(isStripeEmail(email)).toBe(false);
  });

  it.each(REFUSED)("%j never reaches Stripe as it is", (email) => {
    const outcome = coreEmail(email);
    if ("sent" in outcome) {
      // Core trims a column's text: what it sends must be an address Stripe takes.
      expect(outcome.sent).toBe(email.trim());
      expect(isStripeEmail(outcome.sent)).toBe(true);
    } else {
      // The customer and the column, so the user knows which record and field to correct.
      expect(outcome).toEqual({
        code: "MAPPING_INVALID_EMAIL",
        field: "column 1 (email)",
        message: expect.stringMatching(/^Customer 107: .*not an email address/),
      });
    }
  });

  it("whatever text a column holds, what core sends as an email Stripe accepts", () => {
    const local = fc.stringMatching(/^[a-z0-9.+_@ ＠-]{0,12}$/);
    const emailish = fc.oneof(
      fc.string(),
      fc.tuple(local, fc.constantFrom("@", "＠", ""), local).map(([a, at, b]) => `${a}${at}${b}`),
    );
    fc.assert(
      fc.property(emailish, (email) => {
        const outcome = coreEmail(email);
        return !("sent" in outcome) || isStripeEmail(outcome.sent);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("core's metadata limits are Stripe's", () => {
  it("keys, key length and value length", () => {
    expect(CORE_METADATA_LIMITS).toEqual({
      maxKeys: METADATA_LIMITS.keys,
      maxKeyLength: METADATA_LIMITS.keyLength,
      maxValueLength: METADATA_LIMITS.valueLength,
    });
  });

  it("a value over the limit is a mapping error naming the column, not a Stripe round trip", () => {
    const result = mapCustomer(
      [column("email", "ada@example.com"), column("metadata.region", "x".repeat(501))],
      context,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.code)).toEqual(["MAPPING_VALUE_TOO_LONG"]);
  });
});
