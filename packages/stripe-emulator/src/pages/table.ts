// A capped, captioned table: long lists show their newest rows and say how many were left out.

import { type Html, type HtmlValue, html } from "./html.js";

export interface Column<T> {
  header: string;
  cell: (row: T) => HtmlValue;
}

export interface TableOptions<T> {
  /** Heading shown above the table, e.g. "Customers". */
  title: string;
  rows: readonly T[];
  columns: readonly Column<T>[];
  /** Most rows rendered; the rest are counted in an "and N more" line. */
  limit: number;
  /** Shown instead of an empty table, e.g. "No customers yet." */
  empty: string;
}

export function cappedTable<T>({ title, rows, columns, limit, empty }: TableOptions<T>): Html {
  if (rows.length === 0) return html`<h3>${title}</h3><p class="muted">${empty}</p>`;
  const shown = rows.slice(0, Math.max(0, limit));
  const hidden = rows.length - shown.length;
  return html`<h3>${title}</h3>
<div class="scroll"><table>
<thead><tr>${columns.map((c) => html`<th scope="col">${c.header}</th>`)}</tr></thead>
<tbody>
${shown.map((row) => html`<tr>${columns.map((c) => html`<td>${c.cell(row)}</td>`)}</tr>\n`)}</tbody>
</table></div>
${hidden > 0 ? html`<p class="muted">and ${hidden} more</p>` : null}`;
}
