/**
 * A webhook endpoint's `enabled_events`. The contract's enum for it (API 2023-08-16) carries
 * `x-stripeBypassValidation`, so @nss/stripe-spec lets any string through; Stripe itself refuses an
 * unknown type: `Invalid enabled_events[0]: must be one of account.application.authorized,
 * account.application.deauthorized, account.external_account.c…` (a real `stripe webhook_endpoints
 * create` answer recorded in https://github.com/Org-EthereaLogic/themegpt-v2.0/blob/cb9889a30b8378d93574d582cdb2cee986817fbc/doc/chat/009-prep-deploy.md,
 * worded like Stripe's other enum refusals: "Invalid locale: must be one of auto, da, …", stripe-spec).
 * The list given here is the 2023-08-16 enum; `*` is left out of it, as the recorded list does not
 * start with it (where Stripe puts it, if anywhere, is unknown). The param is assumed to be the
 * element's name, as in Stripe's other enum refusals.
 */
import { operations } from "@nss/stripe-spec";
import { invalidRequest } from "../errors.js";

function enabledEventsEnum(): readonly string[] {
  const op = operations.find((o) => o.operationId === "PostWebhookEndpoints");
  const param = op?.bodyParams.find((p) => p.name === "enabled_events");
  const values = param?.schema.items?.enum ?? [];
  return values.filter((v): v is string => typeof v === "string");
}

/** Every event type a 2023-08-16 webhook endpoint may subscribe to, `*` included. */
export const EVENT_TYPES: ReadonlySet<string> = new Set(enabledEventsEnum());

/** `a, b, or c`: Stripe's list style in enum refusals. */
function oxfordList(words: readonly string[]): string {
  if (words.length <= 2) return words.join(" or ");
  return `${words.slice(0, -1).join(", ")}, or ${words.at(-1)}`;
}

export function checkEnabledEvents(value: unknown): void {
  if (!Array.isArray(value)) return;
  const index = value.findIndex((type) => typeof type !== "string" || !EVENT_TYPES.has(type));
  if (index === -1) return;
  const name = `enabled_events[${index}]`;
  const listed = [...EVENT_TYPES].filter((type) => type !== "*");
  throw invalidRequest(`Invalid ${name}: must be one of ${oxfordList(listed)}`, name);
}
