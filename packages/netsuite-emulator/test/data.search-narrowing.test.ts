/**
 * Searches narrowed by an `anyof`/`is` filter on a select field or `internalid` read the rows an index
 * names (src/data/field-index.ts) instead of every row: the results must be the same as a full read,
 * before and after the writes that move rows between index entries.
 */
import { describe, expect, it } from "vitest";
import { useSampleAccount } from "./helpers/sample-account.js";

const sample = useSampleAccount();
const bySubsidiary = (id: string) => sample.ids(["subsidiary", "anyof", id]);

describe("searches narrowed by an index", () => {
  it("follow every write: a change of the field, a delete, a new record and a rolled-back save", () => {
    expect(bySubsidiary("2")).toEqual(["2"]);
    expect(bySubsidiary("3")).toEqual(["3"]);
    const three = sample.data.loadRecord("customer", 3, false);
    sample.data.saveRecord({ ...three, values: { ...three.values, subsidiary: "2" } });
    expect(bySubsidiary("2")).toEqual(["2", "3"]);
    expect(bySubsidiary("3")).toEqual([]);
    sample.data.deleteRecord("customer", 2);
    expect(bySubsidiary("2")).toEqual(["3"]);
    const added = sample.data.seedCustomer({ companyname: "Neu GmbH", subsidiary: "2" });
    expect(bySubsidiary("2")).toEqual(["3", String(added)]);
    // A save the store refuses (a subsidiary that does not exist) changes no index entry.
    const one = sample.data.loadRecord("customer", 1, false);
    expect(() => sample.data.saveRecord({ ...one, values: { ...one.values, subsidiary: "99" } })).toThrow();
    expect(bySubsidiary("1")).toEqual(["1", "4"]);
  });

  it("give what a full read gives with AND, with an OR (not narrowed) and through a join", () => {
    expect(sample.ids([["subsidiary", "anyof", "1"], "AND", ["isperson", "is", "F"]])).toEqual(["1"]);
    expect(sample.ids([["subsidiary", "anyof", "2"], "OR", ["isperson", "is", "T"]])).toEqual(["2", "4"]);
    expect(sample.ids([["internalid", "anyof", "3", "3", "1"], "AND", ["subsidiary", "anyof", "3"]])).toEqual(
      ["3"],
    );
    // Customer 1 is shared with subsidiaries 2 and 3: one row per subsidiary through msesubsidiary.
    const rows = sample.data.runSearch(
      sample.def({
        filterExpression: [["internalid", "anyof", "1"]],
        columns: [{ name: "internalid", join: "msesubsidiary" }],
      }),
      0,
      10,
    ).rows;
    expect(rows.map((r) => r.cells[0]?.value)).toEqual(["1", "2", "3"]);
  });
});
