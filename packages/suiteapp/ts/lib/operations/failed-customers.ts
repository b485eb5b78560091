/**
 * Which customers are "failed": sync status `error` (what the sync writes on Sync Status when a sync
 * failed; lib/customer-sync/sync-customer.ts), optionally only those a Stripe account record serves and
 * only those whose last error holds an error code (core's stored format ends each issue with `[CODE]`). One
 * definition for the page's list and the mass sync's Retry Failed Only input, so the retry takes exactly
 * the customers the page shows.
 */
import * as search from "N/search";
import { issueCodeOf, storedIssueMarker } from "@nss/core";
import { hasMultiSubsidiaryCustomers, hasSubsidiaries } from "../configuration/account-features.js";
import { text } from "../records/field-values.js";
import { CUSTOMER_FIELDS, STRIPE_ACCOUNT_RECORD } from "../records/object-ids.js";

/** The Sync Status the sync writes for a failed sync. */
export const FAILED_STATUS = "error";

/**
 * Search filters for the failed customers, with `code` (a code as issueCodeOf reads it; anything else is
 * no filter) those whose Last Stripe Sync Error contains `[<CODE>]` (storedIssueMarker: the brackets keep
 * LOOKUP_AMBIGUOUS from matching a longer code), and served by `accountRecordId` when given: its identifier
 * field holds its identifier value. By subsidiary, every subsidiary of a multi-subsidiary customer
 * counts (the msesubsidiary join), as the mass sync syncs them all; an account record with a blank
 * identifier value (an account without OneWorld) serves every customer. One lookupFields (1 unit)
 * when an account is given.
 */
export function failedCustomerFilters(accountRecordId = "", code = ""): search.Filter[] {
  const filters = [
    search.createFilter({
      name: CUSTOMER_FIELDS.syncStatus,
      operator: search.Operator.IS,
      values: FAILED_STATUS,
    }),
  ];
  const wanted = issueCodeOf(code);
  if (wanted !== "") {
    filters.push(
      search.createFilter({
        name: CUSTOMER_FIELDS.lastError,
        operator: search.Operator.CONTAINS,
        values: storedIssueMarker(wanted),
      }),
    );
  }
  if (accountRecordId === "") return filters;
  const f = STRIPE_ACCOUNT_RECORD.fields;
  const stored = search.lookupFields({
    type: STRIPE_ACCOUNT_RECORD.type,
    id: accountRecordId,
    columns: [f.identifierField, f.identifierValue],
  });
  const field = text(stored[f.identifierField]).trim() || "subsidiary";
  const value = text(stored[f.identifierValue]).trim();
  if (value === "") return filters;
  if (field === "subsidiary") {
    if (!hasSubsidiaries()) return filters;
    filters.push(
      hasMultiSubsidiaryCustomers()
        ? search.createFilter({
            name: "internalid",
            join: "msesubsidiary",
            operator: search.Operator.ANYOF,
            values: [value],
          })
        : search.createFilter({ name: "subsidiary", operator: search.Operator.ANYOF, values: [value] }),
    );
  } else {
    filters.push(search.createFilter({ name: field, operator: search.Operator.IS, values: value }));
  }
  return filters;
}
