import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AccountData } from "../src/data/store.js";
import type { FieldValue } from "../src/data/types.js";
import { NetSuiteEmulator } from "../src/index.js";
import { errorOf } from "./helpers/sample-account.js";

const project = fileURLToPath(new URL("./fixtures/runner-records", import.meta.url));
const LOCKED = "customrecord_rrc_locked";
const LOOSE = "customrecord_rrc_loose";
const DUP = { error: "DUP_RCRD", message: "This record already exists." };
const CHANGED = { error: "RCRD_HAS_BEEN_CHANGED", message: "Record has been changed" };

type Step = Record<string, unknown> & { op: string };
type Outcome = { ok?: unknown; error?: string; message?: string };

let emulator: NetSuiteEmulator;
beforeEach(async () => {
  emulator = await NetSuiteEmulator.open({ projectDir: project, env: {} });
});
afterEach(async () => {
  await emulator.close();
});

/** Runs the steps in one Suitelet invocation (one script): each step's value or error. */
async function steps(...list: Step[]): Promise<Outcome[]> {
  const response = await emulator.invokeSuitelet("customscript_rrc_steps", undefined, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(list),
  });
  expect(response.code).toBe(200);
  return JSON.parse(response.body) as Outcome[];
}

const create = (type: string, values: Record<string, FieldValue>, extra: Partial<Step> = {}): Step => ({
  op: "create",
  type,
  values,
  ...extra,
});
const stored = (type: string, id: number) => emulator.data.loadRecord(type, id, false).values;

describe("external IDs", () => {
  it("a second record of a type with the same external ID is DUP_RCRD, from another script too", async () => {
    expect(await steps(create(LOOSE, { name: "A", externalid: "ext-1" }))).toEqual([{ ok: 1 }]);
    expect(await steps(create(LOOSE, { name: "B", externalid: "ext-1" }))).toEqual([DUP]);
    // The same script twice at once: the check and the write are one transaction, so one wins.
    const both = await Promise.all([
      steps(create(LOOSE, { name: "C", externalid: "ext-2" })),
      steps(create(LOOSE, { name: "D", externalid: "ext-2" })),
    ]);
    expect(both.flat().filter((o) => o.ok !== undefined)).toHaveLength(1);
    expect(both.flat().filter((o) => o.error !== undefined)).toEqual([DUP]);
    // Empty external IDs are not IDs: any number of records may have none.
    expect(await steps(create(LOOSE, { name: "E" }), create(LOOSE, { name: "F", externalid: "" }))).toEqual([
      { ok: 3 },
      { ok: 4 },
    ]);
  });

  it("is set by setValue, defaultValues and submitFields; read by getValue, lookupFields and searches", async () => {
    const out = await steps(
      create(LOCKED, { name: "Locked" }, { defaultValues: { externalid: "shared" } }),
      // Another type may use the same external ID.
      create(LOOSE, { name: "Loose", externalid: "shared" }),
      create(LOOSE, { name: "Other", externalid: "other" }),
      { op: "load", type: LOCKED, id: 1, as: "locked" },
      { op: "lookup", type: LOOSE, id: 1, columns: ["externalid", "name"] },
      {
        op: "search",
        type: LOOSE,
        filters: [["externalid", "is", "shared"]],
        columns: ["name", "externalid"],
      },
      { op: "search", type: LOOSE, filters: [["externalid", "anyof", ["other", "none"]]], columns: ["name"] },
      { op: "submit", type: LOOSE, id: 2, values: { externalid: "shared" } },
      { op: "submit", type: LOOSE, id: 2, values: { externalid: "renamed" } },
    );
    expect(out).toEqual([
      { ok: 1 },
      { ok: 1 },
      { ok: 2 },
      { ok: "shared" },
      { ok: { externalid: "shared", name: "Loose" } },
      { ok: [["1", "Loose", "shared"]] },
      { ok: [["2", "Other"]] },
      DUP,
      { ok: 2 },
    ]);
    expect(stored(LOOSE, 2).externalid).toBe("renamed");
    expect(emulator.data.catalog.field("customer", "externalid")).toMatchObject({
      label: "External ID",
      type: "text",
    });
  });

  it("seed saves are checked too; standard types have their own external IDs", () => {
    emulator.data.seedCustomer({ companyname: "Acme", externalid: "shared" });
    expect(
      errorOf(() => emulator.data.seedCustomer({ companyname: "Globex", externalid: "shared" })),
    ).toEqual({
      name: "DUP_RCRD",
      message: "This record already exists.",
    });
    expect(emulator.data.seedSubsidiary({ name: "EU", externalid: "shared" } as never)).toBe(2);
  });

  it("a record saved with its own external ID is fine; deleting it frees the ID", async () => {
    expect(
      await steps(
        create(LOCKED, { name: "First", externalid: "x" }),
        { op: "load", type: LOCKED, id: 1, as: "a" },
        { op: "set", rec: "a", values: { custrecord_rrc_locked_note: "edited" } },
        { op: "save", rec: "a" },
        { op: "submit", type: LOCKED, id: 1, values: { externalid: "x", name: "First again" } },
        create(LOCKED, { name: "Second", externalid: "x" }),
        { op: "delete", type: LOCKED, id: 1 },
        create(LOCKED, { name: "Third", externalid: "x" }),
      ),
    ).toEqual([{ ok: 1 }, { ok: "x" }, { ok: null }, { ok: 1 }, { ok: 1 }, DUP, { ok: 1 }, { ok: 1 }]);
    expect(stored(LOCKED, 1)).toMatchObject({ name: "Third", externalid: "x" });
  });
});

describe("optimistic locking", () => {
  it("a loaded record saved after a submitFields elsewhere is RCRD_HAS_BEEN_CHANGED", async () => {
    const [created] = await steps(create(LOCKED, { name: "Row" }));
    expect(created).toEqual({ ok: 1 });
    const script = steps(
      { op: "load", type: LOCKED, id: 1, as: "a" },
      { op: "signal", title: "loaded" },
      { op: "wait", type: LOCKED, id: 1, field: "custrecord_rrc_locked_note", value: "from outside" },
      { op: "set", rec: "a", values: { custrecord_rrc_locked_note: "from the script" } },
      { op: "save", rec: "a" },
    );
    // The script has loaded the record: another writer saves it while the script holds its copy.
    await expect
      .poll(() => emulator.log.list({ scriptId: "customscript_rrc_steps" }).map((e) => e.title), {
        timeout: 4000,
      })
      .toContain("loaded");
    emulator.data.submitFields(LOCKED, 1, { custrecord_rrc_locked_note: "from outside" });
    expect((await script).at(-1)).toEqual(CHANGED);
    expect(stored(LOCKED, 1).custrecord_rrc_locked_note).toBe("from outside");
  });

  it("saves the same loaded object twice; of two loads, the second to save fails", async () => {
    const out = await steps(
      create(LOCKED, { name: "Row" }),
      { op: "load", type: LOCKED, id: 1, as: "a" },
      { op: "set", rec: "a", values: { custrecord_rrc_locked_note: "one" } },
      { op: "save", rec: "a" },
      { op: "set", rec: "a", values: { custrecord_rrc_locked_note: "two" } },
      { op: "save", rec: "a" },
      { op: "load", type: LOCKED, id: 1, as: "b" },
      { op: "load", type: LOCKED, id: 1, as: "c" },
      { op: "set", rec: "b", values: { custrecord_rrc_locked_note: "b" } },
      { op: "set", rec: "c", values: { custrecord_rrc_locked_note: "c" } },
      { op: "save", rec: "b" },
      { op: "save", rec: "c" },
      {
        op: "lookup",
        type: LOCKED,
        id: 1,
        columns: ["custrecord_rrc_locked_note", "custrecord_rrc_locked_seen"],
      },
      // submitFields has no version to check: it always writes.
      { op: "submit", type: LOCKED, id: 1, values: { custrecord_rrc_locked_note: "submitted" } },
    );
    expect(out.map((o) => ("ok" in o ? o.ok : o.error))).toEqual([
      1,
      null,
      null,
      1,
      null,
      1,
      null,
      null,
      null,
      null,
      1,
      "RCRD_HAS_BEEN_CHANGED",
      // Every save went through the type's beforeSubmit, which kept the version it was given.
      { custrecord_rrc_locked_note: "b", custrecord_rrc_locked_seen: "edit" },
      1,
    ]);
    expect(stored(LOCKED, 1).custrecord_rrc_locked_note).toBe("submitted");
  });

  it("a custom record type with enableoptimisticlocking F takes the last save", async () => {
    expect(emulator.project.customRecordTypes.map((t) => [t.scriptId, t.optimisticLocking])).toEqual([
      [LOCKED, true],
      [LOOSE, false],
    ]);
    const out = await steps(
      create(LOOSE, { name: "Row" }),
      { op: "load", type: LOOSE, id: 1, as: "a" },
      { op: "submit", type: LOOSE, id: 1, values: { custrecord_rrc_loose_note: "other" } },
      { op: "set", rec: "a", values: { name: "Mine" } },
      { op: "save", rec: "a" },
    );
    expect(out.at(-1)).toEqual({ ok: 1 });
    expect(stored(LOOSE, 1)).toMatchObject({ name: "Mine", custrecord_rrc_loose_note: "other" });
  });

  it("a customer always locks", async () => {
    const id = emulator.data.seedCustomer({ companyname: "Acme" });
    const out = await steps(
      { op: "load", type: "customer", id, as: "a" },
      { op: "submit", type: "customer", id, values: { comments: "elsewhere" } },
      { op: "set", rec: "a", values: { comments: "mine" } },
      { op: "save", rec: "a" },
    );
    expect(out.at(-1)).toEqual(CHANGED);
    expect(stored("customer", id).comments).toBe("elsewhere");
  });

  it("versions are the last-modified stamps, strictly increasing even within one millisecond", () => {
    const data = new AccountData(undefined, { now: () => new Date("2024-03-15T10:30:00.000Z") });
    try {
      const id = data.seedCustomer({ companyname: "Acme" });
      const first = data.loadRecord("customer", id, false);
      expect(first.version).toBe("2024-03-15T10:30:00.000Z");
      expect(data.saveRecordVersioned(first)).toEqual({ id, version: "2024-03-15T10:30:00.001Z" });
      expect(data.loadRecord("customer", id, false).values.lastmodifieddate).toBe("2024-03-15T10:30:00.001Z");
      expect(errorOf(() => data.saveRecord(first))).toEqual({
        name: "RCRD_HAS_BEEN_CHANGED",
        message: "Record has been changed",
      });
      // Without a version (nothing loaded) there is nothing to compare.
      expect(data.saveRecord({ ...first, version: undefined } as never)).toBe(id);
    } finally {
      data.close();
    }
  });
});
