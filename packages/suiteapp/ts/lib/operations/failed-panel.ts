/**
 * The page's Failed customers subtab: the customers whose sync status is error, with their Last Sync
 * Error read back into its issues (core's parseStoredIssues: for each issue what is wrong, on which record
 * and field, what to do, and its error code, in columns Error, Fix and Code), filtered by Stripe account
 * and by error code (a search filter on the stored `[CODE]`, lib/operations/failed-customers.ts), 25 a
 * page, each linking to its customer record; and the Retry failed button (the Suitelet's POST,
 * lib/operations/retry.ts), which retries the customers the filters select, with the status of the retry
 * it submitted. Units: the account list (one search page), the failed customers (runPaged and one page),
 * a lookupFields with an account filter, and the retry task's status when there is one: the same
 * whatever the number of failed customers.
 */
import * as search from "N/search";
import * as serverWidget from "N/ui/serverWidget";
import * as url from "N/url";
import { parseStoredIssues } from "@nss/core";
import { text } from "../records/field-values.js";
import { CUSTOMER_FIELDS, STRIPE_ACCOUNT_RECORD } from "../records/object-ids.js";
import { failedCustomerFilters } from "./failed-customers.js";
import {
  addFilterSelect,
  addInfoField,
  addList,
  FAILED_PAGE_SIZE,
  OPS_FIELDS,
  type OpsContext,
  origin,
  problemText,
  setRow,
} from "./ops-context.js";
import { RETRY_BUTTON, taskSummary } from "./retry.js";

export const FAILED_TAB = "custpage_nss_failed_tab";
export const FAILED_LIST = "custpage_nss_failed";
const FILTER_GROUP = "custpage_nss_failed_filters";

/** Pages offered around the current one (the first and last always). */
const NEARBY_PAGES = 5;

/** The Stripe account records, for the filter (one search page: 10 units). */
export function accountOptions(): { value: string; text: string }[] {
  return search
    .create({
      type: STRIPE_ACCOUNT_RECORD.type,
      filters: [["isinactive", "is", "F"]],
      columns: [
        search.createColumn({ name: "name", sort: search.Sort.ASC }),
        search.createColumn({ name: "internalid" }),
      ],
    })
    .run()
    .getRange({ start: 0, end: 1000 })
    .map((r) => ({ value: String(r.id), text: text(r.getValue({ name: "name" })) }));
}

function addFilters(
  form: serverWidget.Form,
  ctx: OpsContext,
  accounts: { value: string; text: string }[],
): void {
  form.addFieldGroup({ id: FILTER_GROUP, label: "Filters", tab: FAILED_TAB });
  addFilterSelect(form, {
    id: OPS_FIELDS.account,
    label: "Stripe Account",
    container: FILTER_GROUP,
    help: "Only the failed customers this Stripe account record serves (its identifier field, by default the subsidiary). Retry failed retries these customers only.",
    none: "All Stripe accounts",
    options: accounts,
    selected: ctx.filters.account,
  });
  const code = form.addField({
    id: OPS_FIELDS.code,
    label: "Error Code",
    type: serverWidget.FieldType.TEXT,
    container: FILTER_GROUP,
  });
  code.setHelpText({
    help: "Only the failed customers with an issue of this error code, as the Code column shows it (e.g. MAPPING_INVALID_EMAIL or LOOKUP_AMBIGUOUS; any case). Blank for all. Retry failed retries these customers only.",
  });
  code.defaultValue = ctx.filters.code;
}

function addPageField(form: serverWidget.Form, ctx: OpsContext, pages: number): void {
  const field = form.addField({
    id: OPS_FIELDS.page,
    label: "Page",
    type: serverWidget.FieldType.SELECT,
    container: FILTER_GROUP,
  });
  field.setHelpText({ help: `${FAILED_PAGE_SIZE} customers a page.` });
  const shown = new Set<number>([0, pages - 1]);
  for (let i = ctx.page - NEARBY_PAGES; i <= ctx.page + NEARBY_PAGES; i++)
    if (i >= 0 && i < pages) shown.add(i);
  for (const i of [...shown].filter((p) => p >= 0).sort((a, b) => a - b)) {
    field.addSelectOption({ value: String(i), text: `${i + 1} of ${pages}`, isSelected: i === ctx.page });
  }
}

export function addFailedPanel(form: serverWidget.Form, ctx: OpsContext): void {
  form.addSubtab({ id: FAILED_TAB, label: "Failed customers" });
  form.addSubmitButton({ label: RETRY_BUTTON });

  if (ctx.filters.taskId) {
    addInfoField(form, {
      id: "custpage_nss_retry_status",
      label: "Retry",
      container: FAILED_TAB,
      value: taskSummary(ctx.filters.taskId),
      help: "The mass sync you started with Retry failed: its status, stage and percent complete. Reload the page to follow it; customers it fixes leave the list.",
    });
  }

  let accounts: { value: string; text: string }[] = [];
  try {
    accounts = accountOptions();
  } catch (e) {
    addInfoField(form, {
      id: "custpage_nss_failed_accounts_problem",
      label: "Stripe accounts",
      container: FAILED_TAB,
      value: `The Stripe account records could not be read (${problemText(e)}).`,
      help: "Check that your role can view NetSuite–Stripe Account records.",
    });
  }
  addFilters(form, ctx, accounts);

  const list = addList(form, {
    id: FAILED_LIST,
    label: "Failed customers",
    tab: FAILED_TAB,
    columns: [
      {
        id: "custpage_nss_customer",
        label: "Customer",
        help: "The customer's name; open its record with the link.",
      },
      { id: "custpage_nss_record", label: "Record", type: serverWidget.FieldType.URL },
      { id: "custpage_nss_last_sync", label: "Last Sync" },
      {
        id: "custpage_nss_error",
        label: "Error",
        type: serverWidget.FieldType.TEXTAREA,
        help: "What is wrong, on which record and field, one line per issue (for each Stripe account that failed), from the customer's Last Stripe Sync Error.",
      },
      {
        id: "custpage_nss_fix",
        label: "Fix",
        type: serverWidget.FieldType.TEXTAREA,
        help: "What to do about each issue, line by line with Error. Fix the customer (or the configuration), then press Retry failed.",
      },
      {
        id: "custpage_nss_code",
        label: "Code",
        help: "Each issue's error code: type one in Error Code to list (and retry) only the customers failing with it.",
      },
    ],
  });

  let total = 0;
  try {
    const paged = search
      .create({
        type: search.Type.CUSTOMER,
        filters: failedCustomerFilters(ctx.filters.account, ctx.filters.code),
        columns: [
          search.createColumn({ name: "internalid", sort: search.Sort.ASC }),
          search.createColumn({ name: "entityid" }),
          search.createColumn({ name: CUSTOMER_FIELDS.lastSync }),
          search.createColumn({ name: CUSTOMER_FIELDS.lastError }),
        ],
      })
      .runPaged({ pageSize: FAILED_PAGE_SIZE });
    total = paged.count;
    const pages = paged.pageRanges.length;
    addPageField(form, ctx, Math.max(pages, 1));
    if (pages > 0) {
      const index = Math.min(ctx.page, pages - 1);
      const base = origin(ctx.request);
      paged.fetch({ index }).data.forEach((r, line) => {
        const id = String(r.id);
        // A text stored before the format had codes reads as messages alone (no fix, no code) until the
        // customer syncs again.
        const issues = parseStoredIssues(text(r.getValue({ name: CUSTOMER_FIELDS.lastError })));
        setRow(list, line, {
          custpage_nss_customer: text(r.getValue({ name: "entityid" })) || `Customer ${id}`,
          custpage_nss_record: `${base}${url.resolveRecord({ recordType: "customer", recordId: id })}`,
          custpage_nss_last_sync: text(r.getValue({ name: CUSTOMER_FIELDS.lastSync })),
          custpage_nss_error: issues
            .map((i) => i.message)
            .join("\n")
            .slice(0, 3900),
          custpage_nss_fix: issues
            .map((i) => i.fix)
            .join("\n")
            .slice(0, 3900),
          custpage_nss_code: [...new Set(issues.map((i) => i.code).filter((c) => c !== ""))].join(", "),
        });
      });
    }
  } catch (e) {
    addInfoField(form, {
      id: "custpage_nss_failed_problem",
      label: "Failed customers",
      container: FAILED_TAB,
      value: `The failed customers could not be listed (${problemText(e)}).`,
      help: "Check that your role can search customers and view NetSuite–Stripe Account records.",
    });
  }
  addInfoField(form, {
    id: "custpage_nss_failed_count",
    label: "Failed Customers",
    container: FAILED_TAB,
    value: String(total),
    help: "Customers whose Sync Status is error (with the filters, those they select).",
  });
}
