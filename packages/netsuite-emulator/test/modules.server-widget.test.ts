import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NetSuiteEmulator } from "../src/index.js";
import { ADAPTERS } from "../src/runtime/entry/registry.js";
import type { BeforeLoadOutput, PageData } from "../src/runtime/entry/types.js";
import "../src/runtime/entry/index.js";
import { makeEnv } from "./helpers/module-env.js";

const fixture = fileURLToPath(new URL("./fixtures/runner-sw/", import.meta.url));
const SL = "customscript_rsw_form";

describe("N/ui/serverWidget and N/redirect in a Suitelet", () => {
  let emulator: NetSuiteEmulator;
  beforeAll(async () => {
    emulator = await NetSuiteEmulator.open({ projectDir: fixture });
  });
  afterAll(async () => {
    await emulator.close();
  });
  const get = (parameters: Record<string, string> = {}) =>
    emulator.invokeSuitelet(SL, undefined, { method: "GET", parameters });

  it("writePage returns the form as plain page data", async () => {
    const out = await get();
    expect(out).toMatchObject({ code: 200, body: "" });
    const page = out.page as PageData;
    expect(page).toMatchObject({
      title: "Sync <settings>",
      hideNavBar: false,
      clientScriptModulePath: "/SuiteApps/com.example.runnersw/rsw_client.js",
      fieldGroups: [{ id: "custpage_grp_main", label: "Main", isSingleColumn: true }],
      tabs: [{ id: "custpage_tab_more", label: "More" }],
      subtabs: [{ id: "custpage_sub_notes", label: "Notes", tab: "custpage_tab_more" }],
      buttons: [{ id: "custpage_markall", label: "Mark all", functionName: "markAll" }],
      submitButton: { label: "Save" },
      resetButton: { label: "Reset" },
      pageLinks: [{ type: "CROSSLINK", title: "Home", url: "/app/center/card.nl" }],
    });
    expect(page.fields.map((f) => f.id)).toEqual([
      "custpage_name",
      "custpage_mode",
      "custpage_active",
      "custpage_note",
      "custpage_html",
    ]);
    expect(page.fields[0]).toEqual({
      id: "custpage_name",
      label: "Name",
      type: "TEXT",
      container: "custpage_grp_main",
      defaultValue: "Ada",
      displayType: "NORMAL",
      mandatory: true,
      help: "Who",
      maxLength: 40,
    });
    expect(page.fields[1]).toMatchObject({
      defaultValue: "delta",
      options: [
        { value: "", text: "" },
        { value: "full", text: "Full" },
        { value: "delta", text: "Delta", isSelected: true },
      ],
    });
    expect(page.fields[2]?.defaultValue).toBe("T");
    expect(page.fields[3]).toMatchObject({ container: "custpage_sub_notes", breakType: "STARTCOL" });
    expect(page.sublists).toEqual([
      {
        id: "custpage_items",
        label: "Items",
        type: "LIST",
        tab: "custpage_tab_more",
        fields: [
          expect.objectContaining({ id: "custpage_pick", type: "CHECKBOX" }),
          expect.objectContaining({ id: "custpage_item", type: "TEXT" }),
          expect.objectContaining({ id: "custpage_qty", type: "INTEGER", displayType: "ENTRY" }),
        ],
        lines: [
          { custpage_item: "Widget", custpage_qty: "2" },
          { custpage_item: "Gadget", custpage_pick: "T" },
        ],
        buttons: [{ id: "custpage_more", label: "More", functionName: "more" }],
        markAllButtons: true,
      },
    ]);
    const [checks] = emulator.log.list({ scriptId: SL }).filter((e) => e.title === "checks");
    expect(JSON.parse(checks?.details ?? "")).toEqual({
      lineCount: 2,
      value: "Gadget",
      options: [{ value: "delta", text: "Delta" }],
      field: "Name",
      none: null,
      title: "Sync <settings>",
    });
  });

  it("reads posted sublist lines with getLineCount and getSublistValue", async () => {
    const out = await emulator.invokeSuitelet(SL, undefined, {
      method: "POST",
      parameters: {
        custpage_name: "Ada",
        custpage_items__lines: "2",
        custpage_items__checkboxes: "custpage_pick",
        "custpage_items[0][custpage_item]": "Widget",
        "custpage_items[0][custpage_qty]": "3",
        "custpage_items[1][custpage_pick]": "T",
        "custpage_items[1][custpage_item]": "Gadget",
      },
    });
    expect(JSON.parse(out.body)).toEqual({
      count: 2,
      lines: [
        ["F", "Widget", "3"],
        ["T", "Gadget", ""],
      ],
      missing: -1,
      name: "Ada",
    });
  });

  it("N/redirect makes the response a redirect", async () => {
    expect(await get({ action: "redirect-url" })).toEqual({
      code: 302,
      headers: {},
      body: "",
      redirect: { type: "url", identifier: "https://example.com/x", parameters: { a: "1" } },
    });
    expect((await get({ action: "redirect-suitelet" })).redirect).toEqual({
      type: "SUITELET",
      identifier: SL,
      deploymentId: "customdeploy_rsw_form",
      isExternal: true,
      parameters: { step: "2" },
    });
    expect((await get({ action: "redirect-record" })).redirect).toEqual({
      type: "RECORD",
      identifier: "customer",
      id: "7",
      editMode: true,
    });
  });

  it("errors are NetSuite-shaped", async () => {
    await expect(get({ action: "noid" })).rejects.toMatchObject({
      name: "SSS_MISSING_REQD_ARGUMENT",
      message: expect.stringContaining("options.id"),
    });
    await expect(get({ action: "badpage" })).rejects.toMatchObject({ name: "WRONG_PARAMETER_TYPE" });
    await expect(get({ action: "nopage" })).rejects.toMatchObject({
      name: "SSS_MISSING_REQD_ARGUMENT",
      message: expect.stringContaining("options.pageObject"),
    });
    await expect(get({ action: "emptyvalue" })).rejects.toMatchObject({
      name: "SSS_MISSING_REQD_ARGUMENT",
      message: expect.stringContaining("options.value"),
    });
  });
});

describe("N/ui/serverWidget and N/redirect as modules", () => {
  it("enums are frozen with Oracle's values; lists and assistants are unsupported", () => {
    const ui =
      makeEnv().module<Record<string, Record<string, string> & (() => unknown)>>("N/ui/serverWidget");
    expect(ui.FieldType?.DATETIMETZ).toBe("DATETIMETZ");
    expect(Object.keys(ui.SublistType ?? {}).sort()).toEqual([
      "EDITOR",
      "INLINEEDITOR",
      "LIST",
      "STATICLIST",
    ]);
    expect(Object.isFrozen(ui.FieldDisplayType)).toBe(true);
    expect(() => (ui.createList as unknown as () => unknown)()).toThrow(
      "UNSUPPORTED_BY_EMULATOR: N/ui/serverWidget.createList",
    );
  });

  it("radio fields sharing an id become one field with options; insertField reorders", () => {
    const t = makeEnv();
    type Form = Record<string, (o?: unknown) => Record<string, unknown>>;
    const ui = t.module<{ createForm(o: unknown): Form }>("N/ui/serverWidget");
    const form = ui.createForm({ title: "R" });
    form.addField?.({ id: "custpage_r", type: "RADIO", label: "One", source: "1" });
    form.addField?.({ id: "custpage_r", type: "RADIO", label: "Two", source: "2" });
    const text = form.addField?.({ id: "custpage_t", type: "TEXT", label: "T" });
    form.insertField?.({ field: text, nextfield: "custpage_r" });
    const response: Record<string, (o: unknown) => unknown> = {};
    const out = (ADAPTERS["suitelet.onRequest"] as NonNullable<(typeof ADAPTERS)[string]>)(
      t.env,
      (ctx) => {
        (ctx as { response: typeof response }).response.writePage?.({ pageObject: form });
      },
      { method: "GET", url: "/", parameters: {}, headers: {}, body: "" },
      {},
    ) as { page: PageData };
    expect(out.page.fields.map((f) => [f.id, f.options])).toEqual([
      ["custpage_t", undefined],
      [
        "custpage_r",
        [
          { value: "1", text: "One" },
          { value: "2", text: "Two" },
        ],
      ],
    ]);
  });

  it("a user event's beforeLoad and afterSubmit return the N/redirect target", () => {
    const t = makeEnv();
    const newRecord = { type: "customer", id: 3, isDynamic: false, values: {} };
    const toRecord = () =>
      t.module<{ toRecord(o: unknown): void }>("N/redirect").toRecord({ type: "customer", id: 3 });
    const beforeLoad = ADAPTERS["usereventscript.beforeLoad"]?.(
      t.env,
      toRecord,
      { type: "view", newRecord },
      {},
    );
    expect((beforeLoad as BeforeLoadOutput).redirect).toEqual({
      type: "RECORD",
      identifier: "customer",
      id: "3",
      editMode: false,
    });
    const quiet = makeEnv();
    expect(
      ADAPTERS["usereventscript.afterSubmit"]?.(quiet.env, () => undefined, { type: "edit", newRecord }, {}),
    ).toBe(null);
    expect(t.module<Record<string, () => void>>("N/redirect").toSearch).toThrow(
      "UNSUPPORTED_BY_EMULATOR: N/redirect.toSearch",
    );
  });
});
