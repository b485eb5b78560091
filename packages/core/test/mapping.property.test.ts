import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { KNOWN_LABELS, METADATA_LIMITS, parseColumnLabels } from "../src/labels.js";
import { type ColumnValue, type MappingContext, mapCustomer } from "../src/mapping.js";

const chars = (s: string) => Array.from(s).length;
const RESERVED = ["netsuite_customer_id", "netsuite_subsidiary"];

const fixedLabels = KNOWN_LABELS.filter((l) => l !== "metadata.<key>");

const metadataKey = fc.oneof(
  fc.constantFrom("region", "tier", "Region", "owner", "k"),
  fc.string({ minLength: 1, maxLength: 45 }),
  fc.string({ minLength: 38, maxLength: 42, unit: "grapheme-ascii" }),
);
const label = fc.oneof(
  fc.constantFrom(...fixedLabels),
  metadataKey.map((k) => `metadata.${k}`),
);
const anyValue = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ minLength: 490, maxLength: 520 }),
  fc.string({ maxLength: 600, unit: "grapheme" }),
  fc.constantFrom("", " ", null, undefined, "ada@example.com", "US", "Germany", "en,fr-CA", "exempt"),
  fc.integer(),
  fc.boolean(),
);
const context: fc.Arbitrary<MappingContext> = fc.record({
  customerId: fc.stringMatching(/^[1-9][0-9]{0,6}$/),
  subsidiaryId: fc.stringMatching(/^[1-9][0-9]{0,3}$/),
  syncField: fc.constantFrom("email", "custentity_code", "phone"),
  syncValue: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
  mode: fc.constantFrom("create" as const, "update" as const),
});
const columns = fc.array(
  fc.record({ label, value: anyValue, text: fc.option(fc.string({ maxLength: 10 }), { nil: undefined }) }),
  { maxLength: 60 },
);
const toColumns = (cols: { label: string; value: unknown; text: string | undefined }[]): ColumnValue[] =>
  cols.map((col, i) => ({
    name: `f${i}`,
    label: col.label,
    value: col.value,
    ...(col.text === undefined ? {} : { text: col.text }),
  }));

describe("mapCustomer properties", () => {
  it("never outputs metadata beyond Stripe's limits: it errors instead", () => {
    fc.assert(
      fc.property(columns, context, (cols, ctx) => {
        const result = mapCustomer(toColumns(cols), ctx);
        // The mapping reads a select column's text before its value.
        const effective = (col: (typeof cols)[number]) => (col.text?.trim() ? col.text.trim() : col.value);
        const tooLong = cols.some((col) => {
          const value = effective(col);
          return col.label.startsWith("metadata.") && typeof value === "string" && chars(value.trim()) > 500;
        });
        if (tooLong) expect(result.ok).toBe(false);
        if (!result.ok) return;
        const entries = Object.entries(result.value.metadata);
        expect(entries.length).toBeLessThanOrEqual(METADATA_LIMITS.maxKeys);
        for (const [key, value] of entries) {
          expect(key.length).toBeGreaterThan(0);
          expect(key.length).toBeLessThanOrEqual(METADATA_LIMITS.maxKeyLength);
          expect(key).not.toMatch(/[[\]]/);
          expect(chars(value)).toBeLessThanOrEqual(METADATA_LIMITS.maxValueLength);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("never outputs a field the labels did not name", () => {
    fc.assert(
      fc.property(columns, context, (cols, ctx) => {
        const result = mapCustomer(toColumns(cols), ctx);
        if (!result.ok) return;
        const named = new Set(cols.map((col) => col.label.toLowerCase()));
        const { metadata, address, shipping, ...simple } = result.value;
        for (const key of Object.keys(simple)) expect(named.has(key)).toBe(true);
        if (address !== undefined) {
          expect([...named].some((l) => l.startsWith("address."))).toBe(true);
          if (address !== "")
            for (const part of Object.keys(address)) expect(named.has(`address.${part}`)).toBe(true);
        }
        if (shipping !== undefined) {
          expect([...named].some((l) => l.startsWith("shipping."))).toBe(true);
          if (shipping !== "") {
            for (const key of Object.keys(shipping)) {
              if (key !== "address") expect(named.has(`shipping.${key}`)).toBe(true);
            }
            for (const part of Object.keys(shipping.address))
              expect(named.has(`shipping.address.${part}`)).toBe(true);
          }
        }
        const metadataLabels = new Set(cols.map((col) => col.label.trim().slice("metadata.".length).trim()));
        for (const key of Object.keys(metadata)) {
          const own = RESERVED.includes(key) || (ctx.syncField !== "email" && key === ctx.syncField);
          expect(own || metadataLabels.has(key)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("on update with every value blank, clears exactly the named fields", () => {
    const blank = fc.constantFrom<unknown>("", "   ", null, undefined);
    const labels = fc.uniqueArray(label, {
      maxLength: 30,
      selector: (l) => (l.startsWith("metadata.") ? l.slice(9).trim() : l),
    });
    fc.assert(
      fc.property(
        labels,
        fc.array(blank, { minLength: 30, maxLength: 30 }),
        context,
        (picked, blanks, ctx) => {
          const cols = picked.map((l, i) => ({ name: `f${i}`, label: l, value: blanks[i], text: "" }));
          fc.pre(parseColumnLabels(cols, { syncField: ctx.syncField }).ok);
          const result = mapCustomer(cols, { ...ctx, mode: "update", syncValue: "" });
          expect(result.ok).toBe(true);
          if (!result.ok) return;

          const expected: Record<string, unknown> = {};
          const metadata: Record<string, string> = {};
          for (const l of picked) {
            const lower = l.toLowerCase();
            if (lower.startsWith("metadata.")) metadata[l.trim().slice("metadata.".length).trim()] = "";
            else if (lower.startsWith("address.")) expected.address = "";
            else if (lower.startsWith("shipping.")) expected.shipping = "";
            // Stripe's contract cannot clear preferred_locales: a blank leaves it out.
            else if (lower !== "preferred_locales") expected[lower] = "";
          }
          metadata.netsuite_customer_id = ctx.customerId;
          metadata.netsuite_subsidiary = ctx.subsidiaryId;
          if (ctx.syncField !== "email") metadata[ctx.syncField] = "";
          expect(result.value).toEqual({ ...expected, metadata });
        },
      ),
      { numRuns: 300 },
    );
  });
});
