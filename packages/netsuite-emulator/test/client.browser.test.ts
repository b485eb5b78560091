/**
 * The browser runtime of client scripts (client/) in a real Chromium: hand-written pages following the
 * `#ns-page` contract, File Cabinet fixtures under test/fixtures/client-cabinet, and a tiny in-process
 * server standing in for the emulator's HTTP server (fake Suitelet, resolve-script endpoint).
 */
import { existsSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot } from "./helpers/browser.js";

const PKG = join(dirname(fileURLToPath(import.meta.url)), "..");
const PAGES = join(PKG, "test", "fixtures", "client-pages");
const CABINET = join(PKG, "test", "fixtures", "client-cabinet");
const CLIENT_DIST = join(PKG, "dist", "client");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".map": "application/json; charset=utf-8",
};

let server: Server;
let base = "";
let browser: Browser;
const saved: string[] = [];

/** Pages that are the edit page with another client script file, by page name. */
const VARIANTS: Record<string, string> = {
  "bad-header": "bad_header_cs.js",
  "missing-lib": "missing_lib_cs.js",
  unsupported: "unsupported_cs.js",
};

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

async function sendFile(res: ServerResponse, root: string, rest: string): Promise<void> {
  const full = normalize(join(root, decodeURIComponent(rest)));
  const type = TYPES[extname(full)];
  if (
    !full.startsWith(root + sep) ||
    !type ||
    !(await stat(full).then(
      (s) => s.isFile(),
      () => false,
    ))
  ) {
    res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
    return;
  }
  res.writeHead(200, { "Content-Type": type, "Cache-Control": "no-cache" }).end(await readFile(full));
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", base);
  const path = url.pathname;
  const variant = VARIANTS[path.slice(8)];
  if (path.startsWith("/record/") && req.method === "GET" && variant) {
    // The edit page with another client script: the pages differ only in that file.
    const page = (await readFile(join(PAGES, "edit.html"), "utf8")).replaceAll(
      "/customer_cs.js",
      `/${variant}`,
    );
    res.writeHead(200, { "Content-Type": TYPES[".html"] }).end(page);
    return;
  }
  if (path.startsWith("/record/") && req.method === "GET")
    return sendFile(res, PAGES, `${path.slice(8)}.html`);
  if (path === "/record/save" && req.method === "POST") {
    saved.push(await body(req));
    res
      .writeHead(200, { "Content-Type": "text/html" })
      .end("<!DOCTYPE html><title>Saved</title><p id='saved'>Saved</p>");
    return;
  }
  if (path.startsWith("/_emu/client/")) return sendFile(res, CLIENT_DIST, path.slice(13));
  if (path.startsWith("/_emu/file/")) return sendFile(res, CABINET, path.slice(11));
  if (path === "/_emu/url/resolve-script") {
    const script = url.searchParams.get("scriptId");
    const deploy = url.searchParams.get("deploymentId");
    if (script !== "customscript_emu_sl") {
      res.writeHead(404, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ name: "SSS_INVALID_SCRIPTLET_ID", message: `No such script: ${script}` }));
      return;
    }
    res.writeHead(200, { "Content-Type": "text/plain" });
    res.end(
      `${base}/app/site/hosting/scriptlet.nl?script=${script}&deploy=${deploy}&compid=TSTDRV0000001&ns-at=TOKEN`,
    );
    return;
  }
  if (path === "/app/site/hosting/scriptlet.nl") {
    const text = await body(req);
    const reply = {
      method: req.method,
      query: Object.fromEntries(url.searchParams),
      contentType: req.headers["content-type"] ?? null,
      body: text,
    };
    res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(reply));
    return;
  }
  res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
}

interface Opened {
  page: Page;
  logs: string[];
}

async function open(name: string): Promise<Opened> {
  const page = await browser.newPage();
  const logs: string[] = [];
  page.on("console", (m) => logs.push(`${m.type()}: ${m.text()}`));
  await page.goto(`${base}/record/${name}`);
  await page.waitForSelector("html[data-ns-client]", { timeout: 10_000 });
  return { page, logs };
}

function message(page: Page, type: string) {
  return page.locator(`#ns-messages .ns-message[data-type="${type}"]`);
}

/** Opens a page whose client script cannot run: the runtime's state, its ERROR banner and how many INFORMATION ones. */
async function failedClient(name: string) {
  const { page } = await open(name);
  const error = message(page, "ERROR");
  return {
    page,
    state: await page.getAttribute("html", "data-ns-client"),
    title: await error.locator(".ns-message-title").textContent(),
    text: (await error.locator(".ns-message-text").textContent()) ?? "",
    information: await message(page, "INFORMATION").count(),
  };
}

async function shot(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  await page.close();
}

beforeAll(async () => {
  if (!existsSync(join(CLIENT_DIST, "runtime.js"))) {
    throw new Error(
      `${CLIENT_DIST}/runtime.js is missing: build first with npx tsc -b (from the repository root)`,
    );
  }
  server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => res.writeHead(500).end(String(e)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

describe("client script runtime in Chromium", { timeout: 30_000 }, () => {
  it("runs pageInit with the record in edit mode", async () => {
    const { page } = await open("edit");
    expect(await page.getAttribute("html", "data-ns-client")).toBe("ready");
    await expect
      .poll(() => message(page, "INFORMATION").first().textContent())
      .toBe("pageInit mode=edit type=customer id=12 dynamic=true");
    await shot(page, "client-edit");
  });

  it("fires fieldChanged; setValue updates another field and fires its fieldChanged", async () => {
    const { page } = await open("edit");
    await page.fill("#companyname", "Grace Co");
    await page.press("#companyname", "Tab");
    await expect.poll(() => page.inputValue("#custentity_display")).toBe("GRACE CO");
    expect(await page.evaluate("window.fieldChanges")).toEqual(["companyname", "custentity_display"]);
    await page.close();
  });

  it("restores the previous value when validateField returns false", async () => {
    const { page } = await open("edit");
    await page.fill("#custentity_code", "A B");
    await page.press("#custentity_code", "Tab");
    await expect.poll(() => page.inputValue("#custentity_code")).toBe("ADA");
    await page.fill("#custentity_code", "GRACE");
    await page.press("#custentity_code", "Tab");
    expect(await page.evaluate("window.fieldChanges")).toEqual(["custentity_code"]);
    expect(await page.inputValue("#custentity_code")).toBe("GRACE");
    await page.close();
  });

  it("calls the button's function with its arguments: requestSuitelet.promise → CONFIRMATION", async () => {
    const { page } = await open("edit");
    await page.click("#custpage_call");
    const banner = message(page, "CONFIRMATION");
    await banner.waitFor();
    expect(await banner.locator(".ns-message-title").textContent()).toBe("Suitelet 200");
    const reply = JSON.parse((await banner.locator(".ns-message-text").textContent()) ?? "");
    expect(reply).toEqual({
      method: "POST",
      query: { script: "customscript_emu_sl", deploy: "customdeploy_emu_sl", greeting: "hello", times: "2" },
      contentType: "application/x-www-form-urlencoded; charset=UTF-8",
      body: "name=Ada+Ltd",
    });
    expect(await banner.getAttribute("class")).toBe("ns-message ns-message-confirmation");
    expect(await banner.getAttribute("role")).toBe("alert");
    await shot(page, "client-edit-suitelet");
  });

  it("blocks the submit when saveRecord returns false, submits when it returns true", async () => {
    const { page } = await open("edit");
    saved.length = 0;
    await page.click("#submitter");
    await message(page, "WARNING").waitFor();
    expect(await message(page, "WARNING").textContent()).toBe("Not saved Approve the customer first");
    expect(new URL(page.url()).pathname).toBe("/record/edit");
    expect(saved).toEqual([]);
    await shot(page, "client-edit-save-blocked");
    const again = (await open("edit")).page;
    await again.check("#custentity_approved");
    await Promise.all([again.waitForURL("**/record/save"), again.click("#submitter")]);
    expect(saved).toHaveLength(1);
    expect(new URLSearchParams(saved[0]).get("custentity_approved")).toBe("T");
    await again.close();
  });

  it("shows an ERROR banner for an uncaught error and for a missing button function", async () => {
    const { page, logs } = await open("edit");
    await page.click("#custpage_boom");
    const error = message(page, "ERROR");
    await error.waitFor();
    expect(await error.locator(".ns-message-title").textContent()).toBe("EMU_BOOM");
    expect(await error.locator(".ns-message-text").textContent()).toBe("The button exploded");
    expect(logs.some((l) => l.startsWith("error:") && l.includes("explode"))).toBe(true);
    await page.click("#custpage_missing");
    await expect.poll(() => error.count()).toBe(2);
    expect(await error.nth(1).locator(".ns-message-title").textContent()).toBe("SSS_MISSING_FUNCTION");
    await shot(page, "client-edit-error");
  });

  it.each([
    [
      "a file whose header is not a 2.x ClientScript",
      "bad-header",
      "SSS_INVALID_SCRIPT_TYPE",
      "/SuiteApps/com.example.emu/bad_header_cs.js: @NScriptType is UserEventScript, not ClientScript",
    ],
    [
      "N/ modules the browser runtime does not have",
      "unsupported",
      "UNSUPPORTED_BY_EMULATOR",
      "UNSUPPORTED_BY_EMULATOR: N/record in the browser",
    ],
  ])("refuses %s", async (_what, name, title, text) => {
    const failed = await failedClient(name);
    expect(failed).toMatchObject({ state: "failed", title, text, information: 0 });
    await shot(failed.page, `client-${name}`);
  });

  it("fails with MODULE_DOES_NOT_EXIST when a dependency is not in the File Cabinet", async () => {
    const failed = await failedClient("missing-lib");
    expect(failed).toMatchObject({ state: "failed", title: "MODULE_DOES_NOT_EXIST", information: 0 });
    expect(failed.text).toContain("/SuiteApps/com.example.emu/lib/not_in_the_cabinet.js");
    await failed.page.close();
  });

  it("gives typed values, N/url shapes, sync N/https, N/runtime and N/log", async () => {
    const { page, logs } = await open("edit");
    await page.click("#custpage_probe");
    const probe = (await page.evaluate("window.probeResult")) as Record<string, unknown>;
    expect(probe.types).toEqual({
      count: "number",
      approved: "boolean",
      startIsDate: true,
      startYear: 2024,
      tagsIsArray: true,
    });
    expect(probe.values).toMatchObject({
      companyname: "Ada Ltd",
      custentity_count: 7,
      custentity_approved: false,
      subsidiary: "1",
      custentity_tags: ["1"],
      comments: "First line",
    });
    expect(probe.subsidiaryText).toBe("Parent Company");
    expect(probe.field).toEqual({ label: "Company Name", type: "text", isMandatory: true });
    expect(probe.urls).toEqual({
      internal: "/app/site/hosting/scriptlet.nl?script=customscript_emu_sl&deploy=customdeploy_emu_sl",
      withParams: "/app/site/hosting/scriptlet.nl?script=customscript_x&deploy=customdeploy_x&a=1&b=x%20y",
      external: `${base}/app/site/hosting/scriptlet.nl?script=customscript_emu_sl&deploy=customdeploy_emu_sl&compid=TSTDRV0000001&ns-at=TOKEN&a=1`,
      record: "/app/common/entity/custjob.nl?id=12&e=T",
      customRecord: "/app/common/custom/custrecordentry.nl?rectype=customrecord_emu_thing&id=3",
      domain: "127.0.0.1:8080",
      formDomain: "127.0.0.1:8081",
      formatted: "https://example.com/x?q=a%20b",
    });
    expect(probe.sync).toMatchObject({ code: 200, body: { method: "GET", query: { sync: "T" } } });
    expect(probe.notFound).toBe(404);
    expect(probe.networkError).toMatchObject({ name: "SSS_CONNECTION_CLOSED" });
    expect(probe.runtime).toEqual({
      executionContext: "USERINTERFACE",
      accountId: "TSTDRV0000001",
      user: "Administrator",
    });
    expect(logs).toContain("info: [N/log AUDIT] probe ran");
    await page.close();
  });

  it("writes typed values to the controls and fires fieldChanged unless ignoreFieldChange", async () => {
    const { page } = await open("edit");
    await page.click("#custpage_typed");
    expect(await page.inputValue("#custentity_start")).toBe("12/25/2025");
    expect(await page.inputValue("#custentity_count")).toBe("42");
    expect(await page.isChecked("#custentity_approved")).toBe(true);
    expect(await page.inputValue("#subsidiary")).toBe("2");
    expect(
      await page.$$eval("#custentity_tags option:checked", (os) => os.map((o) => o.getAttribute("value"))),
    ).toEqual(["2", "3"]);
    expect(await page.evaluate("window.fieldChanges")).toEqual([
      "custentity_start",
      "custentity_approved",
      "subsidiary",
      "custentity_tags",
    ]);
    await page.close();
  });

  it("shows N/ui/dialog confirm and resolves with the button pressed", async () => {
    const { page } = await open("edit");
    await page.click("#custpage_ask");
    await page.locator("#ns-dialog").waitFor();
    expect(await page.locator("#ns-dialog .ns-dialog-message").textContent()).toBe("Do it");
    await screenshot(page, "client-dialog");
    await page.click("#ns-dialog-cancel");
    await expect.poll(() => message(page, "INFORMATION").nth(1).textContent()).toBe("Dialog confirmed=false");
    expect(await page.locator("#ns-dialog").count()).toBe(0);
    await page.close();
  });

  it("reads values from view-mode spans and record.values; pageInit gets mode view", async () => {
    const { page } = await open("view");
    expect(await page.getAttribute("html", "data-ns-client")).toBe("ready");
    await page.click("#custpage_probe");
    const probe = (await page.evaluate("window.probeResult")) as Record<string, unknown>;
    expect(probe.values).toMatchObject({
      companyname: "Ada Ltd",
      custentity_count: 7,
      custentity_approved: true,
      subsidiary: "1",
      custentity_tags: ["1", "3"],
      comments: "From record.values",
    });
    expect(probe.types).toMatchObject({ startIsDate: true, startYear: 2024 });
    expect(probe.subsidiaryText).toBe("Parent Company");
    expect(await message(page, "INFORMATION").first().textContent()).toBe(
      "pageInit mode=view type=customer id=12 dynamic=true",
    );
    await shot(page, "client-view");
  });

  it("handles Suitelet sublist fields: getLineCount, fieldChanged with line, set/getSublistValue", async () => {
    const { page } = await open("suitelet");
    await expect.poll(() => message(page, "INFORMATION").textContent()).toBe("Suitelet lines=2");
    await page.fill('[name="custpage_items[1][custpage_qty]"]', "5");
    await page.press('[name="custpage_items[1][custpage_qty]"]', "Tab");
    await expect.poll(() => page.inputValue('[name="custpage_items[1][custpage_total]"]')).toBe("50");
    await shot(page, "client-suitelet");
  });
});
