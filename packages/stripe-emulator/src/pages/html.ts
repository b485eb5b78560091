// HTML building blocks for the emulator's pages. Every value shown comes from API callers (customer
// names, metadata, URLs), so interpolation escapes by default (`escape-html`: `& < > " '`, enough for
// text and quoted attribute values, the only places values go) and only `Html` values pass through raw.
import escapeHtml from "escape-html";

/** Markup that is already safe: produced by `html` or wrapped deliberately with `trusted`. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** What may be interpolated: text is escaped, `Html` is kept, nullish/false render nothing. */
export type HtmlValue = Html | string | number | boolean | null | undefined | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value instanceof Html) return value.value;
  if (value === null || value === undefined || value === false) return "";
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
}

/** Tagged template: `html\`<td>${name}</td>\`` escapes `name` unless it is itself `Html`. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0] ?? "";
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? "");
  });
  return new Html(out);
}

/** Marks a constant string from this codebase (never caller data) as markup. */
export function trusted(markup: string): Html {
  return new Html(markup);
}

/** The URL if it is absolute http(s), else null: keeps `javascript:` and friends out of hrefs. */
export function safeHttpUrl(url: string | null | undefined): URL | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed : null;
  } catch {
    return null;
  }
}

// One small stylesheet shared by every page: system font, readable tables that scroll sideways on a
// phone instead of squashing, and a few badges.
const CSS = `
:root { color-scheme: light dark; --muted: #6b7280; --line: #d1d5db; --accent: #635bff; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1280px; padding: 16px; line-height: 1.45;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
h1 { font-size: 1.5rem; margin: 0 0 8px; } h2 { font-size: 1.2rem; margin: 24px 0 8px; }
h3 { font-size: 1rem; margin: 20px 0 6px; }
.muted { color: var(--muted); } code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .9em; }
pre { overflow-x: auto; padding: 10px; border: 1px solid var(--line); border-radius: 6px; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-weight: 600; white-space: nowrap; }
td { overflow-wrap: anywhere; }
.counts { display: flex; flex-wrap: wrap; gap: 8px 20px; padding: 0; margin: 0; list-style: none; }
.badge { display: inline-block; padding: 0 6px; border-radius: 9px; font-size: .8rem; border: 1px solid; }
.ok { color: #047857; } .fail { color: #b91c1c; } .default { color: var(--accent); }
.account { border-top: 2px solid var(--line); margin-top: 24px; }
.notice { padding: 8px 12px; border: 1px solid var(--accent); border-radius: 6px; }
.cards { list-style: none; padding: 0; }
.card { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 16px; padding: 10px 0;
  border-bottom: 1px solid var(--line); }
.card .what { flex: 1 1 200px; }
form.inline { display: inline; margin: 0; }
button { font: inherit; padding: 6px 12px; border-radius: 6px; border: 1px solid var(--line); cursor: pointer; }
button.primary { background: var(--accent); color: #fff; border-color: var(--accent); }
label { margin-right: 12px; } select { font: inherit; padding: 5px; }
.add { margin-top: 20px; display: flex; flex-wrap: wrap; gap: 10px; align-items: center; }
`;

/** A complete document: doctype, charset, viewport, the stylesheet and `body`. */
export function layout(title: string, body: Html): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<link rel="icon" href="data:,">
<title>${title}</title>
<style>${trusted(CSS)}</style>
</head>
<body>
${body}
</body>
</html>
`.value;
}
