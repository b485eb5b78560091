/**
 * What Stripe refuses in `expand[]` and in list and search filters, refused as Stripe does, through the
 * official SDK. What the emulator cannot source or does not model answers UNSUPPORTED_BY_EMULATOR.
 */
import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { freshKey, raw, rejection, stripeClient, useEmulator } from "./helpers.js";
import { answer } from "./refusal-helpers.js";

const ctx = useEmulator();

function client(): Stripe {
  return stripeClient(ctx.emulator, freshKey(), { maxNetworkRetries: 0 });
}

const refused = (message: string, extra: { code?: string; param?: string } = {}) => ({
  status: 400,
  type: "invalid_request_error",
  code: extra.code,
  param: extra.param,
  message,
});

describe("expand[]", () => {
  it("refuses a property the contract does not mark expandable, with no param or code", async () => {
    const stripe = client();
    const customer = await stripe.customers.create({ email: "x@example.com" });
    const metadata = await rejection(stripe.customers.retrieve(customer.id, { expand: ["metadata"] }));
    expect(answer(metadata)).toEqual(refused("This property cannot be expanded (metadata)."));
    const nested = await rejection(
      stripe.customers.retrieve(customer.id, { expand: ["invoice_settings.footer"] }),
    );
    expect(answer(nested)).toEqual(refused("This property cannot be expanded (invoice_settings.footer)."));
    const onCreate = await rejection(stripe.customers.create({ expand: ["email"] }));
    expect(answer(onCreate)).toEqual(refused("This property cannot be expanded (email)."));
  });

  it("on a list, points at the item path", async () => {
    const error = await rejection(
      client().customers.list({ expand: ["invoice_settings.default_payment_method"] }),
    );
    expect(answer(error)).toEqual(
      refused(
        "This property cannot be expanded (invoice_settings). You may want to try expanding 'data.invoice_settings' instead.",
      ),
    );
  });

  it("refuses more than four levels, and takes four", async () => {
    const stripe = client();
    const deep = "data.invoice_settings.default_payment_method.customer.invoice_settings";
    const error = await rejection(stripe.customers.list({ expand: [deep] }));
    expect(answer(error)).toEqual(
      refused(`You cannot expand more than 4 levels of a property. Property: ${deep}`, {
        code: "property_expansion_max_depth",
      }),
    );
    expect(error.doc_url).toBeUndefined();
    const four = await stripe.customers.list({
      expand: ["data.invoice_settings.default_payment_method.customer"],
    });
    expect(four.object).toBe("list");
  });

  it("what the emulator does not model or the contract does not describe: UNSUPPORTED_BY_EMULATOR", async () => {
    const stripe = client();
    const customer = await stripe.customers.create({ email: "t@example.com" });
    const tax = await rejection(stripe.customers.retrieve(customer.id, { expand: ["tax"] }));
    expect(answer(tax)).toEqual(
      refused("UNSUPPORTED_BY_EMULATOR: expand[]=tax: the emulator does not model customer.tax."),
    );
    const clock = await rejection(
      stripe.customers.retrieve(customer.id, { expand: ["test_clock.customer"] }),
    );
    expect(clock.message).toBe(
      "UNSUPPORTED_BY_EMULATOR: expand[]=test_clock.customer: the contract the emulator holds does not describe test_clock.customer, so whether Stripe expands it is not known.",
    );
    const count = await rejection(stripe.customers.list({ expand: ["total_count"] }));
    expect(count.message).toMatch(/^UNSUPPORTED_BY_EMULATOR: expand\[\]=total_count: /);
    const searched = await stripe.customers.search({
      query: "email:'t@example.com'",
      expand: ["total_count"],
    });
    expect(searched.object).toBe("search_result");
  });
});

describe("list filters", () => {
  it("refuses starting_after with ending_before, with Stripe's message", async () => {
    const stripe = client();
    const [a, b] = [await stripe.customers.create(), await stripe.customers.create()];
    const error = await rejection(stripe.customers.list({ starting_after: a.id, ending_before: b.id }));
    expect(answer(error)).toEqual(
      refused("Received both starting_after and ending_before parameters. Please pass in only one."),
    );
    const events = await rejection(stripe.events.list({ starting_after: "evt_a", ending_before: "evt_b" }));
    expect(events.message).toBe(error.message);
  });

  it("limit under 1 is Stripe's minimum message; over 100 has no known wording", async () => {
    const stripe = client();
    const zero = await rejection(stripe.customers.list({ limit: 0 }));
    expect(answer(zero)).toEqual(
      refused("This value must be greater than or equal to 1.", { param: "limit" }),
    );
    const many = await rejection(stripe.webhookEndpoints.list({ limit: 101 }));
    expect(answer(many)).toEqual(
      refused(
        "UNSUPPORTED_BY_EMULATOR: limit 101: Stripe documents 1 to 100; its answer to more is not known.",
        {
          param: "limit",
        },
      ),
    );
    const search = await rejection(stripe.customers.search({ query: "email:'a@b.co'", limit: 101 }));
    expect(answer(search)).toEqual(answer(many));
  });

  it("events: type with types and more than 20 types answer UNSUPPORTED_BY_EMULATOR", async () => {
    const stripe = client();
    const both = await rejection(
      stripe.events.list({ type: "customer.created", types: ["customer.updated"] }),
    );
    expect(answer(both)).toEqual(
      refused(
        "UNSUPPORTED_BY_EMULATOR: type with types: Stripe takes one or the other; its wording is not known.",
        {
          param: "types",
        },
      ),
    );
    const types = Array.from({ length: 21 }, (_, i) => `customer.t${i}`);
    const tooMany = await rejection(stripe.events.list({ types }));
    expect(tooMany.message).toBe(
      "UNSUPPORTED_BY_EMULATOR: 21 types: Stripe takes up to 20; its wording is not known.",
    );
    expect((await stripe.events.list({ types: types.slice(0, 20) })).object).toBe("list");
    // delivery_success is a filter (events.delivery-success.test.ts); its value is a boolean, as the
    // contract types it, refused otherwise as Stripe refuses one ("Invalid boolean: …", stripe-spec).
    const notBoolean = await rejection(
      stripe.events.list({ delivery_success: "perhaps" as unknown as boolean }),
    );
    expect(answer(notBoolean)).toEqual(refused("Invalid boolean: perhaps", { param: "delivery_success" }));
  });

  it("search: a page token the emulator did not issue answers UNSUPPORTED_BY_EMULATOR", async () => {
    const error = await rejection(
      client().customers.search({ query: "email:'a@b.co'", page: "not-a-cursor" }),
    );
    expect(answer(error)).toEqual(
      refused(
        "UNSUPPORTED_BY_EMULATOR: a page token the emulator did not issue (use `next_page` from a previous search response).",
        { param: "page" },
      ),
    );
  });
});

describe("bodies that cannot be decoded", () => {
  it("answer UNSUPPORTED_BY_EMULATOR: Stripe's wording is not recorded", async () => {
    const response = await raw(ctx.emulator, "POST", "/v1/customers", { key: freshKey(), form: "a[b=1" });
    expect(response.status).toBe(400);
    expect(response.json.error).toEqual({
      type: "invalid_request_error",
      message: `UNSUPPORTED_BY_EMULATOR: Stripe's answer to this form body is not known (malformed parameter name "a[b").`,
    });
  });
});
