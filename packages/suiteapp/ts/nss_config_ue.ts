/**
 * @NApiVersion 2.1
 * @NScriptType UserEventScript
 * @NModuleScope SameAccount
 *
 * Refuses to save a NetSuite–Stripe Configuration that the sync could not work from: the values being saved
 * (not the stored ones) are checked with core, each configured saved search must load and every column of the
 * mapped ones carry a label core understands, and each Stripe account record's API secret must be available
 * (lib/configuration/config-check.ts). The error lists every problem with its field and fix. Once saved, Auto
 * Sync on Create and the Stripe ID field are copied onto the deployments that read them on every call
 * (lib/configuration/deployment-settings.ts), and Enable Webhook is carried out in each Stripe account
 * (lib/webhooks/webhook-endpoints.ts): created or enabled when checked, disabled when cleared, every change
 * in the webhook log.
 */

import * as error from "N/error";
import * as log from "N/log";
import type { EntryPoints } from "N/types";
import { CONFIG_DEFAULTS, validateConfig } from "@nss/core";
import { hasSubsidiaries } from "./lib/configuration/account-features.js";
import { checkConfiguration, refusal } from "./lib/configuration/config-check.js";
import { copySettingsToDeployments } from "./lib/configuration/deployment-settings.js";
import { rawSettings, readAccounts } from "./lib/configuration/read-config.js";
import { CONFIG_RECORD } from "./lib/records/object-ids.js";
import { applyWebhookSetting } from "./lib/webhooks/webhook-endpoints.js";

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

export const afterSubmit: EntryPoints.UserEvent.afterSubmit = (context) => {
  const { CREATE, EDIT } = context.UserEventType;
  if (context.type !== CREATE && context.type !== EDIT) return;
  const rec = context.newRecord;
  if (rec.getValue({ fieldId: "isinactive" }) === true) return;
  const autoSync = rec.getValue({ fieldId: CONFIG_RECORD.fields.autoSyncOnCreate }) === true;
  const stripeIdField =
    String(rec.getValue({ fieldId: CONFIG_RECORD.fields.stripeIdField }) ?? "").trim() ||
    CONFIG_DEFAULTS.stripeIdField;
  const copyProblems = copySettingsToDeployments({ autoSync, stripeIdField });
  applyWebhook(rec);
  if (copyProblems.length > 0) {
    // Saved, but the scripts would go on with the old settings: say so, and how to set them by hand.
    throw error.create({
      name: "NSS_SETTINGS_NOT_APPLIED",
      message:
        `The configuration is saved, but these settings could not be copied to the deployments that read them: ${copyProblems.join("; ")}. ` +
        "Set the same values on those deployments' parameters (Customization > Scripting > Script Deployments), or save the configuration again.",
    });
  }
};

/** Enable Webhook carried out; the record is saved, so a failure is logged (execution and webhook logs), never thrown. */
function applyWebhook(rec: { getValue(options: { fieldId: string }): unknown }): void {
  try {
    const checked = validateConfig(
      { ...rawSettings((fieldId) => rec.getValue({ fieldId })), accounts: readAccounts().accounts },
      { oneWorld: hasSubsidiaries() },
    );
    if (!checked.ok) return;
    const { webhookEnabled, proxyUrl, proxySecretId } = checked.value;
    const changes = applyWebhookSetting({ enabled: webhookEnabled, proxyUrl, proxySecretId });
    if (changes.length > 0) {
      log.audit({
        title: `Webhook ${webhookEnabled ? "enabled" : "disabled"}`,
        details: changes.map((c) => `${c.accountName}: ${c.action}`).join(", "),
      });
    }
  } catch (e) {
    const err = e as { name?: string; message?: string };
    log.error({
      title: "Webhook setting not applied",
      details: `${err.name ?? "Error"}: ${err.message ?? String(e)}`,
    });
  }
}
