import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildEnvelope, changesDefaultPaymentMethod, type Envelope } from "../src/envelope.js";
import {
  buildForwardRequest,
  buildForwardRequestV2,
  envelopeOfPayload,
  readForwardedEvent,
  serializeForwardRequest,
  serializeForwardRequestV2,
} from "../src/forward.js";
import { stripeCustomerEvent } from "../src/testing.js";

/** The shared customer event as compact JSON, with `previous` as its previous_attributes (none when undefined). */
const event = (previous?: unknown, type = "customer.updated") => {
  const e = stripeCustomerEvent({ type });
  return JSON.stringify({ ...e, data: { ...e.data, previous_attributes: previous } });
};
const PAYLOAD = event({ invoice_settings: { default_payment_method: null } });
const SIGNATURE = "t=1764211200,v1=00";
const codes = (r: { ok: boolean; errors?: { code: string }[] }) =>
  r.ok ? "ok" : (r.errors ?? []).map((e) => e.code).join(",");

describe("version 2 of the proxy–NetSuite contract", () => {
  it("round-trips the account, the payload byte for byte and the signature, and nothing else", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 2000 }), (payload) => {
        const built = buildForwardRequestV2({ account: "12", payload, signature: SIGNATURE });
        if (!built.ok) throw new Error(codes(built));
        const text = serializeForwardRequestV2(built.value);
        expect(Object.keys(JSON.parse(text))).toEqual(["v", "account", "payload", "signature"]);
        const read = readForwardedEvent(text);
        expect(read).toEqual({ ok: true, value: { v: 2, account: "12", payload, signature: SIGNATURE } });
      }),
    );
  });

  it("still reads version 1 for one release, with its checked envelope", () => {
    const built = buildEnvelope(JSON.parse(PAYLOAD), { accountId: "12" });
    if (!built.ok) throw new Error(codes(built));
    const v1 = buildForwardRequest({ envelope: built.value, payload: PAYLOAD, signature: SIGNATURE });
    if (!v1.ok) throw new Error(codes(v1));
    const read = readForwardedEvent(serializeForwardRequest(v1.value));
    expect(read.ok && read.value).toMatchObject({
      v: 1,
      account: "12",
      payload: PAYLOAD,
      envelope: built.value,
    });
  });

  it.each([
    ["an extra field", { v: 2, account: "12", payload: PAYLOAD, signature: SIGNATURE, envelope: {} }],
    ["no account", { v: 2, payload: PAYLOAD, signature: SIGNATURE }],
    ["an empty account", { v: 2, account: "", payload: PAYLOAD, signature: SIGNATURE }],
    ["an account that is not text", { v: 2, account: 12, payload: PAYLOAD, signature: SIGNATURE }],
    ["an empty payload", { v: 2, account: "12", payload: "", signature: SIGNATURE }],
    ["no signature", { v: 2, account: "12", payload: PAYLOAD }],
  ])("refuses %s", (_name, value) => {
    expect(codes(readForwardedEvent(JSON.stringify(value)))).toBe("FORWARD_INVALID");
  });

  it("refuses an unknown version", () => {
    expect(codes(readForwardedEvent(JSON.stringify({ v: 3 })))).toBe("FORWARD_WRONG_VERSION");
  });

  it("builds the envelope once from the verified payload; a payload that is not JSON is refused", () => {
    const envelope = envelopeOfPayload(PAYLOAD, "12");
    expect(envelope.ok && envelope.value).toMatchObject({ accountId: "12", eventId: "evt_1OaB2c" });
    expect(codes(envelopeOfPayload("not json", "12"))).toBe("FORWARD_INVALID");
  });
});

describe("changesDefaultPaymentMethod", () => {
  const of = (payload: string): Envelope => {
    const built = envelopeOfPayload(payload, "12");
    if (!built.ok) throw new Error(codes(built));
    return built.value;
  };
  it("an update naming the default payment method among its changes, a deletion, a new customer with one", () => {
    expect(changesDefaultPaymentMethod(of(PAYLOAD))).toBe(true);
    expect(changesDefaultPaymentMethod(of(event(undefined, "customer.deleted")))).toBe(true);
    expect(changesDefaultPaymentMethod(of(event(undefined, "customer.created")))).toBe(true);
  });
  it("not a new name, nor an update without changes to it", () => {
    expect(changesDefaultPaymentMethod(of(event({ name: "Old" })))).toBe(false);
    expect(changesDefaultPaymentMethod(of(event()))).toBe(false);
  });
  it("not a new customer without one: every customer the sync creates", () => {
    const created = JSON.parse(event(undefined, "customer.created")) as {
      data: { object: { invoice_settings: { default_payment_method: unknown } } };
    };
    created.data.object.invoice_settings.default_payment_method = null;
    expect(changesDefaultPaymentMethod(of(JSON.stringify(created)))).toBe(false);
  });
});
