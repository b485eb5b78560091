import { describe, expect, it } from "vitest";
import { CUSTOMER_SEARCH_FIELDS, matchesSearch, parseSearchQuery } from "../src/search/index.js";

function customer(fields: Record<string, unknown>): Record<string, unknown> {
  return {
    id: "cus_1",
    object: "customer",
    created: 1700000000,
    email: null,
    name: null,
    phone: null,
    metadata: {},
    ...fields,
  };
}

function matches(query: string, object: Record<string, unknown>): boolean {
  const parsed = parseSearchQuery(query, CUSTOMER_SEARCH_FIELDS);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return matchesSearch(parsed.query, object);
}

const amy = customer({
  email: "Amy@RocketRides.io",
  name: "Amy Tan Rider",
  phone: "+15555550100",
  metadata: { netsuite_id: "NS-42", tier: "Gold", quote: "x' OR email:'y", path: "C:\\dir" },
});
const bob = customer({ id: "cus_2", created: 1700000100, email: "bob@example.com", metadata: {} });

describe("matchesSearch: exact matches", () => {
  it("matches strings case-insensitively", () => {
    expect(matches("email:'amy@rocketrides.io'", amy)).toBe(true);
    expect(matches("email:'AMY@ROCKETRIDES.IO'", amy)).toBe(true);
    expect(matches("email:'amy@rocketrides.com'", amy)).toBe(false);
  });

  it("matches a string field when the query's words appear in order, as the docs define", () => {
    expect(matches("name:'Amy Tan Rider'", amy)).toBe(true);
    expect(matches("name:'amy tan'", amy)).toBe(true);
    expect(matches("name:'tan rider'", amy)).toBe(true);
    expect(matches("name:'rider amy'", amy)).toBe(false);
    expect(matches("name:'am'", amy)).toBe(false);
    expect(matches("email:'amy'", amy)).toBe(false);
  });

  it("matches metadata values whole and case-insensitively, keys exactly", () => {
    expect(matches("metadata['netsuite_id']:'ns-42'", amy)).toBe(true);
    expect(matches("metadata['netsuite_id']:'NS-4'", amy)).toBe(false);
    expect(matches("metadata['tier']:'gold'", amy)).toBe(true);
    expect(matches("metadata['Tier']:'gold'", amy)).toBe(false);
    expect(matches("metadata['netsuite_id']:'NS-42'", bob)).toBe(false);
  });

  it("matches a value containing quotes, OR and a backslash only literally", () => {
    expect(matches(String.raw`metadata['quote']:'x\' OR email:\'y'`, amy)).toBe(true);
    expect(matches(String.raw`metadata['quote']:'x\' OR email:\'y'`, bob)).toBe(false);
    expect(matches(String.raw`metadata['path']:'C:\\dir'`, amy)).toBe(true);
    expect(matches("metadata['path']:'C:dir'", amy)).toBe(false);
  });

  it("does not read inherited properties as metadata", () => {
    expect(matches("metadata['constructor']:null", amy)).toBe(true);
    expect(matches("metadata['toString']:null", amy)).toBe(true);
  });
});

describe("matchesSearch: substring", () => {
  it("finds a substring anywhere, case-insensitively", () => {
    expect(matches("email~'rocket'", amy)).toBe(true);
    expect(matches("email~'ROCKET'", amy)).toBe(true);
    expect(matches("name~'tan r'", amy)).toBe(true);
    expect(matches("phone~'0100'", amy)).toBe(true);
    expect(matches("email~'rocket'", bob)).toBe(false);
  });

  it("never matches a null field", () => {
    expect(matches("phone~'555'", bob)).toBe(false);
  });
});

describe("matchesSearch: created", () => {
  it("compares numbers with every operator", () => {
    expect(matches("created:1700000000", amy)).toBe(true);
    expect(matches("created:1700000001", amy)).toBe(false);
    expect(matches("created>1699999999", amy)).toBe(true);
    expect(matches("created>1700000000", amy)).toBe(false);
    expect(matches("created>=1700000000", amy)).toBe(true);
    expect(matches("created<1700000000", amy)).toBe(false);
    expect(matches("created<=1700000000", amy)).toBe(true);
    expect(matches("created<'1700000001'", amy)).toBe(true);
  });
});

describe("matchesSearch: negation and null", () => {
  it("negates a clause, matching records without the field", () => {
    expect(matches("-email:'amy@rocketrides.io'", amy)).toBe(false);
    expect(matches("-email:'amy@rocketrides.io'", bob)).toBe(true);
    expect(matches("-phone:'+15555550100'", bob)).toBe(true);
    expect(matches("-created>1700000050", amy)).toBe(true);
  });

  it("tests metadata presence with null", () => {
    expect(matches("metadata['netsuite_id']:null", amy)).toBe(false);
    expect(matches("metadata['netsuite_id']:null", bob)).toBe(true);
    expect(matches("-metadata['netsuite_id']:null", amy)).toBe(true);
    expect(matches("-metadata['netsuite_id']:null", bob)).toBe(false);
  });

  it("treats null and empty string fields as empty", () => {
    expect(matches("phone:null", bob)).toBe(true);
    expect(matches("phone:null", amy)).toBe(false);
    expect(matches("name:null", customer({ name: "" }))).toBe(true);
    expect(matches("-name:null", customer({ name: "" }))).toBe(false);
  });

  it("treats a customer without a metadata object as having no keys", () => {
    const bare: Record<string, unknown> = { id: "cus_3", created: 1 };
    expect(matches("metadata['k']:null", bare)).toBe(true);
    expect(matches("metadata['k']:'v'", bare)).toBe(false);
  });
});

describe("matchesSearch: AND / OR", () => {
  it("requires every clause with AND", () => {
    expect(matches("email~'rocket' AND metadata['tier']:'gold'", amy)).toBe(true);
    expect(matches("email~'rocket' metadata['tier']:'silver'", amy)).toBe(false);
  });

  it("requires any clause with OR", () => {
    expect(matches("email:'bob@example.com' OR metadata['tier']:'silver'", bob)).toBe(true);
    expect(matches("email:'bob@example.com' OR metadata['tier']:'silver'", amy)).toBe(false);
    expect(matches("email:'nobody@x.io' OR -metadata['tier']:null", amy)).toBe(true);
  });
});
