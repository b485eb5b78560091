/** `GET /v1/account`: the account behind the key, shaped by Stripe's own fixture. */
import { fixture } from "@nss/stripe-spec";
import type { Handler } from "../context.js";

const retrieve: Handler = (ctx) => {
  const template = fixture("account") as Record<string, unknown>;
  return {
    body: {
      ...template,
      id: ctx.account.id,
      created: ctx.account.created,
      email: null,
      charges_enabled: true,
      details_submitted: true,
      payouts_enabled: true,
      business_profile: {
        ...(template.business_profile as object),
        name: `Emulated account ${ctx.account.id}`,
      },
      external_accounts: {
        data: [],
        has_more: false,
        object: "list",
        url: `/v1/accounts/${ctx.account.id}/external_accounts`,
      },
      requirements: {
        alternatives: [],
        current_deadline: null,
        currently_due: [],
        disabled_reason: null,
        errors: [],
        eventually_due: [],
        past_due: [],
        pending_verification: [],
      },
    },
  };
};

export const accountHandlers: Record<string, Handler> = { GetAccount: retrieve };
