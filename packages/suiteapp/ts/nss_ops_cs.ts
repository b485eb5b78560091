/**
 * @NApiVersion 2.1
 * @NScriptType ClientScript
 * @NModuleScope SameAccount
 *
 * The Stripe Sync page's filters (nss_ops_sl.ts, attached by Form.clientScriptModulePath): choosing a
 * Stripe account or a page opens the page again with them as GET parameters (a new account starts at
 * the first page). Retry failed is the form's submit button and needs nothing here.
 */

import type { EntryPoints } from "N/types";
import * as url from "N/url";
import { OPS_FIELDS, OPS_PARAMS, OPS_SUITELET } from "./lib/operations/ops-params.js";

/** The browser's location (client scripts run in the page; the project's types have no DOM). */
declare const window: { location: { assign(href: string): void } };

export const pageInit: EntryPoints.Client.pageInit = () => undefined;

export const fieldChanged: EntryPoints.Client.fieldChanged = (context) => {
  if (context.fieldId !== OPS_FIELDS.account && context.fieldId !== OPS_FIELDS.page) return;
  const record = context.currentRecord;
  const account = String(record.getValue({ fieldId: OPS_FIELDS.account }) ?? "");
  const page =
    context.fieldId === OPS_FIELDS.page ? String(record.getValue({ fieldId: OPS_FIELDS.page }) ?? "") : "";
  const params: Record<string, string> = {};
  if (account !== "") params[OPS_PARAMS.account] = account;
  if (page !== "" && page !== "0") params[OPS_PARAMS.page] = page;
  window.location.assign(
    url.resolveScript({ scriptId: OPS_SUITELET.scriptId, deploymentId: OPS_SUITELET.deploymentId, params }),
  );
};
