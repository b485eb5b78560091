/**
 * @NApiVersion 2.1
 * @NScriptType ClientScript
 * @NModuleScope SameAccount
 *
 * The Stripe Sync page's filters (nss_ops_sl.ts, attached by Form.clientScriptModulePath): changing a
 * filter (Stripe account, error code, the duplicates' kind, the dry run's planned action) or the page
 * opens the page again with every filter as GET parameters (a changed filter starts at the first page).
 * Retry failed is the form's submit button and needs nothing here.
 */

import type { EntryPoints } from "N/types";
import * as url from "N/url";
import { OPS_FIELDS, OPS_FILTERS, OPS_PARAMS, OPS_SUITELET } from "./lib/operations/ops-params.js";

/** The browser's location (client scripts run in the page; the project's types have no DOM). */
declare const window: { location: { assign(href: string): void } };

export const pageInit: EntryPoints.Client.pageInit = () => undefined;

const FILTER_FIELDS: readonly string[] = OPS_FILTERS.map((f) => f.field);

export const fieldChanged: EntryPoints.Client.fieldChanged = (context) => {
  if (!FILTER_FIELDS.includes(context.fieldId) && context.fieldId !== OPS_FIELDS.page) return;
  const record = context.currentRecord;
  const value = (fieldId: string): string => {
    try {
      return String(record.getValue({ fieldId }) ?? "").trim();
    } catch {
      return ""; // a panel that could not add its filter
    }
  };
  const params: Record<string, string> = {};
  for (const f of OPS_FILTERS) {
    const v = value(f.field);
    if (v !== "") params[f.param] = v;
  }
  const page = context.fieldId === OPS_FIELDS.page ? value(OPS_FIELDS.page) : "";
  if (page !== "" && page !== "0") params[OPS_PARAMS.page] = page;
  window.location.assign(
    url.resolveScript({ scriptId: OPS_SUITELET.scriptId, deploymentId: OPS_SUITELET.deploymentId, params }),
  );
};
