/**
 * The Sync to Stripe button in a real browser: the SuiteApp served by the NetSuite emulator, a
 * customer record page, a click, and the outcome shown on the page without leaving it — against the
 * Stripe emulator over HTTPS.
 */
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type NetSuiteEmulator, type NetSuiteServer, startNetSuiteServer } from "@nss/netsuite-emulator";
import { launchBrowser, logIn, pageErrors, screenshot } from "@nss/netsuite-emulator/testing";
import { type StripeEmulator, startStripeEmulator } from "@nss/stripe-emulator";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CERT, openSuiteApp, saveCustomer, secretEnv, stripeClient, TLS_KEY } from "./helpers/e2e.js";

const ARTIFACTS = fileURLToPath(new URL("../test-artifacts/", import.meta.url));
const KEY = `sk_test_nssButtonBrowser${Date.now()}`;

let stripeEmulator: StripeEmulator;
let ns: NetSuiteEmulator;
let server: NetSuiteServer;
let browser: Browser;
let page: Page;
let errors: string[];
const opened: NetSuiteEmulator[] = [];
const dirs: string[] = [];

beforeAll(async () => {
  stripeEmulator = await startStripeEmulator({ port: 0, tls: { key: TLS_KEY, cert: CERT } });
  ({ ns } = await openSuiteApp({
    stripeUrl: stripeEmulator.url,
    env: secretEnv(KEY),
    opened: { dirs, emulators: opened },
    autoSync: false,
  }));
  server = await startNetSuiteServer(ns);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  errors = pageErrors(page);
  await logIn(page, server.appUrl);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  for (const e of opened) await e.close();
  await stripeEmulator?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
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
    const found = await stripeClient(KEY, stripeEmulator.port).customers.list({
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
