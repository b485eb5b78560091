import type Stripe from "stripe";
import { afterEach, describe, expect, it } from "vitest";
import {
  admin,
  expectValid,
  freshKey,
  raw,
  rejection,
  sleep,
  stripeClient,
  useEmulator,
  waitFor,
} from "./helpers.js";

const ctx = useEmulator({ rateLimit: 5 });

afterEach(async () => {
  await admin(ctx.emulator, "DELETE", "/_emulator/faults");
});

function client(key = freshKey()): Stripe {
  return stripeClient(ctx.emulator, key, { maxNetworkRetries: 0 });
}

const RATE_LIMIT_BODY = {
  error: {
    type: "invalid_request_error",
    code: "rate_limit",
    doc_url: "https://stripe.com/docs/error-codes/rate-limit",
    message:
      "Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits.",
  },
};

describe("rate limit", () => {
  it("a burst over 5/s gets Stripe's 429; requests pass again after a second", async () => {
    const key = freshKey();
    const burst = await Promise.all(
      Array.from({ length: 8 }, () => raw(ctx.emulator, "GET", "/v1/customers?limit=1", { key })),
    );
    const statuses = burst.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
    for (const response of burst) {
      if (response.status === 429) expect(response.json).toEqual(RATE_LIMIT_BODY);
      else expectValid("CustomerResourceCustomerList", response.json);
    }

    // Through the SDK: a StripeRateLimitError (the SDK does not retry a plain 429).
    const stripe = client(key);
    const error = await rejection<Stripe.errors.StripeRateLimitError>(stripe.customers.list());
    expect(error.type).toBe("StripeRateLimitError");
    expect(error.statusCode).toBe(429);
    expect(error.code).toBe("rate_limit");
    expect(error.message).toBe(RATE_LIMIT_BODY.error.message);

    // Another account has its own budget.
    expect((await raw(ctx.emulator, "GET", "/v1/customers", { key: freshKey() })).status).toBe(200);

    await sleep(1000);
    const again = await Promise.all(Array.from({ length: 5 }, () => stripe.customers.list({ limit: 1 })));
    for (const page of again) expectValid("CustomerResourceCustomerList", page);
  });

  it("POST /_emulator/rate_limit switches the limit; 0 turns it off", async () => {
    try {
      expect(await admin(ctx.emulator, "POST", "/_emulator/rate_limit", { perSecond: 0 })).toEqual({
        status: 200,
        body: { perSecond: 0 },
      });
      const key = freshKey();
      const burst = await Promise.all(
        Array.from({ length: 20 }, () => raw(ctx.emulator, "GET", "/v1/customers", { key })),
      );
      expect(burst.every((r) => r.status === 200)).toBe(true);

      await admin(ctx.emulator, "POST", "/_emulator/rate_limit", { perSecond: 2 });
      const limited = await Promise.all(
        Array.from({ length: 4 }, () => raw(ctx.emulator, "GET", "/v1/customers", { key })),
      );
      expect(limited.map((r) => r.status).sort()).toEqual([200, 200, 429, 429]);
    } finally {
      await admin(ctx.emulator, "POST", "/_emulator/rate_limit", { perSecond: 5 });
    }
  });
});

describe("faults", () => {
  it("500: the SDK sees Stripe's api_error with maxNetworkRetries 0, and nothing was created", async () => {
    const stripe = client();
    const added = await admin(ctx.emulator, "POST", "/_emulator/faults", { kind: "500" });
    expect(added.status).toBe(200);
    expect(added.body.fault).toEqual({ kind: "500", count: 1, phase: "before", delayMs: 0, probability: 1 });

    const error = await rejection<Stripe.errors.StripeAPIError>(
      stripe.customers.create({ email: "fault@example.com" }),
    );
    expect(error.type).toBe("StripeAPIError");
    expect(error.statusCode).toBe(500);
    expect(error.headers?.["stripe-should-retry"]).toBe("true");
    expect(error.message).toBe("An unknown error occurred (injected by the Stripe emulator's fault switch).");
    expect((await stripe.customers.list({ email: "fault@example.com" })).data).toEqual([]);
  });

  it("500: with its default retries the SDK gets through a single fault, creating one customer", async () => {
    const stripe = stripeClient(ctx.emulator, freshKey()); // maxNetworkRetries: SDK default
    await admin(ctx.emulator, "POST", "/_emulator/faults", { kind: "500" });
    const customer = await stripe.customers.create({ email: "retried@example.com" });
    expectValid("customer", customer);
    const list = await stripe.customers.list({ email: "retried@example.com" });
    expect(list.data.map((c) => c.id)).toEqual([customer.id]);
  });

  it("429: Stripe's rate limit body", async () => {
    const key = freshKey();
    await admin(ctx.emulator, "POST", "/_emulator/faults", { kind: "429" });
    const response = await raw(ctx.emulator, "GET", "/v1/customers", { key });
    expect(response.status).toBe(429);
    expect(response.json).toEqual(RATE_LIMIT_BODY);
    expect((await raw(ctx.emulator, "GET", "/v1/customers", { key })).status).toBe(200);
  });

  it("delay: the request is answered after delayMs", async () => {
    const stripe = client();
    await admin(ctx.emulator, "POST", "/_emulator/faults", { kind: "delay", delayMs: 250 });
    const started = Date.now();
    const customer = await stripe.customers.create({ email: "slow@example.com" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(245);
    expectValid("customer", customer);
    const quick = Date.now();
    await stripe.customers.retrieve(customer.id);
    expect(Date.now() - quick).toBeLessThan(200);
  });

  it("delay after: the GET reads first, its answer is held; an update during the hold is not in it", async () => {
    const key = freshKey();
    const stripe = client(key);
    const customer = await stripe.customers.create({ name: "Before" });
    const path = `/v1/customers/${customer.id}`;
    const added = await admin(ctx.emulator, "POST", "/_emulator/faults", {
      kind: "delay",
      phase: "after",
      delayMs: 400,
      method: "GET",
      pathPrefix: path,
    });
    expect(added.body.fault).toMatchObject({ kind: "delay", phase: "after", delayMs: 400 });
    const started = Date.now();
    const held = raw(ctx.emulator, "GET", path, { key }).then((r) => ({ ...r, at: Date.now() }));
    // The fault is used up once the GET has started, and the GET reads in that same step.
    const pending = async () =>
      (await admin(ctx.emulator, "GET", "/_emulator/faults")).body.pending as unknown[];
    await waitFor(async () => (await pending()).length === 0);
    const updated = await stripe.customers.update(customer.id, { name: "After" });
    const updatedAt = Date.now();
    expect(updated.name).toBe("After");
    const get = await held;
    expect(get.status).toBe(200);
    expect((get.json as { name: string }).name).toBe("Before");
    expect(get.at - started).toBeGreaterThanOrEqual(395);
    expect(get.at).toBeGreaterThanOrEqual(updatedAt);
    expect((await stripe.customers.retrieve(customer.id)) as Stripe.Customer).toMatchObject({
      name: "After",
    });
  });

  it("count: the next N matching requests fail, then they pass; method and pathPrefix select", async () => {
    const key = freshKey();
    const stripe = client(key);
    await admin(ctx.emulator, "POST", "/_emulator/faults", {
      kind: "500",
      count: 2,
      method: "POST",
      pathPrefix: "/v1/customers",
    });
    // Not matching: a GET, and a POST elsewhere.
    expect((await raw(ctx.emulator, "GET", "/v1/customers", { key })).status).toBe(200);
    await stripe.webhookEndpoints.create({ url: "https://a.example/hook", enabled_events: ["*"] });
    expect((await admin(ctx.emulator, "GET", "/_emulator/faults")).body).toMatchObject({
      pending: [{ kind: "500", count: 2 }],
    });

    expect((await rejection(stripe.customers.create({ email: "c1@example.com" }))).statusCode).toBe(500);
    expect((await rejection(stripe.customers.create({ email: "c2@example.com" }))).statusCode).toBe(500);
    const third = await stripe.customers.create({ email: "c3@example.com" });
    expectValid("customer", third);
    expect((await admin(ctx.emulator, "GET", "/_emulator/faults")).body).toEqual({ pending: [] });
  });

  it("probability: only some matching requests fail, each one counting down", async () => {
    await admin(ctx.emulator, "POST", "/_emulator/faults", {
      kind: "500",
      count: 1000,
      probability: 0.5,
      pathPrefix: "/v1/account",
    });
    await admin(ctx.emulator, "POST", "/_emulator/rate_limit", { perSecond: 0 });
    try {
      const key = freshKey();
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++)
        statuses.push((await raw(ctx.emulator, "GET", "/v1/account", { key })).status);
      const failed = statuses.filter((s) => s === 500).length;
      // 40 fair coin flips: all one way has probability 2 × 2^-40.
      expect(failed).toBeGreaterThan(0);
      expect(failed).toBeLessThan(40);
      expect(statuses.filter((s) => s === 200).length).toBe(40 - failed);
      const pending = (await admin(ctx.emulator, "GET", "/_emulator/faults")).body.pending as {
        count: number;
      }[];
      expect(pending[0]?.count).toBe(1000 - failed);

      expect(await admin(ctx.emulator, "DELETE", "/_emulator/faults")).toEqual({
        status: 200,
        body: { pending: [] },
      });
      expect((await raw(ctx.emulator, "GET", "/v1/account", { key })).status).toBe(200);
    } finally {
      await admin(ctx.emulator, "POST", "/_emulator/rate_limit", { perSecond: 5 });
    }
  });

  it("refuses a bad fault", async () => {
    expect(await admin(ctx.emulator, "POST", "/_emulator/faults", { kind: "418" })).toEqual({
      status: 400,
      body: { error: "unknown fault kind: 418" },
    });
    expect(await admin(ctx.emulator, "POST", "/_emulator/faults", { kind: "500", probability: 2 })).toEqual({
      status: 400,
      body: { error: "probability must be in (0, 1]" },
    });
    expect(await admin(ctx.emulator, "POST", "/_emulator/faults", { kind: "429", phase: "after" })).toEqual({
      status: 400,
      body: { error: 'phase "after" applies to 500 and delay faults only, not to 429' },
    });
    expect(await admin(ctx.emulator, "POST", "/_emulator/faults", { kind: "500", phase: "during" })).toEqual({
      status: 400,
      body: { error: 'phase must be "before" or "after", got "during"' },
    });
    expect((await admin(ctx.emulator, "GET", "/_emulator/faults")).body).toEqual({ pending: [] });
  });
});
