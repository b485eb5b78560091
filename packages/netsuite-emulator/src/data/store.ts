/**
 * The account's data over SQLite: records (validated as NetSuite validates them on save), display
 * texts, searches and saved searches. Seeds currency 1 "USD", subsidiary 1 "Parent Company" and
 * employee -5 "Administrator" (-5 is the account administrator's ID as `runtime.getCurrentUser().id`
 * and record owners show it).
 *
 * Unknown field IDs are kept on the record as given (NetSuite ignores them on setValue without an
 * error; keeping them lets a script read back what it set). They are not searchable.
 *
 * Script deployments (`scriptdeployment`) are the project's: they are made when the account opens,
 * and a write reaches only their parameters (data/deployments.ts).
 */
import { randomBytes } from "node:crypto";
import type { Features } from "../account/features.js";
import { NsError, unsupported } from "../errors.js";
import type { Project } from "../sdf/types.js";
import { Catalog, type RecordTypeDef, timestampFields } from "./catalog.js";
import { Db, type Values } from "./db.js";
import { Deployments, SCRIPT_DEPLOYMENT } from "./deployments.js";
import { lookupFields } from "./lookup.js";
import { syncPrimaryRelationship } from "./relationships.js";
import { SavedSearches } from "./saved-searches.js";
import { ScriptInstances } from "./script-instances.js";
import { runSearch } from "./search.js";
import { Texts } from "./texts.js";
import type {
  DataServices,
  FieldValue,
  RecordData,
  RecordKind,
  SearchDef,
  SearchResultRow,
} from "./types.js";
import { invalidValue, isEmpty, normalizeValue } from "./values.js";

export const ADMINISTRATOR_ID = -5;

export interface AccountDataOptions {
  /** SQLite file; in memory when omitted. */
  file?: string;
  /** The account's clock (timestamps, relative date filters). */
  now?: () => Date;
  /** The account's enabled features (default: OneWorld, ../account/features.ts). */
  features?: Features;
}

function notFound(): NsError {
  return new NsError("RCRD_DSNT_EXIST", "That record does not exist.");
}

/** A type the emulator models for searches only (scheduledscriptinstance): record calls are not modelled. */
function searchOnly(def: RecordTypeDef, what: string): void {
  if (def.searchOnly) {
    throw unsupported(
      `${what} of a ${def.id} (the emulator models its search only; the account writes its records as scripts run)`,
    );
  }
}

/** Creating or deleting a script deployment: the project's SDF objects make them (data/deployments.ts). */
function deploymentNotWritable(what: "record.create" | "record.delete"): NsError {
  return unsupported(
    `${what} of a ${SCRIPT_DEPLOYMENT} (the project's SDF objects make the deployments; a script may change their parameters)`,
  );
}

export class AccountData implements DataServices {
  readonly catalog: Catalog;
  /** The project's script deployments as `scriptdeployment` records, with their parameter values. */
  readonly deployments: Deployments;
  /** The runs of scheduled and map/reduce deployments as `scheduledscriptinstance` jobs. */
  readonly instances: ScriptInstances;
  readonly now: () => Date;
  private readonly db: Db;
  private readonly texts: Texts;
  private readonly searches: SavedSearches;

  constructor(project: Project | undefined, options: AccountDataOptions = {}) {
    this.catalog = new Catalog(project, options.features);
    this.now = options.now ?? (() => new Date());
    this.db = new Db(options.file);
    this.texts = new Texts(this.catalog, this.db);
    this.searches = new SavedSearches(this.db);
    if (!this.db.get("currency", 1)) this.insertRaw("currency", { name: "USD", symbol: "USD" }, 1);
    if (this.catalog.has("subsidiary") && !this.db.get("subsidiary", 1)) {
      this.insertRaw(
        "subsidiary",
        { name: "Parent Company", country: "US", currency: "1", isinactive: false },
        1,
      );
    }
    if (!this.db.get("employee", ADMINISTRATOR_ID)) {
      this.insertRaw("employee", { entityid: "Administrator", firstname: "", lastname: "Administrator" }, -5);
    }
    this.deployments = new Deployments(this.db, this.catalog, project);
    this.deployments.sync();
    this.instances = new ScriptInstances(this.db, this.deployments, this.now);
  }

  recordKind(type: string): RecordKind {
    return this.catalog.require(type).kind;
  }

  newRecord(type: string, isDynamic: boolean, defaults: Record<string, FieldValue> = {}): RecordData {
    const def = this.catalog.require(type);
    searchOnly(def, "record.create");
    if (def.id === SCRIPT_DEPLOYMENT) throw deploymentNotWritable("record.create");
    const values: Record<string, FieldValue> = {};
    for (const field of def.fields.values()) {
      if (field.defaultValue !== undefined) values[field.id] = field.defaultValue;
    }
    return { type: def.id, id: null, isDynamic, values: { ...values, ...defaults } };
  }

  loadRecord(type: string, id: number, isDynamic: boolean): RecordData {
    const def = this.catalog.require(type);
    searchOnly(def, "record.load");
    const values = this.db.get(def.id, id);
    if (!values) throw notFound();
    const version = versionOf(def, values);
    return { type: def.id, id, isDynamic, values, ...(version !== undefined ? { version } : {}) };
  }

  saveRecord(record: RecordData, options: { ignoreMandatoryFields?: boolean } = {}): number {
    return this.saveRecordVersioned(record, options).id;
  }

  saveRecordVersioned(
    record: RecordData,
    options: { ignoreMandatoryFields?: boolean } = {},
  ): { id: number; version?: string } {
    const def = this.catalog.require(record.type);
    searchOnly(def, record.id === null ? "record.create" : "a save");
    if (def.id === SCRIPT_DEPLOYMENT) {
      const id = record.id;
      if (id === null) throw deploymentNotWritable("record.create");
      return this.db.transaction(() => ({
        id: this.deployments.write(id, record.values, (field, value) =>
          this.checkReferences(field.id, field.target, value),
        ),
      }));
    }
    // Checks and write in one transaction on the main thread: no other save can come in between.
    return this.db.transaction(() => {
      const previous = record.id === null ? undefined : this.db.get(def.id, record.id);
      if (record.id !== null && !previous) throw notFound();
      if (previous && record.version !== undefined && def.optimisticLocking) {
        if (versionOf(def, previous) !== record.version) {
          throw new NsError("RCRD_HAS_BEEN_CHANGED", "Record has been changed");
        }
      }
      const values = this.validate(def, { ...(previous ?? {}), ...record.values }, options);
      const id = this.write(def, record.id, values, previous);
      const version = versionOf(def, values);
      return { id, ...(version !== undefined ? { version } : {}) };
    });
  }

  deleteRecord(type: string, id: number): void {
    const def = this.catalog.require(type);
    searchOnly(def, "record.delete");
    if (def.id === SCRIPT_DEPLOYMENT) throw deploymentNotWritable("record.delete");
    this.db.transaction(() => {
      if (!this.db.delete(def.id, id)) throw notFound();
      // A customer's subsidiary links go with it.
      if (def.id === "customer") {
        for (const rel of this.db.byEntity("customersubsidiaryrelationship", String(id))) {
          this.db.delete("customersubsidiaryrelationship", rel.id);
        }
      }
    });
  }

  submitFields(type: string, id: number, values: Record<string, FieldValue>): number {
    const def = this.catalog.require(type);
    return this.saveRecord({ type: def.id, id, isDynamic: false, values }, { ignoreMandatoryFields: true });
  }

  /** A random secret of the account, made once and kept with its data (external URL tokens survive restarts). */
  accountSecret(name: string): string {
    return this.db.meta(`secret:${name}`, () => randomBytes(32).toString("base64url"));
  }

  /** A record's display name (a select's text): its name field, else its ID. */
  recordName(type: string, id: number | string): string {
    return this.texts.recordName(type, String(id));
  }

  /** Every record of a type, by internal ID (record pages' lists and select options). */
  listRecords(type: string): { id: number; values: Record<string, FieldValue> }[] {
    const def = this.catalog.require(type);
    return this.db.all(def.id).sort((a, b) => a.id - b.id);
  }

  fieldText(type: string, field: string, value: FieldValue): string | null {
    return this.texts.text(this.catalog.field(type, field), value);
  }

  fieldValueForText(type: string, field: string, text: string): FieldValue {
    return this.texts.valueForText(type, field, text);
  }

  runSearch(search: SearchDef, start: number, end: number): { rows: SearchResultRow[]; total: number } {
    return runSearch(
      { catalog: this.catalog, db: this.db, texts: this.texts, now: this.now() },
      search,
      start,
      end,
    );
  }

  lookupFields(type: string, id: number, columns: string[]): Record<string, unknown> {
    searchOnly(this.catalog.require(type), "search.lookupFields");
    return lookupFields(
      { catalog: this.catalog, db: this.db, texts: this.texts, now: this.now() },
      type,
      id,
      columns,
    );
  }

  saveSearch(search: SearchDef): number {
    this.catalog.require(search.type);
    return this.searches.save(search);
  }

  loadSearch(idOrScriptId: string | number): SearchDef {
    return this.searches.load(idOrScriptId);
  }

  deleteSearch(idOrScriptId: string | number): void {
    this.searches.delete(idOrScriptId);
  }

  // ---- seed helpers (tests, sandbox) ----

  /** Stores values as given (no validation, no relationship sync); returns the ID. */
  insertRaw(type: string, values: Record<string, FieldValue>, id?: number): number {
    const def = this.catalog.require(type);
    if (def.id === SCRIPT_DEPLOYMENT) throw deploymentNotWritable("record.create");
    const newId = id ?? this.db.nextId(def.id);
    const stamped = this.stamp(def, { ...values }, undefined);
    this.db.put(def.id, newId, stamped);
    return newId;
  }

  seedCurrency(values: { name: string; symbol?: string }): number {
    return this.create("currency", { symbol: values.name, ...values });
  }

  seedSubsidiary(values: { name: string; country?: string; currency?: string; parent?: string }): number {
    return this.create("subsidiary", { country: "US", currency: "1", ...values });
  }

  /**
   * A customer in subsidiary 1 unless given; saved through validation like a script's save. A given
   * `datecreated` (ISO) backdates it, which a script cannot do.
   */
  seedCustomer(values: Record<string, FieldValue>): number {
    const { datecreated, ...rest } = values;
    const id = this.create("customer", {
      ...(this.catalog.has("subsidiary") ? { subsidiary: "1" } : {}),
      ...rest,
    });
    if (typeof datecreated === "string") {
      const stored = this.db.get("customer", id) ?? {};
      this.db.put("customer", id, { ...stored, datecreated, lastmodifieddate: datecreated });
    }
    return id;
  }

  /** Shares a customer with another subsidiary (a secondary customersubsidiaryrelationship). */
  seedCustomerSubsidiary(customerId: number, subsidiaryId: number): number {
    return this.create("customersubsidiaryrelationship", {
      entity: String(customerId),
      subsidiary: String(subsidiaryId),
      isprimarysub: false,
    });
  }

  close(): void {
    this.db.close();
  }

  private create(type: string, values: Record<string, FieldValue>): number {
    const record = this.newRecord(type, false, values);
    return this.saveRecord(record);
  }

  private validate(def: RecordTypeDef, input: Values, options: { ignoreMandatoryFields?: boolean }): Values {
    const out: Values = {};
    for (const [key, value] of Object.entries(input)) {
      const field = def.fields.get(key.toLowerCase());
      if (!field) {
        // A custom record type's fields are all in its SDF object: a value for another field is a
        // mistake (the name of a type without one, a misspelt custrecord_…). What NetSuite does with
        // it is not documented, so the emulator does not guess: it refuses, as not modelled.
        if (def.kind === "custom" && !isEmpty(value)) {
          throw new NsError(
            "UNSUPPORTED_BY_EMULATOR",
            `UNSUPPORTED_BY_EMULATOR: a value for field ${key}, which ${def.id} does not have (what NetSuite does with it is not documented)`,
          );
        }
        out[key] = value;
        continue;
      }
      if (field.system) continue;
      out[field.id] = normalizeValue(field, value);
    }
    // Types first, then references: a malformed value is INVALID_FLD_VALUE wherever it sits.
    for (const field of def.fields.values()) {
      const value = out[field.id];
      if (value !== undefined) this.checkReferences(field.id, field.target, value);
    }
    if (def.id === "customer") this.customerDefaults(out);
    if (!options.ignoreMandatoryFields) {
      const missing = [...def.fields.values()].filter(
        (fd) => this.isMandatory(def, fd.id, out) && isEmpty(out[fd.id]),
      );
      if (missing.length > 0) {
        throw new NsError(
          "USER_ERROR",
          `Please enter value(s) for: ${missing.map((m) => m.label).join(", ")}`,
        );
      }
    }
    return out;
  }

  /** A customer is a company (companyname) or a person (firstname, lastname), in either case with a subsidiary. */
  private isMandatory(def: RecordTypeDef, field: string, values: Values): boolean {
    if (def.fields.get(field)?.mandatory) return true;
    if (def.id !== "customer") return false;
    if (values.isperson === true) return field === "firstname" || field === "lastname";
    return field === "companyname";
  }

  private customerDefaults(values: Values): void {
    if (isEmpty(values.entityid)) {
      const person = [values.firstname, values.lastname].filter((v) => typeof v === "string" && v).join(" ");
      const name = values.isperson === true ? person : values.companyname;
      if (typeof name === "string" && name !== "") values.entityid = name;
    }
    if (isEmpty(values.currency) && typeof values.subsidiary === "string") {
      const sub = this.db.get("subsidiary", Number(values.subsidiary));
      if (typeof sub?.currency === "string") values.currency = sub.currency;
    }
  }

  /** A select must name an existing record: INVALID_KEY_OR_REF "Invalid subsidiary reference key 99." */
  private checkReferences(field: string, target: string | undefined, value: FieldValue): void {
    if (!target || !this.catalog.has(target) || isEmpty(value)) return;
    const targetType = this.catalog.require(target).id;
    for (const id of Array.isArray(value) ? value : [String(value)]) {
      if (!this.db.get(targetType, Number(id))) {
        throw new NsError("INVALID_KEY_OR_REF", `Invalid ${field} reference key ${id}.`);
      }
    }
  }

  private write(def: RecordTypeDef, id: number | null, values: Values, previous: Values | undefined): number {
    if (def.id === "customersubsidiaryrelationship") this.checkDuplicateLink(id, values);
    this.checkExternalId(def, id, values);
    const newId = id ?? this.db.nextId(def.id);
    this.db.put(def.id, newId, this.stamp(def, values, previous));
    if (def.id === "customer" && this.catalog.has("customersubsidiaryrelationship")) {
      syncPrimaryRelationship(this.db, newId, values);
    }
    return newId;
  }

  /**
   * A customer is linked to a subsidiary once; NetSuite answers a second link with INVALID_FLD_VALUE
   * on `subsidiary` (as integrations quoting its REST error report).
   */
  private checkDuplicateLink(id: number | null, values: Values): void {
    if (typeof values.entity !== "string") return;
    const dup = this.db
      .byEntity("customersubsidiaryrelationship", values.entity)
      .some((link) => link.id !== id && link.values.subsidiary === values.subsidiary);
    if (dup) throw invalidValue(values.subsidiary, "subsidiary");
  }

  private stamp(def: RecordTypeDef, values: Values, previous: Values | undefined): Values {
    const { created, modified } = timestampFields(def);
    const now = this.now().toISOString();
    if (created) values[created] = previous?.[created] ?? values[created] ?? now;
    // Strictly increasing, so two saves in one millisecond still give different versions.
    if (modified) values[modified] = later(now, previous?.[modified]);
    return values;
  }

  /** External IDs are unique per record type: NetSuite answers a second one with DUP_RCRD. */
  private checkExternalId(def: RecordTypeDef, id: number | null, values: Values): void {
    const externalId = values.externalid;
    if (typeof externalId !== "string" || externalId === "") return;
    if (this.db.byExternalId(def.id, externalId).some((other) => other !== id)) {
      throw new NsError("DUP_RCRD", "This record already exists.");
    }
  }
}

/** A record's version: its stored last-modified stamp (undefined for types without one). */
function versionOf(def: RecordTypeDef, values: Values): string | undefined {
  const { modified } = timestampFields(def);
  const stamp = modified === undefined ? undefined : values[modified];
  return typeof stamp === "string" ? stamp : undefined;
}

/** `now`, or 1 ms after the previous stamp when the clock has not moved past it. */
function later(now: string, previous: FieldValue | undefined): string {
  const before = typeof previous === "string" ? Date.parse(previous) : Number.NaN;
  if (Number.isNaN(before) || Date.parse(now) > before) return now;
  return new Date(before + 1).toISOString();
}
