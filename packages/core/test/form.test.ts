import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { encodeForm, encodeFormComponent, type FormParams, type FormValue } from "../src/form.js";
import { capturingStripe, queryOf } from "./stripe-wire.js";

/** Keys stripe-node would read as request options rather than parameters. */
const OPTION_KEYS = new Set([
  "apiKey",
  "idempotencyKey",
  "stripeAccount",
  "apiVersion",
  "maxNetworkRetries",
  "timeout",
  "apiBase",
  "authenticator",
  "stripeContext",
  "headers",
  "additionalHeaders",
  "streaming",
]);

const text = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 12 }),
  fc.constantFrom("", "a b", "&=+?#%", "!*()'~", "[x]"),
);
const key = text.filter((k) => k !== "" && !OPTION_KEYS.has(k));
const leaf: fc.Arbitrary<FormValue> = fc.oneof(
  text,
  fc.integer(),
  fc.boolean(),
  fc.constant(undefined),
  fc.constant(null),
);
const { value } = fc.letrec<{ value: FormValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(key, tie("value"), { maxKeys: 3 }),
  ),
}));
const params: fc.Arbitrary<FormParams> = fc.dictionary(key, value, { minKeys: 1, maxKeys: 4 });

describe("encodeForm", () => {
  it("encodes nested objects as bracket keys and arrays by index", () => {
    expect(
      encodeForm({
        email: "ann@example.com",
        address: { city: "Oslo", line1: "" },
        preferred_locales: ["nb", "en"],
        metadata: { netsuite_customer_id: "107" },
        expand: ["invoice_settings.default_payment_method"],
      }),
    ).toBe(
      "email=ann%40example.com&address[city]=Oslo&address[line1]=&preferred_locales[0]=nb&preferred_locales[1]=en" +
        "&metadata[netsuite_customer_id]=107&expand[0]=invoice_settings.default_payment_method",
    );
  });

  it("keeps '' (it unsets in Stripe), sends null as '', skips undefined, stringifies scalars", () => {
    expect(
      encodeForm({ phone: "", name: null, description: undefined, limit: 10, disabled: false, on: true }),
    ).toBe("phone=&name=&limit=10&disabled=false&on=true");
    expect(encodeForm({ list: ["a", undefined, "c"], shipping: { address: undefined } })).toBe(
      "list[0]=a&list[2]=c",
    );
    expect(encodeForm({})).toBe("");
  });

  it("percent-encodes like qs, leaving brackets literal", () => {
    expect(encodeForm({ "name[x]": "Ø'!()* &=+/?#%~" })).toBe(
      "name[x]=%C3%98%27%21%28%29%2A%20%26%3D%2B%2F%3F%23%25~",
    );
    expect(encodeFormComponent("a[0]")).toBe("a[0]");
  });

  it("sends a lone surrogate as U+FFFD instead of throwing", () => {
    expect(encodeForm({ name: "a\ud800b" })).toBe("name=a%EF%BF%BDb");
    expect(encodeForm({ name: "\udc00" })).toBe("name=%EF%BF%BD");
    expect(encodeForm({ name: "😀" })).toBe("name=%F0%9F%98%80");
  });

  it("is byte for byte what stripe-node sends for the same POST parameters", async () => {
    const { stripe, requests } = capturingStripe();
    await stripe.customers.create({
      name: 'Ærøskøbing AS ("Øst") 100% *',
      address: { city: "Oslo", line1: "" },
      preferred_locales: ["nb", "en"],
      metadata: { netsuite_customer_id: "107", empty: "" },
      tax_exempt: undefined,
    });
    expect(requests[0]?.body).toBe(
      encodeForm({
        name: 'Ærøskøbing AS ("Øst") 100% *',
        address: { city: "Oslo", line1: "" },
        preferred_locales: ["nb", "en"],
        metadata: { netsuite_customer_id: "107", empty: "" },
        tax_exempt: undefined,
      }),
    );
  });

  it("matches stripe-node for any parameters, as a body and as a query", async () => {
    await fc.assert(
      fc.asyncProperty(params, async (p) => {
        const { stripe, requests } = capturingStripe();
        await stripe.customers.create(p as Record<string, never>);
        await stripe.customers.list(p as Record<string, never>);
        const expected = encodeForm(p);
        expect(requests[0]?.body ?? "").toBe(expected);
        expect(expected === "" ? "" : queryOf(requests[1])).toBe(expected);
      }),
      { numRuns: 200 },
    );
  });
});
