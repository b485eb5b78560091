import { describe, expect, it } from "vitest";
import {
  describeExpiry,
  describePaymentMethod,
  formatRelative,
  maskKeyHint,
  newestFirst,
  pickId,
  redactSecrets,
} from "../src/pages/format.js";
import { Html, html, layout, safeHttpUrl, trusted } from "../src/pages/html.js";

describe("escaping (escape-html)", () => {
  it("escapes every character that can break out of text or a quoted attribute", () => {
    const value = `<a href="x" title='y'>&</a>`;
    expect(html`${value}`.value).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  });

  it("leaves ordinary text alone", () => {
    expect(html`${"Visa •••• 4242 — ok"}`.value).toBe("Visa •••• 4242 — ok");
  });
});

describe("html", () => {
  it("escapes interpolated strings and numbers by default", () => {
    const name = "<script>alert(1)</script>";
    expect(html`<td>${name}</td><td>${42}</td>`.value).toBe(
      "<td>&lt;script&gt;alert(1)&lt;/script&gt;</td><td>42</td>",
    );
  });

  it("keeps nested Html, flattens arrays and drops null, undefined and false", () => {
    const items = ["a", "<b>"].map((s) => html`<li>${s}</li>`);
    expect(html`<ul>${items}</ul>${null}${undefined}${false}${true}`.value).toBe(
      "<ul><li>a</li><li>&lt;b&gt;</li></ul>true",
    );
  });

  it("passes trusted markup through and stringifies to its markup", () => {
    const markup = trusted("<br>");
    expect(markup).toBeInstanceOf(Html);
    expect(html`${markup}`.value).toBe("<br>");
    expect(String(markup)).toBe("<br>");
  });

  it("escapes values in attributes so they cannot add attributes, in double or single quotes", () => {
    const value = `x" onmouseover="alert(1)`;
    expect(html`<input value="${value}">`.value).toBe('<input value="x&quot; onmouseover=&quot;alert(1)">');
    expect(html`<input value='${"x' onmouseover='alert(1)"}'>`.value).toBe(
      "<input value='x&#39; onmouseover=&#39;alert(1)'>",
    );
  });
});

describe("layout", () => {
  it("is a complete UTF-8 document with a viewport, an escaped title and no scripts or external assets", () => {
    const page = layout("<Title>", html`<p>hi</p>`);
    expect(page.startsWith("<!doctype html>")).toBe(true);
    expect(page).toContain('<meta charset="utf-8">');
    expect(page).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(page).toContain("<title>&lt;Title&gt;</title>");
    expect(page).toContain("<p>hi</p>");
    expect(page).not.toMatch(/<script|src=|url\(/i);
    // The one link is an empty icon, so browsers do not ask for /favicon.ico.
    expect(page.match(/<link[^>]*>/gi)).toEqual(['<link rel="icon" href="data:,">']);
  });
});

describe("safeHttpUrl", () => {
  it("accepts absolute http and https URLs only", () => {
    expect(safeHttpUrl("https://example.com/return?x=1")?.href).toBe("https://example.com/return?x=1");
    expect(safeHttpUrl("http://localhost:3000/")?.host).toBe("localhost:3000");
    for (const bad of [
      "javascript:alert(1)",
      "JAVASCRIPT:alert(1)",
      "data:text/html,x",
      "/relative",
      "",
      null,
    ]) {
      expect(safeHttpUrl(bad)).toBeNull();
    }
    expect(safeHttpUrl(undefined)).toBeNull();
  });
});

describe("format helpers", () => {
  it("redacts secret keys and signing secrets", () => {
    expect(redactSecrets("key sk_test_51abcDEF and whsec_abc123XYZ and rk_live_abcdef")).toBe(
      "key sk_test_… and [signing secret] and rk_live_…",
    );
    expect(redactSecrets("sk_test_ alone")).toBe("sk_test_ alone");
  });

  it("keeps a short key hint and masks a whole key", () => {
    expect(maskKeyHint("sk_test_…4242")).toBe("sk_test_…4242");
    expect(maskKeyHint("sk_test_51Habcdefghijklmnop4242")).toBe("sk_test_…4242");
    expect(maskKeyHint("test key")).toBe("test key");
    expect(maskKeyHint("whsec_abcdefgh")).toBe("[signing secret]");
  });

  it("describes cards and other payment methods", () => {
    const card = { type: "card", card: { brand: "visa", last4: "4242", exp_month: 3, exp_year: 2034 } };
    expect(describePaymentMethod(card)).toBe("Visa •••• 4242");
    expect(describePaymentMethod({ type: "card", card: { brand: "amex", last4: "0005" } })).toBe(
      "American Express •••• 0005",
    );
    expect(describePaymentMethod({ type: "card", card: { brand: "newbrand" } })).toBe("Newbrand •••• ????");
    expect(describePaymentMethod({ type: "sepa_debit", sepa_debit: { last4: "3000" } })).toBe(
      "sepa_debit •••• 3000",
    );
    expect(describePaymentMethod({ type: "link" })).toBe("link");
    expect(describePaymentMethod({})).toBe("unknown");
    expect(describeExpiry(card)).toBe("03/2034");
    expect(describeExpiry({ type: "link" })).toBeNull();
  });

  it("reads expandable fields as IDs", () => {
    expect(pickId({ customer: "cus_1" }, "customer")).toBe("cus_1");
    expect(pickId({ customer: { id: "cus_2" } }, "customer")).toBe("cus_2");
    expect(pickId({ customer: null }, "customer")).toBeNull();
  });

  it("sorts newest first and keeps order for ties and missing dates", () => {
    const rows = [{ id: "a", created: 1 }, { id: "b" }, { id: "c", created: 3 }, { id: "d", created: 1 }];
    expect(newestFirst(rows).map((r) => r.id)).toEqual(["c", "a", "d", "b"]);
  });

  it("says relative times in the past and future", () => {
    const now = 1_000_000_000;
    expect(formatRelative(now + 5_000, now)).toBe("in 5s");
    expect(formatRelative(now + 270_000, now)).toBe("in 4m 30s");
    expect(formatRelative(now - 7_500_000, now)).toBe("2h 5m ago");
    expect(formatRelative(now + 90_000_000, now)).toBe("in 1d 1h");
  });
});
