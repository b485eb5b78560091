import { describe, expect, it } from "vitest";
import { admin, freshKey, portalSession, raw, startReceiver, stripeClient, useEmulator } from "./helpers.js";

const ctx = useEmulator();

describe("dashboard over HTTP", () => {
  it("shows accounts and customers, never a whsec_ secret or a whole sk_test_ key", async () => {
    const keyA = freshKey("dash");
    const keyB = freshKey("dash");
    const a = stripeClient(ctx.emulator, keyA);
    const b = stripeClient(ctx.emulator, keyB);
    const receiver = await startReceiver();
    try {
      const endpoint = await a.webhookEndpoints.create({ url: receiver.url, enabled_events: ["*"] });
      const secret = endpoint.secret as string;
      const ada = await a.customers.create({ email: "ada@dash.example", name: "Ada Dash" });
      const pm = await a.paymentMethods.attach("pm_card_amex", { customer: ada.id });
      await a.customers.update(ada.id, { invoice_settings: { default_payment_method: pm.id } });
      // Secrets typed into customer fields are masked too.
      const leaky = await b.customers.create({
        email: "leaky@dash.example",
        name: `Leaky ${keyB}`,
        description: secret,
      });
      await ctx.emulator.delivery.idle();
      const accountA = (await a.accounts.retrieveCurrent()).id;
      const accountB = (await b.accounts.retrieveCurrent()).id;

      const response = await fetch(`${ctx.emulator.url}/`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
      const html = await response.text();

      for (const text of [accountA, accountB, ada.id, "ada@dash.example", "Ada Dash", pm.id, leaky.id]) {
        expect(html).toContain(text);
      }
      expect(html).toContain("leaky@dash.example");
      expect(html).toContain(`sk_test_…${keyA.slice(-4)}`);
      expect(html).toContain(`sk_test_…${keyB.slice(-4)}`);
      expect(html).toContain(endpoint.id);

      expect(html).not.toContain(secret);
      expect(html).not.toMatch(/whsec_[A-Za-z0-9]/);
      expect(html).not.toContain(keyA);
      expect(html).not.toContain(keyB);
      expect(html).not.toMatch(/sk_test_[A-Za-z0-9]{4}/);
    } finally {
      await receiver.close();
    }
  });

  it("escapes what customers typed, on the dashboard and on the portal page", async () => {
    const key = freshKey("xss");
    const stripe = stripeClient(ctx.emulator, key);
    await admin(ctx.emulator, "POST", "/_emulator/billing_portal/default_configuration", {}, key);
    const customer = await stripe.customers.create({
      email: "xss@example.com",
      name: '<script>alert("x")</script>',
    });
    const session = await portalSession(stripe, customer.id);
    for (const url of [`${ctx.emulator.url}/`, session.url]) {
      const html = await (await fetch(url)).text();
      expect(html).toContain(customer.id);
      expect(html).not.toContain("<script>alert");
      expect(html).toContain("&lt;script&gt;alert(");
    }
  });

  it("other paths: health, unknown page, unknown admin route", async () => {
    const health = await fetch(`${ctx.emulator.url}/_emulator/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });

    const unknown = await raw(ctx.emulator, "GET", "/nowhere");
    expect(unknown.status).toBe(404);
    expect(unknown.json).toEqual({
      error: { type: "invalid_request_error", message: "Unrecognized request URL (GET: /nowhere)." },
    });

    const adminUnknown = await fetch(`${ctx.emulator.url}/_emulator/nope`);
    expect(adminUnknown.status).toBe(404);

    const key = freshKey();
    const notJson = await fetch(`${ctx.emulator.url}/_emulator/faults`, {
      method: "POST",
      headers: { Authorization: `Bearer ${key}` },
      body: "{not json",
    });
    expect(notJson.status).toBe(400);
  });
});
