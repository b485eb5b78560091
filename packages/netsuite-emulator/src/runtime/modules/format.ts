/**
 * N/format (Oracle: "N/format Module", "format.format(options)", "format.parse(options)").
 * The emulator fixes the user's preferences: date format `M/D/YYYY`, time format `h:mm a`,
 * time zone UTC, number format `1,000,000.00`. NetSuite reads them from the user's Set Preferences.
 */
import { NsError } from "../../errors.js";
import type { ScriptEnv } from "../env.js";
import { enumOf, options, required, withUnsupported } from "./util.js";
import { isDate } from "./values.js";

export const FormatType = enumOf({
  CCEXPDATE: "ccexpdate",
  CCNUMBER: "ccnumber",
  CCVALIDFROM: "ccvalidfrom",
  CHECKBOX: "checkbox",
  COLOR: "color",
  CURRENCY: "currency",
  CURRENCY2: "currency2",
  DATE: "date",
  DATETIME: "datetime",
  DATETIMETZ: "datetimetz",
  EMAIL: "email",
  FLOAT: "float",
  INTEGER: "integer",
  MMYYDATE: "mmyydate",
  NONNEGCURRENCY: "nonnegcurrency",
  NONNEGFLOAT: "nonnegfloat",
  PERCENT: "percent",
  PHONE: "phone",
  POSCURRENCY: "poscurrency",
  POSFLOAT: "posfloat",
  POSINTEGER: "posinteger",
  RATE: "rate",
  RATEHIGHPRECISION: "ratehighprecision",
  TEXT: "text",
  TEXTAREA: "textarea",
  TIMEOFDAY: "timeofday",
  URL: "url",
});

const two = (n: number) => String(n).padStart(2, "0");

export function formatDate(date: Date): string {
  return `${date.getUTCMonth() + 1}/${date.getUTCDate()}/${date.getUTCFullYear()}`;
}

function formatTime(date: Date, seconds: boolean): string {
  const h = date.getUTCHours();
  const hour12 = h % 12 === 0 ? 12 : h % 12;
  const sec = seconds ? `:${two(date.getUTCSeconds())}` : "";
  return `${hour12}:${two(date.getUTCMinutes())}${sec} ${h < 12 ? "am" : "pm"}`;
}

/** Search results show stored ISO dates in the user's format: `2024-01-05` → `1/5/2024`. */
export function formatIsoForUser(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(new Date(`${value}T00:00:00Z`));
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) {
    const date = new Date(value);
    if (!Number.isNaN(date.getTime())) return `${formatDate(date)} ${formatTime(date, false)}`;
  }
  return value;
}

function parseUserDate(text: string, withTime: boolean): Date | undefined {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]m)?)?$/i.exec(
    text.trim(),
  );
  if (!match) return undefined;
  const [, m, d, y, hh, mm, ss, ampm] = match;
  let hour = Number(hh ?? 0);
  if (ampm) hour = (hour % 12) + (ampm.toLowerCase() === "pm" ? 12 : 0);
  const date = new Date(
    Date.UTC(
      Number(y),
      Number(m) - 1,
      Number(d),
      withTime ? hour : 0,
      withTime ? Number(mm ?? 0) : 0,
      withTime ? Number(ss ?? 0) : 0,
    ),
  );
  return date.getUTCMonth() === Number(m) - 1 ? date : undefined;
}

function formatNumber(n: number, decimals: number): string {
  return n.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

function formatValue(value: unknown, type: string): string {
  if (value === null || value === undefined) return "";
  switch (type) {
    case "date":
      return isDate(value) ? formatDate(value) : String(value);
    case "datetime":
    case "datetimetz":
      return isDate(value) ? `${formatDate(value)} ${formatTime(value, true)}` : String(value);
    case "timeofday":
      return isDate(value) ? formatTime(value, false) : String(value);
    case "checkbox":
      return value === true || value === "T" ? "T" : "F";
    case "currency":
    case "currency2":
    case "nonnegcurrency":
    case "poscurrency":
      return Number.isFinite(Number(value)) ? formatNumber(Number(value), 2) : String(value);
    case "integer":
    case "posinteger":
      return Number.isFinite(Number(value)) ? String(Math.trunc(Number(value))) : String(value);
    case "percent":
      return Number.isFinite(Number(value)) ? `${Number(value).toFixed(1)}%` : String(value);
    default:
      return String(value);
  }
}

function parseValue(value: unknown, type: string): unknown {
  if (value === null || value === undefined || value === "") return value;
  const text = String(value);
  switch (type) {
    case "date":
      return isDate(value) ? value : (parseUserDate(text, false) ?? value);
    case "datetime":
    case "datetimetz":
      return isDate(value) ? value : (parseUserDate(text, true) ?? value);
    case "checkbox":
      return text === "T" || text === "true";
    case "integer":
    case "posinteger": {
      const n = Number.parseInt(text.replace(/,/g, ""), 10);
      return Number.isNaN(n) ? value : n;
    }
    case "float":
    case "posfloat":
    case "nonnegfloat":
    case "currency":
    case "currency2":
    case "nonnegcurrency":
    case "poscurrency":
    case "rate": {
      const n = Number(text.replace(/,/g, ""));
      return Number.isNaN(n) ? value : n;
    }
    case "percent": {
      const n = Number(text.replace(/%$/, ""));
      return Number.isNaN(n) ? value : n;
    }
    default:
      return text;
  }
}

const TYPES = new Set<string>(Object.values(FormatType));

function typeOf(opts: Record<string, unknown>, member: string): string {
  const type = String(required(opts, "type", member)).toLowerCase();
  if (!TYPES.has(type)) throw new NsError("SSS_INVALID_TYPE_ARG", `${member}: invalid type ${type}`);
  return type;
}

export function createFormatModule(_env: ScriptEnv): Record<string, unknown> {
  const module = {
    Type: FormatType,
    Timezone: enumOf({
      ETC_GMT: "GMT",
      AMERICA_LOS_ANGELES: "America/Los_Angeles",
      EUROPE_LONDON: "Europe/London",
    }),
    format(arg: unknown): string {
      const opts = options(arg);
      if (!("value" in opts)) required(opts, "value", "format.format");
      if (opts.timezone !== undefined)
        throw new NsError("UNSUPPORTED_BY_EMULATOR", "UNSUPPORTED_BY_EMULATOR: N/format.format timezone");
      return formatValue(opts.value, typeOf(opts, "format.format"));
    },
    parse(arg: unknown): unknown {
      const opts = options(arg);
      if (!("value" in opts)) required(opts, "value", "format.parse");
      if (opts.timezone !== undefined)
        throw new NsError("UNSUPPORTED_BY_EMULATOR", "UNSUPPORTED_BY_EMULATOR: N/format.parse timezone");
      return parseValue(opts.value, typeOf(opts, "format.parse"));
    },
  };
  return withUnsupported(module, "N/format", [
    "getCurrencyFormatter",
    "getNumberFormatter",
    "getPhoneNumberFormatter",
    "getPhoneNumberParser",
  ]);
}
