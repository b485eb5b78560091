/**
 * One Stripe event as the webhook proxy forwards it (core's ForwardRequest), applied or not, with the
 * answer the proxy turns into Stripe's status (core's NetSuiteAnswer):
 * - refused (Stripe shows the endpoint failing): a malformed request, an unknown Stripe account record,
 *   a signature that does not verify with the account's stored signing secret;
 * - ignored: an event that does not change the default payment method, a customer no link knows, or
 *   an event already applied (a repeat, however late);
 * - retry (Stripe retries later): reading Stripe or writing NetSuite failed, or another delivery of the
 *   same event is applying it at this moment;
 * - applied: the customer's current state was read from Stripe (events come late and out of order,
 *   so the event's own snapshot is not trusted) and its default payment method written if it changed.
 * Each event is applied at most once: a delivery first claims it (lib/event-claims.ts).
 * Units: account lookup 1, link search 10, the claim 6, configuration 20, the refresh 25 (35 when it
 * writes), applied 4: 66, or 76 with a write. A repeat of the link's last event stops after 11, any
 * other repeat after 29; an event that does not change the default payment method after 1.
 */
import * as log from "N/log";
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
import { claimEvent, completeClaim, releaseClaim } from "./event-claims.js";
import { dateTimeText } from "./field-values.js";
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

  // Only the default payment method is shown in NetSuite: an event that leaves it alone (a new name,
  // a new customer without one, as every customer the sync creates) costs no Stripe read.
  if (!touchesDefaultPaymentMethod(envelope)) {
    return answer("ignored", `Event ${envelope.eventId} does not change the default payment method.`);
  }
  const link = linkOf(envelope);
  if (link === undefined) {
    return answer(
      "ignored",
      `No NetSuite customer is linked to ${envelope.customer.id} in this Stripe account.`,
    );
  }
  // The common repeat (Stripe retrying the event this link applied last) costs no claim.
  if (link.lastEventId === envelope.eventId) return alreadyApplied(envelope);
  const claim = claimEvent(envelope, link.customerId, new Date(nowSeconds * 1000));
  if (claim.state === "applied") return alreadyApplied(envelope);
  if (claim.state === "busy") {
    return answer("retry", `Event ${envelope.eventId} is being applied by another delivery right now.`);
  }
  let applied: NetSuiteAnswer;
  try {
    applied = apply(link);
  } catch (e) {
    try {
      releaseClaim(claim.id);
    } catch (release) {
      // The claim expires on its own (event-claims.ts); the error that matters is the first one.
      log.error({
        title: `Could not release the claim of event ${envelope.eventId}`,
        details: String(release),
      });
    }
    throw e;
  }
  if (applied.result !== "applied") {
    releaseClaim(claim.id);
    return applied;
  }
  completeClaim(claim.id, applied.message);
  record.submitFields({
    type: LINK_RECORD.type,
    id: link.id,
    values: {
      [LINK_RECORD.fields.lastEventId]: envelope.eventId,
      [LINK_RECORD.fields.lastEventAt]: dateTimeText(new Date(envelope.created * 1000)),
    },
  });
  return applied;
}

function touchesDefaultPaymentMethod(envelope: Envelope): boolean {
  if (envelope.type === "customer.created") return envelope.customer.defaultPaymentMethodId !== null;
  if (envelope.type === "customer.updated") return envelope.defaultPaymentMethodChanged;
  return true; // customer.deleted: the fields are cleared
}

const alreadyApplied = (envelope: Envelope) =>
  answer("ignored", `Event ${envelope.eventId} was already applied.`);

/** Reads the customer's state from Stripe and writes it: applied, or retry with the reason. */
function apply(link: LinkHit): NetSuiteAnswer {
  const config = readConfig();
  if (!config.ok) return answer("retry", issuesOf(config));
  const refreshed = refreshCustomer(link.customerId, {
    accounts: config.value.config.accounts,
    apiBases: config.value.apiBases,
  });
  if (refreshed.outcome === "failed") return answer("retry", refreshed.message);
  return answer("applied", `Customer ${link.customerId}: ${refreshed.message}`);
}
