/**
 * @NApiVersion 2.1
 * @NScriptType ClientScript
 * @NModuleScope SameAccount
 *
 * The Sync to Stripe button on the customer record (added by nss_customer_ue's beforeLoad through
 * Form.clientScriptModulePath): posts the customer's ID to the Sync Suitelet and shows the outcome per
 * Stripe account as a message on the page, without leaving it. The wording is
 * lib/customer-sync/sync-suitelet-contract.ts's.
 */

import * as currentRecord from "N/currentRecord";
import * as https from "N/https";
import type { EntryPoints } from "N/types";
import * as message from "N/ui/message";
import {
  formatRequestFailure,
  formatSyncResponse,
  SYNC_SUITELET,
  type SyncBanner,
} from "./lib/customer-sync/sync-suitelet-contract.js";

/** A client script module needs an entry point of its type; the button needs nothing at load. */
export const pageInit: EntryPoints.Client.pageInit = () => undefined;

let running = false;

function show(banner: SyncBanner): void {
  // message.Type is read here, not when the file loads: loading must not touch N/* modules.
  const type = {
    CONFIRMATION: message.Type.CONFIRMATION,
    WARNING: message.Type.WARNING,
    ERROR: message.Type.ERROR,
  }[banner.type];
  message.create({ type, title: banner.title, message: banner.message }).show();
}

/** The button's function (`functionName: "syncToStripe"`). One sync at a time per page. */
export function syncToStripe(): void {
  if (running) return;
  const id = String(currentRecord.get().id ?? "");
  if (id === "") {
    show({
      type: "ERROR",
      title: "Sync to Stripe",
      message: "Save the customer before syncing it to Stripe.",
    });
    return;
  }
  running = true;
  const pending = message.create({
    type: message.Type.INFORMATION,
    title: "Sync to Stripe",
    message: "Syncing…",
  });
  pending.show();
  https.requestSuitelet
    .promise({
      scriptId: SYNC_SUITELET.scriptId,
      deploymentId: SYNC_SUITELET.deploymentId,
      method: "POST",
      urlParams: { customerId: id },
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ customerId: id }),
    })
    .then(
      (response) => formatSyncResponse(response.code, response.body),
      (e: unknown) => formatRequestFailure(e),
    )
    .then((banner) => {
      running = false;
      // Not every runtime's message has hide(); the outcome is shown either way.
      if (typeof pending.hide === "function") pending.hide();
      show(banner);
    });
}
