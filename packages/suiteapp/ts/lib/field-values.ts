/**
 * Values for `record.submitFields`. Oracle documents its values as field-value pairs and shows only
 * text; a date/time field takes the date as text in the user's format, as `format.format` writes it
 * (a JavaScript Date is for `Record.setValue`).
 */
import * as format from "N/format";

/** A date/time (DATETIMETZ field) as submitFields takes it. */
export function dateTimeText(date: Date): string {
  return String(format.format({ value: date, type: format.Type.DATETIMETZ }));
}
