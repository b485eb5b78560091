/**
 * The Stripe Sync page's Possible duplicates subtab in a real browser: two Stripe customers made
 * directly in the Stripe emulator (as another system would) sharing an email written in other case,
 * the SuiteApp's weekly scan run, and the pair listed with both Stripe IDs (read-only).
 */
import { fileURLToPath } from "node:url";
import { screenshot } from "@nss/netsuite-emulator/testing";
import { SCRIPTS } from "@nss/suiteapp/ids";
import { startSystem } from "@nss/suiteapp/system";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AS_CLERK, FAST_STRIPE, openBrowser } from "./helpers/suiteapp.js";

const ARTIFACTS = fileURLToPath(new URL("../test-artifacts/", import.meta.url));
const KEY = `sk_test_nssOpsDuplicates${Date.now()}`;

const start = () =>
  startSystem({ key: KEY, autoSync: false, stripe: FAST_STRIPE, netsuite: { ...AS_CLERK, serve: true } });
let system: Awaited<ReturnType<typeof start>>;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  system = await start();
  ({ browser, page, errors } = await openBrowser(system.server.appUrl));
});

afterAll(async () => {
  await browser?.close();
  await system?.close();
});

describe("the Possible duplicates subtab", () => {
  it("lists a seeded pair sharing an email, with both Stripe customer IDs", async () => {
    const a = await system.stripe.customers.create({ email: "Grace.Hopper@Example.com", name: "Grace" });
    const b = await system.stripe.customers.create({
      email: "grace.hopper@example.COM",
      name: "Grace again",
    });
    await system.stripe.customers.create({ email: "someone.else@example.com" });
    const scan = SCRIPTS.duplicatesScan;
    await system.ns.runScript(scan.scriptId, scan.deploymentId);

    await page.goto(`${system.server.appUrl}/app/center/card.nl`);
    await page.click('.ns-menu-links a:has-text("Stripe Sync")');
    await expect.poll(() => page.getAttribute("html", "data-ns-client")).toBe("ready");
    await page.click('a[data-tab-id="custpage_nss_dup_tab"]');
    const rows = page.locator('table[data-sublist-id="custpage_nss_dup_list"] tr.ns-sublist-line');
    expect(await rows.count()).toBe(1);
    const text = (await rows.first().textContent()) ?? "";
    expect(text).toContain("grace.hopper@example.com");
    expect(text).toContain(a.id);
    expect(text).toContain(b.id);
    await screenshot(page, ARTIFACTS, "ops-page-duplicates");
  });

  it("threw no script errors in the page", () => {
    expect(errors).toEqual([]);
  });
});
