/** `@nss/netsuite-emulator/testing`: helpers for browser tests of a served project. */
export { CHROMIUM, launchBrowser, logIn, pageErrors, screenshot } from "./browser.js";
