/**
 * serverWidget.Form (Oracle: "serverWidget.Form", "Form Object Members"), one implementation for the
 * Suitelet form (`serverWidget.createForm`, written with `response.writePage`) and the user event
 * beforeLoad form. It records what the script builds as plain data: `additions()` for beforeLoad (the
 * record pages render it), `page()` for a Suitelet. On a beforeLoad form the standard fields and
 * buttons of the record are not modelled, and submit/reset buttons and page links are unsupported
 * (the record page has its own Save). Select fields with a `source` get no options filled in.
 */
import { unsupported } from "../../errors.js";
import {
  addButton,
  buttonObject,
  checkId,
  fieldGroupObject,
  fieldObject,
  newField,
  opts,
  type PageKind,
  plainValue,
  req,
  type SublistState,
  sublistObject,
  tabObject,
} from "./form-parts.js";
import type {
  FormAdditions,
  FormButtonData,
  FormFieldAddition,
  FormFieldGroupData,
  FormTabData,
  PageData,
  PageField,
  PageSublist,
} from "./types.js";

export type FormKind = "suitelet" | "beforeLoad";

interface FormState {
  title?: string;
  hideNavBar: boolean;
  fields: FormFieldAddition[];
  buttons: FormButtonData[];
  fieldGroups: FormFieldGroupData[];
  tabs: FormTabData[];
  subtabs: FormTabData[];
  sublists: SublistState[];
  submitButton?: FormButtonData;
  resetButton?: FormButtonData;
  clientScriptModulePath?: string;
  clientScriptFileId?: number;
  pageLinks: { type: string; title: string; url: string }[];
}

export interface BuiltForm {
  form: Record<string, unknown>;
  /** beforeLoad's output: only what the script added, optional members only when used. */
  additions(): FormAdditions;
  /** writePage's snapshot. */
  page(): PageData;
}

/** Forms this worker made, so writePage can tell a Form from any other object. */
const FORMS = new WeakMap<object, BuiltForm>();

export function builtForm(value: unknown): BuiltForm | undefined {
  return typeof value === "object" && value !== null ? FORMS.get(value) : undefined;
}

const SUITELET_ONLY = ["addSubmitButton", "addResetButton", "addPageLink"];
const ALWAYS_UNSUPPORTED = ["addCredentialField", "addSecretKeyField"];

/** Moves the item with id `id` before the one with id `next` (Form.insertField and friends). */
function insertBefore<T extends { id: string }>(list: T[], id: string, next: string): void {
  const from = list.findIndex((x) => x.id === id);
  const to = list.findIndex((x) => x.id === next);
  if (from < 0 || to < 0 || from === to) return;
  const [item] = list.splice(from, 1);
  list.splice(
    list.findIndex((x) => x.id === next),
    0,
    item as T,
  );
}

function idOf(value: unknown): string {
  return typeof value === "object" && value !== null ? String((value as { id?: unknown }).id ?? "") : "";
}

/** NetSuite keeps default values as strings: checkbox true → "T", multiselect → string[]. */
function pageValue(v: unknown): string | string[] | null {
  const plain = plainValue(v);
  if (plain === null || Array.isArray(plain)) return plain as string[] | null;
  if (typeof plain === "boolean") return plain ? "T" : "F";
  return String(plain);
}

export function pageField(f: FormFieldAddition): PageField {
  const out: PageField = {
    id: f.id,
    label: f.label,
    type: f.type,
    defaultValue: pageValue(f.defaultValue),
    displayType: f.displayType ?? "NORMAL",
    mandatory: f.isMandatory ?? false,
  };
  if (f.source !== undefined) out.source = f.source;
  if (f.container !== undefined) out.container = f.container;
  if (f.layoutType !== undefined) out.layoutType = f.layoutType;
  if (f.breakType !== undefined) out.breakType = f.breakType;
  if (f.helpText !== undefined) out.help = f.helpText;
  if (f.maxLength !== undefined) out.maxLength = f.maxLength;
  if (f.options) out.options = f.options.map((o) => ({ ...o }));
  if (f.displaySize) out.displaySize = { ...f.displaySize };
  return out;
}

function sublistData(s: SublistState): PageSublist {
  return {
    ...s,
    fields: s.fields.map(pageField),
    lines: s.lines.map((l) => ({ ...l })),
    buttons: s.buttons.map((b) => ({ ...b })),
  };
}

export function createForm(
  kind: FormKind = "beforeLoad",
  init: { title?: string; hideNavBar?: boolean } = {},
): BuiltForm {
  // A Suitelet's form is a page of its own; beforeLoad adds to a record's existing page.
  const page: PageKind = kind === "suitelet" ? "new" : "existing";
  const state: FormState = {
    hideNavBar: init.hideNavBar ?? false,
    fields: [],
    buttons: [],
    fieldGroups: [],
    tabs: [],
    subtabs: [],
    sublists: [],
    pageLinks: [],
  };
  if (init.title !== undefined) state.title = init.title;
  const find = <T extends { id: string }>(list: T[], arg: unknown, member: string): T | undefined => {
    const id = typeof arg === "string" ? arg : req(opts(arg), "id", member);
    return list.find((x) => x.id === id);
  };
  const form: Record<string, unknown> = {
    addButton: (arg: unknown) => addButton(state.buttons, arg, "Form.addButton", page),
    addField(arg: unknown) {
      const field = newField(arg, "Form.addField", page);
      // Radio buttons of one group share an id; each addField adds one choice (its `source` is the value).
      const group = state.fields.find((f) => f.id === field.id && f.type.toUpperCase() === "RADIO");
      if (group && field.type.toUpperCase() === "RADIO") {
        group.options = [...(group.options ?? []), { value: field.source ?? "", text: field.label }];
        return fieldObject(group);
      }
      if (field.type.toUpperCase() === "RADIO")
        field.options = [{ value: field.source ?? "", text: field.label }];
      state.fields.push(field);
      return fieldObject(field);
    },
    addFieldGroup(arg: unknown) {
      const o = opts(arg);
      const group: FormFieldGroupData = {
        id: req(o, "id", "Form.addFieldGroup"),
        label: req(o, "label", "Form.addFieldGroup"),
      };
      if (o.tab !== undefined && o.tab !== null) group.tab = String(o.tab);
      state.fieldGroups.push(group);
      return fieldGroupObject(group);
    },
    addTab(arg: unknown) {
      const o = opts(arg);
      const tab: FormTabData = { id: req(o, "id", "Form.addTab"), label: req(o, "label", "Form.addTab") };
      checkId(tab.id, "Form.addTab", page);
      state.tabs.push(tab);
      return tabObject(tab);
    },
    addSubtab(arg: unknown) {
      const o = opts(arg);
      const tab: FormTabData = {
        id: req(o, "id", "Form.addSubtab"),
        label: req(o, "label", "Form.addSubtab"),
      };
      checkId(tab.id, "Form.addSubtab", page);
      if (o.tab !== undefined && o.tab !== null) tab.tab = String(o.tab);
      state.subtabs.push(tab);
      return tabObject(tab);
    },
    addSublist(arg: unknown) {
      const o = opts(arg);
      const sublist: SublistState = {
        id: req(o, "id", "Form.addSublist"),
        label: req(o, "label", "Form.addSublist"),
        type: req(o, "type", "Form.addSublist"),
        fields: [],
        lines: [],
        buttons: [],
      };
      checkId(sublist.id, "Form.addSublist", page);
      if (o.tab !== undefined && o.tab !== null) sublist.tab = String(o.tab);
      state.sublists.push(sublist);
      return sublistObject(sublist, page);
    },
    /** "If no label is provided, the label defaults to 'Save'" (Form.addSubmitButton(options), section_4543597606). */
    addSubmitButton(arg: unknown) {
      const label = opts(arg).label;
      state.submitButton = { id: "submitter", label: label ? String(label) : "Save" };
      return buttonObject(state.submitButton);
    },
    addResetButton(arg: unknown) {
      const label = opts(arg).label;
      state.resetButton = { id: "resetter", label: label ? String(label) : "Reset" };
      return buttonObject(state.resetButton);
    },
    addPageLink(arg: unknown) {
      const o = opts(arg);
      state.pageLinks.push({
        type: req(o, "type", "Form.addPageLink"),
        title: req(o, "title", "Form.addPageLink"),
        url: req(o, "url", "Form.addPageLink"),
      });
    },
    getField(arg: unknown) {
      const added = find(state.fields, arg, "Form.getField");
      if (added) return fieldObject(added);
      // The record's standard fields are not modelled on a beforeLoad form.
      if (kind === "beforeLoad")
        throw unsupported(
          `N/ui/serverWidget.Form.getField (${typeof arg === "string" ? arg : String(opts(arg).id)}: fields of the standard form)`,
        );
      return null;
    },
    getButton(arg: unknown) {
      const b =
        find(state.buttons, arg, "Form.getButton") ??
        [state.submitButton, state.resetButton].find(
          (x) => x?.id === (typeof arg === "string" ? arg : opts(arg).id),
        );
      return b ? buttonObject(b) : null;
    },
    getSublist(arg: unknown) {
      const s = find(state.sublists, arg, "Form.getSublist");
      return s ? sublistObject(s, page) : null;
    },
    getTab(arg: unknown) {
      const t = find(state.tabs, arg, "Form.getTab");
      return t ? tabObject(t) : null;
    },
    getSubtab(arg: unknown) {
      const t = find(state.subtabs, arg, "Form.getSubtab");
      return t ? tabObject(t) : null;
    },
    getTabs: () => state.tabs.map(tabObject),
    removeButton(arg: unknown) {
      const id = req(opts(arg), "id", "Form.removeButton");
      const at = state.buttons.findIndex((b) => b.id === id);
      if (at >= 0) state.buttons.splice(at, 1);
      else if (state.submitButton?.id === id) delete state.submitButton;
      else if (state.resetButton?.id === id) delete state.resetButton;
      else if (kind === "beforeLoad")
        throw unsupported(`N/ui/serverWidget.Form.removeButton (${id}: buttons of the standard form)`);
    },
    /** `{values: {...}}` as documented; a bare map of field ids is accepted too. */
    updateDefaultValues(arg: unknown) {
      const o = opts(arg);
      const values = opts(o.values ?? o);
      for (const [id, value] of Object.entries(values)) {
        const field = state.fields.find((f) => f.id === id);
        if (field) field.defaultValue = plainValue(value);
      }
    },
    insertField(arg: unknown) {
      const o = opts(arg);
      insertBefore(state.fields, idOf(o.field), req(o, "nextfield", "Form.insertField"));
    },
    insertSublist(arg: unknown) {
      const o = opts(arg);
      insertBefore(state.sublists, idOf(o.sublist), req(o, "nextsublist", "Form.insertSublist"));
    },
    insertTab(arg: unknown) {
      const o = opts(arg);
      insertBefore(state.tabs, idOf(o.tab), req(o, "nexttab", "Form.insertTab"));
    },
    insertSubtab(arg: unknown) {
      const o = opts(arg);
      insertBefore(state.subtabs, idOf(o.subtab), req(o, "nextsub", "Form.insertSubtab"));
    },
  };
  const unsupportedHere =
    kind === "beforeLoad" ? [...ALWAYS_UNSUPPORTED, ...SUITELET_ONLY] : ALWAYS_UNSUPPORTED;
  for (const member of unsupportedHere) {
    form[member] = () => {
      throw unsupported(`N/ui/serverWidget.Form.${member}`);
    };
  }
  const accessor = (
    key: "clientScriptModulePath" | "clientScriptFileId" | "title",
    convert: (v: unknown) => never,
  ) =>
    Object.defineProperty(form, key, {
      get: () => state[key],
      set: (v: unknown) => {
        state[key] = convert(v);
      },
      enumerable: true,
    });
  accessor("clientScriptModulePath", (v) => String(v) as never);
  accessor("clientScriptFileId", (v) => Number(v) as never);
  accessor("title", (v) => String(v) as never);

  const built: BuiltForm = {
    form,
    additions() {
      const out: FormAdditions = {
        buttons: state.buttons.map((b) => ({ ...b })),
        fields: state.fields.map((f) => structuredClone(f)),
        fieldGroups: state.fieldGroups.map((g) => ({ ...g })),
        tabs: state.tabs.map((t) => ({ ...t })),
      };
      if (state.title !== undefined) out.title = state.title;
      if (state.subtabs.length > 0) out.subtabs = state.subtabs.map((t) => ({ ...t }));
      if (state.sublists.length > 0) out.sublists = state.sublists.map(sublistData);
      if (state.clientScriptModulePath !== undefined)
        out.clientScriptModulePath = state.clientScriptModulePath;
      if (state.clientScriptFileId !== undefined) out.clientScriptFileId = state.clientScriptFileId;
      return out;
    },
    page() {
      const page: PageData = {
        title: state.title ?? "",
        hideNavBar: state.hideNavBar,
        fields: state.fields.map(pageField),
        fieldGroups: state.fieldGroups.map((g) => ({ ...g })),
        tabs: state.tabs.map((t) => ({ ...t })),
        subtabs: state.subtabs.map((t) => ({ ...t })),
        sublists: state.sublists.map(sublistData),
        buttons: state.buttons.map((b) => ({ ...b })),
        pageLinks: state.pageLinks.map((l) => ({ ...l })),
      };
      const { id: _s, ...submit } = state.submitButton ?? { id: "" };
      if (state.submitButton) page.submitButton = submit as NonNullable<PageData["submitButton"]>;
      const { id: _r, ...reset } = state.resetButton ?? { id: "" };
      if (state.resetButton) page.resetButton = reset as NonNullable<PageData["resetButton"]>;
      if (state.clientScriptModulePath !== undefined)
        page.clientScriptModulePath = state.clientScriptModulePath;
      if (state.clientScriptFileId !== undefined) page.clientScriptFileId = state.clientScriptFileId;
      return page;
    },
  };
  FORMS.set(form, built);
  return built;
}
