/**
 * The one-line summary of a customer's default payment method shown on the NetSuite customer
 * record, e.g. `Visa •••• 4242, exp 12/2030`. It never shows more of a number than the last four
 * digits Stripe itself exposes.
 */
import { clip } from "./hostile-input.js";
import { fail, ok, type Result, type SyncIssue } from "./result.js";

/** Display names of Stripe's card brands; any other brand shows as "Card". */
const CARD_BRANDS: Readonly<Record<string, string>> = {
  visa: "Visa",
  mastercard: "Mastercard",
  amex: "American Express",
  discover: "Discover",
  diners: "Diners Club",
  jcb: "JCB",
  unionpay: "UnionPay",
  cartes_bancaires: "Cartes Bancaires",
  eftpos_au: "eftpos",
  unknown: "Card",
};

/** Names of the payment method types without a number to show. */
const TYPE_NAMES: Readonly<Record<string, string>> = {
  us_bank_account: "US bank account",
  sepa_debit: "SEPA Direct Debit",
  bacs_debit: "Bacs Direct Debit",
  au_becs_debit: "BECS Direct Debit",
  acss_debit: "Canadian pre-authorized debit",
  link: "Link",
  paypal: "PayPal",
  cashapp: "Cash App Pay",
  klarna: "Klarna",
  amazon_pay: "Amazon Pay",
  revolut_pay: "Revolut Pay",
};

const BULLETS = "••••";

/**
 * Summarizes `invoice_settings.default_payment_method`: `null` when there is none, an issue when it
 * is an unexpanded ID or not a payment method.
 */
export function summarizePaymentMethod(pm: unknown): Result<string | null> {
  if (pm === null || pm === undefined) return ok(null);
  if (typeof pm === "string") {
    return fail({
      code: "PAYMENT_METHOD_NOT_EXPANDED",
      message: `The default payment method ${clip(pm)} came as an ID, without its details.`,
      fix: "Retrieve the customer with expand[]=invoice_settings.default_payment_method.",
      field: "invoice_settings.default_payment_method",
    });
  }
  if (!isRecord(pm) || typeof pm.type !== "string" || !/^[a-z0-9_]{1,64}$/.test(pm.type)) {
    return fail(malformed());
  }
  const details = isRecord(pm[pm.type]) ? (pm[pm.type] as Record<string, unknown>) : {};
  switch (pm.type) {
    case "card":
      return ok(summarizeCard(details));
    case "us_bank_account":
      return ok(withLast4(nonEmpty(details.bank_name) ?? "US bank account", details.last4));
    case "link": {
      const email = nonEmpty(details.email);
      return ok(email === undefined ? "Link" : `Link (${email})`);
    }
    default:
      // sepa_debit, bacs_debit, au_becs_debit and others with a last4; a humane name for the rest.
      return ok(withLast4(nameIn(TYPE_NAMES, pm.type) ?? `Payment method (${pm.type})`, details.last4));
  }
}

function summarizeCard(card: Record<string, unknown>): string {
  const brand = (typeof card.brand === "string" ? nameIn(CARD_BRANDS, card.brand) : undefined) ?? "Card";
  const month = card.exp_month;
  const year = card.exp_year;
  const hasExpiry =
    typeof month === "number" &&
    Number.isInteger(month) &&
    month >= 1 &&
    month <= 12 &&
    typeof year === "number" &&
    Number.isInteger(year) &&
    year >= 1000 &&
    year <= 9999;
  const base = withLast4(brand, card.last4);
  return hasExpiry ? `${base}, exp ${String(month).padStart(2, "0")}/${year}` : base;
}

/** Appends the last four digits, but only when they are exactly four digits: never more of a number. */
function withLast4(name: string, last4: unknown): string {
  return typeof last4 === "string" && /^[0-9]{4}$/.test(last4) ? `${name} ${BULLETS} ${last4}` : name;
}

/** A table entry, own properties only (a brand named "constructor" must not find Object's). */
function nameIn(table: Readonly<Record<string, string>>, key: string): string | undefined {
  return Object.keys(table).includes(key) ? table[key] : undefined;
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim().slice(0, 100) : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function malformed(): SyncIssue {
  return {
    code: "PAYMENT_METHOD_MALFORMED",
    message: "The default payment method is not a Stripe payment method object (no valid type).",
    fix: "Retrieve the customer with expand[]=invoice_settings.default_payment_method and pass that object.",
    field: "invoice_settings.default_payment_method",
  };
}
