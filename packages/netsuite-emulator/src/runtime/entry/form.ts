/**
 * A minimal serverWidget.Form for user event beforeLoad (Oracle: "serverWidget.Form"): it records
 * what the script adds (buttons, fields, field groups, tabs, the client script) as plain data, which
 * part 2's record pages render. Anything else throws UNSUPPORTED_BY_EMULATOR.
 */
import { missingArgument, unsupported } from "../../errors.js";
import type { FormAdditions, FormFieldAddition } from "./types.js";

type Options = Record<string, unknown>;

function opts(arg: unknown): Options {
  return typeof arg === "object" && arg !== null ? (arg as Options) : {};
}

function req(o: Options, name: string, member: string): string {
  const v = o[name];
  if (v === undefined || v === null || v === "") throw missingArgument(member, `options.${name}`);
  return String(v);
}

const FORM_UNSUPPORTED = [
  "addCredentialField",
  "addPageLink",
  "addResetButton",
  "addSecretKeyField",
  "addSublist",
  "addSubmitButton",
  "addSubtab",
  "getButton",
  "getSublist",
  "getSubtab",
  "getTab",
  "getTabs",
  "insertField",
  "insertSublist",
  "insertSubtab",
  "insertTab",
  "removeButton",
  "updateDefaultValues",
];

/** The field object `addField` returns: its updates are recorded on the addition. */
function fieldObject(field: FormFieldAddition): Record<string, unknown> {
  const self: Record<string, unknown> = {
    id: field.id,
    label: field.label,
    type: field.type,
    updateDisplayType(arg: unknown) {
      field.displayType = req(opts(arg), "displayType", "Field.updateDisplayType");
      return self;
    },
    updateBreakType(arg: unknown) {
      field.breakType = req(opts(arg), "breakType", "Field.updateBreakType");
      return self;
    },
    updateLayoutType(arg: unknown) {
      field.layoutType = req(opts(arg), "layoutType", "Field.updateLayoutType");
      return self;
    },
    setHelpText(arg: unknown) {
      field.helpText = req(opts(arg), "help", "Field.setHelpText");
      return self;
    },
    addSelectOption: () => {
      throw unsupported("serverWidget.Field.addSelectOption");
    },
  };
  Object.defineProperty(self, "defaultValue", {
    get: () => field.defaultValue,
    set: (v: unknown) => {
      field.defaultValue = v;
    },
    enumerable: true,
  });
  Object.defineProperty(self, "isMandatory", {
    get: () => field.isMandatory ?? false,
    set: (v: unknown) => {
      field.isMandatory = Boolean(v);
    },
    enumerable: true,
  });
  return self;
}

export function createForm(): { form: Record<string, unknown>; additions: FormAdditions } {
  const additions: FormAdditions = { buttons: [], fields: [], fieldGroups: [], tabs: [] };
  const form: Record<string, unknown> = {
    addButton(arg: unknown) {
      const o = opts(arg);
      const button = { id: req(o, "id", "Form.addButton"), label: req(o, "label", "Form.addButton") };
      additions.buttons.push(
        o.functionName === undefined ? button : { ...button, functionName: String(o.functionName) },
      );
      return { id: button.id, label: button.label, isDisabled: false, isHidden: false };
    },
    addField(arg: unknown) {
      const o = opts(arg);
      const field: FormFieldAddition = {
        id: req(o, "id", "Form.addField"),
        type: req(o, "type", "Form.addField"),
        label: req(o, "label", "Form.addField"),
      };
      if (o.source !== undefined) field.source = String(o.source);
      if (o.container !== undefined) field.container = String(o.container);
      additions.fields.push(field);
      return fieldObject(field);
    },
    addFieldGroup(arg: unknown) {
      const o = opts(arg);
      const group = { id: req(o, "id", "Form.addFieldGroup"), label: req(o, "label", "Form.addFieldGroup") };
      additions.fieldGroups.push(o.tab === undefined ? group : { ...group, tab: String(o.tab) });
      return { ...group };
    },
    addTab(arg: unknown) {
      const o = opts(arg);
      const tab = { id: req(o, "id", "Form.addTab"), label: req(o, "label", "Form.addTab") };
      additions.tabs.push(tab);
      return { ...tab };
    },
    getField(arg: unknown) {
      const id = typeof arg === "string" ? arg : req(opts(arg), "id", "Form.getField");
      const added = additions.fields.find((f) => f.id === id);
      // Standard fields of the record's form are not modelled.
      if (!added) throw unsupported(`serverWidget.Form.getField (${id}: fields of the standard form)`);
      return fieldObject(added);
    },
  };
  for (const member of FORM_UNSUPPORTED) {
    form[member] = () => {
      throw unsupported(`serverWidget.Form.${member}`);
    };
  }
  const accessor = <K extends "clientScriptModulePath" | "clientScriptFileId" | "title">(
    key: K,
    convert: (v: unknown) => FormAdditions[K],
  ) =>
    Object.defineProperty(form, key, {
      get: () => additions[key],
      set: (v: unknown) => {
        additions[key] = convert(v);
      },
      enumerable: true,
    });
  accessor("clientScriptModulePath", (v) => String(v));
  accessor("clientScriptFileId", (v) => Number(v));
  accessor("title", (v) => String(v));
  return { form, additions };
}
