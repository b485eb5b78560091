import { describe, expect, it } from "vitest";
import { encodeForm } from "../src/form.js";
import {
  escapeSearchString,
  type LookupInput,
  metadataQuery,
  planLookup,
  resolveMatches,
  staleStripeId,
} from "../src/lookup.js";
import { capturingStripe, queryOf } from "./stripe-wire.js";

const FIELD = "custentity_nss_stripe_customer_id";
const byEmail: LookupInput = {
  customerId: "107",
  stripeIdField: FIELD,
  syncField: "email",
  syncValue: "ann@example.com",
};
const byVat: LookupInput = {
  customerId: "107",
  stripeIdField: FIELD,
  syncField: "custentity_vat",
  syncValue: "NO123",
};

function errorsOf<T>(result: { ok: true; value: T } | { ok: false; errors: unknown[] }) {
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.value)}`);
  return result.errors;
}

describe("planLookup", () => {
  it("updates the stored Stripe customer when an ID is stored", () => {
    expect(planLookup({ ...byEmail, storedStripeId: "cus_NffrFeUfNV2Hib" })).toEqual({
      ok: true,
      value: { kind: "stored", stripeCustomerId: "cus_NffrFeUfNV2Hib" },
    });
  });

  it("prefers the stored ID over the sync field, and trims it", () => {
    expect(planLookup({ ...byVat, storedStripeId: "  cus_A1 " })).toEqual({
      ok: true,
      value: { kind: "stored", stripeCustomerId: "cus_A1" },
    });
  });

  it.each(["acct_123", "cus_", "cus_12 3", "CUS_123", "pm_123", "cus_abc'"])(
    "refuses a stored ID %j",
    (id) => {
      expect(errorsOf(planLookup({ ...byEmail, storedStripeId: id }))).toEqual([
        {
          code: "LOOKUP_INVALID_STRIPE_ID",
          message: `Customer 107 has "${id}" in ${FIELD}, which is not a Stripe customer ID (cus_…).`,
          fix: `Correct ${FIELD} on customer 107 to the Stripe customer ID, or blank it to link the customer again by lookup.`,
          field: FIELD,
          record: "customer 107",
        },
      ]);
    },
  );

  it("lists by email, the strongly consistent endpoint, when no ID is stored", () => {
    expect(planLookup(byEmail)).toEqual({
      ok: true,
      value: {
        kind: "find",
        by: "email",
        request: { method: "GET", path: "/v1/customers", params: { email: "ann@example.com", limit: 10 } },
      },
    });
  });

  it("treats a blank stored ID as no ID (relink by lookup)", () => {
    const plan = planLookup({ ...byEmail, storedStripeId: "   " });
    expect(plan.ok && plan.value.kind).toBe("find");
  });

  it("keeps the email's case: Stripe's email filter is case-sensitive", () => {
    const plan = planLookup({ ...byEmail, syncValue: " Ann@Example.com " });
    expect(plan.ok && plan.value.kind === "find" && plan.value.request.params).toEqual({
      email: "Ann@Example.com",
      limit: 10,
    });
  });

  it("searches metadata under the field ID for any other sync field", () => {
    expect(planLookup(byVat)).toEqual({
      ok: true,
      value: {
        kind: "find",
        by: "metadata",
        request: {
          method: "GET",
          path: "/v1/customers/search",
          params: { query: "metadata['custentity_vat']:'NO123'", limit: 10 },
        },
      },
    });
  });

  it("escapes quotes and backslashes so a value cannot add a clause", () => {
    const plan = planLookup({ ...byVat, syncValue: `x' OR email:'a\\b"` });
    expect(plan.ok && plan.value.kind === "find" && plan.value.request.params).toEqual({
      query: `metadata['custentity_vat']:'x\\' OR email:\\'a\\\\b\\"'`,
      limit: 10,
    });
  });

  it.each([
    [undefined, "email"],
    ["", "email"],
    ["  ", "custentity_vat"],
  ])("says which field to fill when there is no identifier (%j, %s)", (value, syncField) => {
    expect(
      errorsOf(planLookup({ customerId: "107", stripeIdField: FIELD, syncField, syncValue: value })),
    ).toEqual([
      {
        code: "LOOKUP_NO_IDENTIFIER",
        message: `Customer 107 has neither a Stripe customer ID in ${FIELD} nor a value in ${syncField} to find or create its Stripe customer by.`,
        fix: `Fill ${syncField} on customer 107, or enter its Stripe customer ID in ${FIELD}.`,
        field: syncField,
        record: "customer 107",
      },
    ]);
  });

  it.each([`custentity_${"x".repeat(30)}`, "custentity_a[b]"])(
    "refuses a sync field Stripe metadata cannot key: %s",
    (syncField) => {
      const errors = errorsOf(planLookup({ ...byVat, syncField }));
      expect(errors).toMatchObject([{ code: "LOOKUP_INVALID_SYNC_FIELD", record: "configuration" }]);
    },
  );

  it("accepts a 40-character sync field", () => {
    const syncField = `custentity_${"x".repeat(29)}`;
    expect(planLookup({ ...byVat, syncField }).ok).toBe(true);
  });

  it("refuses a sync value longer than a Stripe metadata value", () => {
    expect(planLookup({ ...byVat, syncValue: "v".repeat(500) }).ok).toBe(true);
    expect(errorsOf(planLookup({ ...byVat, syncValue: "v".repeat(501) }))).toMatchObject([
      { code: "LOOKUP_SYNC_VALUE_TOO_LONG", field: "custentity_vat", record: "customer 107" },
    ]);
  });

  it("sends the same query string stripe-node sends for the plan", async () => {
    const { stripe, requests } = capturingStripe();
    const value = `O'Brien & "Sons" \\ 100%`;
    const plan = planLookup({ ...byVat, syncValue: value });
    if (!plan.ok || plan.value.kind !== "find" || plan.value.by !== "metadata")
      throw new Error("expected a search");
    await stripe.customers.search(plan.value.request.params);
    expect(requests[0]?.url.startsWith("https://api.stripe.com/v1/customers/search?")).toBe(true);
    expect(queryOf(requests[0])).toBe(encodeForm(plan.value.request.params));
  });
});

describe("escapeSearchString and metadataQuery", () => {
  it.each([
    ["plain", "plain"],
    ["it's", "it\\'s"],
    ['say "hi"', 'say \\"hi\\"'],
    ["a\\b", "a\\\\b"],
    ["\\'", "\\\\\\'"],
  ])("escapes %j", (raw, escaped) => {
    expect(escapeSearchString(raw)).toBe(escaped);
  });

  it("escapes the key as well as the value", () => {
    expect(metadataQuery("k'", "v")).toBe("metadata['k\\'']:'v'");
  });
});

describe("resolveMatches", () => {
  it("creates when nothing matches", () => {
    expect(resolveMatches(byEmail, [])).toEqual({ ok: true, value: { kind: "create" } });
  });

  it("creates when every match is deleted", () => {
    expect(resolveMatches(byEmail, [{ id: "cus_Gone", deleted: true }])).toEqual({
      ok: true,
      value: { kind: "create" },
    });
  });

  it("links a single match without a NetSuite owner", () => {
    expect(resolveMatches(byEmail, [{ id: "cus_A", metadata: {} }])).toEqual({
      ok: true,
      value: { kind: "link", stripeCustomerId: "cus_A" },
    });
    expect(resolveMatches(byEmail, [{ id: "cus_B" }, { id: "cus_Gone", deleted: true }])).toEqual({
      ok: true,
      value: { kind: "link", stripeCustomerId: "cus_B" },
    });
    expect(resolveMatches(byEmail, [{ id: "cus_C", metadata: null }])).toEqual({
      ok: true,
      value: { kind: "link", stripeCustomerId: "cus_C" },
    });
  });

  it("links a single match that already names this customer", () => {
    expect(resolveMatches(byEmail, [{ id: "cus_A", metadata: { netsuite_customer_id: "107" } }])).toEqual({
      ok: true,
      value: { kind: "link", stripeCustomerId: "cus_A" },
    });
  });

  it("refuses a single match that belongs to another NetSuite customer", () => {
    expect(
      errorsOf(resolveMatches(byEmail, [{ id: "cus_A", metadata: { netsuite_customer_id: "205" } }])),
    ).toEqual([
      {
        code: "LOOKUP_LINKED_TO_OTHER_CUSTOMER",
        message:
          'Stripe customer cus_A, found by email "ann@example.com", already belongs to NetSuite customer 205 (metadata netsuite_customer_id), not to customer 107.',
        fix: `Give customer 107 or customer 205 a different email, or enter the right Stripe customer ID in ${FIELD} on customer 107.`,
        field: "email",
        record: "customer 107",
      },
    ]);
  });

  it("refuses several matches, listing every Stripe ID", () => {
    expect(
      errorsOf(
        resolveMatches(byVat, [
          { id: "cus_A" },
          { id: "cus_B", metadata: { netsuite_customer_id: "205" } },
          { id: "cus_Gone", deleted: true },
        ]),
      ),
    ).toEqual([
      {
        code: "LOOKUP_AMBIGUOUS",
        message: 'Customer 107 matches 2 Stripe customers by custentity_vat "NO123": cus_A, cus_B.',
        fix: `Enter the right Stripe customer ID in ${FIELD} on customer 107, or merge or delete the duplicates in Stripe.`,
        field: "custentity_vat",
        record: "customer 107",
      },
    ]);
  });

  it("links the one of several matches that names this customer", () => {
    expect(
      resolveMatches(byEmail, [
        { id: "cus_A" },
        { id: "cus_Ours", metadata: { netsuite_customer_id: "107" } },
        { id: "cus_C", metadata: { netsuite_customer_id: "205" } },
      ]),
    ).toEqual({ ok: true, value: { kind: "link", stripeCustomerId: "cus_Ours" } });
  });

  it("refuses when two of several matches name this customer", () => {
    const errors = errorsOf(
      resolveMatches(byEmail, [
        { id: "cus_A", metadata: { netsuite_customer_id: "107" } },
        { id: "cus_B", metadata: { netsuite_customer_id: "107" } },
      ]),
    );
    expect(errors).toMatchObject([{ code: "LOOKUP_AMBIGUOUS" }]);
    expect(JSON.stringify(errors)).toContain("cus_A, cus_B");
  });

  it("ignores a deleted customer that names this customer", () => {
    expect(
      resolveMatches(byEmail, [
        { id: "cus_Old", deleted: true, metadata: { netsuite_customer_id: "107" } },
        { id: "cus_New" },
      ]),
    ).toEqual({ ok: true, value: { kind: "link", stripeCustomerId: "cus_New" } });
  });
});

describe("staleStripeId", () => {
  it("tells the user to blank the ID field to relink", () => {
    expect(staleStripeId({ ...byEmail, storedStripeId: "cus_TestMode" }, "cus_TestMode")).toEqual({
      code: "LOOKUP_STALE_STRIPE_ID",
      message: `Customer 107 stores Stripe customer cus_TestMode in ${FIELD}, but Stripe has no such customer (it was deleted, or belongs to the other mode: test or live).`,
      fix: `Blank ${FIELD} on customer 107 and sync again: it will be linked by email or a new Stripe customer created.`,
      field: FIELD,
      record: "customer 107",
    });
  });
});
