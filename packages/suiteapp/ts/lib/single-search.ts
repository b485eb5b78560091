/**
 * Runs the configured single-sync saved search for one customer (its criteria plus a filter on the
 * internal ID) and turns the row into core's column values. 15 units: the load and one getRange.
 */
import * as search from "N/search";
import type { ColumnValue, Result } from "@nss/core";

function textOf(result: search.Result, column: search.Column): string | undefined {
  try {
    const t = result.getText(column);
    return typeof t === "string" ? t : undefined;
  } catch {
    return undefined; // not a select column
  }
}

/** The labelled columns of the customer's row, or an issue naming the search when it has none. */
export function runSingleSyncSearch(searchId: string, customerId: string): Result<ColumnValue[]> {
  let loaded: search.Search;
  try {
    loaded = search.load({ id: searchId });
  } catch (e) {
    return {
      ok: false,
      errors: [
        {
          code: "SEARCH_NOT_FOUND",
          message: `The single sync saved search "${searchId}" named in the configuration could not be loaded (${(e as { name?: string }).name ?? "error"}).`,
          fix: "Correct the Single Sync Saved Search on the NetSuite–Stripe Configuration record, or deploy the SuiteApp again to recreate the default search.",
          field: "singleSync",
          record: "the NetSuite–Stripe configuration",
        },
      ],
    };
  }
  loaded.filters = [
    ...loaded.filters,
    search.createFilter({ name: "internalid", operator: search.Operator.ANYOF, values: [customerId] }),
  ];
  const [row] = loaded.run().getRange({ start: 0, end: 1 });
  if (row === undefined) {
    return {
      ok: false,
      errors: [
        {
          code: "SEARCH_NO_ROW",
          message: `Customer ${customerId} is not in the results of the single sync saved search "${searchId}".`,
          fix: `Check the criteria of ${searchId} (an inactive customer, or a filter that leaves it out), or choose another search in the configuration.`,
          record: `customer ${customerId}`,
        },
      ],
    };
  }
  return {
    ok: true,
    value: loaded.columns.map((ref) => {
      // A loaded search may list a column by its name alone.
      const c = typeof ref === "string" ? search.createColumn({ name: ref }) : ref;
      const text = textOf(row, c);
      return {
        name: c.name,
        ...(c.join ? { join: c.join } : {}),
        ...(c.label ? { label: c.label } : {}),
        value: row.getValue(c),
        ...(text !== undefined ? { text } : {}),
      };
    }),
  };
}
