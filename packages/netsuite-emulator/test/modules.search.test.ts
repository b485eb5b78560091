import { describe, expect, it } from "vitest";
import type { Search } from "../src/runtime/modules/search.js";
import type { Column, Filter } from "../src/runtime/modules/search-defs.js";
import {
  type PagedData,
  type Result,
  type ResultSet,
  resultToJSON,
} from "../src/runtime/modules/search-results.js";
import { makeEnv } from "./helpers/module-env.js";

interface SearchModule {
  Type: Record<string, string>;
  Operator: Record<string, string>;
  Sort: Record<string, string>;
  Summary: Record<string, string>;
  create(o: unknown): Search;
  load(o: unknown): Search;
  delete(o: unknown): void;
  lookupFields(o: unknown): Record<string, unknown>;
  createColumn(o: unknown): Column;
  createFilter(o: unknown): Filter;
  global(o: unknown): unknown;
  duplicates(o: unknown): unknown;
}

function setup(customers = 0, usageLimit?: number) {
  const t = makeEnv(usageLimit === undefined ? {} : { usageLimit });
  t.data.insert("subsidiary", { name: "Parent" }, 1);
  t.data.insert(
    "customer",
    { email: "a@b.c", subsidiary: "1", isinactive: false, datecreated: "2024-01-05" },
    107,
  );
  for (let i = 0; i < customers; i++) t.data.insert("customer", { email: `c${i}@x.y`, subsidiary: "1" });
  return { t, search: t.module<SearchModule>("N/search") };
}

const used = (t: ReturnType<typeof setup>["t"], run: () => unknown) => {
  const before = t.env.meter.usage;
  run();
  return t.env.meter.usage - before;
};

describe("N/search", () => {
  it("has NetSuite's enums", () => {
    const { search } = setup();
    expect(search.Type.CUSTOMER).toBe("customer");
    expect(search.Operator.ANYOF).toBe("anyof");
    expect(search.Operator.IS).toBe("is");
    expect(search.Sort.ASC).toBe("ASC");
    expect(search.Summary.GROUP).toBe("GROUP");
  });

  it("builds columns: label undefined unless given, strings and join.name accepted", () => {
    const { search } = setup();
    const s = search.create({
      type: "customer",
      columns: [
        "email",
        "subsidiary.name",
        search.createColumn({ name: "subsidiary", label: "Sub", sort: "ASC" }),
      ],
    });
    const [email, joined, sub] = s.columns;
    expect(email?.name).toBe("email");
    expect(email?.label).toBeUndefined();
    expect(joined).toMatchObject({ name: "name", join: "subsidiary" });
    expect(sub?.label).toBe("Sub");
    expect(sub?.sort).toBe("ASC");
    expect(s.searchType).toBe("customer");
  });

  it("accepts Filter objects or a filter expression, and exposes filterExpression", () => {
    const { search } = setup();
    const byFilters = search.create({
      type: "customer",
      filters: [search.createFilter({ name: "email", operator: search.Operator.IS, values: "a@b.c" })],
    });
    expect(byFilters.filterExpression).toEqual([["email", "is", "a@b.c"]]);
    const byExpr = search.create({
      type: "customer",
      filters: [["email", "IS", "a@b.c"], "and", ["isinactive", "is", "F"]],
    });
    expect(byExpr.filterExpression).toEqual([["email", "is", "a@b.c"], "AND", ["isinactive", "is", "F"]]);
    expect(() => search.createFilter({ name: "email", operator: "bogus", values: [] })).toThrow(
      expect.objectContaining({ name: "SSS_INVALID_SRCH_OPERATOR" }),
    );
  });

  it("Result values, text, and toJSON in NetSuite's shape", () => {
    const { search } = setup();
    const s = search.create({
      type: "customer",
      filters: [["email", "is", "a@b.c"]],
      columns: ["email", "subsidiary", "isinactive", "datecreated", "subsidiary.name"],
    });
    s.filters = [search.createFilter({ name: "email", operator: "is", values: ["a@b.c"] })];
    const results: Result[] = [];
    s.run().each((r: Result) => {
      results.push(r);
      return true;
    });
    expect(results).toHaveLength(1);
    const r = results[0] as Result;
    expect(r.recordType).toBe("customer");
    expect(r.id).toBe("107");
    expect(r.getValue("email")).toBe("a@b.c");
    expect(r.getValue({ name: "subsidiary" })).toBe("1");
    expect(r.getText({ name: "subsidiary" })).toBe("Parent");
    expect(r.getValue("isinactive")).toBe(false);
    expect(r.getValue("datecreated")).toBe("1/5/2024");
    expect(r.getValue({ name: "name", join: "subsidiary" })).toBe("Parent");
    expect(r.getValue(s.columns[0])).toBe("a@b.c");
    expect(JSON.parse(JSON.stringify(r))).toEqual({
      recordType: "customer",
      id: "107",
      values: {
        email: "a@b.c",
        subsidiary: { value: "1", text: "Parent" },
        isinactive: false,
        datecreated: "1/5/2024",
        "subsidiary.name": "Parent",
      },
    });
  });

  it("keys summary columns as SUMMARY(name)", () => {
    const { search } = setup();
    const s = search.create({
      type: "customer",
      columns: [search.createColumn({ name: "email", summary: search.Summary.GROUP })],
    });
    const [r] = s.run().getRange({ start: 0, end: 1 });
    expect(Object.keys(JSON.parse(JSON.stringify(r)).values)).toEqual(["GROUP(email)"]);
    expect(r?.getValue({ name: "email", summary: "GROUP" })).toBe("a@b.c");
  });

  it("each: 10 units, stops on false, throws past 4,000 results", () => {
    const { t, search } = setup(4500);
    const rs: ResultSet = search.create({ type: "customer", columns: ["email"] }).run();
    let n = 0;
    expect(
      used(t, () =>
        rs.each(() => {
          n++;
          return n < 3;
        }),
      ),
    ).toBe(10);
    expect(n).toBe(3);
    n = 0;
    expect(() =>
      rs.each(() => {
        n++;
        return true;
      }),
    ).toThrow(expect.objectContaining({ name: "SSS_SEARCH_FOR_EACH_LIMIT_EXCEEDED" }));
    expect(n).toBe(4000);
  });

  it("each continues on a truthy return and stops on a falsy one (a missing return gives one result)", () => {
    const { search } = setup(5);
    const rs = search.create({ type: "customer" }).run();
    let n = 0;
    rs.each(() => {
      n++;
    });
    expect(n).toBe(1);
    n = 0;
    rs.each(() => {
      n++;
      return 1;
    });
    expect(n).toBe(6);
  });

  it("resultToJSON gives the Result JSON for plain rows (map/reduce input)", () => {
    expect(
      resultToJSON(
        {
          recordType: "customer",
          id: "107",
          cells: [
            { value: "a@b.c", text: null },
            { value: "1", text: "Parent" },
            { value: "2", text: "Child" },
          ],
        },
        [
          { name: "email" },
          { name: "subsidiary" },
          { name: "subsidiary", join: "customersubsidiaryrelationship" },
        ],
      ),
    ).toEqual({
      recordType: "customer",
      id: "107",
      values: {
        email: "a@b.c",
        subsidiary: { value: "1", text: "Parent" },
        "customersubsidiaryrelationship.subsidiary": { value: "2", text: "Child" },
      },
    });
  });

  it("each stops quietly at exactly 4,000 results", () => {
    const { search } = setup(3999);
    let n = 0;
    search
      .create({ type: "customer" })
      .run()
      .each(() => {
        n++;
        return true;
      });
    expect(n).toBe(4000);
  });

  it("getRange: 10 units, at most 1,000, negative start refused", () => {
    const { t, search } = setup(1200);
    const rs = search.create({ type: "customer", columns: ["email"] }).run();
    let page: Result[] = [];
    expect(used(t, () => (page = rs.getRange({ start: 0, end: 1000 })))).toBe(10);
    expect(page).toHaveLength(1000);
    expect(rs.getRange({ start: 1195, end: 1300 })).toHaveLength(6);
    expect(rs.getRange({ start: 5000, end: 5010 })).toEqual([]);
    expect(() => rs.getRange({ start: 0, end: 1001 })).toThrow(
      expect.objectContaining({ name: "SSS_SEARCH_RESULT_LIMIT_EXCEEDED" }),
    );
    expect(() => rs.getRange({ start: -1, end: 5 })).toThrow(
      expect.objectContaining({ name: "SSS_INVALID_SEARCH_RESULT_INDEX" }),
    );
    expect(() => rs.getRange({ start: 0 })).toThrow(
      expect.objectContaining({ name: "SSS_MISSING_REQD_ARGUMENT" }),
    );
  });

  it("runPaged: 5 units, default 50, 5–1,000, fetch 5 units with Page fields", () => {
    const { t, search } = setup(119);
    const s = search.create({ type: "customer", columns: ["email"] });
    let paged = undefined as unknown as PagedData;
    expect(used(t, () => (paged = s.runPaged()))).toBe(5);
    expect(paged.count).toBe(120);
    expect(paged.pageSize).toBe(50);
    expect(paged.pageRanges.map((p) => p.index)).toEqual([0, 1, 2]);
    let page = undefined as unknown as ReturnType<PagedData["fetch"]>;
    expect(used(t, () => (page = paged.fetch({ index: 2 })))).toBe(5);
    expect(page.data).toHaveLength(20);
    expect(page.isFirst).toBe(false);
    expect(page.isLast).toBe(true);
    expect(page.pagedData).toBe(paged);
    expect(page.pageRange.index).toBe(2);
    expect(paged.fetch({ index: 0 }).isFirst).toBe(true);
    expect(() => paged.fetch({ index: 3 })).toThrow(expect.objectContaining({ name: "INVALID_PAGE_RANGE" }));
    expect(() => s.runPaged({ pageSize: 4 })).toThrow(
      expect.objectContaining({ name: "SSS_INVALID_SRCH_SETTING" }),
    );
    expect(() => s.runPaged({ pageSize: 1001 })).toThrow(
      expect.objectContaining({ name: "SSS_INVALID_SRCH_SETTING" }),
    );
    expect(s.runPaged({ pageSize: 1000 }).pageRanges).toHaveLength(1);
  });

  it("save, load and delete: 5 units each", () => {
    const { t, search } = setup();
    const s = search.create({ type: "customer", id: "customsearch_mine", title: "Mine", columns: ["email"] });
    let id = 0;
    expect(used(t, () => (id = s.save()))).toBe(5);
    expect(typeof id).toBe("number");
    let loaded = undefined as unknown as Search;
    expect(used(t, () => (loaded = search.load({ id: "customsearch_mine" })))).toBe(5);
    expect(loaded.id).toBe("customsearch_mine");
    expect(loaded.searchId).toBe(id);
    expect(loaded.title).toBe("Mine");
    expect(loaded.columns.map((c) => c.name)).toEqual(["email"]);
    expect(used(t, () => search.delete({ id }))).toBe(5);
    expect(() => search.load({ id })).toThrow(expect.objectContaining({ name: "INVALID_SEARCH" }));
    expect(() => search.create({ type: "customer" }).save()).toThrow(
      expect.objectContaining({ name: "SSS_MISSING_REQD_ARGUMENT" }),
    );
  });

  it("lookupFields: 1 unit, selects as [{value, text}]", () => {
    const { t, search } = setup();
    let out: Record<string, unknown> = {};
    expect(
      used(
        t,
        () => (out = search.lookupFields({ type: "customer", id: 107, columns: ["email", "subsidiary"] })),
      ),
    ).toBe(1);
    expect(out).toEqual({ email: "a@b.c", subsidiary: [{ value: "1", text: "Parent" }] });
    expect(
      search.lookupFields({ type: "customer", id: 107, columns: ["datecreated", "isinactive"] }),
    ).toEqual({
      datecreated: "1/5/2024",
      isinactive: false,
    });
    expect(() => search.lookupFields({ type: "customer", id: 107 })).toThrow(
      expect.objectContaining({ name: "SSS_MISSING_REQD_ARGUMENT" }),
    );
  });

  it("SSS_USAGE_LIMIT_EXCEEDED when a search call would exceed the limit", () => {
    const { t, search } = setup(0, 14);
    const rs = search.create({ type: "customer" }).run();
    rs.getRange({ start: 0, end: 1 });
    expect(() => rs.each(() => true)).toThrow(expect.objectContaining({ name: "SSS_USAGE_LIMIT_EXCEEDED" }));
    expect(t.env.meter.usage).toBe(10);
  });

  it("unsupported members throw UNSUPPORTED_BY_EMULATOR", () => {
    const { search } = setup();
    expect(() => search.global({ keywords: "x" })).toThrow("UNSUPPORTED_BY_EMULATOR: N/search.global");
    expect(() => search.duplicates({})).toThrow("UNSUPPORTED_BY_EMULATOR: N/search.duplicates");
    const rs = search.create({ type: "customer" }).run();
    expect(() => (rs.each as unknown as { promise: () => unknown }).promise()).toThrow(
      "UNSUPPORTED_BY_EMULATOR: N/search.ResultSet.each.promise",
    );
  });
});
