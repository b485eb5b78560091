import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createIdempotencyKey, type IdempotencyKeyInput } from "../src/idempotency.js";

const base: IdempotencyKeyInput = { accountId: "3", customerId: "107", subsidiaryId: "1" };

function keyOf(input: IdempotencyKeyInput): string {
  const result = createIdempotencyKey(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

describe("createIdempotencyKey", () => {
  it("is readable and depends only on account, customer, subsidiary and generation", () => {
    expect(keyOf(base)).toBe("nss-cus-v1:3:107:1:g0");
    expect(keyOf({ ...base, generation: 0 })).toBe("nss-cus-v1:3:107:1:g0");
    expect(keyOf({ ...base, generation: 2 })).toBe("nss-cus-v1:3:107:1:g2");
    expect(keyOf({ accountId: "acct_1Nv0", customerId: "9", subsidiaryId: "" })).toBe(
      "nss-cus-v1:acct_1Nv0:9::g0",
    );
  });

  it("is the same on every run, so racing creates collide", () => {
    expect(keyOf({ ...base })).toBe(keyOf({ accountId: "3", customerId: "107", subsidiaryId: "1" }));
  });

  it("differs for each part", () => {
    const keys = [
      base,
      { ...base, accountId: "4" },
      { ...base, customerId: "108" },
      { ...base, subsidiaryId: "2" },
      { ...base, generation: 1 },
    ].map(keyOf);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("escapes separators and non-ASCII so parts cannot run into each other", () => {
    expect(keyOf({ accountId: "a:b", customerId: "c", subsidiaryId: "Ø 1" })).toBe(
      "nss-cus-v1:a%3Ab:c:%C3%98%201:g0",
    );
    expect(keyOf({ accountId: "a:b", customerId: "c", subsidiaryId: "" })).not.toBe(
      keyOf({ accountId: "a", customerId: "b:c", subsidiaryId: "" }),
    );
  });

  it("hashes a key that would be longer than Stripe's 255 characters", () => {
    const long = { ...base, subsidiaryId: "s".repeat(300) };
    const readable = `nss-cus-v1:3:107:${"s".repeat(300)}:g0`;
    expect(keyOf(long)).toBe(`nss-cus-v1-h:${createHash("sha256").update(readable).digest("hex")}`);
    const fits = { ...base, subsidiaryId: "s".repeat(255 - "nss-cus-v1:3:107::g0".length) };
    expect(keyOf(fits)).toHaveLength(255);
    expect(keyOf(fits).startsWith("nss-cus-v1:3:107:")).toBe(true);
  });

  it("always gives at most 255 safe characters, different for different customers", () => {
    const part = fc.string({ unit: "grapheme", minLength: 1, maxLength: 150 }).filter((s) => s.trim() !== "");
    fc.assert(
      fc.property(
        part,
        part,
        fc.string({ maxLength: 150 }),
        fc.nat(),
        part,
        (account, customer, sub, gen, other) => {
          const input = { accountId: account, customerId: customer, subsidiaryId: sub, generation: gen };
          const key = keyOf(input);
          expect(key).toMatch(/^[A-Za-z0-9_%:-]{1,255}$/);
          fc.pre(other !== customer);
          expect(keyOf({ ...input, customerId: other })).not.toBe(key);
        },
      ),
      { numRuns: 300 },
    );
  });

  it.each([
    [{ ...base, accountId: " " }, "IDEMPOTENCY_NO_ACCOUNT"],
    [{ ...base, customerId: "" }, "IDEMPOTENCY_NO_CUSTOMER"],
    [{ ...base, generation: -1 }, "IDEMPOTENCY_BAD_GENERATION"],
    [{ ...base, generation: 1.5 }, "IDEMPOTENCY_BAD_GENERATION"],
    [{ ...base, generation: Number.NaN }, "IDEMPOTENCY_BAD_GENERATION"],
  ])("refuses %j with %s", (input, code) => {
    const result = createIdempotencyKey(input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((e) => e.code)).toEqual([code]);
  });

  it("reports every problem at once", () => {
    const result = createIdempotencyKey({ accountId: "", customerId: "", subsidiaryId: "", generation: -2 });
    expect(!result.ok && result.errors.map((e) => e.code)).toEqual([
      "IDEMPOTENCY_NO_ACCOUNT",
      "IDEMPOTENCY_NO_CUSTOMER",
      "IDEMPOTENCY_BAD_GENERATION",
    ]);
  });
});
