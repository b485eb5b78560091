/** This package's browser tests: the exported testing helpers, with screenshots in test-artifacts/. */
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { screenshot as save } from "../../src/testing/browser.js";

export { launchBrowser, logIn, pageErrors } from "../../src/testing/browser.js";

export const ARTIFACTS = fileURLToPath(new URL("../../test-artifacts/", import.meta.url));

export const screenshot = (page: Page, name: string) => save(page, ARTIFACTS, name);
