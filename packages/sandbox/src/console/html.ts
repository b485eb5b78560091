/**
 * Escaping for the console's pages. Customer names, emails and log messages are user data, so every
 * interpolated value is escaped (by `escape-html`: `& < > " '`, enough for text and quoted attribute
 * values, the only places values go) unless it is already `Html` built here; text also has anything
 * secret-shaped masked, in case a key ever lands in a message.
 */
import escapeHtml from "escape-html";

// Stripe secret and restricted keys, webhook signing secrets.
const SECRET = /\b((?:sk|rk)_(?:test|live)_|whsec_)[A-Za-z0-9_+/=]{4,}/g;

/** A secret key becomes its prefix and an ellipsis; a signing secret a placeholder. */
export function redactSecrets(text: string): string {
  return text.replace(SECRET, (_whole, prefix: string) =>
    prefix === "whsec_" ? "[signing secret]" : `${prefix}…`,
  );
}

/** Markup that is already safe: made by `html` or a constant of this codebase. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = Html | string | number | boolean | null | undefined | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value instanceof Html) return value.value;
  if (value === null || value === undefined || value === false) return "";
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(redactSecrets(String(value)));
}

/** Tagged template: values are escaped (and redacted) unless they are `Html`. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0] ?? "";
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? "");
  });
  return new Html(out);
}

/** A constant string of this codebase (never user data) as markup. */
export function trusted(markup: string): Html {
  return new Html(markup);
}

/** The URL as text if it is absolute http(s), else null: keeps `javascript:` out of hrefs. */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A link when the URL is safe, the label as text otherwise. */
export function link(url: string | null | undefined, label: HtmlValue, attrs: Html = trusted("")): Html {
  const href = safeHttpUrl(url);
  return href ? html`<a href="${href}"${attrs}>${label}</a>` : html`${label}`;
}
