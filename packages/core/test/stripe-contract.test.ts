/**
 * What core builds must be what Stripe accepts: every mapping output and lookup request is sent
 * through the wire format (encodeForm → decodeForm) and checked against Stripe's OpenAPI contract.
 */
import { contract, decodeForm, validateRequest } from "@nss/stripe-spec";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { encodeForm, type FormParams } from "../src/form.js";
import { KNOWN_LABELS } from "../src/labels.js";
import { planLookup } from "../src/lookup.js";
import { type ColumnValue, type MappingContext, mapCustomer } from "../src/mapping.js";
import { STRIPE_API_VERSION } from "../src/stripe-version.js";

/** Stripe's answer to this request as it would travel: encoded, decoded, validated. */
function stripeAnswer(method: string, path: string, params: FormParams) {
  const decoded = decodeForm(encodeForm(params));
  if (!decoded.ok) return decoded;
  return validateRequest(method, path, decoded.params);
}

const plausible: Record<string, fc.Arbitrary<string>> = {
  email: fc.emailAddress().filter((e) => e.length <= 512),
  // Near Stripe's 256-character limit, with characters outside the BMP counted as one each.
  name: fc.oneof(
    fc.string({ maxLength: 80, unit: "grapheme" }),
    fc.string({ minLength: 250, maxLength: 258, unit: fc.constantFrom("😀", "é", "a") }),
  ),
  phone: fc.stringMatching(/^\+?[0-9 ()-]{0,20}$/),
  description: fc.string({ maxLength: 300, unit: "grapheme" }),
  preferred_locales: fc.constantFrom("en", "fr-CA", "nb, en", "zh-Hant-TW,de", ""),
  tax_exempt: fc.constantFrom("none", "exempt", "reverse", "EXEMPT", ""),
  country: fc.constantFrom("US", "no", "United Kingdom", "_germany", "Korea, Republic of", ""),
  other: fc.string({ maxLength: 120, unit: "grapheme" }),
};

const filled = fc.string({ minLength: 1, maxLength: 60, unit: "grapheme" }).filter((v) => v.trim() !== "");

function valueFor(label: string): fc.Arbitrary<string> {
  if (label === "shipping.name" || label === "shipping.address.line1") return filled;
  if (label.endsWith("country")) return plausible.country as fc.Arbitrary<string>;
  return (plausible[label] ?? plausible.other) as fc.Arbitrary<string>;
}

const fixedLabels = KNOWN_LABELS.filter((l) => l !== "metadata.<key>");
const metadataLabel = fc
  .stringMatching(/^[a-z][a-z0-9_]{0,30}$/)
  .filter((k) => !k.startsWith("netsuite_"))
  .map((k) => `metadata.${k}`);

/** Stripe needs a shipping name and address together, as a real saved search would map them. */
function withCompleteShipping(labels: string[]): string[] {
  if (!labels.some((l) => l.startsWith("shipping."))) return labels;
  return [...new Set([...labels, "shipping.name", "shipping.address.line1"])];
}

/** A saved-search result: distinct labels, each with a value of the kind a NetSuite field would hold. */
const columns: fc.Arbitrary<ColumnValue[]> = fc
  .uniqueArray(fc.oneof(fc.constantFrom(...fixedLabels), metadataLabel), { maxLength: 24 })
  .map(withCompleteShipping)
  .chain((labels) =>
    fc
      .tuple(...labels.map((label) => valueFor(label).map((value) => ({ label, value }))))
      .map((cells) => cells.map(({ label, value }, i): ColumnValue => ({ name: `col${i}`, label, value }))),
  );

const context: fc.Arbitrary<Omit<MappingContext, "mode">> = fc.record({
  customerId: fc.stringMatching(/^[1-9][0-9]{0,6}$/),
  subsidiaryId: fc.stringMatching(/^[1-9][0-9]{0,3}$/),
  syncField: fc.constantFrom("email", "custentity_code"),
  syncValue: fc.string({ maxLength: 40, unit: "grapheme" }),
});

describe("mapping output against Stripe's contract", () => {
  for (const [mode, path] of [
    ["create", "/v1/customers"],
    ["update", "/v1/customers/cus_Pq8vU2f6Tk1a"],
  ] as const) {
    it(`${mode}: every params object mapCustomer accepts is a request Stripe accepts (POST ${path})`, () => {
      let accepted = 0;
      fc.assert(
        fc.property(columns, context, (cols, ctx) => {
          const mapped = mapCustomer(cols, { ...ctx, mode });
          if (!mapped.ok) return;
          accepted++;
          const answer = stripeAnswer("POST", path, mapped.value);
          expect(answer.ok ? "accepted" : answer.error.message).toBe("accepted");
        }),
        { numRuns: 400 },
      );
      // The property must not hold vacuously: most generated customers are valid.
      expect(accepted).toBeGreaterThan(300);
    });
  }

  it("the contract would catch a mapping mistake (the check is not vacuous)", () => {
    const answer = stripeAnswer("POST", "/v1/customers", { email: "a@b.co", adress: { city: "Oslo" } });
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error.message).toBe("Received unknown parameter: adress");
    const tooLong = stripeAnswer("POST", "/v1/customers", { phone: "1".repeat(21) });
    expect(tooLong.ok).toBe(false);
  });
});

describe("lookup requests against Stripe's contract", () => {
  it("the email lookup is a valid list request", () => {
    const plan = planLookup({
      customerId: "107",
      stripeIdField: "custentity_nss_stripe_customer_id",
      syncField: "email",
      syncValue: "Ada.Lovelace+billing@example.com",
    });
    expect(plan.ok && plan.value.kind === "find" && plan.value.by).toBe("email");
    if (!plan.ok || plan.value.kind !== "find") return;
    const { method, path, params } = plan.value.request;
    const answer = stripeAnswer(method, path, params);
    expect(answer.ok && answer.operationId).toBe("GetCustomers");
  });

  it("any metadata lookup is a valid search request", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 60, unit: "grapheme" }), (value) => {
        fc.pre(value.trim() !== "");
        const plan = planLookup({
          customerId: "107",
          stripeIdField: "custentity_nss_stripe_customer_id",
          syncField: "custentity_code",
          syncValue: value,
        });
        expect(plan.ok).toBe(true);
        if (!plan.ok || plan.value.kind !== "find") throw new Error("expected a find plan");
        const { method, path, params } = plan.value.request;
        const answer = stripeAnswer(method, path, params);
        expect(answer.ok && answer.operationId).toBe("GetCustomersSearch");
      }),
      { numRuns: 200 },
    );
  });
});

describe("the API version", () => {
  it("core pins the version the contract was extracted from", () => {
    expect(STRIPE_API_VERSION).toBe(contract.apiVersion);
  });
});
