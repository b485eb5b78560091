/**
 * What an operations page needs of N/ui/serverWidget, as Oracle documents it: the enums' values
 * (STATICLIST, NODISPLAY), internal ID rules, the field types sublists refuse, help text, the submit
 * button's default label; and how the Suitelet page renders tabs, help popups, NODISPLAY fields and
 * sublists with many rows.
 */
import { describe, expect, it } from "vitest";
import { renderFormPage, renderSublist } from "../src/http/render/form-page.js";
import { createForm } from "../src/runtime/entry/form.js";
import type { PageData, PageField, PageSublist } from "../src/runtime/entry/types.js";
import { makeEnv } from "./helpers/module-env.js";

type Obj = Record<string, (o?: unknown) => Record<string, unknown>>;

const ui = () =>
  makeEnv().module<Record<string, Record<string, string>> & { createForm(o: unknown): Obj }>(
    "N/ui/serverWidget",
  );

describe("N/ui/serverWidget as Oracle documents it", () => {
  it("has Oracle's enum values: SublistType STATICLIST, FieldDisplayType and SublistDisplayType NODISPLAY", () => {
    const sw = ui();
    expect(sw.SublistType).toEqual({
      EDITOR: "EDITOR",
      INLINEEDITOR: "INLINEEDITOR",
      LIST: "LIST",
      STATICLIST: "STATICLIST",
    });
    expect(Object.keys(sw.FieldDisplayType ?? {}).sort()).toEqual([
      "DISABLED",
      "ENTRY",
      "HIDDEN",
      "INLINE",
      "NODISPLAY",
      "NORMAL",
      "READONLY",
    ]);
    expect(Object.keys(sw.SublistDisplayType ?? {}).sort()).toEqual(["HIDDEN", "NODISPLAY", "NORMAL"]);
    // A script using the wrong member gets undefined, hence the missing-argument error.
    const form = sw.createForm({ title: "T" });
    expect(() =>
      form.addSublist?.({
        id: "custpage_x",
        label: "X",
        type: (sw.SublistType as Record<string, string>).STATIC,
      }),
    ).toThrow(expect.objectContaining({ name: "SSS_MISSING_REQD_ARGUMENT" }));
  });

  it("defaults the submit button's label to Save; Field.helpText reads what setHelpText set", () => {
    const built = createForm("suitelet", { title: "T" });
    const form = built.form as Obj;
    form.addSubmitButton?.();
    const field = form.addField?.({ id: "custpage_a", type: "TEXT", label: "A" }) as Obj & {
      helpText?: string;
    };
    expect(field.helpText).toBeUndefined();
    expect(field.setHelpText?.({ help: "Why A" })).toBe(field);
    expect(field.helpText).toBe("Why A");
    expect(() => field.setHelpText?.({})).toThrow(
      expect.objectContaining({ name: "SSS_MISSING_REQD_ARGUMENT" }),
    );
    field.updateDisplayType?.({ displayType: "NODISPLAY" });
    field.updateBreakType?.({ breakType: "STARTCOL" });
    const page = built.page();
    expect(page.submitButton).toEqual({ label: "Save" });
    expect(page.fields[0]).toMatchObject({ help: "Why A", displayType: "NODISPLAY", breakType: "STARTCOL" });
  });

  it("keeps Oracle's ID rules: lowercase without spaces, custpage on an existing page", () => {
    const suitelet = createForm("suitelet").form as Obj;
    // A Suitelet's own page needs no custpage prefix.
    suitelet.addField?.({ id: "status", type: "TEXT", label: "S" });
    suitelet.addSublist?.({ id: "runs", type: "LIST", label: "R" });
    suitelet.addButton?.({ id: "Refresh", label: "R" });
    expect(() => suitelet.addField?.({ id: "custpage_Status", type: "TEXT", label: "S" })).toThrow(
      'UNSUPPORTED_BY_EMULATOR: N/ui/serverWidget.Form.addField with id "custpage_Status", which is not in lowercase',
    );
    expect(() => suitelet.addSubtab?.({ id: "my tab", label: "T" })).toThrow("contains spaces");
    expect(() => suitelet.addTab?.({ id: "Main", label: "T" })).toThrow("Form.addTab");
    const list = suitelet.addSublist?.({ id: "jobs", type: "LIST", label: "J" }) as Obj;
    expect(() => list.addButton?.({ id: "Mark", label: "M" })).toThrow("Sublist.addButton");
    expect(() => list.addField?.({ id: "Job", type: "TEXT", label: "J" })).toThrow("Sublist.addField");

    const record = createForm("beforeLoad").form as Obj;
    record.addField?.({ id: "custpage_ok", type: "TEXT", label: "OK" });
    expect(() => record.addField?.({ id: "status", type: "TEXT", label: "S" })).toThrow(
      "lacks the prefix custpage an object added to an existing page needs",
    );
    expect(() => record.addButton?.({ id: "sync", label: "S" })).toThrow("Form.addButton");
    expect(() => record.addSublist?.({ id: "runs", type: "LIST", label: "R" })).toThrow("Form.addSublist");
  });

  it("refuses the field types Oracle rules out for sublists and addField, and FILE off a Suitelet's main tab", () => {
    const form = createForm("suitelet").form as Obj;
    const list = form.addSublist?.({ id: "custpage_l", type: "LIST", label: "L" }) as Obj;
    for (const type of [
      "DATETIME",
      "FILE",
      "HELP",
      "INLINEHTML",
      "LABEL",
      "LONGTEXT",
      "MULTISELECT",
      "RADIO",
      "RICHTEXT",
    ]) {
      expect(() => list.addField?.({ id: "custpage_f", type, label: "F" })).toThrow(
        `UNSUPPORTED_BY_EMULATOR: N/ui/serverWidget.Sublist.addField of type ${type}`,
      );
    }
    for (const type of ["CHECKBOX", "TEXT", "INTEGER", "DATETIMETZ", "SELECT", "IMAGE", "CURRENCY"]) {
      list.addField?.({ id: `custpage_${type.toLowerCase()}`, type, label: type });
    }
    expect(() => form.addField?.({ id: "custpage_dt", type: "DATETIME", label: "D" })).toThrow(
      "use DATETIMETZ",
    );
    form.addField?.({ id: "custpage_file", type: "FILE", label: "F" });
    form.addFieldGroup?.({ id: "custpage_g", label: "G" });
    expect(() =>
      form.addField?.({ id: "custpage_file2", type: "FILE", label: "F", container: "custpage_g" }),
    ).toThrow("FILE fields are for a Suitelet's main tab only");
    expect(() =>
      (createForm("beforeLoad").form as Obj).addField?.({ id: "custpage_file", type: "FILE", label: "F" }),
    ).toThrow("FILE fields are for a Suitelet's main tab only");
  });
});

const field = (id: string, type: string, more: Partial<PageField> = {}): PageField => ({
  id,
  label: id.replace("custpage_", ""),
  type,
  defaultValue: null,
  displayType: "NORMAL",
  mandatory: false,
  ...more,
});

const basePage = (more: Partial<PageData>): PageData => ({
  title: "Stripe Sync",
  hideNavBar: false,
  fields: [],
  fieldGroups: [],
  tabs: [],
  subtabs: [],
  sublists: [],
  buttons: [],
  pageLinks: [],
  ...more,
});

const render = (page: PageData) => renderFormPage(page, { action: "/x" });

describe("rendering an operations page", () => {
  it("shows tabs (and subtabs) only when the form has two or more with objects, as Oracle says", () => {
    const two = render(
      basePage({
        fields: [
          field("custpage_main", "TEXT"),
          field("custpage_a", "TEXT", { container: "custpage_general" }),
          field("custpage_b", "TEXT", { container: "custpage_schedule" }),
        ],
        subtabs: [
          { id: "custpage_general", label: "General" },
          { id: "custpage_schedule", label: "Schedule" },
          { id: "custpage_empty", label: "Empty" },
        ],
      }),
    );
    expect(two).toContain(
      '<nav class="ns-subtab-bar"><a href="#custpage_general" class="ns-subtab-link" data-tab-id="custpage_general">General</a><a href="#custpage_schedule" class="ns-subtab-link" data-tab-id="custpage_schedule">Schedule</a></nav>',
    );
    expect(two).toContain(
      '<section class="ns-subtab" id="custpage_general" data-tab-id="custpage_general"><h3 class="ns-tab-label">General</h3>',
    );
    // A subtab without objects does not appear.
    expect(two).not.toContain("Empty");
    expect(two.indexOf('id="custpage_main_fs"')).toBeLessThan(two.indexOf("ns-subtab-bar"));

    // One tab with objects: no tab, its fields at the bottom of the form.
    const one = render(
      basePage({
        fields: [field("custpage_main", "TEXT"), field("custpage_a", "TEXT", { container: "custpage_tab" })],
        tabs: [
          { id: "custpage_tab", label: "Only" },
          { id: "custpage_none", label: "None" },
        ],
      }),
    );
    expect(one).not.toContain("ns-tab");
    expect(one).not.toContain("Only");
    expect(one.indexOf('id="custpage_a_fs"')).toBeGreaterThan(one.indexOf('id="custpage_main_fs"'));
  });

  it("makes a field's label open its help text as a popup, and keeps a NODISPLAY field hidden but posting", () => {
    const html = render(
      basePage({
        fields: [
          field("custpage_count", "INTEGER", {
            help: "How many items <the> retry processes.",
            defaultValue: "3",
          }),
          field("custpage_secret", "TEXT", { displayType: "NODISPLAY", defaultValue: "k" }),
        ],
        submitButton: { label: "Retry failed" },
      }),
    );
    expect(html).toContain(
      '<label for="custpage_count" class="ns-label" title="How many items &lt;the&gt; retry processes."><button type="button" class="ns-help-trigger" popovertarget="custpage_count_help">count</button></label><div popover="" id="custpage_count_help" class="ns-help-popup" role="tooltip">How many items &lt;the&gt; retry processes.</div>',
    );
    expect(html).toContain(
      '<div class="ns-field" id="custpage_secret_fs" data-field-id="custpage_secret" data-field-type="text" hidden><label for="custpage_secret" class="ns-label">secret</label><input type="text" id="custpage_secret" name="custpage_secret" value="k"></div>',
    );
    // The submit button posts its label as `submitter`.
    expect(html).toContain(
      '<button type="submit" class="ns-button ns-submit" id="submitter" name="submitter" value="Retry failed">Retry failed</button>',
    );
  });

  it("renders a LIST sublist of 1,000 lines, its Mark All buttons and their script, and column help", () => {
    const lines = Array.from({ length: 1000 }, (_, i) => ({ custpage_job: String(i) }));
    const sublist: PageSublist = {
      id: "custpage_runs",
      label: "Jobs",
      type: "LIST",
      fields: [
        field("custpage_pick", "CHECKBOX"),
        field("custpage_job", "TEXT", { help: "The job's internal ID" }),
      ],
      lines,
      buttons: [],
      markAllButtons: true,
    };
    const html = render(basePage({ sublists: [sublist] }));
    expect(html.match(/<tr class="ns-sublist-line"/g)).toHaveLength(1000);
    expect(html).toContain('name="custpage_runs[999][custpage_pick]"');
    expect(html).toContain(
      '<input type="hidden" id="custpage_runs__lines" name="custpage_runs__lines" value="1000">',
    );
    expect(html).toContain('data-action="markall"');
    expect(html).toContain('data-action="unmarkall"');
    expect(html).toContain("<script>");
    expect(html).toContain(
      '<th data-field-id="custpage_job" data-field-type="text" title="The job&#39;s internal ID"><button type="button" class="ns-help-trigger" popovertarget="custpage_runs_custpage_job_help">job</button>',
    );
    // Without Mark All or Refresh buttons, no script.
    expect(render(basePage({ sublists: [{ ...sublist, markAllButtons: false }] }))).not.toContain("<script>");
  });

  it("renders STATICLIST sublists read-only and a NODISPLAY sublist in a hidden block that still posts", () => {
    const sublist: PageSublist = {
      id: "custpage_s",
      label: "S",
      type: "STATICLIST",
      fields: [field("custpage_pick", "CHECKBOX"), field("custpage_n", "TEXT")],
      lines: [{ custpage_pick: "T", custpage_n: "1" }],
      buttons: [],
    };
    const staticList = renderSublist(sublist);
    expect(staticList).not.toContain("<input");
    expect(staticList).toContain(">Yes</td>");
    const hidden = renderSublist({ ...sublist, type: "LIST", displayType: "NODISPLAY" });
    expect(hidden).toMatch(/^<div class="ns-sublist-block" id="custpage_s_layer" hidden>/);
    expect(hidden).toContain('name="custpage_s[0][custpage_pick]"');
    expect(renderSublist({ ...sublist, displayType: "HIDDEN" })).toBe("");
  });
});
