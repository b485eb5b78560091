import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { expectValid, freshKey, raw, rejection, stripeClient, useEmulator, wire } from "./helpers.js";

const ctx = useEmulator();

function client(key = freshKey()): Stripe {
  return stripeClient(ctx.emulator, key, { maxNetworkRetries: 0 });
}

describe("webhook endpoints", () => {
  it("returns the secret only at creation; retrieve and list never show it", async () => {
    const key = freshKey();
    const stripe = client(key);
    const created = await stripe.webhookEndpoints.create({
      url: "https://hooks.example/stripe",
      enabled_events: ["customer.created", "customer.updated"],
      description: "sync",
      metadata: { env: "test" },
    });
    expectValid("webhook_endpoint", created);
    expect(created.id).toMatch(/^we_/);
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9]{32}$/);
    expect(created).toMatchObject({
      object: "webhook_endpoint",
      url: "https://hooks.example/stripe",
      enabled_events: ["customer.created", "customer.updated"],
      description: "sync",
      metadata: { env: "test" },
      status: "enabled",
      livemode: false,
      api_version: null,
    });

    const retrieved = await stripe.webhookEndpoints.retrieve(created.id);
    expectValid("webhook_endpoint", retrieved);
    expect(retrieved).not.toHaveProperty("secret");
    const { secret: _secret, ...withoutSecret } = wire(created) as Record<string, unknown>;
    expect(wire(retrieved)).toEqual(withoutSecret);

    const list = await stripe.webhookEndpoints.list();
    expectValid("NotificationWebhookEndpointList", list);
    expect(list.url).toBe("/v1/webhook_endpoints");
    expect(list.data.map((e) => e.id)).toEqual([created.id]);
    expect(list.data[0]).not.toHaveProperty("secret");

    // Nor does any raw body: the secret appears nowhere but in the create response.
    for (const path of [`/v1/webhook_endpoints/${created.id}`, "/v1/webhook_endpoints"]) {
      const response = await raw(ctx.emulator, "GET", path, { key });
      expect(response.status).toBe(200);
      expect(response.text).not.toContain(created.secret);
      expect(response.text).not.toContain("whsec_");
    }
  });

  it("updates disabled, url and enabled_events", async () => {
    const stripe = client();
    const created = await stripe.webhookEndpoints.create({
      url: "https://a.example/hook",
      enabled_events: ["*"],
    });

    const disabled = await stripe.webhookEndpoints.update(created.id, { disabled: true });
    expectValid("webhook_endpoint", disabled);
    expect(disabled.status).toBe("disabled");
    expect(disabled).not.toHaveProperty("secret");

    const moved = await stripe.webhookEndpoints.update(created.id, {
      url: "https://b.example/hook",
      enabled_events: ["customer.deleted", "payment_method.attached"],
      disabled: false,
    });
    expectValid("webhook_endpoint", moved);
    expect(moved).toMatchObject({
      id: created.id,
      url: "https://b.example/hook",
      enabled_events: ["customer.deleted", "payment_method.attached"],
      status: "enabled",
    });
    expect(wire(await stripe.webhookEndpoints.retrieve(created.id))).toEqual(wire(moved));
  });

  it("deletes: deleted_webhook_endpoint, then 404", async () => {
    const stripe = client();
    const created = await stripe.webhookEndpoints.create({
      url: "https://a.example/hook",
      enabled_events: ["*"],
    });
    const deleted = await stripe.webhookEndpoints.del(created.id);
    expectValid("deleted_webhook_endpoint", deleted);
    expect(wire(deleted)).toEqual({ id: created.id, object: "webhook_endpoint", deleted: true });

    const error = await rejection(stripe.webhookEndpoints.retrieve(created.id));
    expect(error.statusCode).toBe(404);
    expect(error.code).toBe("resource_missing");
    expect(error.message).toBe(`No such webhook endpoint: '${created.id}'`);
    expect((await stripe.webhookEndpoints.list()).data).toEqual([]);
  });

  it("refuses an invalid url and more than 16 endpoints", async () => {
    const stripe = client();
    const badUrl = await rejection(
      stripe.webhookEndpoints.create({ url: "not a url", enabled_events: ["*"] }),
    );
    expect(badUrl.statusCode).toBe(400);
    expect(badUrl.param).toBe("url");
    expect(badUrl.message).toBe("Invalid URL: An explicit scheme (such as https) must be provided.");

    for (let i = 0; i < 16; i++) {
      await stripe.webhookEndpoints.create({ url: `https://a.example/${i}`, enabled_events: ["*"] });
    }
    const tooMany = await rejection(
      stripe.webhookEndpoints.create({ url: "https://a.example/17", enabled_events: ["*"] }),
    );
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.message).toBe("You have reached the maximum of 16 test webhook endpoints.");
  });
});

describe("events", () => {
  it("retrieves and lists by type, with customer.* as a wildcard", async () => {
    const stripe = client();
    const customer = await stripe.customers.create({ email: "events@example.com" });
    await stripe.customers.update(customer.id, { name: "Evie" });
    const pm = await stripe.paymentMethods.attach("pm_card_visa", { customer: customer.id });
    await stripe.customers.del(customer.id);

    const all = await stripe.events.list();
    expectValid("NotificationEventList", all);
    expect(all.url).toBe("/v1/events");
    expect(all.data.map((e) => e.type)).toEqual([
      "customer.deleted",
      "payment_method.attached",
      "customer.updated",
      "customer.created",
    ]);
    for (const event of all.data) {
      expectValid("event", event);
      expect(event.id).toMatch(/^evt_/);
      expect(event.livemode).toBe(false);
      expect(event.pending_webhooks).toBe(0);
      expect(event.request?.id).toMatch(/^req_/);
    }

    const customerEvents = await stripe.events.list({ type: "customer.*" });
    expectValid("NotificationEventList", customerEvents);
    expect(customerEvents.data.map((e) => e.type)).toEqual([
      "customer.deleted",
      "customer.updated",
      "customer.created",
    ]);

    const created = await stripe.events.list({ type: "customer.created" });
    expect(created.data).toHaveLength(1);
    const [createdEvent] = created.data;
    expect((createdEvent?.data.object as Stripe.Customer | undefined)?.id).toBe(customer.id);
    expect(createdEvent?.data).not.toHaveProperty("previous_attributes");

    const retrieved = await stripe.events.retrieve(createdEvent?.id ?? "");
    expectValid("event", retrieved);
    expect(wire(retrieved)).toEqual(wire(createdEvent));

    const updated = (await stripe.events.list({ type: "customer.updated" })).data[0];
    expect(updated?.data.previous_attributes).toEqual({ name: null });
    expect((updated?.data.object as Stripe.Customer | undefined)?.name).toBe("Evie");

    const attached = (await stripe.events.list({ type: "payment_method.attached" })).data[0];
    expect((attached?.data.object as Stripe.PaymentMethod | undefined)?.id).toBe(pm.id);

    const deleted = (await stripe.events.list({ type: "customer.deleted" })).data[0];
    expect((deleted?.data.object as Stripe.Customer | undefined)?.email).toBe("events@example.com");

    const paged = await stripe.events.list({ limit: 2 });
    expect(paged.has_more).toBe(true);
    const rest = await stripe.events.list({ limit: 2, starting_after: paged.data[1]?.id ?? "" });
    expect([...paged.data, ...rest.data].map((e) => e.id)).toEqual(all.data.map((e) => e.id));

    // ending_before: the events just newer than the cursor, newest first; with a type, those of the type.
    const [createdId, updatedId, attachedId, deletedId] = [...all.data].reverse().map((e) => e.id);
    const newer = await stripe.events.list({ limit: 2, ending_before: createdId ?? "" });
    expect(newer.data.map((e) => e.id)).toEqual([attachedId, updatedId]);
    expect(newer.has_more).toBe(true);
    const newerCustomer = await stripe.events.list({
      type: "customer.*",
      limit: 1,
      ending_before: createdId ?? "",
    });
    expect(newerCustomer.data.map((e) => e.id)).toEqual([updatedId]);
    expect(newerCustomer.has_more).toBe(true);
    const newest = await stripe.events.list({ type: "customer.*", limit: 5, ending_before: updatedId ?? "" });
    expect(newest.data.map((e) => e.id)).toEqual([deletedId]);
    expect(newest.has_more).toBe(false);
    const olderCustomer = await stripe.events.list({
      type: "customer.*",
      limit: 1,
      starting_after: deletedId ?? "",
    });
    expect(olderCustomer.data.map((e) => e.id)).toEqual([updatedId]);
    expect(olderCustomer.has_more).toBe(true);
    const everyCustomerEvent = await stripe.events
      .list({ type: "customer.*", limit: 1 })
      .autoPagingToArray({ limit: 10 });
    expect(everyCustomerEvent.map((e) => e.id)).toEqual([deletedId, updatedId, createdId]);

    const missing = await rejection(stripe.events.retrieve("evt_missing"));
    expect(missing.statusCode).toBe(404);
    expect(missing.message).toBe("No such event: 'evt_missing'");
  });

  it("an event records the request id and idempotency key that caused it", async () => {
    const stripe = client();
    const customer = await stripe.customers.create(
      { email: "req@example.com" },
      { idempotencyKey: "evt-key-1" },
    );
    const [event] = (await stripe.events.list({ type: "customer.created" })).data;
    expect(event?.request).toEqual({ id: customer.lastResponse.requestId, idempotency_key: "evt-key-1" });
  });
});

describe("account", () => {
  it("GET /v1/account: the key's account; different keys are different accounts", async () => {
    const keyA = freshKey();
    const a = await client(keyA).accounts.retrieveCurrent();
    expectValid("account", a);
    expect(a.id).toMatch(/^acct_1[A-Za-z0-9]{15}$/);
    expect(a.object).toBe("account");
    expect(a.charges_enabled).toBe(true);

    const again = await client(keyA).accounts.retrieveCurrent();
    expect(again.id).toBe(a.id);

    const b = await client().accounts.retrieveCurrent();
    expectValid("account", b);
    expect(b.id).not.toBe(a.id);

    // And their objects are apart.
    const customer = await client(keyA).customers.create({ email: "mine@example.com" });
    const fromB = await rejection(client().customers.retrieve(customer.id));
    expect(fromB.statusCode).toBe(404);
  });

  it("a live key is a live-mode account", async () => {
    const stripe = client(freshKey("acct", "live"));
    const customer = await stripe.customers.create({ email: "live@example.com" });
    expectValid("customer", customer);
    expect(customer.livemode).toBe(true);
  });
});
