/**
 * The duplicates scan's getInputData (nss_dupscan_mr.ts): for each configured Stripe account, windows of the
 * Stripe customer's `created` cut from the `created` the account's links keep (every link at once,
 * lib/records/customer-link-index.ts), so each window holds about `SCAN_WINDOW_SIZE` customers NetSuite
 * knows. The first window starts at 0 and the last is open-ended, so every Stripe customer of the account,
 * linked or not, falls in exactly one window; an account with no link is one window. One map key per
 * window, and one `sweep` key per account, whose map writes every bucket key of the account so that each
 * bucket's reduce runs (and replaces its previous rows) even when no customer of this scan falls in it.
 */
import type { SyncConfig } from "@nss/core";
import { cutWindows } from "../payment-method-refresh/created-windows.js";
import type { RefreshAccounts } from "../payment-method-refresh/refresh-customer.js";
import { readLinks } from "../records/customer-link-index.js";

/**
 * Linked customers per window. A map invocation lists about 90 pages of 100 within its units: a window
 * is listed whole while Stripe holds up to that many customers in its range, linked or not.
 */
export const SCAN_WINDOW_SIZE = 1000;

export const WINDOW_PREFIX = "w:";
export const SWEEP_PREFIX = "s:";
export const BUCKET_PREFIX = "b:";

/** A window map lists: one account's Stripe customers created in `[gte, lt)`. */
export interface ScanWindow {
  scan: string;
  run: RefreshAccounts;
  accountRecordId: string;
  gte: number;
  /** Absent for the account's newest window. */
  lt?: number;
}

/** A sweep key's value: the account whose buckets must all reduce. */
export interface ScanSweep {
  scan: string;
  accountRecordId: string;
}

/** The reduce key of one account's bucket. */
export const bucketKey = (accountRecordId: string, bucket: number): string =>
  `${BUCKET_PREFIX}${accountRecordId}:${bucket}`;

export function parseBucketKey(key: string): { accountRecordId: string; bucket: number } | undefined {
  const m = /^b:([^:]*):(\d+)$/.exec(key);
  return m ? { accountRecordId: m[1] as string, bucket: Number(m[2]) } : undefined;
}

export interface ScanInput {
  items: Record<string, string>;
  accounts: number;
  windows: number;
}

/** `scan`: the scan's ID (its start time in ms), written on every row it makes. */
export function readScanInput(config: SyncConfig, apiBases: Record<string, string>, scan: string): ScanInput {
  const run: RefreshAccounts = { accounts: config.accounts, apiBases };
  const created = new Map<string, Map<string, number>>();
  for (const link of readLinks().values()) {
    if (link.stripeId === "" || link.stripeCreated <= 0) continue;
    const ids = created.get(link.accountRecordId) ?? new Map<string, number>();
    created.set(link.accountRecordId, ids);
    ids.set(link.stripeId, link.stripeCreated);
  }
  const items: Record<string, string> = {};
  let windows = 0;
  let accounts = 0;
  for (const account of config.accounts) {
    const accountRecordId = account.recordId ?? "";
    accounts++;
    const sweep: ScanSweep = { scan, accountRecordId };
    items[`${SWEEP_PREFIX}${accountRecordId}`] = JSON.stringify(sweep);
    const known = [...(created.get(accountRecordId) ?? new Map<string, number>()).values()];
    const cut = cutWindows(known, (c) => c, SCAN_WINDOW_SIZE);
    const ranges = cut.length > 0 ? cut : [{ gte: 0 }];
    for (const w of ranges) {
      const value: ScanWindow = {
        scan,
        run,
        accountRecordId,
        gte: w.gte,
        ...("lt" in w && w.lt !== undefined ? { lt: w.lt } : {}),
      };
      items[`${WINDOW_PREFIX}${accountRecordId}:${w.gte}`] = JSON.stringify(value);
      windows++;
    }
  }
  return { items, accounts, windows };
}
