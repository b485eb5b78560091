import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { computeSignature, newSigningSecret, signatureHeader } from "../src/webhooks/index.js";

const stripe = new Stripe("sk_test_x");
const secret = "whsec_test_secret";
const payload = JSON.stringify({
  id: "evt_1",
  object: "event",
  type: "customer.updated",
  data: { n: "café ✓" },
});
const now = () => Math.floor(Date.now() / 1000);

describe("signatureHeader", () => {
  it("sends t, v1 and a fake v0 in test mode, as Stripe does", () => {
    const header = signatureHeader(payload, secret, 1_700_000_000);
    expect(header).toMatch(/^t=1700000000,v1=[0-9a-f]{64},v0=[0-9a-f]{64}$/);
    expect(header).toContain(`v1=${computeSignature(payload, secret, 1_700_000_000)}`);
  });

  it("sends only t and v1 in live mode, byte-identical to the SDK's own test header", () => {
    const t = 1_700_000_123;
    const header = signatureHeader(payload, secret, t, "live");
    expect(header).toBe(stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp: t }));
  });

  it.each(["test", "live"] as const)("is accepted by the official SDK (%s mode)", (mode) => {
    const event = stripe.webhooks.constructEvent(
      payload,
      signatureHeader(payload, secret, now(), mode),
      secret,
    );
    expect(event.id).toBe("evt_1");
  });

  it("is rejected by the SDK for a changed body, another secret or a stale timestamp", () => {
    const header = signatureHeader(payload, secret, now());
    expect(() => stripe.webhooks.constructEvent(`${payload} `, header, secret)).toThrow();
    expect(() => stripe.webhooks.constructEvent(payload, header, "whsec_other")).toThrow();
    const stale = signatureHeader(payload, secret, now() - 301);
    expect(() => stripe.webhooks.constructEvent(payload, stale, secret)).toThrow(/tolerance/);
  });

  it("gives v0 a value receivers cannot derive from the endpoint secret", () => {
    const t = now();
    const v0 = (h: string) => h.split(",v0=")[1];
    const header = signatureHeader(payload, secret, t);
    expect(v0(header)).not.toBe(computeSignature(payload, secret, t));
    expect(v0(header)).toBe(v0(signatureHeader(payload, "whsec_other", t)));
    expect(v0(header)).not.toBe(v0(signatureHeader(payload, secret, t + 1)));
  });

  it("refuses a timestamp that is not whole seconds", () => {
    expect(() => signatureHeader(payload, secret, 1.5)).toThrow(RangeError);
    expect(() => signatureHeader(payload, secret, Date.now() / 1000)).toThrow(RangeError);
  });
});

describe("newSigningSecret", () => {
  it("looks like Stripe's: whsec_ and 32 base62 characters, never repeated", () => {
    const secrets = Array.from({ length: 200 }, newSigningSecret);
    for (const s of secrets) expect(s).toMatch(/^whsec_[0-9A-Za-z]{32}$/);
    expect(new Set(secrets).size).toBe(secrets.length);
  });
});
