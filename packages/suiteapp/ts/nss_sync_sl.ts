/**
 * @NApiVersion 2.1
 * @NScriptType Suitelet
 * @NModuleScope SameAccount
 *
 * The Sync to Stripe button's server side: POST with a customer's internal ID (`customerId` as a URL
 * parameter, or in a JSON body) syncs that customer's primary subsidiary (`syncCustomer(id, { kind: "button"
 * })`) and answers JSON (lib/customer-sync/sync-suitelet-contract.ts): `{ ok, customerId, targets }`, or `{
 * ok: false, status: 400, error }` for a request it cannot act on (`status: 500` when NetSuite refused a
 * step). It never throws: the client script always gets an answer it can show.
 */

import * as log from "N/log";
import * as runtime from "N/runtime";
import * as search from "N/search";
import type { EntryPoints } from "N/types";
import { syncCustomer, thrownIssue } from "./lib/customer-sync/sync-customer.js";
import type { SyncButtonError, SyncButtonResult } from "./lib/customer-sync/sync-suitelet-contract.js";

type Request = EntryPoints.Suitelet.onRequestContext["request"];
type Response = EntryPoints.Suitelet.onRequestContext["response"];

function send(response: Response, body: SyncButtonResult | SyncButtonError): void {
  response.setHeader({ name: "Content-Type", value: "application/json; charset=utf-8" });
  response.write({ output: JSON.stringify(body) });
}

// A Suitelet cannot set its HTTP status (http.ServerResponse has no such member): the answer is
// always 200, and an error says its status in the body.
function refuse(response: Response, code: string, message: string, fix: string): void {
  send(response, { ok: false, status: 400, error: { code, message, fix } });
}

/** The customer ID from the URL parameters, else from a JSON body (`{ "customerId": "123" }`). */
function customerIdOf(request: Request): string {
  const fromUrl = request.parameters?.customerId;
  if (typeof fromUrl === "string" && fromUrl.trim() !== "") return fromUrl.trim();
  try {
    const body: unknown = JSON.parse(request.body || "{}");
    const id = (body as { customerId?: unknown } | null)?.customerId;
    return typeof id === "string" || typeof id === "number" ? String(id).trim() : "";
  } catch {
    return "";
  }
}

export const onRequest: EntryPoints.Suitelet.onRequest = ({ request, response }) => {
  try {
    if (request.method !== "POST") {
      refuse(
        response,
        "NSS_METHOD",
        `The Sync to Stripe Suitelet takes POST requests, not ${request.method}.`,
        "Use the Sync to Stripe button on the customer record.",
      );
      return;
    }
    const customerId = customerIdOf(request);
    if (!/^[1-9][0-9]*$/.test(customerId)) {
      refuse(
        response,
        "NSS_CUSTOMER_ID",
        customerId === ""
          ? "The request names no customer (customerId is missing)."
          : `The customer ID "${customerId}" is not a NetSuite internal ID.`,
        "Save the customer, then use the Sync to Stripe button on its record.",
      );
      return;
    }
    try {
      search.lookupFields({ type: search.Type.CUSTOMER, id: customerId, columns: ["entityid"] });
    } catch {
      refuse(
        response,
        "NSS_CUSTOMER_NOT_FOUND",
        `There is no customer ${customerId} (it may have been deleted).`,
        "Reload the customer record; if it no longer exists there is nothing to sync.",
      );
      return;
    }
    const script = runtime.getCurrentScript();
    const unitsAtStart = script.getRemainingUsage();
    const result = syncCustomer(customerId, { kind: "button" });
    log.audit({
      title: `Customer ${customerId} synced by the button`,
      details: `${result.targets.map((t) => `${t.accountName || "-"}: ${t.outcome}`).join(", ")}; units used: ${unitsAtStart - script.getRemainingUsage()}`,
    });
    send(response, {
      ok: result.ok,
      customerId,
      targets: result.targets.map((t) => ({
        account: t.accountName,
        outcome: t.outcome,
        stripeCustomerId: t.outcome === "failed" ? null : (t.stripeCustomerId ?? null),
        ...(t.outcome === "failed"
          ? {
              message: t.issues?.map((i) => i.message).join(" ") ?? t.message,
              fix: t.issues?.map((i) => i.fix).join(" ") ?? "",
            }
          : {}),
      })),
    });
  } catch (e) {
    // syncCustomer never throws; this guards the request handling itself.
    const issue = thrownIssue(e, "-");
    log.error({ title: "Sync to Stripe request failed", details: issue.message });
    send(response, {
      ok: false,
      status: 500,
      error: { code: issue.code, message: issue.message, fix: issue.fix },
    });
  }
};
