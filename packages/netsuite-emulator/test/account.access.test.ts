/**
 * Roles and permissions: who a script runs as (the user, a deployment's Execute as Role, the triggering
 * script's role, a visitor who is not logged in, the System user) and what each may read and write.
 * The fixture (fixtures/access-project) has a clerk role, record types open to administrators only, to
 * the clerk, to any internal role, and by the role's own permission, and a probe Suitelet deployed five
 * ways.
 */
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NetSuiteEmulator } from "../src/emulator.js";

const PROJECT = fileURLToPath(new URL("./fixtures/access-project", import.meta.url));
const SALES = { role: "customrole_ax_sales" };

let ns: NetSuiteEmulator;
const ids: Record<string, number> = {};

beforeAll(async () => {
  ns = await NetSuiteEmulator.open({
    projectDir: PROJECT,
    env: {},
    // A role the account's administrator made in the UI: customers only.
    roles: [{ scriptId: "customrole_ax_sales", name: "Sales", permissions: { LIST_CUSTJOB: "EDIT" } }],
  });
  for (const type of ["admin", "clerk", "open", "granted"]) {
    // Straight to the account's data: the open type's form fails on purpose (see "client scripts").
    ids[type] = ns.data.saveRecord({
      type: `customrecord_ax_${type}`,
      id: null,
      isDynamic: false,
      values: { name: `${type} record` },
    });
  }
});
afterAll(async () => ns?.close());

interface Outcome {
  ok: boolean;
  value?: unknown;
  name?: string;
  message?: string;
}

async function probe(
  deployment: string,
  params: Record<string, string>,
  user?: { role: string } | "anonymous",
): Promise<Outcome> {
  const response = await ns.invokeSuitelet("customscript_ax_sl", `customdeploy_ax_${deployment}`, {
    method: "GET",
    parameters: params,
    ...(user ? { user } : {}),
  });
  return JSON.parse(response.body) as Outcome;
}

const denied = (o: Outcome) => ({ ok: o.ok, name: o.name });
const DENIED = { ok: false, name: "INSUFFICIENT_PERMISSION" };

describe("a Suitelet available without login", () => {
  it("runs as a visitor who is not logged in: Online Form User, user -4", async () => {
    expect((await probe("public", { action: "whoami" })).value).toEqual({
      id: -4,
      role: -31,
      roleId: "online_form_user",
    });
  });

  it("without Execute as Role reads nothing a permission guards, not even records open to internal roles", async () => {
    const admin = await probe("public", {
      action: "load",
      type: "customrecord_ax_admin",
      id: String(ids.admin),
    });
    expect(denied(admin)).toEqual(DENIED);
    expect(admin.message).toBe(
      "Permission Violation: You need  the 'AX Admin Only' permission to access this page. Please contact your account administrator.",
    );
    expect(
      denied(await probe("public", { action: "lookup", type: "customrecord_ax_open", id: String(ids.open) })),
    ).toEqual(DENIED);
    expect(denied(await probe("public", { action: "search", type: "customer" }))).toEqual(DENIED);
  });

  it("with Execute as Role reads what that role may, and no more", async () => {
    const clerk = (params: Record<string, string>) => probe("public_clerk", params);
    expect((await clerk({ action: "whoami" })).value).toEqual({
      id: -4,
      role: 1001,
      roleId: "customrole_ax_clerk",
    });
    expect(
      await clerk({ action: "create", type: "customrecord_ax_clerk", value: "by the visitor" }),
    ).toMatchObject({
      ok: true,
    });
    expect(await clerk({ action: "load", type: "customrecord_ax_granted", id: String(ids.granted) })).toEqual(
      {
        ok: true,
        value: "granted record",
      },
    );
    expect(
      denied(await clerk({ action: "load", type: "customrecord_ax_admin", id: String(ids.admin) })),
    ).toEqual(DENIED);
    // The clerk may create its log records but not change or delete them (CREATE < EDIT < FULL).
    const edit = await clerk({
      action: "edit",
      type: "customrecord_ax_clerk",
      id: String(ids.clerk),
      value: "x",
    });
    expect(edit.message).toContain("You need a higher level of the 'AX Clerk Log' permission");
  });

  it("refuses a visitor when Online Form User is not in its audience (allroles selects internal roles only)", async () => {
    await expect(probe("public_internal_only", { action: "whoami" })).rejects.toMatchObject({
      name: "INSUFFICIENT_PERMISSION",
      message: "You do not have privileges to view this page.",
    });
  });
});

describe("an internal Suitelet", () => {
  it("runs as the logged-in user's role, or its Execute as Role", async () => {
    expect((await probe("internal", { action: "whoami" })).value).toMatchObject({
      id: -5,
      roleId: "administrator",
    });
    expect((await probe("internal", { action: "whoami" }, SALES)).value).toMatchObject({
      roleId: "customrole_ax_sales",
    });
    expect((await probe("as_clerk", { action: "whoami" }, SALES)).value).toMatchObject({
      roleId: "customrole_ax_clerk",
    });
  });

  it("lets a role do only what its permissions say", async () => {
    // Sales edits customers but has no Perform Search, and no permission for custom records.
    expect(
      await probe("internal", { action: "create", type: "customer", field: "companyname" }, SALES),
    ).toMatchObject({
      ok: false,
      // Its user event runs with the Suitelet's role (Sales), which may not write the clerk's log.
      name: "INSUFFICIENT_PERMISSION",
    });
    const search = await probe("internal", { action: "search", type: "customer" }, SALES);
    expect(search.message).toContain("'Lists -> Perform Search' permission");
    expect(
      denied(await probe("internal", { action: "load", type: "customrecord_ax_granted", id: "1" }, SALES)),
    ).toEqual(DENIED);
    // Any internal role may use a NONENEEDED record.
    expect(
      await probe("internal", { action: "load", type: "customrecord_ax_open", id: String(ids.open) }, SALES),
    ).toEqual({
      ok: true,
      value: "open record",
    });
  });

  it("searches a permission-list record type with any internal role (the list does not restrict searches)", async () => {
    expect(await probe("as_clerk", { action: "search", type: "customrecord_ax_admin" })).toEqual({
      ok: true,
      value: 1,
    });
  });
});

describe("user events", () => {
  it("saved in the UI: run with their Execute as Role, whatever the user's", async () => {
    const id = await ns.saveAsUser(
      { type: "customer", id: null, isDynamic: false, values: { companyname: "UI Save", subsidiary: "1" } },
      { user: SALES },
    );
    const logs = ns.data.listRecords("customrecord_ax_clerk").map((r) => r.values.name);
    expect(logs).toContain(`customer ${id} by role customrole_ax_clerk`);
  });

  it("refuse the save of a user whose role may not create the record", async () => {
    await expect(
      ns.saveAsUser(
        { type: "customrecord_ax_admin", id: null, isDynamic: false, values: { name: "x" } },
        { user: SALES },
      ),
    ).rejects.toMatchObject({ name: "INSUFFICIENT_PERMISSION" });
  });
});

describe("saved searches", () => {
  it("a private search is its owner's alone; a public one anyone's who may search", async () => {
    expect(await probe("internal", { action: "saveSearch", id: "customsearch_ax_private" })).toMatchObject({
      ok: true,
    });
    expect(
      await probe("internal", { action: "saveSearch", id: "customsearch_ax_public", public: "T" }),
    ).toMatchObject({
      ok: true,
    });
    // Another user (Sales, running the Suitelet as the clerk role) than the Administrator who saved them.
    const clerk = (id: string) => probe("as_clerk", { action: "loadSearch", id }, SALES);
    expect(await clerk("customsearch_ax_private")).toEqual({
      ok: false,
      name: "INVALID_SEARCH",
      message: "That search or mass update does not exist.",
    });
    expect(await clerk("customsearch_ax_public")).toEqual({ ok: true, value: "customer" });
  });
});

describe("map/reduce", () => {
  it("run on demand: the System user with Administrator permissions, or its Execute as Role", async () => {
    const system = await ns.runScript("customscript_ax_mr", "customdeploy_ax_mr_system");
    if (system.type !== "mapreducescript") throw new Error("expected a map/reduce");
    expect(system.summary.mapSummary.errors).toEqual([]);
    expect(ns.log.list().some((e) => e.title === "user" && e.details === "-4/administrator")).toBe(true);

    const clerk = await ns.runScript("customscript_ax_mr", "customdeploy_ax_mr_clerk");
    if (clerk.type !== "mapreducescript") throw new Error("expected a map/reduce");
    expect(clerk.summary.mapSummary.errors.map((e) => JSON.parse(e.error).name)).toEqual([
      "INSUFFICIENT_PERMISSION",
    ]);
  });
});

describe("client scripts", () => {
  it("a SuiteApp's form naming its client script by a relative path fails, saying the full path", async () => {
    const record = ns.data.loadRecord("customrecord_ax_open", ids.open as number, false);
    await expect(ns.fireBeforeLoad("customrecord_ax_open", record, "view")).rejects.toMatchObject({
      name: "MODULE_DOES_NOT_EXIST",
      message: expect.stringContaining('"/SuiteApps/com.example.access/ax_form_cs.js"'),
    });
  });
});
