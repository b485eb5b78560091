import { describe, expect, it } from "vitest";
import {
  type ColumnRef,
  describeColumn,
  KNOWN_LABELS,
  parseColumnLabels,
  parseLabel,
  targetLabel,
} from "../src/labels.js";

const col = (label: string | undefined, name = "field", join?: string): ColumnRef => ({
  name,
  ...(join ? { join } : {}),
  ...(label === undefined ? {} : { label }),
});

function codes(columns: ColumnRef[], syncField?: string) {
  const result = parseColumnLabels(columns, syncField === undefined ? {} : { syncField });
  return result.ok ? [] : result.errors.map((e) => [e.code, e.field]);
}

describe("parseLabel", () => {
  it.each([
    ["email", { kind: "field", field: "email" }],
    ["Email", { kind: "field", field: "email" }],
    [" NAME ", { kind: "field", field: "name" }],
    ["phone", { kind: "field", field: "phone" }],
    ["description", { kind: "field", field: "description" }],
    ["preferred_locales", { kind: "field", field: "preferred_locales" }],
    ["tax_exempt", { kind: "field", field: "tax_exempt" }],
    ["address.line1", { kind: "address", part: "line1" }],
    ["Address.Postal_Code", { kind: "address", part: "postal_code" }],
    ["address.country", { kind: "address", part: "country" }],
    ["shipping.name", { kind: "shipping", field: "name" }],
    ["shipping.phone", { kind: "shipping", field: "phone" }],
    ["shipping.address.state", { kind: "shippingAddress", part: "state" }],
    ["metadata.Region", { kind: "metadata", key: "Region" }],
    ["METADATA.sales rep", { kind: "metadata", key: "sales rep" }],
    ["metadata. tier ", { kind: "metadata", key: "tier" }],
  ])("reads %j", (label, target) => {
    expect(parseLabel(label)).toEqual(target);
  });

  it.each([
    "",
    "mail",
    "address",
    "address.street",
    "address.line1.x",
    "shipping",
    "shipping.address",
    "shipping.email",
    "shipping.address.zip",
    "metadata.",
    "metadata.  ",
    "metadata",
    "balance",
  ])("refuses %j", (label) => {
    expect(parseLabel(label)).toBeUndefined();
  });

  it("round-trips every known label through targetLabel", () => {
    for (const label of KNOWN_LABELS) {
      const concrete = label.replace("<key>", "k");
      const target = parseLabel(concrete);
      expect(target && targetLabel(target)).toBe(concrete);
    }
  });
});

describe("describeColumn", () => {
  it("names the column 1-based, with its join", () => {
    expect(describeColumn({ name: "city" }, 0)).toBe("column 1 (city)");
    expect(describeColumn({ name: "city", join: "billingAddress" }, 2)).toBe(
      "column 3 (billingAddress.city)",
    );
  });
});

describe("parseColumnLabels", () => {
  it("plans every labelled column in order", () => {
    const result = parseColumnLabels([col("email", "email"), col("address.city", "city", "billingAddress")]);
    expect(result).toEqual({
      ok: true,
      value: {
        columns: [
          { index: 0, label: "email", target: { kind: "field", field: "email" } },
          { index: 1, label: "address.city", target: { kind: "address", part: "city" } },
        ],
      },
    });
  });

  it("accepts an empty search", () => {
    expect(parseColumnLabels([])).toEqual({ ok: true, value: { columns: [] } });
  });

  it("refuses a column without a custom label, naming it", () => {
    const result = parseColumnLabels([
      col("email", "email"),
      col(undefined, "city", "billingAddress"),
      col("  ", "x"),
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.code, e.field])).toEqual([
      ["MAPPING_MISSING_LABEL", "column 2 (billingAddress.city)"],
      ["MAPPING_MISSING_LABEL", "column 3 (x)"],
    ]);
    expect(result.errors[0]?.message).toBe(
      "The saved search's column 2 (billingAddress.city) has no custom label, so it fills no Stripe field.",
    );
    expect(result.errors[0]?.fix).toContain("shipping.address.line1");
  });

  it("refuses an unknown label, naming the column and the label", () => {
    const result = parseColumnLabels([col("e-mail", "email")]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({
      code: "MAPPING_UNKNOWN_LABEL",
      field: "column 1 (email)",
      message: `The saved search's column 1 (email) is labelled "e-mail", which names no Stripe customer field.`,
    });
  });

  it("refuses the same target twice, naming both columns", () => {
    const result = parseColumnLabels([
      col("email", "email"),
      col("name", "companyname"),
      col("Email", "altemail"),
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({
      code: "MAPPING_DUPLICATE_TARGET",
      field: "column 3 (altemail)",
    });
    expect(result.errors[0]?.message).toBe(
      "The saved search's column 3 (altemail) fills email, which column 1 (email) already fills.",
    );
  });

  it("treats metadata keys as case-sensitive, so Region and region are two targets", () => {
    expect(codes([col("metadata.Region"), col("metadata.region")])).toEqual([]);
    expect(codes([col("metadata.region", "a"), col("metadata.region", "b")])).toEqual([
      ["MAPPING_DUPLICATE_TARGET", "column 2 (b)"],
    ]);
  });

  it("refuses metadata keys Stripe refuses", () => {
    expect(codes([col(`metadata.${"k".repeat(40)}`)])).toEqual([]);
    expect(codes([col(`metadata.${"k".repeat(41)}`), col("metadata.a[b]", "x")])).toEqual([
      ["MAPPING_INVALID_METADATA_KEY", "column 1 (field)"],
      ["MAPPING_INVALID_METADATA_KEY", "column 2 (x)"],
    ]);
  });

  it("refuses the metadata keys the sync writes itself, including the sync field", () => {
    expect(
      codes(
        [
          col("metadata.netsuite_customer_id"),
          col("metadata.netsuite_subsidiary"),
          col("metadata.custentity_code"),
        ],
        "custentity_code",
      ),
    ).toEqual([
      ["MAPPING_RESERVED_METADATA_KEY", "column 1 (field)"],
      ["MAPPING_RESERVED_METADATA_KEY", "column 2 (field)"],
      ["MAPPING_RESERVED_METADATA_KEY", "column 3 (field)"],
    ]);
    // With the email sync field nothing is written under a field ID.
    expect(codes([col("metadata.email")], "email")).toEqual([]);
  });

  it("refuses a shipping block without a name or without an address", () => {
    expect(codes([col("shipping.name"), col("shipping.address.line1", "addr")])).toEqual([]);
    expect(codes([col("shipping.name")])).toEqual([["MAPPING_SHIPPING_INCOMPLETE", "shipping.address"]]);
    expect(codes([col("shipping.phone"), col("shipping.address.city")])).toEqual([
      ["MAPPING_SHIPPING_INCOMPLETE", "shipping.name"],
    ]);
  });

  it("refuses more metadata keys than Stripe allows, counting the sync's own", () => {
    const keys = (n: number) => Array.from({ length: n }, (_, i) => col(`metadata.k${i}`, `f${i}`));
    expect(codes(keys(48))).toEqual([]);
    expect(codes(keys(49))).toEqual([["MAPPING_TOO_MANY_METADATA_KEYS", "metadata"]]);
    expect(codes(keys(47), "custentity_code")).toEqual([]);
    expect(codes(keys(48), "custentity_code")).toEqual([["MAPPING_TOO_MANY_METADATA_KEYS", "metadata"]]);
  });

  it("reports every problem at once", () => {
    expect(codes([col(undefined, "a"), col("zip", "b"), col("email", "c"), col("email", "d")])).toEqual([
      ["MAPPING_MISSING_LABEL", "column 1 (a)"],
      ["MAPPING_UNKNOWN_LABEL", "column 2 (b)"],
      ["MAPPING_DUPLICATE_TARGET", "column 4 (d)"],
    ]);
  });
});
