/** Record pages, lists, deployments (Run now), the execution log, login and files, over HTTP. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appFetch, form, type Served, serveFixture } from "./helpers/http.js";

let s: Served;
beforeAll(async () => {
  s = await serveFixture();
});
afterAll(() => s.close());

/** The `#ns-page` JSON of a page. */
function pageJson(html: string): Record<string, unknown> {
  const json = /<script type="application\/json" id="ns-page">(.*?)<\/script>/s.exec(html)?.[1];
  if (!json) throw new Error("no ns-page JSON");
  return JSON.parse(json) as Record<string, unknown>;
}

const newCustomer = (values: Record<string, string>) =>
  s.ns.data.saveRecord({
    type: "customer",
    id: null,
    isDynamic: false,
    values: { subsidiary: "1", ...values },
  });

describe("login", () => {
  it("sends pages to the login page without a session and back after it, only to local paths", async () => {
    const res = await appFetch(s, "/app/common/entity/custjoblist.nl", { cookie: "" });
    expect(res.headers.get("location")).toBe(
      "/pages/customerlogin.jsp?redirect=%2Fapp%2Fcommon%2Fentity%2Fcustjoblist.nl",
    );
    const login = await appFetch(s, "/pages/customerlogin.jsp", {
      cookie: "",
      ...form({ redirect: "//evil.example/x" }),
    });
    expect(login.headers.get("location")).toBe("/app/center/card.nl");
    expect(login.headers.get("set-cookie")).toMatch(/^JSESSIONID=[\w-]+; Path=\/; HttpOnly; SameSite=Lax$/);
  });
});

describe("customer record pages", () => {
  it("view runs beforeLoad: the button, the field and the client script it adds, and the record as JSON", async () => {
    const id = newCustomer({ companyname: "Ada <Ltd>", email: "ada@example.com", custentity_hp_code: "A1" });
    const res = await appFetch(s, `/app/common/entity/custjob.nl?id=${id}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(
      '<button type="button" class="ns-button" id="custpage_hp_hello" data-function="sayHello">Say hello</button>',
    );
    expect(html).toContain("Loaded in view mode");
    expect(html).toContain("Ada &lt;Ltd&gt;");
    expect(html).not.toContain("Ada <Ltd>");
    expect(html).toContain(`href="/app/common/entity/custjob.nl?id=${id}&amp;e=T"`);
    const page = pageJson(html);
    expect(page).toMatchObject({
      context: "record",
      mode: "view",
      record: { type: "customer", id, values: { companyname: "Ada <Ltd>", custentity_hp_code: "A1" } },
      clientScript: {
        path: "/SuiteApps/com.example.http/hp_customer_cs.js",
        url: "/_emu/file/SuiteApps/com.example.http/hp_customer_cs.js",
      },
      domains: { app: s.server.appUrl, forms: s.server.formsUrl },
    });
    expect((page.fields as Record<string, unknown>).custpage_hp_note).toEqual({
      type: "text",
      label: "Note",
    });
  });

  it("edit shows inputs and saves through the user events; a refused save keeps what was typed", async () => {
    const id = newCustomer({ companyname: "Bo Inc", email: "bo@example.com" });
    const edit = await (await appFetch(s, `/app/common/entity/custjob.nl?id=${id}&e=T`)).text();
    expect(edit).toContain('id="companyname" name="companyname"');
    expect(edit).toContain("Loaded in edit mode");
    const saved = await appFetch(
      s,
      `/app/common/entity/custjob.nl?id=${id}`,
      form({ companyname: "Bo Renamed", email: "bo@example.com", subsidiary: "1" }),
    );
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe(`/app/common/entity/custjob.nl?id=${id}&saved=T`);
    expect(s.ns.data.loadRecord("customer", id, false).values.companyname).toBe("Bo Renamed");

    const refused = await appFetch(
      s,
      `/app/common/entity/custjob.nl?id=${id}`,
      form({ companyname: "REFUSE me", email: "bo@example.com", subsidiary: "1" }),
    );
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain('data-type="ERROR"');
    expect(html).toContain("The name REFUSE me is refused: take REFUSE out of it.");
    expect(html).toContain('value="REFUSE me"');
    expect(s.ns.data.loadRecord("customer", id, false).values.companyname).toBe("Bo Renamed");
  });

  it("new: beforeLoad in create mode adds nothing here; saving creates the customer", async () => {
    const html = await (await appFetch(s, "/app/common/entity/custjob.nl")).text();
    expect(html).not.toContain("custpage_hp_hello");
    expect(pageJson(html)).toMatchObject({ mode: "create", record: { id: null }, clientScript: null });
    const res = await appFetch(
      s,
      "/app/common/entity/custjob.nl",
      form({ companyname: "New Co", subsidiary: "1" }),
    );
    expect(res.status).toBe(303);
    const id = Number(new URL(res.headers.get("location") ?? "", s.server.appUrl).searchParams.get("id"));
    expect(s.ns.data.loadRecord("customer", id, false).values.companyname).toBe("New Co");
  });

  it("a mandatory field left empty is refused with NetSuite's message", async () => {
    const res = await appFetch(s, "/app/common/entity/custjob.nl", form({ companyname: "No Sub" }));
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Primary Subsidiary");
  });

  it("an unknown record is a 404 error page", async () => {
    const res = await appFetch(s, "/app/common/entity/custjob.nl?id=99999");
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("RCRD_DSNT_EXIST");
  });
});

describe("custom records and lists", () => {
  it("creates a custom record from its page and lists it", async () => {
    const customer = newCustomer({ companyname: "Listed Ltd" });
    const page = "/app/common/custom/custrecordentry.nl?rectype=customrecord_hp_note";
    const html = await (await appFetch(s, page)).text();
    expect(html).toContain('name="custrecord_hp_note_done"');
    const res = await appFetch(
      s,
      page,
      form({
        name: "First",
        custrecord_hp_note_text: "hi",
        custrecord_hp_note_done: "T",
        custrecord_hp_note_customer: String(customer),
      }),
    );
    expect(res.status).toBe(303);
    const note = s.ns.data.listRecords("customrecord_hp_note").at(-1);
    expect(note?.values).toMatchObject({
      name: "First",
      custrecord_hp_note_done: true,
      custrecord_hp_note_customer: String(customer),
    });
    const list = await (
      await appFetch(s, "/app/common/custom/custrecordentrylist.nl?rectype=customrecord_hp_note")
    ).text();
    expect(list).toContain("First");
    expect(list).toContain("Listed Ltd");
    const customers = await (await appFetch(s, "/app/common/entity/custjoblist.nl")).text();
    expect(customers).toContain("Listed Ltd");
    const types = await (await appFetch(s, "/app/common/custom/custrecords.nl")).text();
    expect(types).toContain("HP Note");
  });
});

describe("custom record subtabs and field help", () => {
  /** The HTML of the `<section>` of tab `id` (the fixture's tabs hold no nested sections). */
  const tab = (html: string, id: string) =>
    new RegExp(`<section class="ns-tab" id="${id}"[^>]*>(.*?)</section>`, "s").exec(html)?.[1] ?? "";

  it("shows the record type's subtabs with their fields, the rest in the main area, and each field's help on its label", async () => {
    const id = s.ns.data.saveRecord({
      type: "customrecord_hp_config",
      id: null,
      isDynamic: false,
      values: {
        name: "Config",
        custrecord_hp_cfg_sync_field: "email",
        custrecord_hp_cfg_mass_search: "customsearch_x",
      },
    });
    for (const edit of [false, true]) {
      const url = `/app/common/custom/custrecordentry.nl?rectype=customrecord_hp_config&id=${id}${edit ? "&e=T" : ""}`;
      const html = await (await appFetch(s, url)).text();
      expect(html).toContain(
        '<nav class="ns-tab-bar"><a href="#tab_hp_cfg_general" class="ns-tab-link" data-tab-id="tab_hp_cfg_general">General</a><a href="#tab_hp_cfg_schedule" class="ns-tab-link" data-tab-id="tab_hp_cfg_schedule">Schedule</a></nav>',
      );
      // A subtab without fields is left out.
      expect(html).not.toContain("Nothing Here");
      const general = tab(html, "tab_hp_cfg_general");
      const schedule = tab(html, "tab_hp_cfg_schedule");
      expect(general).toContain('<h2 class="ns-tab-label">General</h2>');
      expect(general).toContain('id="custrecord_hp_cfg_sync_field_fs"');
      expect(general).toContain('id="custrecord_hp_cfg_auto_sync_fs"');
      expect(general).not.toContain("custrecord_hp_cfg_mass_search");
      expect(schedule).toContain('id="custrecord_hp_cfg_mass_search_fs"');
      expect(schedule).not.toContain("custrecord_hp_cfg_sync_field");
      // A field naming no subtab stays in the main area.
      const main = /<fieldset class="ns-fieldgroup" id="ns_custom">(.*?)<\/fieldset>/s.exec(html)?.[1] ?? "";
      expect(main).toContain('id="custrecord_hp_cfg_note_fs"');
      expect(main).not.toContain("custrecord_hp_cfg_sync_field");
      expect(html.indexOf('id="ns_custom"')).toBeLessThan(html.indexOf('class="ns-tab-bar"'));
      // Help: the label opens a popover with the text.
      expect(general).toContain(
        '<button type="button" class="ns-help-trigger" popovertarget="custrecord_hp_cfg_sync_field_help">Sync Field</button>',
      );
      expect(general).toContain(
        '<div popover="" id="custrecord_hp_cfg_sync_field_help" class="ns-help-popup" role="tooltip">How a customer is found: email, or an entity field ID.</div>',
      );
      expect(main).toContain("Free text kept on the main area: this field names no subtab.");
      expect(html).toContain(edit ? 'name="custrecord_hp_cfg_mass_search"' : "customsearch_x");
    }
  });

  it("posts the fields of every subtab back", async () => {
    const page = "/app/common/custom/custrecordentry.nl?rectype=customrecord_hp_config";
    const res = await appFetch(
      s,
      page,
      form({
        name: "Posted",
        custrecord_hp_cfg_note: "n",
        custrecord_hp_cfg_sync_field: "custentity_hp_code",
        custrecord_hp_cfg_auto_sync: "T",
        custrecord_hp_cfg_mass_search: "customsearch_y",
      }),
    );
    expect(res.status).toBe(303);
    expect(s.ns.data.listRecords("customrecord_hp_config").at(-1)?.values).toMatchObject({
      custrecord_hp_cfg_note: "n",
      custrecord_hp_cfg_sync_field: "custentity_hp_code",
      custrecord_hp_cfg_auto_sync: true,
      custrecord_hp_cfg_mass_search: "customsearch_y",
    });
  });

  it("shows an entity custom field's help on the customer page", async () => {
    const id = newCustomer({ companyname: "Helped Ltd" });
    const html = await (await appFetch(s, `/app/common/entity/custjob.nl?id=${id}`)).text();
    expect(html).toContain('popovertarget="custentity_hp_code_help">HP Code</button>');
    expect(html).toContain("The customer&#39;s HP code, as the HP system knows it.");
    expect(html).not.toContain('<nav class="ns-tab-bar"');
  });
});

describe("scripts and the execution log", () => {
  it("lists deployments with Suitelet URLs, runs a map/reduce now and shows its log", async () => {
    const list = await (await appFetch(s, "/app/common/scripting/scriptrecordlist.nl")).text();
    expect(list).toContain('id="run_customdeploy_hp_mr"');
    expect(list).toContain(
      `${s.server.formsUrl}/app/site/hosting/scriptlet.nl?script=customscript_hp_hello_sl&amp;deploy=customdeploy_hp_hello_public&amp;compid=TSTDRV0000001&amp;ns-at=`,
    );
    const run = await appFetch(
      s,
      "/app/common/scripting/runscript.nl?script=customscript_hp_mr&deploy=customdeploy_hp_mr",
      { method: "POST" },
    );
    expect(run.status).toBe(303);
    expect(run.headers.get("location")).toContain("submitted=customscript_hp_mr");
    await s.ns.tasks.idle();
    await expect
      .poll(async () => (await appFetch(s, "/app/common/scripting/scriptrecordlist.nl")).text())
      .toContain('data-status="COMPLETE"');
    const log = await (
      await appFetch(s, "/app/common/scripting/executionlog.nl?script=customscript_hp_mr")
    ).text();
    expect(log.match(/hp map/g)).toHaveLength(3);
  });

  it("reports a deployment that cannot run", async () => {
    const run = await appFetch(s, "/app/common/scripting/runscript.nl?script=customscript_nope&deploy=x", {
      method: "POST",
    });
    expect(decodeURIComponent(run.headers.get("location") ?? "")).toContain(
      "refused=SSS_INVALID_SCRIPT_ID_1",
    );
  });
});

describe("files", () => {
  it("serves File Cabinet files and the client runtime, nothing outside them", async () => {
    const cs = await appFetch(s, "/_emu/file/SuiteApps/com.example.http/hp_customer_cs.js", { cookie: "" });
    expect(cs.status).toBe(200);
    expect(cs.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(await cs.text()).toContain("@NScriptType ClientScript");
    for (const path of [
      "/_emu/file/../manifest.xml",
      "/_emu/file/%2e%2e/manifest.xml",
      "/_emu/file/SuiteApps/nope.js",
      "/_emu/client/%2e%2e/index.js",
    ]) {
      expect((await appFetch(s, path)).status, path).toBe(404);
    }
  });
});
