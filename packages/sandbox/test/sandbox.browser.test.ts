/**
 * The sandbox as a person uses it, in chromium: the NetSuite pages and the Stripe emulator's dashboard
 * (plain HTTP, no certificate warning), a customer synced with the button, its portal link opening the
 * Stripe emulator's portal page, a card added there reaching the NetSuite record through the proxy, and
 * Enable Webhook toggled on the configuration record page with the webhook log showing each change.
 */

import { fileURLToPath } from "node:url";
import { launchBrowser, logIn, pageErrors, screenshot } from "@nss/netsuite-emulator/testing";
import { CONFIG_RECORD, CUSTOMER_FIELDS, WEBHOOK_LOG_RECORD } from "@nss/suiteapp/ids";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningSandbox, runSandbox } from "../src/index.js";

const ARTIFACTS = fileURLToPath(new URL("../test-artifacts/", import.meta.url));

let sandbox: RunningSandbox;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  sandbox = await runSandbox(
    { customers: 12, port: 0, stripeKeys: [], webhookSecrets: [], once: false, host: "127.0.0.1" },
    { out: { write: () => true, isTTY: false } },
  );
  browser = await launchBrowser();
  // No ignoreHTTPSErrors: every page a person opens must load without a certificate warning.
  page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  errors = pageErrors(page);
  await logIn(page, sandbox.system.server.appUrl);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
});

const banner = (type: string) => page.locator(`#ns-messages .ns-message[data-type="${type}"]`).last();
const values = (id: number) => sandbox.system.ns.data.loadRecord("customer", id, false).values;

describe("the sandbox in a browser", () => {
  let id: number;

  it("syncs a new customer with the Sync to Stripe button", async () => {
    const { ns, server } = sandbox.system;
    // Written as data, so no user event syncs it first: the button does.
    id = ns.data.seedCustomer({ companyname: "Browser Sandbox Ltd", email: "browser-sandbox@example.com" });
    await page.goto(`${server.appUrl}/app/common/entity/custjob.nl?id=${id}`);
    await page.click("#custpage_nss_sync");
    await expect.poll(() => banner("CONFIRMATION").count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await banner("CONFIRMATION").textContent()).toMatch(
      /Created Stripe customer cus_\w+ in Stripe account "Main"/,
    );
    expect(String(values(id)[CUSTOMER_FIELDS.stripeCustomerId])).toMatch(/^cus_/);
    await screenshot(page, ARTIFACTS, "sandbox-synced");
  });

  it("opens the Stripe emulator's dashboard over plain HTTP", async () => {
    await page.goto(sandbox.urls.stripe as string);
    expect(page.url()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(await page.textContent("body")).toContain("Browser Sandbox Ltd");
    await screenshot(page, ARTIFACTS, "sandbox-stripe-dashboard");
  });

  it("opens the portal link, adds a default card, and shows it on the customer record", async () => {
    // The portal pages are plain HTTP on loopback too: no certificate to accept.
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const portal = await context.newPage();
    const portalErrors = pageErrors(portal);
    await portal.goto(String(values(id)[CUSTOMER_FIELDS.portalLink]));
    expect(portal.url().startsWith(`${sandbox.system.stripeEmulator?.pagesUrl}/p/session/`)).toBe(true);
    await portal.selectOption("#token", { label: "Visa •••• 4242" });
    await portal.check('input[name="make_default"]');
    await screenshot(portal, ARTIFACTS, "sandbox-portal");
    await portal.click('button:has-text("Add card")');
    expect(portalErrors).toEqual([]);
    await context.close();
    await expect
      .poll(() => values(id)[CUSTOMER_FIELDS.defaultPaymentMethod], { timeout: 5000, interval: 50 })
      .toMatch(/^Visa •••• 4242, exp \d{2}\/\d{4}$/);
    await page.goto(`${sandbox.system.server.appUrl}/app/common/entity/custjob.nl?id=${id}`);
    expect(await page.textContent(`#${CUSTOMER_FIELDS.defaultPaymentMethod}_val`)).toMatch(/^Visa •••• 4242/);
    await screenshot(page, ARTIFACTS, "sandbox-customer-card");
  });

  it("toggles Enable Webhook on the configuration page and logs each change", async () => {
    const { server } = sandbox.system;
    const edit = `${server.appUrl}/app/common/custom/custrecordentry.nl?rectype=${CONFIG_RECORD.type}&id=1&e=T`;
    const logList = `${server.appUrl}/app/common/custom/custrecordentrylist.nl?rectype=${WEBHOOK_LOG_RECORD.type}`;
    const actions = () =>
      sandbox.system.ns.data
        .listRecords(WEBHOOK_LOG_RECORD.type)
        .map((r) => String(r.values[WEBHOOK_LOG_RECORD.fields.action]));
    // The sandbox created both accounts' endpoints at start.
    expect(actions()).toEqual(["created", "created"]);

    for (const [checked, action] of [
      [false, "disabled"],
      [true, "enabled"],
    ] as const) {
      await page.goto(edit);
      expect(await page.isChecked(`#${CONFIG_RECORD.fields.webhookEnabled}`)).toBe(!checked);
      await page.setChecked(`#${CONFIG_RECORD.fields.webhookEnabled}`, checked);
      await page.click("#submitter");
      await page.waitForURL("**saved=T");
      expect(actions().slice(-2)).toEqual([action, action]);
    }
    await page.goto(logList);
    const text = (await page.textContent("body")) ?? "";
    expect(text).toContain("disabled");
    expect(text).toContain("Disabled webhook endpoint we_");
    await screenshot(page, ARTIFACTS, "sandbox-webhook-log");
  });

  it("threw no script errors in the pages", () => {
    expect(errors).toEqual([]);
  });
});
