/**
 * Turns one saved-search result (its labelled columns) into the parameters of Stripe's create or
 * update customer call. Stripe's limits are checked here and reported, never truncated: a shortened
 * phone number or metadata value in Stripe would be a silent data error.
 */
import { toCountryCode } from "./countries.js";
import {
  type AddressPart,
  type ColumnRef,
  describeColumn,
  METADATA_LIMITS,
  metadataKeyProblem,
  type PlannedColumn,
  parseColumnLabels,
  syncMetadataKey,
  targetLabel,
} from "./labels.js";
import { fail, ok, type Result, type SyncIssue } from "./result.js";
import { NETSUITE_CUSTOMER_ID_KEY, NETSUITE_SUBSIDIARY_KEY } from "./stripe-metadata.js";

/** One column of a saved-search result; a select column carries both `value` (ID or code) and `text`. */
export interface ColumnValue extends ColumnRef {
  value: unknown;
  text?: string;
}

/** Who is being mapped, and whether for Stripe's create or update call. */
export interface MappingContext {
  customerId: string;
  subsidiaryId: string;
  /** The configured sync field (`email` or an entity field ID). */
  syncField: string;
  /** The customer's value of the sync field, written to metadata when the field is not `email`. */
  syncValue?: string;
  mode: "create" | "update";
}

/** A Stripe address; on update a part may be `''` to clear it. */
export type StripeAddressParams = Partial<Record<AddressPart, string>>;

/** Stripe's shipping block: name and address are required together. */
export type StripeShippingParams = {
  name: string;
  phone?: string;
  address: StripeAddressParams;
};

/** Stripe customer parameters for create/update; `''` clears a field on update. */
// A type alias, not an interface, so it is assignable to encodeForm's FormParams.
export type StripeCustomerParams = {
  email?: string;
  name?: string;
  phone?: string;
  description?: string;
  preferred_locales?: string[];
  tax_exempt?: "" | "none" | "exempt" | "reverse";
  address?: StripeAddressParams | "";
  shipping?: StripeShippingParams | "";
  metadata: Record<string, string>;
};

/** Stripe's length limits (OpenAPI `maxLength`) for the fields the mapping fills. */
export const FIELD_MAX_LENGTH = {
  email: 512,
  name: 256,
  phone: 20,
  description: 5000,
  preferred_locale: 5000,
  address: 5000,
  shipping: 5000,
} as const;

const TAX_EXEMPT_VALUES = ["none", "exempt", "reverse"] as const;

// Pragmatic address syntax: one @, no spaces or quoting characters, a dotted domain whose last label
// has two or more characters. Stripe refuses worse; we refuse first so the user sees which column.
const EMAIL = /^[^\s@"(),:;<>[\]\\]+@(?:[^\s@"(),:;<>[\]\\.]+\.)+[^\s@"(),:;<>[\]\\.]{2,}$/;
// BCP 47 shape as Stripe takes it: `en`, `fr-CA`, `zh-Hant-TW`.
const LOCALE = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/** Characters as Stripe counts them: code points, so an emoji counts once. */
function length(text: string): number {
  return Array.from(text).length;
}

/** A column read as trimmed text (`''` when blank), with the other form of a select column as `alt`. */
type Cell = { ok: true; text: string; alt: string } | { ok: false; type: string };

/**
 * The text of a select column is what the user sees in NetSuite, so display fields prefer it; a
 * country prefers the value, which is its code, and falls back to the text (`alt`).
 */
function readCell(column: ColumnValue, preferValue: boolean): Cell {
  const text = typeof column.text === "string" ? column.text.trim() : "";
  const value = scalarText(column.value);
  if (value === undefined)
    return { ok: false, type: Array.isArray(column.value) ? "list of non-text values" : typeof column.value };
  const [first, second] = preferValue ? [value, text] : [text, value];
  return first !== "" ? { ok: true, text: first, alt: second } : { ok: true, text: second, alt: "" };
}

function scalarText(value: unknown): string | undefined {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === "boolean") return value ? "true" : "false";
  // A multi-select column arrives as a flat list of its values.
  if (Array.isArray(value)) {
    const parts = value.map((v: unknown) => (Array.isArray(v) ? undefined : scalarText(v)));
    return parts.every((p): p is string => p !== undefined)
      ? parts.filter((p) => p !== "").join(", ")
      : undefined;
  }
  return undefined;
}

/** Maps a saved-search result to Stripe customer parameters, reporting every problem at once. */
export function mapCustomer(
  columns: readonly ColumnValue[],
  context: MappingContext,
): Result<StripeCustomerParams> {
  const record = `customer ${context.customerId}`;
  const plan = parseColumnLabels(columns, { syncField: context.syncField });
  if (!plan.ok) return fail(...plan.errors.map((e) => ({ ...e, record })));

  const errors: SyncIssue[] = [];
  const issue = (code: string, where: string, message: string, fix: string): void => {
    errors.push({ code, message: `Customer ${context.customerId}: ${message}`, fix, field: where, record });
  };
  const update = context.mode === "update";
  const out: StripeCustomerParams = { metadata: {} };
  const address: StripeAddressParams = {};
  const shippingAddress: StripeAddressParams = {};
  const shipping: { name?: string; phone?: string } = {};
  let addressMapped = false;
  let addressFilled = false;
  let shippingMapped = false;
  let shippingFilled = false;

  for (const planned of plan.value.columns) {
    const column = columns[planned.index] as ColumnValue;
    const where = describeColumn(column, planned.index);
    const { target } = planned;
    const isCountry =
      (target.kind === "address" || target.kind === "shippingAddress") && target.part === "country";
    const cell = readCell(column, isCountry);
    if (!cell.ok) {
      issue(
        "MAPPING_INVALID_VALUE",
        where,
        `${where}, labelled ${targetLabel(target)}, holds a value of type ${cell.type}, not text, a number or a list.`,
        "Map a field whose value is text, a number, a checkbox or a list (select) in the saved search.",
      );
      continue;
    }
    const value = cell.text;
    const blank = value === "";
    // On create a blank is left out; on update it clears the field in Stripe.
    if (blank && !update) continue;
    const checked = blank ? "" : checkValue(planned, value, cell.alt, where, issue);
    // `undefined`: reported. `''` from a non-blank cell (a locale list of bare commas) is blank too.
    if (checked === undefined || (checked === "" && !update)) continue;

    switch (target.kind) {
      case "field":
        if (target.field === "preferred_locales") {
          // Stripe's contract has no way to clear this list (an array, with no `''` unset form), so a
          // blank column leaves Stripe's value as it is rather than send a request Stripe refuses.
          if (checked !== "") out.preferred_locales = checked.split(",");
        } else if (target.field === "tax_exempt")
          out.tax_exempt = checked as StripeCustomerParams["tax_exempt"];
        else out[target.field] = checked;
        break;
      case "address":
        addressMapped = true;
        addressFilled ||= !blank;
        address[target.part] = checked;
        break;
      case "shipping":
        shippingMapped = true;
        shippingFilled ||= !blank;
        shipping[target.field] = checked;
        break;
      case "shippingAddress":
        shippingMapped = true;
        shippingFilled ||= !blank;
        shippingAddress[target.part] = checked;
        break;
      case "metadata":
        out.metadata[target.key] = checked;
        break;
    }
  }

  if (addressFilled) out.address = address;
  else if (addressMapped && update) out.address = "";

  if (shippingFilled) {
    const name = shipping.name ?? "";
    const hasAddress = Object.keys(shippingAddress).some((p) => shippingAddress[p as AddressPart] !== "");
    if (name === "" || !hasAddress) {
      issue(
        "MAPPING_SHIPPING_INCOMPLETE",
        name === "" ? "shipping.name" : "shipping.address",
        `the shipping details are filled in but the shipping ${name === "" ? "name" : "address"} is blank; Stripe needs both.`,
        `Fill in the customer's shipping ${name === "" ? "addressee" : "address"} in NetSuite, or clear the shipping details.`,
      );
    } else {
      out.shipping = {
        name,
        ...(shipping.phone !== undefined ? { phone: shipping.phone } : {}),
        address: shippingAddress,
      };
    }
  } else if (shippingMapped && update) {
    out.shipping = "";
  }

  addSyncMetadata(out.metadata, context, issue);
  if (errors.length > 0) return fail(...errors);
  // Metadata last, so requests and logs read in the order a person expects.
  const { metadata, ...fields } = out;
  return ok({ ...fields, metadata });
}

type Issue = (code: string, where: string, message: string, fix: string) => void;

/** Checks a non-blank value against Stripe's rules for its target; `undefined` after reporting. */
function checkValue(
  planned: PlannedColumn,
  value: string,
  alt: string,
  where: string,
  issue: Issue,
): string | undefined {
  const { target } = planned;
  const label = targetLabel(target);
  const tooLong = (max: number): string | undefined => {
    if (length(value) <= max) return value;
    issue(
      "MAPPING_VALUE_TOO_LONG",
      where,
      `${where}, labelled ${label}, is ${length(value)} characters long; Stripe allows at most ${max}.`,
      `Shorten the value in NetSuite to ${max} characters or fewer.`,
    );
    return undefined;
  };
  switch (target.kind) {
    case "metadata":
      return tooLong(METADATA_LIMITS.maxValueLength);
    case "address":
    case "shippingAddress": {
      if (target.part !== "country") return tooLong(FIELD_MAX_LENGTH.address);
      const code = toCountryCode(value, where);
      if (code.ok) return code.value;
      const fromAlt = alt === "" ? undefined : toCountryCode(alt, where);
      if (fromAlt?.ok) return fromAlt.value;
      for (const e of code.errors) issue("MAPPING_UNKNOWN_COUNTRY", where, e.message, e.fix);
      return undefined;
    }
    case "shipping":
      return tooLong(FIELD_MAX_LENGTH.shipping);
    case "field":
      break;
  }
  switch (target.field) {
    case "email":
      if (!EMAIL.test(value)) {
        issue(
          "MAPPING_INVALID_EMAIL",
          where,
          `${where}, labelled email, holds "${value}", which is not an email address.`,
          "Correct the email address in NetSuite (one address, like name@example.com).",
        );
        return undefined;
      }
      return tooLong(FIELD_MAX_LENGTH.email);
    case "tax_exempt": {
      const lower = value.toLowerCase();
      if ((TAX_EXEMPT_VALUES as readonly string[]).includes(lower)) return lower;
      issue(
        "MAPPING_INVALID_TAX_EXEMPT",
        where,
        `${where}, labelled tax_exempt, holds "${value}"; Stripe takes ${TAX_EXEMPT_VALUES.join(", ")}.`,
        `Map a field whose value is one of ${TAX_EXEMPT_VALUES.join(", ")}, or blank.`,
      );
      return undefined;
    }
    case "preferred_locales": {
      const locales = value
        .split(",")
        .map((l) => l.trim())
        .filter((l) => l !== "");
      const bad = locales.filter((l) => !LOCALE.test(l) || length(l) > FIELD_MAX_LENGTH.preferred_locale);
      if (bad.length > 0) {
        issue(
          "MAPPING_INVALID_LOCALE",
          where,
          `${where}, labelled preferred_locales, holds ${bad.map((b) => `"${b}"`).join(", ")}, not a locale like en or fr-CA.`,
          "Give locales separated by commas, each a language code with optional region (en, fr-CA).",
        );
        return undefined;
      }
      return locales.join(",");
    }
    default:
      return tooLong(FIELD_MAX_LENGTH[target.field]);
  }
}

// The sync's own keys come last so no column can overwrite them (labels refuse them anyway).
function addSyncMetadata(metadata: Record<string, string>, context: MappingContext, issue: Issue): void {
  metadata[NETSUITE_CUSTOMER_ID_KEY] = context.customerId;
  metadata[NETSUITE_SUBSIDIARY_KEY] = context.subsidiaryId;
  const key = syncMetadataKey(context.syncField);
  if (key === undefined) return;
  const problem = metadataKeyProblem(key);
  if (problem !== undefined) {
    issue(
      "MAPPING_INVALID_METADATA_KEY",
      key,
      `the sync field "${key}" cannot be a Stripe metadata key: it ${problem}.`,
      "Choose a sync field whose ID has at most 40 characters, or sync by email.",
    );
    return;
  }
  const value = (context.syncValue ?? "").trim();
  if (length(value) > METADATA_LIMITS.maxValueLength) {
    issue(
      "MAPPING_VALUE_TOO_LONG",
      key,
      `the sync field ${key} is ${length(value)} characters long; Stripe metadata allows ${METADATA_LIMITS.maxValueLength}.`,
      `Shorten the value of ${key} in NetSuite to ${METADATA_LIMITS.maxValueLength} characters or fewer.`,
    );
    return;
  }
  if (value !== "" || context.mode === "update") metadata[key] = value;
}
