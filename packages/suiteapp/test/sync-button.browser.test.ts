/**
 * The Sync to Stripe button in a real browser: the SuiteApp served by the NetSuite emulator, a
 * customer record page, a click, and the outcome shown on the page without leaving it — against the
 * Stripe emulator over HTTPS.
 */
import { fileURLToPath } from "node:url";
import type { NetSuiteEmulator, NetSuiteServer } from "@nss/netsuite-emulator";
import { launchBrowser, logIn, pageErrors, screenshot } from "@nss/netsuite-emulator/testing";
import { type Served, type System, saveCustomer, startSystem } from "@nss/suiteapp/system";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AS_CLERK } from "./helpers/suiteapp.js";

const ARTIFACTS = fileURLToPath(new URL("../test-artifacts/", import.meta.url));
const KEY = `sk_test_nssButtonBrowser${Date.now()}`;

let system: System & Served;
let ns: NetSuiteEmulator;
let server: NetSuiteServer;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  system = await startSystem({ key: KEY, autoSync: false, netsuite: { ...AS_CLERK, serve: true } });
  ({ ns, server } = system);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  errors = pageErrors(page);
  await logIn(page, server.appUrl);
});

afterAll(async () => {
  await browser?.close();
  await system?.close();
});

const banner = (type: string) => page.locator(`#ns-messages .ns-message[data-type="${type}"]`).last();

async function clickSync(customerId: number): Promise<void> {
  await page.goto(`${server.appUrl}/app/common/entity/custjob.nl?id=${customerId}`);
  const before = page.url();
  await page.click("#custpage_nss_sync");
  await expect
    .poll(() => page.locator('#ns-messages .ns-message:not([data-type="INFORMATION"])').count())
    .toBeGreaterThan(0);
  expect(page.url()).toBe(before);
}

describe("Sync to Stripe, clicked", () => {
  it("creates the Stripe customer, then finds it unchanged", async () => {
    const id = await saveCustomer(ns, {
      companyname: "Button Browser Ltd",
      email: "button-browser@example.com",
    });
    await clickSync(id);
    expect(await banner("CONFIRMATION").textContent()).toMatch(
      /Created Stripe customer cus_\w+ in Stripe account "Main"/,
    );
    await screenshot(page, ARTIFACTS, "sync-button-created");
    const found = await system.stripe.customers.list({
      email: "button-browser@example.com",
    });
    expect(found.data).toHaveLength(1);
    await clickSync(id);
    expect(await banner("CONFIRMATION").textContent()).toContain("Unchanged");
  });

  it("shows what to do when the customer cannot be synced", async () => {
    const id = await saveCustomer(ns, { companyname: "No Email Browser Co" });
    await clickSync(id);
    const text = await banner("ERROR").textContent();
    expect(text).toContain("Fix:");
    await screenshot(page, ARTIFACTS, "sync-button-error");
  });

  it("threw no script errors in the page", () => {
    expect(errors).toEqual([]);
  });
});
