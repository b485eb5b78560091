/**
 * The customer portal a billing portal session's `url` opens (`/p/session/<token>`): the page, and
 * its three actions (add a test card, make one the default, remove one), which go through the same
 * code as the API and so emit the events Stripe would.
 */
import type { Ctx, EmulatorState } from "./context.js";
import { StripeApiError } from "./errors.js";
import { newId } from "./ids.js";
import { renderPortalPage } from "./pages/portal-page.js";
import { SESSION_LIFETIME_MS } from "./resources/billing-portal.js";
import { updateCustomer } from "./resources/customers.js";
import { attachPaymentMethod, detachPaymentMethod } from "./resources/payment-methods.js";
import type { StoredAccount, StripeObject } from "./store.js";
import { TEST_CARDS } from "./test-cards.js";

interface Session {
  account: StoredAccount;
  session: StripeObject;
}

function findSession(state: EmulatorState, token: string): Session | undefined {
  for (const account of state.store.accounts()) {
    const session = state.store.all(account.id, "billing_portal.session").find((s) => s._token === token);
    if (session) return { account, session };
  }
  return undefined;
}

/** Open within the first 5 minutes; then usable for an hour from that first visit. */
function isExpired(session: StripeObject, now: number): boolean {
  const openedAt = session._openedAt;
  if (typeof openedAt === "number") return now > openedAt + SESSION_LIFETIME_MS;
  return now > Number(session._openBy);
}

function portalCtx(state: EmulatorState, account: StoredAccount, path: string): Ctx {
  return {
    state,
    account,
    params: {},
    pathParams: {},
    request: { id: newId("req"), idempotencyKey: null },
    path,
  };
}

export function renderPortal(
  state: EmulatorState,
  token: string,
  message?: string,
): { status: number; html: string } {
  const found = findSession(state, token);
  if (!found)
    return { status: 404, html: "<!doctype html><title>Not found</title><p>This portal link is not valid." };
  const { account, session } = found;
  const now = state.now();
  const expired = isExpired(session, now);
  if (!expired && typeof session._openedAt !== "number") {
    state.store.replace(account.id, { ...session, _openedAt: now }, now, now);
  }
  const customerId = String(session.customer);
  const customer = state.store.get(account.id, customerId)?.object ?? { id: customerId, object: "customer" };
  const settings = customer.invoice_settings as Record<string, unknown> | undefined;
  const paymentMethods = state.store.list(account.id, "payment_method", {
    limit: 100,
    customer: customerId,
  }).data;
  const html = renderPortalPage({
    sessionId: session.id,
    customer,
    paymentMethods,
    defaultPaymentMethodId:
      typeof settings?.default_payment_method === "string" ? settings.default_payment_method : null,
    testCards: Object.entries(TEST_CARDS).map(([tokenName, card]) => ({
      token: tokenName,
      label: `${card.label} •••• ${card.last4}`,
    })),
    returnUrl: typeof session.return_url === "string" ? session.return_url : null,
    actionBase: `/p/session/${token}`,
    ...(message !== undefined ? { message } : {}),
    expired,
  });
  return { status: expired ? 410 : 200, html };
}

/** Runs a portal action posted from the page; returns the message to show, or throws Stripe's error. */
export function portalAction(
  state: EmulatorState,
  token: string,
  action: string,
  form: Record<string, unknown>,
): { ok: boolean; message: string } {
  const found = findSession(state, token);
  if (!found || isExpired(found.session, state.now()))
    return { ok: false, message: "This session has expired." };
  const { account, session } = found;
  const customerId = String(session.customer);
  const ctx = portalCtx(state, account, `/p/session/${token}/${action}`);
  const pmId = typeof form.payment_method === "string" ? form.payment_method : "";
  const owned = (): void => {
    const pm = state.store.get(account.id, pmId)?.object;
    if (!pm || pm.customer !== customerId)
      throw new Error("That payment method does not belong to this customer.");
  };
  try {
    return state.store.transaction(() => {
      if (action === "attach") {
        const tokenName = typeof form.token === "string" ? form.token : "";
        if (!TEST_CARDS[tokenName]) throw new Error("Choose one of the test cards.");
        const pm = attachPaymentMethod(ctx, tokenName, customerId);
        if (form.make_default === "on" || form.make_default === "true") {
          updateCustomer(ctx, customerId, { invoice_settings: { default_payment_method: pm.id } });
          return { ok: true, message: "Card added and made the default." };
        }
        return { ok: true, message: "Card added." };
      }
      if (action === "default") {
        owned();
        updateCustomer(ctx, customerId, { invoice_settings: { default_payment_method: pmId } });
        return { ok: true, message: "Default payment method updated." };
      }
      if (action === "detach") {
        owned();
        detachPaymentMethod(ctx, pmId);
        return { ok: true, message: "Payment method removed." };
      }
      throw new Error(`Unknown action: ${action}`);
    });
  } catch (error) {
    const message = error instanceof StripeApiError ? error.body.message : (error as Error).message;
    return { ok: false, message };
  }
}
