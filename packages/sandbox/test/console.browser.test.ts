/**
 * The sandbox console in Debian's chromium: the page renders without a console error (its one script
 * passes the Content-Security-Policy), the search form and a run button work, a running run reloads
 * the page, and a screenshot lands in test-artifacts/console.png.
 */
import { fileURLToPath } from "node:url";
import type { NetSuiteEmulator } from "@nss/netsuite-emulator";
import { launchBrowser, pageErrors, screenshot } from "@nss/netsuite-emulator/testing";
import type { StripeEmulator } from "@nss/stripe-emulator";
import { type Emulated, type System, startSystem } from "@nss/suiteapp/system";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunView, startConsole } from "../src/console/index.js";

const ARTIFACTS = fileURLToPath(new URL("../test-artifacts/", import.meta.url));
const KEY = "sk_test_consolebrowser0123456789abcdef";

let system: System & Emulated;
let stripeEmulator: StripeEmulator;
let ns: NetSuiteEmulator;
let browser: Browser;
let page: Page;
let errors: string[];
let url: string;
let close: () => Promise<void>;
const calls: string[] = [];
let runs: RunView[] = [];

beforeAll(async () => {
  system = await startSystem({
    key: KEY,
    accounts: [{ name: "Main", subsidiary: "1", accountId: "acct_1NssConsoleBrowser" }],
  });
  ({ ns, stripeEmulator } = system);
  const { stripe } = system;
  const accountId = system.accounts[0]?.recordId;
  const customers: Record<string, string>[] = [
    { companyname: "Ada Ltd", email: "ada@example.com" },
    { companyname: "Babbage & Sons", email: "charles@example.com" },
    { companyname: `<img src=x onerror="alert(1)"> Ltd`, email: "evil@example.com" },
    { companyname: "Nomail Inc" },
    { companyname: "Hopper Systems", email: "grace@example.com" },
  ];
  for (const values of customers) {
    await ns.saveAsUser({
      type: "customer",
      id: null,
      isDynamic: false,
      values: { subsidiary: "1", ...values },
    });
  }
  const started = await startConsole(
    {
      ns,
      netsuiteUrl: "http://127.0.0.1:9",
      stripeUrl: stripeEmulator.url,
      accounts: [{ recordId: String(accountId), name: "Main", subsidiary: "1", stripe }],
      actions: {
        massSync: async () => {
          calls.push("massSync");
        },
        refreshPaymentMethods: async () => {
          calls.push("refreshPaymentMethods");
        },
      },
      runs: () => runs,
    },
    { port: 0 },
  );
  url = started.url;
  close = started.close;
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  errors = pageErrors(page);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await close?.();
  await system?.close();
});

describe("the console in a browser", () => {
  it("shows the customers, runs and logs, and reloads while a run is running", async () => {
    runs = [
      {
        name: "Mass sync",
        status: "running",
        detail: "map: 2 of 5 customers",
        progress: { done: 2, total: 5 },
      },
      { name: "Default payment method refresh", status: "done", detail: "refreshed 0, unchanged 4" },
    ];
    await page.goto(url);
    expect(await page.locator("#customers-table tbody tr").count()).toBe(5);
    expect(await page.locator("#customers-table").textContent()).toContain(
      `<img src=x onerror="alert(1)"> Ltd`,
    );
    expect(await page.locator("#customers-table img").count()).toBe(0);
    expect(await page.locator("#sync-log tbody tr").count()).toBeGreaterThanOrEqual(5);
    expect(await page.locator("#runs-table progress").getAttribute("value")).toBe("2");
    await screenshot(page, ARTIFACTS, "console");
    // The tiny script reloads the page while the run is running (about every 2 s).
    const reloaded = page.waitForEvent("load", { timeout: 10_000 });
    await reloaded;
    runs = [{ name: "Mass sync", status: "done", detail: "created 4, failed 1" }];
    await page.reload();
    expect(await page.locator("#runs-table").textContent()).toContain("created 4, failed 1");
    expect(errors).toEqual([]);
  });

  it("searches by name and starts a run with its button", async () => {
    await page.fill("#q", "hopper");
    await Promise.all([page.waitForURL(/q=hopper/), page.press("#q", "Enter")]);
    expect(await page.locator("#customers-table tbody tr").count()).toBe(1);
    expect(await page.locator("#customers-table").textContent()).toContain("Hopper Systems");

    // The browser sends its Origin with the POST; the console accepts its own and redirects back.
    await Promise.all([page.waitForURL(/\/#runs$/), page.click("#start-mass-sync")]);
    expect(calls).toEqual(["massSync"]);
    expect(new URL(page.url()).pathname).toBe("/");
    expect(errors).toEqual([]);
  });
});
