/**
 * @NApiVersion 2.1
 * @NScriptType Suitelet
 * @NModuleScope SameAccount
 *
 * The customer portal link (deployment available without login): `GET …&t=<token>` finds the customer
 * link record holding that token, creates a fresh Stripe billing portal session for its Stripe customer
 * and redirects the visitor there. Portal sessions are short-lived, so the stable thing is this link;
 * each visit makes a new session. The visitor is anonymous: a wrong or revoked token gets a plain
 * "not valid" page, a Stripe failure a plain "cannot be opened right now" page, and the reason goes to
 * the sync log (kind `portal`) and the execution log, never to the page.
 */

import * as log from "N/log";
import * as redirect from "N/redirect";
import * as runtime from "N/runtime";
import type { EntryPoints } from "N/types";
import { thrownIssue } from "./lib/customer-sync/sync-customer.js";
import { findLinkByToken, openPortalSession } from "./lib/portal-link/portal-visit.js";
import { PORTAL_SUITELET } from "./lib/records/object-ids.js";
import { writeSyncLog } from "./lib/records/sync-log.js";

type Response = EntryPoints.Suitelet.onRequestContext["response"];

export const INVALID_PAGE = {
  title: "Link not valid",
  text: "This link is not valid. Please ask us for a new one.",
};
export const UNAVAILABLE_PAGE = {
  title: "Link cannot be opened",
  text: "This link cannot be opened right now. Please try again later or contact us.",
};

/** A plain page; a Suitelet cannot set its HTTP status, so it is always 200. */
function page(response: Response, content: { title: string; text: string }): void {
  response.setHeader({ name: "Content-Type", value: "text/html; charset=utf-8" });
  response.setHeader({ name: "Cache-Control", value: "no-store" });
  response.setHeader({ name: "Referrer-Policy", value: "no-referrer" });
  response.write({
    output: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>${content.title}</title></head><body><h1>${content.title}</h1><p>${content.text}</p></body></html>`,
  });
}

export const onRequest: EntryPoints.Suitelet.onRequest = ({ request, response }) => {
  const script = runtime.getCurrentScript();
  const unitsAtStart = script.getRemainingUsage();
  try {
    const raw = request.parameters?.[PORTAL_SUITELET.tokenParam];
    const token = typeof raw === "string" ? raw.trim() : "";
    const link = request.method === "GET" ? findLinkByToken(token) : undefined;
    if (link === undefined) {
      // No token in the log: it is a bearer secret (or someone's guess at one).
      log.audit({
        title: "Portal link refused",
        details: `${request.method}: no active link holds the token`,
      });
      page(response, INVALID_PAGE);
      return;
    }
    const outcome = openPortalSession(link);
    if (!outcome.ok) {
      const { problem } = outcome;
      log.error({ title: `Portal link of customer ${link.customerId} failed`, details: problem.message });
      try {
        writeSyncLog({
          kind: "portal",
          customerId: link.customerId,
          outcome: "failed",
          message: `${problem.message} Fix: ${problem.fix}`,
          accountRecordId: link.accountRecordId,
        });
      } catch (e) {
        log.error({
          title: "Could not write the portal sync log",
          details: thrownIssue(e, link.customerId).message,
        });
      }
      page(response, UNAVAILABLE_PAGE);
      return;
    }
    redirect.redirect({ url: outcome.url });
    log.audit({
      title: `Portal opened for customer ${link.customerId}`,
      details: `units used: ${unitsAtStart - script.getRemainingUsage()}`,
    });
  } catch (e) {
    log.error({ title: "Portal link failed", details: thrownIssue(e, "-").message });
    page(response, UNAVAILABLE_PAGE);
  }
};
