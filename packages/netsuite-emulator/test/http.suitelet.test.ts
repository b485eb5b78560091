/** Suitelets over HTTP: internal (session) and external (forms domain, compid and token), errors as NetSuite's pages. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NetSuiteEmulator } from "../src/emulator.js";
import { appFetch, form, HTTP_PROJECT, type Served, serveFixture } from "./helpers/http.js";

let s: Served;
beforeAll(async () => {
  s = await serveFixture({ maxBodyBytes: 4096 });
});
afterAll(() => s.close());

const hello =
  "/app/site/hosting/scriptlet.nl?script=customscript_hp_hello_sl&deploy=customdeploy_hp_hello_sl";

/** An error page shows the code and message and nothing of the server's insides. */
async function expectErrorPage(res: Response, status: number, code: string, message: string) {
  expect(res.status).toBe(status);
  const html = await res.text();
  expect(html).toContain(`<p class="ns-error-code">${code}</p>`);
  expect(html).toContain(message);
  expect(html).not.toMatch(/\bat .+\.(js|ts):\d+/);
}

describe("internal Suitelets", () => {
  it("runs GET with parameters for a logged-in user and returns what the script wrote", async () => {
    const res = await appFetch(s, `${hello}&name=Ada`);
    expect(res.status).toBe(200);
    expect(res.headers.get("x-deployment")).toBe("customdeploy_hp_hello_sl");
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await res.text()).toBe('<p id="hello">Hello Ada by GET</p>');
  });

  it("merges a posted form's fields into the parameters", async () => {
    const res = await appFetch(s, `${hello}&name=Bo`, form({ field: "posted value" }));
    expect(await res.text()).toBe('<p id="hello">Hello Bo by POST (posted value)</p>');
  });

  it("passes a JSON body and headers through, and the script's Content-Type back", async () => {
    const id = s.ns.data.saveRecord({
      type: "customer",
      id: null,
      isDynamic: false,
      values: { companyname: "Ada Ltd", subsidiary: "1" },
    });
    const res = await appFetch(s, hello, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ id }),
    });
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(await res.json()).toEqual({ greeting: `Hello Ada Ltd (customer ${id})` });
  });

  it("sends the browser to the login page without a session, and refuses other methods", async () => {
    const get = await appFetch(s, `${hello}&name=x`, { cookie: "" });
    expect(get.status).toBe(302);
    expect(get.headers.get("location")).toBe(
      `/pages/customerlogin.jsp?redirect=${encodeURIComponent(`${hello}&name=x`)}`,
    );
    await expectErrorPage(
      await appFetch(s, hello, { cookie: "", ...form({ a: "1" }) }),
      401,
      "SESSION_TIMED_OUT",
      "You must log in before accessing this page.",
    );
  });

  it("turns sendRedirect into a Location", async () => {
    const res = await appFetch(s, `${hello}&go=record&id=7`);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/app/common/entity/custjob.nl?id=7");
  });

  it("shows a script error as an error page with its code and message", async () => {
    await expectErrorPage(await appFetch(s, `${hello}&fail=T`), 500, "HP_FAILED", "Asked to fail.");
  });

  it("refuses an unknown script or deployment with SSS_INVALID_SCRIPTLET_ID", async () => {
    for (const path of [
      "/app/site/hosting/scriptlet.nl?script=customscript_nope&deploy=customdeploy_hp_hello_sl",
      "/app/site/hosting/scriptlet.nl?script=customscript_hp_hello_sl&deploy=customdeploy_nope",
      "/app/site/hosting/scriptlet.nl",
    ]) {
      await expectErrorPage(
        await appFetch(s, path),
        404,
        "SSS_INVALID_SCRIPTLET_ID",
        "That Suitelet is invalid, disabled, or no longer exists.",
      );
    }
  });

  it("refuses a body over the limit and one that is not UTF-8", async () => {
    await expectErrorPage(
      await appFetch(s, hello, { method: "POST", body: "x".repeat(5000) }),
      413,
      "SSS_REQUEST_TOO_LARGE",
      "larger than 4096 bytes",
    );
    await expectErrorPage(
      await appFetch(s, hello, { method: "POST", body: new Uint8Array([0xff, 0xfe, 0x41]) }),
      400,
      "INVALID_REQUEST_BODY",
      "not valid UTF-8",
    );
  });
});

describe("serverWidget forms", () => {
  const signUp =
    "/app/site/hosting/scriptlet.nl?script=customscript_hp_form_sl&deploy=customdeploy_hp_form_sl";

  it("renders the form the Suitelet wrote as a page posting back to it, and the post reaches the script", async () => {
    const res = await appFetch(s, signUp);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("<title>HP Sign-up</title>");
    expect(html).toMatch(
      /<form id="main_form"[^>]* method="POST" action="\/app\/site\/hosting\/scriptlet\.nl\?script=customscript_hp_form_sl&amp;deploy=customdeploy_hp_form_sl"/,
    );
    expect(html).toContain('name="custpage_name"');
    expect(html).toMatch(/<option value="blue" selected>Blue<\/option>/);
    expect(html).toContain('name="custpage_items[1][custpage_qty]"');
    const posted = await appFetch(
      s,
      signUp,
      form({
        custpage_name: "Ada",
        custpage_colour: "red",
        custpage_news: "T",
        "custpage_items[0][custpage_qty]": "3",
        "custpage_items[1][custpage_qty]": "5",
        custpage_items__lines: "2",
      }),
    );
    expect(await posted.text()).toBe(
      '<p id="thanks">Thanks Ada: colour red, newsletter yes, 2 lines, first qty 3</p>',
    );
  });
});

describe("external Suitelets", () => {
  /** The URLs N/url.resolveScript gives a script for the public deployment. */
  async function resolved(): Promise<{ internal: string; external: string }> {
    return (await (await appFetch(s, `${hello}&resolve=T`)).json()) as { internal: string; external: string };
  }

  it("N/url.resolveScript returns the URLs the server answers at", async () => {
    const { internal, external } = await resolved();
    expect(internal).toBe(
      "/app/site/hosting/scriptlet.nl?script=customscript_hp_hello_sl&deploy=customdeploy_hp_hello_public&name=Link",
    );
    expect(external).toMatch(
      new RegExp(
        `^${s.server.formsUrl}/app/site/hosting/scriptlet\\.nl\\?script=customscript_hp_hello_sl&deploy=customdeploy_hp_hello_public&compid=TSTDRV0000001&ns-at=[\\w-]{43}&name=Link$`,
      ),
    );
    const res = await fetch(external, { redirect: "manual" });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('<p id="hello">Hello Link by GET</p>');
  });

  it("refuses a missing or wrong token, another account, and the old h= with a wrong value", async () => {
    const { external } = await resolved();
    const url = new URL(external);
    const variants: [string, (u: URL) => void][] = [
      ["no token", (u) => u.searchParams.delete("ns-at")],
      ["wrong token", (u) => u.searchParams.set("ns-at", "x".repeat(43))],
      ["other account", (u) => u.searchParams.set("compid", "TSTDRV9999999")],
      [
        "wrong h",
        (u) => {
          u.searchParams.delete("ns-at");
          u.searchParams.set("h", "nope");
        },
      ],
    ];
    for (const [, change] of variants) {
      const u = new URL(url);
      change(u);
      await expectErrorPage(
        await fetch(u, { redirect: "manual" }),
        403,
        "INSUFFICIENT_PERMISSION",
        "You do not have privileges to view this page.",
      );
    }
    const old = new URL(url);
    old.searchParams.set("h", old.searchParams.get("ns-at") ?? "");
    old.searchParams.delete("ns-at");
    expect((await fetch(old)).status).toBe(200);
  });

  it("serves only deployments available without login that are Released", async () => {
    const { external } = await resolved();
    const token = new URL(external).searchParams.get("ns-at") ?? "";
    for (const deploy of ["customdeploy_hp_hello_sl", "customdeploy_hp_hello_testing"]) {
      const u = new URL(external);
      u.searchParams.set("deploy", deploy);
      u.searchParams.set("ns-at", token);
      await expectErrorPage(
        await fetch(u, { redirect: "manual" }),
        403,
        "INSUFFICIENT_PERMISSION",
        "You are not allowed to go directly to this page.",
      );
    }
  });

  it("serves nothing else on the forms domain: no record pages, no lists", async () => {
    const res = await fetch(`${s.server.formsUrl}/app/common/entity/custjob.nl?id=1`, { redirect: "manual" });
    await expectErrorPage(res, 404, "PAGE_NOT_FOUND", "could not be found");
  });
});

describe("external URL tokens", () => {
  it("stay the same when the account is reopened from its file, and differ between accounts", async () => {
    const db = join(mkdtempSync(join(tmpdir(), "nss-token-")), "account.sqlite");
    const token = async (file?: string) => {
      const ns = await NetSuiteEmulator.open({ projectDir: HTTP_PROJECT, ...(file ? { db: file } : {}) });
      const t = ns.host.externalToken("customscript_hp_hello_sl", "customdeploy_hp_hello_public");
      await ns.close();
      return t;
    };
    const first = await token(db);
    expect(await token(db)).toBe(first);
    expect(await token()).not.toBe(first);
  });
});
