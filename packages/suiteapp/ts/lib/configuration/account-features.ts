/**
 * The NetSuite features the sync adapts to. Without OneWorld (SUBSIDIARIES) customers have no
 * `subsidiary` field and there is no Subsidiary record: one Stripe account record with a blank
 * identifier value serves every customer. Multi-Subsidiary Customer (OneWorld only) adds the
 * `msesubsidiary` search join, one row per subsidiary a customer is shared with.
 */
import * as runtime from "N/runtime";

export function hasSubsidiaries(): boolean {
  return runtime.isFeatureInEffect({ feature: "SUBSIDIARIES" });
}

export function hasMultiSubsidiaryCustomers(): boolean {
  return hasSubsidiaries() && runtime.isFeatureInEffect({ feature: "MULTISUBSIDIARYCUSTOMER" });
}
