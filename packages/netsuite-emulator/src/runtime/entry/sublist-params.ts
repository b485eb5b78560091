/**
 * How a rendered Suitelet form posts its sublists, shared by the renderer (src/http/render/) and
 * `ServerRequest.getLineCount` / `getSublistValue` (Oracle: "ServerRequest.getSublistValue(options)"):
 * a cell is `{sublist}[{line}][{field}]` (line from 0), `{sublist}__lines` holds the line count and
 * `{sublist}__checkboxes` the comma-separated checkbox field ids, since an unchecked box posts nothing
 * and NetSuite reads it as "F".
 */

export const cellName = (sublist: string, line: number, field: string) => `${sublist}[${line}][${field}]`;
export const linesName = (sublist: string) => `${sublist}__lines`;
export const checkboxesName = (sublist: string) => `${sublist}__checkboxes`;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The posted line count; without the count, one past the highest posted line; -1 when the sublist was not posted. */
export function postedLineCount(params: Record<string, string>, sublist: string): number {
  const count = params[linesName(sublist)];
  if (count !== undefined && /^\d+$/.test(count)) return Number(count);
  const re = new RegExp(`^${escapeRe(sublist)}\\[(\\d+)\\]\\[`);
  let max = -1;
  for (const key of Object.keys(params)) {
    const m = re.exec(key);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max < 0 ? -1 : max + 1;
}

/** A posted cell; an unchecked checkbox cell is "F"; null past the last line. */
export function postedSublistValue(
  params: Record<string, string>,
  sublist: string,
  field: string,
  line: number,
): string | null {
  const value = params[cellName(sublist, line, field)];
  if (value !== undefined) return value;
  if (line < 0 || line >= postedLineCount(params, sublist)) return null;
  const checkboxes = (params[checkboxesName(sublist)] ?? "").split(",");
  return checkboxes.includes(field) ? "F" : "";
}
