import { describe, expect, it } from "vitest";
import { CUSTOMER_SEARCH_FIELDS, parseSearchQuery, type SearchQuery } from "../src/search/index.js";

const parse = (query: string) => parseSearchQuery(query, CUSTOMER_SEARCH_FIELDS);

function parsed(query: string): SearchQuery {
  const result = parse(query);
  if (!result.ok) throw new Error(`expected ${query} to parse, got: ${result.error.message}`);
  return result.query;
}

function errorOf(query: string) {
  const result = parse(query);
  if (result.ok) throw new Error(`expected ${query} to be refused`);
  return result.error;
}

/** Stripe's refusal of a search query: always the `query` parameter. */
const queryError = (message: string) => ({ type: "invalid_request_error", param: "query", message });

const UNPARSABLE = queryError(
  'We were unable to parse your search query. Try using the format `metadata["key"]:"value"` to query for metadata or key:"value" to query for other fields.',
);

const base = { negated: false, key: null };

describe("parseSearchQuery: clauses", () => {
  it("reads an exact match on a string field", () => {
    expect(parsed('email:"amy@rocketrides.io"')).toEqual({
      combinator: "AND",
      clauses: [
        { ...base, field: "email", type: "string", kind: "text", operator: ":", value: "amy@rocketrides.io" },
      ],
    });
  });

  it("reads single quotes like double quotes", () => {
    expect(parsed("name:'Jane Doe'").clauses).toEqual([
      { ...base, field: "name", type: "string", kind: "text", operator: ":", value: "Jane Doe" },
    ]);
  });

  it("reads a substring clause", () => {
    expect(parsed('phone~"555"').clauses).toEqual([
      { ...base, field: "phone", type: "string", kind: "text", operator: "~", value: "555" },
    ]);
  });

  it("reads every numeric comparator on created, quoted or not", () => {
    const ops = [
      ["created:1620310503", ":"],
      ["created>1620310503", ">"],
      ["created<1620310503", "<"],
      ["created>=1620310503", ">="],
      ['created<="1620310503"', "<="],
    ] as const;
    for (const [query, operator] of ops) {
      expect(parsed(query).clauses).toEqual([
        { ...base, field: "created", type: "numeric", kind: "number", operator, value: 1620310503 },
      ]);
    }
  });

  it("reads metadata with either quote style around the key", () => {
    const clause = {
      ...base,
      field: "metadata",
      type: "metadata",
      key: "netsuite_id",
      kind: "text",
      operator: ":",
    };
    expect(parsed("metadata['netsuite_id']:'42'").clauses).toEqual([{ ...clause, value: "42" }]);
    expect(parsed('metadata["netsuite_id"]:"42"').clauses).toEqual([{ ...clause, value: "42" }]);
  });

  it("takes an unquoted number as the text of a token value", () => {
    expect(parsed("metadata['n']:007").clauses).toEqual([
      { ...base, field: "metadata", type: "metadata", key: "n", kind: "text", operator: ":", value: "007" },
    ]);
  });

  it("reads negation", () => {
    expect(parsed('-email:"amy@rocketrides.io"').clauses).toEqual([
      {
        negated: true,
        key: null,
        field: "email",
        type: "string",
        kind: "text",
        operator: ":",
        value: "amy@rocketrides.io",
      },
    ]);
  });

  it("reads null, in any case, as the presence token and a quoted null as text", () => {
    expect(parsed("-metadata['k']:null").clauses).toEqual([
      { negated: true, field: "metadata", type: "metadata", key: "k", kind: "null", operator: ":" },
    ]);
    expect(parsed("email:NULL").clauses).toEqual([
      { ...base, field: "email", type: "string", kind: "null", operator: ":" },
    ]);
    expect(parsed("email:'null'").clauses).toEqual([
      { ...base, field: "email", type: "string", kind: "text", operator: ":", value: "null" },
    ]);
  });
});

describe("parseSearchQuery: quoting and escaping", () => {
  it("unescapes \\', \\\" and \\\\ inside values", () => {
    expect(parsed(String.raw`name:'O\'Brien \\ Sons'`).clauses[0]).toMatchObject({
      value: "O'Brien \\ Sons",
    });
    expect(parsed(String.raw`name:"say \"hi\""`).clauses[0]).toMatchObject({ value: 'say "hi"' });
    expect(parsed(String.raw`metadata['it\'s']:'a'`).clauses[0]).toMatchObject({ key: "it's", value: "a" });
  });

  it("keeps an escaped quote and OR inside one value instead of adding a clause", () => {
    expect(parsed(String.raw`metadata['code']:'x\' OR email:\'y'`)).toEqual({
      combinator: "AND",
      clauses: [
        {
          ...base,
          field: "metadata",
          type: "metadata",
          key: "code",
          kind: "text",
          operator: ":",
          value: "x' OR email:'y",
        },
      ],
    });
  });

  it("keeps the other kind of quote literally", () => {
    expect(parsed(`name:"it's"`).clauses[0]).toMatchObject({ value: "it's" });
    expect(parsed(`name:'say "hi"'`).clauses[0]).toMatchObject({ value: 'say "hi"' });
  });

  it("refuses unterminated strings and a trailing backslash", () => {
    expect(errorOf(`name:"abc`)).toEqual(UNPARSABLE);
    expect(errorOf(String.raw`name:"abc\"`)).toEqual(UNPARSABLE);
    expect(errorOf(`metadata['k:'v'`)).toEqual(UNPARSABLE);
  });

  it("refuses unquoted strings", () => {
    expect(errorOf("email:amy@rocketrides.io")).toEqual(UNPARSABLE);
    expect(errorOf("asdf")).toEqual(UNPARSABLE);
  });
});

describe("parseSearchQuery: AND / OR and whitespace", () => {
  it("ANDs clauses separated by whitespace, tabs and newlines", () => {
    const query = parsed("  email:'a@b.co'\tname:'Amy'\n phone:'1'  ");
    expect(query.combinator).toBe("AND");
    expect(query.clauses.map((c) => c.field)).toEqual(["email", "name", "phone"]);
  });

  it("reads AND and OR in any case", () => {
    expect(parsed("email:'a@b.co' and name:'Amy'").combinator).toBe("AND");
    expect(parsed("email:'a@b.co' AND name:'Amy' And phone:'1'").combinator).toBe("AND");
    expect(parsed("email:'a@b.co' or name:'Amy' OR phone:'1'").combinator).toBe("OR");
  });

  it("refuses mixing AND and OR, including an implicit AND", () => {
    const mixed = queryError(
      "UNSUPPORTED_BY_EMULATOR: a query with both AND and OR: Stripe refuses it (docs.stripe.com/search).",
    );
    expect(errorOf("email:'a@b.co' AND name:'Amy' OR phone:'1'")).toEqual(mixed);
    expect(errorOf("email:'a@b.co' name:'Amy' OR phone:'1'")).toEqual(mixed);
  });

  it("refuses keywords out of place and clauses run together", () => {
    for (const query of [
      "AND email:'a@b.co'",
      "email:'a@b.co' OR",
      "email:'a@b.co' AND AND name:'Amy'",
      `email:"a"name:"b"`,
      "email : 'a'",
      "- email:'a'",
      "",
      "   ",
    ]) {
      expect(errorOf(query)).toEqual(UNPARSABLE);
    }
  });

  it("allows 10 clauses and refuses 11", () => {
    const clause = "metadata['k']:'v'";
    expect(parsed(Array(10).fill(clause).join(" OR ")).clauses).toHaveLength(10);
    expect(errorOf(Array(11).fill(clause).join(" OR "))).toEqual(
      queryError(
        "UNSUPPORTED_BY_EMULATOR: a query with 11 clauses: Stripe takes up to 10 (docs.stripe.com/search).",
      ),
    );
  });
});

describe("parseSearchQuery: fields and operators", () => {
  it("refuses an unknown field with Stripe's message", () => {
    expect(errorOf('foo:"bar"')).toEqual(
      queryError(
        "Field `foo` is an unsupported search field for resource `customers`. See http://stripe.com/docs/search#query-fields-for-customers for a list of supported fields.",
      ),
    );
    expect(errorOf("address.city:'Paris'").message).toMatch(/^Field `address\.city` is an unsupported/);
  });

  it("requires a key for metadata and refuses one elsewhere", () => {
    expect(errorOf("metadata:'v'")).toEqual(UNPARSABLE);
    expect(errorOf("metadata['']:'v'")).toEqual(UNPARSABLE);
    expect(errorOf("email['k']:'v'")).toEqual(UNPARSABLE);
    expect(errorOf("metadata[k]:'v'")).toEqual(UNPARSABLE);
  });

  it("refuses ~ with fewer than 3 characters", () => {
    expect(errorOf("email~'ab'")).toEqual(
      queryError(
        'UNSUPPORTED_BY_EMULATOR: `email~` with "ab": Stripe\'s substring search needs at least 3 characters (docs.stripe.com/search).',
      ),
    );
    expect(parsed("email~'abc'").clauses[0]).toMatchObject({ operator: "~", value: "abc" });
  });

  it("refuses operators a field's type does not support", () => {
    expect(errorOf("email>'abc'")).toEqual(
      queryError(
        "UNSUPPORTED_BY_EMULATOR: the operator `>` on field `email`: Stripe refuses it (http://stripe.com/docs/search#query-fields-for-customers).",
      ),
    );
    expect(errorOf("metadata['k']~'abc'").message).toMatch(
      /^UNSUPPORTED_BY_EMULATOR: the operator `~` on field `metadata`/,
    );
    expect(errorOf("created~'123'").message).toMatch(
      /^UNSUPPORTED_BY_EMULATOR: the operator `~` on field `created`/,
    );
  });

  it("refuses a non-number on a numeric field", () => {
    expect(errorOf("created>'yesterday'")).toEqual(
      queryError('UNSUPPORTED_BY_EMULATOR: field `created` is numeric, but "yesterday" is not a number.'),
    );
  });

  it("refuses null with anything but :", () => {
    expect(errorOf("created>null")).toEqual(
      queryError(
        "UNSUPPORTED_BY_EMULATOR: `null` with `>` (`created`): the emulator takes `null` with `:` only.",
      ),
    );
    expect(errorOf("email~null").message).toMatch(/^UNSUPPORTED_BY_EMULATOR: `null` with `~`/);
  });
});
