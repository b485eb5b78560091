import type Stripe from "stripe";
import { beforeAll, describe, expect, it } from "vitest";
import { expectValid, freshKey, raw, rejection, stripeClient, useEmulator, wire } from "./helpers.js";

// A clock the tests can move forward, so `created` differs between customers made in one second.
let offsetMs = 0;
const ctx = useEmulator({ now: () => Date.now() + offsetMs });

describe("customers: create, retrieve, update, delete", () => {
  it("creates a customer with Stripe's fields and retrieves the same object", async () => {
    const stripe = stripeClient(ctx.emulator);
    const created = await stripe.customers.create({
      email: "ada@example.com",
      name: "Ada Lovelace",
      phone: "+44 20 7946 0000",
      description: "first",
      address: { city: "London", country: "GB", line1: "12 St James's Square" },
      metadata: { netsuite_id: "107" },
    });
    expectValid("customer", created);
    expect(created.id).toMatch(/^cus_[A-Za-z0-9]{14}$/);
    expect(created).toMatchObject({
      object: "customer",
      email: "ada@example.com",
      name: "Ada Lovelace",
      phone: "+44 20 7946 0000",
      description: "first",
      address: {
        city: "London",
        country: "GB",
        line1: "12 St James's Square",
        line2: null,
        postal_code: null,
        state: null,
      },
      metadata: { netsuite_id: "107" },
      livemode: false,
      balance: 0,
      invoice_settings: { default_payment_method: null },
    });

    const retrieved = await stripe.customers.retrieve(created.id);
    expectValid("customer", retrieved);
    expect(wire(retrieved)).toEqual(wire(created));
  });

  it("the SDK's object serialises to exactly the JSON on the wire", async () => {
    const key = freshKey();
    const stripe = stripeClient(ctx.emulator, key);
    const created = await stripe.customers.create({ email: "wire@example.com", metadata: { a: "1" } });
    expect(created.lastResponse.statusCode).toBe(200);
    const fetched = await raw(ctx.emulator, "GET", `/v1/customers/${created.id}`, { key });
    expect(fetched.status).toBe(200);
    expectValid("customer", fetched.json);
    expect(wire(created)).toEqual(fetched.json);
    expect(Object.keys(created)).not.toContain("lastResponse");
  });

  it("updates fields, merges metadata and clears a field with an empty string", async () => {
    const stripe = stripeClient(ctx.emulator);
    const customer = await stripe.customers.create({
      email: "old@example.com",
      name: "Old Name",
      phone: "+15550001",
      metadata: { keep: "yes", drop: "me" },
    });
    const updated = await stripe.customers.update(customer.id, {
      email: "new@example.com",
      phone: "",
      metadata: { drop: "", added: "1" },
    });
    expectValid("customer", updated);
    expect(updated).toMatchObject({
      id: customer.id,
      email: "new@example.com",
      name: "Old Name",
      phone: null,
      metadata: { keep: "yes", added: "1" },
    });
    expect(updated.metadata).not.toHaveProperty("drop");
    expect(wire(await stripe.customers.retrieve(customer.id))).toEqual(wire(updated));
  });

  it("deletes a customer: deleted_customer, retrievable as deleted, then 404 on update and delete", async () => {
    const stripe = stripeClient(ctx.emulator, freshKey(), { maxNetworkRetries: 0 });
    const customer = await stripe.customers.create({ email: "gone@example.com" });
    const deleted = await stripe.customers.del(customer.id);
    expectValid("deleted_customer", deleted);
    expect(wire(deleted)).toEqual({ id: customer.id, object: "customer", deleted: true });

    const again = await stripe.customers.retrieve(customer.id);
    expectValid("deleted_customer", again);
    expect(wire(again)).toEqual({ id: customer.id, object: "customer", deleted: true });

    const updateError = await rejection<Stripe.errors.StripeInvalidRequestError>(
      stripe.customers.update(customer.id, { name: "x" }),
    );
    expect(updateError.statusCode).toBe(404);
    expect(updateError.code).toBe("resource_missing");
    expect(updateError.message).toBe(`No such customer: '${customer.id}'`);

    const deleteError = await rejection(stripe.customers.del(customer.id));
    expect(deleteError.statusCode).toBe(404);

    const list = await stripe.customers.list({ email: "gone@example.com" });
    expect(list.data).toEqual([]);
  });

  it("answers 404 resource_missing for an unknown customer", async () => {
    const stripe = stripeClient(ctx.emulator, freshKey(), { maxNetworkRetries: 0 });
    const error = await rejection<Stripe.errors.StripeInvalidRequestError>(
      stripe.customers.retrieve("cus_doesnotexist"),
    );
    expect(error.type).toBe("StripeInvalidRequestError");
    expect(error.statusCode).toBe(404);
    expect(error.code).toBe("resource_missing");
    expect(error.param).toBe("id");
    expect(error.message).toBe("No such customer: 'cus_doesnotexist'");
  });
});

describe("customers: list", () => {
  let stripe: Stripe;
  const ids: string[] = []; // oldest first
  let firstCreated = 0;

  beforeAll(async () => {
    stripe = stripeClient(ctx.emulator);
    for (let i = 0; i < 5; i++) {
      const customer = await stripe.customers.create({
        email: i % 2 === 0 ? "even@example.com" : "odd@example.com",
        name: `Customer ${i}`,
      });
      ids.push(customer.id);
      if (i === 0) firstCreated = customer.created;
      offsetMs += 10_000; // each next customer is 10 s younger
    }
  });

  it("lists newest first with has_more and the list url", async () => {
    const page = await stripe.customers.list({ limit: 3 });
    expectValid("CustomerResourceCustomerList", page);
    expect(page.object).toBe("list");
    expect(page.url).toBe("/v1/customers");
    expect(page.has_more).toBe(true);
    expect(page.data.map((c) => c.id)).toEqual([ids[4], ids[3], ids[2]]);
    for (const customer of page.data) expectValid("customer", customer);
  });

  it("pages with starting_after and ending_before", async () => {
    const next = await stripe.customers.list({ limit: 3, starting_after: ids[2] });
    expectValid("CustomerResourceCustomerList", next);
    expect(next.data.map((c) => c.id)).toEqual([ids[1], ids[0]]);
    expect(next.has_more).toBe(false);

    const previous = await stripe.customers.list({ limit: 2, ending_before: ids[1] });
    expectValid("CustomerResourceCustomerList", previous);
    expect(previous.data.map((c) => c.id)).toEqual([ids[3], ids[2]]);
    expect(previous.has_more).toBe(true);

    const all = await stripe.customers.list({ limit: 2 }).autoPagingToArray({ limit: 100 });
    expect(all.map((c) => c.id)).toEqual([...ids].reverse());
  });

  it("filters by exact, case-sensitive email", async () => {
    const even = await stripe.customers.list({ email: "even@example.com" });
    expectValid("CustomerResourceCustomerList", even);
    expect(even.data.map((c) => c.id)).toEqual([ids[4], ids[2], ids[0]]);
    const odd = await stripe.customers.list({ email: "odd@example.com", limit: 1 });
    expect(odd.data.map((c) => c.id)).toEqual([ids[3]]);
    expect(odd.has_more).toBe(true);
    const upper = await stripe.customers.list({ email: "EVEN@example.com" });
    expect(upper.data).toEqual([]);
  });

  it("filters by created, exact and as a range", async () => {
    const exact = await stripe.customers.list({ created: firstCreated + 10 });
    expectValid("CustomerResourceCustomerList", exact);
    expect(exact.data.map((c) => c.id)).toEqual([ids[1]]);
    const range = await stripe.customers.list({
      created: { gte: firstCreated + 10, lt: firstCreated + 40 },
    });
    expect(range.data.map((c) => c.id)).toEqual([ids[3], ids[2], ids[1]]);
    const after = await stripe.customers.list({ created: { gt: firstCreated + 30 } });
    expect(after.data.map((c) => c.id)).toEqual([ids[4]]);
  });

  it("refuses a limit above 100 and an unknown cursor", async () => {
    const strict = stripeClient(ctx.emulator, freshKey(), { maxNetworkRetries: 0 });
    const limitError = await rejection(strict.customers.list({ limit: 101 }));
    expect(limitError.statusCode).toBe(400);
    expect(limitError.param).toBe("limit");
    const cursorError = await rejection(strict.customers.list({ starting_after: "cus_nope" }));
    expect(cursorError.statusCode).toBe(404);
    expect(cursorError.param).toBe("starting_after");
    expect(cursorError.message).toBe("No such customer: 'cus_nope'");
  });
});

describe("customers: search", () => {
  let stripe: Stripe;
  const c: Record<string, Stripe.Customer> = {};

  beforeAll(async () => {
    stripe = stripeClient(ctx.emulator);
    c.ada = await stripe.customers.create({
      email: "ada@analytical.example",
      name: "Ada Lovelace",
      phone: "+441234567",
      metadata: { netsuite_id: "107", tier: "gold" },
    });
    offsetMs += 10_000;
    c.grace = await stripe.customers.create({
      email: "grace@navy.example",
      name: "Grace Hopper",
      phone: "+15550100",
      metadata: { netsuite_id: "108", tier: "silver" },
    });
    offsetMs += 10_000;
    c.alan = await stripe.customers.create({
      email: "alan@bletchley.example",
      name: "Alan Turing",
      metadata: { netsuite_id: "109", tier: "gold" },
    });
  });

  async function ids(query: string): Promise<string[]> {
    const result = await stripe.customers.search({ query });
    expectValid("SearchResult", result);
    for (const customer of result.data) expectValid("customer", customer);
    return result.data.map((customer) => customer.id);
  }

  it("finds by email, name, phone and metadata with `:`", async () => {
    const result = await stripe.customers.search({ query: "email:'grace@navy.example'" });
    expectValid("SearchResult", result);
    expect(result).toMatchObject({ object: "search_result", url: "/v1/customers/search", has_more: false });
    expect(result.data.map((x) => x.id)).toEqual([c.grace?.id]);
    expect(wire(result.data[0])).toEqual(wire(c.grace));

    expect(await ids("name:'Alan Turing'")).toEqual([c.alan?.id]);
    expect(await ids("phone:'+441234567'")).toEqual([c.ada?.id]);
    expect(await ids("metadata['netsuite_id']:'108'")).toEqual([c.grace?.id]);
    expect(await ids('metadata["tier"]:"gold"')).toEqual([c.alan?.id, c.ada?.id]);
  });

  it("`:` is case-insensitive, `~` matches a substring", async () => {
    expect(await ids("email:'ADA@Analytical.Example'")).toEqual([c.ada?.id]);
    expect(await ids("name~'opp'")).toEqual([c.grace?.id]);
    expect(await ids("email~'.example'")).toEqual([c.alan?.id, c.grace?.id, c.ada?.id]);
  });

  it("negates with `-` and combines with AND / OR", async () => {
    expect(await ids("metadata['tier']:'gold' AND -name:'Alan Turing'")).toEqual([c.ada?.id]);
    expect(await ids("email:'ada@analytical.example' OR email:'alan@bletchley.example'")).toEqual([
      c.alan?.id,
      c.ada?.id,
    ]);
    expect(await ids("metadata['tier']:'gold' AND name~'Lov'")).toEqual([c.ada?.id]);
    expect(await ids("-metadata['tier']:'gold'")).toEqual([c.grace?.id]);
  });

  it("pages with `page` / `next_page` and counts with expand total_count", async () => {
    const first = await stripe.customers.search({
      query: "email~'example'",
      limit: 2,
      expand: ["total_count"],
    });
    expectValid("SearchResult", first);
    expect(first.data.map((x) => x.id)).toEqual([c.alan?.id, c.grace?.id]);
    expect(first.has_more).toBe(true);
    expect(first.total_count).toBe(3);
    expect(typeof first.next_page).toBe("string");

    const second = await stripe.customers.search({
      query: "email~'example'",
      limit: 2,
      page: first.next_page as string,
    });
    expectValid("SearchResult", second);
    expect(second.data.map((x) => x.id)).toEqual([c.ada?.id]);
    expect(second.has_more).toBe(false);
    expect(second.next_page).toBeNull();
  });

  it("refuses what Stripe refuses: unparsable query, unsupported field, short substring", async () => {
    const strict = stripeClient(ctx.emulator, freshKey(), { maxNetworkRetries: 0 });
    const unparsable = await rejection(strict.customers.search({ query: "asdf" }));
    expect(unparsable.statusCode).toBe(400);
    expect(unparsable.param).toBe("query");
    expect(unparsable.message).toBe(
      'We were unable to parse your search query. Try using the format `metadata["key"]:"value"` to query for metadata or key:"value" to query for other fields.',
    );
    const field = await rejection(strict.customers.search({ query: "colour:'red'" }));
    expect(field.message).toBe(
      "Field `colour` is an unsupported search field for resource `customers`. See http://stripe.com/docs/search#query-fields-for-customers for a list of supported fields.",
    );
    const short = await rejection(strict.customers.search({ query: "name~'ab'" }));
    expect(short.statusCode).toBe(400);
    expect(short.param).toBe("query");
  });

  it("compares created numerically", async () => {
    const created = c.grace?.created ?? 0;
    expect(await ids(`created>=${created}`)).toEqual([c.alan?.id, c.grace?.id]);
    expect(await ids(`created>${created}`)).toEqual([c.alan?.id]);
    expect(await ids(`created<=${created} AND metadata['tier']:'gold'`)).toEqual([c.ada?.id]);
    expect(await ids(`created<${created - 100000}`)).toEqual([]);
    expect(await ids(`created:${c.ada?.created} AND name:'Ada Lovelace'`)).toEqual([c.ada?.id]);
  });

  it("search is per account: another key finds nothing", async () => {
    const other = stripeClient(ctx.emulator);
    const result = await other.customers.search({ query: "email:'grace@navy.example'" });
    expectValid("SearchResult", result);
    expect(result.data).toEqual([]);
  });
});
