/**
 * The operations page in a real browser (Debian's chromium): reached from the SuiteApp menu link, its
 * client script loaded, a field's help text opened by clicking its label, Mark All / Unmark All on the
 * jobs sublist, and the submit button starting the map/reduce.
 */
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NetSuiteEmulator } from "../src/emulator.js";
import { startNetSuiteServer } from "../src/http/server.js";
import { launchBrowser, pageErrors, screenshot } from "./helpers/browser.js";

const OPS_PROJECT = fileURLToPath(new URL("./fixtures/ops-project/", import.meta.url));

let ns: NetSuiteEmulator;
let server: Awaited<ReturnType<typeof startNetSuiteServer>>;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  ns = await NetSuiteEmulator.open({ projectDir: OPS_PROJECT });
  await ns.runScript("customscript_ops_mr", "customdeploy_ops_mr", { custscript_ops_count: "2" });
  server = await startNetSuiteServer(ns);
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1200, height: 900 } })).newPage();
  errors = pageErrors(page);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await ns?.close();
});

describe("the operations page in the browser", () => {
  it("opens from the SuiteApp menu link, with its client script", async () => {
    await page.goto(`${server.appUrl}/pages/customerlogin.jsp`);
    await page.click("#login");
    await page.waitForURL("**/app/center/card.nl");
    await page.click('.ns-menu-links a:has-text("Stripe Sync")');
    await page.waitForURL("**scriptlet.nl?script=customscript_ops_sl&deploy=customdeploy_ops_sl");
    await expect.poll(() => page.getAttribute("html", "data-ns-client")).toBe("ready");
    expect(await page.title()).toBe("Stripe Sync");
  });

  it("shows a field's help text when its label is clicked", async () => {
    const help = page.locator("#custpage_count_help");
    expect(await help.isVisible()).toBe(false);
    await page.click('label[for="custpage_count"] .ns-help-trigger');
    await expect.poll(() => help.isVisible()).toBe(true);
    expect(await help.textContent()).toBe("How many items the retry processes.");
    await screenshot(page, "ops-help-popup");
    await page.keyboard.press("Escape");
    await expect.poll(() => help.isVisible()).toBe(false);
  });

  it("marks and unmarks every line of the jobs sublist", async () => {
    const boxes = page.locator('table[data-sublist-id="custpage_runs"] input[type="checkbox"]');
    expect(await boxes.count()).toBe(5);
    await page.click("#custpage_runs_markall");
    for (const checked of await boxes.evaluateAll((els) =>
      els.map((e) => (e as unknown as { checked: boolean }).checked),
    ))
      expect(checked).toBe(true);
    await page.click("#custpage_runs_unmarkall");
    for (const checked of await boxes.evaluateAll((els) =>
      els.map((e) => (e as unknown as { checked: boolean }).checked),
    ))
      expect(checked).toBe(false);
  });

  it("its submit button posts the page and starts the map/reduce", async () => {
    await page.fill("#custpage_count", "2");
    await page.click("#submitter");
    await expect.poll(() => page.textContent("#submitted")).toMatch(/^MAPREDUCETASK_\w+ /);
    await ns.tasks.idle();
    const taskId = ((await page.textContent("#submitted")) ?? "").split(" ")[0] ?? "";
    expect(ns.tasks.status(taskId)).toMatchObject({ status: "COMPLETE", progress: { map: { total: 2 } } });
    expect(errors).toEqual([]);
  });
});
