import { describe, expect, it } from "vitest";
import { expandVerdict } from "../src/expand.js";
import { findOperation } from "../src/route.js";

function response(method: string, path: string) {
  const match = findOperation(method, path);
  if (!match) throw new Error(`no operation for ${method} ${path}`);
  return match.operation.response;
}

describe("expandVerdict", () => {
  const customer = response("GET", "/v1/customers/cus_1");
  const list = response("GET", "/v1/customers");
  const search = response("GET", "/v1/customers/search");

  it("follows x-expandableFields through IDs, nested objects and list items", () => {
    expect(expandVerdict(customer, "invoice_settings.default_payment_method")).toEqual({ ok: true });
    expect(expandVerdict(customer, "invoice_settings.default_payment_method.customer")).toEqual({ ok: true });
    expect(expandVerdict(list, "data.invoice_settings.default_payment_method")).toEqual({ ok: true });
    expect(expandVerdict(list, "data")).toEqual({ ok: true });
    expect(expandVerdict(search, "total_count")).toEqual({ ok: true });
  });

  it("refuses a field not marked expandable, naming the path up to it", () => {
    expect(expandVerdict(customer, "metadata")).toEqual({
      ok: false,
      reason: "not_expandable",
      at: "metadata",
    });
    expect(expandVerdict(customer, "invoice_settings.footer.x")).toEqual({
      ok: false,
      reason: "not_expandable",
      at: "invoice_settings.footer",
    });
  });

  it("on a list, hints at the item path for the first segment only", () => {
    expect(expandVerdict(list, "customer")).toEqual({
      ok: false,
      reason: "not_expandable",
      at: "customer",
      hint: "data.customer",
    });
    expect(expandVerdict(list, "data.metadata")).toEqual({
      ok: false,
      reason: "not_expandable",
      at: "data.metadata",
    });
  });

  it("refuses more than four segments before reading any", () => {
    expect(expandVerdict(list, "a.b.c.d.e")).toEqual({ ok: false, reason: "too_deep" });
    expect(expandVerdict(list, "data.invoice_settings.default_payment_method.customer")).toEqual({
      ok: true,
    });
  });

  it("cannot judge a path through an object the contract prunes, nor total_count on a plain list", () => {
    expect(expandVerdict(customer, "test_clock")).toEqual({ ok: true });
    expect(expandVerdict(customer, "test_clock.customer")).toEqual({
      ok: false,
      reason: "not_described",
      at: "test_clock.customer",
    });
    expect(expandVerdict(list, "total_count")).toEqual({
      ok: false,
      reason: "not_described",
      at: "total_count",
    });
  });
});
