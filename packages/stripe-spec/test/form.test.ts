import { describe, expect, it } from "vitest";
import { decodeForm } from "../src/form.js";

function params(body: string): Record<string, unknown> {
  const result = decodeForm(body);
  if (!result.ok) throw new Error(`expected ${body} to decode: ${result.error.message}`);
  return result.params;
}

describe("decodeForm", () => {
  it("nests bracket keys into objects", () => {
    expect(
      params("address[city]=Oslo&metadata[k]=v&shipping[address][line1]=Storgata+1&shipping[name]=Ada"),
    ).toEqual({
      address: { city: "Oslo" },
      metadata: { k: "v" },
      shipping: { address: { line1: "Storgata 1" }, name: "Ada" },
    });
  });

  it("builds arrays from [] appends, in order", () => {
    expect(params("expand[]=a&expand[]=b")).toEqual({ expand: ["a", "b"] });
  });

  it("builds arrays from indexes (stripe-node's style), ordered by index", () => {
    expect(params("expand[1]=b&expand[0]=a")).toEqual({ expand: ["a", "b"] });
    expect(params("items[0][price]=p1&items[0][quantity]=2&items[1][price]=p2")).toEqual({
      items: [{ price: "p1", quantity: "2" }, { price: "p2" }],
    });
  });

  it("fills one array element from consecutive [] keys, as Rack does", () => {
    expect(params("items[][price]=p1&items[][quantity]=2&items[][price]=p2")).toEqual({
      items: [{ price: "p1", quantity: "2" }, { price: "p2" }],
    });
  });

  it("decodes + as space and percent escapes, in keys and values", () => {
    expect(params("name=Ada+Lovelace&email=a%40b.co&metadata%5Bk%5D=%C3%A6%C3%B8%C3%A5%2B1")).toEqual({
      name: "Ada Lovelace",
      email: "a@b.co",
      metadata: { k: "æøå+1" },
    });
  });

  it("keeps empty values as '' (Stripe's unset) and a bare key as ''", () => {
    expect(params("phone=&address=&description")).toEqual({ phone: "", address: "", description: "" });
  });

  it("leaves values as strings and ignores empty pairs", () => {
    expect(params("limit=10&&livemode=true&")).toEqual({ limit: "10", livemode: "true" });
    expect(params("")).toEqual({});
  });

  it("keeps a key such as __proto__ as data, never as the prototype", () => {
    const decoded = params("metadata[__proto__]=x");
    expect(Object.getPrototypeOf(decoded.metadata)).toBe(Object.prototype);
    expect(Object.keys(decoded.metadata as object)).toEqual(["__proto__"]);
  });

  it("refuses an unclosed bracket with a Stripe-shaped error whose wording is not Stripe's", () => {
    expect(decodeForm("a[b=1")).toEqual({
      ok: false,
      status: 400,
      error: {
        type: "invalid_request_error",
        message: `UNSUPPORTED_BY_EMULATOR: Stripe's answer to this form body is not known (malformed parameter name "a[b").`,
      },
    });
  });

  it("refuses a key that is both a value and a hash, in either order", () => {
    for (const body of ["a=1&a[b]=2", "a[b]=2&a=1"]) {
      const result = decodeForm(body);
      expect(result.ok).toBe(false);
      if (!result.ok)
        expect(result.error.message).toMatch(/^UNSUPPORTED_BY_EMULATOR: .*\(conflicting types for parameter/);
    }
  });

  it("refuses a key that is both an array and a hash", () => {
    expect(decodeForm("a[]=1&a[b]=2").ok).toBe(false);
  });

  it("refuses broken percent-encoding", () => {
    const result = decodeForm("name=%E0%A4%A");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain("invalid percent-encoding");
  });
});
