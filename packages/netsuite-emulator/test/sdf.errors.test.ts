import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { loadProject, SdfError, SdfValidationError } from "../src/sdf/index.js";

const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

/** The error loadProject throws for `dir`, checked to be an SdfError. */
function loadError(dir: string): SdfError {
  try {
    loadProject(dir);
  } catch (e) {
    if (e instanceof SdfError) return e;
    throw e;
  }
  throw new Error(`${dir} loaded without error`);
}

describe("loadProject: bad projects name the file and the element", () => {
  it("an unknown element", () => {
    const e = loadError(fixture("bad-unknown-element"));
    expect(e.message).toContain(
      "src/Objects/customscript_bad_mr.xml: <mapreducescript>: unknown element <foo>;",
    );
    expect(e.message).toContain("<mapreducescript> documents customplugintypes, description,");
    expect(e.file).toBe("src/Objects/customscript_bad_mr.xml");
    expect(e.element).toBe("<mapreducescript>");
  });

  it("a script file missing from src/FileCabinet", () => {
    expect(loadError(fixture("bad-missing-file")).message).toBe(
      "src/Objects/customscript_bad_ue.xml: <usereventscript>: script file " +
        "/SuiteApps/com.example.badmissing/missing_ue.js of customscript_bad_ue does not exist in src/FileCabinet",
    );
  });

  it("a script file without its header still loads (the runtime checks headers)", () => {
    const p = loadProject(fixture("bad-header"));
    expect(p.scripts.map((s) => [s.scriptId, s.scriptFile])).toEqual([
      ["customscript_bad_header", "/SuiteApps/com.example.badheader/no_header.js"],
    ]);
  });
});

describe("loadProject: variations of the fixture", () => {
  const temps: string[] = [];
  afterEach(() => {
    for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  /** A copy of the fixture with `file` (relative to src/) rewritten by `edit`. */
  const variant = (file: string, edit: (xml: string) => string): string => {
    const dir = mkdtempSync(join(tmpdir(), "nss-sdf-"));
    temps.push(dir);
    cpSync(fixture("sdf-project"), dir, { recursive: true });
    const path = join(dir, "src", file);
    writeFileSync(path, edit(readFileSync(path, "utf8")));
    return dir;
  };
  const MR = "Objects/Scripts/customscript_fx_mr.xml";
  const MR_FILE = "src/Objects/Scripts/customscript_fx_mr.xml";

  it("an unknown element inside a deployment names the deployment", () => {
    const dir = variant(MR, (x) => x.replace("<buffersize>", "<priority>2</priority><buffersize>"));
    expect(loadError(dir).message).toContain(
      `${MR_FILE}: <mapreducescript>/<scriptdeployments>/<scriptdeployment scriptid="customdeploy_fx_mr">: ` +
        "unknown element <priority>;",
    );
  });

  it("a deploy.xml <run> that names something other than an installation script deployment", () => {
    const notInstall = variant("deploy.xml", (x) =>
      x
        .replace("Scripts/customscript_fx_install.xml", "Scripts/customscript_fx_mr.xml")
        .replace("customdeploy_fx_install", "customdeploy_fx_mr"),
    );
    expect(loadError(notInstall).message).toBe(
      "src/deploy.xml: <run>/<script>/<path>~/Objects/Scripts/customscript_fx_mr.xml: " +
        "customscript_fx_mr is a mapreducescript, not an sdfinstallationscript",
    );
    const noDeployment = variant("deploy.xml", (x) =>
      x.replace("<deployment>customdeploy_fx_install", "<deployment>customdeploy_nope"),
    );
    expect(loadError(noDeployment).message).toBe(
      "src/deploy.xml: <run>/<script>/<deployment>customdeploy_nope: customscript_fx_install has no such deployment",
    );
  });

  it("a value for a parameter the script does not declare", () => {
    const dir = variant(MR, (x) =>
      x.replace(
        "custscript_fx_mr_tag>nightly</custscript_fx_mr_tag",
        "custscript_fx_mr_tga>nightly</custscript_fx_mr_tga",
      ),
    );
    expect(loadError(dir).message).toContain(
      '<scriptdeployment scriptid="customdeploy_fx_mr">: unknown element <custscript_fx_mr_tga>',
    );
  });

  it("a title on a user event deployment, which SDF does not document", () => {
    const dir = variant("Objects/Scripts/customscript_fx_customer_ue.xml", (x) =>
      x.replace("<status>RELEASED</status>", "<status>RELEASED</status><title>UE</title>"),
    );
    expect(loadError(dir).message).toContain("unknown element <title>");
  });

  it("a boolean that is not T or F", () => {
    const dir = variant(MR, (x) => x.replace("<isdeployed>T</isdeployed>", "<isdeployed>true</isdeployed>"));
    expect(loadError(dir).message).toBe(
      `${MR_FILE}: <mapreducescript>/<scriptdeployments>/<scriptdeployment scriptid="customdeploy_fx_mr">/<isdeployed>: ` +
        '"true" is not a boolean; SDF booleans are T or F ' +
        "(https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_27094036.html)",
    );
  });

  it("malformed XML, with its line", () => {
    const dir = variant(MR, (x) => x.replace("</name>", "</nam>"));
    expect(loadError(dir).message).toBe(`${MR_FILE}: malformed XML: </nam> closes <name> (line 4)`);
  });

  it("an object type the emulator does not model is reported and skipped", () => {
    const dir = variant(MR, (x) => x.replaceAll("mapreducescript", "massupdatescript"));
    const project = loadProject(dir);
    expect(project.skipped).toEqual([
      { file: MR_FILE, type: "massupdatescript", scriptId: "customscript_fx_mr" },
    ]);
    expect(project.scripts.map((s) => s.scriptId)).not.toContain("customscript_fx_mr");
  });

  it("a root element that is no SDF object type", () => {
    const dir = variant(MR, (x) => x.replaceAll("mapreducescript", "mapreducescrpt"));
    expect(loadError(dir).message).toContain(
      `${MR_FILE}: <mapreducescrpt>: <mapreducescrpt> is not an SDF object type`,
    );
  });

  it("a scriptid that does not match the file name", () => {
    const dir = variant(MR, (x) =>
      x.replace('scriptid="customscript_fx_mr"', 'scriptid="customscript_fx_other"'),
    );
    expect(loadError(dir).message).toContain(
      `${MR_FILE}: <mapreducescript>: scriptid "customscript_fx_other" does not match the file name customscript_fx_mr.xml`,
    );
  });

  it("a SELECT field without its record type", () => {
    const dir = variant("Objects/customrecord_fx_log.xml", (x) =>
      x.replace("<selectrecordtype>-2</selectrecordtype>", ""),
    );
    expect(loadError(dir).message).toBe(
      "src/Objects/customrecord_fx_log.xml: <customrecordtype>/<customrecordcustomfields>/" +
        '<customrecordcustomfield scriptid="custrecord_fx_log_customer">: a SELECT field needs <selectrecordtype>',
    );
  });

  it("a wrong manifest", () => {
    const dir = variant("manifest.xml", (x) =>
      x
        .replace("<frameworkversion>", "<frameworkversio>")
        .replace("</frameworkversion>", "</frameworkversio>"),
    );
    expect(loadError(dir).message).toBe("src/manifest.xml: <manifest>: unknown element <frameworkversio>");
  });

  it("resolves SDF references to plain script IDs", () => {
    const dir = variant("Objects/Scripts/customscript_fx_customer_ue.xml", (x) =>
      x.replace(
        "<recordtype>CUSTOMER</recordtype>",
        "<recordtype>[scriptid=customrecord_fx_log]</recordtype>",
      ),
    );
    const p = loadProject(dir);
    expect(p.scripts.find((s) => s.type === "usereventscript")?.deployments[0]?.recordType).toBe(
      "customrecord_fx_log",
    );
    const ref = variant("Objects/customrecord_fx_log.xml", (x) =>
      x.replace(
        "<selectrecordtype>-2</selectrecordtype>",
        "<selectrecordtype>[appid=com.example.other, scriptid=customrecord_other]</selectrecordtype>",
      ),
    );
    expect(loadProject(ref).customRecordTypes[0]?.fields[0]?.selectRecordType).toBe("customrecord_other");
  });

  /** The record type with `<subtabs>`, and the nth (0-based) field's `<subtab>` and `<help>` filled in. */
  const withSubtabs = (subtabs: string, fields: { subtab?: string; help?: string }[]): string =>
    variant("Objects/customrecord_fx_log.xml", (x) => {
      let n = 0;
      let m = 0;
      return x
        .replace(/<subtab><\/subtab>/g, () => {
          const v = fields[n++]?.subtab;
          return v === undefined ? "<subtab></subtab>" : `<subtab>${v}</subtab>`;
        })
        .replace(/<help><\/help>/g, () => {
          const v = fields[m++]?.help;
          return v === undefined ? "<help></help>" : `<help>${v}</help>`;
        })
        .replace("<permissions>", `<subtabs>${subtabs}</subtabs>\n  <permissions>`);
    });

  const FX_SUBTABS =
    '<subtab scriptid="tab_fx_main"><tabparent></tabparent><tabtitle>Main</tabtitle></subtab>' +
    '<subtab scriptid="tab_fx_child"><tabparent>[scriptid=customrecord_fx_log.tab_fx_main]</tabparent>' +
    "<tabtitle>Details</tabtitle></subtab>";

  it("reads a record type's subtabs, in order, and each field's subtab and help", () => {
    const dir = withSubtabs(FX_SUBTABS, [
      { subtab: "[scriptid=customrecord_fx_log.tab_fx_main]", help: "The customer the entry is about." },
      { help: "What happened &amp; why." },
      { subtab: "[scriptid=customrecord_fx_log.tab_fx_child]" },
    ]);
    const type = loadProject(dir).customRecordTypes[0];
    expect(type?.subtabs).toEqual([
      { scriptId: "tab_fx_main", title: "Main" },
      { scriptId: "tab_fx_child", title: "Details", parent: "tab_fx_main" },
    ]);
    expect(type?.fields.map((f) => [f.scriptId, f.subtab, f.help])).toEqual([
      ["custrecord_fx_log_customer", "tab_fx_main", "The customer the entry is about."],
      ["custrecord_fx_log_message", undefined, "What happened & why."],
      ["custrecord_fx_log_count", "tab_fx_child", undefined],
    ]);
    // A type without <subtabs> has none, and its fields no subtab (the main area).
    const plain = loadProject(variant("manifest.xml", (x) => x)).customRecordTypes[0];
    expect(plain?.subtabs).toBeUndefined();
    expect(plain?.fields.every((f) => f.subtab === undefined && f.help === undefined)).toBe(true);
  });

  it("reads an entity field's help", () => {
    const dir = variant("Objects/custentity_fx_synced.xml", (x) =>
      x.replace("<help></help>", "<help>Checked once synced.</help>"),
    );
    expect(loadProject(dir).entityFields.find((f) => f.scriptId === "custentity_fx_synced")?.help).toBe(
      "Checked once synced.",
    );
  });

  it("a field's subtab, or a tabparent, that names no subtab of the record type", () => {
    const FIELD =
      'src/Objects/customrecord_fx_log.xml: <customrecordtype>/<customrecordcustomfields>/<customrecordcustomfield scriptid="custrecord_fx_log_customer">';
    expect(
      loadError(withSubtabs(FX_SUBTABS, [{ subtab: "[scriptid=customrecord_fx_log.tab_fx_nope]" }])).message,
    ).toBe(
      `${FIELD}: <subtab> "[scriptid=customrecord_fx_log.tab_fx_nope]" names no subtab of customrecord_fx_log's <subtabs>`,
    );
    expect(
      loadError(withSubtabs("", [{ subtab: "[scriptid=customrecord_fx_log.tab_fx_main]" }])).message,
    ).toContain("names no subtab of customrecord_fx_log");
    const badParent =
      '<subtab scriptid="tab_fx_child"><tabparent>[scriptid=customrecord_fx_log.tab_fx_gone]</tabparent>' +
      "<tabtitle>Details</tabtitle></subtab>";
    expect(loadError(withSubtabs(badParent, [])).message).toContain(
      '<subtab scriptid="tab_fx_child">: <tabparent> "[scriptid=customrecord_fx_log.tab_fx_gone]" names no subtab',
    );
    const twice =
      '<subtab scriptid="tab_fx_main"><tabtitle>A</tabtitle></subtab><subtab scriptid="tab_fx_main"><tabtitle>B</tabtitle></subtab>';
    expect(loadError(withSubtabs(twice, [])).message).toContain('subtab "tab_fx_main" is declared twice');
  });

  /** A copy of the fixture with one more object file. */
  const withObject = (name: string, xml: string): string => {
    const dir = variant("manifest.xml", (x) => x);
    writeFileSync(join(dir, "src", "Objects", name), xml);
    return dir;
  };

  it("a display type SDF does not have (INLINE is the UI's name; SDF says LOCKED)", () => {
    const dir = variant("Objects/custentity_fx_synced.xml", (x) => x.replace(">LOCKED<", ">INLINE<"));
    expect(loadError(dir).message).toBe(
      'src/Objects/custentity_fx_synced.xml: <entitycustomfield>/<displaytype>: "INLINE" is not an allowed value; ' +
        "allowed: HIDDEN, LOCKED, NORMAL, SHOWASLIST, STATICTEXT " +
        "(https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_1378498284.html)",
    );
  });

  it("a script name over 40 characters, and a script ID over 40", () => {
    const long = "Fixture Map/Reduce With A Much Longer Nam"; // 41
    const dir = variant(MR, (x) => x.replace(/<name>[^<]*<\/name>/, `<name>${long}</name>`));
    expect(loadError(dir).message).toContain(
      `${MR_FILE}: <mapreducescript>/<name>: "${long}" is 41 characters; at most 40 are allowed`,
    );
    const id = `customscript_${"x".repeat(28)}`; // 41
    const longId = withObject(
      `${id}.xml`,
      `<scheduledscript scriptid="${id}"><name>Long</name><scriptfile>[/SuiteApps/com.example.fixture/fx_scheduled.js]</scriptfile></scheduledscript>`,
    );
    expect(loadError(longId).message).toContain(`scriptid "${id}" is 41 characters; at most 40 are allowed`);
  });

  it("a shipped API secret: refused, saying the administrator creates it in the account", () => {
    const dir = withObject("custsecret_fx_api_key.xml", '<secret scriptid="custsecret_fx_api_key"/>');
    const message = loadError(dir).message;
    expect(message).toContain(
      "src/Objects/custsecret_fx_api_key.xml: <secret>: an API secret is created in each account",
    );
    expect(message).toContain("Setup > Company > Preferences > API Secrets");
    expect(message).toContain("oracle/netsuite-suitecloud-sdk#370");
  });

  it("a missing required element, and every problem of every file at once", () => {
    const dir = variant(MR, (x) =>
      x.replace(/<title>[^<]*<\/title>/, "").replace(">T</isdeployed>", ">Y</isdeployed>"),
    );
    writeFileSync(
      join(dir, "src", "Objects", "custentity_fx_synced.xml"),
      readFileSync(join(dir, "src", "Objects", "custentity_fx_synced.xml"), "utf8").replace(
        ">LOCKED<",
        ">INLINE<",
      ),
    );
    const e = loadError(dir);
    expect(e).toBeInstanceOf(SdfValidationError);
    const lines = e.message.split("\n");
    expect(lines).toHaveLength(3);
    expect(lines.join("\n")).toContain("missing required element <title>");
    expect(lines.join("\n")).toContain('"Y" is not a boolean');
    expect(lines.join("\n")).toContain('"INLINE" is not an allowed value');
  });

  it("a reference to an object the project does not have", () => {
    const dir = variant("Objects/Scripts/customscript_fx_customer_ue.xml", (x) =>
      x.replace(
        "<recordtype>CUSTOMER</recordtype>",
        "<recordtype>[scriptid=customrecord_fx_nope]</recordtype>",
      ),
    );
    expect(loadError(dir).message).toContain(
      "refers to customrecord_fx_nope, which is not an object of the project",
    );
  });

  it("a role: its permission levels and keys come from the reference", () => {
    const role = (level: string, key = "LIST_CUSTJOB") =>
      withObject(
        "customrole_fx_clerk.xml",
        `<role scriptid="customrole_fx_clerk"><centertype>BASIC</centertype><name>Clerk</name>` +
          `<permissions><permission><permkey>${key}</permkey><permlevel>${level}</permlevel></permission></permissions></role>`,
      );
    expect(loadProject(role("EDIT")).roles).toEqual([
      {
        scriptId: "customrole_fx_clerk",
        name: "Clerk",
        centerType: "BASIC",
        permissions: { LIST_CUSTJOB: "EDIT" },
      },
    ]);
    expect(loadError(role("WRITE")).message).toContain(
      '"WRITE" is not an allowed value; allowed: CREATE, EDIT, FULL, NONE, VIEW',
    );
    expect(loadError(role("VIEW", "LIST_CUSTOMERS")).message).toContain(
      '"LIST_CUSTOMERS" is not an allowed value',
    );
  });
});
