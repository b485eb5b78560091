import fc from "fast-check";
import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { signStripePayload, verifyStripeSignature } from "../src/signature.js";

const stripe = new Stripe("sk_test_x");
const SECRET = "whsec_test_secret";
const T = 1_764_211_200;
const PAYLOAD = JSON.stringify({ id: "evt_1", object: "event", type: "customer.updated" }, null, 2);

const sdkHeader = (payload: string, secret = SECRET, timestamp = T) =>
  stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp });

function verify(
  header: string | null | undefined,
  options: { payload?: string; secret?: string; now?: number; tolerance?: number } = {},
) {
  return verifyStripeSignature({
    payload: options.payload ?? PAYLOAD,
    header,
    secret: options.secret ?? SECRET,
    nowSeconds: options.now ?? T,
    ...(options.tolerance === undefined ? {} : { toleranceSeconds: options.tolerance }),
  });
}

const codeOf = (result: ReturnType<typeof verify>) =>
  result.ok ? "ok" : result.errors.map((e) => e.code).join(",");

describe("verifyStripeSignature", () => {
  it("accepts a header made by the official SDK and returns its timestamp", () => {
    expect(verify(sdkHeader(PAYLOAD))).toEqual({ ok: true, value: { timestamp: T } });
  });

  it("accepts non-ASCII payloads, signed over their UTF-8 bytes", () => {
    const payload = '{"name":"Ærøskøbing 株式会社 😀","note":"\\u00e9 é"}';
    expect(verify(sdkHeader(payload), { payload })).toEqual({ ok: true, value: { timestamp: T } });
  });

  it("accepts any SDK-signed payload and secret", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 200 }),
        fc.string({ minLength: 1, maxLength: 40 }),
        (payload, secret) => {
          expect(verify(sdkHeader(payload, secret), { payload, secret }).ok).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("refuses a tampered payload", () => {
    expect(codeOf(verify(sdkHeader(PAYLOAD), { payload: `${PAYLOAD} ` }))).toBe("SIGNATURE_MISMATCH");
    expect(codeOf(verify(sdkHeader(PAYLOAD), { payload: PAYLOAD.replace("updated", "deleted") }))).toBe(
      "SIGNATURE_MISMATCH",
    );
  });

  it("refuses the wrong secret", () => {
    expect(codeOf(verify(sdkHeader(PAYLOAD), { secret: "whsec_other" }))).toBe("SIGNATURE_MISMATCH");
  });

  it("refuses a signature whose timestamp was changed", () => {
    const header = sdkHeader(PAYLOAD).replace(`t=${T}`, `t=${T + 1}`);
    expect(codeOf(verify(header, { now: T + 1 }))).toBe("SIGNATURE_MISMATCH");
  });

  it("allows 300 seconds either way by default, and no more", () => {
    const header = sdkHeader(PAYLOAD);
    expect(codeOf(verify(header, { now: T + 300 }))).toBe("ok");
    expect(codeOf(verify(header, { now: T - 300 }))).toBe("ok");
    expect(codeOf(verify(header, { now: T + 301 }))).toBe("SIGNATURE_TIMESTAMP_OUT_OF_TOLERANCE");
    expect(codeOf(verify(header, { now: T - 301 }))).toBe("SIGNATURE_TIMESTAMP_OUT_OF_TOLERANCE");
    expect(codeOf(verify(header, { now: Number.NaN }))).toBe("SIGNATURE_TIMESTAMP_OUT_OF_TOLERANCE");
  });

  it("honours a custom tolerance", () => {
    const header = sdkHeader(PAYLOAD);
    expect(codeOf(verify(header, { now: T + 10, tolerance: 10 }))).toBe("ok");
    expect(codeOf(verify(header, { now: T + 11, tolerance: 10 }))).toBe(
      "SIGNATURE_TIMESTAMP_OUT_OF_TOLERANCE",
    );
    expect(codeOf(verify(header, { now: T + 3600, tolerance: 3600 }))).toBe("ok");
  });

  it.each([undefined, null, "", "   "])("reports a missing header (%j)", (header) => {
    expect(codeOf(verify(header))).toBe("SIGNATURE_HEADER_MISSING");
  });

  it.each([
    "garbage",
    "t=,v1=abc",
    "t=abc,v1=abc",
    "t=-5,v1=abc",
    "t=1.5,v1=abc",
    "v1=abc",
    "t=1,t=2,v1=abc",
    "=1,t=1,v1=abc",
    `t=${T},v1=abc,`,
    `t=${T},${"v1=ab,".repeat(2000)}v1=ab`,
  ])("reports a malformed header %j", (header) => {
    expect(codeOf(verify(header))).toBe("SIGNATURE_HEADER_MALFORMED");
  });

  it("reports a header without v1 signature", () => {
    const v0Only = sdkHeader(PAYLOAD).replace("v1=", "v0=");
    expect(codeOf(verify(v0Only))).toBe("SIGNATURE_NO_V1");
    expect(codeOf(verify(`t=${T}`))).toBe("SIGNATURE_NO_V1");
  });

  it("accepts when any of several v1 signatures matches (secret rotation), and ignores v0", () => {
    const good = sdkHeader(PAYLOAD).split(",v1=")[1] as string;
    const other = sdkHeader(PAYLOAD, "whsec_old").split(",v1=")[1] as string;
    expect(codeOf(verify(`t=${T},v1=${other},v1=${good}`))).toBe("ok");
    expect(codeOf(verify(`t=${T},v1=${good},v1=${other},v0=${"0".repeat(64)}`))).toBe("ok");
    expect(codeOf(verify(`t=${T},v1=${other},v1=${good}`, { secret: "whsec_old" }))).toBe("ok");
    expect(codeOf(verify(`t=${T},v1=${other},v1=${"0".repeat(64)}`))).toBe("SIGNATURE_MISMATCH");
    expect(codeOf(verify(`t=${T}, v1=${good}`))).toBe("ok");
  });

  it("refuses a truncated or empty signature", () => {
    const good = sdkHeader(PAYLOAD).split(",v1=")[1] as string;
    expect(codeOf(verify(`t=${T},v1=${good.slice(0, 63)}`))).toBe("SIGNATURE_MISMATCH");
    expect(codeOf(verify(`t=${T},v1=`))).toBe("SIGNATURE_MISMATCH");
  });

  it("refuses to verify without a secret", () => {
    expect(codeOf(verify(sdkHeader(PAYLOAD), { secret: "" }))).toBe("SIGNATURE_NO_SECRET");
  });

  it("says what to do", () => {
    const result = verify(sdkHeader(PAYLOAD), { secret: "whsec_other" });
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          code: "SIGNATURE_MISMATCH",
          message: "No signature in the Stripe-Signature header matches the payload and the signing secret.",
          fix: "Check that the body is forwarded byte for byte and that the signing secret belongs to this webhook endpoint.",
          field: "Stripe-Signature",
        },
      ],
    });
  });
});

describe("signStripePayload", () => {
  it("makes exactly the header the official SDK makes", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 200 }),
        fc.string({ minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 4_000_000_000 }),
        (payload, secret, timestamp) => {
          expect(signStripePayload(payload, secret, timestamp)).toBe(sdkHeader(payload, secret, timestamp));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("is accepted by the official SDK", () => {
    const now = Math.floor(Date.now() / 1000);
    const payload = JSON.stringify({ id: "evt_9", object: "event", type: "customer.created", name: "Ø 😀" });
    const event = stripe.webhooks.constructEvent(payload, signStripePayload(payload, SECRET, now), SECRET);
    expect(event.id).toBe("evt_9");
  });

  it("is accepted by verifyStripeSignature", () => {
    expect(verify(signStripePayload(PAYLOAD, SECRET, T))).toEqual({ ok: true, value: { timestamp: T } });
  });
});
