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
} as const;

/** Rows of the failed customers' list per page. */
export const FAILED_PAGE_SIZE = 25;

export const OPS_SUITELET = SCRIPTS.opsSuitelet;

/** The page's own filter and paging fields (the client script reads them; they also post with Retry failed). */
export const OPS_FIELDS = {
  account: "custpage_nss_filter_account",
  page: "custpage_nss_page",
} as const;
