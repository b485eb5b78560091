/**
 * N/record (Oracle: "N/record Module", "record.Record"). Body fields only: sublists, subrecords,
 * copy and transform throw UNSUPPORTED_BY_EMULATOR. Saves go through the host (`record.save`) so
 * user event scripts fire as in NetSuite; governance is charged before each call by record kind
 * ("SuiteScript 2.x API Governance").
 */
import type { FieldValue, RecordData, RecordKind } from "../../data/types.js";
import { unsupported } from "../../errors.js";
import type { ScriptEnv } from "../env.js";
import { type RecordOperation, recordCost } from "../governance.js";
import { enumOf, type Options, options, promiseUnsupported, required, withUnsupported } from "./util.js";
import { isDate, toFieldValue, toScriptValue } from "./values.js";

/** record.Type: the IDs NetSuite uses (a subset; custom record types are passed as `customrecord_…`). */
export const RecordType = enumOf({
  ACCOUNT: "account",
  CASH_SALE: "cashsale",
  CLASSIFICATION: "classification",
  CONTACT: "contact",
  CREDIT_MEMO: "creditmemo",
  CURRENCY: "currency",
  CUSTOMER: "customer",
  CUSTOMER_DEPOSIT: "customerdeposit",
  CUSTOMER_PAYMENT: "customerpayment",
  CUSTOMER_REFUND: "customerrefund",
  CUSTOMER_SUBSIDIARY_RELATIONSHIP: "customersubsidiaryrelationship",
  DEPARTMENT: "department",
  EMPLOYEE: "employee",
  ESTIMATE: "estimate",
  INVENTORY_ITEM: "inventoryitem",
  INVOICE: "invoice",
  JOURNAL_ENTRY: "journalentry",
  LOCATION: "location",
  NON_INVENTORY_ITEM: "noninventoryitem",
  PARTNER: "partner",
  SALES_ORDER: "salesorder",
  SCHEDULED_SCRIPT_INSTANCE: "scheduledscriptinstance",
  SCRIPT_DEPLOYMENT: "scriptdeployment",
  SERVICE_ITEM: "serviceitem",
  SUBSIDIARY: "subsidiary",
  VENDOR: "vendor",
  VENDOR_BILL: "vendorbill",
});

/** Record members the emulator does not implement (sublists, subrecords, Field objects). */
export const RECORD_UNSUPPORTED = [
  "cancelLine",
  "commitLine",
  "findMatrixSublistLineWithValue",
  "findSublistLineWithValue",
  "getCurrentSublistSubrecord",
  "getCurrentSublistText",
  "getCurrentSublistValue",
  "getField",
  "getLineCount",
  "getSublist",
  "getSublistField",
  "getSublistFields",
  "getSublists",
  "getSublistSubrecord",
  "getSublistText",
  "getSublistValue",
  "getSubrecord",
  "insertLine",
  "removeLine",
  "removeSubrecord",
  "selectLine",
  "selectNewLine",
  "setCurrentSublistText",
  "setCurrentSublistValue",
  "setSublistText",
  "setSublistValue",
] as const;

export const RECORD_MODULE_UNSUPPORTED = ["copy", "transform", "attach", "detach"] as const;

function charge(env: ScriptEnv, operation: RecordOperation, type: string, member: string): void {
  const kind = env.call<RecordKind>("data.recordKind", type);
  env.meter.charge(recordCost(operation, kind), member);
}

/** The Record object scripts get from create/load, and user events get as newRecord/oldRecord. */
export class NsRecord {
  readonly type: string;
  readonly isDynamic: boolean;
  #id: number | null;
  /** The stored version this object was loaded (or last saved) at, for optimistic locking. */
  #version: string | undefined;
  readonly #values: Record<string, FieldValue>;
  readonly #env: ScriptEnv;

  constructor(env: ScriptEnv, data: RecordData) {
    this.#env = env;
    this.type = data.type;
    this.isDynamic = data.isDynamic;
    this.#id = data.id;
    this.#version = data.version;
    this.#values = { ...data.values };
    withUnsupported(this, "N/record.Record", RECORD_UNSUPPORTED);
  }

  /** NetSuite: null until the record is saved, then the internal ID as a number. */
  get id(): number | null {
    return this.#id;
  }

  getValue(arg: unknown): unknown {
    const fieldId = required<string>(options(arg, "fieldId"), "fieldId", "Record.getValue");
    return toScriptValue(this.#values[fieldId]);
  }

  setValue(arg: unknown): this {
    const opts = options(arg);
    const fieldId = required<string>(opts, "fieldId", "Record.setValue");
    if (!("value" in opts)) required(opts, "value", "Record.setValue");
    this.#values[fieldId] = toFieldValue(opts.value);
    return this;
  }

  getText(arg: unknown): unknown {
    const fieldId = required<string>(options(arg, "fieldId"), "fieldId", "Record.getText");
    const value = this.#values[fieldId];
    if (value === undefined) return undefined;
    if (value === null || value === "") return "";
    return this.#env.call<string | null>("data.fieldText", this.type, fieldId, value) ?? "";
  }

  setText(arg: unknown): this {
    const opts = options(arg);
    const fieldId = required<string>(opts, "fieldId", "Record.setText");
    const text = opts.text;
    if (text === undefined) required(opts, "text", "Record.setText");
    this.#values[fieldId] =
      text === null || text === ""
        ? null
        : this.#env.call<FieldValue>("data.fieldValueForText", this.type, fieldId, String(text));
    return this;
  }

  getFields(): string[] {
    return Object.keys(this.#values);
  }

  save(arg?: unknown): number {
    const opts: Options = options(arg);
    charge(this.#env, "save", this.type, "Record.save");
    const saveOptions: { ignoreMandatoryFields?: boolean; enableSourcing?: boolean } = {};
    if (opts.ignoreMandatoryFields !== undefined)
      saveOptions.ignoreMandatoryFields = Boolean(opts.ignoreMandatoryFields);
    if (opts.enableSourcing !== undefined) saveOptions.enableSourcing = Boolean(opts.enableSourcing);
    const saved = this.#env.call<{ id: number; version?: string }>("record.save", {
      record: this.toData(),
      options: saveOptions,
    });
    // As in NetSuite, the object saved is current again: saving it once more is not a conflict.
    this.#id = saved.id;
    this.#version = saved.version;
    return saved.id;
  }

  /** Plain data for the host and for entry adapters (a beforeSubmit's changed newRecord). */
  toData(): RecordData {
    return {
      type: this.type,
      id: this.#id,
      isDynamic: this.isDynamic,
      values: { ...this.#values },
      ...(this.#version !== undefined ? { version: this.#version } : {}),
    };
  }

  /** NetSuite's `JSON.stringify(record)`: `{id, type, isDynamic, fields, sublists}`, field values as strings. */
  toJSON(): Record<string, unknown> {
    const fields: Record<string, string> = {};
    for (const [key, value] of Object.entries(this.#values)) {
      if (value === null) fields[key] = "";
      else if (typeof value === "boolean") fields[key] = value ? "T" : "F";
      else fields[key] = Array.isArray(value) ? value.join("\u0005") : String(value);
    }
    return {
      id: this.#id === null ? undefined : String(this.#id),
      type: this.type,
      isDynamic: this.isDynamic,
      fields,
      sublists: {},
    };
  }

  toString(): string {
    return "standard record";
  }
}

function recordId(opts: Options, member: string): number {
  const id = Number(required(opts, "id", member));
  return id;
}

export function createRecordModule(env: ScriptEnv): Record<string, unknown> {
  const module: Record<string, unknown> = {
    Type: RecordType,
    create(arg: unknown): NsRecord {
      const opts = options(arg);
      const type = required<string>(opts, "type", "record.create");
      charge(env, "create", type, "record.create");
      const defaults: Record<string, FieldValue> = {};
      const given = opts.defaultValues;
      if (given && typeof given === "object") {
        for (const [key, value] of Object.entries(given)) defaults[key] = toFieldValue(value);
      }
      const data = env.call<RecordData>("data.newRecord", type, Boolean(opts.isDynamic), defaults);
      return new NsRecord(env, data);
    },
    load(arg: unknown): NsRecord {
      const opts = options(arg);
      const type = required<string>(opts, "type", "record.load");
      const id = recordId(opts, "record.load");
      charge(env, "load", type, "record.load");
      return new NsRecord(env, env.call<RecordData>("data.loadRecord", type, id, Boolean(opts.isDynamic)));
    },
    delete(arg: unknown): number {
      const opts = options(arg);
      const type = required<string>(opts, "type", "record.delete");
      const id = recordId(opts, "record.delete");
      charge(env, "delete", type, "record.delete");
      return env.call<number>("record.delete", { type, id });
    },
    submitFields(arg: unknown): number {
      const opts = options(arg);
      const type = required<string>(opts, "type", "record.submitFields");
      const id = recordId(opts, "record.submitFields");
      const given = required<Record<string, unknown>>(opts, "values", "record.submitFields");
      const values: Record<string, FieldValue> = {};
      for (const [key, value] of Object.entries(given)) {
        // Oracle documents submitFields' values as text (and select IDs); what it makes of a JavaScript
        // Date is not documented, so the emulator does not guess: format.format gives the text form.
        if (isDate(value)) {
          throw unsupported(
            `N/record.submitFields with a Date for ${key} (pass format.format({ value, type }) text)`,
          );
        }
        values[key] = toFieldValue(value);
      }
      charge(env, "submitFields", type, "record.submitFields");
      return env.call<number>("record.submitFields", { type, id, values });
    },
  };
  for (const name of ["create", "load", "delete", "submitFields"]) {
    promiseUnsupported(module[name] as object, `N/record.${name}`);
  }
  return withUnsupported(module, "N/record", RECORD_MODULE_UNSUPPORTED);
}
