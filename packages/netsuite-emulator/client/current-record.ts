/**
 * N/currentRecord: the record of the page, always dynamic. Values live in the page's controls (see
 * fields.ts); setValue fires fieldChanged (unless ignoreFieldChange) through the hook entry.ts sets.
 */
import { missingArgument, options, unsupported } from "./errors.js";
import * as fields from "./fields.js";
import { readPage } from "./page.js";
import { getSublistValue, lineCount, setSublistValue } from "./sublists.js";

type ChangeHook = (fieldId: string) => void;
let changeHook: ChangeHook | undefined;

export function setChangeHook(hook: ChangeHook): void {
  changeHook = hook;
}

function fieldId(arg: unknown, member: string): string {
  const id = options(arg, "fieldId").fieldId;
  if (id === undefined || id === null || id === "") throw missingArgument(member, "fieldId");
  return String(id);
}

/**
 * setValue and setText: the value from the options (`value` or `text`) or the second argument, then
 * fieldChanged unless ignoreFieldChange.
 */
function setField(
  key: "value" | "text",
  set: (fieldId: string, given: unknown) => void,
  arg: unknown,
  given: unknown,
): void {
  const opts = options(arg, "fieldId");
  const id = fieldId(arg, key === "value" ? "CurrentRecord.setValue" : "CurrentRecord.setText");
  set(id, typeof arg === "object" ? opts[key] : given);
  if (!opts.ignoreFieldChange) changeHook?.(id);
}

/** currentRecord.Field: what a client script usually reads or toggles. */
function field(id: string): Record<string, unknown> | null {
  const def = readPage().fields[id];
  const wrapper = document.getElementById(`${id}_fs`);
  if (!def && !wrapper) return null;
  const c = () => fields.control(id);
  return {
    id,
    label: def?.label ?? wrapper?.querySelector("label")?.textContent ?? id,
    type: fields.fieldType(id),
    sublistId: null,
    get isDisabled() {
      return c()?.disabled ?? true;
    },
    set isDisabled(v: boolean) {
      const el = c();
      if (el) el.disabled = Boolean(v);
    },
    get isMandatory() {
      return Boolean(c()?.required || wrapper?.classList.contains("ns-mandatory"));
    },
    set isMandatory(v: boolean) {
      const el = c();
      if (el) el.required = Boolean(v);
    },
    get isDisplay() {
      return wrapper ? wrapper.style.display !== "none" : false;
    },
    set isDisplay(v: boolean) {
      if (wrapper) wrapper.style.display = v ? "" : "none";
    },
    getSelectOptions() {
      const el = c();
      if (!(el instanceof HTMLSelectElement)) return [];
      return [...el.options].filter((o) => o.value !== "").map((o) => ({ value: o.value, text: o.text }));
    },
  };
}

const UNSUPPORTED = [
  "selectLine",
  "selectNewLine",
  "commitLine",
  "cancelLine",
  "insertLine",
  "removeLine",
  "getCurrentSublistValue",
  "setCurrentSublistValue",
  "getCurrentSublistText",
  "setCurrentSublistText",
  "getCurrentSublistIndex",
  "getSubrecord",
  "getCurrentSublistSubrecord",
  "getMatrixHeaderCount",
  "findSublistLineWithValue",
  "getSublistField",
  "getSublistFields",
  "save",
];

export class CurrentRecord {
  readonly isDynamic = true;
  readonly id: number | null;
  readonly type: string;

  constructor() {
    const record = readPage().record;
    this.id = record?.id ?? null;
    this.type = record?.type ?? "";
    for (const name of UNSUPPORTED) {
      Object.defineProperty(this, name, {
        value: () => {
          throw unsupported(`CurrentRecord.${name}`);
        },
      });
    }
  }

  getValue(arg: unknown): unknown {
    return fields.getValue(fieldId(arg, "CurrentRecord.getValue"));
  }

  getText(arg: unknown): unknown {
    return fields.getText(fieldId(arg, "CurrentRecord.getText"));
  }

  setValue(arg: unknown, value?: unknown): this {
    setField("value", fields.setValue, arg, value);
    return this;
  }

  setText(arg: unknown, text?: unknown): this {
    setField("text", fields.setText, arg, text);
    return this;
  }

  getField(arg: unknown): Record<string, unknown> | null {
    return field(fieldId(arg, "CurrentRecord.getField"));
  }

  getFields(): string[] {
    return Object.keys(readPage().fields);
  }

  getLineCount(arg: unknown): number {
    return lineCount(String(options(arg, "sublistId").sublistId));
  }

  getSublistValue(arg: unknown): unknown {
    return getSublistValue(options(arg));
  }

  setSublistValue(arg: unknown): this {
    setSublistValue(options(arg));
    return this;
  }

  toJSON(): Record<string, unknown> {
    const values: Record<string, unknown> = {};
    for (const id of this.getFields()) values[id] = fields.getValue(id);
    return { id: this.id, type: this.type, isDynamic: true, fields: values };
  }
}

let current: CurrentRecord | undefined;

export function currentRecord(): CurrentRecord {
  current ??= new CurrentRecord();
  return current;
}

export function createCurrentRecordModule(): Record<string, unknown> {
  const get = () => currentRecord();
  get.promise = () => Promise.resolve(currentRecord());
  return { get };
}
