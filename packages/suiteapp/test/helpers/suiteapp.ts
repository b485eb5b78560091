/**
 * How these tests open the SuiteApp, on the system kit (@nss/suiteapp/system): acting as a clerk given
 * the SuiteApp's role (not an administrator), in an account whose administrator also made a role of
 * their own; a test file's accounts against the one Stripe emulator it shares.
 */
import type { StripeEmulator, StripeEmulatorOptions } from "@nss/stripe-emulator";
import {
  type Cleanup,
  type NetSuiteOptions,
  SYNC_USER,
  type SystemOf,
  type SystemOptions,
  startSystem,
} from "@nss/suiteapp/system";

/** A role the account's administrator made, as most accounts have: customers, nothing of the SuiteApp. */
export const AR_CLERK_ROLE = {
  scriptId: "customrole_test_ar_clerk",
  name: "A/R Clerk",
  permissions: { LIST_CUSTJOB: "EDIT" as const },
};
export const AR_CLERK = { role: AR_CLERK_ROLE.scriptId, name: "Ann Clerk" };

/** The account as these tests act in it: the clerk, and the administrator's own role. */
export const AS_CLERK: NetSuiteOptions = { user: SYNC_USER, roles: [AR_CLERK_ROLE] };

/** Stripe for the webhook tests: its retries in fractions of a second, every account's portal settings saved. */
export const FAST_STRIPE: StripeEmulatorOptions = { retryScale: 0.0002, defaultPortalConfiguration: true };

/** The SuiteApp in a fresh account (its installation run) against `stripe`, closed by `cleanup`. */
export async function openSuiteApp<O extends Omit<SystemOptions, "stripe">>(
  cleanup: Cleanup,
  stripe: StripeEmulator,
  options: O,
): Promise<SystemOf<O>> {
  const netsuite = { ...AS_CLERK, ...options.netsuite };
  return cleanup.own(await startSystem({ ...options, stripe: { emulator: stripe }, netsuite } as O));
}

/** The whole system as the webhook tests run it: behind the webhook proxies, with FAST_STRIPE. */
export const startWebhookSystem = (key: string) =>
  startSystem({
    key,
    stripe: FAST_STRIPE,
    proxies: true,
    netsuite: AS_CLERK,
    portalReturnUrl: "https://shop.example/account",
  });
export type WebhookSystem = Awaited<ReturnType<typeof startWebhookSystem>>;
