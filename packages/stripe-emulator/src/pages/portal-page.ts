// The page a billing portal session's `url` opens: list, choose a default, remove and add payment
// methods, as in Stripe's customer portal. Plain forms that POST back to the emulator; no JavaScript.

import { describeExpiry, describePaymentMethod, pickString, type StripeObject } from "./format.js";
import { type Html, html, layout, safeHttpUrl } from "./html.js";

export interface PortalTestCard {
  /** A test payment method token, e.g. `pm_card_visa`. */
  token: string;
  /** e.g. `Visa •••• 4242` */
  label: string;
}

export interface PortalView {
  sessionId: string;
  customer: StripeObject;
  paymentMethods: StripeObject[];
  defaultPaymentMethodId: string | null;
  testCards: PortalTestCard[];
  /** The session's `return_url`; only http(s) URLs become a link. */
  returnUrl: string | null;
  /** Forms post to `${actionBase}/default`, `/detach` and `/attach`, e.g. `/_emulator/portal/bps_123`. */
  actionBase: string;
  /** A one-line result of the last action, e.g. "Card added." */
  message?: string;
  expired?: boolean;
}

function returnLink(returnUrl: string | null): Html | null {
  const url = safeHttpUrl(returnUrl);
  if (url === null) return null;
  return html`<p><a href="${url.href}"><span aria-hidden="true">← </span>Return to ${url.host}</a></p>`;
}

function cardItem(pm: StripeObject, id: string, view: PortalView): Html {
  const label = describePaymentMethod(pm);
  const expiry = describeExpiry(pm);
  const isDefault = id === view.defaultPaymentMethodId;
  // The aria-labels start with the visible text so "Make default"/"Remove" still find the button,
  // and name the card so each button is unique on a page with several.
  const makeDefault = isDefault
    ? null
    : html`<form class="inline" method="post" action="${view.actionBase}/default">
<input type="hidden" name="payment_method" value="${id}">
<button type="submit" aria-label="Make default: ${label}">Make default</button>
</form>`;
  return html`<li class="card" data-payment-method="${id}">
<span class="what"><strong>${label}</strong>${expiry === null ? null : html` <span class="muted">Expires ${expiry}</span>`}${
    isDefault ? html` <span class="badge default">Default</span>` : null
  }</span>
${makeDefault}
<form class="inline" method="post" action="${view.actionBase}/detach">
<input type="hidden" name="payment_method" value="${id}">
<button type="submit" aria-label="Remove: ${label}">Remove</button>
</form>
</li>`;
}

function cardList(view: PortalView): Html {
  const items: Html[] = [];
  for (const pm of view.paymentMethods) {
    const id = pickString(pm, "id");
    if (id !== null) items.push(cardItem(pm, id, view));
  }
  if (items.length === 0) return html`<p class="muted">No payment methods on file.</p>`;
  return html`<ul class="cards" aria-label="Payment methods">${items}</ul>`;
}

function addCardForm(view: PortalView): Html {
  if (view.testCards.length === 0) return html`<p class="muted">No test cards are available to add.</p>`;
  // With no default yet, the first card added should become it, as Stripe's portal suggests.
  const checked = view.defaultPaymentMethodId === null;
  return html`<form class="add" method="post" action="${view.actionBase}/attach">
<label for="token">Test card</label>
<select id="token" name="token">
${view.testCards.map((card) => html`<option value="${card.token}">${card.label}</option>\n`)}</select>
<label><input type="checkbox" name="make_default" value="true"${checked ? html` checked` : null}> Use as default payment method</label>
<button type="submit" class="primary">Add card</button>
</form>`;
}

function customerLine(customer: StripeObject): Html {
  const name = pickString(customer, "name");
  const email = pickString(customer, "email");
  const who = [name, email].filter((v): v is string => v !== null && v !== "").join(" · ");
  return html`<p class="muted">${who === "" ? null : html`${who} · `}<code>${pickString(customer, "id") ?? ""}</code></p>`;
}

export function renderPortalPage(view: PortalView): string {
  const notice = view.message ? html`<p class="notice" role="status">${view.message}</p>` : null;
  if (view.expired) {
    return layout(
      "Session expired",
      html`<main>
<h1>This session has expired</h1>
<p>Billing portal sessions are short-lived. Go back to the site that sent you here and open the portal again.</p>
${notice}
${returnLink(view.returnUrl)}
</main>`,
    );
  }
  return layout(
    "Manage payment methods",
    html`<header>
${returnLink(view.returnUrl)}
<h1>Manage payment methods</h1>
${customerLine(view.customer)}
</header>
<main>
${notice}
<h2>Payment methods</h2>
${cardList(view)}
<h2>Add a payment method</h2>
${addCardForm(view)}
<p class="muted">Test mode · session <code>${view.sessionId}</code></p>
</main>`,
  );
}
