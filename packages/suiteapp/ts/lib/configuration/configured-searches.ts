/**
 * The saved searches the configuration names (single sync, mass sync, default payment method): their
 * labels on the configuration record, loading one with an issue that names the field to correct, and a
 * search's column list as core's label grammar reads it.
 */
import * as search from "N/search";
import type { ColumnRef, Result } from "@nss/core";

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

/** Loads a saved search the configuration names, or an issue naming the field to correct. */
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
