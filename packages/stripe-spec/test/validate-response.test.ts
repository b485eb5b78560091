import { describe, expect, it } from "vitest";
import { fixture, fixtureNames, schemaNames } from "../src/contract.js";
import { validateResponse } from "../src/validate-response.js";

function mustFixture(name: string): Record<string, unknown> {
  const value = fixture(name);
  if (!value) throw new Error(`no fixture ${name}`);
  return value;
}

describe("validateResponse on Stripe's fixtures", () => {
  it("keeps the fixtures the project needs", () => {
    expect(fixtureNames()).toEqual(
      expect.arrayContaining([
        "customer",
        "payment_method",
        "billing_portal.session",
        "billing_portal.configuration",
        "webhook_endpoint",
        "event",
        "account",
      ]),
    );
  });

  it.each(fixtureNames())("fixture %s fits its schema", (name) => {
    expect(validateResponse(name, fixture(name))).toEqual({ ok: true });
  });

  it("a list envelope built from fixtures fits the list schema", () => {
    const list = { object: "list", data: [mustFixture("customer")], has_more: false, url: "/v1/customers" };
    expect(validateResponse("CustomerResourceCustomerList", list)).toEqual({ ok: true });
  });
});

describe("validateResponse on broken objects", () => {
  it("reports a wrong type with its JSON path and the nullable alternative", () => {
    const customer = mustFixture("customer");
    customer.address = { ...(customer.address as object), city: 5 };
    expect(validateResponse("customer", customer)).toEqual({
      ok: false,
      errors: ["customer.address.city: expected string or null, got number"],
    });
  });

  it("reports a missing required property and an unexpected one", () => {
    const customer = mustFixture("customer");
    delete customer.livemode;
    customer.defualt_payment_method = null;
    expect(validateResponse("customer", customer)).toEqual({
      ok: false,
      errors: [
        "customer.livemode: required property missing",
        "customer.defualt_payment_method: unexpected property",
      ],
    });
  });

  it("reports null where the schema is not nullable", () => {
    const session = mustFixture("billing_portal.session");
    session.url = null;
    expect(validateResponse("billing_portal.session", session)).toEqual({
      ok: false,
      errors: ["billing_portal.session.url: expected string, got null"],
    });
  });

  it("reports a value outside an enum", () => {
    const customer = mustFixture("customer");
    customer.tax_exempt = "sometimes";
    expect(validateResponse("customer", customer)).toEqual({
      ok: false,
      errors: ['customer.tax_exempt: expected one of "exempt", "none", "reverse", got "sometimes"'],
    });
  });

  it("checks an expanded field against the expanded resource, an unexpanded one as an ID", () => {
    const customer = mustFixture("customer");
    const pm = mustFixture("payment_method");
    customer.invoice_settings = { ...(customer.invoice_settings as object), default_payment_method: pm };
    expect(validateResponse("customer", customer)).toEqual({ ok: true });

    delete pm.type;
    expect(validateResponse("customer", customer)).toEqual({
      ok: false,
      errors: ["customer.invoice_settings.default_payment_method.type: required property missing"],
    });

    customer.invoice_settings = { ...(customer.invoice_settings as object), default_payment_method: 42 };
    expect(validateResponse("customer", customer)).toEqual({
      ok: false,
      errors: [
        "customer.invoice_settings.default_payment_method: expected string or payment_method or null, got number",
      ],
    });
  });

  it("reports array items with their index", () => {
    const customer = mustFixture("customer");
    customer.preferred_locales = ["nb", 7];
    expect(validateResponse("customer", customer)).toEqual({
      ok: false,
      errors: ["customer.preferred_locales[1]: expected string, got number"],
    });
  });

  it("checks metadata values through additionalProperties", () => {
    const customer = mustFixture("customer");
    customer.metadata = { netsuite_customer_id: 107 };
    expect(validateResponse("customer", customer)).toEqual({
      ok: false,
      errors: ["customer.metadata.netsuite_customer_id: expected string, got number"],
    });
  });

  it("accepts anything inside a pruned expandable field, but still checks its ID form", () => {
    const customer = mustFixture("customer");
    customer.test_clock = { anything: true };
    expect(validateResponse("customer", customer)).toEqual({ ok: true });
    customer.test_clock = 3;
    expect(validateResponse("customer", customer)).toEqual({
      ok: false,
      errors: ["customer.test_clock: expected string or object or null, got number"],
    });
  });

  it("returns an error result, not a throw, for an unknown schema", () => {
    expect(validateResponse("nope", {})).toEqual({
      ok: false,
      errors: ['unknown schema "nope": not in the contract'],
    });
    expect(schemaNames()).not.toContain("nope");
  });

  it("fixture() returns a deep copy", () => {
    const first = mustFixture("customer");
    (first.address as Record<string, unknown>).city = "Changed";
    expect((mustFixture("customer").address as Record<string, unknown>).city).toBeNull();
    expect(fixture("no_such_fixture")).toBeUndefined();
  });
});
