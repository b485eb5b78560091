/**
 * Reading a record's raw values as NetSuite gives them (text, numbers, 'T'/'F'), reporting each
 * problem as a SyncIssue naming the record and the field: the primitives `validateConfig` is built on.
 */
import type { SyncIssue } from "./result.js";

// scheme, host (DNS labels), optional port, then path/query/fragment without spaces. No userinfo.
const HTTP_URL =
  /^(https?):\/\/([a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*)(?::([0-9]{1,5}))?(?:[/?#]\S*)?$/i;

export type Issues = SyncIssue[];

/** How to read one ID: its pattern, the issue code and wording when it does not match, and its default. */
export interface IdRule {
  pattern: RegExp;
  code: string;
  /** What the field should hold, e.g. `a Stripe account ID (acct_…)`. */
  expected: string;
  /** Used when the value is blank; without it a blank is a `CONFIG_REQUIRED` issue. */
  fallback?: string;
  /** Keep the case as given (Stripe IDs are case-sensitive; NetSuite script IDs are not). */
  keepCase?: boolean;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Readers for one record's raw values; every issue they report names that record and the field. */
export function reader(record: string, errors: Issues) {
  const report = (code: string, field: string, message: string, fix: string): undefined => {
    errors.push({ code, message: `${record}: ${message}`, fix, field, record });
    return undefined;
  };
  /** Trimmed text (`''` when blank); `undefined` after reporting a value that is not text. */
  const text = (value: unknown, field: string): string | undefined => {
    if (value === undefined || value === null) return "";
    if (typeof value === "string") return value.trim();
    if (typeof value === "number" && Number.isFinite(value)) return String(value);
    return report(
      "CONFIG_INVALID_TYPE",
      field,
      `${field} is a ${typeof value}, not text.`,
      `Enter ${field} as text on ${record}.`,
    );
  };
  /** Non-blank text; `undefined` after reporting it missing. */
  const required = (value: unknown, field: string, what: string): string | undefined => {
    const t = text(value, field);
    if (t !== "") return t;
    return report("CONFIG_REQUIRED", field, `${field} is blank.`, `Enter ${what} in ${field} on ${record}.`);
  };
  /** An ID checked against its rule; `undefined` after reporting. */
  const id = (value: unknown, field: string, rule: IdRule): string | undefined => {
    const t = rule.fallback === undefined ? required(value, field, rule.expected) : text(value, field);
    if (t === undefined) return undefined;
    if (t === "" && rule.fallback !== undefined) return rule.fallback;
    const normal = rule.keepCase ? t : t.toLowerCase();
    if (rule.pattern.test(normal)) return normal;
    return report(
      rule.code,
      field,
      `${field} "${t}" is not ${rule.expected}.`,
      `Enter ${rule.expected} in ${field} on ${record}.`,
    );
  };
  return { report, text, required, id };
}

/** A checkbox as NetSuite gives it (boolean, 'T'/'F'); a blank is `fallback`. */
export function checkbox(
  value: unknown,
  field: string,
  fallback: boolean,
  errors: Issues,
  record: string,
): boolean {
  if (typeof value === "boolean") return value;
  const t = typeof value === "string" ? value.trim().toLowerCase() : value;
  if (t === undefined || t === null || t === "") return fallback;
  if (t === "t" || t === "true") return true;
  if (t === "f" || t === "false") return false;
  reader(record, errors).report(
    "CONFIG_INVALID_BOOLEAN",
    field,
    `${field} is "${String(value)}", not a checkbox value (T or F).`,
    `Tick or clear the ${field} checkbox on ${record}.`,
  );
  return fallback;
}

/** An http(s) URL check without the URL class (absent in SuiteScript): https, or http for a local host. */
export function checkReturnUrl(url: string): string | undefined {
  const m = HTTP_URL.exec(url);
  if (!m) return "is not an absolute http(s) URL";
  const [, scheme, host, port] = m;
  const lowerHost = (host ?? "").toLowerCase();
  const local = lowerHost === "localhost" || lowerHost === "127.0.0.1";
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535))
    return `has port ${port}, outside 1–65535`;
  if (scheme?.toLowerCase() === "http" && !local) return "uses http; Stripe's portal returns only to https";
  if (!local && !lowerHost.includes(".")) return `has host "${host}", which is not a full domain name`;
  return undefined;
}
