/**
 * Settings of the configuration that scripts read on every call, copied onto their deployments'
 * parameters where `getParameter` reads them for nothing (no units, no round trip). The configuration
 * record stays the source of truth; its user event copies them each time it is saved.
 * - Auto Sync on Create, for the create trigger: with it off a customer save reads nothing; with it on,
 *   the trigger reads the configuration as before. (N/cache would cost 1–2 units a read: Oracle,
 *   Cache.get.)
 * - The Stripe ID field, for the webhook Suitelet: it checks that an event's Stripe customer is the one
 *   the customer is linked to without reading the configuration.
 *
 * A deployment's parameters are fields of its script deployment record (`scriptdeployment`), found by its
 * script ID: a search and a submitFields each, on a configuration save only.
 */
import * as record from "N/record";
import * as runtime from "N/runtime";
import * as search from "N/search";
import { isChecked } from "../records/field-values.js";

/** The create trigger's deployment and its parameter (customscript_nss_customer_ue.xml). */
export const AUTO_SYNC_FLAG = {
  deploymentId: "customdeploy_nss_customer_ue",
  param: "custscript_nss_auto_sync",
} as const;

/** The webhook Suitelet's deployment and its parameter (customscript_nss_webhook_sl.xml). */
export const WEBHOOK_STRIPE_ID_FIELD = {
  deploymentId: "customdeploy_nss_webhook_sl",
  param: "custscript_nss_wh_stripe_id_field",
} as const;

/** The flag as the running create trigger's deployment holds it. */
export function autoSyncFlag(): boolean {
  return isChecked(runtime.getCurrentScript().getParameter({ name: AUTO_SYNC_FLAG.param }));
}

/** The Stripe ID field as the running webhook Suitelet's deployment holds it ('' when unset). */
export function webhookStripeIdField(): string {
  const value = runtime.getCurrentScript().getParameter({ name: WEBHOOK_STRIPE_ID_FIELD.param });
  return typeof value === "string" ? value.trim() : "";
}

/** Writes one parameter of a deployment; false when that deployment is not found. */
function writeParameter(deploymentId: string, param: string, value: boolean | string): boolean {
  const [row] = search
    .create({
      type: "scriptdeployment",
      filters: [["scriptid", "is", deploymentId]],
      columns: [search.createColumn({ name: "internalid" })],
    })
    .run()
    .getRange({ start: 0, end: 1 });
  if (row === undefined) return false;
  record.submitFields({
    type: "scriptdeployment",
    id: row.id,
    values: { [param]: value },
    options: { enableSourcing: false, ignoreMandatoryFields: true },
  });
  return true;
}

/**
 * Copies the settings onto their deployments; answers a line per copy that failed (the deployment, and
 * why), empty when all went well.
 */
export function copySettingsToDeployments(settings: { autoSync: boolean; stripeIdField: string }): string[] {
  const problems: string[] = [];
  const copy = (deploymentId: string, param: string, value: boolean | string, label: string) => {
    try {
      if (!writeParameter(deploymentId, param, value)) {
        problems.push(`${label} on ${deploymentId}: the deployment was not found`);
      }
    } catch (e) {
      const err = e as { name?: string; message?: string };
      problems.push(`${label} on ${deploymentId}: ${err.name ?? "Error"}: ${err.message ?? String(e)}`);
    }
  };
  copy(AUTO_SYNC_FLAG.deploymentId, AUTO_SYNC_FLAG.param, settings.autoSync, "Auto Sync on Create");
  copy(
    WEBHOOK_STRIPE_ID_FIELD.deploymentId,
    WEBHOOK_STRIPE_ID_FIELD.param,
    settings.stripeIdField,
    "Stripe Customer ID Field",
  );
  return problems;
}
