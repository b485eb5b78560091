import { describe, expect, it } from "vitest";
import { type DashboardAccount, type DeliveryRow, renderDashboard } from "../src/pages/dashboard.js";

const NOW = Date.UTC(2026, 10, 27, 12, 0, 0);
const SECONDS = Math.floor(NOW / 1000);

const delivery = (overrides: Partial<DeliveryRow> = {}): DeliveryRow => ({
  eventId: "evt_1",
  endpointId: "we_1",
  url: "https://hooks.example.com/stripe",
  attempt: 1,
  outcome: "succeeded",
  httpStatus: 200,
  error: null,
  at: NOW - 60_000,
  nextAttemptAt: null,
  ...overrides,
});

const account = (overrides: Partial<DashboardAccount> = {}): DashboardAccount => ({
  id: "acct_1TEST",
  keyHint: "sk_test_…4242",
  customers: [
    {
      id: "cus_old",
      object: "customer",
      created: SECONDS - 100,
      email: "old@example.com",
      name: "Old Customer",
      metadata: {},
      invoice_settings: { default_payment_method: null },
    },
    {
      id: "cus_new",
      object: "customer",
      created: SECONDS - 10,
      email: "ada@example.com",
      name: "Ada Lovelace",
      metadata: { netsuite_id: "123", subsidiary: "3" },
      invoice_settings: { default_payment_method: "pm_visa" },
    },
  ],
  paymentMethods: [
    {
      id: "pm_visa",
      object: "payment_method",
      type: "card",
      created: SECONDS - 5,
      customer: "cus_new",
      card: { brand: "visa", last4: "4242", exp_month: 12, exp_year: 2034 },
    },
    {
      id: "pm_mc",
      object: "payment_method",
      type: "card",
      created: SECONDS - 4,
      customer: { id: "cus_new", object: "customer" },
      card: { brand: "mastercard", last4: "4444", exp_month: 1, exp_year: 2030 },
    },
  ],
  events: [
    {
      id: "evt_1",
      object: "event",
      type: "customer.created",
      created: SECONDS - 10,
      data: { object: { id: "cus_new", object: "customer" } },
    },
  ],
  webhookEndpoints: [
    {
      id: "we_1",
      object: "webhook_endpoint",
      url: "https://hooks.example.com/stripe",
      status: "enabled",
      enabled_events: ["customer.created", "customer.updated"],
      secret: "whsec_supersecretvalue123",
    },
    {
      id: "we_all",
      object: "webhook_endpoint",
      url: "http://localhost:9/x",
      status: "disabled",
      enabled_events: ["*"],
    },
  ],
  deliveries: [
    delivery(),
    delivery({
      attempt: 2,
      outcome: "failed",
      httpStatus: 500,
      error: "Internal Server Error",
      at: NOW - 30_000,
      nextAttemptAt: NOW + 270_000,
    }),
    delivery({ attempt: 3, outcome: "failed", httpStatus: null, error: "ECONNREFUSED", at: NOW - 10_000 }),
  ],
  ...overrides,
});

/** The rows of the table under the heading `title`, as raw HTML. */
function tableRows(page: string, title: string): string[] {
  const start = page.indexOf(`<h3>${title}</h3>`);
  expect(start).toBeGreaterThanOrEqual(0);
  const body = page.slice(start).split("</tbody>")[0] ?? "";
  return [...body.matchAll(/<tr><td>[\s\S]*?<\/tr>/g)].map((m) => m[0]);
}

describe("renderDashboard", () => {
  const page = renderDashboard({ accounts: [account()], generatedAt: NOW });

  it("shows the account, its key hint and counts", () => {
    expect(page).toContain("<title>Stripe emulator</title>");
    expect(page).toContain("acct_1TEST");
    expect(page).toContain("sk_test_…4242");
    expect(page).toContain("<strong>2</strong> customers");
    expect(page).toContain("<strong>2</strong> payment methods");
    expect(page).toContain("<strong>1</strong> event<");
    expect(page).toContain("<strong>2</strong> webhook endpoints");
    expect(page).toContain("<strong>3</strong> deliveries");
    expect(page).toContain("1 account ·");
  });

  it("lists customers newest first with email, name, default payment method and metadata keys", () => {
    const rows = tableRows(page, "Customers");
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain("cus_new");
    expect(rows[0]).toContain("ada@example.com");
    expect(rows[0]).toContain("Ada Lovelace");
    expect(rows[0]).toContain("<code>pm_visa</code> Visa •••• 4242");
    expect(rows[0]).toContain("netsuite_id, subsidiary");
    expect(rows[0]).toContain("2026-11-27 11:59:50Z");
    expect(rows[1]).toContain("cus_old");
  });

  it("lists payment methods with card details, owner and a Default badge on the default one", () => {
    const rows = tableRows(page, "Payment methods");
    expect(rows[0]).toContain("pm_mc");
    expect(rows[0]).toContain("Mastercard •••• 4444");
    expect(rows[0]).toContain("01/2030");
    expect(rows[0]).toContain("cus_new");
    expect(rows[0]).not.toContain("Default");
    expect(rows[1]).toContain('pm_visa</code> <span class="badge default">Default</span>');
  });

  it("lists events with type and object", () => {
    const [row] = tableRows(page, "Events");
    expect(row).toContain("evt_1");
    expect(row).toContain("customer.created");
    expect(row).toContain("<code>cus_new</code>");
  });

  it("lists webhook endpoints with status and events", () => {
    const text = tableRows(page, "Webhook endpoints").join("\n");
    expect(text).toContain("we_1");
    expect(text).toContain("https://hooks.example.com/stripe");
    expect(text).toContain('<span class="badge ok">enabled</span>');
    expect(text).toContain('<span class="badge fail">disabled</span>');
    expect(text).toContain("customer.created, customer.updated");
    expect(text).toContain("* (all events)");
  });

  it("lists deliveries newest first with outcome, status, error and next retry", () => {
    const rows = tableRows(page, "Webhook deliveries");
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain("ECONNREFUSED");
    expect(rows[1]).toContain('<span class="badge fail">failed</span>');
    expect(rows[1]).toContain("<td>500</td>");
    expect(rows[1]).toContain("Internal Server Error");
    expect(rows[1]).toContain("2026-11-27 12:04:30Z");
    expect(rows[1]).toContain("(in 4m 30s)");
    expect(rows[2]).toContain('<span class="badge ok">succeeded</span>');
    expect(rows[2]).toContain("<td>200</td>");
  });

  it("never shows a secret key or a webhook signing secret", () => {
    const leaky = renderDashboard({
      accounts: [
        account({
          keyHint: "sk_test_51HwholeSecretKeyValue9999",
          customers: [{ id: "cus_x", name: "sk_live_abcdefghijkl", metadata: { whsec_abcdefgh: "1" } }],
        }),
      ],
      generatedAt: NOW,
    });
    for (const out of [page, leaky]) {
      expect(out).not.toContain("whsec_");
      expect(out).not.toMatch(/sk_(test|live)_[A-Za-z0-9]{4,}/);
    }
    expect(leaky).toContain("sk_test_…9999");
  });

  it("renders caller data inert", () => {
    const out = renderDashboard({
      accounts: [
        account({
          customers: [
            {
              id: "cus_x",
              name: "<script>alert(1)</script>",
              email: `"><img src=x onerror=alert(1)>`,
              metadata: { 'say "hi"': "v", "<b>": "x" },
            },
          ],
          webhookEndpoints: [{ id: "we_x", url: "javascript:alert(1)", status: "<i>", enabled_events: [] }],
        }),
      ],
      generatedAt: NOW,
    });
    expect(out).not.toContain("<script");
    expect(out).not.toContain("<img");
    expect(out).not.toContain("<b>");
    expect(out).not.toContain("<i>");
    expect(out).not.toContain('href="javascript');
    expect(out).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(out).toContain("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
    expect(out).toContain("say &quot;hi&quot;, &lt;b&gt;");
  });

  it("copes with malformed objects", () => {
    const out = renderDashboard({
      accounts: [
        account({
          customers: [
            {
              id: 5,
              created: "yesterday",
              metadata: "nope",
              invoice_settings: { default_payment_method: { id: "pm_x" } },
            },
          ],
          paymentMethods: [{}],
          events: [{ data: null }],
          webhookEndpoints: [{ enabled_events: "all" }],
          deliveries: [],
        }),
      ],
      generatedAt: NOW,
    });
    expect(out).toContain("<code>pm_x</code>");
    expect(out).toContain("No deliveries yet.");
  });

  it("caps long lists and says how many more there are", () => {
    const customers = Array.from({ length: 205 }, (_, i) => ({ id: `cus_${i}`, created: i }));
    const out = renderDashboard({ accounts: [account({ customers })], generatedAt: NOW });
    const rows = tableRows(out, "Customers");
    expect(rows).toHaveLength(200);
    expect(rows[0]).toContain("cus_204");
    expect(out).toContain("and 5 more");
    expect(out).toContain("<strong>205</strong> customers");
    const small = renderDashboard({ accounts: [account({ customers })], generatedAt: NOW }, { limit: 3 });
    expect(tableRows(small, "Customers")).toHaveLength(3);
    expect(small).toContain("and 202 more");
  });

  it("says when an account has nothing yet", () => {
    const out = renderDashboard({
      accounts: [
        account({ customers: [], paymentMethods: [], events: [], webhookEndpoints: [], deliveries: [] }),
        account({ id: "acct_2", customers: [{ id: "cus_only" }] }),
      ],
      generatedAt: NOW,
    });
    expect(out).toContain("2 accounts ·");
    expect(out).toContain("No customers yet.");
    expect(out).toContain("No payment methods yet.");
    expect(out).toContain("No events yet.");
    expect(out).toContain("No webhook endpoints yet.");
    expect(out).toContain("<strong>0</strong> customers");
    expect(out).toContain("<strong>1</strong> customer<");
  });
});

describe("renderDashboard with no accounts", () => {
  it("explains how to start, with the port", () => {
    const out = renderDashboard({ accounts: [], generatedAt: NOW });
    expect(out).toContain("No accounts yet");
    expect(out).toContain(
      "new Stripe(&quot;sk_test_anything&quot;, { host: &quot;localhost&quot;, port: 12111, protocol: &quot;http&quot; })",
    );
    expect(out).not.toContain("<table");
    expect(renderDashboard({ accounts: [], generatedAt: NOW }, { port: 4242 })).toContain("port: 4242,");
  });
});
