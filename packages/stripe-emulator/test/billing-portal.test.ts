import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import {
  admin,
  expectValid,
  freshKey,
  portalSession,
  rejection,
  startReceiver,
  stripeClient,
  useEmulator,
} from "./helpers.js";

const ctx = useEmulator();

function client(key = freshKey()): Stripe {
  return stripeClient(ctx.emulator, key, { maxNetworkRetries: 0 });
}

const NO_DEFAULT_TEST =
  "No configuration provided and your test mode default configuration has not been created. Provide a configuration or create your default by saving your customer portal settings in test mode at https://dashboard.stripe.com/test/settings/billing/portal.";
const NO_DEFAULT_LIVE =
  "No configuration provided and your live mode default configuration has not been created. Provide a configuration or create your default by saving your customer portal settings in live mode at https://dashboard.stripe.com/settings/billing/portal.";

describe("billing portal configurations", () => {
  it("creates, retrieves, lists with is_default / active and updates", async () => {
    const key = freshKey();
    const stripe = client(key);
    const created = await stripe.billingPortal.configurations.create({
      business_profile: { headline: "Manage your cards" },
      features: { payment_method_update: { enabled: true } },
      default_return_url: "https://shop.example/account",
      metadata: { team: "billing" },
    });
    expectValid("billing_portal.configuration", created);
    expect(created.id).toMatch(/^bpc_/);
    expect(created).toMatchObject({
      object: "billing_portal.configuration",
      active: true,
      is_default: false,
      livemode: false,
      default_return_url: "https://shop.example/account",
      business_profile: { headline: "Manage your cards" },
      features: { payment_method_update: { enabled: true } },
      metadata: { team: "billing" },
    });

    const retrieved = await stripe.billingPortal.configurations.retrieve(created.id);
    expectValid("billing_portal.configuration", retrieved);
    expect(retrieved.id).toBe(created.id);

    const def = await admin(ctx.emulator, "POST", "/_emulator/billing_portal/default_configuration", {}, key);
    expect(def.status).toBe(200);
    expectValid("billing_portal.configuration", def.body);
    expect(def.body.is_default).toBe(true);

    const all = await stripe.billingPortal.configurations.list();
    expectValid("PortalPublicResourceConfigurationList", all);
    expect(all.url).toBe("/v1/billing_portal/configurations");
    expect(all.data.map((c) => c.id)).toEqual([def.body.id, created.id]);

    const defaults = await stripe.billingPortal.configurations.list({ is_default: true });
    expectValid("PortalPublicResourceConfigurationList", defaults);
    expect(defaults.data.map((c) => c.id)).toEqual([def.body.id]);
    const nonDefaults = await stripe.billingPortal.configurations.list({ is_default: false });
    expect(nonDefaults.data.map((c) => c.id)).toEqual([created.id]);
    // The filter applies before the limit: the newest non-default one, though the default is newer.
    const oneNonDefault = await stripe.billingPortal.configurations.list({ is_default: false, limit: 1 });
    expect(oneNonDefault.data.map((c) => c.id)).toEqual([created.id]);
    expect(oneNonDefault.has_more).toBe(false);

    const updated = await stripe.billingPortal.configurations.update(created.id, {
      active: false,
      business_profile: { headline: "Cards" },
      metadata: { team: "" },
    });
    expectValid("billing_portal.configuration", updated);
    expect(updated.active).toBe(false);
    expect(updated.business_profile.headline).toBe("Cards");
    expect(updated.metadata).toEqual({});

    const active = await stripe.billingPortal.configurations.list({ active: true });
    expect(active.data.map((c) => c.id)).toEqual([def.body.id]);
    const inactive = await stripe.billingPortal.configurations.list({ active: false });
    expect(inactive.data.map((c) => c.id)).toEqual([created.id]);

    const cannot = await rejection(
      stripe.billingPortal.configurations.update(String(def.body.id), { active: false }),
    );
    expect(cannot.statusCode).toBe(400);
    expect(cannot.param).toBe("active");

    // An inactive configuration cannot open a session.
    const customer = await stripe.customers.create({ email: "inactive@example.com" });
    const refused = await rejection(
      stripe.billingPortal.sessions.create({ customer: customer.id, configuration: created.id }),
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.param).toBe("configuration");
  });
});

describe("billing portal sessions", () => {
  it("without a default configuration: Stripe's exact 400, in test and live mode", async () => {
    for (const [mode, message] of [
      ["test", NO_DEFAULT_TEST],
      ["live", NO_DEFAULT_LIVE],
    ] as const) {
      const stripe = client(freshKey("portal", mode));
      const customer = await stripe.customers.create({ email: `${mode}@example.com` });
      const error = await rejection<Stripe.errors.StripeInvalidRequestError>(
        stripe.billingPortal.sessions.create({ customer: customer.id, return_url: "https://shop.example" }),
      );
      expect(error.type).toBe("StripeInvalidRequestError");
      expect(error.rawType).toBe("invalid_request_error");
      expect(error.statusCode).toBe(400);
      expect(error.message).toBe(message);
    }
  });

  it("with the admin default configuration, or a named one", async () => {
    const key = freshKey();
    const stripe = client(key);
    const customer = await stripe.customers.create({ email: "portal@example.com" });
    const def = await admin(ctx.emulator, "POST", "/_emulator/billing_portal/default_configuration", {}, key);
    expect(def.status).toBe(200);
    const session = await portalSession(stripe, customer.id);
    expectValid("billing_portal.session", session);
    expect(session.id).toMatch(/^bps_/);
    expect(session).toMatchObject({
      object: "billing_portal.session",
      customer: customer.id,
      configuration: def.body.id,
      return_url: "https://shop.example/account",
      livemode: false,
    });
    expect(session.url.startsWith(`${ctx.emulator.url}/p/session/`)).toBe(true);

    const named = await stripe.billingPortal.configurations.create({
      business_profile: { headline: "Named" },
      features: { payment_method_update: { enabled: true } },
      default_return_url: "https://shop.example/default-return",
    });
    const second = await stripe.billingPortal.sessions.create({
      customer: customer.id,
      configuration: named.id,
    });
    expectValid("billing_portal.session", second);
    expect(second.configuration).toBe(named.id);
    expect(second.return_url).toBe("https://shop.example/default-return");
    expect(second.url).not.toBe(session.url);

    const noCustomer = await rejection(stripe.billingPortal.sessions.create({ customer: "cus_nobody" }));
    expect(noCustomer.statusCode).toBe(404);
    expect(noCustomer.message).toBe("No such customer: 'cus_nobody'");
  });

  it("the session url serves the portal; its forms add, make default and remove cards, with events", async () => {
    const key = freshKey();
    const stripe = client(key);
    await admin(ctx.emulator, "POST", "/_emulator/billing_portal/default_configuration", {}, key);
    const receiver = await startReceiver();
    const endpoint = await stripe.webhookEndpoints.create({ url: receiver.url, enabled_events: ["*"] });
    try {
      const customer = await stripe.customers.create({ email: "self-serve@example.com", name: "Selma" });
      const session = await portalSession(stripe, customer.id);

      const page = await fetch(session.url);
      expect(page.status).toBe(200);
      expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
      const html = await page.text();
      expect(html).toContain("Manage payment methods");
      expect(html).toContain("self-serve@example.com");
      expect(html).toContain("No payment methods on file.");
      expect(html).toContain('href="https://shop.example/account"');
      expect(html).toContain(`action="/p/session/${session.url.split("/").pop()}/attach"`);

      const post = (action: string, form: Record<string, string>) =>
        fetch(`${session.url}/${action}`, {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams(form).toString(),
          redirect: "manual",
        });

      // Add a card and make it the default.
      const add = await post("attach", { token: "pm_card_visa", make_default: "true" });
      expect(add.status).toBe(303);
      expect(add.headers.get("location")).toBe(
        `${new URL(session.url).pathname}?message=${encodeURIComponent("Card added and made the default.")}`,
      );
      const [visa] = (await stripe.customers.listPaymentMethods(customer.id)).data;
      expect(visa?.card?.last4).toBe("4242");
      let current = (await stripe.customers.retrieve(customer.id)) as Stripe.Customer;
      expect(current.invoice_settings.default_payment_method).toBe(visa?.id);

      const after = await (await fetch(new URL(add.headers.get("location") ?? "", session.url))).text();
      expect(after).toContain("Card added and made the default.");
      expect(after).toContain(`data-payment-method="${visa?.id}"`);
      expect(after).toContain("Default");

      // Add a second card without making it the default, then make it the default.
      expect((await post("attach", { token: "pm_card_amex" })).status).toBe(303);
      const amex = (await stripe.customers.listPaymentMethods(customer.id)).data.find(
        (pm) => pm.card?.brand === "amex",
      );
      current = (await stripe.customers.retrieve(customer.id)) as Stripe.Customer;
      expect(current.invoice_settings.default_payment_method).toBe(visa?.id);
      expect((await post("default", { payment_method: amex?.id ?? "" })).status).toBe(303);
      current = (await stripe.customers.retrieve(customer.id)) as Stripe.Customer;
      expect(current.invoice_settings.default_payment_method).toBe(amex?.id);

      // Remove the visa.
      const remove = await post("detach", { payment_method: visa?.id ?? "" });
      expect(remove.headers.get("location")).toContain(encodeURIComponent("Payment method removed."));
      const left = await stripe.customers.listPaymentMethods(customer.id);
      expect(left.data.map((pm) => pm.id)).toEqual([amex?.id]);

      // The events the portal emitted, newest first.
      const events = await stripe.events.list({ limit: 100 });
      expectValid("NotificationEventList", events);
      for (const event of events.data) expectValid("event", event);
      expect(events.data.map((e) => e.type).reverse()).toEqual([
        "customer.created",
        "payment_method.attached",
        "customer.updated",
        "payment_method.attached",
        "customer.updated",
        "payment_method.detached",
      ]);
      const [, , firstDefault, , secondDefault, detached] = [...events.data].reverse();
      expect(firstDefault?.data.previous_attributes).toEqual({
        invoice_settings: { default_payment_method: null },
      });
      expect(secondDefault?.data.previous_attributes).toEqual({
        invoice_settings: { default_payment_method: visa?.id },
      });
      expect((detached?.data.object as Stripe.PaymentMethod | undefined)?.id).toBe(visa?.id);
      expect(detached?.data.previous_attributes).toEqual({ customer: customer.id });

      // A payment method of another customer cannot be touched through this session.
      const stranger = await stripe.customers.create({ email: "stranger@example.com" });
      const theirs = await stripe.paymentMethods.attach("pm_card_mastercard", { customer: stranger.id });
      const refused = await post("detach", { payment_method: theirs.id });
      expect(refused.headers.get("location")).toContain(
        encodeURIComponent("That payment method does not belong to this customer."),
      );
      expect((await stripe.paymentMethods.retrieve(theirs.id)).customer).toBe(stranger.id);

      // The same events reached the webhook endpoint, signed.
      await ctx.emulator.delivery.idle();
      const delivered = receiver.events(endpoint.secret as string).map((e) => e.id);
      const allEvents = (await stripe.events.list({ limit: 100 })).data.map((e) => e.id);
      expect(allEvents).toHaveLength(8);
      expect([...delivered].sort()).toEqual([...allEvents].sort());
    } finally {
      await receiver.close();
    }
  });

  it("an unknown session token is a 404 page", async () => {
    const response = await fetch(`${ctx.emulator.url}/p/session/doesnotexist`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("This portal link is not valid.");
  });
});

describe("defaultPortalConfiguration start option", () => {
  it("gives every account a default configuration", async () => {
    const { startStripeEmulator } = await import("../src/index.js");
    const emulator = await startStripeEmulator({ defaultPortalConfiguration: true });
    try {
      const stripe = stripeClient(emulator);
      const customer = await stripe.customers.create({ email: "auto@example.com" });
      const session = await portalSession(stripe, customer.id);
      expectValid("billing_portal.session", session);
      const defaults = await stripe.billingPortal.configurations.list({ is_default: true });
      expect(defaults.data.map((c) => c.id)).toEqual([session.configuration]);
    } finally {
      await emulator.close();
    }
  });
});

describe("billing portal session lifetime", () => {
  it("must be opened within 5 minutes; once opened it lasts an hour", async () => {
    const { startStripeEmulator } = await import("../src/index.js");
    let offsetMs = 0;
    const emulator = await startStripeEmulator({
      defaultPortalConfiguration: true,
      now: () => Date.now() + offsetMs,
    });
    try {
      const stripe = stripeClient(emulator);
      const customer = await stripe.customers.create({ email: "clock@example.com" });
      const late = await portalSession(stripe, customer.id);
      const opened = await portalSession(stripe, customer.id);

      offsetMs = 4 * 60_000;
      expect((await fetch(opened.url)).status).toBe(200);

      offsetMs = 6 * 60_000;
      const lateVisit = await fetch(late.url);
      expect(lateVisit.status).toBe(410);
      expect(await lateVisit.text()).toContain("This session has expired");
      const lateAction = await fetch(`${late.url}/attach`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: "token=pm_card_visa",
        redirect: "manual",
      });
      expect(lateAction.status).toBe(303);
      expect(lateAction.headers.get("location")).toContain(encodeURIComponent("This session has expired."));
      expect((await stripe.customers.listPaymentMethods(customer.id)).data).toEqual([]);

      offsetMs = (4 + 59) * 60_000;
      expect((await fetch(opened.url)).status).toBe(200);
      offsetMs = (4 + 61) * 60_000;
      expect((await fetch(opened.url)).status).toBe(410);
    } finally {
      await emulator.close();
    }
  });
});
