/**
 * Stripe's test-mode payment method tokens (docs.stripe.com/testing, "Cards by brand"): attaching
 * `pm_card_visa` creates a new card payment method with these details.
 */
export interface TestCard {
  brand: string;
  last4: string;
  funding: "credit" | "debit" | "prepaid";
  country: string;
  label: string;
}

export const TEST_CARDS: Readonly<Record<string, TestCard>> = {
  pm_card_visa: { brand: "visa", last4: "4242", funding: "credit", country: "US", label: "Visa" },
  pm_card_visa_debit: {
    brand: "visa",
    last4: "5556",
    funding: "debit",
    country: "US",
    label: "Visa (debit)",
  },
  pm_card_mastercard: {
    brand: "mastercard",
    last4: "4444",
    funding: "credit",
    country: "US",
    label: "Mastercard",
  },
  pm_card_mastercard_debit: {
    brand: "mastercard",
    last4: "8210",
    funding: "debit",
    country: "US",
    label: "Mastercard (debit)",
  },
  pm_card_mastercard_prepaid: {
    brand: "mastercard",
    last4: "5100",
    funding: "prepaid",
    country: "US",
    label: "Mastercard (prepaid)",
  },
  pm_card_amex: { brand: "amex", last4: "8431", funding: "credit", country: "US", label: "American Express" },
  pm_card_discover: { brand: "discover", last4: "1117", funding: "credit", country: "US", label: "Discover" },
  pm_card_diners: { brand: "diners", last4: "0004", funding: "credit", country: "US", label: "Diners Club" },
  pm_card_jcb: { brand: "jcb", last4: "0000", funding: "credit", country: "JP", label: "JCB" },
  pm_card_unionpay: { brand: "unionpay", last4: "0005", funding: "credit", country: "CN", label: "UnionPay" },
  pm_card_gb: {
    brand: "visa",
    last4: "0002",
    funding: "credit",
    country: "GB",
    label: "Visa (United Kingdom)",
  },
  pm_card_de: { brand: "visa", last4: "0000", funding: "credit", country: "DE", label: "Visa (Germany)" },
};

/** Test cards expire at the end of the year, a few years ahead, as Stripe's do. */
export function testCardExpiry(nowMs: number): { exp_month: number; exp_year: number } {
  return { exp_month: 12, exp_year: new Date(nowMs).getUTCFullYear() + 4 };
}
