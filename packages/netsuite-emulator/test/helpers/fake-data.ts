/**
 * A small in-memory stand-in for the DataServices the N/* modules call (`data.*`), so module tests
 * do not depend on the SQLite data layer. Selects are fields named in SELECTS (they point at another
 * record type whose `name` is their text); checkboxes are booleans.
 */
import type {
  FieldValue,
  RecordData,
  RecordKind,
  SearchColumnDef,
  SearchDef,
  SearchFilterDef,
  SearchResultRow,
} from "../../src/data/types.js";
import { NsError } from "../../src/errors.js";

/** Select fields of the fake schema: field → record type it points at. */
const SELECTS: Record<string, string> = {
  subsidiary: "subsidiary",
  entity: "customer",
  currency: "currency",
};

export class FakeData {
  readonly records = new Map<string, Map<number, Record<string, FieldValue>>>();
  readonly searches = new Map<number, SearchDef>();
  private nextId = 1000;
  private nextSearchId = 1;

  recordKind(type: string): RecordKind {
    if (type.startsWith("customrecord")) return "custom";
    if (["salesorder", "invoice", "customerpayment"].includes(type)) return "transaction";
    if (["customer", "subsidiary", "contact", "currency", "customersubsidiaryrelationship"].includes(type)) {
      return "standard";
    }
    throw new NsError("INVALID_RCRD_TYPE", `The record type [${type.toUpperCase()}] is invalid.`);
  }

  insert(type: string, values: Record<string, FieldValue>, id = this.nextId++): number {
    this.recordKind(type);
    let table = this.records.get(type);
    if (!table) {
      table = new Map();
      this.records.set(type, table);
    }
    table.set(id, { ...values });
    this.nextId = Math.max(this.nextId, id + 1);
    return id;
  }

  newRecord(type: string, isDynamic: boolean, defaults: Record<string, FieldValue> = {}): RecordData {
    this.recordKind(type);
    return { type, id: null, isDynamic, values: { isinactive: false, ...defaults } };
  }

  loadRecord(type: string, id: number, isDynamic: boolean): RecordData {
    const values = this.records.get(type)?.get(id);
    if (!values) throw new NsError("RCRD_DSNT_EXIST", `That record does not exist. ${type} ${id}`);
    return { type, id, isDynamic, values: { ...values } };
  }

  saveRecord(record: RecordData): number {
    const id = record.id ?? this.nextId++;
    this.insert(record.type, record.values, id);
    return id;
  }

  deleteRecord(type: string, id: number): void {
    if (!this.records.get(type)?.delete(id))
      throw new NsError("RCRD_DSNT_EXIST", "That record does not exist.");
  }

  submitFields(type: string, id: number, values: Record<string, FieldValue>): number {
    const current = this.loadRecord(type, id, false).values;
    this.insert(type, { ...current, ...values }, id);
    return id;
  }

  fieldText(_type: string, field: string, value: FieldValue): string | null {
    if (typeof value === "boolean") return value ? "T" : "F";
    const target = SELECTS[field];
    if (!target || value === null) return value === null ? null : String(value);
    return String(this.records.get(target)?.get(Number(value))?.name ?? "");
  }

  fieldValueForText(_type: string, field: string, text: string): FieldValue {
    const target = SELECTS[field];
    for (const [id, values] of this.records.get(target ?? "") ?? []) {
      if (values.name === text) return String(id);
    }
    throw new NsError("INVALID_FLD_VALUE", `Invalid ${field} reference key ${text}.`);
  }

  private cell(
    values: Record<string, FieldValue>,
    column: SearchColumnDef,
  ): { value: FieldValue; text: string | null } {
    if (column.join) {
      const target = SELECTS[column.join];
      const joined = target ? this.records.get(target)?.get(Number(values[column.join])) : undefined;
      return { value: joined?.[column.name] ?? null, text: null };
    }
    const value = values[column.name] ?? null;
    const isSelect = column.name in SELECTS;
    return { value, text: isSelect && value !== null ? this.fieldText("", column.name, value) : null };
  }

  private matches(values: Record<string, FieldValue>, filters: SearchFilterDef[]): boolean {
    return filters.every((f) => {
      const value = values[f.name];
      if (f.operator === "is" || f.operator === "anyof") return f.values.map(String).includes(String(value));
      if (f.operator === "isnot" || f.operator === "noneof")
        return !f.values.map(String).includes(String(value));
      return true;
    });
  }

  runSearch(search: SearchDef, start: number, end: number): { rows: SearchResultRow[]; total: number } {
    const all = [...(this.records.get(search.type) ?? [])].filter(([, values]) =>
      this.matches(values, search.filters),
    );
    const rows = all.slice(start, end).map(([id, values]) => ({
      recordType: search.type,
      id: String(id),
      cells: search.columns.map((c) => this.cell(values, c)),
    }));
    return { rows, total: all.length };
  }

  lookupFields(type: string, id: number, columns: string[]): Record<string, unknown> {
    const values = this.loadRecord(type, id, false).values;
    const out: Record<string, unknown> = {};
    for (const column of columns) {
      const value = values[column] ?? "";
      out[column] =
        column in SELECTS ? [{ value: String(value), text: this.fieldText(type, column, value) }] : value;
    }
    return out;
  }

  saveSearch(search: SearchDef): number {
    const id = search.id ?? this.nextSearchId++;
    this.searches.set(id, { ...search, id });
    return id;
  }

  loadSearch(idOrScriptId: string | number): SearchDef {
    for (const search of this.searches.values()) {
      if (search.id === idOrScriptId || search.scriptId === idOrScriptId) return structuredClone(search);
    }
    throw new NsError("INVALID_SEARCH", "That search or mass update does not exist.");
  }

  deleteSearch(idOrScriptId: string | number): void {
    const search = this.loadSearch(idOrScriptId);
    if (search.id !== null) this.searches.delete(search.id);
  }
}
