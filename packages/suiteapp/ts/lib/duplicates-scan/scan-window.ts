/**
 * One window of the duplicates scan: the account's Stripe customers created in `[gte, lt)`, listed 100 a
 * page (`GET /v1/customers?limit=100&created[gte]=…&created[lt]=…`, then `starting_after` the page's last
 * customer; Stripe's API reference, "List all customers"), each turned into core's compact duplicate
 * entries (normalised email, metadata netsuite_customer_id) and spread over core's hash buckets. Unlike
 * the payment method refresh, which stops once it has seen the customers NetSuite links, the scan lists
 * the window to its end: duplicates are most often customers NetSuite does not link.
 *
 * Budget: a page is one https call (10 units). When the units or the time left run low the listing stops;
 * the part of the window not listed (created before the last customer listed) is reported, never guessed.
 */
import * as runtime from "N/runtime";
import { bucketEntries, type DuplicateEntry, describeIssues, duplicateEntries } from "@nss/core";
import { clientFor, describeWindow, PAGE_LIMIT } from "../payment-method-refresh/window-listing.js";
import type { ScanWindow } from "./scan-input.js";

export interface WindowScan {
  /** Bucket → the window's entries in it. */
  buckets: Map<number, DuplicateEntry[]>;
  /** Stripe customers listed. */
  listed: number;
  stripeCalls: number;
  /** Why the window was not listed whole, when it was not. */
  failure?: string;
}

interface CustomerPage {
  data?: { id: string; created: number; email?: unknown; metadata?: unknown }[];
  has_more?: boolean;
}

export function scanWindow(window: ScanWindow, budget: { unitsFloor: number; deadline: number }): WindowScan {
  const entries: DuplicateEntry[] = [];
  const result: WindowScan = { buckets: new Map(), listed: 0, stripeCalls: 0 };
  const stripe = clientFor(window.run, window.accountRecordId);
  if (stripe === undefined) {
    result.failure = `${describeWindow(window)}: not scanned: the Stripe account record is not in the configuration.`;
    return result;
  }
  const script = runtime.getCurrentScript();
  const created = { gte: window.gte, ...(window.lt !== undefined ? { lt: window.lt } : {}) };
  let after: string | undefined;
  let lastCreated: number | undefined;
  try {
    for (;;) {
      if (script.getRemainingUsage() < budget.unitsFloor || Date.now() > budget.deadline) {
        result.failure =
          `${describeWindow(window)}: listed ${result.listed} customers down to created ${lastCreated ?? "?"}, ` +
          "then ran out of the script's units or time: Stripe holds many more customers than NetSuite links in this range, " +
          "so the older ones of the range were not compared. Link them (mass sync) or run the scan again after the next links.";
        break;
      }
      const page = stripe.request<CustomerPage>("GET", "/v1/customers", {
        limit: PAGE_LIMIT,
        created,
        ...(after !== undefined ? { starting_after: after } : {}),
      });
      if (!page.ok) {
        result.failure = `${describeWindow(window)}: not scanned whole: ${describeIssues(page.errors)}`;
        break;
      }
      const data = page.value.data ?? [];
      for (const customer of data) {
        result.listed++;
        for (const entry of duplicateEntries(customer)) entries.push(entry);
      }
      const last = data[data.length - 1];
      if (page.value.has_more !== true || last === undefined) break;
      after = last.id;
      lastCreated = last.created;
    }
  } finally {
    result.stripeCalls = stripe.calls.httpsCalls;
  }
  result.buckets = bucketEntries(entries);
  return result;
}
