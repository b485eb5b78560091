import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildEnvelope,
  type Envelope,
  MAX_ENVELOPE_CHARS,
  parseEnvelope,
  serializeEnvelope,
} from "../src/envelope.js";
import { stripeCustomerEvent } from "../src/testing.js";

/** The shared customer.updated event, on a newer API version and with fields the envelope does not read. */
const customerEvent = (event: Record<string, unknown> = {}, customer: Record<string, unknown> = {}) =>
  stripeCustomerEvent(
    { api_version: "2026-10-28.endive", ...event },
    {
      name: "Ann AS",
      invoice_settings: { default_payment_method: "pm_1Card", custom_fields: null, footer: null },
      metadata: { netsuite_customer_id: "107", netsuite_subsidiary: "3", other: "x" },
      ...customer,
    },
  );

const expected: Envelope = {
  v: 1,
  eventId: "evt_1OaB2c",
  type: "customer.updated",
  created: 1_764_211_200,
  livemode: false,
  accountId: "7",
  apiVersion: "2026-10-28.endive",
  customer: {
    id: "cus_NffrFeUfNV2Hib",
    email: "ann@example.com",
    name: "Ann AS",
    defaultPaymentMethodId: "pm_1Card",
    netsuiteCustomerId: "107",
    netsuiteSubsidiary: "3",
  },
  defaultPaymentMethodChanged: true,
};

function codes(result: { ok: boolean; errors?: { code: string }[] }): string[] {
  return result.ok ? [] : (result.errors ?? []).map((e) => e.code);
}

describe("buildEnvelope", () => {
  it("carries the customer.updated event NetSuite needs", () => {
    expect(buildEnvelope(customerEvent(), { accountId: "7" })).toEqual({ ok: true, value: expected });
  });

  it("takes the ID of an expanded default payment method", () => {
    const event = customerEvent(
      {},
      { invoice_settings: { default_payment_method: { id: "pm_X", object: "payment_method" } } },
    );
    const result = buildEnvelope(event, { accountId: "7" });
    expect(result.ok && result.value.customer.defaultPaymentMethodId).toBe("pm_X");
  });

  it("handles customer.created and customer.deleted, with absent fields as null", () => {
    const created = buildEnvelope(
      {
        id: "evt_2",
        type: "customer.created",
        created: 1,
        livemode: true,
        api_version: null,
        data: { object: { id: "cus_New", object: "customer", email: null, metadata: {} } },
      },
      { accountId: "7" },
    );
    expect(created).toEqual({
      ok: true,
      value: {
        v: 1,
        eventId: "evt_2",
        type: "customer.created",
        created: 1,
        livemode: true,
        accountId: "7",
        apiVersion: null,
        customer: {
          id: "cus_New",
          email: null,
          name: null,
          defaultPaymentMethodId: null,
          netsuiteCustomerId: null,
          netsuiteSubsidiary: null,
        },
        defaultPaymentMethodChanged: false,
      },
    });
    const deleted = buildEnvelope(
      customerEvent({ type: "customer.deleted", data: { object: { id: "cus_X", deleted: true } } }),
      {
        accountId: "7",
      },
    );
    expect(deleted.ok && deleted.value.type).toBe("customer.deleted");
    expect(deleted.ok && deleted.value.customer.id).toBe("cus_X");
  });

  it("reads an empty email, name or API version as none", () => {
    const result = buildEnvelope(customerEvent({ api_version: "" }, { email: "", name: "" }), {
      accountId: "7",
    });
    expect(result.ok && result.value).toMatchObject({
      apiVersion: null,
      customer: { email: null, name: null },
    });
  });

  it("reads an empty metadata value as none", () => {
    const result = buildEnvelope(
      customerEvent({}, { metadata: { netsuite_customer_id: "", netsuite_subsidiary: "" } }),
      {
        accountId: "7",
      },
    );
    expect(result.ok && result.value.customer).toMatchObject({
      netsuiteCustomerId: null,
      netsuiteSubsidiary: null,
    });
  });

  it("sets defaultPaymentMethodChanged only when previous_attributes names the default payment method", () => {
    const changed = (previous: unknown) => {
      const event = customerEvent();
      const data = { ...event.data, previous_attributes: previous };
      const result = buildEnvelope({ ...event, data }, { accountId: "7" });
      return result.ok ? result.value.defaultPaymentMethodChanged : "error";
    };
    expect(changed({ invoice_settings: { default_payment_method: "pm_Old" } })).toBe(true);
    expect(changed({ invoice_settings: { default_payment_method: null } })).toBe(true);
    expect(changed({ invoice_settings: { footer: "x" } })).toBe(false);
    expect(changed({ email: "old@example.com" })).toBe(false);
    expect(changed(undefined)).toBe(false);
  });

  it("ignores other event types with EVENT_IGNORED", () => {
    const result = buildEnvelope(customerEvent({ type: "invoice.paid" }), { accountId: "7" });
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          code: "EVENT_IGNORED",
          message:
            "Stripe event evt_1OaB2c of type invoice.paid is not a customer event this sync handles; it is ignored.",
          fix: "Nothing to do. To stop receiving it, remove it from the webhook endpoint's enabled events in Stripe.",
          record: "Stripe event evt_1OaB2c",
        },
      ],
    });
  });

  it.each([
    ["not an object", "hello"],
    ["null", null],
    ["no type", { id: "evt_1" }],
    ["no customer", customerEvent({ data: {} })],
    ["a customer without id", customerEvent({}, { id: undefined })],
    ["a numeric email", customerEvent({}, { email: 5 })],
    ["a string created", customerEvent({ created: "1764211200" })],
    ["no livemode", customerEvent({ livemode: undefined })],
    ["no event id", customerEvent({ id: undefined })],
    ["a metadata value that is not a string", customerEvent({}, { metadata: { netsuite_customer_id: 107 } })],
  ])("refuses an event with %s as EVENT_MALFORMED", (_, event) => {
    expect(codes(buildEnvelope(event, { accountId: "7" }))).toEqual(["EVENT_MALFORMED"]);
  });

  it("refuses a blank account ID", () => {
    expect(codes(buildEnvelope(customerEvent(), { accountId: "" }))).toEqual(["EVENT_MALFORMED"]);
  });
});

describe("serializeEnvelope and parseEnvelope", () => {
  it("serializes with a fixed key order and parses back", () => {
    const text = serializeEnvelope(expected);
    expect(text).toBe(
      '{"v":1,"eventId":"evt_1OaB2c","type":"customer.updated","created":1764211200,"livemode":false,"accountId":"7",' +
        '"apiVersion":"2026-10-28.endive","customer":{"id":"cus_NffrFeUfNV2Hib","email":"ann@example.com","name":"Ann AS",' +
        '"defaultPaymentMethodId":"pm_1Card","netsuiteCustomerId":"107","netsuiteSubsidiary":"3"},' +
        '"defaultPaymentMethodChanged":true}',
    );
    expect(parseEnvelope(text)).toEqual({ ok: true, value: expected });
  });

  const nullableText = (max: number) => fc.option(fc.string({ minLength: 1, maxLength: max }), { nil: null });
  const envelopes: fc.Arbitrary<Envelope> = fc.record({
    v: fc.constant(1 as const),
    eventId: fc.string({ minLength: 1, maxLength: 255 }),
    type: fc.constantFrom(
      "customer.created" as const,
      "customer.updated" as const,
      "customer.deleted" as const,
    ),
    created: fc.nat(),
    livemode: fc.boolean(),
    accountId: fc.string({ minLength: 1, maxLength: 255 }),
    apiVersion: nullableText(64),
    customer: fc.record({
      id: fc.string({ minLength: 1, maxLength: 255 }),
      email: nullableText(512),
      name: nullableText(512),
      defaultPaymentMethodId: nullableText(255),
      netsuiteCustomerId: nullableText(500),
      netsuiteSubsidiary: nullableText(500),
    }),
    defaultPaymentMethodChanged: fc.boolean(),
  });

  it("round-trips any valid envelope", () => {
    fc.assert(
      fc.property(envelopes, (envelope) => {
        expect(parseEnvelope(serializeEnvelope(envelope))).toEqual({ ok: true, value: envelope });
      }),
    );
  });

  it("parses what buildEnvelope makes, even at every field's largest size", () => {
    const s = (n: number) => "\u0001".repeat(n); // JSON escapes each to six characters
    const largest: Envelope = {
      ...expected,
      eventId: s(255),
      accountId: s(255),
      apiVersion: s(64),
      customer: {
        id: s(255),
        email: s(512),
        name: s(512),
        defaultPaymentMethodId: s(255),
        netsuiteCustomerId: s(500),
        netsuiteSubsidiary: s(500),
      },
    };
    const text = serializeEnvelope(largest);
    expect(text.length).toBeLessThanOrEqual(MAX_ENVELOPE_CHARS);
    expect(parseEnvelope(text)).toEqual({ ok: true, value: largest });
  });

  const good = JSON.parse(serializeEnvelope(expected)) as Record<string, unknown>;
  const withCustomer = (change: Record<string, unknown>) =>
    JSON.stringify({ ...good, customer: { ...(good.customer as object), ...change } });

  it.each([
    ["not JSON", "{v:1}", "ENVELOPE_NOT_JSON"],
    ["empty text", "", "ENVELOPE_NOT_JSON"],
    ["too large", " ".repeat(MAX_ENVELOPE_CHARS + 1), "ENVELOPE_TOO_LARGE"],
    ["version 2", JSON.stringify({ ...good, v: 2 }), "ENVELOPE_WRONG_VERSION"],
    ["version '1'", JSON.stringify({ ...good, v: "1" }), "ENVELOPE_WRONG_VERSION"],
    ["an array", "[]", "ENVELOPE_INVALID"],
    ["null", "null", "ENVELOPE_INVALID"],
    ["a number", "1", "ENVELOPE_INVALID"],
    ["no version", JSON.stringify({ ...good, v: undefined }), "ENVELOPE_INVALID"],
    ["a missing field", JSON.stringify({ ...good, eventId: undefined }), "ENVELOPE_INVALID"],
    ["an unknown field", JSON.stringify({ ...good, extra: 1 }), "ENVELOPE_INVALID"],
    [
      "a __proto__ field",
      serializeEnvelope(expected).replace('{"v":1,', '{"__proto__":{"x":1},"v":1,'),
      "ENVELOPE_INVALID",
    ],
    ["another event type", JSON.stringify({ ...good, type: "invoice.paid" }), "ENVELOPE_INVALID"],
    ["a fractional created", JSON.stringify({ ...good, created: 1.5 }), "ENVELOPE_INVALID"],
    ["a negative created", JSON.stringify({ ...good, created: -1 }), "ENVELOPE_INVALID"],
    ["a string livemode", JSON.stringify({ ...good, livemode: "false" }), "ENVELOPE_INVALID"],
    ["an empty event ID", JSON.stringify({ ...good, eventId: "" }), "ENVELOPE_INVALID"],
    ["a customer array", JSON.stringify({ ...good, customer: [] }), "ENVELOPE_INVALID"],
    ["a customer with an unknown field", withCustomer({ phone: "1" }), "ENVELOPE_INVALID"],
    ["a customer without email", withCustomer({ email: undefined }), "ENVELOPE_INVALID"],
    ["a customer with a numeric ID", withCustomer({ id: 5 }), "ENVELOPE_INVALID"],
    ["an email of 513 characters", withCustomer({ email: "e".repeat(513) }), "ENVELOPE_INVALID"],
    [
      "an object as default payment method",
      withCustomer({ defaultPaymentMethodId: { id: "pm_1" } }),
      "ENVELOPE_INVALID",
    ],
  ])("refuses %s", (_, text, code) => {
    expect(codes(parseEnvelope(text))).toEqual([code]);
  });

  it("names every problem in the message", () => {
    const result = parseEnvelope(JSON.stringify({ ...good, eventId: 5, extra: true }));
    const message = result.ok ? "" : (result.errors[0]?.message ?? "");
    expect(message).toBe(
      'The envelope is malformed: envelope has unknown field "extra"; envelope.eventId must be a string.',
    );
  });

  it("never throws and accepts no arbitrary JSON or text", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue().map((v) => JSON.stringify(v) ?? ""),
          fc.string(),
        ),
        (text) => {
          expect(parseEnvelope(text).ok).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });
});
