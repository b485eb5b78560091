/**
 * The operations page's "Possible duplicates" subtab: the rows of the last duplicates scan
 * (customrecord_nss_duplicate, written by customscript_nss_dupscan_mr), a page at a time. Stripe customers
 * of one account that share a normalised email, or that carry the same netsuite_customer_id in metadata,
 * with their IDs. Read-only: nothing is merged; the page makes no Stripe call and reads no customer, so its
 * cost is the same however many customers exist (paged-record-panel.ts).
 *
 * Filters (`ctx.filters`): `account` (a Stripe account record's internal ID) and `kind` (`email` or
 * `netsuite_id`).
 */
import * as search from "N/search";
import * as serverWidget from "N/ui/serverWidget";
import { DUPLICATE_RECORD } from "../records/object-ids.js";
import { DUPLICATE_KINDS, OPS_FIELDS, type OpsContext } from "./ops-context.js";
import { addRecordPanel, type PanelShown } from "./paged-record-panel.js";

export const DUPLICATES_TAB = "custpage_nss_dup_tab";
export const DUPLICATES_SUBLIST = "custpage_nss_dup_list";

const f = DUPLICATE_RECORD.fields;

/** The `kind` filter's options (core's DuplicateKind). */
const KIND_TEXT: Record<(typeof DUPLICATE_KINDS)[number], string> = {
  email: "The same email",
  netsuite_id: "The same netsuite_customer_id",
};

export function addDuplicatesPanel(form: serverWidget.Form, ctx: OpsContext): PanelShown {
  const filters: unknown[] = [["isinactive", "is", "F"]];
  // Checked by opsContext: an internal ID and one of DUPLICATE_KINDS, or ''.
  const { account, kind } = ctx.filters;
  if (account) filters.push("AND", [f.account, "anyof", account]);
  if (kind) filters.push("AND", [f.kind, "is", kind]);
  return addRecordPanel(form, ctx, {
    tabId: DUPLICATES_TAB,
    tabLabel: "Possible duplicates",
    sublistId: DUPLICATES_SUBLIST,
    sublistLabel: "Possible duplicates in Stripe",
    recordType: DUPLICATE_RECORD.type,
    filters,
    filter: {
      id: OPS_FIELDS.kind,
      label: "Shared",
      help: "Only the duplicates sharing an email, or only those sharing a netsuite_customer_id. The Stripe Account filter on Failed customers applies here too.",
      none: "Email or NetSuite ID",
      options: DUPLICATE_KINDS.map((k) => ({ value: k, text: KIND_TEXT[k] })),
      selected: kind,
    },
    columns: [
      {
        id: "custpage_nss_dup_account",
        label: "Stripe Account",
        help: "The Stripe account record whose customers share the value.",
        column: search.createColumn({ name: f.account }),
        text: true,
      },
      {
        id: "custpage_nss_dup_kind",
        label: "Shared",
        help: "email: the same address once spaces are removed and case is ignored. netsuite_id: the same netsuite_customer_id in metadata, i.e. one NetSuite customer behind several Stripe customers.",
        column: search.createColumn({ name: f.kind, sort: search.Sort.ASC }),
      },
      {
        id: "custpage_nss_dup_value",
        label: "Shared Value",
        help: "The normalised email or the NetSuite customer internal ID the Stripe customers share.",
        column: search.createColumn({ name: f.value }),
        type: serverWidget.FieldType.TEXTAREA,
      },
      {
        id: "custpage_nss_dup_ids",
        label: "Stripe Customer IDs",
        help: "Open each in the Stripe Dashboard; if they are the same customer, merge or delete there. Nothing here changes Stripe.",
        column: search.createColumn({ name: f.stripeIds }),
        type: serverWidget.FieldType.TEXTAREA,
      },
      {
        id: "custpage_nss_dup_count",
        label: "Stripe Customers",
        help: "How many Stripe customers share the value.",
        column: search.createColumn({ name: f.count }),
      },
      {
        id: "custpage_nss_dup_found",
        label: "Found At",
        help: "When the duplicates scan found it.",
        column: search.createColumn({ name: f.found }),
      },
    ],
    sortColumns: [search.createColumn({ name: "internalid", sort: search.Sort.ASC })],
    help: "The last run of NetSuite–Stripe Duplicates Scan (weekly): Stripe customers of one account that share an email or a netsuite_customer_id. Read-only.",
    empty:
      "No possible duplicates: the last duplicates scan found no Stripe customers sharing an email or a netsuite_customer_id (or no scan has run yet: run NetSuite–Stripe Duplicates Scan).",
    describe: (count) =>
      `${count} ${count === 1 ? "value" : "values"} shared by several Stripe customers (last duplicates scan; read-only, nothing is merged).`,
  });
}
