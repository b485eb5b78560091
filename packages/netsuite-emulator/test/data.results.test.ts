import { describe, expect, it } from "vitest";
import { errorOf, useSampleAccount } from "./helpers/sample-account.js";

const sample = useSampleAccount();
const { def, ids, cells } = sample;

describe("joins", () => {
  it("joins through a select field for filters and columns", () => {
    expect(ids([["subsidiary.country", "anyof", "DE"]])).toEqual(["2"]);
    expect(
      cells([
        { name: "entityid" },
        { name: "name", join: "subsidiary" },
        { name: "symbol", join: "currency" },
      ]).rows,
    ).toEqual([
      ["1", "Acme Corp", "Parent Company", "USD"],
      ["2", "Beta GmbH", "Germany GmbH", "EUR"],
      ["3", "Gamma Ltd", "UK Ltd", "USD"],
      ["4", "Ann Lee", "Parent Company", "USD"],
    ]);
  });

  it("multiplies rows through msesubsidiary: one row per subsidiary the customer is shared with", () => {
    const result = cells([
      { name: "entityid" },
      { name: "internalid", join: "msesubsidiary" },
      { name: "name", join: "msesubsidiary" },
    ]);
    expect(result.total).toBe(6);
    expect(result.rows).toEqual([
      ["1", "Acme Corp", "1", "Parent Company"],
      ["1", "Acme Corp", "2", "Germany GmbH"],
      ["1", "Acme Corp", "3", "UK Ltd"],
      ["2", "Beta GmbH", "2", "Germany GmbH"],
      ["3", "Gamma Ltd", "3", "UK Ltd"],
      ["4", "Ann Lee", "1", "Parent Company"],
    ]);
    expect(ids([["msesubsidiary.internalid", "anyof", "3"]])).toEqual(["1", "3"]);
  });
});

describe("columns", () => {
  it("gives cell values and texts as SuiteScript 2.1 does", () => {
    const result = sample.data.runSearch(
      def({
        columns: [
          { name: "subsidiary" },
          { name: "isinactive" },
          { name: "datecreated" },
          { name: "custentity_score" },
          { name: "billcountry" },
          { name: "email" },
          { name: "category" },
          { name: "internalid" },
        ],
        filters: [{ name: "internalid", operator: "anyof", values: ["2", "3"] }],
      }),
      0,
      10,
    );
    expect(result.rows).toEqual([
      {
        recordType: "customer",
        id: "2",
        cells: [
          { value: "2", text: "Germany GmbH" },
          { value: true, text: null },
          { value: "3/14/2024 11:59 pm", text: null },
          { value: "25", text: null },
          { value: "DE", text: "Germany" },
          { value: "info@beta.test", text: null },
          { value: "3", text: "3" },
          { value: "2", text: "2" },
        ],
      },
      {
        recordType: "customer",
        id: "3",
        cells: [
          { value: "3", text: "UK Ltd" },
          { value: false, text: null },
          { value: "3/15/2024 8:00 am", text: null },
          { value: "", text: null },
          { value: "GB", text: "United Kingdom" },
          { value: "", text: null },
          { value: "", text: "" },
          { value: "3", text: "3" },
        ],
      },
    ]);
  });

  it("sorts by several columns and pages with start/end and the full total", () => {
    const sorted = cells([
      { name: "subsidiary", sort: "ASC" },
      { name: "entityid", sort: "DESC" },
    ]);
    expect(sorted.rows.map((r) => r[0])).toEqual(["2", "4", "1", "3"]);
    const desc = cells([{ name: "custentity_score", sort: "DESC" }]);
    expect(desc.rows.map((r) => r[0])).toEqual(["3", "2", "1", "4"]);
    const page = cells([{ name: "entityid", sort: "ASC" }], [], 1, 3);
    expect(page).toEqual({
      total: 4,
      rows: [
        ["4", "Ann Lee"],
        ["2", "Beta GmbH"],
      ],
    });
    expect(cells([{ name: "entityid" }], [], 10, 20)).toEqual({ total: 4, rows: [] });
  });

  it("summarises with group, count, sum, min and max", () => {
    const result = sample.data.runSearch(
      def({
        columns: [
          { name: "subsidiary", summary: "group", sort: "ASC" },
          { name: "internalid", summary: "count" },
          { name: "custentity_score", summary: "sum" },
          { name: "custentity_score", summary: "max" },
          { name: "datecreated", summary: "min" },
        ],
      }),
      0,
      10,
    );
    expect(result.total).toBe(3);
    expect(result.rows.map((r) => [r.id, ...r.cells.map((c) => c.text ?? c.value)])).toEqual([
      ["", "Germany GmbH", "1", "25", "25", "3/14/2024 11:59 pm"],
      ["", "Parent Company", "2", "15", "10", "2/10/2024 3:45 pm"],
      ["", "UK Ltd", "1", "0", "", "3/15/2024 8:00 am"],
    ]);
    expect(errorOf(() => cells([{ name: "subsidiary", summary: "group" }, { name: "email" }])).name).toBe(
      "SSS_INVALID_SRCH_COL",
    );
  });
});

describe("lookupFields", () => {
  it("returns selects as [{ value, text }], empty selects as [], checkboxes as booleans, the rest as text", () => {
    expect(
      sample.data.lookupFields("customer", 1, [
        "email",
        "subsidiary",
        "category",
        "isinactive",
        "custentity_score",
        "datecreated",
        "billcountry",
        "internalid",
        "subsidiary.name",
        "phone",
      ]),
    ).toEqual({
      email: "ops@acme.test",
      subsidiary: [{ value: "1", text: "Parent Company" }],
      category: [],
      isinactive: false,
      custentity_score: "10",
      datecreated: "3/1/2024 12:00 pm",
      billcountry: [{ value: "US", text: "United States" }],
      internalid: [{ value: "1", text: "1" }],
      "subsidiary.name": "Parent Company",
      phone: "",
    });
    expect(errorOf(() => sample.data.lookupFields("customer", 99, ["email"])).name).toBe("RCRD_DSNT_EXIST");
    expect(errorOf(() => sample.data.lookupFields("customer", 1, ["nope"])).name).toBe(
      "SSS_INVALID_SRCH_COL",
    );
  });
});

describe("saved searches", () => {
  it("saves with an ID and script ID, loads by either, deletes", () => {
    const search = def({
      title: "Active customers",
      scriptId: "customsearch_active",
      filterExpression: [["isinactive", "is", "F"]],
      columns: [{ name: "entityid", label: "Name", sort: "ASC" }],
    });
    const id = sample.data.saveSearch(search);
    expect(id).toBe(1);
    const loaded = sample.data.loadSearch("customsearch_active");
    expect(loaded).toEqual({ ...search, id: 1 });
    expect(sample.data.loadSearch(1)).toEqual(loaded);
    expect(sample.data.loadSearch("1")).toEqual(loaded);
    expect(sample.data.runSearch(loaded, 0, 10).rows.map((r) => r.id)).toEqual(["1", "4", "3"]);
    expect(sample.data.saveSearch({ ...loaded, title: "Renamed" })).toBe(1);
    expect(sample.data.loadSearch(1).title).toBe("Renamed");
    expect(sample.data.saveSearch(def({ title: "No script id" }))).toBe(2);
    expect(sample.data.loadSearch(2).scriptId).toBe("customsearch2");
    expect(
      errorOf(() => sample.data.saveSearch(def({ title: "Dup", scriptId: "customsearch_active" }))).name,
    ).toBe("DUP_SCRIPT_ID");
    expect(errorOf(() => sample.data.saveSearch(def({}))).name).toBe("SSS_MISSING_REQD_ARGUMENT");
    sample.data.deleteSearch("customsearch_active");
    expect(errorOf(() => sample.data.loadSearch(1))).toEqual({
      name: "INVALID_SEARCH",
      message: "That search or mass update does not exist.",
    });
    expect(errorOf(() => sample.data.deleteSearch(1)).name).toBe("INVALID_SEARCH");
  });
});
