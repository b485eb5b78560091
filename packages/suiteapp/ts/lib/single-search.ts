/**
 * Runs the configured single-sync saved search for one customer (its criteria plus a filter on the
 * internal ID) and turns the row into core's column values. 15 units: the load and one getRange. The
 * mass sync reads its own search in bulk instead (mass-input.ts) with the same `columnValues`.
 */
import * as search from "N/search";
import type { ColumnRef, ColumnValue, Result } from "@nss/core";

function textOf(result: search.Result, column: search.Column): string | undefined {
  try {
    const t = result.getText(column);
    return typeof t === "string" ? t : undefined;
  } catch {
    return undefined; // not a select column
  }
}

/** The configuration's saved searches, as core names them, with their labels on the configuration record. */
export const SEARCH_LABELS = {
  singleSync: "Single Sync Saved Search",
  massSync: "Mass Sync Saved Search",
  defaultPaymentMethod: "Default Payment Method Saved Search",
} as const;
export type ConfiguredSearch = keyof typeof SEARCH_LABELS;

type ColumnLike = string | { name: string; join?: string | undefined; label?: string | undefined };

/** A column list as core reads it (a loaded search may list a column by its name alone). */
export function columnRefs(columns: readonly ColumnLike[]): ColumnRef[] {
  return columns.map((c) =>
    typeof c === "string"
      ? { name: c }
      : { name: c.name, ...(c.join ? { join: c.join } : {}), ...(c.label ? { label: c.label } : {}) },
  );
}

/** Loads a saved search the configuration names (5 units), or an issue naming the field to correct. */
export function loadConfiguredSearch(which: ConfiguredSearch, searchId: string): Result<search.Search> {
  try {
    return { ok: true, value: search.load({ id: searchId }) };
  } catch (e) {
    const label = SEARCH_LABELS[which];
    return {
      ok: false,
      errors: [
        {
          code: "SEARCH_NOT_FOUND",
          message: `The ${label.toLowerCase()} "${searchId}" named in the configuration could not be loaded (${(e as { name?: string }).name ?? "error"}).`,
          fix: `Correct the ${label} on the NetSuite–Stripe Configuration record, or deploy the SuiteApp again to recreate the default search.`,
          field: which,
          record: "the NetSuite–Stripe configuration",
        },
      ],
    };
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
