/**
 * Stripe's documented rate limits (`rateLimits: "stripe"`) as the official SDK meets them: 100/s per
 * account with a live key, 25/s with a test key, 25/s per operation, 20/s per search operation.
 */
import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { freshKey, rejection, stripeClient, useEmulator } from "./helpers.js";
import { burst, manualClock, outcome } from "./rate-limit-outcomes.js";

const clock = manualClock();
const ctx = useEmulator({ rateLimits: "stripe", now: clock.now });

function client(mode: "test" | "live"): Stripe {
  return stripeClient(ctx.emulator, freshKey("limits", mode), { maxNetworkRetries: 0 });
}

describe("Stripe's rate limits", () => {
  it("refuses the 26th request to one operation in a second, while another operation passes", async () => {
    const stripe = client("live");
    expect(await burst(26, () => stripe.customers.list({ limit: 1 }))).toEqual({
      ok: 25,
      "429 endpoint-rate": 1,
    });
    expect(await outcome(stripe.events.list({ limit: 1 }))).toBe("ok");

    // As the SDK sees it: a StripeRateLimitError (which it does not retry), with the reason header.
    const error = await rejection<Stripe.errors.StripeRateLimitError>(stripe.customers.list());
    expect(error.type).toBe("StripeRateLimitError");
    expect(error.statusCode).toBe(429);
    expect(error.code).toBe("rate_limit");
    expect(error.message).toBe(
      "Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits.",
    );
    expect(error.headers?.["stripe-rate-limited-reason"]).toBe("endpoint-rate");

    // The bucket refills at 25/s: one request per 40 ms, a full second's worth after a second.
    clock.advance(40);
    expect(await burst(2, () => stripe.customers.list())).toEqual({ ok: 1, "429 endpoint-rate": 1 });
    clock.advance(1000);
    expect(await burst(26, () => stripe.customers.list())).toEqual({ ok: 25, "429 endpoint-rate": 1 });
  });

  it("counts every ID of one operation against the same limit", async () => {
    const stripe = client("live");
    const [a, b] = await Promise.all([stripe.customers.create(), stripe.customers.create()]);
    const ids = Array.from({ length: 25 }, (_, i) => (i % 2 === 0 ? a : b)?.id as string);
    const retrieved = await Promise.all(ids.map((id) => outcome(stripe.customers.retrieve(id))));
    expect(retrieved.every((r) => r === "ok")).toBe(true);
    expect(await outcome(stripe.customers.retrieve(a?.id as string))).toBe("429 endpoint-rate");
    expect(await outcome(stripe.customers.retrieve(b?.id as string))).toBe("429 endpoint-rate");
    // Updating a customer is another operation on the same path template's resource.
    expect(await outcome(stripe.customers.update(a?.id as string, { name: "Ada" }))).toBe("ok");
  });

  it("allows 20 searches a second, while other operations still pass", async () => {
    const stripe = client("test");
    const search = () => stripe.customers.search({ query: "email:'ada@example.com'" });
    expect(await burst(21, search)).toEqual({ ok: 20, "429 endpoint-rate": 1 });
    // The test key's global 25/s leaves 5.
    expect(await burst(6, () => stripe.customers.list())).toEqual({ ok: 5, "429 global-rate": 1 });
  });

  it("limits a test key to 25 requests a second across operations", async () => {
    const stripe = client("test");
    const [lists, events, endpoints] = await Promise.all([
      burst(10, () => stripe.customers.list()),
      burst(10, () => stripe.events.list()),
      burst(5, () => stripe.webhookEndpoints.list()),
    ]);
    expect([lists, events, endpoints]).toEqual([{ ok: 10 }, { ok: 10 }, { ok: 5 }]);
    expect(await outcome(stripe.accounts.retrieveCurrent())).toBe("429 global-rate");
    expect(await outcome(stripe.billingPortal.configurations.list())).toBe("429 global-rate");
    clock.advance(1000);
    expect(await outcome(stripe.accounts.retrieveCurrent())).toBe("ok");
  });

  it("limits a live key to 100 requests a second across operations", async () => {
    const stripe = client("live");
    const bursts = await Promise.all([
      burst(25, () => stripe.customers.list()),
      burst(25, () => stripe.events.list()),
      burst(25, () => stripe.webhookEndpoints.list()),
      burst(25, () => stripe.billingPortal.configurations.list()),
    ]);
    expect(bursts).toEqual([{ ok: 25 }, { ok: 25 }, { ok: 25 }, { ok: 25 }]);
    expect(await outcome(stripe.accounts.retrieveCurrent())).toBe("429 global-rate");
  });

  it("keeps each account's budget to itself", async () => {
    const first = client("test");
    expect(await burst(26, () => first.customers.list())).toEqual({ ok: 25, "429 global-rate": 1 });
    expect(await outcome(client("test").customers.list())).toBe("ok");
  });
});

describe("a refused request takes no token", () => {
  it("from the global bucket when its endpoint refuses it", async () => {
    const stripe = client("live");
    expect(await burst(35, () => stripe.customers.list())).toEqual({ ok: 25, "429 endpoint-rate": 10 });
    // 75 of the live key's 100 are left, not 65.
    const bursts = await Promise.all([
      burst(25, () => stripe.events.list()),
      burst(25, () => stripe.webhookEndpoints.list()),
      burst(25, () => stripe.billingPortal.configurations.list()),
    ]);
    expect(bursts).toEqual([{ ok: 25 }, { ok: 25 }, { ok: 25 }]);
    expect(await outcome(stripe.accounts.retrieveCurrent())).toBe("429 global-rate");
  });

  it("from its endpoint's bucket when the global one refuses it", async () => {
    const stripe = client("live");
    // 20 lists leave the list endpoint 5; 80 other requests empty the global bucket.
    const bursts = await Promise.all([
      burst(20, () => stripe.customers.list()),
      burst(25, () => stripe.events.list()),
      burst(25, () => stripe.webhookEndpoints.list()),
      burst(25, () => stripe.billingPortal.configurations.list()),
      burst(5, () => stripe.accounts.retrieveCurrent()),
    ]);
    expect(bursts).toEqual([{ ok: 20 }, { ok: 25 }, { ok: 25 }, { ok: 25 }, { ok: 5 }]);
    expect(await burst(5, () => stripe.customers.list())).toEqual({ "429 global-rate": 5 });
    // 200 ms later: the global bucket has 20 again, the list endpoint 5 + 5 (none taken by the refusals).
    clock.advance(200);
    expect(await burst(11, () => stripe.customers.list())).toEqual({ ok: 10, "429 endpoint-rate": 1 });
  });
});
