import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { expectValid, freshKey, rejection, stripeClient, useEmulator, wire } from "./helpers.js";

const ctx = useEmulator();

function client(): Stripe {
  return stripeClient(ctx.emulator, freshKey(), { maxNetworkRetries: 0 });
}

describe("payment methods", () => {
  it("attaches Stripe's test tokens as new card payment methods", async () => {
    const stripe = client();
    const customer = await stripe.customers.create({ email: "cards@example.com" });
    const expected: [string, string, string][] = [
      ["pm_card_visa", "visa", "4242"],
      ["pm_card_mastercard", "mastercard", "4444"],
      ["pm_card_amex", "amex", "8431"],
    ];
    for (const [token, brand, last4] of expected) {
      const pm = await stripe.paymentMethods.attach(token, { customer: customer.id });
      expectValid("payment_method", pm);
      expect(pm.id).toMatch(/^pm_[A-Za-z0-9]{24}$/);
      expect(pm).toMatchObject({
        object: "payment_method",
        type: "card",
        customer: customer.id,
        livemode: false,
        card: { brand, last4, exp_month: 12, exp_year: new Date().getUTCFullYear() + 4 },
      });
    }
  });

  it("retrieves, lists a customer's both ways, and detaches", async () => {
    const stripe = client();
    const customer = await stripe.customers.create({ email: "list@example.com" });
    const visa = await stripe.paymentMethods.attach("pm_card_visa", { customer: customer.id });
    const amex = await stripe.paymentMethods.attach("pm_card_amex", { customer: customer.id });
    const other = await stripe.customers.create({ email: "other@example.com" });
    await stripe.paymentMethods.attach("pm_card_mastercard", { customer: other.id });

    const retrieved = await stripe.paymentMethods.retrieve(visa.id);
    expectValid("payment_method", retrieved);
    expect(wire(retrieved)).toEqual(wire(visa));

    const viaPaymentMethods = await stripe.paymentMethods.list({ customer: customer.id, type: "card" });
    expectValid("PaymentFlowsPaymentMethodList", viaPaymentMethods);
    expect(viaPaymentMethods.url).toBe("/v1/payment_methods");
    expect(viaPaymentMethods.data.map((pm) => pm.id)).toEqual([amex.id, visa.id]);

    const paged = await stripe.paymentMethods
      .list({ customer: customer.id, type: "card", limit: 1 })
      .autoPagingToArray({ limit: 10 });
    expect(paged.map((pm) => pm.id)).toEqual([amex.id, visa.id]);
    const noSepa = await stripe.paymentMethods.list({ customer: customer.id, type: "sepa_debit", limit: 1 });
    expectValid("PaymentFlowsPaymentMethodList", noSepa);
    expect(noSepa.data).toEqual([]);
    expect(noSepa.has_more).toBe(false);

    const viaCustomer = await stripe.customers.listPaymentMethods(customer.id);
    expectValid("CustomerPaymentMethodResourceList", viaCustomer);
    expect(viaCustomer.url).toBe(`/v1/customers/${customer.id}/payment_methods`);
    expect(viaCustomer.data.map((pm) => pm.id)).toEqual([amex.id, visa.id]);

    const one = await stripe.customers.retrievePaymentMethod(customer.id, amex.id);
    expectValid("payment_method", one);
    expect(one.id).toBe(amex.id);

    const detached = await stripe.paymentMethods.detach(visa.id);
    expectValid("payment_method", detached);
    expect(detached.customer).toBeNull();
    expect(detached.id).toBe(visa.id);

    const after = await stripe.customers.listPaymentMethods(customer.id);
    expect(after.data.map((pm) => pm.id)).toEqual([amex.id]);
    const notHis = await rejection(stripe.customers.retrievePaymentMethod(customer.id, visa.id));
    expect(notHis.statusCode).toBe(404);
  });

  it("sets the default payment method and expands it", async () => {
    const stripe = client();
    const customer = await stripe.customers.create({ email: "default@example.com" });
    const pm = await stripe.paymentMethods.attach("pm_card_mastercard", { customer: customer.id });

    const updated = await stripe.customers.update(customer.id, {
      invoice_settings: { default_payment_method: pm.id },
      expand: ["invoice_settings.default_payment_method"],
    });
    expectValid("customer", updated);
    const expanded = updated.invoice_settings.default_payment_method as Stripe.PaymentMethod;
    expect(expanded.id).toBe(pm.id);
    expect(expanded.card?.brand).toBe("mastercard");
    expect(expanded.card?.last4).toBe("4444");

    const plain = await stripe.customers.retrieve(customer.id);
    expectValid("customer", plain);
    expect((plain as Stripe.Customer).invoice_settings.default_payment_method).toBe(pm.id);

    const retrieved = await stripe.customers.retrieve(customer.id, {
      expand: ["invoice_settings.default_payment_method"],
    });
    expectValid("customer", retrieved);
    expect(wire(retrieved)).toEqual(wire(updated));

    const listed = await stripe.customers.list({
      email: "default@example.com",
      expand: ["data.invoice_settings.default_payment_method"],
    });
    expectValid("CustomerResourceCustomerList", listed);
    expect(
      (listed.data[0]?.invoice_settings.default_payment_method as Stripe.PaymentMethod | undefined)?.card
        ?.last4,
    ).toBe("4444");

    // Detaching the default clears it.
    await stripe.paymentMethods.detach(pm.id);
    const cleared = (await stripe.customers.retrieve(customer.id)) as Stripe.Customer;
    expect(cleared.invoice_settings.default_payment_method).toBeNull();
  });

  it("creates a customer with payment_method and that default in one request", async () => {
    const stripe = client();
    const customer = await stripe.customers.create({
      email: "oneshot@example.com",
      payment_method: "pm_card_visa",
      invoice_settings: { default_payment_method: "pm_card_visa" },
    });
    expectValid("customer", customer);
    const pms = await stripe.customers.listPaymentMethods(customer.id);
    expect(pms.data).toHaveLength(1);
    expect(customer.invoice_settings.default_payment_method).toBe(pms.data[0]?.id);
  });

  it("deleting a customer leaves its payment methods without a customer", async () => {
    const stripe = client();
    const customer = await stripe.customers.create({ email: "leaving@example.com" });
    const pm = await stripe.paymentMethods.attach("pm_card_visa", { customer: customer.id });
    const expanded = await stripe.paymentMethods.retrieve(pm.id, { expand: ["customer"] });
    expectValid("payment_method", expanded);
    expect((expanded.customer as Stripe.Customer).email).toBe("leaving@example.com");

    await stripe.customers.del(customer.id);
    const after = await stripe.paymentMethods.retrieve(pm.id, { expand: ["customer"] });
    expectValid("payment_method", after);
    expect(after.customer).toBeNull();
    const listed = await rejection(stripe.customers.listPaymentMethods(customer.id));
    expect(listed.statusCode).toBe(404);
  });

  it("refuses a default that is not attached, a second owner, and an unknown id", async () => {
    const stripe = client();
    const ann = await stripe.customers.create({ email: "ann@example.com" });
    const bob = await stripe.customers.create({ email: "bob@example.com" });
    const pm = await stripe.paymentMethods.attach("pm_card_visa", { customer: ann.id });

    const notAttached = await rejection(
      stripe.customers.update(bob.id, { invoice_settings: { default_payment_method: pm.id } }),
    );
    expect(notAttached.statusCode).toBe(400);
    expect(notAttached.param).toBe("invoice_settings[default_payment_method]");
    expect(notAttached.message).toBe(
      `The customer does not have a payment method with the ID ${pm.id}. The payment method must be attached to the customer.`,
    );

    const taken = await rejection(stripe.paymentMethods.attach(pm.id, { customer: bob.id }));
    expect(taken.statusCode).toBe(400);
    expect(taken.message).toBe("The payment method you provided has already been attached to a customer.");

    const missing = await rejection(stripe.paymentMethods.retrieve("pm_missing"));
    expect(missing.statusCode).toBe(404);
    expect(missing.code).toBe("resource_missing");
    expect(missing.message).toBe("No such PaymentMethod: 'pm_missing'");

    const detachTwice = await rejection(
      stripe.paymentMethods.detach(pm.id).then(() => stripe.paymentMethods.detach(pm.id)),
    );
    expect(detachTwice.statusCode).toBe(400);
    expect(detachTwice.message).toBe(
      "The payment method you provided is not attached to a customer so detachment is impossible.",
    );
  });
});
