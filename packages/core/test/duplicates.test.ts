import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  bucketEntries,
  DUPLICATE_BUCKETS,
  type DuplicateEntry,
  duplicateBucket,
  duplicateEntries,
  findDuplicateGroups,
  normalizeEmail,
  readDuplicateEntries,
} from "../src/duplicates.js";

describe("normalizeEmail", () => {
  it("removes white space anywhere and lowers case", () => {
    expect(normalizeEmail("  Ada.Lovelace@Example.COM ")).toBe("ada.lovelace@example.com");
    expect(normalizeEmail("ada @example.com")).toBe("ada@example.com");
    expect(normalizeEmail("\tADA@EXAMPLE.COM\n")).toBe("ada@example.com");
  });

  it("is blank for what is not an address", () => {
    for (const v of [undefined, null, 42, "", "   ", "no-at-sign", "@example.com", "ada@"]) {
      expect(normalizeEmail(v)).toBe("");
    }
  });
});

describe("duplicateEntries", () => {
  it("gives an email entry and a netsuite_customer_id entry, trimmed", () => {
    expect(
      duplicateEntries({ id: "cus_1", email: " A@B.io", metadata: { netsuite_customer_id: " 107 " } }),
    ).toEqual([
      ["email", "a@b.io", "cus_1"],
      ["netsuite_id", "107", "cus_1"],
    ]);
  });

  it("gives nothing for a customer with neither", () => {
    expect(duplicateEntries({ id: "cus_1", email: null, metadata: {} })).toEqual([]);
    expect(duplicateEntries({ id: "cus_1" })).toEqual([]);
    expect(duplicateEntries({ id: "cus_1", metadata: { netsuite_customer_id: 7 } })).toEqual([]);
  });
});

describe("duplicateBucket", () => {
  it("is stable, within range, and depends on the kind", () => {
    expect(duplicateBucket("email", "a@b.io")).toBe(duplicateBucket("email", "a@b.io"));
    fc.assert(
      fc.property(fc.string(), (value) => {
        const b = duplicateBucket("email", value);
        return Number.isInteger(b) && b >= 0 && b < DUPLICATE_BUCKETS;
      }),
    );
  });

  it("spreads values over every bucket", () => {
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) seen.add(duplicateBucket("email", `user${i}@example.com`));
    expect(seen.size).toBe(DUPLICATE_BUCKETS);
  });
});

describe("findDuplicateGroups", () => {
  it("keeps values shared by two or more distinct Stripe customers, sorted", () => {
    const entries: DuplicateEntry[] = [
      ["email", "a@b.io", "cus_2"],
      ["email", "a@b.io", "cus_1"],
      ["email", "a@b.io", "cus_1"],
      ["email", "c@d.io", "cus_3"],
      ["netsuite_id", "107", "cus_4"],
      ["netsuite_id", "107", "cus_5"],
      ["netsuite_id", "108", "cus_5"],
      ["netsuite_id", "a@b.io", "cus_9"],
    ];
    expect(findDuplicateGroups(entries)).toEqual([
      { kind: "email", value: "a@b.io", stripeIds: ["cus_1", "cus_2"] },
      { kind: "netsuite_id", value: "107", stripeIds: ["cus_4", "cus_5"] },
    ]);
  });

  it("one customer listed twice is not a duplicate of itself", () => {
    expect(
      findDuplicateGroups([
        ["email", "a@b.io", "cus_1"],
        ["email", "a@b.io", "cus_1"],
      ]),
    ).toEqual([]);
  });

  it("grouping bucket by bucket finds exactly what grouping everything at once finds", () => {
    const entry = fc.tuple(
      fc.constantFrom("email" as const, "netsuite_id" as const),
      fc.constantFrom("a@x.io", "b@x.io", "c@x.io", "1", "2", "3"),
      fc.constantFrom("cus_1", "cus_2", "cus_3", "cus_4"),
    );
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 60 }), fc.integer({ min: 1, max: 8 }), (entries, n) => {
        const whole = findDuplicateGroups(entries);
        const parts = [...bucketEntries(entries, n).values()].flatMap((b) => findDuplicateGroups(b));
        const key = (g: { kind: string; value: string }) => `${g.kind}:${g.value}`;
        expect(parts.sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
          [...whole].sort((a, b) => key(a).localeCompare(key(b))),
        );
      }),
    );
  });
});

describe("readDuplicateEntries", () => {
  it("reads what JSON.stringify wrote and drops anything else", () => {
    const entries: DuplicateEntry[] = [["email", "a@b.io", "cus_1"]];
    expect(readDuplicateEntries(JSON.stringify(entries))).toEqual(entries);
    expect(
      readDuplicateEntries('[["phone","1","cus_1"],["email",1,"cus_1"],"x",["email","a","b","c"]]'),
    ).toEqual([]);
    expect(readDuplicateEntries("not json")).toEqual([]);
    expect(readDuplicateEntries('{"a":1}')).toEqual([]);
  });
});
