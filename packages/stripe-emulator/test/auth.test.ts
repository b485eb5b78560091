import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { expectValid, freshKey, raw, rejection, stripeClient, useEmulator } from "./helpers.js";

const ctx = useEmulator();

const NO_KEY =
  "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.";

describe("authentication", () => {
  it("no key: 401 with Stripe's message", async () => {
    const response = await raw(ctx.emulator, "GET", "/v1/customers");
    expect(response.status).toBe(401);
    expect(response.json).toEqual({ error: { type: "invalid_request_error", message: NO_KEY } });
    expect(response.headers.get("request-id")).toMatch(/^req_/);

    const empty = await raw(ctx.emulator, "POST", "/v1/customers", { authorization: "Bearer ", form: "" });
    expect(empty.status).toBe(401);
    expect(empty.json.error?.message).toBe(NO_KEY);
  });

  it("a malformed key: 401 Invalid API Key provided, with the key masked", async () => {
    // Not a publishable key: a well-formed pk_ gets Stripe's 403 (refusals.protocol.test.ts).
    const response = await raw(ctx.emulator, "GET", "/v1/customers", { key: "xk_test_notakey__1234" });
    expect(response.status).toBe(401);
    expect(response.json).toEqual({
      error: {
        type: "invalid_request_error",
        message: "Invalid API Key provided: xk_test_*********1234",
      },
    });

    const short = await raw(ctx.emulator, "GET", "/v1/customers", { key: "nonsense" });
    expect(short.status).toBe(401);
    expect(short.json.error?.message).toBe("Invalid API Key provided: nonsense");

    const stripe = stripeClient(ctx.emulator, "sk_test_has-a-dash-9876", { maxNetworkRetries: 0 });
    const error = await rejection<Stripe.errors.StripeAuthenticationError>(stripe.customers.list());
    expect(error.type).toBe("StripeAuthenticationError");
    expect(error.statusCode).toBe(401);
    expect(error.message).toBe("Invalid API Key provided: sk_test_***********9876");
    expect(error.message).not.toContain("has-a-dash");
  });

  it("Basic auth with the key as user name is the same account as Bearer", async () => {
    const key = freshKey();
    const bearer = await raw(ctx.emulator, "GET", "/v1/account", { key });
    expect(bearer.status).toBe(200);
    expectValid("account", bearer.json);

    const basic = await raw(ctx.emulator, "GET", "/v1/account", {
      authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}`,
    });
    expect(basic.status).toBe(200);
    expectValid("account", basic.json);
    expect(basic.json.id).toBe(bearer.json.id);

    const customer = await stripeClient(ctx.emulator, key).customers.create({ email: "basic@example.com" });
    const viaBasic = await raw(ctx.emulator, "GET", `/v1/customers/${customer.id}`, {
      authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}`,
    });
    expect(viaBasic.status).toBe(200);
    expect(viaBasic.json.email).toBe("basic@example.com");
  });

  it("the admin deliveries list needs a key too", async () => {
    const response = await fetch(`${ctx.emulator.url}/_emulator/deliveries`);
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: string }).error).toBe(NO_KEY);
    const bad = await fetch(`${ctx.emulator.url}/_emulator/billing_portal/default_configuration`, {
      method: "POST",
      headers: { Authorization: "Bearer nonsense" },
    });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toEqual({ error: "Invalid API Key provided: nonsense" });
  });
});

describe("request validation through the SDK", () => {
  function client(): Stripe {
    return stripeClient(ctx.emulator, freshKey(), { maxNetworkRetries: 0 });
  }

  it("an unknown parameter: 400 with Stripe's message and param", async () => {
    const stripe = client();
    const error = await rejection<Stripe.errors.StripeInvalidRequestError>(
      stripe.customers.create({
        email: "x@example.com",
        favourite_colour: "blue",
      } as Stripe.CustomerCreateParams),
    );
    expect(error.type).toBe("StripeInvalidRequestError");
    expect(error.rawType).toBe("invalid_request_error");
    expect(error.statusCode).toBe(400);
    expect(error.param).toBe("favourite_colour");
    expect(error.message).toBe("Received unknown parameter: favourite_colour");

    const nested = await rejection(
      stripe.customers.create({ address: { city: "Oslo", planet: "Earth" } } as Stripe.CustomerCreateParams),
    );
    expect(nested.param).toBe("address[planet]");
    expect(nested.message).toBe("Received unknown parameter: address[planet]");

    expect((await stripe.customers.list()).data).toEqual([]);
  });

  it("a value of the wrong type: 400 with Stripe's message and param", async () => {
    const stripe = client();
    const limit = await rejection(stripe.customers.list({ limit: "many" as unknown as number }));
    expect(limit.statusCode).toBe(400);
    expect(limit.param).toBe("limit");
    expect(limit.message).toBe("Invalid integer: many");

    const balance = await rejection(stripe.customers.create({ balance: "lots" as unknown as number }));
    expect(balance.statusCode).toBe(400);
    expect(balance.param).toBe("balance");
    expect(balance.message).toBe("Invalid integer: lots");

    const flag = await rejection(
      stripe.webhookEndpoints.create({
        url: "https://a.example/h",
        enabled_events: ["*"],
        connect: "perhaps" as unknown as boolean,
      }),
    );
    expect(flag.statusCode).toBe(400);
    expect(flag.param).toBe("connect");
    expect(flag.message).toBe("Invalid boolean: perhaps");
  });

  it("a missing required parameter and an unknown URL", async () => {
    const stripe = client();
    const missing = await rejection(
      stripe.paymentMethods.attach("pm_card_visa", {} as Stripe.PaymentMethodAttachParams),
    );
    expect(missing.statusCode).toBe(400);
    expect(missing.param).toBe("customer");
    expect(missing.message).toBe("Missing required param: customer.");

    const key = freshKey();
    const unknown = await raw(ctx.emulator, "GET", "/v1/charges_of_the_light_brigade", { key });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error).toMatchObject({
      type: "invalid_request_error",
      message:
        "Unrecognized request URL (GET: /v1/charges_of_the_light_brigade). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.",
    });
  });
});
