import { describe, expect, it } from "vitest";
import type { FilterExpression } from "../src/data/types.js";
import { errorOf, useSampleAccount } from "./helpers/sample-account.js";

const sample = useSampleAccount();
const { def, ids, cells } = sample;

describe("filter operators", () => {
  const cases: [FilterExpression, string[]][] = [
    [["companyname", "is", "acme corp"], ["1"]],
    [
      ["companyname", "isnot", "Acme Corp"],
      ["2", "3", "4"],
    ],
    [
      ["subsidiary", "anyof", ["2", "3"]],
      ["2", "3"],
    ],
    [
      ["subsidiary", "anyof", "2", "3"],
      ["2", "3"],
    ],
    [
      ["subsidiary", "noneof", "1"],
      ["2", "3"],
    ],
    [
      ["category", "anyof", "@NONE@"],
      ["1", "3", "4"],
    ],
    [["category", "noneof", "@NONE@"], ["2"]],
    [
      ["internalid", "anyof", [1, 3]],
      ["1", "3"],
    ],
    [["billcountry", "anyof", "DE"], ["2"]],
    [["email", "isempty", ""], ["3"]],
    [
      ["email", "isnotempty", ""],
      ["1", "2", "4"],
    ],
    [["email", "contains", "ACME"], ["1"]],
    [
      ["email", "doesnotcontain", "acme"],
      ["2", "3", "4"],
    ],
    [["companyname", "startswith", "be"], ["2"]],
    [["custentity_score", "equalto", 10], ["1"]],
    [
      ["custentity_score", "notequalto", "10"],
      ["2", "3", "4"],
    ],
    [["custentity_score", "greaterthan", 10], ["2"]],
    [
      ["custentity_score", "greaterthanorequalto", 10],
      ["1", "2"],
    ],
    [["custentity_score", "lessthan", 10], ["4"]],
    [
      ["custentity_score", "lessthanorequalto", 10],
      ["1", "4"],
    ],
    [
      ["custentity_score", "between", 5, 10],
      ["1", "4"],
    ],
    [["isinactive", "is", "T"], ["2"]],
    [
      ["isinactive", "is", false],
      ["1", "3", "4"],
    ],
    [
      ["custentity_sync_enabled", "is", "T"],
      ["1", "2", "3", "4"],
    ],
    [["datecreated", "on", "3/14/2024"], ["2"]],
    [["datecreated", "before", "3/1/2024"], ["4"]],
    [["datecreated", "after", "3/14/2024"], ["3"]],
    [
      ["datecreated", "onorbefore", "3/1/2024"],
      ["1", "4"],
    ],
    [
      ["datecreated", "onorafter", "2024-03-14"],
      ["2", "3"],
    ],
    [
      ["datecreated", "within", "3/1/2024", "3/14/2024"],
      ["1", "2"],
    ],
    [["datecreated", "on", "today"], ["3"]],
    [["datecreated", "on", "yesterday"], ["2"]],
    [["datecreated", "on", "daysago1"], ["2"]],
    [["datecreated", "on", "daysago14"], ["1"]],
    [
      ["datecreated", "before", "daysago13"],
      ["1", "4"],
    ],
    [
      ["datecreated", "within", "thismonth"],
      ["1", "2", "3"],
    ],
    [["datecreated", "within", "lastmonth"], ["4"]],
  ];
  it.each(cases)("%j", (expr, expected) => {
    expect(ids(expr)).toEqual(expected);
  });

  it("ANDs a filter list", () => {
    const result = sample.data.runSearch(
      def({
        filters: [
          { name: "subsidiary", operator: "anyof", values: ["1"] },
          { name: "isperson", operator: "is", values: ["F"] },
        ],
      }),
      0,
      10,
    );
    expect(result.rows.map((r) => r.id)).toEqual(["1"]);
  });

  it("refuses bad operators, fields and joins with NetSuite's errors; formulas are unsupported", () => {
    expect(errorOf(() => ids(["email", "greaterthan", "a"]))).toEqual({
      name: "SSS_INVALID_SRCH_OPERATOR",
      message: "An nlobjSearchFilter contains an invalid operator, or is not in proper syntax: greaterthan.",
    });
    expect(errorOf(() => ids(["nosuchfield", "is", "a"]))).toEqual({
      name: "SSS_INVALID_SRCH_FILTER",
      message: "An nlobjSearchFilter contains invalid search criteria: nosuchfield.",
    });
    expect(errorOf(() => ids(["nojoin.name", "is", "a"])).name).toBe("SSS_INVALID_SRCH_FILTER_JOIN");
    expect(errorOf(() => ids(["formulatext: {email}", "is", "a"])).name).toBe("UNSUPPORTED_BY_EMULATOR");
    expect(errorOf(() => cells([{ name: "bogus" }])).name).toBe("SSS_INVALID_SRCH_COL");
    // Fields and joins NetSuite documents for customers that the emulator does not model are its gap.
    expect(errorOf(() => ids(["salesrep", "anyof", "1"]))).toEqual({
      name: "UNSUPPORTED_BY_EMULATOR",
      message: "UNSUPPORTED_BY_EMULATOR: search field customer.salesrep",
    });
    expect(errorOf(() => cells([{ name: "entityid", join: "transaction" }])).message).toBe(
      "UNSUPPORTED_BY_EMULATOR: search join customer.transaction",
    );
    expect(errorOf(() => cells([{ name: "formulanumeric", formula: "1" }])).name).toBe(
      "UNSUPPORTED_BY_EMULATOR",
    );
    expect(errorOf(() => sample.data.runSearch(def({ type: "widget" }), 0, 1)).name).toBe(
      "INVALID_RCRD_TYPE",
    );
  });
});

describe("filter expressions", () => {
  it("combines AND, OR, NOT and nesting (AND binds tighter)", () => {
    expect(ids([["subsidiary", "anyof", "1"], "AND", ["isperson", "is", "T"]])).toEqual(["4"]);
    expect(ids([["subsidiary", "anyof", "2"], "or", ["subsidiary", "anyof", "3"]])).toEqual(["2", "3"]);
    expect(ids(["NOT", ["subsidiary", "anyof", "1"]])).toEqual(["2", "3"]);
    expect(
      ids([
        ["isinactive", "is", "F"],
        "AND",
        [["subsidiary", "anyof", "3"], "OR", ["NOT", ["email", "doesnotcontain", "lee"]]],
      ]),
    ).toEqual(["3", "4"]);
    expect(
      ids([
        ["companyname", "is", "Gamma Ltd"],
        "OR",
        ["subsidiary", "anyof", "1"],
        "AND",
        ["isperson", "is", "T"],
      ]),
    ).toEqual(["3", "4"]);
    expect(ids([])).toEqual(["1", "2", "3", "4"]);
    expect(
      errorOf(() =>
        ids([
          ["email", "isempty", ""],
          ["email", "isempty", ""],
        ]),
      ).name,
    ).toBe("SSS_INVALID_SRCH_FILTER_EXPR");
  });
});
