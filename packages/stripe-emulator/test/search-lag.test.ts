import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { admin, expectValid, freshKey, stripeClient, useEmulator, waitFor } from "./helpers.js";

const LAG_MS = 300;
const ctx = useEmulator({ searchLagMs: LAG_MS });

async function searchIds(stripe: Stripe, query: string): Promise<string[]> {
  const result = await stripe.customers.search({ query });
  expectValid("SearchResult", result);
  return result.data.map((c) => c.id);
}

describe("search lag", () => {
  it("a new customer is listed by email at once, found by search only after the lag", async () => {
    const stripe = stripeClient(ctx.emulator, freshKey());
    const started = Date.now();
    const customer = await stripe.customers.create({ email: "lag@example.com", name: "Laggy" });

    const listed = await stripe.customers.list({ email: "lag@example.com" });
    expectValid("CustomerResourceCustomerList", listed);
    expect(listed.data.map((c) => c.id)).toEqual([customer.id]);
    expect((await stripe.customers.retrieve(customer.id)).id).toBe(customer.id);
    expect(await searchIds(stripe, "email:'lag@example.com'")).toEqual([]);

    await waitFor(async () => (await searchIds(stripe, "email:'lag@example.com'")).length > 0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(LAG_MS);
    expect(await searchIds(stripe, "email:'lag@example.com'")).toEqual([customer.id]);
  });

  it("an update is seen by search only after the lag; until then search sees the old version", async () => {
    const stripe = stripeClient(ctx.emulator, freshKey());
    const customer = await stripe.customers.create({ email: "before@example.com", metadata: { v: "1" } });
    await waitFor(async () => (await searchIds(stripe, "email:'before@example.com'")).length > 0);

    const updatedAt = Date.now();
    await stripe.customers.update(customer.id, { email: "after@example.com", metadata: { v: "2" } });
    expect((await stripe.customers.list({ email: "after@example.com" })).data.map((c) => c.id)).toEqual([
      customer.id,
    ]);
    expect((await stripe.customers.list({ email: "before@example.com" })).data).toEqual([]);
    expect(await searchIds(stripe, "email:'after@example.com'")).toEqual([]);
    expect(await searchIds(stripe, "email:'before@example.com'")).toEqual([customer.id]);
    // The stale hit carries the old object, as an out-of-date index would.
    const stale = await stripe.customers.search({ query: "metadata['v']:'1'" });
    expect(stale.data[0]?.email).toBe("before@example.com");

    await waitFor(async () => (await searchIds(stripe, "email:'after@example.com'")).length > 0);
    expect(Date.now() - updatedAt).toBeGreaterThanOrEqual(LAG_MS);
    expect(await searchIds(stripe, "email:'before@example.com'")).toEqual([]);
    expect(await searchIds(stripe, "metadata['v']:'2'")).toEqual([customer.id]);
  });

  it("a deleted customer stays findable by search until the lag passes", async () => {
    const stripe = stripeClient(ctx.emulator, freshKey());
    const customer = await stripe.customers.create({ email: "deleting@example.com" });
    await waitFor(async () => (await searchIds(stripe, "email:'deleting@example.com'")).length > 0);
    await stripe.customers.del(customer.id);
    expect((await stripe.customers.list({ email: "deleting@example.com" })).data).toEqual([]);
    expect(await searchIds(stripe, "email:'deleting@example.com'")).toEqual([customer.id]);
    await waitFor(async () => (await searchIds(stripe, "email:'deleting@example.com'")).length === 0);
  });

  it("POST /_emulator/search_lag changes the lag at run time", async () => {
    const stripe = stripeClient(ctx.emulator, freshKey());
    try {
      expect(await admin(ctx.emulator, "POST", "/_emulator/search_lag", { ms: 0 })).toEqual({
        status: 200,
        body: { ms: 0 },
      });
      const now = await stripe.customers.create({ email: "instant@example.com" });
      expect(await searchIds(stripe, "email:'instant@example.com'")).toEqual([now.id]);

      await admin(ctx.emulator, "POST", "/_emulator/search_lag", { ms: 200 });
      const started = Date.now();
      const later = await stripe.customers.create({ email: "later@example.com" });
      expect(await searchIds(stripe, "email:'later@example.com'")).toEqual([]);
      await waitFor(async () => (await searchIds(stripe, "email:'later@example.com'")).length > 0);
      expect(Date.now() - started).toBeGreaterThanOrEqual(200);
      expect(await searchIds(stripe, "email:'later@example.com'")).toEqual([later.id]);

      const bad = await admin(ctx.emulator, "POST", "/_emulator/search_lag", { ms: -1 });
      expect(bad).toEqual({ status: 400, body: { error: "ms must be a number ≥ 0" } });
    } finally {
      await admin(ctx.emulator, "POST", "/_emulator/search_lag", { ms: LAG_MS });
    }
  });
});
