/**
 * The Stripe Sync page's parameters and field IDs, shared by its Suitelet and its client script: no
 * N/* module, so the client script bundles it without a server module.
 */
import { SCRIPTS } from "../records/object-ids.js";

/** The page's GET parameters. */
export const OPS_PARAMS = {
  page: "page",
  /** A Stripe account record's internal ID: the failed customers it serves. */
  account: "account",
  /** A map/reduce task ID the page submitted: its status is shown. */
  taskId: "taskid",
  /** An error code (core's SyncIssue.code): the failed customers whose last error holds it. */
  code: "code",
  /** The possible duplicates' kind (DUPLICATE_KINDS). */
  kind: "kind",
  /** The last dry run's planned action (PLAN_ACTIONS). */
  action: "action",
} as const;

/** The values of the duplicates' `kind` filter (core's DuplicateKind); any other value is no filter. */
export const DUPLICATE_KINDS = ["email", "netsuite_id"] as const;

/** The values of the dry run's `action` filter (the sync's outcomes); any other value is no filter. */
export const PLAN_ACTIONS = ["created", "linked", "updated", "unchanged", "failed"] as const;

/** Rows of the failed customers' list per page. */
export const FAILED_PAGE_SIZE = 25;

export const OPS_SUITELET = SCRIPTS.opsSuitelet;

/** The page's own filter and paging fields (the client script reads them; they also post with Retry failed). */
export const OPS_FIELDS = {
  account: "custpage_nss_filter_account",
  code: "custpage_nss_filter_code",
  kind: "custpage_nss_filter_kind",
  action: "custpage_nss_filter_action",
  page: "custpage_nss_page",
} as const;

/** The filters the client script carries over when one changes: GET parameter → field. */
export const OPS_FILTERS = [
  { param: OPS_PARAMS.account, field: OPS_FIELDS.account },
  { param: OPS_PARAMS.code, field: OPS_FIELDS.code },
  { param: OPS_PARAMS.kind, field: OPS_FIELDS.kind },
  { param: OPS_PARAMS.action, field: OPS_FIELDS.action },
] as const;
