/**
 * @NApiVersion 2.1
 * @NScriptType UserEventScript
 * @NModuleScope SameAccount
 *
 * Syncs a newly created customer to Stripe at once (its primary subsidiary's Stripe account) when the
 * configuration's Auto Sync on Create is checked. Never throws: the customer is already saved, and a
 * failure is written to its sync status fields and the sync log. Records saved here fire no user
 * events (NetSuite's rule), so writing the customer's own fields does not sync it again.
 */

import * as log from "N/log";
import * as runtime from "N/runtime";
import type { EntryPoints } from "N/types";
import { readConfig } from "./lib/read-config.js";
import { syncCustomer, thrownIssue } from "./lib/sync-customer.js";

export const afterSubmit: EntryPoints.UserEvent.afterSubmit = (context) => {
  if (context.type !== context.UserEventType.CREATE) return;
  const customerId = String(context.newRecord.id);
  const script = runtime.getCurrentScript();
  const unitsAtStart = script.getRemainingUsage();
  try {
    const loaded = readConfig();
    // A configuration problem is the sync's to report, on the customer and in the sync log.
    if (loaded.ok && !loaded.value.config.autoSyncOnCreate) return;
    const result = syncCustomer(customerId, "primary", "create", loaded);
    const summary = result.targets.map((t) => `${t.accountName || "-"}: ${t.outcome}`).join(", ");
    log.audit({
      title: `Customer ${customerId} synced on create`,
      details: `${summary}; units used: ${unitsAtStart - script.getRemainingUsage()}`,
    });
  } catch (e) {
    log.error({
      title: `Customer ${customerId} not synced on create`,
      details: thrownIssue(e, customerId).message,
    });
  }
};
