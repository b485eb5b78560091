/**
 * Field values as NetSuite hands them to scripts (`record.getValue`, `search.lookupFields`, a search
 * row's `getValue`, a script parameter), read the one way every script reads them. Pure: no N/* module,
 * so any script can use it without loading one.
 */

/**
 * A field or column value as text:
 * - a select field as `search.lookupFields` returns it, `[{ value, text }]`: the first entry's value
 *   (its internal ID), '' for none;
 * - null or undefined (an empty field): '';
 * - anything else as `String` writes it: a number `"7"`, a checkbox `"true"`/`"false"` as a boolean or
 *   `"T"`/`"F"` as text (read checkboxes with `isChecked`).
 * Not trimmed: a caller that compares IDs or reads what an administrator typed trims it.
 */
export function text(value: unknown): string {
  if (Array.isArray(value)) return value.length > 0 ? text((value[0] as { value?: unknown }).value) : "";
  return typeof value === "string" ? value : value == null ? "" : String(value);
}

/** A checkbox: `true` as records and lookupFields give it, `"T"` as parameters and some searches do. */
export function isChecked(value: unknown): boolean {
  return value === true || value === "T";
}
