/**
 * Field values between the store (plain `FieldValue`s, dates as ISO strings) and scripts (SuiteScript
 * 2.1 gives `Date` objects for date fields, booleans for checkboxes, internal IDs as strings for selects).
 */
import type { FieldValue } from "../../data/types.js";

/**
 * The store keeps dates as ISO strings and the data contract carries no field types, so a string in
 * ISO date form is taken as a date field's value (a text field holding such a string would be read
 * as a Date too: documented limitation).
 */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Dates made in the script's `vm` context are not `instanceof Date` here: check the brand instead. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === "[object Date]";
}

export function toScriptValue(value: FieldValue | undefined): unknown {
  if (typeof value === "string" && ISO_DATE.test(value)) {
    const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
    if (!Number.isNaN(date.getTime())) return date;
  }
  if (Array.isArray(value)) return [...value];
  return value;
}

/** A script's value as the store keeps it: Dates to ISO strings, numbers kept, arrays of IDs as strings. */
export function toFieldValue(value: unknown): FieldValue {
  if (value === undefined || value === null) return null;
  if (isDate(value)) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => String(v));
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  // Objects and functions are not field values; NetSuite stores their string form.
  return String(value);
}
