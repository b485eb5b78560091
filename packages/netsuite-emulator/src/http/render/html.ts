/**
 * HTML escaping for the emulator's pages: every value a user or script provides goes through
 * `escapeHtml` (text) or `attr` (attributes). The one raw exception is an INLINEHTML field's value,
 * which NetSuite also renders as given (Oracle: "serverWidget.FieldType": INLINEHTML).
 */
import escapeHtmlText from "escape-html";

/** Text for element content and quoted attribute values (`escape-html`: `& < > " '`); nothing for null. */
export function escapeHtml(value: unknown): string {
  return value === undefined || value === null ? "" : escapeHtmlText(String(value));
}

/**
 * ` name="value"` attributes from a map: `true` gives a bare attribute (` checked`), `false`,
 * null and undefined leave it out.
 */
export function attr(attributes: Record<string, string | number | boolean | null | undefined>): string {
  let out = "";
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    out += value === true ? ` ${name}` : ` ${name}="${escapeHtml(value)}"`;
  }
  return out;
}
