/**
 * `GET /v1/events?delivery_success=`, through the official SDK: "If false, events which are still
 * pending or have failed all delivery attempts to a webhook endpoint will be returned" (spec3.yaml), an
 * event being pending while its `pending_webhooks` is above 0. A receiver answers 500, then 200 on
 * Stripe's retry: the event moves from the `false` list to the `true` one.
 */
import { afterEach, describe, expect, it } from "vitest";
import {
  admin,
  freshKey,
  type Receiver,
  startReceiver,
  stripeClient,
  useEmulator,
  waitFor,
} from "./helpers.js";

// 0.0001: the test-mode retry schedule (30 min, 1 h, 2 h) becomes 180, 360 and 720 ms.
const ctx = useEmulator({ retryScale: 0.0001 });

const receivers: Receiver[] = [];
afterEach(async () => {
  for (const r of receivers.splice(0)) await r.close();
});

describe("events listed by delivery_success", () => {
  it("an event whose endpoint answers 500 is listed by false; once a retry gets a 200, by true only", async () => {
    const stripe = stripeClient(ctx.emulator, freshKey(), { maxNetworkRetries: 0 });
    let status = 500;
    const receiver = await startReceiver(() => status);
    receivers.push(receiver);
    await stripe.webhookEndpoints.create({ url: receiver.url, enabled_events: ["customer.updated"] });
    const since = Math.floor(Date.now() / 1000) - 1;
    // customer.created goes to no endpoint: nothing is pending, so it counts as delivered.
    const customer = await stripe.customers.create({ email: "pending@example.com" });
    await stripe.customers.update(customer.id, { name: "Pending" });
    await waitFor(() => receiver.hits.length > 0);

    const listed = async (delivery_success: boolean) =>
      (await stripe.events.list({ delivery_success, created: { gte: since }, limit: 100 })).data.map((e) => [
        e.type,
        e.pending_webhooks,
      ]);
    // The receiver keeps answering 500 until it is told otherwise, so a retry meanwhile changes nothing.
    expect(await listed(false)).toEqual([["customer.updated", 1]]);
    expect(await listed(true)).toEqual([["customer.created", 0]]);
    // With the filters the SuiteApp's Webhooks panel sends.
    const narrowed = await stripe.events.list({
      delivery_success: false,
      types: ["customer.created", "customer.updated"],
      created: { gte: since },
      limit: 100,
    });
    expect(narrowed.data.map((e) => e.type)).toEqual(["customer.updated"]);
    expect(narrowed.has_more).toBe(false);

    status = 200;
    expect(await admin(ctx.emulator, "POST", "/_emulator/webhooks/flush")).toEqual({
      status: 200,
      body: { pending: 0 },
    });
    expect(receiver.hits.at(-1)?.status).toBe(200);
    expect(await listed(false)).toEqual([]);
    expect(await listed(true)).toEqual([
      ["customer.updated", 0],
      ["customer.created", 0],
    ]);
  });

  it("an event whose every attempt failed stays listed by false", async () => {
    await admin(ctx.emulator, "POST", "/_emulator/webhooks", { retryScale: 0.00001 });
    try {
      const stripe = stripeClient(ctx.emulator, freshKey(), { maxNetworkRetries: 0 });
      const receiver = await startReceiver(() => 503);
      receivers.push(receiver);
      await stripe.webhookEndpoints.create({ url: receiver.url, enabled_events: ["*"] });
      await stripe.customers.create({ email: "never@example.com" });
      await ctx.emulator.delivery.idle();
      // Stripe's test mode: the first attempt and 3 retries, then it gives up.
      expect(receiver.hits).toHaveLength(4);
      const failed = await stripe.events.list({ delivery_success: false });
      expect(failed.data.map((e) => [e.type, e.pending_webhooks])).toEqual([["customer.created", 1]]);
      expect((await stripe.events.list({ delivery_success: true })).data).toEqual([]);
    } finally {
      await admin(ctx.emulator, "POST", "/_emulator/webhooks", { retryScale: 0.0001 });
    }
  });
});
