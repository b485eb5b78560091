/**
 * How these tests open the SuiteApp, on the system kit (@nss/suiteapp/system): acting as a clerk given
 * the SuiteApp's role (not an administrator), in an account whose administrator also made a role of
 * their own; a test file's accounts against the one Stripe emulator it shares.
 */
import type { NetSuiteEmulator } from "@nss/netsuite-emulator";
import { launchBrowser, logIn, pageErrors } from "@nss/netsuite-emulator/testing";
import type { StripeEmulator, StripeEmulatorOptions } from "@nss/stripe-emulator";
import { CUSTOMER_FIELDS } from "@nss/suiteapp/ids";
import {
  type Cleanup,
  customer,
  type NetSuiteOptions,
  SYNC_USER,
  type SystemOf,
  type SystemOptions,
  startSystem,
} from "@nss/suiteapp/system";
import type { Browser, Page } from "playwright-core";
import type Stripe from "stripe";
import { expect } from "vitest";

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

/** A browser with a page logged in to the emulated account at `appUrl`, and the page's errors as they come. */
export async function openBrowser(
  appUrl: string,
): Promise<{ browser: Browser; page: Page; errors: string[] }> {
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1300, height: 1000 } });
  const errors = pageErrors(page);
  await logIn(page, appUrl);
  return { browser, page, errors };
}

/** Arms a trap for Stripe POSTs on `stripe`; the returned function says how many POSTs reached it. */
export function trapPosts(stripe: StripeEmulator): () => number {
  const TRAP = 1000;
  stripe.faults.clear();
  stripe.faults.add({ kind: "500", method: "POST", phase: "before", count: TRAP });
  return () => {
    const left = stripe.faults.pending().find((r) => r.method === "POST")?.count ?? 0;
    stripe.faults.clear();
    return TRAP - left;
  };
}

/**
 * Gives customer `id`'s Stripe customer a Visa card as its default payment method (in Stripe), and waits
 * for the webhook to write it on the NetSuite customer.
 */
export async function setDefaultCardByWebhook(
  stripe: Stripe,
  ns: NetSuiteEmulator,
  id: number,
): Promise<void> {
  const stripeId = String(customer(ns, id)[CUSTOMER_FIELDS.stripeCustomerId]);
  const pm = await stripe.paymentMethods.attach("pm_card_visa", { customer: stripeId });
  await stripe.customers.update(stripeId, { invoice_settings: { default_payment_method: pm.id } });
  await expect
    .poll(() => customer(ns, id)[CUSTOMER_FIELDS.defaultPaymentMethod], { timeout: 5000 })
    .toMatch(/^Visa/);
}
