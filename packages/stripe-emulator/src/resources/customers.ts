/** Customers: create, retrieve, update, delete, list and search, with their events. */
import type { Ctx, Handler } from "../context.js";
import { expandList, hash, str } from "../context.js";
import { previousAttributes } from "../diff.js";
import { invalidRequest, noSuch } from "../errors.js";
import { emitEvent } from "../events.js";
import { expandObject } from "../expand.js";
import { newId, randomToken, unixSeconds } from "../ids.js";
import { listBody, listQuery } from "../list.js";
import { checkedMetadata } from "../rules/metadata.js";
import { checkEmail, notTheCustomers, unsupported } from "../rules/refusals.js";
import { runSearch } from "../search/index.js";
import type { StripeObject } from "../store.js";
import { attachPaymentMethod } from "./payment-methods.js";

const ADDRESS_KEYS = ["city", "country", "line1", "line2", "postal_code", "state"] as const;

function address(value: unknown): Record<string, string | null> | null {
  if (typeof value !== "object" || value === null) return null;
  const given = value as Record<string, unknown>;
  const out: Record<string, string | null> = {};
  for (const key of ADDRESS_KEYS)
    out[key] = typeof given[key] === "string" && given[key] !== "" ? (given[key] as string) : null;
  return out;
}

/** A customer's stored object, or Stripe's 404 (also for a deleted one, which cannot be changed). */
export function liveCustomer(ctx: Ctx, id: string, param = "id"): StripeObject {
  const found = ctx.state.store.get(ctx.account.id, id);
  if (found?.object.object !== "customer" || found.deleted) throw noSuch("customer", id, param);
  return found.object;
}

/** Applies create/update parameters to a customer object (Stripe's semantics for `''`). */
function apply(ctx: Ctx, customer: StripeObject, params: Record<string, unknown>): void {
  if ("email" in params) checkEmail(params.email);
  // Stripe's reference: "Must be 3–12 uppercase letters or numbers"; its refusal's wording is not known.
  if (typeof params.invoice_prefix === "string" && !/^[A-Z0-9]{3,12}$/.test(params.invoice_prefix)) {
    throw unsupported(
      "invoice_prefix must be 3–12 uppercase letters or numbers (Stripe's API reference); Stripe's wording of this refusal is not known.",
      "invoice_prefix",
    );
  }
  for (const key of ["email", "name", "phone", "description"] as const) {
    if (key in params) customer[key] = params[key] === "" ? null : params[key];
  }
  if ("address" in params) customer.address = params.address === "" ? null : address(params.address);
  if ("shipping" in params) {
    const s = hash(params, "shipping");
    customer.shipping = s
      ? { address: address(s.address), name: str(s, "name") ?? null, phone: str(s, "phone") || null }
      : null;
  }
  if ("metadata" in params)
    customer.metadata = checkedMetadata(customer.metadata as Record<string, string>, params.metadata);
  if ("preferred_locales" in params) customer.preferred_locales = params.preferred_locales;
  if ("tax_exempt" in params) customer.tax_exempt = params.tax_exempt === "" ? "none" : params.tax_exempt;
  if ("balance" in params) customer.balance = params.balance;
  if ("invoice_prefix" in params) customer.invoice_prefix = params.invoice_prefix;
  if ("next_invoice_sequence" in params) customer.next_invoice_sequence = params.next_invoice_sequence;
  const settings = hash(params, "invoice_settings");
  if (settings) {
    const current = { ...(customer.invoice_settings as Record<string, unknown>) };
    if ("default_payment_method" in settings) {
      const pm = settings.default_payment_method;
      if (pm === "") current.default_payment_method = null;
      else {
        const id = String(pm);
        const found = ctx.state.store.get(ctx.account.id, id);
        if (found?.object.object !== "payment_method") {
          throw noSuch("PaymentMethod", id, "invoice_settings[default_payment_method]");
        }
        // Also a detached one: its `customer` is null.
        if (found.object.customer !== customer.id) throw notTheCustomers(id);
        current.default_payment_method = id;
      }
    }
    if ("footer" in settings) current.footer = settings.footer === "" ? null : settings.footer;
    customer.invoice_settings = current;
  }
}

function respond(ctx: Ctx, customer: StripeObject) {
  return { body: expandObject(ctx.state.store, ctx.account.id, customer, expandList(ctx.params)) };
}

const create: Handler = (ctx) => {
  const now = ctx.state.now();
  const customer: StripeObject = {
    id: newId("cus"),
    object: "customer",
    address: null,
    balance: 0,
    created: unixSeconds(now),
    currency: null,
    default_source: null,
    delinquent: false,
    description: null,
    discount: null,
    email: null,
    invoice_prefix: randomToken(8).toUpperCase(),
    invoice_settings: {
      custom_fields: null,
      default_payment_method: null,
      footer: null,
      rendering_options: null,
    },
    livemode: ctx.account.livemode,
    metadata: {},
    name: null,
    next_invoice_sequence: 1,
    phone: null,
    preferred_locales: [],
    shipping: null,
    tax_exempt: "none",
    test_clock: null,
  };
  const { payment_method: paymentMethod, invoice_settings: rawSettings, ...rest } = ctx.params;
  const settings = rawSettings === undefined ? undefined : { ...(rawSettings as Record<string, unknown>) };
  apply(ctx, customer, rest);
  ctx.state.store.insert(ctx.account.id, customer, now + ctx.state.searchLagMs);
  // `payment_method` is attached first, so `invoice_settings.default_payment_method` may name it.
  if (typeof paymentMethod === "string") {
    const attached = attachPaymentMethod(ctx, paymentMethod, customer.id);
    if (paymentMethod === settings?.default_payment_method) settings.default_payment_method = attached.id;
  }
  if (settings !== undefined) {
    apply(ctx, customer, { invoice_settings: settings });
    ctx.state.store.replace(ctx.account.id, customer, now + ctx.state.searchLagMs, now);
  }
  emitEvent(ctx.state, ctx.account, "customer.created", customer, requestOf(ctx));
  return respond(ctx, customer);
};

const retrieve: Handler = (ctx) => {
  const id = ctx.pathParams.customer ?? "";
  const found = ctx.state.store.get(ctx.account.id, id);
  if (found?.object.object !== "customer") throw noSuch("customer", id);
  return found.deleted ? { body: found.object } : respond(ctx, found.object);
};

export function updateCustomer(ctx: Ctx, id: string, params: Record<string, unknown>): StripeObject {
  const before = liveCustomer(ctx, id);
  const after = structuredClone(before);
  apply(ctx, after, params);
  const previous = previousAttributes(before, after);
  if (Object.keys(previous).length === 0) return after;
  const now = ctx.state.now();
  ctx.state.store.replace(ctx.account.id, after, now + ctx.state.searchLagMs, now);
  emitEvent(ctx.state, ctx.account, "customer.updated", after, requestOf(ctx), previous);
  return after;
}

const update: Handler = (ctx) => respond(ctx, updateCustomer(ctx, ctx.pathParams.customer ?? "", ctx.params));

const remove: Handler = (ctx) => {
  const customer = liveCustomer(ctx, ctx.pathParams.customer ?? "");
  const deleted = { id: customer.id, object: "customer", deleted: true };
  const now = ctx.state.now();
  ctx.state.store.replace(ctx.account.id, deleted, now + ctx.state.searchLagMs, now, true);
  // Its payment methods no longer belong to anyone: Stripe's contract has no room for a payment method
  // whose `customer` is a deleted customer (`payment_method.customer` expands to a live customer only).
  for (const pm of ctx.state.store.all(ctx.account.id, "payment_method")) {
    if (pm.customer === customer.id)
      ctx.state.store.replace(ctx.account.id, { ...pm, customer: null }, now, now);
  }
  emitEvent(ctx.state, ctx.account, "customer.deleted", customer, requestOf(ctx));
  return { body: deleted };
};

const list: Handler = (ctx) => {
  const query = listQuery(ctx, "customer");
  const email = str(ctx.params, "email");
  const page = ctx.state.store.list(
    ctx.account.id,
    "customer",
    email === undefined ? query : { ...query, email },
  );
  return { body: listBody(ctx, page) };
};

const search: Handler = (ctx) => {
  const objects = ctx.state.store.searchable(ctx.account.id, "customer", ctx.state.now());
  const expand = expandList(ctx.params);
  const page = str(ctx.params, "page");
  const result = runSearch(
    objects,
    {
      query: str(ctx.params, "query") ?? "",
      expand,
      ...(ctx.params.limit !== undefined ? { limit: Number(ctx.params.limit) } : {}),
      ...(page !== undefined ? { page } : {}),
    },
    ctx.path,
  );
  if (!result.ok)
    throw invalidRequest(result.error.message, result.error.param ?? "query", result.error.code);
  // `total_count` is the search result's own expansion; `data.…` ones are the customers'.
  const itemPaths = expand.filter((p) => p.startsWith("data.")).map((p) => p.slice("data.".length));
  if (itemPaths.length === 0) return { body: result.body };
  const data = result.body.data.map((c) => expandObject(ctx.state.store, ctx.account.id, c, itemPaths));
  return { body: { ...result.body, data } };
};

export function requestOf(ctx: Ctx) {
  return { id: ctx.request.id, idempotencyKey: ctx.request.idempotencyKey };
}

export const customerHandlers: Record<string, Handler> = {
  PostCustomers: create,
  GetCustomersCustomer: retrieve,
  PostCustomersCustomer: update,
  DeleteCustomersCustomer: remove,
  GetCustomers: list,
  GetCustomersSearch: search,
};
