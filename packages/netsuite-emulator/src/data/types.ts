/**
 * The account's data as the N/record and N/search modules reach it. Every call is synchronous and
 * takes and returns plain, structured-cloneable values: scripts run in worker threads and reach these
 * services over a blocking bridge (runtime/bridge.ts), so nothing here may hold a live object.
 */

/** A field's stored value: text, number, checkbox (boolean), date (ISO string), select (internal ID as string), multiselect (IDs). */
export type FieldValue = string | number | boolean | null | string[];

/** A record in flight between a script and the store. `id` is null until first saved. */
export interface RecordData {
  type: string;
  id: number | null;
  isDynamic: boolean;
  /** Body field values by field ID (standard and custom). */
  values: Record<string, FieldValue>;
  /**
   * The stored last-modified stamp when the record was loaded: a save of a type with optimistic
   * locking fails with RCRD_HAS_BEEN_CHANGED when the stored record has changed since. Absent on new
   * records and on writes that do not load first (submitFields, seeds).
   */
  version?: string;
}

/** One filter, as `search.createFilter` makes it. */
export interface SearchFilterDef {
  name: string;
  join?: string;
  /** NetSuite operator name, lower case: is, isnot, anyof, noneof, isempty, isnotempty, contains, doesnotcontain, startswith, equalto, notequalto, greaterthan, greaterthanorequalto, lessthan, lessthanorequalto, on, before, after, within, onorbefore, onorafter, between. */
  operator: string;
  values: (string | number | boolean)[];
  summary?: string;
  formula?: string;
}

/** Filter expression: `[["email","is","a@b.c"],"AND",["isinactive","is","F"]]`, with "OR", "NOT" and nesting. */
export type FilterExpression = unknown[];

export interface SearchColumnDef {
  name: string;
  join?: string;
  /** A custom label; NetSuite's `Column.label` is undefined without one. */
  label?: string;
  sort?: "ASC" | "DESC" | "NONE";
  summary?: string;
  formula?: string;
  function?: string;
}

export interface SearchDef {
  /** Internal ID once saved. */
  id: number | null;
  /** `customsearch_…` once saved with one. */
  scriptId: string | null;
  type: string;
  title: string | null;
  /** Either list may be given; `filterExpression` wins when both are (as in NetSuite). */
  filters: SearchFilterDef[];
  filterExpression?: FilterExpression;
  columns: SearchColumnDef[];
  isPublic: boolean;
  /** The user who saved it (runtime.getCurrentUser().id); a private search is theirs alone. */
  ownerId?: number;
}

/** One result: the record and one cell per column, in column order. */
export interface SearchResultRow {
  recordType: string;
  id: string;
  cells: { value: FieldValue; text: string | null }[];
}

/** Governance costs differ by record kind (custom record, other record, transaction). */
export type RecordKind = "custom" | "standard" | "transaction";

export interface DataServices {
  /** The record type's kind; RCRD_TYPE_NOT_FOUND-like NsError (`INVALID_RCRD_TYPE`) when unknown. */
  recordKind(type: string): RecordKind;
  /** A new record with default values (nothing stored yet). */
  newRecord(type: string, isDynamic: boolean, defaults?: Record<string, FieldValue>): RecordData;
  /** `RCRD_DSNT_EXIST` when there is no such record. */
  loadRecord(type: string, id: number, isDynamic: boolean): RecordData;
  /** Checks every value against the field's type (`INVALID_FLD_VALUE`) and mandatory fields, then inserts or updates; returns the ID. */
  saveRecord(record: RecordData, options?: { ignoreMandatoryFields?: boolean }): number;
  /** `saveRecord` that also answers the record's new `version` (undefined for types without a modified stamp). */
  saveRecordVersioned(
    record: RecordData,
    options?: { ignoreMandatoryFields?: boolean },
  ): { id: number; version?: string };
  deleteRecord(type: string, id: number): void;
  /** Updates body fields without loading the record; returns the ID. */
  submitFields(type: string, id: number, values: Record<string, FieldValue>): number;
  /** The display text of a value of a field (a select's record name, a checkbox's "T"/"F", …). */
  fieldText(type: string, field: string, value: FieldValue): string | null;
  /** The value for a display text of a select field (`setText`); `INVALID_FLD_VALUE` when none matches. */
  fieldValueForText(type: string, field: string, text: string): FieldValue;
  /** Result rows `start` (inclusive) to `end` (exclusive) in the search's sort order, and the total count. */
  runSearch(search: SearchDef, start: number, end: number): { rows: SearchResultRow[]; total: number };
  /** `search.lookupFields`: values keyed as requested (`"email"`, `"subsidiary"` → `[{ value, text }]`, `"join.field"`). */
  lookupFields(type: string, id: number, columns: string[]): Record<string, unknown>;
  saveSearch(search: SearchDef): number;
  /** By internal ID or `customsearch_…` script ID; `INVALID_SEARCH` when unknown. */
  loadSearch(idOrScriptId: string | number): SearchDef;
  deleteSearch(idOrScriptId: string | number): void;
}
