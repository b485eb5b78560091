/**
 * One Stripe event as the webhook proxy forwards it (core's ForwardRequest), applied or not, with the
 * answer the proxy turns into Stripe's status (core's NetSuiteAnswer):
 * - refused (Stripe shows the endpoint failing): a malformed request, an unknown Stripe account record,
 *   a signature that does not verify with the account's stored signing secret;
 * - ignored: a customer no link knows, or the event the link last applied (a repeat);
 * - retry (Stripe retries later): reading Stripe or writing NetSuite failed;
 * - applied: the customer's current state was read from Stripe (events come late and out of order,
 *   so the event's own snapshot is not trusted) and its default payment method written if it changed.
 * Units: account lookup 1, link search 10, the refresh (lookup 1, link search 10, Stripe 10, write 10),
 * the link's last event 2.
 */
import * as record from "N/record";
import * as search from "N/search";
import {
  describeIssues,
  type Envelope,
  type NetSuiteAnswer,
  parseForwardRequest,
  type Result,
  verifyStripeSignature,
} from "@nss/core";
import { LINK_RECORD, STRIPE_ACCOUNT_RECORD } from "./ids.js";
import { refreshCustomer } from "./payment-method-refresh.js";
import { readConfig } from "./read-config.js";

const answer = (result: NetSuiteAnswer["result"], message: string): NetSuiteAnswer => ({ result, message });
const text = (v: unknown): string => {
  if (Array.isArray(v)) return v.length > 0 ? text((v[0] as { value?: unknown }).value) : "";
  return v == null ? "" : String(v).trim();
};
const issuesOf = (r: Result<unknown>) => (r.ok ? "" : describeIssues(r.errors));

interface LinkHit {
  id: string;
  customerId: string;
  lastEventId: string;
}

/** The link of the Stripe customer in this Stripe account, if any (10 units). */
function linkOf(envelope: Envelope): LinkHit | undefined {
  const f = LINK_RECORD.fields;
  const [row] = search
    .create({
      type: LINK_RECORD.type,
      filters: [
        [f.account, "anyof", envelope.accountId],
        "AND",
        [f.stripeId, "is", envelope.customer.id],
        "AND",
        ["isinactive", "is", "F"],
      ],
      columns: [
        search.createColumn({ name: "internalid", sort: search.Sort.ASC }),
        search.createColumn({ name: f.customer }),
        search.createColumn({ name: f.lastEventId }),
      ],
    })
    .run()
    .getRange({ start: 0, end: 1 });
  if (row === undefined) return undefined;
  return {
    id: String(row.id),
    customerId: text(row.getValue({ name: f.customer })),
    lastEventId: text(row.getValue({ name: f.lastEventId })),
  };
}

/** The stored signing secret of the account record the proxy names, or why there is none (1 unit). */
function signingSecret(accountRecordId: string): string | undefined {
  if (!/^[1-9][0-9]*$/.test(accountRecordId)) return undefined;
  try {
    const values = search.lookupFields({
      type: STRIPE_ACCOUNT_RECORD.type,
      id: accountRecordId,
      columns: [STRIPE_ACCOUNT_RECORD.webhook.secret, "isinactive"],
    }) as Record<string, unknown>;
    if (values.isinactive === true) return undefined;
    return text(values[STRIPE_ACCOUNT_RECORD.webhook.secret]);
  } catch {
    // RCRD_DSNT_EXIST: an account record that was deleted, or an ID that never was one.
    return undefined;
  }
}

export function handleForwardedEvent(body: string, nowSeconds: number): NetSuiteAnswer {
  const parsed = parseForwardRequest(body);
  if (!parsed.ok) return answer("refused", issuesOf(parsed));
  const { envelope, payload, signature } = parsed.value;
  const secret = signingSecret(envelope.accountId);
  if (secret === undefined) {
    return answer(
      "refused",
      `Stripe account record ${envelope.accountId} is not an active account of this sync.`,
    );
  }
  const verified = verifyStripeSignature({ payload, header: signature, secret, nowSeconds });
  if (!verified.ok) return answer("refused", issuesOf(verified));

  const link = linkOf(envelope);
  if (link === undefined) {
    return answer(
      "ignored",
      `No NetSuite customer is linked to ${envelope.customer.id} in this Stripe account.`,
    );
  }
  if (link.lastEventId === envelope.eventId) {
    return answer("ignored", `Event ${envelope.eventId} was already applied.`);
  }
  const config = readConfig();
  if (!config.ok) return answer("retry", issuesOf(config));
  const refreshed = refreshCustomer(link.customerId, {
    accounts: config.value.config.accounts,
    apiBases: config.value.apiBases,
  });
  if (refreshed.outcome === "failed") return answer("retry", refreshed.message);
  record.submitFields({
    type: LINK_RECORD.type,
    id: link.id,
    values: {
      [LINK_RECORD.fields.lastEventId]: envelope.eventId,
      [LINK_RECORD.fields.lastEventAt]: new Date(envelope.created * 1000),
    },
  });
  return answer("applied", `Customer ${link.customerId}: ${refreshed.message}`);
}
