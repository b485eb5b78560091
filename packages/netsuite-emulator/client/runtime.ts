/**
 * The browser runtime of SuiteScript client scripts (entry point, loaded as
 * `<script type="module" src="/_emu/client/runtime.js">`): reads `#ns-page`, installs `define`,
 * `require` and `log`, checks and loads the client script, wires its entry points. Sets
 * `<html data-ns-client="ready|failed|none">` when done so tests and tools can wait for it.
 */
import { reportError } from "./banner.js";
import { NsError } from "./errors.js";
import { wire } from "./events.js";
import { claimScriptError, installLoader, loadModule } from "./loader.js";
import { nModule } from "./modules/index.js";
import { readPage } from "./page.js";

/** NetSuite refuses a client script without a 2.x header or of another type; so do we. */
export function checkHeader(path: string, source: string): void {
  const leading = /^(?:\s*(?:\/\*[\s\S]*?\*\/|\/\/[^\n]*\n))*/.exec(source)?.[0] ?? "";
  const apiVersion = /@NApiVersion\s+([0-9.xX]+)/.exec(leading)?.[1];
  const scriptType = /@NScriptType\s+(\w+)/.exec(leading)?.[1];
  if (!apiVersion) {
    throw new NsError(
      "SSS_MISSING_NAPIVERSION",
      `${path}: the file has no @NApiVersion tag in its leading JSDoc comment`,
    );
  }
  if (!["2.1", "2.x", "2.X"].includes(apiVersion)) {
    throw new NsError(
      "SSS_INVALID_API_VERSION",
      `${path}: @NApiVersion ${apiVersion} is not supported (2.1 or 2.x)`,
    );
  }
  if (scriptType?.toLowerCase() !== "clientscript") {
    throw new NsError(
      "SSS_INVALID_SCRIPT_TYPE",
      `${path}: @NScriptType is ${scriptType ?? "missing"}, not ClientScript`,
    );
  }
}

function done(state: "ready" | "failed" | "none"): void {
  document.documentElement.dataset.nsClient = state;
}

async function main(): Promise<void> {
  const page = readPage();
  installLoader(page.endpoints.file);
  (window as unknown as Record<string, unknown>).log = nModule("N/log");
  window.addEventListener("error", (event) => {
    if (claimScriptError(event.filename, event.error)) return;
    reportError(event.error ?? event.message);
  });
  window.addEventListener("unhandledrejection", (event) => reportError(event.reason, "unhandled rejection"));
  const script = page.clientScript;
  if (!script) return done("none");
  const res = await fetch(script.url, { credentials: "same-origin", cache: "no-cache" });
  if (!res.ok) {
    throw new NsError(
      "MODULE_DOES_NOT_EXIST",
      `${script.path}: the client script file could not be loaded (HTTP ${res.status})`,
    );
  }
  checkHeader(script.path, await res.text());
  const module = await loadModule(script.path, [script.path], script.url);
  if (module === null || typeof module !== "object") {
    throw new NsError(
      "SSS_INVALID_SCRIPT_OBJECT",
      `${script.path}: define() must return an object of entry point functions`,
    );
  }
  wire(module as Record<string, unknown>, page);
  done("ready");
}

main().catch((e: unknown) => {
  reportError(e, "loading the client script");
  done("failed");
});
