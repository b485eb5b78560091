import { describe, expect, it } from "vitest";
import { summarizePaymentMethod } from "../src/payment-method.js";

const card = (details: Record<string, unknown>) => ({
  id: "pm_1",
  object: "payment_method",
  type: "card",
  card: details,
});
const summary = (pm: unknown) => {
  const result = summarizePaymentMethod(pm);
  return result.ok ? result.value : result.errors.map((e) => e.code).join(",");
};

describe("summarizePaymentMethod", () => {
  it("summarizes a card with brand, last4 and zero-padded expiry", () => {
    expect(summary(card({ brand: "visa", last4: "4242", exp_month: 12, exp_year: 2030 }))).toBe(
      "Visa •••• 4242, exp 12/2030",
    );
    expect(summary(card({ brand: "mastercard", last4: "4444", exp_month: 3, exp_year: 2031 }))).toBe(
      "Mastercard •••• 4444, exp 03/2031",
    );
  });

  it.each([
    ["visa", "Visa"],
    ["mastercard", "Mastercard"],
    ["amex", "American Express"],
    ["discover", "Discover"],
    ["diners", "Diners Club"],
    ["jcb", "JCB"],
    ["unionpay", "UnionPay"],
    ["cartes_bancaires", "Cartes Bancaires"],
    ["eftpos_au", "eftpos"],
    ["unknown", "Card"],
    ["some_future_brand", "Card"],
    ["constructor", "Card"],
    ["toString", "Card"],
  ])("names the %s brand %s", (brand, name) => {
    expect(summary(card({ brand, last4: "0005", exp_month: 1, exp_year: 2029 }))).toBe(
      `${name} •••• 0005, exp 01/2029`,
    );
  });

  it("leaves out what is missing or not plausible", () => {
    expect(summary(card({ brand: "visa", last4: "4242" }))).toBe("Visa •••• 4242");
    expect(summary(card({ brand: "visa", last4: "4242", exp_month: 13, exp_year: 2030 }))).toBe(
      "Visa •••• 4242",
    );
    expect(summary(card({ brand: "visa", last4: "4242", exp_month: 1, exp_year: 30 }))).toBe(
      "Visa •••• 4242",
    );
    expect(summary(card({ brand: "visa", exp_month: 1, exp_year: 2030 }))).toBe("Visa, exp 01/2030");
    expect(summary({ type: "card" })).toBe("Card");
  });

  it("never shows more than four digits", () => {
    expect(summary(card({ brand: "visa", last4: "4242424242424242", exp_month: 1, exp_year: 2030 }))).toBe(
      "Visa, exp 01/2030",
    );
    expect(summary({ type: "sepa_debit", sepa_debit: { last4: "89370400440532013000" } })).toBe(
      "SEPA Direct Debit",
    );
    expect(
      summary({
        type: "us_bank_account",
        us_bank_account: { bank_name: "STRIPE TEST BANK", last4: "6789x" },
      }),
    ).toBe("STRIPE TEST BANK");
  });

  it("summarizes bank debits by bank or scheme and last4", () => {
    expect(
      summary({
        type: "us_bank_account",
        us_bank_account: { bank_name: "STRIPE TEST BANK", last4: "6789", routing_number: "110000000" },
      }),
    ).toBe("STRIPE TEST BANK •••• 6789");
    expect(summary({ type: "us_bank_account", us_bank_account: { bank_name: null, last4: "6789" } })).toBe(
      "US bank account •••• 6789",
    );
    expect(
      summary({ type: "sepa_debit", sepa_debit: { bank_code: "37040044", country: "DE", last4: "3000" } }),
    ).toBe("SEPA Direct Debit •••• 3000");
    expect(summary({ type: "bacs_debit", bacs_debit: { sort_code: "108800", last4: "2345" } })).toBe(
      "Bacs Direct Debit •••• 2345",
    );
    expect(summary({ type: "au_becs_debit", au_becs_debit: { bsb_number: "000000", last4: "3456" } })).toBe(
      "BECS Direct Debit •••• 3456",
    );
  });

  it("summarizes Link by its email", () => {
    expect(summary({ type: "link", link: { email: "ann@example.com" } })).toBe("Link (ann@example.com)");
    expect(summary({ type: "link", link: {} })).toBe("Link");
  });

  it("falls back to a name, or the type, for other payment methods", () => {
    expect(summary({ type: "paypal", paypal: { payer_email: "a@b.c" } })).toBe("PayPal");
    expect(summary({ type: "acss_debit", acss_debit: { last4: "6789" } })).toBe(
      "Canadian pre-authorized debit •••• 6789",
    );
    expect(summary({ type: "blik", blik: {} })).toBe("Payment method (blik)");
    expect(summary({ type: "constructor" })).toBe("Payment method (constructor)");
  });

  it("returns null when there is no default payment method", () => {
    expect(summarizePaymentMethod(null)).toEqual({ ok: true, value: null });
    expect(summarizePaymentMethod(undefined)).toEqual({ ok: true, value: null });
  });

  it("asks for expansion when given only an ID", () => {
    expect(summarizePaymentMethod("pm_1Card")).toEqual({
      ok: false,
      errors: [
        {
          code: "PAYMENT_METHOD_NOT_EXPANDED",
          message: "The default payment method pm_1Card came as an ID, without its details.",
          fix: "Retrieve the customer with expand[]=invoice_settings.default_payment_method.",
          field: "invoice_settings.default_payment_method",
        },
      ],
    });
  });

  it.each([[5], [[]], [{}], [{ type: 5 }], [{ type: "Card Type!" }], [{ type: "" }]])(
    "refuses %j as malformed",
    (pm) => {
      expect(summary(pm)).toBe("PAYMENT_METHOD_MALFORMED");
    },
  );
});
