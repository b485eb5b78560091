/** The console's public types: what the sandbox's boot hands to `startConsole`. */
import type { NetSuiteEmulator } from "@nss/netsuite-emulator";
import type Stripe from "stripe";

/** One Stripe account record of the SuiteApp, with an SDK client for that account. */
export interface ConsoleAccount {
  /** Internal ID of its `customrecord_nss_stripe_account` record (what link and log records point at). */
  recordId: string;
  name: string;
  /** Internal ID of the subsidiary it serves. */
  subsidiary: string;
  /** SDK client for that account. */
  stripe: Stripe;
}

/** A run (mass sync, payment method refresh) as the boot reports it. */
export interface RunView {
  name: string;
  status: "idle" | "running" | "done" | "failed";
  detail?: string;
  progress?: { done: number; total: number };
}

export interface ConsoleDeps {
  /** Read with `ns.data` (listRecords, loadRecord, runSearch). */
  ns: NetSuiteEmulator;
  /** The NetSuite emulator's app URL (record pages at /app/common/entity/custjob.nl?id=N). */
  netsuiteUrl: string;
  /** The Stripe emulator's browser page URL (or Stripe's dashboard). */
  stripeUrl: string;
  accounts: ConsoleAccount[];
  /** Each starts a run and resolves when it ends. */
  actions: { massSync(): Promise<void>; refreshPaymentMethods(): Promise<void> };
  runs(): RunView[];
}
