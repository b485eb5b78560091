/**
 * @NApiVersion 2.1
 * @NScriptType UserEventScript
 * @NModuleScope SameAccount
 *
 * beforeLoad: adds the Sync to Stripe button to the customer record in view and edit mode (its click is
 * nss_customer_cs.js, which calls the Sync Suitelet).
 *
 * afterSubmit: syncs a newly created customer to Stripe at once (its primary subsidiary's Stripe account)
 * when the configuration's Auto Sync on Create is checked: its copy on this deployment is read first, for
 * nothing, and only then the configuration (which stays the source of truth). Never throws: the customer is
 * already saved, and a failure is written to its sync status fields and the sync log. Records saved here fire
 * no user events (NetSuite's rule), so writing the customer's own fields does not sync it again.
 */

import * as log from "N/log";
import * as runtime from "N/runtime";
import type { EntryPoints } from "N/types";
import { autoSyncFlag } from "./lib/configuration/deployment-settings.js";
import { readConfig } from "./lib/configuration/read-config.js";
import { syncCustomer, thrownIssue } from "./lib/customer-sync/sync-customer.js";
import { APP_FOLDER } from "./lib/records/object-ids.js";

/**
 * The client script, by its full File Cabinet path: a SuiteApp's form finds it only so (a relative
 * `./nss_customer_cs.js` works in account customization projects, not in SuiteApps: the button would
 * show and do nothing).
 */
export const CLIENT_SCRIPT = `${APP_FOLDER}/nss_customer_cs.js`;

export const beforeLoad: EntryPoints.UserEvent.beforeLoad = (context) => {
  const { VIEW, EDIT } = context.UserEventType;
  // A customer not yet saved has nothing to sync; only the UI has a form to add a button to.
  if ((context.type !== VIEW && context.type !== EDIT) || !context.newRecord.id) return;
  if (runtime.executionContext !== runtime.ContextType.USER_INTERFACE) return;
  context.form.addButton({ id: "custpage_nss_sync", label: "Sync to Stripe", functionName: "syncToStripe" });
  context.form.clientScriptModulePath = CLIENT_SCRIPT;
};

export const afterSubmit: EntryPoints.UserEvent.afterSubmit = (context) => {
  if (context.type !== context.UserEventType.CREATE) return;
  // Auto Sync on Create off: nothing read, no units (lib/configuration/deployment-settings.ts).
  if (!autoSyncFlag()) return;
  const customerId = String(context.newRecord.id);
  const script = runtime.getCurrentScript();
  const unitsAtStart = script.getRemainingUsage();
  try {
    const loaded = readConfig();
    // A configuration problem is the sync's to report, on the customer and in the sync log.
    if (loaded.ok && !loaded.value.config.autoSyncOnCreate) return;
    const result = syncCustomer(customerId, { kind: "create", config: loaded });
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
