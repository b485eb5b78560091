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

/** Each query of `found` finds `object`, and none of `missed` does. */
function expectSearch(object: Record<string, unknown>, found: string[], missed: string[] = []): void {
  for (const query of found) expect(matches(query, object), query).toBe(true);
  for (const query of missed) expect(matches(query, object), query).toBe(false);
}

describe("matchesSearch: exact matches", () => {
  it("matches strings case-insensitively", () => {
    expectSearch(
      amy,
      ["email:'amy@rocketrides.io'", "email:'AMY@ROCKETRIDES.IO'"],
      ["email:'amy@rocketrides.com'"],
    );
  });

  it("matches a string field when the query's words appear in order, as the docs define", () => {
    expectSearch(
      amy,
      ["name:'Amy Tan Rider'", "name:'amy tan'", "name:'tan rider'"],
      ["name:'rider amy'", "name:'am'", "email:'amy'"],
    );
  });

  it("matches metadata values whole and case-insensitively, keys exactly", () => {
    expectSearch(
      amy,
      ["metadata['netsuite_id']:'ns-42'", "metadata['tier']:'gold'"],
      ["metadata['netsuite_id']:'NS-4'", "metadata['Tier']:'gold'"],
    );
    expectSearch(bob, [], ["metadata['netsuite_id']:'NS-42'"]);
  });

  it("matches a value containing quotes, OR and a backslash only literally", () => {
    const quote = String.raw`metadata['quote']:'x\' OR email:\'y'`;
    expectSearch(amy, [quote, String.raw`metadata['path']:'C:\\dir'`], ["metadata['path']:'C:dir'"]);
    expectSearch(bob, [], [quote]);
  });

  it("does not read inherited properties as metadata", () => {
    expectSearch(amy, ["metadata['constructor']:null", "metadata['toString']:null"]);
  });
});

describe("matchesSearch: substring", () => {
  it("finds a substring anywhere, case-insensitively", () => {
    expectSearch(amy, ["email~'rocket'", "email~'ROCKET'", "name~'tan r'", "phone~'0100'"]);
    expectSearch(bob, [], ["email~'rocket'"]);
  });

  it("never matches a null field", () => {
    expectSearch(bob, [], ["phone~'555'"]);
  });
});

describe("matchesSearch: created", () => {
  it("compares numbers with every operator", () => {
    expectSearch(
      amy,
      [
        "created:1700000000",
        "created>1699999999",
        "created>=1700000000",
        "created<=1700000000",
        "created<'1700000001'",
      ],
      ["created:1700000001", "created>1700000000", "created<1700000000"],
    );
  });
});

describe("matchesSearch: negation and null", () => {
  it("negates a clause, matching records without the field", () => {
    expectSearch(amy, ["-created>1700000050"], ["-email:'amy@rocketrides.io'"]);
    expectSearch(bob, ["-email:'amy@rocketrides.io'", "-phone:'+15555550100'"]);
  });

  it("tests metadata presence with null", () => {
    expectSearch(amy, ["-metadata['netsuite_id']:null"], ["metadata['netsuite_id']:null"]);
    expectSearch(bob, ["metadata['netsuite_id']:null"], ["-metadata['netsuite_id']:null"]);
  });

  it("treats null and empty string fields as empty", () => {
    expectSearch(bob, ["phone:null"]);
    expectSearch(amy, [], ["phone:null"]);
    expectSearch(customer({ name: "" }), ["name:null"], ["-name:null"]);
  });

  it("treats a customer without a metadata object as having no keys", () => {
    expectSearch({ id: "cus_3", created: 1 }, ["metadata['k']:null"], ["metadata['k']:'v'"]);
  });
});

describe("matchesSearch: AND / OR", () => {
  it("requires every clause with AND", () => {
    expectSearch(
      amy,
      ["email~'rocket' AND metadata['tier']:'gold'"],
      ["email~'rocket' metadata['tier']:'silver'"],
    );
  });

  it("requires any clause with OR", () => {
    const bobOrSilver = "email:'bob@example.com' OR metadata['tier']:'silver'";
    expectSearch(bob, [bobOrSilver]);
    expectSearch(amy, ["email:'nobody@x.io' OR -metadata['tier']:null"], [bobOrSilver]);
  });
});
