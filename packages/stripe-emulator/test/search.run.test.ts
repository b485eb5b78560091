import { describe, expect, it } from "vitest";
import { runSearch, type SearchResult } from "../src/search/index.js";

const URL_PATH = "/v1/customers/search";

/** Customers cus_1 … cus_n, newest first as the store hands them over; odd ones are "gold". */
function customers(n: number): Record<string, unknown>[] {
  const list: Record<string, unknown>[] = [];
  for (let i = n; i >= 1; i--) {
    list.push({
      id: `cus_${i}`,
      object: "customer",
      created: 1700000000 + i,
      email: `user${i}@example.com`,
      name: null,
      phone: null,
      metadata: i % 2 === 1 ? { tier: "gold" } : {},
    });
  }
  return list;
}

function ok(outcome: ReturnType<typeof runSearch>): SearchResult {
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.body;
}

const ids = (body: SearchResult) => body.data.map((object) => object.id);

describe("runSearch: result object", () => {
  it("returns Stripe's search_result shape without total_count by default", () => {
    const body = ok(runSearch(customers(3), { query: "email:'user2@example.com'" }, URL_PATH));
    expect(body).toEqual({
      object: "search_result",
      url: URL_PATH,
      has_more: false,
      data: [customers(3)[1]],
      next_page: null,
    });
  });

  it("adds total_count when expanded, counting every match", () => {
    const body = ok(
      runSearch(
        customers(25),
        { query: "metadata['tier']:'gold'", limit: 5, expand: ["total_count"] },
        URL_PATH,
      ),
    );
    expect(body.total_count).toBe(13);
    expect(body.data).toHaveLength(5);
  });

  it("returns an empty page when nothing matches", () => {
    const body = ok(runSearch(customers(3), { query: "email:'nobody@example.com'" }, URL_PATH));
    expect(body.data).toEqual([]);
    expect(body.has_more).toBe(false);
    expect(body.next_page).toBeNull();
  });

  it("passes query errors through", () => {
    expect(runSearch(customers(3), { query: "foo:'bar'" }, URL_PATH)).toEqual({
      ok: false,
      error: {
        type: "invalid_request_error",
        param: "query",
        message:
          "Field `foo` is an unsupported search field for resource `customers`. See http://stripe.com/docs/search#query-fields-for-customers for a list of supported fields.",
      },
    });
  });
});

describe("runSearch: limit", () => {
  it("defaults to 10", () => {
    const body = ok(runSearch(customers(12), { query: "created>0" }, URL_PATH));
    expect(ids(body)).toEqual([
      "cus_12",
      "cus_11",
      "cus_10",
      "cus_9",
      "cus_8",
      "cus_7",
      "cus_6",
      "cus_5",
      "cus_4",
      "cus_3",
    ]);
    expect(body.has_more).toBe(true);
  });

  it("accepts 1 and 100, refuses 0, 101 and fractions", () => {
    expect(ids(ok(runSearch(customers(3), { query: "created>0", limit: 1 }, URL_PATH)))).toEqual(["cus_3"]);
    expect(ok(runSearch(customers(120), { query: "created>0", limit: 100 }, URL_PATH)).data).toHaveLength(
      100,
    );
    expect(runSearch(customers(3), { query: "created>0", limit: 0 }, URL_PATH)).toEqual({
      ok: false,
      error: {
        type: "invalid_request_error",
        param: "limit",
        message: "This value must be greater than or equal to 1.",
      },
    });
    expect(runSearch(customers(3), { query: "created>0", limit: 101 }, URL_PATH)).toEqual({
      ok: false,
      error: {
        type: "invalid_request_error",
        param: "limit",
        message:
          "UNSUPPORTED_BY_EMULATOR: limit 101: Stripe documents 1 to 100; its answer to more is not known.",
      },
    });
    expect(runSearch(customers(3), { query: "created>0", limit: 2.5 }, URL_PATH)).toEqual({
      ok: false,
      error: { type: "invalid_request_error", param: "limit", message: "Invalid integer: 2.5" },
    });
  });
});

describe("runSearch: pagination", () => {
  const query = "metadata['tier']:'gold'";

  it("walks every match once across several pages", () => {
    const all = customers(15); // gold: 15, 13, 11, 9, 7, 5, 3, 1
    const first = ok(runSearch(all, { query, limit: 3 }, URL_PATH));
    expect(ids(first)).toEqual(["cus_15", "cus_13", "cus_11"]);
    expect(first.has_more).toBe(true);
    expect(first.next_page).toEqual(expect.any(String));

    const second = ok(runSearch(all, { query, limit: 3, page: first.next_page ?? "" }, URL_PATH));
    expect(ids(second)).toEqual(["cus_9", "cus_7", "cus_5"]);
    expect(second.has_more).toBe(true);

    const third = ok(runSearch(all, { query, limit: 3, page: second.next_page ?? "" }, URL_PATH));
    expect(ids(third)).toEqual(["cus_3", "cus_1"]);
    expect(third.has_more).toBe(false);
    expect(third.next_page).toBeNull();
  });

  it("reports has_more false when the last page is exactly full", () => {
    const all = customers(4); // gold: 3, 1
    const first = ok(runSearch(all, { query, limit: 2 }, URL_PATH));
    expect(ids(first)).toEqual(["cus_3", "cus_1"]);
    expect(first.has_more).toBe(false);
    expect(first.next_page).toBeNull();
  });

  it("gives the same cursor for the same position and keeps later pages stable when objects are added", () => {
    const all = customers(9); // gold: 9, 7, 5, 3, 1
    const first = ok(runSearch(all, { query, limit: 2 }, URL_PATH));
    expect(ok(runSearch(all, { query, limit: 2 }, URL_PATH)).next_page).toBe(first.next_page);

    const newer = { id: "cus_new", object: "customer", created: 1800000000, metadata: { tier: "gold" } };
    const second = ok(runSearch([newer, ...all], { query, limit: 2, page: first.next_page ?? "" }, URL_PATH));
    expect(ids(second)).toEqual(["cus_5", "cus_3"]);
  });

  it("lets the limit change between pages", () => {
    const all = customers(9);
    const first = ok(runSearch(all, { query, limit: 1 }, URL_PATH));
    const second = ok(runSearch(all, { query, limit: 10, page: first.next_page ?? "" }, URL_PATH));
    expect(ids(second)).toEqual(["cus_7", "cus_5", "cus_3", "cus_1"]);
  });

  it("resumes after the cursor's position when its object was deleted", () => {
    const all = customers(9);
    const first = ok(runSearch(all, { query, limit: 2 }, URL_PATH)); // cus_9, cus_7
    const without7 = all.filter((object) => object.id !== "cus_7");
    const second = ok(runSearch(without7, { query, limit: 2, page: first.next_page ?? "" }, URL_PATH));
    expect(ids(second)).toEqual(["cus_5", "cus_3"]);
  });
});

describe("runSearch: bad cursors", () => {
  const all = customers(9);
  const query = "metadata['tier']:'gold'";
  const cursor = ok(runSearch(all, { query, limit: 2 }, URL_PATH)).next_page ?? "";
  const malformed = {
    ok: false,
    error: {
      type: "invalid_request_error",
      param: "page",
      message:
        "UNSUPPORTED_BY_EMULATOR: a page token the emulator did not issue (use `next_page` from a previous search response).",
    },
  };
  const otherQuery = {
    ok: false,
    error: {
      type: "invalid_request_error",
      param: "page",
      message:
        "UNSUPPORTED_BY_EMULATOR: a page token issued for a different search query (use `next_page` only with the query it came from).",
    },
  };

  it("refuses a cursor from another query or another endpoint", () => {
    expect(runSearch(all, { query: "created>0", page: cursor }, URL_PATH)).toEqual(otherQuery);
    expect(runSearch(all, { query: `${query} `, page: cursor }, URL_PATH)).toEqual(otherQuery);
    expect(runSearch(all, { query, page: cursor }, "/v1/products/search")).toEqual(otherQuery);
  });

  it("refuses malformed cursors", () => {
    const json = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    for (const page of [
      "",
      "not a cursor!",
      "abc",
      cursor.slice(0, -3),
      json({ id: "cus_1" }),
      json([2, "scope", "cus_1", 1]),
      json([1, "scope", 7, 1]),
    ]) {
      expect(runSearch(all, { query, page }, URL_PATH)).toEqual(malformed);
    }
  });

  it("checks the query before the cursor", () => {
    expect(runSearch(all, { query: "asdf", page: "not a cursor!" }, URL_PATH)).toMatchObject({
      ok: false,
      error: { param: "query" },
    });
  });
});
