/**
 * Field values between the page and scripts: the page holds strings (dates as the user's M/D/YYYY, the
 * emulator's fixed preference), scripts get NetSuite's types by field type.
 */

const NUMBER_TYPES = new Set([
  "integer",
  "float",
  "currency",
  "currency2",
  "poscurrency",
  "percent",
  "posfloat",
  "posinteger",
]);
const DATE_TYPES = new Set(["date", "datetime", "datetimetz"]);

export function isDateType(type: string): boolean {
  return DATE_TYPES.has(type);
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** `1/31/2024`, `1/31/2024 3:05 pm`, `2024-01-31`, `2024-01-31T…`: a Date, or undefined. */
export function parseDate(text: string): Date | undefined {
  const s = text.trim();
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?)?$/i.exec(s);
  if (us) {
    let hours = Number(us[4] ?? 0);
    const meridian = us[7]?.toLowerCase();
    if (meridian === "pm" && hours < 12) hours += 12;
    if (meridian === "am" && hours === 12) hours = 0;
    return new Date(
      Number(us[3]),
      Number(us[1]) - 1,
      Number(us[2]),
      hours,
      Number(us[5] ?? 0),
      Number(us[6] ?? 0),
    );
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (iso) return new Date(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3]));
  if (/^\d{4}-\d{2}-\d{2}T/.test(s)) {
    const d = new Date(s);
    return Number.isNaN(d.getTime()) ? undefined : d;
  }
  return undefined;
}

export function formatDate(d: Date, type: string): string {
  const date = `${d.getMonth() + 1}/${d.getDate()}/${d.getFullYear()}`;
  if (type === "date") return date;
  const h = d.getHours() % 12 === 0 ? 12 : d.getHours() % 12;
  return `${date} ${h}:${pad(d.getMinutes())} ${d.getHours() < 12 ? "am" : "pm"}`;
}

/** A raw page value (string, JSON value of a view span, record.values entry) as the script sees it. */
export function toScript(type: string, raw: unknown): unknown {
  if (type === "checkbox") return raw === true || raw === "T" || raw === "true";
  if (type === "multiselect") {
    if (Array.isArray(raw)) return raw.map(String);
    if (raw === null || raw === undefined || raw === "") return [];
    const s = String(raw);
    if (s.startsWith("[")) return (JSON.parse(s) as unknown[]).map(String);
    // NetSuite joins multiselect values with \u0005 in its own forms; pages here use commas.
    return s.includes("\u0005") ? s.split("\u0005") : s.split(",");
  }
  if (raw === null || raw === undefined || raw === "") return "";
  if (NUMBER_TYPES.has(type)) {
    if (typeof raw === "number") return raw;
    const n = Number(String(raw).replace(/[,%\s]/g, ""));
    return Number.isNaN(n) ? String(raw) : n;
  }
  if (DATE_TYPES.has(type)) {
    if (raw instanceof Date) return raw;
    return parseDate(String(raw)) ?? String(raw);
  }
  return String(raw);
}

/** A script value as the page's text control holds it. */
export function toControl(type: string, value: unknown, inputType?: string): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) {
    if (inputType === "date")
      return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
    return formatDate(value, type);
  }
  if (type === "checkbox") return value === true || value === "T" ? "T" : "F";
  if (Array.isArray(value)) return value.map(String).join(",");
  return String(value);
}
