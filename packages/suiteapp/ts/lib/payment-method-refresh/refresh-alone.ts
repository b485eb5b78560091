/**
 * One customer of the daily refresh in reduce (nss_paymethod_mr.ts), refreshed alone:
 *
 * - `changed` (its listing differs from what NetSuite shows, or NetSuite shows a stale refresh error):
 *   the refresh of one customer (refresh-customer.ts) with the link getInputData read — load,
 *   Stripe read, compare, save with optimistic locking. It reads Stripe again after its load on purpose:
 *   the listing was read before, so a webhook's newer write in between would not make the save conflict.
 * - `missing` (its window's listing did not return it): Stripe is asked for it first. A
 *   deleted Stripe customer whose fields NetSuite already shows blank is unchanged, with no load and no
 *   write; a live customer showing what NetSuite shows is unchanged too, and its link gets Stripe's
 *   `created` (it was listed in the wrong window). Anything else goes to the refresh of one customer
 *   (which clears a deleted customer's fields), recording `created` on the link.
 * - `uncreated` (its link has no `created`): the refresh of one customer, recording `created` on the link
 *   so that the next run lists it.
 * - `check`: the refresh of one customer as the webhook runs it (it finds the link and reports what
 *   getInputData could not place).
 */
import {
  type RefreshResult,
  recordCreated,
  refreshCustomer,
  type StripeCustomer,
  shown,
} from "./refresh-customer.js";
import type { SingleInput } from "./refresh-input.js";
import { clientFor } from "./window-listing.js";

export function refreshSingle(customerId: string, input: SingleInput): RefreshResult {
  const { run, shown: before } = input;
  if (input.why === "check" || before === undefined) return refreshCustomer(customerId, run);
  const link = before.link;
  if (input.why !== "missing") {
    return refreshCustomer(customerId, run, { link, recordCreated: input.why === "uncreated" });
  }
  const stripe = clientFor(run, link.accountRecordId);
  let stripeCalls = 0;
  if (stripe !== undefined) {
    const read = stripe.request<StripeCustomer>("GET", `/v1/customers/${encodeURIComponent(link.stripeId)}`, {
      expand: ["invoice_settings.default_payment_method"],
    });
    stripeCalls = stripe.calls.httpsCalls;
    const now = read.ok ? shown(read.value) : undefined;
    if (
      read.ok &&
      now !== undefined &&
      !("errors" in now) &&
      now.summary === before.summary &&
      now.id === before.pmId &&
      !before.staleError
    ) {
      const deleted = read.value.deleted === true;
      if (!deleted && typeof read.value.created === "number") {
        recordCreated({ linkId: link.id, storedCreated: link.stripeCreated, created: read.value.created });
      }
      const where = `Stripe customer ${link.stripeId}`;
      return {
        outcome: "unchanged",
        message: deleted
          ? `Unchanged: ${where} was deleted; the fields are blank already.`
          : `Unchanged: ${now.summary || "no default"} (${where}, not in the list of its created time: its created recorded again).`,
        stripeCalls,
        wrote: false,
      };
    }
  }
  const refreshed = refreshCustomer(customerId, run, { link, recordCreated: true });
  return { ...refreshed, stripeCalls: refreshed.stripeCalls + stripeCalls };
}
