/**
 * The emulator's pages in a real browser (Debian's chromium): log in, a customer record whose user
 * event adds a button and a client script, the button calling a Suitelet and showing its answer, an
 * edit saved, a serverWidget form filled and submitted, an external Suitelet without login, Run now.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, pageErrors, screenshot } from "./helpers/browser.js";
import { type Served, serveFixture } from "./helpers/http.js";

let s: Served;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];

beforeAll(async () => {
  s = await serveFixture();
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  page = await context.newPage();
  errors = pageErrors(page);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await s?.close();
});

const message = (p: Page, type: string) => p.locator(`#ns-messages .ns-message[data-type="${type}"]`);

describe("in the browser", () => {
  let customerId: number;

  it("logs in and opens a customer record: the client script's pageInit shows its message", async () => {
    customerId = s.ns.data.saveRecord({
      type: "customer",
      id: null,
      isDynamic: false,
      values: { companyname: "Ada Ltd", email: "ada@example.com", subsidiary: "1" },
    });
    await page.goto(`${s.server.appUrl}/app/common/entity/custjob.nl?id=${customerId}`);
    await expect.poll(() => page.url()).toContain("/pages/customerlogin.jsp");
    await page.click("#login");
    await page.waitForURL(`**/custjob.nl?id=${customerId}`);
    await expect.poll(() => message(page, "INFORMATION").textContent()).toContain("Mode view");
    expect(await page.textContent("#custpage_hp_note_val")).toBe("Loaded in view mode");
  });

  it("clicks the button the user event added: the Suitelet's answer appears without leaving the page", async () => {
    const before = page.url();
    await page.click("#custpage_hp_hello");
    await expect
      .poll(() => message(page, "CONFIRMATION").textContent())
      .toContain(`Hello Ada Ltd (customer ${customerId})`);
    expect(page.url()).toBe(before);
    await screenshot(page, "customer-view-button");
  });

  it("edits and saves the record through the user events", async () => {
    await page.click("#edit");
    await page.waitForURL("**e=T");
    await page.fill("#companyname", "Ada Renamed");
    await screenshot(page, "customer-edit");
    await page.click("#submitter");
    await page.waitForURL("**saved=T");
    await expect.poll(() => message(page, "CONFIRMATION").textContent()).toContain("Record saved.");
    expect(s.ns.data.loadRecord("customer", customerId, false).values.companyname).toBe("Ada Renamed");
  });

  it("shows a refused save's error on the edit form", async () => {
    await page.goto(`${s.server.appUrl}/app/common/entity/custjob.nl?id=${customerId}&e=T`);
    await page.fill("#companyname", "REFUSE this");
    await page.click("#submitter");
    await expect.poll(() => message(page, "ERROR").textContent()).toContain("take REFUSE out of it");
    expect(await page.inputValue("#companyname")).toBe("REFUSE this");
    await screenshot(page, "customer-save-refused");
  });

  it("fills and submits a serverWidget form", async () => {
    await page.goto(
      `${s.server.appUrl}/app/site/hosting/scriptlet.nl?script=customscript_hp_form_sl&deploy=customdeploy_hp_form_sl`,
    );
    await page.fill("#custpage_name", "Grace");
    await page.selectOption("#custpage_colour", "red");
    await page.check("#custpage_news");
    await page.fill('input[name="custpage_items[0][custpage_qty]"]', "7");
    await screenshot(page, "suitelet-form");
    await page.click("#submitter");
    await expect
      .poll(() => page.textContent("#thanks"))
      .toBe("Thanks Grace: colour red, newsletter yes, 2 lines, first qty 7");
  });

  it("runs a map/reduce from the deployments page and shows the execution log", async () => {
    await page.goto(`${s.server.appUrl}/app/common/scripting/scriptrecordlist.nl`);
    await page.click("#run_customdeploy_hp_mr");
    await expect.poll(() => message(page, "CONFIRMATION").textContent()).toContain("customscript_hp_mr");
    await s.ns.tasks.idle();
    await page.reload();
    expect(await page.textContent('tr[data-deployment="customdeploy_hp_mr"] .ns-run-status')).toBe(
      "COMPLETE",
    );
    await screenshot(page, "deployments");
    await page.goto(`${s.server.appUrl}/app/common/scripting/executionlog.nl`);
    expect(await page.locator("#execution_log tbody tr").count()).toBeGreaterThanOrEqual(3);
    await screenshot(page, "execution-log");
  });

  it("opens an external Suitelet without logging in, and refuses it without its token", async () => {
    const other = await browser.newContext();
    const anonymous = await other.newPage();
    const { external } = (await (
      await fetch(
        `${s.server.appUrl}/app/site/hosting/scriptlet.nl?script=customscript_hp_hello_sl&deploy=customdeploy_hp_hello_sl&resolve=T`,
        { headers: { Cookie: s.cookie } },
      )
    ).json()) as { external: string };
    await anonymous.goto(external);
    expect(await anonymous.textContent("#hello")).toBe("Hello Link by GET");
    const noToken = new URL(external);
    noToken.searchParams.delete("ns-at");
    const res = await anonymous.goto(noToken.href);
    expect(res?.status()).toBe(403);
    expect(await anonymous.textContent(".ns-error-message")).toBe(
      "You do not have privileges to view this page.",
    );
    await screenshot(anonymous, "external-refused");
    await other.close();
  });

  it("threw no script errors in the pages (the refused save's 400 is the one failed load)", () => {
    expect(errors).toEqual([
      "Failed to load resource: the server responded with a status of 400 (Bad Request)",
    ]);
  });
});
