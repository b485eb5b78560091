/**
 * The operations page over HTTP: the Suitelet deployment's SDF `<links>` as menu links (header and
 * home page), validated against Oracle's SDF XML reference; the page with its subtabs, help popups,
 * the jobs sublist and a submit button that starts the map/reduce.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NetSuiteEmulator } from "../src/emulator.js";
import { startNetSuiteServer } from "../src/http/server.js";
import { loadProject } from "../src/sdf/index.js";
import { appFetch, form, login, type Served } from "./helpers/http.js";

const OPS_PROJECT = fileURLToPath(new URL("./fixtures/ops-project/", import.meta.url));
const SL_URL = "/app/site/hosting/scriptlet.nl?script=customscript_ops_sl&deploy=customdeploy_ops_sl";

describe("Suitelet links and the operations page over HTTP", () => {
  let s: Served;
  beforeAll(async () => {
    const ns = await NetSuiteEmulator.open({ projectDir: OPS_PROJECT });
    const server = await startNetSuiteServer(ns);
    s = {
      ns,
      server,
      cookie: await login(server.appUrl),
      close: async () => {
        await server.close();
        await ns.close();
      },
    };
  });
  afterAll(async () => {
    await s.close();
  });

  it("shows a deployed Suitelet's <link> in the header menu and on the home page, by its category", async () => {
    const home = await (await appFetch(s, "/app/center/card.nl")).text();
    const link =
      '<a class="ns-menu-link" href="/app/site/hosting/scriptlet.nl?script=customscript_ops_sl&amp;deploy=customdeploy_ops_sl" data-link-category="BASICSETUPCUSTOM" data-deployment="customdeploy_ops_sl" title="BASICSETUPCUSTOM">Stripe Sync</a>';
    expect(home).toContain(
      `<nav class="ns-menu-links" aria-label="SuiteApp links"><strong>SuiteApp</strong>${link}</nav>`,
    );
    expect(home).toContain(
      '<ul id="ns-suiteapp-links"><li><span class="ns-link-category">BASICSETUPCUSTOM</span>',
    );
    expect(home).toContain('class="ns-home-link"');
    // The deployment that is not deployed has no link.
    expect(home).not.toContain("Not deployed");
    // Every app page has the menu; the forms domain's pages have no menu at all.
    const scripts = await (await appFetch(s, "/app/common/scripting/scriptrecordlist.nl")).text();
    expect(scripts).toContain(link);
  });

  it("the link opens the page: subtabs, help popups, the jobs sublist, Mark All, page link and buttons", async () => {
    await s.ns.runScript("customscript_ops_mr", "customdeploy_ops_mr", { custscript_ops_count: "2" });
    const res = await appFetch(s, SL_URL);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("<title>Stripe Sync</title>");
    expect(html).toContain('<nav class="ns-subtab-bar">');
    expect(html).toContain('data-tab-id="custpage_runs_tab">Runs</a>');
    expect(html).toContain('data-tab-id="custpage_retry_tab">Retry</a>');
    expect(html).toContain('popovertarget="custpage_count_help">Items</button>');
    expect(html).toContain(">How many items the retry processes.</div>");
    expect(html).toContain(
      '<span class="ns-value" id="custpage_status_val" data-value="&quot;Complete SUMMARIZE 100.0%&quot;">',
    );
    // Five jobs (getInputData, map, shuffle, reduce, summarize), newest first.
    expect(html.match(/<tr class="ns-sublist-line"/g)).toHaveLength(5);
    expect(html).toContain('data-action="markall"');
    expect(html).toContain(
      '<a class="ns-pagelink ns-crosslink" href="/app/common/scripting/scriptrecordlist.nl">Script Deployments</a>',
    );
    expect(html).toContain('data-function="refreshPage"');
    expect(html).toContain('value="Retry failed">Retry failed</button>');
  });

  it("its submit button starts the map/reduce with the page's parameter", async () => {
    const res = await appFetch(s, SL_URL, form({ submitter: "Retry failed", custpage_count: "4" }));
    const body = await res.text();
    const taskId = /<p id="submitted">(MAPREDUCETASK_\w+) /.exec(body)?.[1] ?? "";
    expect(taskId).not.toBe("");
    await s.ns.tasks.idle();
    expect(s.ns.tasks.status(taskId)).toMatchObject({ status: "COMPLETE", progress: { map: { total: 4 } } });
  });
});

describe("SDF <links> of a Suitelet deployment, against Oracle's SDF XML reference", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "ops-links-"));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const withLink = (link: string): string => {
    const project = join(dir, String(Math.random()).slice(2));
    cpSync(OPS_PROJECT, project, { recursive: true });
    const file = join(project, "src", "Objects", "customscript_ops_sl.xml");
    const xml = readFileSync(file, "utf8").replace(
      /<link>\s*<linkcategory>BASICSETUPCUSTOM<\/linkcategory>[\s\S]*?<\/link>/,
      link,
    );
    writeFileSync(file, xml);
    return project;
  };

  it("accepts the fixture's links (category, label, task type SCRIPT)", () => {
    const project = loadProject(OPS_PROJECT);
    expect(project.scripts.find((x) => x.scriptId === "customscript_ops_sl")?.deployments).toHaveLength(2);
  });

  it("refuses a link without its required category, a category or task type not in Oracle's lists, an unknown element", () => {
    expect(() => loadProject(withLink("<link><linklabel>X</linklabel></link>"))).toThrow(/linkcategory/);
    expect(() => loadProject(withLink("<link><linkcategory>NOSUCHCENTER</linkcategory></link>"))).toThrow(
      /NOSUCHCENTER/,
    );
    expect(() =>
      loadProject(
        withLink(
          "<link><linkcategory>BASICSETUPCUSTOM</linkcategory><linktasktype>EDIT</linktasktype></link>",
        ),
      ),
    ).toThrow(/"EDIT" is not an allowed value; allowed: SCRIPT/);
    expect(() =>
      loadProject(
        withLink("<link><linkcategory>BASICSETUPCUSTOM</linkcategory><linkurl>/x</linkurl></link>"),
      ),
    ).toThrow(/linkurl/);
  });
});
