import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { NetSuiteEmulator } from "../src/index.js";

const project = fileURLToPath(new URL("./fixtures/runner-ue", import.meta.url));

describe("user event runner", () => {
  let emulator: NetSuiteEmulator;
  beforeEach(async () => {
    emulator = await NetSuiteEmulator.open({ projectDir: project, env: {} });
  });
  afterEach(async () => {
    await emulator.close();
  });

  const logged = (title?: string) =>
    emulator.log
      .list({ scriptId: "customscript_rue_customer" })
      .filter((e) => title === undefined || e.title === title)
      .map((e) => `${e.entryPoint}: ${e.details}`);
  const customers = () =>
    emulator.data
      .runSearch(
        {
          id: null,
          scriptId: null,
          type: "customer",
          title: null,
          filters: [],
          columns: [{ name: "companyname" }],
          isPublic: false,
        },
        0,
        100,
      )
      .rows.map((r) => r.cells[0]?.value);

  it("fires beforeLoad, beforeSubmit and afterSubmit on a UI save, not on the user event's own save", async () => {
    const id = await emulator.saveAsUser({
      type: "customer",
      id: null,
      isDynamic: false,
      values: { companyname: "Acme", subsidiary: "1" },
    });
    const saved = emulator.data.loadRecord("customer", id, false).values;
    expect(saved.comments).toBe("from beforeLoad");
    expect(saved.lastname).toBe("checked-by-ue");
    expect(logged()).toEqual([
      "beforeLoad: create USERINTERFACE",
      "beforeSubmit: create USERINTERFACE Acme/",
      "afterSubmit: create USERINTERFACE Acme/ old=none lastname=checked-by-ue",
    ]);
    // The afterSubmit created Child Co without any user event running for it.
    expect(customers()).toEqual(["Acme", "Child Co"]);

    await emulator.saveAsUser({
      type: "customer",
      id,
      isDynamic: false,
      values: { email: "ap@acme.example" },
    });
    expect(logged().slice(3)).toEqual([
      "beforeLoad: edit USERINTERFACE",
      "beforeSubmit: edit USERINTERFACE Acme/ap@acme.example",
      "afterSubmit: edit USERINTERFACE Acme/ap@acme.example old=Acme/ lastname=checked-by-ue",
    ]);
    expect(emulator.data.loadRecord("customer", id, false).values.email).toBe("ap@acme.example");
  });

  it("aborts the save when beforeSubmit throws", async () => {
    await expect(
      emulator.saveAsUser({
        type: "customer",
        id: null,
        isDynamic: false,
        values: { companyname: "Blocked Inc", subsidiary: "1" },
      }),
    ).rejects.toMatchObject({ name: "RUE_BLOCKED", message: "Blocked customers cannot be saved" });
    expect(customers()).toEqual([]);
    expect(logged("beforeSubmit")).toEqual(["beforeSubmit: create USERINTERFACE Blocked Inc/"]);
    expect(logged("beforeSubmit: RUE_BLOCKED")).toEqual(["beforeSubmit: Blocked customers cannot be saved"]);
  });

  it("fires for a scheduled script's create, submitFields (xedit) and delete; afterSubmit errors reach the script", async () => {
    await emulator.runScript("customscript_rue_scheduled");
    expect(logged().filter((l) => !l.startsWith("beforeLoad"))).toEqual([
      "beforeSubmit: create SCHEDULED Sched Co/",
      "afterSubmit: create SCHEDULED Sched Co/ old=none lastname=checked-by-ue",
      "beforeSubmit: xedit SCHEDULED /sched@example.com",
      "afterSubmit: xedit SCHEDULED /sched@example.com old=Sched Co/ lastname=",
      "beforeSubmit: delete SCHEDULED Sched Co/sched@example.com",
      "afterSubmit: delete SCHEDULED Sched Co/sched@example.com old=Sched Co/sched@example.com lastname=checked-by-ue",
      "beforeSubmit: create SCHEDULED Fail After/",
      "afterSubmit: create SCHEDULED Fail After/ old=none lastname=checked-by-ue",
      // The host's entry for the uncaught error (title "afterSubmit: RUE_AFTER").
      "afterSubmit: afterSubmit failed",
    ]);
    const scheduled = emulator.log.list({ scriptId: "customscript_rue_scheduled" }).map((e) => e.details);
    expect(scheduled).toEqual(["RUE_AFTER: afterSubmit failed"]);
    // The afterSubmit failure leaves the record saved; Sched Co was deleted; both creates made a Child Co.
    expect(customers().sort()).toEqual(["Child Co", "Child Co", "Fail After"]);
  });

  it("fires for a map/reduce script's save in the MAPREDUCE context", async () => {
    const run = await emulator.runScript("customscript_rue_mr");
    expect(run.type).toBe("mapreducescript");
    expect(logged()).toEqual([
      "beforeSubmit: create MAPREDUCE MR Co/",
      "afterSubmit: create MAPREDUCE MR Co/ old=none lastname=checked-by-ue",
    ]);
  });

  it("fireBeforeLoad returns what the script added to the form", async () => {
    const record = emulator.data.newRecord("customer", false);
    const out = await emulator.fireBeforeLoad("customer", record, "create");
    expect(out.form).toEqual({
      buttons: [{ id: "custpage_sync", label: "Sync now", functionName: "syncNow" }],
      fields: [
        { id: "custpage_note", type: "text", label: "Note", displayType: "inline", defaultValue: "Synced" },
      ],
      fieldGroups: [],
      tabs: [],
      // Relative to the user event's file, as NetSuite resolves it.
      clientScriptModulePath: "/SuiteScripts/rue/rue_client.js",
    });
    expect(out.record.values.comments).toBe("from beforeLoad");
  });

  it("matches custom record types, the deployment's event type and deployed flag", async () => {
    const note = (text: string) => ({
      type: "customrecord_rue_note",
      id: null,
      isDynamic: false,
      values: { name: "n", custrecord_rue_note_text: text },
    });
    const id = await emulator.saveAsUser(note("hello"));
    expect(emulator.data.loadRecord("customrecord_rue_note", id, false).values.custrecord_rue_note_text).toBe(
      "HELLO",
    );
    // eventtype CREATE: an edit does not fire it.
    await emulator.saveAsUser({ ...note("quiet"), id });
    expect(emulator.data.loadRecord("customrecord_rue_note", id, false).values.custrecord_rue_note_text).toBe(
      "quiet",
    );
    expect(
      emulator.log.list({ scriptId: "customscript_rue_note" }).map((e) => `${e.deploymentId} ${e.details}`),
    ).toEqual(["customdeploy_rue_note create hello"]);
  });
});
