import { describe, expect, it } from "vitest";
import { type PortalView, renderPortalPage } from "../src/pages/portal-page.js";

const card = (id: string, brand: string, last4: string) => ({
  id,
  object: "payment_method",
  type: "card",
  customer: "cus_1",
  card: { brand, last4, exp_month: 12, exp_year: 2034 },
});

const view = (overrides: Partial<PortalView> = {}): PortalView => ({
  sessionId: "bps_123",
  customer: { id: "cus_1", object: "customer", name: "Ada Lovelace", email: "ada@example.com" },
  paymentMethods: [card("pm_visa", "visa", "4242"), card("pm_mc", "mastercard", "4444")],
  defaultPaymentMethodId: "pm_visa",
  testCards: [
    { token: "pm_card_visa", label: "Visa •••• 4242" },
    { token: "pm_card_mastercard", label: "Mastercard •••• 4444" },
  ],
  returnUrl: "https://shop.example.com/account?tab=billing",
  actionBase: "/_emulator/portal/bps_123",
  ...overrides,
});

interface Form {
  action: string;
  method: string;
  inputs: { name: string; type: string; value: string }[];
  buttons: string[];
  markup: string;
}

/** The page's forms with their action, fields and button texts, read with regexes (no DOM here). */
function forms(page: string): Form[] {
  return [...page.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)].map((m) => {
    const attrs = m[1] ?? "";
    const inner = m[2] ?? "";
    const attr = (source: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(source)?.[1] ?? "";
    const inputs = [...inner.matchAll(/<(?:input|select)\b([^>]*)>/g)].map((i) => ({
      name: attr(i[1] ?? "", "name"),
      type: attr(i[1] ?? "", "type"),
      value: attr(i[1] ?? "", "value"),
    }));
    const buttons = [...inner.matchAll(/<button\b[^>]*>([\s\S]*?)<\/button>/g)].map((b) => b[1] ?? "");
    return { action: attr(attrs, "action"), method: attr(attrs, "method"), inputs, buttons, markup: m[0] };
  });
}

describe("renderPortalPage", () => {
  const page = renderPortalPage(view());

  it("shows the customer's payment methods with expiry and a Default badge", () => {
    expect(page).toContain("<title>Manage payment methods</title>");
    expect(page).toContain("Ada Lovelace · ada@example.com");
    expect(page).toContain("<code>cus_1</code>");
    expect(page).toContain("<strong>Visa •••• 4242</strong>");
    expect(page).toContain("<strong>Mastercard •••• 4444</strong>");
    expect(page).toContain("Expires 12/2034");
    expect(page.match(/>Default</g)).toHaveLength(1);
    const visa = /<li class="card" data-payment-method="pm_visa">[\s\S]*?<\/li>/.exec(page)?.[0] ?? "";
    expect(visa).toContain('<span class="badge default">Default</span>');
  });

  it("has a Make default form for each non-default card and a Remove form for every card", () => {
    const all = forms(page);
    const makeDefault = all.filter((f) => f.action === "/_emulator/portal/bps_123/default");
    expect(makeDefault).toHaveLength(1);
    expect(makeDefault[0]?.method).toBe("post");
    expect(makeDefault[0]?.inputs).toEqual([{ name: "payment_method", type: "hidden", value: "pm_mc" }]);
    expect(makeDefault[0]?.buttons).toEqual(["Make default"]);
    expect(makeDefault[0]?.markup).toContain('aria-label="Make default: Mastercard •••• 4444"');

    const remove = all.filter((f) => f.action === "/_emulator/portal/bps_123/detach");
    expect(remove.map((f) => f.inputs[0]?.value)).toEqual(["pm_visa", "pm_mc"]);
    expect(remove.every((f) => f.method === "post" && f.buttons[0] === "Remove")).toBe(true);
    expect(remove[0]?.markup).toContain('aria-label="Remove: Visa •••• 4242"');
  });

  it("has an Add card form with the test cards and a make_default checkbox", () => {
    const [add] = forms(page).filter((f) => f.action === "/_emulator/portal/bps_123/attach");
    expect(add?.method).toBe("post");
    expect(add?.buttons).toEqual(["Add card"]);
    expect(add?.inputs).toEqual([
      { name: "token", type: "", value: "" },
      { name: "make_default", type: "checkbox", value: "true" },
    ]);
    expect(add?.markup).toContain('<option value="pm_card_visa">Visa •••• 4242</option>');
    expect(add?.markup).toContain('<option value="pm_card_mastercard">Mastercard •••• 4444</option>');
    expect(add?.markup).toContain('<label for="token">Test card</label>');
    expect(add?.markup).not.toContain("checked");
  });

  it("pre-checks make_default when the customer has no default", () => {
    const out = renderPortalPage(view({ paymentMethods: [], defaultPaymentMethodId: null }));
    expect(out).toContain("No payment methods on file.");
    expect(out).toContain('name="make_default" value="true" checked>');
    expect(forms(out).map((f) => f.action)).toEqual(["/_emulator/portal/bps_123/attach"]);
  });

  it("says so when there are no test cards to add", () => {
    const out = renderPortalPage(view({ testCards: [] }));
    expect(out).toContain("No test cards are available to add.");
    expect(forms(out).some((f) => f.action.endsWith("/attach"))).toBe(false);
  });

  it("shows a message as a status line", () => {
    expect(renderPortalPage(view({ message: "Card added." }))).toContain(
      '<p class="notice" role="status">Card added.</p>',
    );
    expect(page).not.toContain('role="status"');
  });

  it("skips payment methods without an ID and describes ones without card details", () => {
    const out = renderPortalPage(
      view({ paymentMethods: [{ type: "card" }, { id: "pm_link", type: "link" }] }),
    );
    expect(out).toContain("<strong>link</strong>");
    expect(out).not.toContain("Expires");
    expect(forms(out).filter((f) => f.action.endsWith("/detach"))).toHaveLength(1);
  });

  it("renders caller data inert", () => {
    const evil = `"><script>alert(1)</script>`;
    const out = renderPortalPage(
      view({
        customer: { id: "cus_1", name: "<script>alert(1)</script>", email: `a"b@example.com` },
        paymentMethods: [card(`pm_${evil}`, `<img src=x onerror=alert(1)>`, "4242")],
        testCards: [{ token: `tok${evil}`, label: "<b>x</b>" }],
        message: "<i>hi</i>",
        actionBase: `/p/${evil}`,
      }),
    );
    expect(out).not.toMatch(/<script|<img|<b>|<i>/);
    expect(out).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(out).toContain("a&quot;b@example.com");
    expect(out).toContain('value="pm_&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(out).toContain('action="/p/&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;/detach"');
  });
});

describe("renderPortalPage return link", () => {
  const link = (returnUrl: string | null) =>
    /<a href="([^"]*)">([\s\S]*?)<\/a>/.exec(renderPortalPage(view({ returnUrl })));

  it("links to an https or http return URL, named after its host", () => {
    const https = link("https://shop.example.com/account?tab=billing&x=1");
    expect(https?.[1]).toBe("https://shop.example.com/account?tab=billing&amp;x=1");
    expect(https?.[2]).toBe('<span aria-hidden="true">← </span>Return to shop.example.com');
    expect(link("http://localhost:3000/done")?.[2]).toContain("Return to localhost:3000");
  });

  it("renders no link for other schemes, relative URLs or none", () => {
    for (const url of [
      "javascript:alert(1)",
      " javascript:alert(1)",
      "data:text/html,hi",
      "/relative",
      "",
      null,
    ]) {
      const out = renderPortalPage(view({ returnUrl: url }));
      expect(out).not.toContain("<a ");
      expect(out).not.toContain("Return to");
    }
  });

  it("escapes a return URL that carries quotes", () => {
    const out = renderPortalPage(view({ returnUrl: `https://example.com/?q="><script>` }));
    expect(out).not.toContain("<script");
    expect(link(`https://example.com/?q="><script>`)?.[1]).toBe("https://example.com/?q=%22%3E%3Cscript%3E");
  });
});

describe("renderPortalPage for an expired session", () => {
  const out = renderPortalPage(view({ expired: true }));

  it("says the session has expired and offers no forms", () => {
    expect(out).toContain("<h1>This session has expired</h1>");
    expect(out).not.toContain("<form");
    expect(out).not.toContain("<button");
    expect(out).not.toContain("pm_visa");
  });

  it("still links back to the site", () => {
    expect(out).toContain('<a href="https://shop.example.com/account?tab=billing">');
    expect(renderPortalPage(view({ expired: true, returnUrl: "javascript:alert(1)" }))).not.toContain("<a ");
  });
});
