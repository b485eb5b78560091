/**
 * Lifecycle transitions Stripe refuses, through the official SDK: reusing a detached payment method,
 * taking another customer's, detaching or updating one no customer holds, a default the customer does
 * not hold, and what the emulator refuses without knowing Stripe's words (UNSUPPORTED_BY_EMULATOR).
 * Sources are cited in src/rules/refusals.ts and the resource handlers.
 */
import { describe, expect, it } from "vitest";
import { admin, freshKey, portalSession, useEmulator } from "./helpers.js";
import { clientFor, expectRefusal } from "./refusal-helpers.js";

const ctx = useEmulator();
const client = () => clientFor(ctx);

const DETACHED =
  "This PaymentMethod was previously used without being attached to a Customer or was detached from a Customer, and may not be used again.";
const ATTACHED_ELSEWHERE = "The payment method you provided has already been attached to a customer.";
const NOT_ATTACHED =
  "The payment method you provided is not attached to a customer so detachment is impossible.";
const UPDATE_UNATTACHED = "You must save this PaymentMethod to a customer before you can update it.";
const notTheCustomers = (id: string) =>
  `The customer does not have a payment method with the ID ${id}. The payment method must be attached to the customer.`;

describe("a detached payment method", () => {
  it("may not be attached again, to the same customer or another", async () => {
    const stripe = client();
    const ann = await stripe.customers.create({ email: "ann@example.com" });
    const bob = await stripe.customers.create({ email: "bob@example.com" });
    const pm = await stripe.paymentMethods.attach("pm_card_visa", { customer: ann.id });
    const detached = await stripe.paymentMethods.detach(pm.id);
    expect(detached.customer).toBeNull();
    await expectRefusal(stripe.paymentMethods.attach(pm.id, { customer: ann.id }), { message: DETACHED });
    await expectRefusal(stripe.paymentMethods.attach(pm.id, { customer: bob.id }), { message: DETACHED });
    // Nor through a new customer's `payment_method`; nothing is created then.
    const before = (await stripe.customers.list()).data.length;
    await expectRefusal(stripe.customers.create({ payment_method: pm.id }), { message: DETACHED });
    expect((await stripe.customers.list()).data).toHaveLength(before);
    // It stays retrievable, detached.
    expect((await stripe.paymentMethods.retrieve(pm.id)).customer).toBeNull();
  });

  it("cannot become a customer's default, cannot be detached again or updated", async () => {
    const stripe = client();
    const customer = await stripe.customers.create({});
    const pm = await stripe.paymentMethods.attach("pm_card_mastercard", { customer: customer.id });
    await stripe.paymentMethods.detach(pm.id);
    await expectRefusal(
      stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: pm.id } }),
      { param: "invoice_settings[default_payment_method]", message: notTheCustomers(pm.id) },
    );
    await expectRefusal(stripe.paymentMethods.detach(pm.id), { message: NOT_ATTACHED });
    await expectRefusal(stripe.paymentMethods.update(pm.id, { metadata: { a: "b" } }), {
      message: UPDATE_UNATTACHED,
    });
  });

  it("detached from the portal page is refused the same way", async () => {
    const key = freshKey("refusals");
    const stripe = clientFor(ctx, key);
    await admin(ctx.emulator, "POST", "/_emulator/billing_portal/default_configuration", {}, key);
    const customer = await stripe.customers.create({});
    const pm = await stripe.paymentMethods.attach("pm_card_amex", { customer: customer.id });
    const session = await portalSession(stripe, customer.id);
    const removed = await fetch(`${session.url}/detach`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: `payment_method=${pm.id}`,
      redirect: "manual",
    });
    expect(removed.status).toBeLessThan(400);
    expect((await stripe.paymentMethods.retrieve(pm.id)).customer).toBeNull();
    await expectRefusal(stripe.paymentMethods.attach(pm.id, { customer: customer.id }), {
      message: DETACHED,
    });
  });
});

describe("payment methods and their customers", () => {
  it("one another customer holds: attach refused, default refused", async () => {
    const stripe = client();
    const ann = await stripe.customers.create({});
    const bob = await stripe.customers.create({});
    const pm = await stripe.paymentMethods.attach("pm_card_visa", { customer: ann.id });
    await expectRefusal(stripe.paymentMethods.attach(pm.id, { customer: bob.id }), {
      message: ATTACHED_ELSEWHERE,
    });
    await expectRefusal(
      stripe.customers.update(bob.id, { invoice_settings: { default_payment_method: pm.id } }),
      { param: "invoice_settings[default_payment_method]", message: notTheCustomers(pm.id) },
    );
    await expectRefusal(stripe.customers.create({ invoice_settings: { default_payment_method: pm.id } }), {
      param: "invoice_settings[default_payment_method]",
      message: notTheCustomers(pm.id),
    });
    expect((await stripe.paymentMethods.retrieve(pm.id)).customer).toBe(ann.id);
  });

  it("one never attached: detach and update refused, attach allowed once", async () => {
    const stripe = client();
    const pm = await stripe.paymentMethods.create({ type: "card", card: { token: "tok_visa" } });
    expect(pm.customer).toBeNull();
    await expectRefusal(stripe.paymentMethods.detach(pm.id), { message: NOT_ATTACHED });
    await expectRefusal(stripe.paymentMethods.update(pm.id, { metadata: { a: "b" } }), {
      message: UPDATE_UNATTACHED,
    });
    const customer = await stripe.customers.create({});
    const attached = await stripe.paymentMethods.attach(pm.id, { customer: customer.id });
    expect(attached.customer).toBe(customer.id);
    // Attached, it can be updated.
    expect((await stripe.paymentMethods.update(pm.id, { metadata: { a: "b" } })).metadata).toEqual({
      a: "b",
    });
  });

  it("a payment method type the emulator does not make: UNSUPPORTED_BY_EMULATOR", async () => {
    await expectRefusal(client().paymentMethods.create({ type: "card", card: { token: "tok_nonsense" } }), {
      param: "card",
      message: /^UNSUPPORTED_BY_EMULATOR: the emulator creates card payment methods from test tokens only/,
    });
  });
});

describe("billing portal configurations", () => {
  it("an inactive configuration, and deactivating the default: UNSUPPORTED_BY_EMULATOR", async () => {
    const key = freshKey("refusals");
    const stripe = clientFor(ctx, key);
    const def = await admin(ctx.emulator, "POST", "/_emulator/billing_portal/default_configuration", {}, key);
    await expectRefusal(stripe.billingPortal.configurations.update(String(def.body.id), { active: false }), {
      param: "active",
      message:
        "UNSUPPORTED_BY_EMULATOR: the emulator does not model deactivating the default portal configuration.",
    });
    const other = await stripe.billingPortal.configurations.create({
      business_profile: { headline: "Other" },
      features: { payment_method_update: { enabled: true } },
    });
    await stripe.billingPortal.configurations.update(other.id, { active: false });
    const customer = await stripe.customers.create({});
    await expectRefusal(
      stripe.billingPortal.sessions.create({
        customer: customer.id,
        configuration: other.id,
        return_url: "https://shop.example",
      }),
      {
        param: "configuration",
        message:
          "UNSUPPORTED_BY_EMULATOR: an inactive portal configuration cannot be used to create portal sessions.",
      },
    );
  });
});
