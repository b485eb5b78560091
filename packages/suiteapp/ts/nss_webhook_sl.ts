/**
 * @NApiVersion 2.1
 * @NScriptType Suitelet
 * @NModuleScope SameAccount
 *
 * Where Stripe's customer events arrive, through the webhook proxy (available without login: the proxy holds
 * its external URL sealed). POST only; the body is core's ForwardRequest and the answer core's NetSuiteAnswer
 * (lib/webhooks/forwarded-event.ts), always JSON, never an uncaught error: an unexpected one answers `retry`,
 * so Stripe delivers the event again later.
 */

import * as log from "N/log";
import * as runtime from "N/runtime";
import type { EntryPoints } from "N/types";
import type { NetSuiteAnswer } from "@nss/core";
import { handleForwardedEvent } from "./lib/webhooks/forwarded-event.js";

export const onRequest: EntryPoints.Suitelet.onRequest = ({ request, response }) => {
  const script = runtime.getCurrentScript();
  const unitsAtStart = script.getRemainingUsage();
  let answer: NetSuiteAnswer;
  if (request.method !== "POST") {
    answer = { result: "refused", message: "Stripe events are POSTed here by the webhook proxy." };
  } else {
    try {
      answer = handleForwardedEvent(request.body ?? "", Math.floor(Date.now() / 1000));
    } catch (e) {
      const err = e as { name?: string; message?: string };
      answer = {
        result: "retry",
        message: `NetSuite could not apply the event: ${err.name ?? "Error"}: ${err.message ?? String(e)}`,
      };
    }
  }
  // One line per event, whatever the answer: the execution log is where an administrator looks first.
  log.audit({
    title: `Webhook event ${answer.result}`,
    details: `${answer.message} (units used: ${unitsAtStart - script.getRemainingUsage()})`,
  });
  response.setHeader({ name: "Content-Type", value: "application/json; charset=utf-8" });
  response.write({ output: JSON.stringify(answer) });
};
