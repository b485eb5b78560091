import type Stripe from "stripe";
import { afterEach, describe, expect, it } from "vitest";
import { admin, expectValid, freshKey, raw, rejection, stripeClient, useEmulator, wire } from "./helpers.js";

const ctx = useEmulator();

afterEach(async () => {
  await admin(ctx.emulator, "DELETE", "/_emulator/faults");
});

function client(key = freshKey()): Stripe {
  return stripeClient(ctx.emulator, key, { maxNetworkRetries: 0 });
}

async function customersWithEmail(stripe: Stripe, email: string): Promise<string[]> {
  return (await stripe.customers.list({ email, limit: 100 })).data.map((c) => c.id);
}

const MISMATCH = (key: string) =>
  `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`;

describe("idempotency", () => {
  it("same key and parameters: the same object, one customer, Idempotent-Replayed: true", async () => {
    const stripe = client();
    const params = { email: "once@example.com", name: "Once", metadata: { a: "1" } };
    const first = await stripe.customers.create(params, { idempotencyKey: "create-once" });
    expect(first.lastResponse.headers["idempotent-replayed"]).toBeUndefined();
    expect(first.lastResponse.idempotencyKey).toBe("create-once");

    const second = await stripe.customers.create(params, { idempotencyKey: "create-once" });
    expectValid("customer", second);
    expect(second.lastResponse.headers["idempotent-replayed"]).toBe("true");
    expect(second.lastResponse.headers["idempotency-key"]).toBe("create-once");
    expect(wire(second)).toEqual(wire(first));

    // Parameters in another order are the same request.
    const third = await stripe.customers.create(
      { metadata: { a: "1" }, name: "Once", email: "once@example.com" },
      { idempotencyKey: "create-once" },
    );
    expect(third.id).toBe(first.id);

    expect(await customersWithEmail(stripe, "once@example.com")).toEqual([first.id]);
    expect((await stripe.events.list({ type: "customer.created" })).data).toHaveLength(1);
  });

  it("keys belong to one account: another key's account runs the request afresh", async () => {
    const a = client();
    const b = client();
    const fromA = await a.customers.create({ email: "shared-key@example.com" }, { idempotencyKey: "shared" });
    const fromB = await b.customers.create({ email: "shared-key@example.com" }, { idempotencyKey: "shared" });
    expect(fromB.id).not.toBe(fromA.id);
    expect(fromB.lastResponse.headers["idempotent-replayed"]).toBeUndefined();
  });

  it("same key, different parameters: 400 idempotency_error with Stripe's message", async () => {
    const stripe = client();
    const first = await stripe.customers.create({ email: "a@example.com" }, { idempotencyKey: "k-differs" });
    const error = await rejection<Stripe.errors.StripeIdempotencyError>(
      stripe.customers.create({ email: "b@example.com" }, { idempotencyKey: "k-differs" }),
    );
    expect(error.type).toBe("StripeIdempotencyError");
    expect(error.rawType).toBe("idempotency_error");
    expect(error.statusCode).toBe(400);
    expect(error.message).toBe(MISMATCH("k-differs"));

    // Another endpoint with the same key is a different request too.
    const update = await rejection(
      stripe.customers.update(first.id, { email: "a@example.com" }, { idempotencyKey: "k-differs" }),
    );
    expect(update.rawType).toBe("idempotency_error");
    expect(await customersWithEmail(stripe, "b@example.com")).toEqual([]);
  });

  it("a request refused by validation is not saved: the corrected retry with the same key succeeds", async () => {
    const key = freshKey();
    const stripe = client(key);
    const refused = await raw(ctx.emulator, "POST", "/v1/customers", {
      key,
      form: "email=fix%40example.com&colour=blue",
      headers: { "Idempotency-Key": "fix-me" },
    });
    expect(refused.status).toBe(400);
    expect(refused.json.error).toMatchObject({
      type: "invalid_request_error",
      message: "Received unknown parameter: colour",
      param: "colour",
    });

    const fixed = await stripe.customers.create({ email: "fix@example.com" }, { idempotencyKey: "fix-me" });
    expectValid("customer", fixed);
    expect(fixed.lastResponse.headers["idempotent-replayed"]).toBeUndefined();
    expect(await customersWithEmail(stripe, "fix@example.com")).toEqual([fixed.id]);
  });

  it("a 500 after the request ran is saved: the customer exists and the replay is the same 500", async () => {
    const key = freshKey();
    const stripe = client(key);
    const fault = await admin(ctx.emulator, "POST", "/_emulator/faults", {
      kind: "500",
      phase: "after",
      method: "POST",
      pathPrefix: "/v1/customers",
    });
    expect(fault.status).toBe(200);

    const failed = await rejection<Stripe.errors.StripeAPIError>(
      stripe.customers.create({ email: "half@example.com" }, { idempotencyKey: "after-500" }),
    );
    expect(failed.type).toBe("StripeAPIError");
    expect(failed.statusCode).toBe(500);
    expect(failed.rawType).toBe("api_error");
    // It ran: the customer and its event exist.
    const made = await customersWithEmail(stripe, "half@example.com");
    expect(made).toHaveLength(1);
    expect((await stripe.events.list({ type: "customer.created" })).data).toHaveLength(1);

    // The fault is used up, yet the same key answers the same 500.
    expect((await admin(ctx.emulator, "GET", "/_emulator/faults")).body).toEqual({ pending: [] });
    const replay = await raw(ctx.emulator, "POST", "/v1/customers", {
      key,
      form: "email=half%40example.com",
      headers: { "Idempotency-Key": "after-500" },
    });
    expect(replay.status).toBe(500);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.json).toEqual({
      error: { type: "api_error", message: failed.message },
    });
    expect(failed.message).toBe(
      "An unknown error occurred (injected by the Stripe emulator's fault switch).",
    );

    const viaSdk = await rejection(
      stripe.customers.create({ email: "half@example.com" }, { idempotencyKey: "after-500" }),
    );
    expect(viaSdk.statusCode).toBe(500);
    expect(viaSdk.message).toBe(failed.message);
    expect(await customersWithEmail(stripe, "half@example.com")).toEqual(made);
  });

  it("a 500 before the request ran is not saved: the retry with the same key creates the customer", async () => {
    const stripe = client();
    await admin(ctx.emulator, "POST", "/_emulator/faults", { kind: "500", phase: "before" });
    const failed = await rejection(
      stripe.customers.create({ email: "before@example.com" }, { idempotencyKey: "before-500" }),
    );
    expect(failed.statusCode).toBe(500);
    expect(await customersWithEmail(stripe, "before@example.com")).toEqual([]);
    const retried = await stripe.customers.create(
      { email: "before@example.com" },
      { idempotencyKey: "before-500" },
    );
    expect(retried.lastResponse.headers["idempotent-replayed"]).toBeUndefined();
    expect(await customersWithEmail(stripe, "before@example.com")).toEqual([retried.id]);
  });

  it("the SDK's own retry of a 500 reuses its generated key, so nothing is created twice", async () => {
    const stripe = stripeClient(ctx.emulator, freshKey(), { maxNetworkRetries: 1 });
    await admin(ctx.emulator, "POST", "/_emulator/faults", { kind: "500", phase: "after" });
    const error = await rejection(stripe.customers.create({ email: "sdk-retry@example.com" }));
    // The retry was replayed from the saved 500.
    expect(error.statusCode).toBe(500);
    expect(error.headers?.["idempotent-replayed"]).toBe("true");
    expect(await customersWithEmail(stripe, "sdk-retry@example.com")).toHaveLength(1);
  });

  it("a key must be 1 to 255 characters, as Stripe's are", async () => {
    const key = freshKey();
    const stripe = client(key);
    const long = "k".repeat(256);
    const tooLong = await rejection(
      stripe.customers.create({ email: "long@example.com" }, { idempotencyKey: long }),
    );
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.rawType).toBe("invalid_request_error");
    expect(tooLong.message).toBe(
      "Idempotent key length is 256, which is outside accepted lengths. Idempotent Keys must be 1-255 characters long. If you're looking for a decent generator, try using a UUID defined by IETF RFC 4122.",
    );
    const empty = await raw(ctx.emulator, "POST", "/v1/customers", {
      key,
      form: "email=empty%40example.com",
      headers: { "Idempotency-Key": "" },
    });
    expect(empty.status).toBe(400);
    expect(empty.json.error?.message).toMatch(
      /^Idempotent key length is 0, which is outside accepted lengths\./,
    );
    expect(await customersWithEmail(stripe, "long@example.com")).toEqual([]);
    expect(await customersWithEmail(stripe, "empty@example.com")).toEqual([]);

    const longest = await stripe.customers.create(
      { email: "long@example.com" },
      { idempotencyKey: "k".repeat(255) },
    );
    expectValid("customer", longest);
  });

  it("GET requests ignore Idempotency-Key", async () => {
    const key = freshKey();
    const stripe = client(key);
    const customer = await stripe.customers.create({ email: "get@example.com" });
    const response = await raw(ctx.emulator, "GET", `/v1/customers/${customer.id}`, {
      key,
      headers: { "Idempotency-Key": "get-key" },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("idempotent-replayed")).toBeNull();
    expectValid("customer", response.json);
  });
});
