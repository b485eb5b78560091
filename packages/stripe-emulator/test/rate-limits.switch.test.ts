/**
 * Turning rate limits on and off: off by default, the `rateLimits` and `rateLimit` options, and the
 * admin routes `POST /_emulator/rate_limits` (Stripe's rules, a custom set, or off) and
 * `POST /_emulator/rate_limit` (one global limit for every account).
 */
import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { admin, freshKey, stripeClient, useEmulator } from "./helpers.js";
import { burst, manualClock, outcome } from "./rate-limit-outcomes.js";

const clock = manualClock();
const STRIPE = { global: { live: 100, test: 25 }, endpoint: 25, search: 20 };
const OFF = { global: { live: 0, test: 0 }, endpoint: 0, search: 0 };

describe("without options", () => {
  const ctx = useEmulator({ now: clock.now });
  const client = (mode: "test" | "live" = "test"): Stripe =>
    stripeClient(ctx.emulator, freshKey("switch", mode), { maxNetworkRetries: 0 });

  it("nothing is limited", async () => {
    expect(await admin(ctx.emulator, "GET", "/_emulator/rate_limits")).toEqual({ status: 200, body: OFF });
    const stripe = client();
    expect(await burst(60, () => stripe.customers.list())).toEqual({ ok: 60 });
  });

  it("POST /_emulator/rate_limits turns Stripe's limits on, changes them and turns them off", async () => {
    try {
      expect(await admin(ctx.emulator, "POST", "/_emulator/rate_limits", "stripe")).toEqual({
        status: 200,
        body: STRIPE,
      });
      const stripe = client();
      expect(await burst(26, () => stripe.customers.list())).toEqual({ ok: 25, "429 global-rate": 1 });

      // An object keeps Stripe's value for every rule it leaves out.
      expect(await admin(ctx.emulator, "POST", "/_emulator/rate_limits", { endpoint: 3 })).toEqual({
        status: 200,
        body: { ...STRIPE, endpoint: 3 },
      });
      expect(await burst(4, () => stripe.customers.list())).toEqual({ ok: 3, "429 endpoint-rate": 1 });
      expect(await outcome(stripe.events.list())).toBe("ok");

      expect(await admin(ctx.emulator, "POST", "/_emulator/rate_limits", "off")).toEqual({
        status: 200,
        body: OFF,
      });
      expect(await burst(40, () => stripe.customers.list())).toEqual({ ok: 40 });
    } finally {
      await admin(ctx.emulator, "POST", "/_emulator/rate_limits", "off");
    }
  });

  it("POST /_emulator/rate_limits refuses what is not a rule set", async () => {
    const post = (body: unknown) => admin(ctx.emulator, "POST", "/_emulator/rate_limits", body);
    expect(await post("on")).toEqual({
      status: 400,
      body: { error: 'rate limits must be "stripe", "off" or an object, got "on"' },
    });
    expect((await post({ endpoint: -1 })).body).toEqual({ error: "endpoint must be an integer ≥ 0" });
    expect((await post({ global: { test: 2.5 } })).body).toEqual({
      error: "global.test must be an integer ≥ 0",
    });
    expect((await post({ global: 25 })).body).toEqual({ error: "global must be an object" });
    expect((await post({ perSecond: 5 })).body).toEqual({
      error: "rate limits has no field perSecond (it takes global, endpoint, search)",
    });
    expect(await admin(ctx.emulator, "GET", "/_emulator/rate_limits")).toEqual({ status: 200, body: OFF });
  });

  it("POST /_emulator/rate_limit sets one global limit for live and test keys, keeping endpoint limits", async () => {
    try {
      await admin(ctx.emulator, "POST", "/_emulator/rate_limits", "stripe");
      expect(await admin(ctx.emulator, "POST", "/_emulator/rate_limit", { perSecond: 3 })).toEqual({
        status: 200,
        body: { perSecond: 3 },
      });
      expect((await admin(ctx.emulator, "GET", "/_emulator/rate_limits")).body).toEqual({
        ...STRIPE,
        global: { live: 3, test: 3 },
      });
      for (const mode of ["test", "live"] as const) {
        const stripe = client(mode);
        const [lists, events] = await Promise.all([
          burst(2, () => stripe.customers.list()),
          burst(1, () => stripe.events.list()),
        ]);
        expect([lists, events]).toEqual([{ ok: 2 }, { ok: 1 }]);
        expect(await outcome(stripe.accounts.retrieveCurrent())).toBe("429 global-rate");
      }

      // 0: no global limit; the endpoint limits stay.
      await admin(ctx.emulator, "POST", "/_emulator/rate_limit", { perSecond: 0 });
      const stripe = client();
      const [lists, events] = await Promise.all([
        burst(30, () => stripe.customers.list()),
        burst(25, () => stripe.events.list()),
      ]);
      expect([lists, events]).toEqual([{ ok: 25, "429 endpoint-rate": 5 }, { ok: 25 }]);

      // Setting the rules anew replaces that global limit too.
      await admin(ctx.emulator, "POST", "/_emulator/rate_limits", "stripe");
      expect((await admin(ctx.emulator, "GET", "/_emulator/rate_limits")).body).toEqual(STRIPE);
    } finally {
      await admin(ctx.emulator, "POST", "/_emulator/rate_limits", "off");
    }
  });
});

describe("options rateLimits (an object) and rateLimit together", () => {
  const ctx = useEmulator({ rateLimits: { endpoint: 2, search: 1 }, rateLimit: 4, now: clock.now });

  it("rateLimit is the global limit; the object's rules and Stripe's others apply", async () => {
    expect((await admin(ctx.emulator, "GET", "/_emulator/rate_limits")).body).toEqual({
      global: { live: 4, test: 4 },
      endpoint: 2,
      search: 1,
    });
    const stripe = stripeClient(ctx.emulator, freshKey("options", "live"), { maxNetworkRetries: 0 });
    expect(await burst(3, () => stripe.customers.list())).toEqual({ ok: 2, "429 endpoint-rate": 1 });
    expect(await burst(2, () => stripe.customers.search({ query: "email:'a@example.com'" }))).toEqual({
      ok: 1,
      "429 endpoint-rate": 1,
    });
    expect(await outcome(stripe.events.list())).toBe("ok");
    expect(await outcome(stripe.webhookEndpoints.list())).toBe("429 global-rate");
  });
});
