/**
 * Checks and normalises a value for a field's type, as NetSuite does on save: numbers given as
 * numeric strings and checkboxes given as "T"/"F" are accepted; anything else of the wrong type is
 * `INVALID_FLD_VALUE` with NetSuite's message ("You have entered an Invalid Field Value 50 for the
 * following field: billofmaterials", as quoted in public SuiteScript error logs).
 */
import { NsError } from "../errors.js";
import type { FieldDef } from "./catalog.js";
import { isCountryCode } from "./countries.js";
import { parseDate } from "./dates.js";
import type { FieldValue } from "./types.js";

export function invalidValue(value: unknown, field: string): NsError {
  const shown = Array.isArray(value) ? value.join(",") : String(value);
  return new NsError(
    "INVALID_FLD_VALUE",
    `You have entered an Invalid Field Value ${shown} for the following field: ${field}`,
  );
}

export function isEmpty(value: FieldValue | undefined): boolean {
  return (
    value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0)
  );
}

const ID = /^-?\d+$/;

function toId(value: unknown, field: string): string {
  if (typeof value === "number" && Number.isInteger(value)) return String(value);
  if (typeof value === "string" && ID.test(value.trim())) return value.trim();
  throw invalidValue(value, field);
}

/** The stored form of `value` for `def`; empty values become null (checkboxes false). */
export function normalizeValue(def: FieldDef, value: FieldValue | undefined): FieldValue {
  if (def.type === "checkbox") {
    if (value === true || value === "T") return true;
    if (value === false || value === "F" || isEmpty(value)) return false;
    throw invalidValue(value, def.id);
  }
  if (isEmpty(value)) return null;
  switch (def.type) {
    case "integer":
    case "float":
    case "currency": {
      const n = typeof value === "string" ? Number(value.trim()) : value;
      if (typeof n !== "number" || !Number.isFinite(n)) throw invalidValue(value, def.id);
      if (def.type === "integer" && !Number.isInteger(n)) throw invalidValue(value, def.id);
      return n;
    }
    case "date":
    case "datetime": {
      const d = typeof value === "string" ? parseDate(value) : undefined;
      if (!d) throw invalidValue(value, def.id);
      return d.toISOString();
    }
    case "select":
      if (def.options) {
        const key = String(value).trim().toUpperCase();
        if (!(key in def.options)) throw invalidValue(value, def.id);
        return key;
      }
      return toId(value, def.id);
    case "multiselect": {
      // NetSuite joins multiselect values with "\u0005" in text form; commas are accepted too.
      const list = Array.isArray(value)
        ? value
        : String(value)
            .split(String.fromCharCode(5))
            .flatMap((v) => v.split(","));
      return list.map((v) => toId(v, def.id));
    }
    case "country": {
      const code = typeof value === "string" ? value.trim().toUpperCase() : "";
      if (!isCountryCode(code)) throw invalidValue(value, def.id);
      return code;
    }
    default:
      // Text-like fields: NetSuite turns numbers into their text; other types are refused.
      if (typeof value === "number") return String(value);
      if (typeof value !== "string") throw invalidValue(value, def.id);
      return value;
  }
}
