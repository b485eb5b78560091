/**
 * The customer's side, in a real browser: the portal link from the NetSuite customer opens Stripe's
 * billing portal (the Stripe emulator's page); the customer adds a card and makes it the default; the
 * event travels Stripe → proxy → NetSuite, and the customer record shows the new card.
 */

import { fileURLToPath } from "node:url";
import { launchBrowser, logIn, pageErrors, screenshot } from "@nss/netsuite-emulator/testing";
import { CUSTOMER_FIELDS } from "@nss/suiteapp/ids";
import { customer, saveCustomer } from "@nss/suiteapp/system";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWebhookSystem, type WebhookSystem } from "./helpers/suiteapp.js";

const ARTIFACTS = fileURLToPath(new URL("../test-artifacts/", import.meta.url));

let system: WebhookSystem;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  system = await startWebhookSystem(`sk_test_nssPortalBrowser${Date.now()}`);
  await system.setWebhook(true);
  browser = await launchBrowser();
  // The Stripe emulator's certificate is the test fixture's, not one the browser trusts.
  page = await browser.newPage({ viewport: { width: 1200, height: 900 }, ignoreHTTPSErrors: true });
  errors = pageErrors(page);
});

afterAll(async () => {
  await browser?.close();
  await system?.close();
});

describe("a card changed in the customer portal", () => {
  it("reaches the NetSuite customer record within a second", async () => {
    const { ns } = system;
    const id = await saveCustomer(ns, {
      companyname: "Portal Browser Ltd",
      email: "portal-browser@example.com",
    });
    const link = String(customer(ns, id)[CUSTOMER_FIELDS.portalLink]);
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/app\/site\/hosting\/scriptlet\.nl\?/);

    await page.goto(link);
    expect(page.url().startsWith(system.stripeEmulator.url)).toBe(true);
    await page.selectOption("#token", { label: "Visa •••• 4242" });
    await page.check('input[name="make_default"]');
    await screenshot(page, ARTIFACTS, "portal-page");
    const clicked = Date.now();
    await page.click('button:has-text("Add card")');
    await expect
      .poll(() => customer(ns, id)[CUSTOMER_FIELDS.defaultPaymentMethod], { timeout: 1000, interval: 20 })
      .toMatch(/^Visa •••• \d{4}, exp \d{2}\/\d{4}$/);
    expect(Date.now() - clicked).toBeLessThan(1000);

    await logIn(page, system.server.appUrl, `/app/common/entity/custjob.nl?id=${id}`);
    expect(await page.textContent(`#${CUSTOMER_FIELDS.defaultPaymentMethod}_val`)).toMatch(
      /^Visa •••• \d{4}/,
    );
    await screenshot(page, ARTIFACTS, "customer-with-card");
  });

  it("threw no script errors in the pages", () => {
    expect(errors).toEqual([]);
  });
});
