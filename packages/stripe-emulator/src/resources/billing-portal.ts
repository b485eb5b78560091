/**
 * Billing portal configurations and sessions, the API resource. A session's `url` opens the emulator's
 * own portal page (portal-visits.ts serves it, pages/portal-page.ts renders it), where a person can add
 * a test card and choose the default, emitting the events Stripe would. Stripe makes the default configuration when portal settings are saved in the
 * Dashboard; here `POST /_emulator/billing_portal/default_configuration` (or the start option) does.
 */
import { fixture } from "@nss/stripe-spec";
import type { Ctx, Handler } from "../context.js";
import { expandList, hash, str } from "../context.js";
import { invalidRequest, noSuch } from "../errors.js";
import { expandObject } from "../expand.js";
import { newId, randomToken, unixSeconds } from "../ids.js";
import { filteredPage, listBody, listQuery } from "../list.js";
import { checkedMetadata } from "../rules/metadata.js";
import { checkUrl, unsupported } from "../rules/refusals.js";
import type { Store, StoredAccount, StripeObject } from "../store.js";
import { liveCustomer } from "./customers.js";

/** A session URL must be opened within 5 minutes; once opened it lasts an hour (Stripe's behaviour). */
export const SESSION_OPEN_WINDOW_MS = 5 * 60_000;
export const SESSION_LIFETIME_MS = 60 * 60_000;

function merge(target: Record<string, unknown>, update: Record<string, unknown>): Record<string, unknown> {
  const out = { ...target };
  for (const [k, v] of Object.entries(update)) {
    const current = out[k];
    out[k] =
      typeof v === "object" &&
      v !== null &&
      !Array.isArray(v) &&
      typeof current === "object" &&
      current !== null
        ? merge(current as Record<string, unknown>, v as Record<string, unknown>)
        : v === ""
          ? null
          : v;
  }
  return out;
}

export function newConfiguration(
  account: StoredAccount,
  now: number,
  params: Record<string, unknown>,
  isDefault: boolean,
): StripeObject {
  const template = fixture("billing_portal.configuration") as Record<string, unknown>;
  const base: StripeObject = {
    ...(template as StripeObject),
    id: newId("bpc", 24),
    object: "billing_portal.configuration",
    active: true,
    application: null,
    business_profile: { headline: null, privacy_policy_url: null, terms_of_service_url: null },
    created: unixSeconds(now),
    default_return_url: null,
    is_default: isDefault,
    livemode: account.livemode,
    login_page: { enabled: false, url: null },
    metadata: {},
    updated: unixSeconds(now),
  };
  return applyConfiguration(base, params);
}

function applyConfiguration(config: StripeObject, params: Record<string, unknown>): StripeObject {
  const out = { ...config };
  const profile = hash(params, "business_profile");
  if (profile) out.business_profile = merge(out.business_profile as Record<string, unknown>, profile);
  const features = hash(params, "features");
  if (features) out.features = merge(out.features as Record<string, unknown>, features);
  const login = hash(params, "login_page");
  if (login) out.login_page = { enabled: login.enabled === true, url: login.enabled === true ? "" : null };
  if ("default_return_url" in params)
    out.default_return_url = params.default_return_url === "" ? null : params.default_return_url;
  if ("active" in params) out.active = params.active;
  if ("metadata" in params)
    out.metadata = checkedMetadata((out.metadata as Record<string, string>) ?? {}, params.metadata);
  return out;
}

/** Makes the account's default configuration, as saving portal settings in the Dashboard does. */
export function ensureDefaultConfiguration(store: Store, account: StoredAccount, now: number): StripeObject {
  const existing = store.all(account.id, "billing_portal.configuration").find((c) => c.is_default === true);
  if (existing) return existing;
  const config = newConfiguration(
    account,
    now,
    { features: { payment_method_update: { enabled: true } } },
    true,
  );
  store.insert(account.id, config, now);
  return config;
}

function storedConfiguration(ctx: Ctx, id: string, param = "configuration"): StripeObject {
  const found = ctx.state.store.get(ctx.account.id, id);
  if (found?.object.object !== "billing_portal.configuration") {
    throw noSuch("billing portal configuration", id, param);
  }
  return found.object;
}

const respond = (ctx: Ctx, object: StripeObject) => ({
  body: expandObject(ctx.state.store, ctx.account.id, object, expandList(ctx.params)),
});

const createConfiguration: Handler = (ctx) => {
  const now = ctx.state.now();
  const config = newConfiguration(ctx.account, now, ctx.params, false);
  ctx.state.store.insert(ctx.account.id, config, now);
  return respond(ctx, config);
};

const updateConfiguration: Handler = (ctx) => {
  const now = ctx.state.now();
  const before = storedConfiguration(ctx, ctx.pathParams.configuration ?? "", "configuration");
  // Whether and how Stripe refuses this is not known: the emulator does not model a portal without an
  // active default configuration.
  if (before.is_default === true && ctx.params.active === false) {
    throw unsupported("the emulator does not model deactivating the default portal configuration.", "active");
  }
  const after = { ...applyConfiguration(before, ctx.params), updated: unixSeconds(now) };
  ctx.state.store.replace(ctx.account.id, after, now, now);
  return respond(ctx, after);
};

const retrieveConfiguration: Handler = (ctx) =>
  respond(ctx, storedConfiguration(ctx, ctx.pathParams.configuration ?? "", "configuration"));

const listConfigurations: Handler = (ctx) => {
  const page = filteredPage(
    ctx,
    "billing_portal.configuration",
    listQuery(ctx, "billing portal configuration"),
    (c) =>
      (ctx.params.active === undefined || c.active === ctx.params.active) &&
      (ctx.params.is_default === undefined || c.is_default === ctx.params.is_default),
  );
  return { body: listBody(ctx, page) };
};

const createSession: Handler = (ctx) => {
  // A value's format is checked before any object is looked up (assumed order).
  checkUrl(ctx.params.return_url, "return_url");
  const customer = liveCustomer(ctx, str(ctx.params, "customer") ?? "", "customer");
  const configId = str(ctx.params, "configuration");
  const config = configId
    ? storedConfiguration(ctx, configId)
    : ctx.state.store.all(ctx.account.id, "billing_portal.configuration").find((c) => c.is_default === true);
  if (!config) {
    const mode = ctx.account.livemode ? "live" : "test";
    const dashboard = `https://dashboard.stripe.com/${ctx.account.livemode ? "" : "test/"}settings/billing/portal`;
    throw invalidRequest(
      `No configuration provided and your ${mode} mode default configuration has not been created. Provide a configuration or create your default by saving your customer portal settings in ${mode} mode at ${dashboard}.`,
    );
  }
  // docs.stripe.com/api/customer_portal/configurations/object: `active` is "Whether the configuration is
  // active and can be used to create portal sessions"; Stripe's refusal's wording is not known.
  if (config.active === false) {
    throw unsupported(
      "an inactive portal configuration cannot be used to create portal sessions.",
      "configuration",
    );
  }
  // Stripe's words when neither gives the portal a way back (https://github.com/fjordllc/bootcamp/issues/4623).
  if (str(ctx.params, "return_url") === undefined && !config.default_return_url) {
    throw invalidRequest(
      "Your PortalConfiguration does not have a `default_return_url`, and you did not provide a `return_url`.",
    );
  }
  const now = ctx.state.now();
  const token = randomToken(32);
  const session: StripeObject = {
    id: newId("bps", 24),
    object: "billing_portal.session",
    configuration: config.id,
    created: unixSeconds(now),
    customer: customer.id,
    flow: null,
    livemode: ctx.account.livemode,
    locale: str(ctx.params, "locale") ?? null,
    on_behalf_of: str(ctx.params, "on_behalf_of") ?? null,
    return_url: str(ctx.params, "return_url") ?? (config.default_return_url as string | null) ?? null,
    url: `${ctx.state.baseUrl()}/p/session/${token}`,
    _token: token,
    _openBy: now + SESSION_OPEN_WINDOW_MS,
    _openedAt: null,
  };
  ctx.state.store.insert(ctx.account.id, session, now);
  return respond(ctx, session);
};

export const billingPortalHandlers: Record<string, Handler> = {
  PostBillingPortalConfigurations: createConfiguration,
  PostBillingPortalConfigurationsConfiguration: updateConfiguration,
  GetBillingPortalConfigurationsConfiguration: retrieveConfiguration,
  GetBillingPortalConfigurations: listConfigurations,
  PostBillingPortalSessions: createSession,
};
