/**
 * @NApiVersion 2.1
 * @NScriptType UserEventScript
 * @NModuleScope SameAccount
 *
 * Refuses to save a NetSuite–Stripe Account record the sync could not use: core's account checks (Stripe
 * account ID, API secret ID and identifier in the right form, no name or identifier value already taken by
 * another account record) and its API secret available to the SuiteApp (lib/configuration/config-check.ts).
 * Whether the identifier value names an existing subsidiary is not checked: an account may be set up before
 * its subsidiary.
 */

import * as log from "N/log";
import type { EntryPoints } from "N/types";
import { checkAccount, refusal } from "./lib/configuration/config-check.js";
import { STRIPE_ACCOUNT_RECORD } from "./lib/records/object-ids.js";

export const beforeSubmit: EntryPoints.UserEvent.beforeSubmit = (context) => {
  const { CREATE, EDIT } = context.UserEventType;
  if (context.type !== CREATE && context.type !== EDIT) return;
  const rec = context.newRecord;
  if (rec.getValue({ fieldId: "isinactive" }) === true) return;
  const f = STRIPE_ACCOUNT_RECORD.fields;
  const get = (fieldId: string) => rec.getValue({ fieldId });
  const apiBase = String(get(f.apiBase) ?? "").trim();
  const issues = checkAccount(
    {
      ...(rec.id ? { recordId: String(rec.id) } : {}),
      name: get("name"),
      accountId: get(f.accountId),
      secretId: get(f.secretId),
      identifierField: get(f.identifierField),
      identifierValue: get(f.identifierValue),
    },
    apiBase || undefined,
  );
  if (issues.length === 0) return;
  const e = refusal("The NetSuite–Stripe Account", issues);
  log.audit({ title: "Stripe account refused", details: e.message });
  throw e;
};
