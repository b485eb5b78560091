/** Payment methods: Stripe's test tokens, attach, detach, retrieve, update and the lists. */
import { createHash } from "node:crypto";
import type { Ctx, Handler } from "../context.js";
import { expandList, hash, str } from "../context.js";
import { previousAttributes } from "../diff.js";
import { noSuch } from "../errors.js";
import { emitEvent } from "../events.js";
import { expandObject } from "../expand.js";
import { newId, unixSeconds } from "../ids.js";
import { filteredPage, listBody, listQuery } from "../list.js";
import { checkedMetadata } from "../rules/metadata.js";
import {
  attachedElsewhere,
  detachedPaymentMethod,
  notAttached,
  unsupported,
  updateUnattached,
} from "../rules/refusals.js";
import type { StripeObject } from "../store.js";
import { TEST_CARDS, testCardExpiry } from "../test-cards.js";
import { liveCustomer, requestOf, updateCustomer } from "./customers.js";

/** A new card payment method from a test token (`pm_card_visa`), as Stripe makes one. */
function fromTestToken(ctx: Ctx, token: string): StripeObject | undefined {
  const card = TEST_CARDS[token];
  if (!card) return undefined;
  const now = ctx.state.now();
  return {
    id: newId("pm", 24),
    object: "payment_method",
    billing_details: {
      address: { city: null, country: null, line1: null, line2: null, postal_code: null, state: null },
      email: null,
      name: null,
      phone: null,
    },
    card: {
      brand: card.brand,
      checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: "unchecked" },
      country: card.country,
      ...testCardExpiry(now),
      // Stripe's fingerprint is per card number and account: the same test card gives the same one.
      fingerprint: createHash("sha256").update(`${ctx.account.id}:${token}`).digest("base64url").slice(0, 16),
      funding: card.funding,
      generated_from: null,
      last4: card.last4,
      networks: { available: [card.brand], preferred: null },
      three_d_secure_usage: { supported: true },
      wallet: null,
    },
    created: unixSeconds(now),
    customer: null,
    livemode: ctx.account.livemode,
    metadata: {},
    type: "card",
  };
}

function storedPaymentMethod(ctx: Ctx, id: string, param = "payment_method"): StripeObject {
  const found = ctx.state.store.get(ctx.account.id, id);
  if (found?.object.object !== "payment_method") throw noSuch("PaymentMethod", id, param);
  return found.object;
}

/** Attaches a stored payment method or a test token to a customer; returns the attached one. */
export function attachPaymentMethod(ctx: Ctx, id: string, customerId: string): StripeObject {
  liveCustomer(ctx, customerId, "customer");
  const now = ctx.state.now();
  const fresh = fromTestToken(ctx, id);
  if (fresh) {
    fresh.customer = customerId;
    ctx.state.store.insert(ctx.account.id, fresh, now);
    emitEvent(ctx.state, ctx.account, "payment_method.attached", fresh, requestOf(ctx));
    return fresh;
  }
  const pm = storedPaymentMethod(ctx, id);
  // Attaching again to the same customer is answered with the payment method, unchanged (not checked
  // against Stripe: no recorded response either way).
  if (pm.customer === customerId) return pm;
  if (pm.customer !== null) throw attachedElsewhere();
  if (pm._detached === true) throw detachedPaymentMethod();
  const attached = { ...pm, customer: customerId };
  ctx.state.store.replace(ctx.account.id, attached, now, now);
  emitEvent(ctx.state, ctx.account, "payment_method.attached", attached, requestOf(ctx));
  return attached;
}

/** Detaches; when it was the customer's default, the default is cleared first (a customer.updated). */
export function detachPaymentMethod(ctx: Ctx, id: string): StripeObject {
  const pm = storedPaymentMethod(ctx, id);
  const customerId = pm.customer;
  if (typeof customerId !== "string") throw notAttached();
  const customer = ctx.state.store.get(ctx.account.id, customerId);
  const settings = customer?.object.invoice_settings as Record<string, unknown> | undefined;
  if (customer && !customer.deleted && settings?.default_payment_method === id) {
    updateCustomer(ctx, customerId, { invoice_settings: { default_payment_method: "" } });
  }
  const now = ctx.state.now();
  // `_detached` (never serialised): a detached payment method may not be attached again.
  const detached = { ...pm, customer: null, _detached: true };
  ctx.state.store.replace(ctx.account.id, detached, now, now);
  emitEvent(ctx.state, ctx.account, "payment_method.detached", detached, requestOf(ctx), {
    customer: customerId,
  });
  return detached;
}

function respond(ctx: Ctx, pm: StripeObject) {
  return { body: expandObject(ctx.state.store, ctx.account.id, pm, expandList(ctx.params)) };
}

const retrieve: Handler = (ctx) => {
  const id = ctx.pathParams.payment_method ?? "";
  const token = fromTestToken(ctx, id);
  return respond(ctx, token ?? storedPaymentMethod(ctx, id, "id"));
};

const update: Handler = (ctx) => {
  const before = storedPaymentMethod(ctx, ctx.pathParams.payment_method ?? "", "id");
  if (typeof before.customer !== "string") throw updateUnattached();
  const after = structuredClone(before);
  if ("metadata" in ctx.params)
    after.metadata = checkedMetadata(after.metadata as Record<string, string>, ctx.params.metadata);
  const card = hash(ctx.params, "card");
  if (card && after.card) {
    const c = after.card as Record<string, unknown>;
    if (card.exp_month !== undefined) c.exp_month = card.exp_month;
    if (card.exp_year !== undefined) c.exp_year = card.exp_year;
  }
  const billing = hash(ctx.params, "billing_details");
  if (billing) {
    const b = after.billing_details as Record<string, unknown>;
    for (const key of ["email", "name", "phone"])
      if (key in billing) b[key] = billing[key] === "" ? null : billing[key];
  }
  const previous = previousAttributes(before, after);
  if (Object.keys(previous).length > 0) {
    const now = ctx.state.now();
    ctx.state.store.replace(ctx.account.id, after, now, now);
    emitEvent(ctx.state, ctx.account, "payment_method.updated", after, requestOf(ctx), previous);
  }
  return respond(ctx, after);
};

const attach: Handler = (ctx) =>
  respond(
    ctx,
    attachPaymentMethod(ctx, ctx.pathParams.payment_method ?? "", str(ctx.params, "customer") ?? ""),
  );

const detach: Handler = (ctx) => respond(ctx, detachPaymentMethod(ctx, ctx.pathParams.payment_method ?? ""));

function listFor(ctx: Ctx, customerId: string | undefined) {
  const query = listQuery(ctx, "payment_method");
  const type = str(ctx.params, "type");
  const page = filteredPage(
    ctx,
    "payment_method",
    customerId === undefined ? query : { ...query, customer: customerId },
    (pm) => type === undefined || pm.type === type,
  );
  return { body: listBody(ctx, page) };
}

const list: Handler = (ctx) => {
  const customerId = str(ctx.params, "customer");
  if (customerId !== undefined) liveCustomer(ctx, customerId, "customer");
  return listFor(ctx, customerId);
};

const listForCustomer: Handler = (ctx) =>
  listFor(ctx, liveCustomer(ctx, ctx.pathParams.customer ?? "", "customer").id);

const retrieveForCustomer: Handler = (ctx) => {
  const customer = liveCustomer(ctx, ctx.pathParams.customer ?? "", "customer");
  const pm = storedPaymentMethod(ctx, ctx.pathParams.payment_method ?? "");
  if (pm.customer !== customer.id) throw noSuch("PaymentMethod", pm.id, "payment_method");
  return respond(ctx, pm);
};

const create: Handler = (ctx) => {
  // Raw card numbers need special access in real Stripe; the emulator takes test tokens.
  const card = hash(ctx.params, "card");
  const token = card ? str(card, "token") : undefined;
  const fromToken = token?.startsWith("tok_") ? `pm_card_${token.slice(4)}` : undefined;
  const pm = fromToken === undefined ? undefined : fromTestToken(ctx, fromToken);
  if (ctx.params.type !== "card" || !pm) {
    throw unsupported(
      "the emulator creates card payment methods from test tokens only: type=card&card[token]=tok_visa (or attach pm_card_visa directly).",
      "card",
    );
  }
  if ("metadata" in ctx.params) pm.metadata = checkedMetadata({}, ctx.params.metadata);
  ctx.state.store.insert(ctx.account.id, pm, ctx.state.now());
  return respond(ctx, pm);
};

export const paymentMethodHandlers: Record<string, Handler> = {
  PostPaymentMethods: create,
  GetPaymentMethodsPaymentMethod: retrieve,
  PostPaymentMethodsPaymentMethod: update,
  PostPaymentMethodsPaymentMethodAttach: attach,
  PostPaymentMethodsPaymentMethodDetach: detach,
  GetPaymentMethods: list,
  GetCustomersCustomerPaymentMethods: listForCustomer,
  GetCustomersCustomerPaymentMethodsPaymentMethod: retrieveForCustomer,
};
