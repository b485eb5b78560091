/**
 * One window of the daily refresh (nss_paymethod_mr.ts): Stripe's customers of one account created in
 * `[gte, lt)`, listed 100 a page with their default payment methods expanded —
 * `GET /v1/customers?limit=100&created[gte]=…&created[lt]=…&expand[]=data.invoice_settings.default_payment_method`,
 * then `starting_after` the page's last customer (Stripe's API reference, "List all customers": `created`
 * filters by a range, `limit` 1–100, `starting_after` is the cursor, `expand[]` with `data.` expands each
 * item). Each listed customer that NetSuite links is compared with what NetSuite shows (core's
 * `summarizePaymentMethod`, as the refresh of one customer does): the same summary and `pm_…` ID and no
 * stale refresh error is unchanged, and nothing more is done for it; anything else is `changed`. A linked
 * Stripe ID the listing did not return is `missing` (deleted in Stripe, or its stored `created` is wrong).
 * The listing stops as soon as every linked customer of the window was seen.
 *
 * Budget: a page is one https call (10 units) of up to 100 customers. A full window of linked customers
 * is `WINDOW_SIZE / 100` pages when Stripe holds no other customers in its range; an account whose
 * Stripe customers outnumber its linked ones (customers made by other systems) has more pages per
 * window. When the units or the time left run low, the listing stops and answers the rest of the window
 * (the customers not yet seen, created at or before the last one listed) for reduce to continue.
 */
import * as https from "N/https";
import * as log from "N/log";
import * as runtime from "N/runtime";
import { describeIssues } from "@nss/core";
import { createStripeClient, type StripeClient } from "../stripe/stripe-client.js";
import type { RefreshAccounts } from "./refresh-customer.js";
import { type StripeCustomer, shown } from "./refresh-customer.js";
import type { Shown, WindowInput } from "./refresh-input.js";

export const PAGE_LIMIT = 100;
export const LIST_EXPAND = "data.invoice_settings.default_payment_method";

/** What one window (or the part of it one invocation listed) counted. */
export interface WindowTally {
  /** Stripe customers listed, linked or not. */
  listed: number;
  /** Linked customers whose listing matched what NetSuite shows: nothing written. */
  unchanged: number;
  /** Linked customers not refreshed because the listing failed. */
  failed: number;
  stripeCalls: number;
  /** `window …: why` lines for the run's summary. */
  failures: string[];
}

export interface WindowBudget {
  /** Stop listing when fewer units than this remain. */
  unitsFloor: number;
  /** Stop listing after this time (ms since the epoch). */
  deadline: number;
}

export interface WindowResult {
  tally: WindowTally;
  /** Linked customers whose listing differs from what NetSuite shows, with what Stripe says now. */
  changed: { shown: Shown; listed: { summary: string; id: string } }[];
  /** Linked customers the (complete) listing did not return. */
  missing: Shown[];
  /** The part of the window not listed when the budget ran out. */
  rest?: WindowInput;
}

interface CustomerList {
  data?: (StripeCustomer & { id: string; created: number })[];
  has_more?: boolean;
}

export const emptyTally = (): WindowTally => ({
  listed: 0,
  unchanged: 0,
  failed: 0,
  stripeCalls: 0,
  failures: [],
});

/** The Stripe client of an account record of the run, or undefined when the run has no such account. */
export function clientFor(run: RefreshAccounts, accountRecordId: string): StripeClient | undefined {
  const account = run.accounts.find((a) => (a.recordId ?? "") === accountRecordId);
  if (account === undefined) return undefined;
  const apiBase = accountRecordId ? run.apiBases[accountRecordId] : undefined;
  return createStripeClient(
    { https, log, runtime },
    {
      accountId: account.accountId,
      secretId: account.secretId,
      name: account.name,
      ...(apiBase ? { apiBase } : {}),
    },
  );
}

export const describeWindow = (w: Pick<WindowInput, "accountRecordId" | "gte" | "lt">): string =>
  `Stripe account record ${w.accountRecordId}, customers created from ${w.gte}${w.lt !== undefined ? ` to before ${w.lt}` : " on"}`;

export function listWindow(window: WindowInput, budget: WindowBudget): WindowResult {
  const tally = emptyTally();
  const result: WindowResult = { tally, changed: [], missing: [] };
  const pending = new Map(Object.entries(window.customers));
  const give = (why: string) => {
    tally.failed += pending.size;
    tally.failures.push(`${describeWindow(window)}: ${pending.size} customers not refreshed: ${why}`);
    pending.clear();
  };
  const stripe = clientFor(window.run, window.accountRecordId);
  if (stripe === undefined) {
    give("the Stripe account record is not in the configuration.");
    return result;
  }
  const script = runtime.getCurrentScript();
  const created = { gte: window.gte, ...(window.lt !== undefined ? { lt: window.lt } : {}) };
  let after: string | undefined;
  let lastCreated: number | undefined;
  try {
    while (pending.size > 0) {
      if (script.getRemainingUsage() < budget.unitsFloor || Date.now() > budget.deadline) {
        // The rest: what was not seen, created no later than the last customer listed (newest first).
        const rest: Record<string, Shown> = {};
        for (const [id, s] of pending) rest[id] = s;
        result.rest = {
          ...window,
          ...(lastCreated !== undefined ? { lt: lastCreated + 1 } : {}),
          customers: rest,
        };
        pending.clear();
        break;
      }
      const page = stripe.request<CustomerList>("GET", "/v1/customers", {
        limit: PAGE_LIMIT,
        created,
        expand: [LIST_EXPAND],
        ...(after !== undefined ? { starting_after: after } : {}),
      });
      if (!page.ok) {
        give(describeIssues(page.errors));
        break;
      }
      const data = page.value.data ?? [];
      for (const customer of data) {
        tally.listed++;
        const linked = pending.get(customer.id);
        if (linked === undefined) continue;
        pending.delete(customer.id);
        const now = shown(customer);
        if (
          !("errors" in now) &&
          now.summary === linked.summary &&
          now.id === linked.pmId &&
          !linked.staleError
        ) {
          tally.unchanged++;
          continue;
        }
        // An unexpected payment method is a change too: the refresh of one customer reports it.
        result.changed.push({
          shown: linked,
          listed: "errors" in now ? { summary: "?", id: "?" } : now,
        });
      }
      const last = data[data.length - 1];
      if (page.value.has_more !== true || last === undefined) {
        for (const s of pending.values()) result.missing.push(s);
        pending.clear();
        break;
      }
      after = last.id;
      lastCreated = last.created;
    }
  } finally {
    tally.stripeCalls += stripe.calls.httpsCalls;
  }
  return result;
}
