/**
 * The operations page's "Last dry run" subtab: the plan the last mass sync dry run wrote, customer by
 * customer (customrecord_nss_dry_run_plan, lib/customer-sync/dry-run-plan.ts): the customer, the Stripe
 * account, the planned action and what would change (the Stripe fields, or why it would fail and what to
 * fix), a page at a time. Units: the latest run's ID (one search page) and one paged search and page, the
 * same however many customers were planned (paged-record-panel.ts).
 *
 * Filters (`ctx.filters`): `account` (a Stripe account record's internal ID) and `action` (created,
 * linked, updated, unchanged or failed).
 */
import * as search from "N/search";
import * as serverWidget from "N/ui/serverWidget";
import { latestPlanRun } from "../customer-sync/dry-run-plan.js";
import { DRY_RUN_PLAN_RECORD } from "../records/object-ids.js";
import { OPS_FIELDS, type OpsContext, PLAN_ACTIONS } from "./ops-context.js";
import { addRecordPanel, type PanelShown } from "./paged-record-panel.js";

export const DRY_RUN_TAB = "custpage_nss_plan_tab";
export const DRY_RUN_SUBLIST = "custpage_nss_plan_list";

const f = DRY_RUN_PLAN_RECORD.fields;

export function addDryRunPanel(form: serverWidget.Form, ctx: OpsContext): PanelShown & { run: string } {
  const run = latestPlanRun();
  const filters: unknown[] = [[f.run, "is", run === "" ? "-" : run]];
  // Checked by opsContext: an internal ID and one of PLAN_ACTIONS, or ''.
  const { account, action } = ctx.filters;
  if (account) filters.push("AND", [f.account, "anyof", account]);
  if (action) filters.push("AND", [f.action, "is", action]);
  const at = run === "" ? "" : new Date(Number(run)).toISOString().replace("T", " ").slice(0, 16);
  const shown = addRecordPanel(form, ctx, {
    tabId: DRY_RUN_TAB,
    tabLabel: "Last dry run",
    sublistId: DRY_RUN_SUBLIST,
    sublistLabel: "Last dry run's plan",
    recordType: DRY_RUN_PLAN_RECORD.type,
    filters,
    filter: {
      id: OPS_FIELDS.action,
      label: "Planned Action",
      help: "Only the customers the dry run planned this action for. The Stripe Account filter on Failed customers applies here too.",
      none: "Any action",
      options: PLAN_ACTIONS.map((a) => ({ value: a, text: a })),
      selected: action,
    },
    columns: [
      {
        id: "custpage_nss_plan_customer",
        label: "Customer",
        help: "The NetSuite customer the plan is for.",
        column: search.createColumn({ name: f.customer }),
        text: true,
      },
      {
        id: "custpage_nss_plan_account",
        label: "Stripe Account",
        help: "The Stripe account record the customer would be synced to (one row per subsidiary's account).",
        column: search.createColumn({ name: f.account }),
        text: true,
      },
      {
        id: "custpage_nss_plan_action",
        label: "Planned Action",
        help: "created: a new Stripe customer; linked: an existing Stripe customer found by the sync field; updated; unchanged: no Stripe call; failed: see What Would Change.",
        column: search.createColumn({ name: f.action }),
      },
      {
        id: "custpage_nss_plan_stripe_id",
        label: "Stripe Customer ID",
        help: "The Stripe customer that would be updated or linked; blank for a create.",
        column: search.createColumn({ name: f.stripeId }),
      },
      {
        id: "custpage_nss_plan_changes",
        label: "What Would Change",
        help: "The Stripe fields the sync would set or change, or why it would fail and what to fix.",
        column: search.createColumn({ name: f.changes }),
        type: serverWidget.FieldType.TEXTAREA,
      },
    ],
    sortColumns: [search.createColumn({ name: "internalid", sort: search.Sort.ASC })],
    help: "Run NetSuite–Stripe Mass Sync with Dry Run checked to plan every customer of the mass sync search without sending anything to Stripe; the next dry run replaces this plan.",
    empty:
      run === ""
        ? "No dry run yet: run the mass sync with Dry Run checked to see what it would do, customer by customer."
        : "No planned customer matches the filters.",
    describe: (count) => `Dry run of ${at} UTC: ${count} planned customers and Stripe accounts.`,
  });
  return { ...shown, run };
}
