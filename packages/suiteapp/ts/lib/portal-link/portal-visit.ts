/**
 * The customer portal link's server side (nss_portal_sl.ts): the link record found by its token, then
 * a fresh Stripe billing portal session for its Stripe customer. The visitor is anonymous (the
 * Suitelet is available without login), so nothing here reveals why a link fails: the reason goes to
 * the sync log and the execution log, the page says only "not valid" or "cannot be opened right now".
 */

import * as random from "N/crypto/random";
import * as https from "N/https";
import * as log from "N/log";
import * as runtime from "N/runtime";
import * as search from "N/search";
import type { SyncIssue } from "@nss/core";
import { readStoredSettings } from "../configuration/read-config.js";
import { isChecked, text } from "../records/field-values.js";
import { LINK_RECORD, STRIPE_ACCOUNT_RECORD } from "../records/object-ids.js";
import { createStripeClient } from "../stripe/stripe-client.js";
import { isPortalToken } from "./portal-token.js";

export interface PortalLink {
  linkId: string;
  customerId: string;
  accountRecordId: string;
  stripeId: string;
}

/** Why a visit could not be sent to Stripe's portal; `message` and `fix` are for the logs only. */
export interface PortalProblem {
  code: "PORTAL_NOT_ACTIVATED" | "PORTAL_NO_RETURN_URL" | "PORTAL_UNAVAILABLE";
  message: string;
  fix: string;
}

export type PortalOutcome = { ok: true; url: string } | { ok: false; problem: PortalProblem };

/** Stripe's refusal when no default portal configuration was saved (test or live mode). */
const NOT_ACTIVATED = /default configuration has not been created/i;
// Stripe's words when the portal has no way back (https://github.com/fjordllc/bootcamp/issues/4623).
const NO_RETURN_URL = /does not have a `?default_return_url`?/i;

export const PORTAL_FIX =
  "In Stripe, save the customer portal settings (Settings → Billing → Customer portal), in the same mode (test or live) as the account's API key.";

/**
 * The active link whose token is exactly `token`, or undefined. A value that is not a token's shape is
 * refused without a search (a search costs 10 units, and refused values are anyone's guesses). The
 * search's `is` ignores case, so the match is checked again exactly.
 */
export function findLinkByToken(token: string): PortalLink | undefined {
  if (!isPortalToken(token)) return undefined;
  const f = LINK_RECORD.fields;
  const rows = search
    .create({
      type: LINK_RECORD.type,
      filters: [[f.portalToken, "is", token], "AND", ["isinactive", "is", "F"]],
      columns: [
        search.createColumn({ name: "internalid", sort: search.Sort.ASC }),
        search.createColumn({ name: f.portalToken }),
        search.createColumn({ name: f.customer }),
        search.createColumn({ name: f.account }),
        search.createColumn({ name: f.stripeId }),
      ],
    })
    .run()
    .getRange({ start: 0, end: 2 });
  const row = rows.find((r) => text(r.getValue({ name: f.portalToken })) === token);
  if (row === undefined) return undefined;
  const stripeId = text(row.getValue({ name: f.stripeId })).trim();
  const customerId = text(row.getValue({ name: f.customer })).trim();
  if (stripeId === "" || customerId === "") return undefined;
  return {
    linkId: String(row.id),
    customerId,
    accountRecordId: text(row.getValue({ name: f.account })).trim(),
    stripeId,
  };
}

function problemOf(issues: readonly SyncIssue[], where: string, customerId: string): PortalProblem {
  if (issues.some((i) => NOT_ACTIVATED.test(i.message))) {
    return {
      code: "PORTAL_NOT_ACTIVATED",
      message: `The Stripe customer portal is not activated in ${where}, so customer ${customerId}'s portal link cannot open it.`,
      fix: PORTAL_FIX,
    };
  }
  if (issues.some((i) => NO_RETURN_URL.test(i.message))) {
    return {
      code: "PORTAL_NO_RETURN_URL",
      message: `Neither the NetSuite–Stripe configuration nor ${where}'s customer portal settings say where customer ${customerId} returns after the portal, so Stripe refused to open it.`,
      fix: "Enter a Portal Return URL on the NetSuite–Stripe configuration, or set a default redirect link in Stripe's customer portal settings (Settings → Billing → Customer portal).",
    };
  }
  return {
    code: "PORTAL_UNAVAILABLE",
    message: `Customer ${customerId}'s portal link could not open a Stripe portal session in ${where}: ${issues.map((i) => i.message).join(" ")}`,
    fix: issues.map((i) => i.fix).join(" "),
  };
}

/** A new billing portal session for the link's Stripe customer (one Stripe call). */
export function openPortalSession(link: PortalLink): PortalOutcome {
  const a = STRIPE_ACCOUNT_RECORD.fields;
  let values: Record<string, unknown>;
  try {
    values = search.lookupFields({
      type: STRIPE_ACCOUNT_RECORD.type,
      id: link.accountRecordId,
      columns: ["name", "isinactive", a.accountId, a.secretId, a.apiBase],
    }) as Record<string, unknown>;
  } catch {
    values = {};
  }
  const secretId = text(values[a.secretId]).trim();
  const name = text(values.name).trim();
  const where = name ? `Stripe account "${name}"` : `Stripe account record ${link.accountRecordId}`;
  if (secretId === "" || isChecked(values.isinactive)) {
    return {
      ok: false,
      problem: {
        code: "PORTAL_UNAVAILABLE",
        message: `Customer ${link.customerId}'s portal link names ${where}, which is inactive, missing or has no API secret.`,
        fix: "Reactivate or complete the Stripe account record, or sync the customer again to link it to an active account.",
      },
    };
  }
  const returnUrl = text(readStoredSettings()?.portalReturnUrl).trim();
  const apiBase = text(values[a.apiBase]).trim();
  const stripe = createStripeClient(
    { https, log, runtime },
    {
      accountId: text(values[a.accountId]).trim(),
      secretId,
      name,
      ...(apiBase ? { apiBase } : {}),
    },
  );
  // One key per visit: a retry after a lost answer does not make a second session.
  const session = stripe.request<{ url?: unknown }>(
    "POST",
    "/v1/billing_portal/sessions",
    { customer: link.stripeId, ...(returnUrl ? { return_url: returnUrl } : {}) },
    { idempotencyKey: `nss-portal-${random.generateUUID()}` },
  );
  if (!session.ok) return { ok: false, problem: problemOf(session.errors, where, link.customerId) };
  const url = text(session.value.url);
  // Only an https URL is sent to the visitor's browser (or a loopback one, which browsers treat as
  // secure: the local sandbox's Stripe emulator serves its portal pages there).
  if (!/^(?:https:\/\/|http:\/\/(?:127\.0\.0\.1|localhost)(?::\d+)?\/)[^\s]+$/i.test(url)) {
    return {
      ok: false,
      problem: {
        code: "PORTAL_UNAVAILABLE",
        message: `Stripe answered the portal session request for customer ${link.customerId} in ${where} without a usable URL.`,
        fix: "Try again later; if it persists, check Stripe's status page.",
      },
    };
  }
  return { ok: true, url };
}
