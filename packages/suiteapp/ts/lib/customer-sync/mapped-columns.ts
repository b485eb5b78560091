/**
 * The values a customer's row holds in the mapped columns of a saved search, as core's mapping reads
 * them. The button and the create trigger run the configured single-sync search for their one customer
 * (its criteria plus a filter on the internal ID); the mass sync reads its own search in bulk
 * (mass-sync-input.ts) with the same `columnValues`.
 */
import * as search from "N/search";
import type { ColumnValue, Result } from "@nss/core";
import { loadConfiguredSearch } from "../configuration/configured-searches.js";

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
  const found = loadConfiguredSearch("singleSync", searchId);
  if (!found.ok) return found;
  const loaded = found.value;
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
  return { ok: true, value: columnValues(row, loaded.columns) };
}

/** A row's values of a search's own columns, as core's mapping reads them (a select column with its text). */
export function columnValues(
  row: search.Result,
  columns: readonly (string | search.Column)[],
): ColumnValue[] {
  return columns.map((ref) => {
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
  });
}
