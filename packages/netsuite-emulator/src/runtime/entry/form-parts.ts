/**
 * The serverWidget objects a form hands out (Oracle: "serverWidget.Field", "serverWidget.Button",
 * "serverWidget.FieldGroup", "serverWidget.Tab", "serverWidget.Sublist"). Each is a view over plain
 * state that form.ts snapshots, so what a script changes after adding an object still shows.
 * `setSublistValue` refusing an empty value (SSS_MISSING_REQD_ARGUMENT) matches NetSuite's known
 * behaviour; the other messages follow the emulator's missing-argument style.
 *
 * Internal IDs follow Oracle's rules (`checkId`): "must be in lowercase, contain no spaces, and include
 * the prefix custpage if you are adding the field to an existing page" (Form.addField(options),
 * section_4337905245; the same for Form.addSublist, section_4339569512, Form.addTab,
 * section_4339625909, Form.addSubtab, section_4338820096); Form.addButton applies all three only on
 * an existing page (section_4337761696); Sublist.addButton and Sublist.addField: "in lowercase and
 * without spaces" (section_453578124999, section_456415649413). Oracle documents no error for an ID that breaks them, so such an ID is
 * UNSUPPORTED_BY_EMULATOR rather than a guessed NetSuite error.
 */
import { missingArgument, unsupported } from "../../errors.js";
import type {
  FormButtonData,
  FormFieldAddition,
  FormFieldGroupData,
  FormTabData,
  PageSublist,
  SelectOption,
} from "./types.js";

type Options = Record<string, unknown>;
type Obj = Record<string, unknown>;

export function opts(arg: unknown): Options {
  return typeof arg === "object" && arg !== null && !Array.isArray(arg) ? (arg as Options) : {};
}

/** Where an object is added: a Suitelet's own page, or an existing page (a record's, in beforeLoad). */
export type PageKind = "new" | "existing";

/** Which of Oracle's ID rules a member's page states (see the header). */
const ID_RULES: Readonly<Record<string, { always: boolean; custpage: boolean }>> = {
  "Form.addField": { always: true, custpage: true },
  "Form.addSublist": { always: true, custpage: true },
  "Form.addTab": { always: true, custpage: true },
  "Form.addSubtab": { always: true, custpage: true },
  "Form.addButton": { always: false, custpage: true },
  "Sublist.addButton": { always: true, custpage: false },
  "Sublist.addField": { always: true, custpage: false },
};

/** Refuses an internal ID that breaks the rules Oracle states for `member` (UNSUPPORTED_BY_EMULATOR). */
export function checkId(id: string, member: string, page: PageKind): void {
  const rule = ID_RULES[member];
  if (!rule || (!rule.always && page === "new")) return;
  const problems: string[] = [];
  if (id !== id.toLowerCase()) problems.push("is not in lowercase");
  if (/\s/.test(id)) problems.push("contains spaces");
  if (rule.custpage && page === "existing" && !id.startsWith("custpage")) {
    problems.push("lacks the prefix custpage an object added to an existing page needs");
  }
  if (problems.length === 0) return;
  throw unsupported(
    `N/ui/serverWidget.${member} with id "${id}", which ${problems.join(" and ")} (Oracle's rule for internal IDs; what NetSuite does with such an ID is not documented)`,
  );
}

export function req(o: Options, name: string, member: string): string {
  const v = o[name];
  if (v === undefined || v === null || v === "") throw missingArgument(member, `options.${name}`);
  return String(v);
}

/** Defines a read/write property backed by `get`/`set`. */
export function prop(target: Obj, name: string, get: () => unknown, set?: (v: unknown) => void): void {
  Object.defineProperty(target, name, {
    get,
    set: set ?? (() => undefined),
    enumerable: true,
  });
}

/** Values crossing to the main thread must be plain: script-realm arrays and dates are copied. */
export function plainValue(v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (Array.isArray(v)) return v.map((x) => String(x));
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (Object.prototype.toString.call(v) === "[object Date]") {
    const d = v as Date;
    return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}`; // the user's fixed preferences: M/D/YYYY, UTC
  }
  return String(v);
}

const num = (v: unknown) => (v === undefined || v === null ? undefined : Number(v));

/** Field.getSelectOptions filter: `contains` (default), `is` or `startswith` on the option text. */
function filterOptions(options: SelectOption[], arg: unknown): { value: string; text: string }[] {
  const o = opts(arg);
  const all = options.map((x) => ({ value: x.value, text: x.text }));
  if (o.filter === undefined || o.filter === null || o.filter === "") return all;
  const f = String(o.filter).toLowerCase();
  const op = String(o.filteroperator ?? "contains").toLowerCase();
  return all.filter((x) => {
    const t = x.text.toLowerCase();
    return op === "is" ? t === f : op === "startswith" ? t.startsWith(f) : t.includes(f);
  });
}

/** serverWidget.Field over `field`; updates return the field, as NetSuite's do (for chaining). */
export function fieldObject(field: FormFieldAddition): Obj {
  const self: Obj = {
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
    updateDisplaySize(arg: unknown) {
      const o = opts(arg);
      const height = Number(req(o, "height", "Field.updateDisplaySize"));
      field.displaySize = { width: Number(req(o, "width", "Field.updateDisplaySize")), height };
      return self;
    },
    updateLabel(arg: unknown) {
      field.label = req(opts(arg), "label", "Field.updateLabel");
      return self;
    },
    /** "When the field label is clicked, a popup displays the help text" (Field.setHelpText(options), section_4335195721). */
    setHelpText(arg: unknown) {
      const o = opts(arg);
      field.helpText = req(o, "help", "Field.setHelpText");
      return self;
    },
    /** Blank options (`{value: "", text: ""}`) are common and allowed. */
    addSelectOption(arg: unknown) {
      const o = opts(arg);
      if (o.value === undefined || o.value === null)
        throw missingArgument("Field.addSelectOption", "options.value");
      if (o.text === undefined || o.text === null)
        throw missingArgument("Field.addSelectOption", "options.text");
      const option: SelectOption = { value: String(o.value), text: String(o.text) };
      if (o.isSelected === true) {
        option.isSelected = true;
        field.defaultValue = option.value;
      }
      field.options = [...(field.options ?? []), option];
    },
    getSelectOptions: (arg: unknown) => filterOptions(field.options ?? [], arg),
    setCredentialValue: () => {
      throw unsupported("N/ui/serverWidget.Field.setCredentialValue");
    },
  };
  prop(self, "id", () => field.id);
  prop(self, "type", () => field.type);
  // Field.helpText (section_158166710285): read-only, what setHelpText set.
  prop(self, "helpText", () => field.helpText);
  prop(
    self,
    "label",
    () => field.label,
    (v) => {
      field.label = String(v);
    },
  );
  prop(
    self,
    "defaultValue",
    () => field.defaultValue,
    (v) => {
      field.defaultValue = plainValue(v);
    },
  );
  prop(
    self,
    "isMandatory",
    () => field.isMandatory ?? false,
    (v) => {
      field.isMandatory = Boolean(v);
    },
  );
  for (const key of ["maxLength", "padding", "richTextHeight", "richTextWidth"] as const) {
    prop(
      self,
      key,
      () => field[key],
      (v) => {
        field[key] = num(v);
      },
    );
  }
  return self;
}

export function buttonObject(button: FormButtonData): Obj {
  const self: Obj = {};
  prop(self, "id", () => button.id);
  prop(
    self,
    "label",
    () => button.label,
    (v) => {
      button.label = String(v);
    },
  );
  for (const key of ["isDisabled", "isHidden"] as const) {
    prop(
      self,
      key,
      () => button[key] ?? false,
      (v) => {
        button[key] = Boolean(v);
      },
    );
  }
  return self;
}

export function fieldGroupObject(group: FormFieldGroupData): Obj {
  const self: Obj = {};
  prop(self, "id", () => group.id);
  prop(
    self,
    "label",
    () => group.label,
    (v) => {
      group.label = String(v);
    },
  );
  for (const key of ["isSingleColumn", "isBorderHidden", "isCollapsible", "isCollapsed"] as const) {
    prop(
      self,
      key,
      () => group[key] ?? false,
      (v) => {
        group[key] = Boolean(v);
      },
    );
  }
  return self;
}

export function tabObject(tab: FormTabData): Obj {
  const self: Obj = {};
  prop(self, "id", () => tab.id);
  prop(
    self,
    "label",
    () => tab.label,
    (v) => {
      tab.label = String(v);
    },
  );
  prop(
    self,
    "helpText",
    () => tab.helpText,
    (v) => {
      tab.helpText = String(v);
    },
  );
  return self;
}

/** A sublist field is kept as a FormFieldAddition and snapshotted like the form's fields. */
export interface SublistState extends Omit<PageSublist, "fields"> {
  fields: FormFieldAddition[];
}

export function addButton(list: FormButtonData[], arg: unknown, member: string, page: PageKind): Obj {
  const o = opts(arg);
  const button: FormButtonData = { id: req(o, "id", member), label: req(o, "label", member) };
  checkId(button.id, member, page);
  if (o.functionName !== undefined && o.functionName !== null) button.functionName = String(o.functionName);
  list.push(button);
  return buttonObject(button);
}

export function newField(arg: unknown, member: string, page: PageKind): FormFieldAddition {
  const o = opts(arg);
  const field: FormFieldAddition = {
    id: req(o, "id", member),
    type: req(o, "type", member),
    label: req(o, "label", member),
  };
  checkId(field.id, member, page);
  if (o.source !== undefined && o.source !== null) field.source = String(o.source);
  if (o.container !== undefined && o.container !== null) field.container = String(o.container);
  checkFieldType(field, member, page);
  return field;
}

/**
 * Field types Oracle rules out (serverWidget.FieldType, section_4332671056; Sublist.addField(options),
 * section_456415649413): "The DATETIME field type is not supported with addField methods, you must
 * specify DATETIMETZ"; "The DATETIME, FILE, HELP, INLINEHTML, LABEL, LONGTEXT, MULTISELECT, RADIO and
 * RICHTEXT values are not supported with" Sublist.addField; FILE fields "cannot be added to tabs,
 * subtabs, sublists, or field groups and are not allowed on existing pages". NetSuite's error for
 * each is not documented: UNSUPPORTED_BY_EMULATOR.
 */
const NOT_IN_SUBLISTS: ReadonlySet<string> = new Set([
  "DATETIME",
  "FILE",
  "HELP",
  "INLINEHTML",
  "LABEL",
  "LONGTEXT",
  "MULTISELECT",
  "RADIO",
  "RICHTEXT",
]);

export function checkFieldType(field: FormFieldAddition, member: string, page: PageKind): void {
  const type = field.type.toUpperCase();
  const refuse = (why: string) =>
    unsupported(
      `N/ui/serverWidget.${member} of type ${field.type} (${field.id}): ${why}; NetSuite's error is not documented`,
    );
  if (member === "Sublist.addField" && NOT_IN_SUBLISTS.has(type))
    throw refuse("Oracle does not support this type in sublists");
  if (type === "DATETIME") throw refuse("Oracle: not supported with addField methods, use DATETIMETZ");
  if (type === "FILE" && (page === "existing" || field.container !== undefined))
    throw refuse("Oracle: FILE fields are for a Suitelet's main tab only");
}

export function sublistObject(sublist: SublistState, page: PageKind): Obj {
  const line = (o: Options, member: string) => {
    const n = Number(req(o, "line", member));
    if (!Number.isInteger(n) || n < 0) throw missingArgument(member, "options.line");
    return n;
  };
  const self: Obj = {
    addField(arg: unknown) {
      const field = newField(arg, "Sublist.addField", page);
      sublist.fields.push(field);
      return fieldObject(field);
    },
    addButton: (arg: unknown) => addButton(sublist.buttons, arg, "Sublist.addButton", page),
    addMarkAllButtons() {
      sublist.markAllButtons = true;
    },
    addRefreshButton() {
      sublist.refreshButton = true;
    },
    getField(arg: unknown) {
      const id = typeof arg === "string" ? arg : req(opts(arg), "id", "Sublist.getField");
      const field = sublist.fields.find((f) => f.id === id);
      return field ? fieldObject(field) : null;
    },
    setSublistValue(arg: unknown) {
      const o = opts(arg);
      const id = req(o, "id", "Sublist.setSublistValue");
      const n = line(o, "Sublist.setSublistValue");
      const value = req(o, "value", "Sublist.setSublistValue");
      while (sublist.lines.length <= n) sublist.lines.push({});
      (sublist.lines[n] as Record<string, string>)[id] = value;
    },
    getSublistValue(arg: unknown) {
      const o = opts(arg);
      const id = req(o, "id", "Sublist.getSublistValue");
      return sublist.lines[line(o, "Sublist.getSublistValue")]?.[id] ?? null;
    },
    updateTotallingFieldId: () => {
      throw unsupported("N/ui/serverWidget.Sublist.updateTotallingFieldId");
    },
    updateUniqueFieldId: () => {
      throw unsupported("N/ui/serverWidget.Sublist.updateUniqueFieldId");
    },
  };
  prop(self, "id", () => sublist.id);
  prop(self, "type", () => sublist.type);
  prop(self, "lineCount", () => sublist.lines.length);
  for (const key of ["label", "displayType", "helpText"] as const) {
    prop(
      self,
      key,
      () => sublist[key],
      (v) => {
        sublist[key] = String(v);
      },
    );
  }
  return self;
}
