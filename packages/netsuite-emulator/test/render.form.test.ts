import { describe, expect, it } from "vitest";
import type { RecordFieldView } from "../src/http/pages/record-fields.js";
import { recordSubtabs } from "../src/http/pages/record-page.js";
import { type FieldView, renderField } from "../src/http/render/field.js";
import { renderFormPage } from "../src/http/render/form-page.js";
import { attr, escapeHtml } from "../src/http/render/html.js";
import type { PageData, PageField } from "../src/runtime/entry/types.js";
import type { CustomRecordTypeDef } from "../src/sdf/types.js";

const f = (type: string, value: FieldView["value"], more: Partial<FieldView> = {}): FieldView => ({
  id: "custpage_f",
  label: "F",
  type,
  value,
  ...more,
});
const wrap = (type: string) =>
  `<div class="ns-field" id="custpage_f_fs" data-field-id="custpage_f" data-field-type="${type}">`;
const label = '<label for="custpage_f" class="ns-label">F</label>';

describe("html helpers", () => {
  it("escape text and attributes", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    expect(attr({ id: 'a"b', checked: true, disabled: false, x: null })).toBe(' id="a&quot;b" checked');
  });
});

describe("renderField", () => {
  const inputs: [string, string, FieldView["value"], string][] = [
    ["text", "text", "Ada", 'value="Ada"'],
    ["email", "email", "a@b.c", 'value="a@b.c"'],
    ["phone", "tel", "555", 'value="555"'],
    ["url", "url", "https://x.y", 'value="https://x.y"'],
    ["integer", "number", 3, 'value="3" step="1"'],
    ["float", "number", 1.5, 'value="1.5" step="any"'],
    ["currency", "number", "1,000.50", 'value="1000.50" step="any"'],
    ["percent", "number", "5", 'value="5" step="any"'],
    ["date", "date", "1/2/2026", 'value="2026-01-02"'],
    ["password", "password", "pw", 'value="pw"'],
    ["datetimetz", "text", "1/2/2026 3:04 pm", 'value="1/2/2026 3:04 pm"'],
    ["timeofday", "text", "3:04 pm", 'value="3:04 pm"'],
  ];
  it.each(inputs)("edit %s → <input type=%s>", (type, inputType, value, rest) => {
    expect(renderField(f(type, value), "edit")).toBe(
      `${wrap(type)}${label}<input type="${inputType}" id="custpage_f" name="custpage_f" ${rest}></div>`,
    );
  });

  it("view mode is a value span with the JSON value and no input", () => {
    expect(renderField(f("text", "Ada"), "view")).toBe(
      `${wrap("text")}${label}<span class="ns-value" id="custpage_f_val" data-value="&quot;Ada&quot;">Ada</span></div>`,
    );
    expect(renderField(f("text", null), "view")).toContain('data-value="null">&nbsp;</span>');
    expect(renderField(f("checkbox", true), "view")).toContain(">Yes</span>");
    expect(renderField(f("checkbox", "F"), "view")).toContain(">No</span>");
    expect(renderField(f("password", "secret"), "view")).not.toContain("secret");
    expect(renderField(f("text", "Ada", { displayType: "inline" }), "edit")).not.toContain("<input");
  });

  it("url fields link only http(s) URLs in view mode", () => {
    expect(renderField(f("url", "https://x.y/?a=1&b=2"), "view")).toContain(
      '<a href="https://x.y/?a=1&amp;b=2" target="_blank" rel="noopener noreferrer">https://x.y/?a=1&amp;b=2</a>',
    );
    expect(renderField(f("url", "javascript:alert(1)"), "view")).not.toContain("<a");
  });

  it("textareas, checkboxes, selects and multiselects", () => {
    for (const type of ["textarea", "longtext", "richtext"]) {
      expect(renderField(f(type, "a<b", { maxLength: 9 }), "edit")).toContain(
        '<textarea id="custpage_f" name="custpage_f" maxlength="9">a&lt;b</textarea>',
      );
    }
    expect(renderField(f("checkbox", "T"), "edit")).toContain(
      '<input type="checkbox" id="custpage_f" name="custpage_f" value="T" checked>',
    );
    expect(renderField(f("checkbox", false), "edit")).toContain(
      '<input type="checkbox" id="custpage_f" name="custpage_f" value="T">',
    );
    const options = [
      { value: "1", text: "One" },
      { value: "2", text: "Two" },
    ];
    expect(renderField(f("select", "2", { options }), "edit")).toContain(
      '<select id="custpage_f" name="custpage_f"><option value=""></option><option value="1">One</option><option value="2" selected>Two</option></select>',
    );
    expect(renderField(f("select", "2", { options, mandatory: true }), "edit")).toContain(
      '<label for="custpage_f" class="ns-label">F<span class="ns-mandatory">*</span></label><select id="custpage_f" name="custpage_f" aria-required="true"><option value="1">',
    );
    expect(renderField(f("select", "2", { options }), "view")).toContain(">Two</span>");
    const blank = [{ value: "", text: "-" }, ...options];
    expect(renderField(f("select", "", { options: blank }), "edit")).toContain(
      '<select id="custpage_f" name="custpage_f"><option value="">-</option><option value="1">',
    );
    expect(renderField(f("multiselect", ["1", "2"], { options }), "edit")).toContain(
      '<select multiple id="custpage_f" name="custpage_f"><option value="1" selected>One</option><option value="2" selected>Two</option></select>',
    );
    expect(renderField(f("multiselect", ["1", "2"], { options }), "view")).toContain(">One, Two</span>");
    expect(renderField(f("radio", "2", { options }), "edit")).toContain(
      '<input type="radio" id="custpage_f_1" name="custpage_f" value="2" checked> Two',
    );
  });

  it("display types: hidden posts a hidden input, disabled and readonly keep the input", () => {
    expect(renderField(f("text", "x", { displayType: "hidden" }), "edit")).toBe(
      '<div class="ns-field" id="custpage_f_fs" data-field-id="custpage_f" data-field-type="text" hidden><input type="hidden" id="custpage_f" name="custpage_f" value="x"></div>',
    );
    expect(renderField(f("hidden", "x"), "edit")).not.toContain("<label");
    expect(renderField(f("text", "x", { displayType: "disabled" }), "edit")).toContain(" disabled ");
    expect(renderField(f("text", "x", { displayType: "readonly" }), "edit")).toContain(" readonly ");
  });

  it("escapes labels and values; inlinehtml is raw", () => {
    const evil = "<script>alert(1)</script>";
    for (const mode of ["view", "edit"] as const) {
      const html = renderField(f("text", evil, { id: `x"${evil}`, label: evil, help: evil }), mode);
      expect(html).not.toContain("<script>");
      expect(html).toContain("&lt;script&gt;");
    }
    expect(renderField(f("inlinehtml", "<b>hi</b>"), "edit")).toBe(
      `${wrap("inlinehtml")}<div class="ns-inlinehtml" id="custpage_f_val"><b>hi</b></div></div>`,
    );
    expect(renderField(f("label", null), "edit")).toBe(`${wrap("label")}${label}</div>`);
  });
});

const field = (id: string, type: string, more: Partial<PageField> = {}): PageField => ({
  id,
  label: id.toUpperCase(),
  type,
  defaultValue: null,
  displayType: "NORMAL",
  mandatory: false,
  ...more,
});

const page: PageData = {
  title: "T",
  hideNavBar: false,
  fields: [
    field("custpage_a", "TEXT", { defaultValue: "<x>" }),
    field("custpage_b", "CHECKBOX", { defaultValue: "T", container: "custpage_g" }),
    field("custpage_c", "TEXT", { container: "custpage_sub" }),
    // Oracle shows tabs (and subtabs) only when the form has two or more with objects.
    field("custpage_d", "TEXT", { container: "custpage_tab2" }),
    field("custpage_e", "TEXT", { container: "custpage_sub2" }),
  ],
  fieldGroups: [{ id: "custpage_g", label: "Group" }],
  tabs: [
    { id: "custpage_tab", label: "Tab" },
    { id: "custpage_tab2", label: "Tab 2" },
  ],
  subtabs: [
    { id: "custpage_sub", label: "Sub", tab: "custpage_tab" },
    { id: "custpage_sub2", label: "Sub 2", tab: "custpage_tab" },
  ],
  sublists: [
    {
      id: "custpage_l",
      label: "Lines",
      type: "LIST",
      tab: "custpage_sub",
      fields: [
        field("pick", "CHECKBOX"),
        field("item", "TEXT"),
        field("qty", "INTEGER", { displayType: "ENTRY" }),
        field("key", "TEXT", { displayType: "HIDDEN" }),
      ],
      lines: [{ item: "<W>", qty: "2", key: "k0" }, { pick: "T" }],
      buttons: [],
    },
    {
      id: "custpage_s",
      label: "Static",
      type: "STATICLIST",
      fields: [field("item", "TEXT")],
      lines: [{ item: "S1" }],
      buttons: [],
    },
  ],
  buttons: [{ id: "custpage_go", label: "Go", functionName: "go" }],
  submitButton: { label: "Save" },
  resetButton: { label: "Reset" },
  pageLinks: [
    { type: "CROSSLINK", title: "Home", url: "/app/center/card.nl" },
    { type: "BREADCRUMB", title: "Bad", url: "javascript:x" },
  ],
};

describe("renderFormPage", () => {
  const html = renderFormPage(page, { action: "/app/site/hosting/scriptlet.nl?script=a&deploy=b" });

  it("is a POST form with the buttons bar first", () => {
    expect(
      html.startsWith(
        '<form id="main_form" class="ns-form" method="POST" action="/app/site/hosting/scriptlet.nl?script=a&amp;deploy=b" enctype="application/x-www-form-urlencoded">',
      ),
    ).toBe(true);
    expect(html).toContain(
      '<div class="ns-buttons"><button type="submit" class="ns-button ns-submit" id="submitter" name="submitter" value="Save">Save</button><button type="button" class="ns-button" id="custpage_go" data-function="go">Go</button><button type="reset" class="ns-button ns-reset" id="resetter">Reset</button></div>',
    );
    expect(html).toContain('<a class="ns-pagelink ns-crosslink" href="/app/center/card.nl">Home</a>');
    expect(html).not.toContain("javascript:");
    expect(html.endsWith("</form>")).toBe(true);
  });

  it("places fields in groups, tabs and subtabs, in edit mode", () => {
    expect(html).toContain('<input type="text" id="custpage_a" name="custpage_a" value="&lt;x&gt;">');
    expect(html).toMatch(
      /<fieldset class="ns-fieldgroup" id="custpage_g"><legend>Group<\/legend><div class="ns-fields"><div class="ns-field" id="custpage_b_fs"[^>]*><label[^>]*>CUSTPAGE_B<\/label><input type="checkbox" id="custpage_b" name="custpage_b" value="T" checked>/,
    );
    const tab = html.indexOf(
      '<section class="ns-tab" id="custpage_tab" data-tab-id="custpage_tab"><h2 class="ns-tab-label">Tab</h2>',
    );
    const sub = html.indexOf(
      '<section class="ns-subtab" id="custpage_sub" data-tab-id="custpage_sub"><h3 class="ns-tab-label">Sub</h3>',
    );
    expect(tab).toBeGreaterThan(0);
    expect(sub).toBeGreaterThan(tab);
    expect(html.indexOf('id="custpage_c_fs"')).toBeGreaterThan(sub);
    expect(html.indexOf('id="custpage_l_splits"')).toBeGreaterThan(sub);
  });

  it("renders LIST sublists with inputs for checkboxes and ENTRY fields, text for the rest", () => {
    expect(html).toContain(
      '<table class="ns-sublist" id="custpage_l_splits" data-sublist-id="custpage_l" data-sublist-type="list"><thead><tr><th data-field-id="pick" data-field-type="checkbox">PICK</th><th data-field-id="item" data-field-type="text">ITEM</th><th data-field-id="qty" data-field-type="integer">QTY</th></tr></thead>',
    );
    expect(html).toContain(
      '<tr class="ns-sublist-line" data-line="0"><td data-field-id="pick" data-field-type="checkbox"><input type="checkbox" id="custpage_l_pick_0" name="custpage_l[0][pick]" value="T"></td><td data-field-id="item" data-field-type="text">&lt;W&gt;<input type="hidden" name="custpage_l[0][item]" value="&lt;W&gt;"></td><td data-field-id="qty" data-field-type="integer"><input type="number" id="custpage_l_qty_0" name="custpage_l[0][qty]" value="2" step="1"></td><td hidden><input type="hidden" name="custpage_l[0][key]" value="k0"></td></tr>',
    );
    expect(html).toContain('name="custpage_l[1][pick]" value="T" checked>');
    expect(html).toContain('<input type="hidden" id="custpage_l__lines" name="custpage_l__lines" value="2">');
    expect(html).toContain('<input type="hidden" name="custpage_l__checkboxes" value="pick">');
  });

  it("renders STATICLIST sublists as text that posts nothing", () => {
    expect(html).toContain(
      '<table class="ns-sublist" id="custpage_s_splits" data-sublist-id="custpage_s" data-sublist-type="staticlist"><thead><tr><th data-field-id="item" data-field-type="text">ITEM</th></tr></thead><tbody><tr class="ns-sublist-line" data-line="0"><td data-field-id="item" data-field-type="text">S1</td></tr></tbody></table>',
    );
    expect(html).not.toContain("custpage_s__lines");
    expect(html).not.toContain("custpage_s[0]");
  });
});

describe("recordSubtabs: a custom record type's subtabs on its record page", () => {
  const view = (id: string, subtab?: string, displayType = "normal"): RecordFieldView => ({
    id,
    label: id,
    type: "text",
    value: null,
    displayType,
    editable: true,
    custom: true,
    ...(subtab ? { subtab } : {}),
  });
  const type = (subtabs: CustomRecordTypeDef["subtabs"]): CustomRecordTypeDef => ({
    scriptId: "customrecord_x",
    recordName: "X",
    fields: [],
    subtabs,
  });
  const html = (list: RecordFieldView[]) => list.map((v) => `[${v.id}]`);

  it("puts a child subtab (tabparent) inside its parent's tab, and fields without a subtab in the main area", () => {
    const r = recordSubtabs(
      type([
        { scriptId: "tab_a", title: "A" },
        { scriptId: "tab_b", title: "B" },
        { scriptId: "tab_a1", title: "A1", parent: "tab_a" },
        { scriptId: "tab_a2", title: "A2", parent: "tab_a" },
      ]),
      [
        view("f_main"),
        view("f_a", "tab_a"),
        view("f_b", "tab_b"),
        view("f_a1", "tab_a1"),
        view("f_a2", "tab_a2"),
      ],
      html,
    );
    expect(r.main.map((v) => v.id)).toEqual(["f_main"]);
    expect(r.tabs).toBe(
      '<nav class="ns-tab-bar"><a href="#tab_a" class="ns-tab-link" data-tab-id="tab_a">A</a><a href="#tab_b" class="ns-tab-link" data-tab-id="tab_b">B</a></nav>' +
        '<section class="ns-tab" id="tab_a" data-tab-id="tab_a"><h2 class="ns-tab-label">A</h2><div class="ns-fields">[f_a]</div>' +
        '<nav class="ns-subtab-bar"><a href="#tab_a1" class="ns-subtab-link" data-tab-id="tab_a1">A1</a><a href="#tab_a2" class="ns-subtab-link" data-tab-id="tab_a2">A2</a></nav>' +
        '<section class="ns-subtab" id="tab_a1" data-tab-id="tab_a1"><h3 class="ns-tab-label">A1</h3><div class="ns-fields">[f_a1]</div></section>' +
        '<section class="ns-subtab" id="tab_a2" data-tab-id="tab_a2"><h3 class="ns-tab-label">A2</h3><div class="ns-fields">[f_a2]</div></section></section>' +
        '<section class="ns-tab" id="tab_b" data-tab-id="tab_b"><h2 class="ns-tab-label">B</h2><div class="ns-fields">[f_b]</div></section>',
    );
  });

  it("leaves out a subtab with no shown field (its hidden fields go to the main area) and, under two tabs, shows no tab bar", () => {
    const r = recordSubtabs(
      type([
        { scriptId: "tab_a", title: "A" },
        { scriptId: "tab_h", title: "H" },
      ]),
      [view("f_a", "tab_a"), view("f_h", "tab_h", "hidden")],
      html,
    );
    expect(r.tabs).toBe('<div class="ns-fields">[f_a]</div>');
    expect(r.main.map((v) => v.id)).toEqual(["f_h"]);
    expect(recordSubtabs(undefined, [view("f")], html)).toEqual({ tabs: "", main: [view("f")] });
  });

  it("a subtab under a child subtab is not modelled", () => {
    expect(() =>
      recordSubtabs(
        type([
          { scriptId: "tab_a", title: "A" },
          { scriptId: "tab_a1", title: "A1", parent: "tab_a" },
          { scriptId: "tab_a11", title: "A11", parent: "tab_a1" },
        ]),
        [view("f", "tab_a11")],
        html,
      ),
    ).toThrow(
      /^UNSUPPORTED_BY_EMULATOR: subtab tab_a11 of customrecord_x is a child of the child subtab tab_a1$/,
    );
  });
});
