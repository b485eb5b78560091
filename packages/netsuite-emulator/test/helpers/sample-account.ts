/** The sample account of src/data/sample.ts, fresh for each test, "today" being 2024-03-15, with search shorthands. */
import { beforeEach } from "vitest";
import { sampleProject, seedSample } from "../../src/data/sample.js";
import { AccountData } from "../../src/data/store.js";
import type { FilterExpression, SearchColumnDef, SearchDef, SearchFilterDef } from "../../src/data/types.js";

export function useSampleAccount() {
  let data: AccountData | undefined;
  beforeEach(() => {
    data = new AccountData(sampleProject(), { now: () => new Date("2024-03-15T10:30:00.000Z") });
    seedSample(data);
  });
  const account = (): AccountData => {
    if (!data) throw new Error("useSampleAccount: no test is running");
    return data;
  };
  const def = (parts: Partial<SearchDef>): SearchDef => ({
    id: null,
    scriptId: null,
    type: "customer",
    title: null,
    filters: [],
    columns: [],
    isPublic: false,
    ...parts,
  });
  return {
    get data(): AccountData {
      return account();
    },
    def,
    ids: (filterExpression: FilterExpression): string[] =>
      account()
        .runSearch(def({ filterExpression }), 0, 1000)
        .rows.map((r) => r.id),
    cells: (columns: SearchColumnDef[], filters: SearchFilterDef[] = [], start = 0, end = 1000) => {
      const result = account().runSearch(def({ columns, filters }), start, end);
      return { total: result.total, rows: result.rows.map((r) => [r.id, ...r.cells.map((c) => c.value)]) };
    },
  };
}

export function errorOf(fn: () => unknown): { name: string; message: string } {
  try {
    fn();
  } catch (e) {
    return { name: (e as Error).name, message: (e as Error).message };
  }
  throw new Error("expected an error");
}
