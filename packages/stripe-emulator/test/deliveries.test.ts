import type Stripe from "stripe";
import { afterEach, describe, expect, it } from "vitest";
import type { DeliveryRecord } from "../src/index.js";
import {
  admin,
  expectValid,
  freshKey,
  type Receiver,
  startReceiver,
  stripeClient,
  useEmulator,
  verify,
  wire,
} from "./helpers.js";

// 0.0001: the test-mode retry schedule (30 min, 1 h, 2 h) becomes 180, 360 and 720 ms.
const ctx = useEmulator({ retryScale: 0.0001 });

const receivers: Receiver[] = [];
async function receiver(statusFor?: Parameters<typeof startReceiver>[0]): Promise<Receiver> {
  const r = await startReceiver(statusFor);
  receivers.push(r);
  return r;
}
afterEach(async () => {
  await admin(ctx.emulator, "POST", "/_emulator/webhooks", {
    duplicates: false,
    shuffle: false,
    retryScale: 0.0001,
  });
  for (const r of receivers.splice(0)) await r.close();
});

async function setup(enabledEvents: Stripe.WebhookEndpointCreateParams.EnabledEvent[] = ["*"]) {
  const key = freshKey();
  const stripe = stripeClient(ctx.emulator, key, { maxNetworkRetries: 0 });
  const r = await receiver();
  const endpoint = await stripe.webhookEndpoints.create({ url: r.url, enabled_events: enabledEvents });
  return { key, stripe, receiver: r, endpoint, secret: endpoint.secret as string };
}

async function deliveries(key: string): Promise<DeliveryRecord[]> {
  const response = await admin(ctx.emulator, "GET", "/_emulator/deliveries", undefined, key);
  expect(response.status).toBe(200);
  return response.body.data as DeliveryRecord[];
}

describe("webhook deliveries", () => {
  it("delivers signed customer and payment method events that the SDK verifies", async () => {
    const { stripe, receiver: r, secret } = await setup();
    const customer = await stripe.customers.create({ email: "hook@example.com", name: "Hook" });
    const updated = await stripe.customers.update(customer.id, { name: "Hooked", metadata: { a: "1" } });
    const pm = await stripe.paymentMethods.attach("pm_card_visa", { customer: customer.id });
    await stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: pm.id } });
    const pm2 = await stripe.paymentMethods.attach("pm_card_mastercard", { customer: customer.id });
    await stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: pm2.id } });
    await stripe.paymentMethods.detach(pm.id);
    await stripe.customers.del(customer.id);
    await ctx.emulator.delivery.idle();

    const events = r.events(secret);
    for (const event of events) expectValid("event", event);
    const byType = (type: string) => events.filter((e) => e.type === type);
    expect(events.map((e) => e.type).sort()).toEqual(
      [
        "customer.created",
        "customer.updated",
        "payment_method.attached",
        "customer.updated",
        "payment_method.attached",
        "customer.updated",
        "payment_method.detached",
        "customer.deleted",
      ].sort(),
    );

    const [created] = byType("customer.created");
    expect((created?.data.object as Stripe.Customer | undefined)?.email).toBe("hook@example.com");
    expect(created?.pending_webhooks).toBe(1);
    expect(created?.api_version).toBe("2023-08-16");

    const updates = byType("customer.updated");
    const nameUpdate = updates.find(
      (e) => e.data.previous_attributes && "name" in e.data.previous_attributes,
    );
    expect(nameUpdate?.data.previous_attributes).toEqual({ name: "Hook", metadata: { a: null } });
    expect((nameUpdate?.data.object as Stripe.Customer | undefined)?.name).toBe(updated.name);

    const defaults = updates
      .map((e) => e.data.previous_attributes as { invoice_settings?: { default_payment_method: unknown } })
      .filter((p) => p.invoice_settings !== undefined);
    expect(defaults).toContainEqual({ invoice_settings: { default_payment_method: null } });
    expect(defaults).toContainEqual({ invoice_settings: { default_payment_method: pm.id } });
    const second = updates.find(
      (e) =>
        (e.data.previous_attributes as { invoice_settings?: { default_payment_method: unknown } })
          ?.invoice_settings?.default_payment_method === pm.id,
    );
    expect(
      (second?.data.object as Stripe.Customer | undefined)?.invoice_settings.default_payment_method,
    ).toBe(pm2.id);

    expect(
      byType("payment_method.attached")
        .map((e) => (e.data.object as Stripe.PaymentMethod).id)
        .sort(),
    ).toEqual([pm.id, pm2.id].sort());
    const [detached] = byType("payment_method.detached");
    expect(detached?.data.object).toMatchObject({ id: pm.id, customer: null });
    expect(detached?.data.previous_attributes).toEqual({ customer: customer.id });
    const [deleted] = byType("customer.deleted");
    expect((deleted?.data.object as Stripe.Customer | undefined)?.id).toBe(customer.id);

    // The same events as GET /v1/events: each delivered body is the stored event's JSON, sent while it
    // was pending for the one endpoint; delivered, it is pending for none.
    const listed = await stripe.events.list({ limit: 100 });
    const stored = new Map(listed.data.map((e) => [e.id, wire(e)]));
    expect(new Set(events.map((e) => e.id))).toEqual(new Set(stored.keys()));
    for (const hit of r.hits) {
      const body = JSON.parse(hit.raw) as { id: string; pending_webhooks: number };
      expect(body.pending_webhooks).toBe(1);
      expect({ ...body, pending_webhooks: 0 }).toEqual(stored.get(body.id));
    }

    const hit = r.hits[0];
    expect(hit?.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(hit?.headers["user-agent"]).toBe("Stripe/1.0 (+https://stripe.com/docs/webhooks)");
    expect(hit?.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64},v0=[0-9a-f]{64}$/);
    expect(Math.abs((hit?.t ?? 0) - Date.now() / 1000)).toBeLessThan(10);
  });

  it("a delivery with a tampered body or the wrong secret does not verify", async () => {
    const { stripe, receiver: r, secret } = await setup();
    await stripe.customers.create({ email: "tamper@example.com" });
    await ctx.emulator.delivery.idle();
    const [hit] = r.hits;
    if (!hit) return expect.fail("no delivery");
    expect(verify(hit, secret).type).toBe("customer.created");
    expect(() => verify({ ...hit, raw: hit.raw.replace("tamper@", "tampered@") }, secret)).toThrow(
      /No signatures found matching the expected signature/,
    );
    expect(() => verify(hit, "whsec_wrong")).toThrow(/No signatures found/);
  });

  it("disabled endpoints and unsubscribed types receive nothing", async () => {
    const { key, stripe, receiver: all, secret } = await setup(["*"]);
    const disabledReceiver = await receiver();
    const disabled = await stripe.webhookEndpoints.create({
      url: disabledReceiver.url,
      enabled_events: ["*"],
    });
    await stripe.webhookEndpoints.update(disabled.id, { disabled: true });
    const deletedReceiver = await receiver();
    const deleted = await stripe.webhookEndpoints.create({ url: deletedReceiver.url, enabled_events: ["*"] });
    await stripe.webhookEndpoints.del(deleted.id);
    const onlyDeleted = await receiver();
    const narrow = await stripe.webhookEndpoints.create({
      url: onlyDeleted.url,
      enabled_events: ["customer.deleted"],
    });

    const customer = await stripe.customers.create({ email: "quiet@example.com" });
    await stripe.customers.update(customer.id, { name: "Quiet" });
    await stripe.customers.del(customer.id);
    await ctx.emulator.delivery.idle();

    // pending_webhooks, as sent, counts the endpoints the event goes to.
    const sent = all.events(secret).map((e) => [e.type, e.pending_webhooks]);
    expect(sent.sort()).toEqual([
      ["customer.created", 1],
      ["customer.deleted", 2],
      ["customer.updated", 1],
    ]);
    expect(disabledReceiver.hits).toEqual([]);
    expect(deletedReceiver.hits).toEqual([]);
    expect(onlyDeleted.events(narrow.secret as string).map((e) => [e.type, e.pending_webhooks])).toEqual([
      ["customer.deleted", 2],
    ]);

    // Once every endpoint has it, no event is pending.
    const events = await stripe.events.list();
    expect(events.data.map((e) => [e.type, e.pending_webhooks])).toEqual([
      ["customer.deleted", 0],
      ["customer.updated", 0],
      ["customer.created", 0],
    ]);
    const attempts = await deliveries(key);
    expect(attempts).toHaveLength(4);
    expect(new Set(attempts.map((a) => a.url))).toEqual(new Set([all.url, onlyDeleted.url]));
  });

  it("an endpoint's new url, events and status apply to the next events", async () => {
    const { stripe, receiver: first, endpoint, secret } = await setup(["customer.created"]);
    await stripe.customers.create({ email: "one@example.com" });
    await ctx.emulator.delivery.idle();
    expect(first.events(secret).map((e) => e.type)).toEqual(["customer.created"]);

    const second = await receiver();
    await stripe.webhookEndpoints.update(endpoint.id, {
      url: second.url,
      enabled_events: ["customer.updated"],
    });
    const customer = await stripe.customers.create({ email: "two@example.com" });
    await stripe.customers.update(customer.id, { name: "Two" });
    await ctx.emulator.delivery.idle();
    expect(first.hits).toHaveLength(1);
    // The secret stays the endpoint's.
    expect(second.events(secret).map((e) => e.type)).toEqual(["customer.updated"]);

    await stripe.webhookEndpoints.update(endpoint.id, { disabled: true });
    await stripe.customers.update(customer.id, { name: "Two again" });
    await ctx.emulator.delivery.idle();
    expect(second.hits).toHaveLength(1);

    await stripe.webhookEndpoints.update(endpoint.id, { disabled: false });
    await stripe.customers.update(customer.id, { name: "Two once more" });
    await ctx.emulator.delivery.idle();
    const names = second.events(secret).map((e) => (e.data.object as Stripe.Customer).name);
    expect(names).toEqual(["Two", "Two once more"]);
  });

  it("a receiver that answers 500 then 200 gets a retry with a new signature", async () => {
    const key = freshKey();
    const stripe = stripeClient(ctx.emulator, key);
    const r = await receiver((index) => (index === 0 ? 500 : 200));
    const endpoint = await stripe.webhookEndpoints.create({
      url: r.url,
      enabled_events: ["customer.created"],
    });
    const started = Date.now();
    await stripe.customers.create({ email: "retry@example.com" });

    const flushed = await admin(ctx.emulator, "POST", "/_emulator/webhooks/flush");
    expect(flushed).toEqual({ status: 200, body: { pending: 0 } });
    expect(r.hits.map((h) => h.status)).toEqual([500, 200]);
    const [first, second] = r.hits;
    if (!first || !second) return expect.fail("expected two deliveries");
    // First retry after 30 min × 0.0001 = 180 ms.
    expect(second.receivedAt - first.receivedAt).toBeGreaterThanOrEqual(170);
    expect(second.receivedAt - started).toBeLessThan(2000);
    expect(second.raw).toBe(first.raw);
    expect(second.signature).not.toBe(first.signature);
    expect(second.t).toBeGreaterThan(first.t);
    const secret = endpoint.secret as string;
    expect(verify(first, secret).id).toBe(verify(second, secret).id);

    const attempts = await deliveries(key);
    expect(attempts).toHaveLength(2);
    const [latest, earliest] = attempts;
    expect(earliest).toMatchObject({
      endpointId: endpoint.id,
      eventId: verify(first, secret).id,
      url: r.url,
      attempt: 1,
      outcome: "failed",
      httpStatus: 500,
      error: null,
    });
    expect(earliest?.nextAttemptAt).toBeGreaterThan(earliest?.at ?? 0);
    expect(latest).toMatchObject({
      deliveryId: earliest?.deliveryId,
      attempt: 2,
      outcome: "succeeded",
      httpStatus: 200,
      nextAttemptAt: null,
    });
    expect(verify(first, secret).pending_webhooks).toBe(1);
    expect((await stripe.events.retrieve(verify(first, secret).id)).pending_webhooks).toBe(0);
  });

  it("gives up after Stripe's test-mode schedule: 1 attempt + 3 retries (retryScale switch)", async () => {
    const scale = await admin(ctx.emulator, "POST", "/_emulator/webhooks", { retryScale: 0.00001 });
    expect(scale).toEqual({ status: 200, body: { retryScale: 0.00001 } });
    const key = freshKey();
    const stripe = stripeClient(ctx.emulator, key);
    const r = await receiver(() => 503);
    await stripe.webhookEndpoints.create({ url: r.url, enabled_events: ["*"] });
    await stripe.customers.create({ email: "down@example.com" });
    await ctx.emulator.delivery.idle();
    expect(r.hits.map((h) => h.status)).toEqual([503, 503, 503, 503]);
    expect(new Set(r.hits.map((h) => h.signature)).size).toBe(4);
    const attempts = (await deliveries(key)).reverse();
    expect(attempts.map((a) => [a.attempt, a.outcome, a.httpStatus, a.nextAttemptAt === null])).toEqual([
      [1, "failed", 503, false],
      [2, "failed", 503, false],
      [3, "failed", 503, false],
      [4, "failed", 503, true],
    ]);
    // Never delivered: still pending for that endpoint.
    const [event] = (await stripe.events.list()).data;
    expect(event?.pending_webhooks).toBe(1);
  });

  it("an unreachable endpoint is recorded with the error", async () => {
    await admin(ctx.emulator, "POST", "/_emulator/webhooks", { retryScale: 0 });
    const key = freshKey();
    const stripe = stripeClient(ctx.emulator, key);
    const r = await receiver();
    const url = r.url;
    await r.close();
    await stripe.webhookEndpoints.create({ url, enabled_events: ["*"] });
    await stripe.customers.create({ email: "nobody-home@example.com" });
    await ctx.emulator.delivery.idle();
    const attempts = await deliveries(key);
    expect(attempts).toHaveLength(4);
    for (const attempt of attempts) {
      expect(attempt.httpStatus).toBeNull();
      expect(attempt.error).toMatch(/ECONNREFUSED/);
      expect(attempt.outcome).toBe("failed");
    }
  });

  it("duplicates: every event arrives twice, each copy signed on its own", async () => {
    expect(await admin(ctx.emulator, "POST", "/_emulator/webhooks", { duplicates: true })).toEqual({
      status: 200,
      body: { duplicates: true },
    });
    const { key, stripe, receiver: r, secret } = await setup();
    const customer = await stripe.customers.create({ email: "twice@example.com" });
    await stripe.customers.update(customer.id, { name: "Twice" });
    await ctx.emulator.delivery.idle();

    const events = r.events(secret);
    expect(events).toHaveLength(4);
    const counts = new Map<string, number>();
    for (const e of events) counts.set(e.id, (counts.get(e.id) ?? 0) + 1);
    expect([...counts.values()]).toEqual([2, 2]);
    expect(new Set(r.hits.map((h) => h.signature)).size).toBe(4);
    const attempts = await deliveries(key);
    expect(attempts).toHaveLength(4);
    expect(new Set(attempts.map((a) => a.deliveryId)).size).toBe(4);
    // Two copies to one endpoint settle it once.
    expect((await stripe.events.list()).data.map((e) => e.pending_webhooks)).toEqual([0, 0]);
  });

  it("shuffle: deliveries are held, then released in random order", async () => {
    expect(await admin(ctx.emulator, "POST", "/_emulator/webhooks", { shuffle: true })).toEqual({
      status: 200,
      body: { shuffle: true },
    });
    const { stripe, receiver: r, secret } = await setup(["customer.created"]);
    const started = Date.now();
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) ids.push((await stripe.customers.create({ email: `s${i}@example.com` })).id);
    await ctx.emulator.delivery.idle();
    const order = r.events(secret).map((e) => (e.data.object as Stripe.Customer).id);
    expect([...order].sort()).toEqual([...ids].sort());
    // Held for the 100 ms window that opened with the first event, then released together.
    expect(Math.min(...r.hits.map((h) => h.receivedAt)) - started).toBeGreaterThanOrEqual(95);
    // 10! orders: the creation order comes back with probability 1/3 628 800.
    expect(order).not.toEqual(ids);
  });

  it("the deliveries list gives the last 500 attempts, or `limit` of them", async () => {
    const { key, stripe } = await setup();
    for (let i = 0; i < 3; i++) await stripe.customers.create({ email: `limit${i}@example.com` });
    await ctx.emulator.delivery.idle();
    expect(await deliveries(key)).toHaveLength(3);
    const one = await admin(ctx.emulator, "GET", "/_emulator/deliveries?limit=1", undefined, key);
    expect((one.body.data as DeliveryRecord[]).map((d) => d.eventId)).toEqual([
      (await deliveries(key))[0]?.eventId,
    ]);
    const bad = await admin(ctx.emulator, "GET", "/_emulator/deliveries?limit=0", undefined, key);
    expect(bad).toMatchObject({ status: 400, body: { error: "limit must be an integer from 1 to 1000000" } });
  });
});
