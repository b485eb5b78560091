import { expect, it } from "vitest";
import { AccountData } from "../src/data/store.js";

// Logs the figure only: timing depends on the machine.
it("searches 10,000 customers with a filter", () => {
  const data = new AccountData(undefined);
  const sub = data.seedSubsidiary({ name: "Second" });
  const seedStart = performance.now();
  for (let i = 1; i <= 10_000; i++) {
    data.seedCustomer({
      companyname: `Customer ${i}`,
      email: `c${i}@example.test`,
      subsidiary: String(i % 2 === 0 ? sub : 1),
      isinactive: i % 10 === 0,
    });
  }
  const seedMs = performance.now() - seedStart;
  const start = performance.now();
  const result = data.runSearch(
    {
      id: null,
      scriptId: null,
      type: "customer",
      title: null,
      filters: [],
      filterExpression: [["isinactive", "is", "F"], "AND", ["subsidiary", "anyof", String(sub)]],
      columns: [{ name: "entityid", sort: "ASC" }, { name: "email" }, { name: "subsidiary" }],
      isPublic: false,
    },
    0,
    1000,
  );
  const searchMs = performance.now() - start;
  console.log(
    `seeded 10,000 customers in ${seedMs.toFixed(0)} ms; filtered search in ${searchMs.toFixed(1)} ms`,
  );
  expect(result.total).toBe(4000);
  expect(result.rows).toHaveLength(1000);
});
