/**
 * @NApiVersion 2.1
 * @NScriptType Suitelet
 * @NModuleScope SameAccount
 *
 * The Stripe Sync page (menu link Stripe Sync, for the NetSuite–Stripe Sync role and administrators):
 * where administrators follow the sync. Its subtabs are panels (lib/operations/*-panel.ts), each adding
 * itself to one N/ui/serverWidget form and each costing a fixed number of units however many customers
 * the account has: Failed customers (with Retry failed), Runs, Webhooks, Possible duplicates, Dry run.
 * GET parameters (lib/operations/ops-context.ts, each checked there, a value outside what it allows being
 * no filter): `page`, `account`, `code` (an error code), `kind` (duplicates: email or netsuite_id),
 * `action` (the dry run's planned action), `taskid`. POST is the Retry failed button: it submits the mass
 * sync with Retry Failed Only and the page's Stripe account and error code filters (lib/operations/retry.ts)
 * and redirects to the page showing the task's status; when it cannot start, the page says why and what
 * to do. A panel that
 * fails shows its problem in its place; the page itself never fails.
 */

import * as log from "N/log";
import * as redirect from "N/redirect";
import * as runtime from "N/runtime";
import type { EntryPoints } from "N/types";
import * as serverWidget from "N/ui/serverWidget";
import { addDryRunPanel } from "./lib/operations/dry-run-panel.js";
import { addDuplicatesPanel } from "./lib/operations/duplicates-panel.js";
import { addFailedPanel } from "./lib/operations/failed-panel.js";
import {
  addInfoField,
  OPS_PARAMS,
  OPS_SUITELET,
  type OpsContext,
  opsContext,
  problemText,
} from "./lib/operations/ops-context.js";
import { RETRY_BUTTON, submitRetry } from "./lib/operations/retry.js";
import { addRunsPanel } from "./lib/operations/runs-panel.js";
import { addWebhooksPanel } from "./lib/operations/webhooks-panel.js";
import { APP_FOLDER } from "./lib/records/object-ids.js";

export const PAGE_TITLE = "Stripe Sync";

type Panel = (form: serverWidget.Form, ctx: OpsContext) => unknown;

/** The panels, in the order of their subtabs. */
const PANELS: { name: string; add: Panel }[] = [
  { name: "Failed customers", add: addFailedPanel },
  { name: "Runs", add: addRunsPanel },
  { name: "Webhooks", add: addWebhooksPanel },
  { name: "Possible duplicates", add: addDuplicatesPanel },
  { name: "Dry run", add: addDryRunPanel },
];

function render(ctx: OpsContext, notice?: { message: string; fix: string }): serverWidget.Form {
  const form = serverWidget.createForm({ title: PAGE_TITLE });
  form.clientScriptModulePath = `${APP_FOLDER}/nss_ops_cs.js`;
  if (notice) {
    addInfoField(form, {
      id: "custpage_nss_notice",
      label: "Retry failed",
      container: "",
      value: `${notice.message} ${notice.fix}`,
      help: "Why the retry did not start, and what to do.",
    });
  }
  for (const panel of PANELS) {
    try {
      panel.add(form, ctx);
    } catch (e) {
      log.error({ title: `Stripe Sync page: the ${panel.name} panel failed`, details: problemText(e) });
      addInfoField(form, {
        id: `custpage_nss_panel_problem_${PANELS.indexOf(panel)}`,
        label: panel.name,
        container: "",
        value: `This panel could not be shown (${problemText(e)}).`,
        help: "The other panels are unaffected. The execution log of the Stripe Sync page has the details.",
      });
    }
  }
  return form;
}

export const onRequest: EntryPoints.Suitelet.onRequest = ({ request, response }) => {
  const script = runtime.getCurrentScript();
  const unitsAtStart = script.getRemainingUsage();
  const ctx = opsContext(request);
  if (request.method === "POST" && request.parameters?.submitter === RETRY_BUTTON) {
    const { account, code } = ctx.filters;
    const submitted = submitRetry(account, code);
    if (submitted.ok) {
      log.audit({
        title: "Retry failed submitted",
        details: `task ${submitted.taskId}${account ? `, Stripe account record ${account}` : ""}${code ? `, error code ${code}` : ""}`,
      });
      redirect.toSuitelet({
        scriptId: OPS_SUITELET.scriptId,
        deploymentId: OPS_SUITELET.deploymentId,
        parameters: {
          [OPS_PARAMS.taskId]: submitted.taskId,
          ...(account ? { [OPS_PARAMS.account]: account } : {}),
          ...(code ? { [OPS_PARAMS.code]: code } : {}),
        },
      });
      return;
    }
    log.error({ title: "Retry failed not submitted", details: submitted.issue.message });
    response.writePage({ pageObject: render(ctx, submitted.issue) });
    return;
  }
  response.writePage({ pageObject: render(ctx) });
  log.audit({
    title: "Stripe Sync page",
    details: `units used: ${unitsAtStart - script.getRemainingUsage()}`,
  });
};
