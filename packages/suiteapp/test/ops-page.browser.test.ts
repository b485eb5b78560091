/**
 * The Stripe Sync page in a real browser: opened from the SuiteApp's menu link, the failed customers
 * with their error, fix and code, the Stripe account and error code filters (the page's client script),
 * Retry failed (with those filters) fixing a customer whose email was added, and the Webhooks panel after an event — the SuiteApp served by the
 * NetSuite emulator behind the webhook proxies, against the Stripe emulator.
 */
import { fileURLToPath } from "node:url";
import type { NetSuiteEmulator } from "@nss/netsuite-emulator";
import { screenshot } from "@nss/netsuite-emulator/testing";
import { CUSTOMER_FIELDS, SCRIPTS } from "@nss/suiteapp/ids";
import { customer, EUROPE, MAIN_AND_EUROPE, saveCustomer, startSystem } from "@nss/suiteapp/system";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AS_CLERK, FAST_STRIPE, openBrowser, setDefaultCardByWebhook } from "./helpers/suiteapp.js";

const ARTIFACTS = fileURLToPath(new URL("../test-artifacts/", import.meta.url));
const KEY = `sk_test_nssOpsBrowser${Date.now()}`;
const MR = SCRIPTS.massSync;

const start = () =>
  startSystem({
    key: KEY,
    autoSync: false,
    stripe: FAST_STRIPE,
    proxies: true,
    webhook: true,
    subsidiaries: [EUROPE],
    accounts: MAIN_AND_EUROPE,
    netsuite: AS_CLERK,
  });
let system: Awaited<ReturnType<typeof start>>;
let ns: NetSuiteEmulator;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  system = await start();
  ns = system.ns;
  ({ browser, page, errors } = await openBrowser(system.server.appUrl));
});

afterAll(async () => {
  await browser?.close();
  await system?.close();
});

const failedNames = () =>
  page
    .locator('table[data-sublist-id="custpage_nss_failed"] tr.ns-sublist-line')
    .evaluateAll((rows) => rows.map((r) => (r.querySelector("td")?.textContent ?? "").trim()));

describe("the Stripe Sync page", () => {
  let fixed: number;

  it("opens from the menu link and lists the failed customers with their error and fix", async () => {
    fixed = await saveCustomer(ns, { companyname: "Browser No Mail Ltd" });
    await saveCustomer(ns, { companyname: "Browser Still No Mail Ltd" });
    await saveCustomer(ns, { companyname: "Browser Kein Mail GmbH", subsidiary: 2 });
    await ns.runScript(MR.scriptId, MR.deploymentId);

    await page.goto(`${system.server.appUrl}/app/center/card.nl`);
    await page.click('.ns-menu-links a:has-text("Stripe Sync")');
    await page.waitForURL(
      `**scriptlet.nl?script=${SCRIPTS.opsSuitelet.scriptId}&deploy=${SCRIPTS.opsSuitelet.deploymentId}`,
    );
    await expect.poll(() => page.getAttribute("html", "data-ns-client")).toBe("ready");
    expect(await page.title()).toBe("Stripe Sync");
    expect(await failedNames()).toEqual([
      "Browser No Mail Ltd",
      "Browser Still No Mail Ltd",
      "Browser Kein Mail GmbH",
    ]);
    const firstRow = page.locator('table[data-sublist-id="custpage_nss_failed"] tr.ns-sublist-line').first();
    expect(await firstRow.textContent()).toMatch(/Fill email on customer \d+/);
    expect(await firstRow.locator("a").getAttribute("href")).toMatch(
      new RegExp(`/app/common/entity/custjob\\.nl\\?id=${fixed}$`),
    );
    await screenshot(page, ARTIFACTS, "ops-page-failed");
  });

  it("filters by Stripe account and by error code through the page's GET parameters", async () => {
    const main = system.accounts.find((a) => a.name === "Main")?.recordId;
    await page.selectOption("#custpage_nss_filter_account", String(main));
    await page.waitForURL(`**&account=${main}`);
    expect(await failedNames()).toEqual(["Browser No Mail Ltd", "Browser Still No Mail Ltd"]);
    // The error code filter (any case) keeps the account filter; the Code column shows each customer's code.
    await page.fill("#custpage_nss_filter_code", "lookup_ambiguous");
    await page.press("#custpage_nss_filter_code", "Tab");
    await page.waitForURL(/code=lookup_ambiguous/);
    expect(await failedNames()).toEqual([]);
    await page.fill("#custpage_nss_filter_code", "lookup_no_identifier");
    await page.press("#custpage_nss_filter_code", "Tab");
    await page.waitForURL(/code=lookup_no_identifier/);
    expect(page.url()).toContain(`account=${main}`);
    expect(await failedNames()).toEqual(["Browser No Mail Ltd", "Browser Still No Mail Ltd"]);
    expect(await page.inputValue("#custpage_nss_filter_code")).toBe("LOOKUP_NO_IDENTIFIER");
    const row = page.locator('table[data-sublist-id="custpage_nss_failed"] tr.ns-sublist-line').first();
    expect(await row.textContent()).toContain("LOOKUP_NO_IDENTIFIER");
  });

  it("Retry failed syncs a customer once its email is added, and the list no longer shows it", async () => {
    const rec = ns.data.loadRecord("customer", fixed, false);
    await ns.saveAsUser({ ...rec, values: { ...rec.values, email: "browser-fixed@example.com" } });
    await page.click("#submitter");
    await page.waitForURL(/taskid=MAPREDUCETASK_/);
    await ns.tasks.idle();
    await page.reload();
    await expect
      .poll(() => page.textContent("#custpage_nss_retry_status_val"))
      .toMatch(/^COMPLETE, stage SUMMARIZE, 100% complete/);
    expect(customer(ns, fixed)[CUSTOMER_FIELDS.syncStatus]).toBe("synced");
    expect(await failedNames()).toEqual(["Browser Still No Mail Ltd"]);
    await screenshot(page, ARTIFACTS, "ops-page-retried");
  });

  it("shows the webhook endpoint and the last event after one is applied", async () => {
    await setDefaultCardByWebhook(system.stripe, ns, fixed);
    await page.reload();
    await page.click('a[data-tab-id="custpage_nss_webhooks_tab"]');
    const endpoints = page.locator('table[data-sublist-id="custpage_nss_endpoints"] tr.ns-sublist-line');
    expect(await endpoints.count()).toBe(2);
    expect(await endpoints.first().textContent()).toMatch(/Europe\s*we_\w+\s*enabled\s*enabled/);
    expect(await page.textContent("#custpage_nss_wh_last_applied_val")).toMatch(
      /^evt_\w+ \(customer\.updated\) for customer .*Browser No Mail Ltd.* in Stripe account "Main", applied/,
    );
    expect(await page.textContent("#custpage_nss_wh_day_val")).toBe("applied 1");
    // Delivered at once: the table of refused or retried events is there, empty.
    const undelivered = page.locator('table[data-sublist-id="custpage_nss_wh_undelivered_list"]');
    expect(await undelivered.count()).toBe(1);
    expect(await undelivered.locator("tr.ns-sublist-line").count()).toBe(0);
    await screenshot(page, ARTIFACTS, "ops-page-webhooks");
  });

  it("threw no script errors in the page", () => {
    expect(errors).toEqual([]);
  });
});
