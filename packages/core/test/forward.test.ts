import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildEnvelope, type Envelope } from "../src/envelope.js";
import {
  buildForwardRequest,
  type ForwardRequest,
  MAX_FORWARD_PAYLOAD_CHARS,
  MAX_FORWARD_REQUEST_CHARS,
  MAX_NETSUITE_ANSWER_CHARS,
  parseForwardRequest,
  parseNetSuiteAnswer,
  serializeForwardRequest,
  stripeStatusFor,
} from "../src/forward.js";
import { stripeCustomerEvent } from "../src/testing.js";

const customerEvent = (customer: Record<string, unknown> = {}) => stripeCustomerEvent({}, customer);

const SIGNATURE = "t=1764211200,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd";
const PAYLOAD = `${JSON.stringify(customerEvent(), null, 2)}\n`;

function envelopeOf(payload: string, accountId = "12"): Envelope {
  const built = buildEnvelope(JSON.parse(payload), { accountId });
  if (!built.ok) throw new Error(JSON.stringify(built.errors));
  return built.value;
}

function request(payload = PAYLOAD): ForwardRequest {
  const built = buildForwardRequest({ envelope: envelopeOf(payload), payload, signature: SIGNATURE });
  if (!built.ok) throw new Error(JSON.stringify(built.errors));
  return built.value;
}

const codes = (result: { ok: boolean; errors?: { code: string }[] }) =>
  result.ok ? "ok" : (result.errors ?? []).map((e) => e.code).join(",");

describe("buildForwardRequest and parseForwardRequest", () => {
  it("round-trips: what the proxy builds, NetSuite reads back identically, payload byte for byte", () => {
    const built = request();
    const text = serializeForwardRequest(built);
    expect(text.startsWith('{"v":1,"envelope":{"v":1,"eventId":"evt_1OaB2c"')).toBe(true);
    expect(parseForwardRequest(text)).toEqual({ ok: true, value: built });
    const parsed = parseForwardRequest(text);
    expect(parsed.ok && parsed.value.payload === PAYLOAD).toBe(true);
  });

  it("round-trips any customer text and formatting", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", minLength: 1, maxLength: 100 }),
        fc.option(fc.string({ unit: "binary", minLength: 1, maxLength: 60 }), { nil: null }),
        fc.constantFrom(0, 2, "\t"),
        (name, email, indent) => {
          const payload = JSON.stringify(customerEvent({ name, email }), null, indent);
          const built = request(payload);
          expect(parseForwardRequest(serializeForwardRequest(built))).toEqual({ ok: true, value: built });
        },
      ),
      { numRuns: 200 },
    );
  });

  it("refuses an empty or oversized payload and signature when building", () => {
    const envelope = envelopeOf(PAYLOAD);
    expect(codes(buildForwardRequest({ envelope, payload: "", signature: SIGNATURE }))).toBe(
      "FORWARD_INVALID",
    );
    expect(
      codes(
        buildForwardRequest({ envelope, payload: "x".repeat(MAX_FORWARD_PAYLOAD_CHARS + 1), signature: "s" }),
      ),
    ).toBe("FORWARD_INVALID");
    expect(codes(buildForwardRequest({ envelope, payload: PAYLOAD, signature: "" }))).toBe("FORWARD_INVALID");
    expect(
      codes(
        buildForwardRequest({ envelope: { ...envelope, eventId: "" }, payload: PAYLOAD, signature: "s" }),
      ),
    ).toBe("ENVELOPE_INVALID");
  });

  const valid = () => JSON.parse(serializeForwardRequest(request())) as Record<string, unknown>;

  it.each([
    ["text over the limit", () => " ".repeat(MAX_FORWARD_REQUEST_CHARS + 1), "FORWARD_TOO_LARGE"],
    ["not JSON", () => "{", "FORWARD_NOT_JSON"],
    ["an array", () => "[]", "FORWARD_INVALID"],
    ["null", () => "null", "FORWARD_INVALID"],
    ["version 2", () => JSON.stringify({ ...valid(), v: 2 }), "FORWARD_WRONG_VERSION"],
    ["an unknown field", () => JSON.stringify({ ...valid(), extra: 1 }), "FORWARD_INVALID"],
    ["no signature", () => JSON.stringify({ ...valid(), signature: undefined }), "FORWARD_INVALID"],
    ["a number payload", () => JSON.stringify({ ...valid(), payload: 1 }), "FORWARD_INVALID"],
    ["an empty signature", () => JSON.stringify({ ...valid(), signature: "" }), "FORWARD_INVALID"],
    ["a bad envelope", () => JSON.stringify({ ...valid(), envelope: { v: 1 } }), "ENVELOPE_INVALID"],
    [
      "an envelope that is not the payload's event",
      () => {
        const value = valid();
        const envelope = value.envelope as Envelope;
        return JSON.stringify({
          ...value,
          envelope: { ...envelope, customer: { ...envelope.customer, email: "eve@x.io" } },
        });
      },
      "FORWARD_ENVELOPE_MISMATCH",
    ],
    [
      "a payload that is not JSON",
      () => JSON.stringify({ ...valid(), payload: "not json" }),
      "FORWARD_ENVELOPE_MISMATCH",
    ],
    [
      "a payload of another event",
      () => JSON.stringify({ ...valid(), payload: JSON.stringify({ ...customerEvent(), id: "evt_other" }) }),
      "FORWARD_ENVELOPE_MISMATCH",
    ],
  ])("refuses %s", (_name, text, code) => {
    const parsed = parseForwardRequest(text());
    expect(codes(parsed)).toBe(code);
    if (!parsed.ok) expect(parsed.errors[0]?.fix).toContain("webhook proxy");
  });

  it("keeps hostile text out of its messages", () => {
    const parsed = parseForwardRequest(JSON.stringify({ ...valid(), ["k".repeat(5000)]: 1 }));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors[0]?.message.length).toBeLessThan(200);
  });
});

describe("parseNetSuiteAnswer", () => {
  it.each(["applied", "ignored", "retry", "refused"])("reads %s", (result) => {
    expect(parseNetSuiteAnswer(JSON.stringify({ result, message: "m" }))).toEqual({
      ok: true,
      value: { result, message: "m" },
    });
  });

  it("defaults the message, allows extra fields and shortens a long message", () => {
    expect(parseNetSuiteAnswer('{"result":"applied","eventId":"evt_1"}')).toEqual({
      ok: true,
      value: { result: "applied", message: "" },
    });
    const long = parseNetSuiteAnswer(JSON.stringify({ result: "retry", message: "m".repeat(5000) }));
    expect(long.ok && long.value.message.length).toBe(1001);
  });

  it.each([
    ["not JSON", "<html>Log in</html>", "NETSUITE_ANSWER_NOT_JSON"],
    ["an array", "[]", "NETSUITE_ANSWER_INVALID"],
    ["an unknown result", '{"result":"done"}', "NETSUITE_ANSWER_INVALID"],
    ["no result", '{"message":"x"}', "NETSUITE_ANSWER_INVALID"],
    ["a non-text message", '{"result":"applied","message":1}', "NETSUITE_ANSWER_INVALID"],
    ["an oversized answer", " ".repeat(MAX_NETSUITE_ANSWER_CHARS + 1), "NETSUITE_ANSWER_TOO_LARGE"],
  ])("refuses %s", (_name, text, code) => {
    expect(codes(parseNetSuiteAnswer(text))).toBe(code);
  });
});

describe("stripeStatusFor", () => {
  it.each([
    [{ result: "applied", message: "" }, 200],
    [{ result: "ignored", message: "" }, 200],
    [{ result: "retry", message: "" }, 503],
    [{ result: "refused", message: "" }, 400],
    [{ failure: "http_status" }, 503],
    [{ failure: "unparseable" }, 503],
    [{ failure: "network" }, 503],
    [{ failure: "timeout" }, 503],
  ] as const)("maps %j to %i", (outcome, status) => {
    expect(stripeStatusFor(outcome)).toBe(status);
  });
});
