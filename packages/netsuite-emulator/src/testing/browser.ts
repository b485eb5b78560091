/**
 * For browser tests of a project served by the emulator: Debian's chromium driven by playwright-core
 * (`@nss/netsuite-emulator/testing`). A missing chromium is an error saying what to install, so a
 * browser test fails rather than passes unseen.
 */
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";

/** Where chromium is: `NSS_CHROMIUM`, else Debian's /usr/bin/chromium. */
export const CHROMIUM = process.env.NSS_CHROMIUM ?? "/usr/bin/chromium";

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `No chromium at ${CHROMIUM}: install it (apt-get install -y chromium) or set NSS_CHROMIUM.`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
}

/** Saves a full-page screenshot as `<dir>/<name>.png`, a test artefact. */
export async function screenshot(page: Page, dir: string, name: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

/** Collects what the page's scripts threw or logged as errors, for a test to check none happened. */
export function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  return errors;
}

/** Logs in on the emulator's login page (any password), leaving the page on `then` (a path). */
export async function logIn(page: Page, appUrl: string, then = "/app/center/card.nl"): Promise<void> {
  await page.goto(`${appUrl}/pages/customerlogin.jsp?redirect=${encodeURIComponent(then)}`);
  await page.click("#login");
  await page.waitForURL((url) => url.pathname === new URL(then, appUrl).pathname);
}
