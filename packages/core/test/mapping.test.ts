import { describe, expect, it } from "vitest";
import { type ColumnValue, type MappingContext, mapCustomer } from "../src/mapping.js";

const create: MappingContext = { customerId: "107", subsidiaryId: "3", syncField: "email", mode: "create" };
const update: MappingContext = { ...create, mode: "update" };
const ids = { netsuite_customer_id: "107", netsuite_subsidiary: "3" };

const c = (label: string, value: unknown, extra: Partial<ColumnValue> = {}): ColumnValue => ({
  name: label.replace(/\W/g, "_"),
  label,
  value,
  ...extra,
});

function errorsOf(columns: ColumnValue[], context: MappingContext = create) {
  const result = mapCustomer(columns, context);
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.value)}`);
  return result.errors;
}

function mapped(columns: ColumnValue[], context: MappingContext = create) {
  const result = mapCustomer(columns, context);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join("\n"));
  return result.value;
}

const full: ColumnValue[] = [
  c("email", "ada@example.com"),
  c("name", "Analytical Engines Ltd"),
  c("phone", "+44 20 7946 0000"),
  c("description", "Key account"),
  c("preferred_locales", "en-GB, fr"),
  c("tax_exempt", "2", { text: "Reverse" }),
  c("address.line1", "1 Babbage Row"),
  c("address.line2", ""),
  c("address.city", "London"),
  c("address.state", "LND", { text: "Greater London" }),
  c("address.postal_code", "EC1A 1BB"),
  c("address.country", "GB", { text: "United Kingdom" }),
  c("shipping.name", "Goods In"),
  c("shipping.phone", null),
  c("shipping.address.line1", "2 Lovelace Yard"),
  c("shipping.address.country", "", { text: "United Kingdom (GB)" }),
  c("metadata.region", "EMEA", { text: "Europe" }),
  c("metadata.terms", ""),
];

describe("mapCustomer on create", () => {
  it("maps every kind of label, leaving blanks out", () => {
    expect(mapped(full)).toEqual({
      email: "ada@example.com",
      name: "Analytical Engines Ltd",
      phone: "+44 20 7946 0000",
      description: "Key account",
      preferred_locales: ["en-GB", "fr"],
      tax_exempt: "reverse",
      address: {
        line1: "1 Babbage Row",
        city: "London",
        state: "Greater London",
        postal_code: "EC1A 1BB",
        country: "GB",
      },
      shipping: { name: "Goods In", address: { line1: "2 Lovelace Yard", country: "GB" } },
      metadata: { region: "Europe", ...ids },
    });
  });

  it("always writes the NetSuite IDs, even with no columns", () => {
    expect(mapped([])).toEqual({ metadata: ids });
  });

  it("leaves out an address and a shipping block that are wholly blank", () => {
    const value = mapped([
      c("address.line1", "  "),
      c("address.country", ""),
      c("shipping.name", ""),
      c("shipping.address.city", null),
    ]);
    expect(value).toEqual({ metadata: ids });
  });

  it("prefers a select column's text, but a country's value (its code)", () => {
    expect(
      mapped([c("name", "12", { text: "Acme" }), c("address.country", "DE", { text: "Germany" })]),
    ).toEqual({
      name: "Acme",
      address: { country: "DE" },
      metadata: ids,
    });
  });

  it("falls back to the value when the text is blank, and to the text when a country value is not one", () => {
    expect(
      mapped([c("name", "Acme", { text: "" }), c("address.country", "17", { text: "Korea, Republic of" })]),
    ).toEqual({ name: "Acme", address: { country: "KR" }, metadata: ids });
  });

  it("reads countries by NetSuite enum too", () => {
    expect(mapped([c("address.country", "_unitedStates")]).address).toEqual({ country: "US" });
  });

  it("reads numbers, checkboxes and multi-selects as text", () => {
    expect(
      mapped([
        c("metadata.count", 42),
        c("metadata.vip", true),
        c("metadata.off", false),
        c("metadata.tags", ["a", 1, null]),
      ]),
    ).toEqual({ metadata: { count: "42", vip: "true", off: "false", tags: "a, 1", ...ids } });
  });

  it("trims values", () => {
    expect(mapped([c("email", "  ada@example.com ")]).email).toBe("ada@example.com");
  });

  it("lowercases tax_exempt and keeps locales in order", () => {
    expect(mapped([c("tax_exempt", "EXEMPT"), c("preferred_locales", "zh-Hant-TW,en,")])).toMatchObject({
      tax_exempt: "exempt",
      preferred_locales: ["zh-Hant-TW", "en"],
    });
  });

  it("leaves out a locale list of bare commas", () => {
    expect(mapped([c("preferred_locales", " , ,")])).toEqual({ metadata: ids });
  });

  it("writes the sync field's value to metadata under its field ID", () => {
    const context = { ...create, syncField: "custentity_code", syncValue: " C-1 " };
    expect(mapped([], context)).toEqual({ metadata: { ...ids, custentity_code: "C-1" } });
    expect(mapped([], { ...context, syncValue: "" })).toEqual({ metadata: ids });
    expect(mapped([], { ...create, syncField: "Email", syncValue: "a@b.co" })).toEqual({ metadata: ids });
  });

  it("keeps shipping.phone when set", () => {
    expect(
      mapped([c("shipping.name", "Bob"), c("shipping.phone", "123"), c("shipping.address.city", "Oslo")])
        .shipping,
    ).toEqual({ name: "Bob", phone: "123", address: { city: "Oslo" } });
  });
});

describe("mapCustomer on update", () => {
  it("clears every mapped field that is blank in NetSuite, except the locales Stripe cannot clear", () => {
    const blanks = full.map((col) => ({ ...col, value: "", text: "" }));
    expect(mapped(blanks, update)).toEqual({
      email: "",
      name: "",
      phone: "",
      description: "",
      tax_exempt: "",
      address: "",
      shipping: "",
      metadata: { region: "", terms: "", ...ids },
    });
  });

  it("clears single address parts when others are set", () => {
    expect(
      mapped([c("address.line1", "1 Main St"), c("address.line2", ""), c("address.country", "")], update),
    ).toEqual({
      address: { line1: "1 Main St", line2: "", country: "" },
      metadata: ids,
    });
  });

  it("clears shipping parts when name and address are set", () => {
    expect(
      mapped(
        [
          c("shipping.name", "Bob"),
          c("shipping.phone", ""),
          c("shipping.address.city", "Oslo"),
          c("shipping.address.line1", ""),
        ],
        update,
      ).shipping,
    ).toEqual({ name: "Bob", phone: "", address: { city: "Oslo", line1: "" } });
  });

  it("clears the sync field's metadata when it is blank", () => {
    expect(mapped([], { ...update, syncField: "custentity_code" })).toEqual({
      metadata: { ...ids, custentity_code: "" },
    });
  });

  it("never names a Stripe field the mapping does not name", () => {
    expect(Object.keys(mapped([c("phone", "")], update)).sort()).toEqual(["metadata", "phone"]);
  });
});

describe("mapCustomer errors", () => {
  it("passes label errors on with the customer named", () => {
    const errors = errorsOf([c("zip", "1")]);
    expect(errors.map((e) => [e.code, e.record])).toEqual([["MAPPING_UNKNOWN_LABEL", "customer 107"]]);
  });

  it.each([
    ["phone", "+1 555 0100 0100 0100", 20],
    ["name", "n".repeat(257), 256],
    ["description", "d".repeat(5001), 5000],
    ["metadata.note", "m".repeat(501), 500],
    ["address.line1", "l".repeat(5001), 5000],
    ["shipping.phone", "p".repeat(5001), 5000],
  ])("refuses a %s over Stripe's limit instead of truncating it", (label, value, max) => {
    const columns = [c(label, value)];
    if (label.startsWith("shipping")) columns.push(c("shipping.name", "N"), c("shipping.address.city", "X"));
    const errors = errorsOf(columns);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      code: "MAPPING_VALUE_TOO_LONG",
      record: "customer 107",
      field: `column 1 (${columns[0]?.name})`,
    });
    expect(errors[0]?.message).toContain(`${value.length} characters long; Stripe allows at most ${max}`);
  });

  it("accepts values exactly at the limit, counting characters not UTF-16 units", () => {
    expect(mapped([c("phone", "1".repeat(20))]).phone).toHaveLength(20);
    expect(mapped([c("metadata.note", "😀".repeat(500))]).metadata.note).toBe("😀".repeat(500));
  });

  it("refuses an email over 512 characters", () => {
    const long = `${"a".repeat(500)}@example.com.xx`;
    expect(errorsOf([c("email", long)]).map((e) => e.code)).toEqual(["MAPPING_VALUE_TOO_LONG"]);
  });

  it.each([
    "ada",
    "ada@",
    "@example.com",
    "ada@example",
    "ada @example.com",
    "a@b.c",
    "a,b@example.com",
    "a@b@example.com",
  ])("refuses the email %j", (email) => {
    const errors = errorsOf([c("email", email)]);
    expect(errors.map((e) => e.code)).toEqual(["MAPPING_INVALID_EMAIL"]);
    expect(errors[0]?.message).toContain(`"${email.trim()}"`);
  });

  it.each(["ada@example.com", "a.b+tag@sub.example.co.uk", "o'neil@example.ie"])(
    "accepts the email %j",
    (email) => {
      expect(mapped([c("email", email)]).email).toBe(email);
    },
  );

  it("refuses a tax_exempt value Stripe does not know", () => {
    const errors = errorsOf([c("tax_exempt", "1", { text: "Yes" })]);
    expect(errors).toMatchObject([{ code: "MAPPING_INVALID_TAX_EXEMPT", field: "column 1 (tax_exempt)" }]);
    expect(errors[0]?.message).toContain('"Yes"');
  });

  it("refuses malformed locales, naming them", () => {
    const errors = errorsOf([c("preferred_locales", "en, English, fr_CA")]);
    expect(errors).toMatchObject([{ code: "MAPPING_INVALID_LOCALE" }]);
    expect(errors[0]?.message).toContain('"English", "fr_CA"');
  });

  it("refuses an unknown country, naming the value and the column", () => {
    const errors = errorsOf([c("address.country", "XX", { text: "Atlantis" })]);
    expect(errors).toMatchObject([
      { code: "MAPPING_UNKNOWN_COUNTRY", field: "column 1 (address_country)", record: "customer 107" },
    ]);
    expect(errors[0]?.message).toBe(
      'Customer 107: column 1 (address_country) holds "XX", which is not a country NetSuite or ISO 3166-1 knows.',
    );
  });

  it("refuses a value that is not text", () => {
    const errors = errorsOf([c("name", { nested: true }), c("metadata.x", [["a"]]), c("phone", Number.NaN)]);
    expect(errors.map((e) => e.code)).toEqual([
      "MAPPING_INVALID_VALUE",
      "MAPPING_INVALID_VALUE",
      "MAPPING_INVALID_VALUE",
    ]);
    expect(errors[0]?.message).toContain("type object");
    expect(errors[1]?.message).toContain("type list of non-text values");
  });

  it("refuses shipping details without a name or without an address", () => {
    const labels = [c("shipping.name", ""), c("shipping.address.city", "Oslo")];
    expect(errorsOf(labels).map((e) => [e.code, e.field])).toEqual([
      ["MAPPING_SHIPPING_INCOMPLETE", "shipping.name"],
    ]);
    const noAddress = [c("shipping.name", "Bob"), c("shipping.address.city", "")];
    expect(errorsOf(noAddress, update).map((e) => [e.code, e.field])).toEqual([
      ["MAPPING_SHIPPING_INCOMPLETE", "shipping.address"],
    ]);
  });

  it("refuses a sync field that cannot be a metadata key, or a value too long for one", () => {
    const longField = `custentity_${"x".repeat(30)}`;
    expect(errorsOf([], { ...create, syncField: longField, syncValue: "v" })).toMatchObject([
      { code: "MAPPING_INVALID_METADATA_KEY", field: longField },
    ]);
    expect(
      errorsOf([], { ...create, syncField: "custentity_code", syncValue: "v".repeat(501) }),
    ).toMatchObject([{ code: "MAPPING_VALUE_TOO_LONG", field: "custentity_code" }]);
  });

  it("reports every problem at once", () => {
    const errors = errorsOf([c("email", "nope"), c("phone", "9".repeat(21)), c("address.country", "Narnia")]);
    expect(errors.map((e) => e.code)).toEqual([
      "MAPPING_INVALID_EMAIL",
      "MAPPING_VALUE_TOO_LONG",
      "MAPPING_UNKNOWN_COUNTRY",
    ]);
  });
});
