/**
 * @NApiVersion 2.1
 * @NScriptType UserEventScript
 * @NModuleScope SameAccount
 *
 * Refuses to save a NetSuite–Stripe Configuration that the sync could not work from: the values being
 * saved (not the stored ones) are checked with core, each configured saved search must load and every
 * column of the mapped ones carry a label core understands, and each Stripe account record's API
 * secret must be available (lib/config-check.ts). The error lists every problem with its field and fix.
 */

import * as log from "N/log";
import type { EntryPoints } from "N/types";
import { checkConfiguration, refusal } from "./lib/config-check.js";
import { rawSettings } from "./lib/read-config.js";

export const beforeSubmit: EntryPoints.UserEvent.beforeSubmit = (context) => {
  const { CREATE, EDIT } = context.UserEventType;
  if (context.type !== CREATE && context.type !== EDIT) return;
  const rec = context.newRecord;
  // An inactive configuration is not used by any script: nothing to check.
  if (rec.getValue({ fieldId: "isinactive" }) === true) return;
  const issues = checkConfiguration(rawSettings((fieldId) => rec.getValue({ fieldId })));
  if (issues.length === 0) return;
  const e = refusal("The NetSuite–Stripe Configuration", issues);
  log.audit({ title: "Configuration refused", details: e.message });
  throw e;
};
