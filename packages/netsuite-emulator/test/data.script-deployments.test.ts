/**
 * Script deployment records (`scriptdeployment`): each deployment of the project is a record a script
 * finds with a search and whose parameters (`custscript_…`) it changes with N/record, and what it sets
 * is what the deployment's next invocations read with getParameter, kept with the account. The fixture
 * (fixtures/deployment-project) has a Suitelet that answers its parameters (two deployments), a
 * Suitelet that runs steps against deployment records, a scheduled script with a parameter, and roles
 * with the SuiteScript permission at View and Edit and without it.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { NetSuiteEmulator } from "../src/emulator.js";

const PROJECT = fileURLToPath(new URL("./fixtures/deployment-project", import.meta.url));
const FLAGGED = "customdeploy_dp_flagged";
const TWO = "customdeploy_dp_flagged_two";

type Step = Record<string, unknown> & { op: string };
interface Outcome {
  ok?: unknown;
  error?: string;
  message?: string;
  units: number;
}

/** Runs steps in one invocation of the writer Suitelet, as the Administrator or as a role. */
async function steps(ns: NetSuiteEmulator, list: Step[], role?: string): Promise<Outcome[]> {
  const response = await ns.invokeSuitelet("customscript_dp_writer", undefined, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(list),
    ...(role ? { user: { role } } : {}),
  });
  expect(response.code).toBe(200);
  return JSON.parse(response.body) as Outcome[];
}

/** One step's outcome without the units. */
async function step(ns: NetSuiteEmulator, s: Step, role?: string): Promise<Omit<Outcome, "units">> {
  const [outcome] = await steps(ns, [s], role);
  const { units: _, ...rest } = outcome as Outcome;
  return rest;
}

/** What a deployment of the flagged Suitelet reads with getParameter, in a new invocation. */
async function reads(ns: NetSuiteEmulator, deployment = FLAGGED): Promise<Record<string, unknown>> {
  const response = await ns.invokeSuitelet("customscript_dp_flagged", deployment, {
    method: "GET",
    parameters: {},
  });
  return JSON.parse(response.body) as Record<string, unknown>;
}

const byScriptId = (id: string, columns = ["internalid"]): Step => ({
  op: "search",
  filters: [["scriptid", "is", id]],
  columns,
});

/** The internal ID of a deployment, found as a script finds it. */
async function idOf(ns: NetSuiteEmulator, deployment: string): Promise<number> {
  const { ok } = await step(ns, byScriptId(deployment));
  const rows = ok as [string][];
  expect(rows).toHaveLength(1);
  return Number(rows[0]?.[0]);
}

const UNSUPPORTED = "UNSUPPORTED_BY_EMULATOR";

const dirs: string[] = [];
const tmp = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe("scriptdeployment records", () => {
  let ns: NetSuiteEmulator;
  beforeEach(async () => {
    ns = await NetSuiteEmulator.open({ projectDir: PROJECT, env: {} });
  });
  afterEach(async () => ns?.close());

  it("each deployment is one, found by its script ID in any case, as the SuiteApp finds it", async () => {
    const columns = ["internalid", "scriptid", "title", "isdeployed", "status", "loglevel", "script"];
    const upper = await step(ns, byScriptId(TWO.toUpperCase(), columns));
    const lower = await step(ns, byScriptId(TWO, columns));
    expect(upper).toEqual(lower);
    const [row] = upper.ok as unknown[][];
    const id = String(row?.[0]);
    expect(row).toEqual([
      id,
      [id, id],
      [TWO, null],
      ["Flagged, second", null],
      [true, null],
      ["TESTING", "Testing"],
      ["AUDIT", "Audit"],
      [expect.any(String), "DP Flagged"],
    ]);
    // Every deployment of the project, each with its own internal ID.
    const all = await step(ns, { op: "search", filters: [], columns: ["scriptid"] });
    const ids = (all.ok as [string, [string]][]).map((r) => [r[1][0], Number(r[0])]);
    expect(ids.map(([scriptId]) => scriptId).sort()).toEqual([
      FLAGGED,
      TWO,
      "customdeploy_dp_sched",
      "customdeploy_dp_writer",
    ]);
    expect(new Set(ids.map(([, n]) => n)).size).toBe(4);
  });

  it("searches by internalid, title, isdeployed, status, script and parameter fields, and lookupFields", async () => {
    const flagged = await idOf(ns, FLAGGED);
    const two = await idOf(ns, TWO);
    const ids = async (filters: unknown[]) =>
      ((await step(ns, { op: "search", filters, columns: ["internalid"] })).ok as [string][])
        .map((r) => Number(r[0]))
        .sort();
    expect(await ids([["internalid", "anyof", String(two)]])).toEqual([two]);
    expect(await ids([["title", "is", "FLAGGED, SECOND"]])).toEqual([two]);
    expect(await ids([["status", "anyof", "TESTING"], "AND", ["isdeployed", "is", "T"]])).toEqual([two]);
    const [script] =
      ((await step(ns, byScriptId(FLAGGED, ["script"]))).ok as [string, [string]][])[0]?.[1] ?? [];
    expect(await ids([["script", "anyof", String(script)]])).toEqual([flagged, two].sort());
    expect(await ids([["custscript_dp_label", "is", "two"]])).toEqual([two]);
    expect(await ids([["custscript_dp_flag", "is", "T"]])).toEqual([flagged]);
    expect(
      await step(ns, { op: "lookup", id: two, columns: ["scriptid", "custscript_dp_flag", "script"] }),
    ).toEqual({
      ok: {
        scriptid: TWO,
        custscript_dp_flag: false,
        script: [{ value: String(script), text: "DP Flagged" }],
      },
    });
    // A filter the Records Browser lists that the emulator does not model; a field NetSuite lacks.
    expect(
      await step(ns, { op: "search", filters: [["recordtype", "anyof", "-2"]], columns: [] }),
    ).toMatchObject({
      error: UNSUPPORTED,
      message: "UNSUPPORTED_BY_EMULATOR: search field scriptdeployment.recordtype",
    });
    expect((await step(ns, { op: "search", filters: [["nosuchfield", "is", "x"]], columns: [] })).error).toBe(
      "SSS_INVALID_SRCH_FILTER",
    );
  });

  it("submitFields changes what the deployment's next invocation reads, and only that deployment's", async () => {
    expect(await reads(ns)).toMatchObject({ custscript_dp_flag: true, custscript_dp_label: "start" });
    const [write] = await steps(ns, [
      { op: "writeFlag", deploymentId: FLAGGED.toUpperCase(), param: "custscript_dp_flag", value: false },
    ]);
    expect(write).toEqual({ ok: true, units: 15 });
    expect(await reads(ns)).toMatchObject({ custscript_dp_flag: false, custscript_dp_label: "start" });
    expect(ns.deploymentParameters(FLAGGED)).toEqual({
      custscript_dp_flag: false,
      custscript_dp_label: "start",
      custscript_dp_count: null,
      custscript_dp_customer: null,
      custscript_dp_since: null,
    });
    // The other deployment of the script keeps its own values (the project's).
    expect(await reads(ns, TWO)).toMatchObject({ custscript_dp_flag: false, custscript_dp_label: "two" });
    const id = await idOf(ns, FLAGGED);
    expect(
      await step(ns, { op: "submit", id, values: { custscript_dp_flag: "T", custscript_dp_label: "" } }),
    ).toEqual({
      ok: id,
    });
    // A cleared text parameter has no value, as one never set.
    expect(await reads(ns)).toMatchObject({ custscript_dp_flag: true, custscript_dp_label: null });
    expect(() => ns.deploymentParameters("customdeploy_nope")).toThrow(/No deployment customdeploy_nope/);
  });

  it("N/task params still override a changed value for their one run", async () => {
    const id = await idOf(ns, "customdeploy_dp_sched");
    await step(ns, { op: "submit", id, values: { custscript_dp_note: "set in the account" } });
    const notes = () =>
      ns.log
        .list()
        .filter((e) => e.title === "note")
        .map((e) => e.details);
    await ns.runScript("customscript_dp_sched");
    await ns.runScript("customscript_dp_sched", undefined, { custscript_dp_note: "for this run" });
    await ns.runScript("customscript_dp_sched");
    expect(notes()).toEqual(["set in the account", "for this run", "set in the account"]);
  });

  it("record.load and Record.save: parameters change; the rest may be saved back as loaded, not changed", async () => {
    const id = await idOf(ns, FLAGGED);
    const out = await steps(ns, [
      { op: "load", id, as: "d" },
      { op: "set", rec: "d", values: { custscript_dp_label: "saved", custscript_dp_count: "12" } },
      { op: "save", rec: "d" },
      { op: "set", rec: "d", values: { title: "Renamed" } },
      { op: "save", rec: "d" },
    ]);
    expect(out[0]).toEqual({
      ok: {
        scriptid: FLAGGED,
        title: "Flagged",
        isdeployed: true,
        status: "RELEASED",
        loglevel: "DEBUG",
        script: expect.any(String),
        custscript_dp_flag: true,
        custscript_dp_label: "start",
        custscript_dp_count: null,
        custscript_dp_customer: null,
        custscript_dp_since: null,
      },
      units: 5,
    });
    expect(out[2]).toEqual({ ok: id, units: 10 });
    expect(out[4]).toMatchObject({ error: UNSUPPORTED, units: 10 });
    expect(out[4]?.message).toMatch(/a value for title of script deployment customdeploy_dp_flagged/);
    expect(await reads(ns)).toMatchObject({ custscript_dp_label: "saved", custscript_dp_count: "12" });
  });

  it("a value must fit the parameter's type, as any custom field's", async () => {
    const id = await idOf(ns, FLAGGED);
    const submit = (values: Record<string, unknown>) => step(ns, { op: "submit", id, values });
    for (const value of [false, "T", true, "F"]) {
      expect(await submit({ custscript_dp_flag: value })).toEqual({ ok: id });
    }
    expect(await submit({ custscript_dp_flag: "yes" })).toEqual({
      error: "INVALID_FLD_VALUE",
      message: "You have entered an Invalid Field Value yes for the following field: custscript_dp_flag",
    });
    expect((await submit({ custscript_dp_count: "many" })).error).toBe("INVALID_FLD_VALUE");
    expect(await submit({ custscript_dp_customer: "999" })).toEqual({
      error: "INVALID_KEY_OR_REF",
      message: "Invalid custscript_dp_customer reference key 999.",
    });
    const customer = ns.data.seedCustomer({ companyname: "Ada Ltd" });
    expect(await submit({ custscript_dp_customer: String(customer), custscript_dp_count: 3 })).toEqual({
      ok: id,
    });
    expect(await reads(ns)).toMatchObject({
      custscript_dp_flag: false,
      custscript_dp_count: "3",
      custscript_dp_customer: String(customer),
    });
    // What getParameter answers for a date parameter is not modelled.
    expect(await submit({ custscript_dp_since: "3/1/2024" })).toMatchObject({ error: UNSUPPORTED });
  });

  it("a field the emulator does not model, another script's parameter, create and delete are UNSUPPORTED_BY_EMULATOR", async () => {
    const id = await idOf(ns, FLAGGED);
    for (const values of [
      { isdeployed: false },
      { status: "TESTING" },
      { externalid: "x" },
      { custscript_dp_note: "not this script's" },
      { custscript_nope: "x" },
    ]) {
      const out = await step(ns, { op: "submit", id, values });
      expect(out.error, JSON.stringify(values)).toBe(UNSUPPORTED);
    }
    expect(ns.deploymentParameters(FLAGGED).custscript_dp_flag).toBe(true);
    const [create, remove] = await steps(ns, [{ op: "create" }, { op: "delete", id }]);
    expect(create).toMatchObject({ error: UNSUPPORTED, units: 5 });
    expect(create?.message).toMatch(/record\.create of a scriptdeployment/);
    expect(remove).toMatchObject({ error: UNSUPPORTED, units: 10 });
    expect(await idOf(ns, FLAGGED)).toBe(id);
    expect(() => ns.data.insertRaw("scriptdeployment", { scriptid: "customdeploy_x" })).toThrow(UNSUPPORTED);
  });

  it("governance: a standard record's costs (load and submitFields 5, save 10), a search page 10", async () => {
    const id = await idOf(ns, FLAGGED);
    const out = await steps(ns, [
      byScriptId(FLAGGED),
      { op: "submit", id, values: { custscript_dp_label: "x" } },
      { op: "load", id, as: "d" },
      { op: "save", rec: "d" },
      { op: "lookup", id, columns: ["title"] },
    ]);
    expect(out.map((o) => [o.error ?? "ok", o.units])).toEqual([
      ["ok", 10],
      ["ok", 5],
      ["ok", 5],
      ["ok", 10],
      ["ok", 1],
    ]);
  });
});

describe("the SuiteScript permission (ADMI_CUSTOMSCRIPT)", () => {
  let ns: NetSuiteEmulator;
  let id: number;
  beforeEach(async () => {
    ns = await NetSuiteEmulator.open({ projectDir: PROJECT, env: {} });
    id = await idOf(ns, FLAGGED);
  });
  afterEach(async () => ns?.close());

  const NEED = (level: string) =>
    `Permission Violation: You need ${level} 'Setup -> SuiteScript' permission to access this page. Please contact your account administrator.`;

  it("a role without it may neither search, load nor change deployments", async () => {
    const role = "customrole_dp_clerk";
    for (const s of [
      byScriptId(FLAGGED),
      { op: "load", id },
      { op: "lookup", id, columns: ["title"] },
      { op: "submit", id, values: { custscript_dp_flag: false } },
    ]) {
      expect(await step(ns, s, role), s.op).toEqual({
        error: "INSUFFICIENT_PERMISSION",
        message: NEED(" the"),
      });
    }
    expect(ns.deploymentParameters(FLAGGED).custscript_dp_flag).toBe(true);
  });

  it("at View a role searches and loads them but does not change them; at Edit it does", async () => {
    expect((await step(ns, byScriptId(FLAGGED), "customrole_dp_viewer")).ok).toEqual([
      [String(id), [String(id), String(id)]],
    ]);
    expect((await step(ns, { op: "load", id }, "customrole_dp_viewer")).ok).toMatchObject({
      scriptid: FLAGGED,
    });
    expect(
      await step(ns, { op: "submit", id, values: { custscript_dp_flag: false } }, "customrole_dp_viewer"),
    ).toEqual({
      error: "INSUFFICIENT_PERMISSION",
      message: NEED("a higher level of the"),
    });
    expect(
      await step(ns, { op: "submit", id, values: { custscript_dp_flag: false } }, "customrole_dp_editor"),
    ).toEqual({
      ok: id,
    });
    expect(ns.deploymentParameters(FLAGGED).custscript_dp_flag).toBe(false);
  });
});

describe("kept with the account", () => {
  it("a changed value and the internal IDs survive reopening a file-backed account", async () => {
    const db = join(tmp("nss-deployments-"), "account.sqlite");
    const first = await NetSuiteEmulator.open({ projectDir: PROJECT, db, env: {} });
    const ids = [await idOf(first, FLAGGED), await idOf(first, TWO)];
    await steps(first, [
      { op: "writeFlag", deploymentId: FLAGGED, param: "custscript_dp_flag", value: false },
    ]);
    await first.close();

    const again = await NetSuiteEmulator.open({ projectDir: PROJECT, db, env: {} });
    try {
      expect([await idOf(again, FLAGGED), await idOf(again, TWO)]).toEqual(ids);
      expect(again.deploymentParameters(FLAGGED).custscript_dp_flag).toBe(false);
      expect(await reads(again)).toMatchObject({ custscript_dp_flag: false });
    } finally {
      await again.close();
    }
  });

  it("a redeploy keeps values set in the account for parameters that still exist", async () => {
    const dir = tmp("nss-deployments-");
    const db = join(dir, "account.sqlite");
    const first = await NetSuiteEmulator.open({ projectDir: PROJECT, db, env: {} });
    const flagged = await idOf(first, FLAGGED);
    const two = await idOf(first, TWO);
    await steps(first, [
      { op: "submit", id: flagged, values: { custscript_dp_label: "kept", custscript_dp_count: "7" } },
      // The project's own value again: nothing is set in the account.
      { op: "submit", id: two, values: { custscript_dp_label: "two" } },
    ]);
    await first.close();

    // Version 2 of the project: no count parameter, a new default label, another value for the second
    // deployment, a renamed first deployment and a third one.
    const project = join(dir, "project");
    cpSync(PROJECT, project, { recursive: true });
    const file = join(project, "src/Objects/customscript_dp_flagged.xml");
    const xml = readFileSync(file, "utf8")
      .replace(/ {4}<scriptcustomfield scriptid="custscript_dp_count">[\s\S]*?<\/scriptcustomfield>\n/, "")
      .replace("<defaultvalue>start</defaultvalue>", "<defaultvalue>v2 default</defaultvalue>")
      .replace(
        "<custscript_dp_label>two</custscript_dp_label>",
        "<custscript_dp_label>two v2</custscript_dp_label>",
      )
      .replace("<title>Flagged</title>", "<title>Flagged v2</title>")
      .replace(
        "  </scriptdeployments>",
        [
          '    <scriptdeployment scriptid="customdeploy_dp_flagged_three">',
          "      <allroles>T</allroles>",
          "      <status>RELEASED</status>",
          "      <title>Flagged, third</title>",
          "    </scriptdeployment>",
          "  </scriptdeployments>",
        ].join("\n"),
      );
    expect(xml).not.toContain("custscript_dp_count");
    writeFileSync(file, xml);

    const updated = await NetSuiteEmulator.open({ projectDir: project, db, env: {} });
    try {
      expect(updated.deploymentParameters(FLAGGED)).toEqual({
        custscript_dp_flag: true,
        custscript_dp_label: "kept",
        custscript_dp_customer: null,
        custscript_dp_since: null,
      });
      expect(updated.deploymentParameters(TWO).custscript_dp_label).toBe("two v2");
      expect(updated.deploymentParameters("customdeploy_dp_flagged_three").custscript_dp_label).toBe(
        "v2 default",
      );
      expect(await idOf(updated, FLAGGED)).toBe(flagged);
      expect(await idOf(updated, TWO)).toBe(two);
      const third = await idOf(updated, "customdeploy_dp_flagged_three");
      expect(third).toBeGreaterThan(4);
      expect((await step(updated, { op: "lookup", id: flagged, columns: ["title"] })).ok).toEqual({
        title: "Flagged v2",
      });
      // The parameter is gone: writing it is writing a field the deployment does not have.
      expect(
        (await step(updated, { op: "submit", id: flagged, values: { custscript_dp_count: 1 } })).error,
      ).toBe(UNSUPPORTED);
    } finally {
      await updated.close();
    }
  });
});
