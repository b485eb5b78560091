/**
 * Display texts: a select shows its target record's name (customer: entityid, else companyname;
 * subsidiary, currency and custom records: name), a checkbox "T"/"F", a country its name.
 */
import { NsError } from "../errors.js";
import type { Catalog, FieldDef } from "./catalog.js";
import { countryCode, countryName } from "./countries.js";
import { formatDate, formatDateTime } from "./dates.js";
import type { Db } from "./db.js";
import type { FieldValue } from "./types.js";
import { invalidValue, isEmpty } from "./values.js";

export class Texts {
  constructor(
    private readonly catalog: Catalog,
    private readonly db: Db,
  ) {}

  /** The record's display name; its ID when the type is unknown or the record has no name. */
  recordName(type: string | undefined, id: string): string {
    if (!type || !this.catalog.has(type)) return id;
    const def = this.catalog.require(type);
    const values = this.db.get(def.id, Number(id));
    if (!values) return id;
    for (const name of def.nameFields) {
      const v = values[name];
      if (typeof v === "string" && v !== "") return v;
    }
    if (def.id === "employee" || def.id === "customer") {
      const full = [values.firstname, values.lastname].filter((v) => typeof v === "string" && v).join(" ");
      if (full) return full;
    }
    return id;
  }

  /** The text of a value of a field, or null when the value is empty. */
  text(def: FieldDef | undefined, value: FieldValue): string | null {
    if (def?.type === "checkbox") return value === true ? "T" : "F";
    if (isEmpty(value)) return null;
    switch (def?.type) {
      case "select":
        return def.options?.[String(value)] ?? this.recordName(def.target, String(value));
      case "multiselect":
        return (Array.isArray(value) ? value : [String(value)])
          .map((v) => this.recordName(def.target, v))
          .join(",");
      case "country":
        return countryName(String(value));
      case "date":
        return formatDate(String(value));
      case "datetime":
        return formatDateTime(String(value));
      default:
        return Array.isArray(value) ? value.join(",") : String(value);
    }
  }

  /** The value whose text is `text` (`Record.setText`); INVALID_FLD_VALUE when none matches. */
  valueForText(type: string, field: string, text: string): FieldValue {
    const def = this.catalog.field(type, field);
    if (!def) return text;
    switch (def.type) {
      case "checkbox":
        if (text === "T" || text === "F") return text === "T";
        throw invalidValue(text, def.id);
      case "country": {
        const code = countryCode(text);
        if (!code) throw invalidValue(text, def.id);
        return code;
      }
      case "select":
      case "multiselect": {
        if (text === "") return null;
        const id = this.findByName(def, text);
        if (id === undefined) throw invalidValue(text, def.id);
        return def.type === "multiselect" ? [id] : id;
      }
      default:
        return text;
    }
  }

  private findByName(def: FieldDef, text: string): string | undefined {
    if (!def.target || !this.catalog.has(def.target)) {
      throw new NsError("UNSUPPORTED_BY_EMULATOR", `UNSUPPORTED_BY_EMULATOR: setText on ${def.id}`);
    }
    for (const row of this.db.all(this.catalog.require(def.target).id)) {
      if (this.recordName(def.target, String(row.id)) === text) return String(row.id);
    }
    return undefined;
  }
}
