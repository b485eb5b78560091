/**
 * The Sync to Stripe button's contract between the Suitelet (`nss_sync_sl`) and the client script
 * (`nss_customer_cs`), and the banner the client shows for an answer. Pure: no N/* module, so the
 * client script stays small and the wording is unit-tested.
 */

/**
 * sync-target.ts's SyncOutcome, spelled out rather than imported: nothing in this file's imports may
 * reach an N/* module, so that tests (and the client bundle) can load it on its own.
 */
export type SyncOutcome = "created" | "linked" | "updated" | "unchanged" | "failed";

/** The Suitelet the button calls (objects customscript_nss_sync_sl / customdeploy_nss_sync_sl). */
export const SYNC_SUITELET = {
  scriptId: "customscript_nss_sync_sl",
  deploymentId: "customdeploy_nss_sync_sl",
} as const;

/** The outcome for one Stripe account. */
export interface SyncButtonTarget {
  /** The Stripe account record's name ('' when the sync stopped before choosing an account). */
  account: string;
  outcome: SyncOutcome;
  /** `cus_…`, or null when the sync failed. */
  stripeCustomerId: string | null;
  /** For a failure: what went wrong, and what to do. */
  message?: string;
  fix?: string;
}

/** The sync ran (`ok` false when an account failed; its target says why). */
export interface SyncButtonResult {
  ok: boolean;
  customerId: string;
  targets: SyncButtonTarget[];
}

/**
 * The sync did not run: `status` 400 (a request the Suitelet cannot act on) or 500 (NetSuite refused a
 * step). In the body, because a Suitelet cannot set its HTTP status.
 */
export interface SyncButtonError {
  ok: false;
  status: 400 | 500;
  error: { code: string; message: string; fix: string };
}

export type SyncButtonResponse = SyncButtonResult | SyncButtonError;

/** What the client script shows: one N/ui/message banner. */
export interface SyncBanner {
  type: "CONFIRMATION" | "WARNING" | "ERROR";
  title: string;
  message: string;
}

const TITLE = "Sync to Stripe";

const where = (account: string) => (account ? ` in Stripe account "${account}"` : "");

/** One line per Stripe account, e.g. `Created Stripe customer cus_123 in Stripe account "Main".` */
export function outcomeLine(t: SyncButtonTarget): string {
  const id = t.stripeCustomerId ?? "";
  switch (t.outcome) {
    case "created":
      return `Created Stripe customer ${id}${where(t.account)}.`;
    case "linked":
      return `Linked to existing Stripe customer ${id}${where(t.account)}.`;
    case "updated":
      return `Updated Stripe customer ${id}${where(t.account)}.`;
    case "unchanged":
      return `Unchanged: Stripe customer ${id}${where(t.account)} already has this customer's data.`;
    default: {
      const fix = t.fix ? ` Fix: ${t.fix}` : "";
      return `${t.account ? `Stripe account "${t.account}": ` : ""}${t.message ?? "The sync failed."}${fix}`;
    }
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The banner for the Suitelet's answer (its HTTP status and body as the client received them). */
export function formatSyncResponse(status: number, body: string): SyncBanner {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    parsed = undefined;
  }
  if (isObject(parsed) && isObject(parsed.error)) {
    const e = parsed.error;
    return {
      type: "ERROR",
      title: `${TITLE} failed`,
      message: `${String(e.message ?? "The sync could not run.")}${e.fix ? ` Fix: ${String(e.fix)}` : ""}`,
    };
  }
  if (status !== 200 || !isObject(parsed) || !Array.isArray(parsed.targets)) {
    return {
      type: "ERROR",
      title: `${TITLE} failed`,
      message: `NetSuite answered ${status} without a sync result. Reload the page and try again; if it persists, tell your administrator.`,
    };
  }
  const targets = parsed.targets as SyncButtonTarget[];
  if (targets.length === 0) {
    return {
      type: "WARNING",
      title: TITLE,
      message: "No Stripe account serves this customer's primary subsidiary: nothing was synced.",
    };
  }
  const failed = targets.filter((t) => t.outcome === "failed").length;
  return {
    type: failed === 0 ? "CONFIRMATION" : "ERROR",
    title:
      failed === 0
        ? `${TITLE}: done`
        : failed < targets.length
          ? `${TITLE}: partly failed`
          : `${TITLE} failed`,
    message: targets.map(outcomeLine).join("\n"),
  };
}

/** The banner when the request itself failed (no answer from NetSuite). */
export function formatRequestFailure(e: unknown): SyncBanner {
  const err = e as { name?: unknown; message?: unknown } | null;
  const name = err && typeof err.name === "string" ? err.name : "Error";
  const message = err && typeof err.message === "string" ? err.message : String(e);
  return {
    type: "ERROR",
    title: `${TITLE} failed`,
    message: `The request to NetSuite failed (${name}: ${message}). Check your connection and try again.`,
  };
}
