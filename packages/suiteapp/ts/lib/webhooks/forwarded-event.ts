/**
 * One Stripe event as the webhook proxy forwards it (core's ForwardedEvent: version 2, or version 1 for
 * one more release), applied or not, with the answer the proxy turns into Stripe's status (core's
 * NetSuiteAnswer):
 * - refused (Stripe shows the endpoint failing): a malformed request, an unknown Stripe account record,
 *   a signature that does not verify with the account's stored signing secret;
 * - ignored: an event that does not change the default payment method (the proxy drops those already),
 *   a customer no link knows, or an event already applied (a repeat, however late);
 * - retry (Stripe retries later): reading Stripe or writing NetSuite failed, or another delivery of the
 *   same event is applying it at this moment;
 * - applied: the customer's current state was read from Stripe (events come late and out of order,
 *   so the event's own snapshot is not trusted) and its default payment method written if it changed.
 * Each event is applied at most once: a delivery first claims it (event-claims.ts), and marks the claim
 * applied, or failed for Stripe's retry to take over.
 * Reads only what the event needs: the one Stripe account record it names (1 unit, which also gives the
 * signing secret), the customer its Stripe metadata names (`netsuite_customer_id`) when that customer's
 * Stripe ID field holds the event's Stripe customer (1 unit; the field's ID is a deployment parameter),
 * or else the customer its link names (a search, 10 units).
 */
import * as log from "N/log";
import * as search from "N/search";
import {
  accountsForCustomer,
  changesDefaultPaymentMethod,
  describeIssues,
  type Envelope,
  envelopeOfPayload,
  type NetSuiteAnswer,
  type Result,
  readForwardedEvent,
  type StripeAccountConfig,
  verifyStripeSignature,
} from "@nss/core";
import { hasSubsidiaries } from "../configuration/account-features.js";
import { webhookStripeIdField } from "../configuration/deployment-settings.js";
import { refreshCustomer } from "../payment-method-refresh/refresh-customer.js";
import { isChecked, text } from "../records/field-values.js";
import { CUSTOMER_FIELDS, LINK_RECORD, STRIPE_ACCOUNT_RECORD } from "../records/object-ids.js";
import { claimEvent, completeClaim, failClaim } from "./event-claims.js";

const answer = (result: NetSuiteAnswer["result"], message: string): NetSuiteAnswer => ({ result, message });
const issuesOf = (r: Result<unknown>) => (r.ok ? "" : describeIssues(r.errors));

/** The NetSuite customer linked to the event's Stripe customer in this Stripe account, if any (a search). */
function linkedCustomer(envelope: Envelope): string | undefined {
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
      ],
    })
    .run()
    .getRange({ start: 0, end: 1 });
  return row === undefined ? undefined : text(row.getValue({ name: f.customer })).trim() || undefined;
}

/** The Stripe account record the proxy names, with its signing secret, when it is active (a lookupFields). */
interface WebhookAccount {
  config: StripeAccountConfig;
  apiBase: string;
  secret: string;
}

function webhookAccount(accountRecordId: string): WebhookAccount | undefined {
  if (!/^[1-9][0-9]*$/.test(accountRecordId)) return undefined;
  const a = STRIPE_ACCOUNT_RECORD.fields;
  let values: Record<string, unknown>;
  try {
    values = search.lookupFields({
      type: STRIPE_ACCOUNT_RECORD.type,
      id: accountRecordId,
      columns: [
        "isinactive",
        "name",
        a.accountId,
        a.secretId,
        a.identifierField,
        a.identifierValue,
        a.apiBase,
        STRIPE_ACCOUNT_RECORD.webhook.secret,
      ],
    }) as Record<string, unknown>;
  } catch {
    // RCRD_DSNT_EXIST: an account record that was deleted, or an ID that never was one.
    return undefined;
  }
  if (isChecked(values.isinactive)) return undefined;
  return {
    config: {
      recordId: accountRecordId,
      name: text(values.name).trim(),
      accountId: text(values[a.accountId]).trim(),
      secretId: text(values[a.secretId]).trim(),
      // Blank means the subsidiary, as core's configuration check reads it.
      identifierField: text(values[a.identifierField]).trim() || "subsidiary",
      identifierValue: text(values[a.identifierValue]).trim(),
    },
    apiBase: text(values[a.apiBase]).trim(),
    secret: text(values[STRIPE_ACCOUNT_RECORD.webhook.secret]).trim(),
  };
}

/**
 * The customer the event's metadata names (an internal ID) when its Stripe ID field holds the event's
 * Stripe customer and this account serves its primary subsidiary (one lookupFields, 1 unit); else the
 * one the event's link in this account names (a search, 10 units), or none.
 */
function customerOf(envelope: Envelope, account: WebhookAccount, stripeIdField: string): string | undefined {
  const named = envelope.customer.netsuiteCustomerId ?? "";
  if (/^[1-9][0-9]*$/.test(named)) {
    const identifier = account.config.identifierField;
    const columns = Array.from(
      new Set([
        stripeIdField,
        ...(hasSubsidiaries() ? ["subsidiary"] : []),
        ...(identifier !== "subsidiary" ? [identifier] : []),
      ]),
    );
    try {
      const values = search.lookupFields({ type: search.Type.CUSTOMER, id: named, columns }) as Record<
        string,
        unknown
      >;
      const served = accountsForCustomer(
        [account.config],
        {
          id: named,
          primarySubsidiary: text(values.subsidiary).trim(),
          subsidiaries: [],
          fields: identifier !== "subsidiary" ? { [identifier]: text(values[identifier]).trim() } : {},
        },
        "primary",
      );
      const linked = text(values[stripeIdField]).trim() === envelope.customer.id;
      if (linked && served.ok && served.value.targets.length > 0) return named;
    } catch {
      // No such customer (deleted, or metadata edited in Stripe): the link decides.
    }
  }
  return linkedCustomer(envelope);
}

export function handleForwardedEvent(body: string, nowSeconds: number): NetSuiteAnswer {
  const parsed = readForwardedEvent(body);
  if (!parsed.ok) return answer("refused", issuesOf(parsed));
  const { payload, signature } = parsed.value;
  const account = webhookAccount(parsed.value.account);
  if (account === undefined || account.secret === "") {
    return answer(
      "refused",
      `Stripe account record ${parsed.value.account} is not an active account of this sync.`,
    );
  }
  const verified = verifyStripeSignature({ payload, header: signature, secret: account.secret, nowSeconds });
  if (!verified.ok) return answer("refused", issuesOf(verified));
  // Version 2 carries no envelope: it is built here, once, from the verified payload.
  const built = parsed.value.envelope
    ? { ok: true as const, value: parsed.value.envelope }
    : envelopeOfPayload(payload, parsed.value.account);
  if (!built.ok) {
    const ignored = built.errors.some((e) => e.code === "EVENT_IGNORED");
    return answer(ignored ? "ignored" : "refused", issuesOf(built));
  }
  const envelope = built.value;

  // Only the default payment method is shown in NetSuite: an event that leaves it alone (a new name,
  // a new customer without one, as every customer the sync creates) costs no Stripe read.
  if (!changesDefaultPaymentMethod(envelope)) {
    return answer("ignored", `Event ${envelope.eventId} does not change the default payment method.`);
  }
  const stripeIdField = webhookStripeIdField() || CUSTOMER_FIELDS.stripeCustomerId;
  const customerId = customerOf(envelope, account, stripeIdField);
  if (customerId === undefined) {
    return answer(
      "ignored",
      `No NetSuite customer is linked to ${envelope.customer.id} in this Stripe account.`,
    );
  }
  const claim = claimEvent(envelope, customerId, new Date(nowSeconds * 1000));
  if (claim.state === "applied") return alreadyApplied(envelope);
  if (claim.state === "busy") {
    return answer("retry", `Event ${envelope.eventId} is being applied by another delivery right now.`);
  }
  let applied: NetSuiteAnswer;
  try {
    applied = apply(customerId, envelope, account, stripeIdField);
  } catch (e) {
    try {
      failClaim(claim.id, errorText(e));
    } catch (failing) {
      // The claim expires on its own (event-claims.ts); the error that matters is the first one.
      log.error({
        title: `Could not mark the claim of event ${envelope.eventId} failed`,
        details: String(failing),
      });
    }
    throw e;
  }
  if (applied.result !== "applied") {
    failClaim(claim.id, applied.message);
    return applied;
  }
  completeClaim(claim.id, applied.message);
  return applied;
}

/** A thrown error as the claim's message: its name and message, never a stack. */
function errorText(e: unknown): string {
  const err = e as { name?: unknown; message?: unknown } | null;
  const name = typeof err?.name === "string" ? err.name : "ERROR";
  const message = typeof err?.message === "string" ? err.message : String(e);
  return message.startsWith(name) ? message : `${name}: ${message}`;
}

const alreadyApplied = (envelope: Envelope) =>
  answer("ignored", `Event ${envelope.eventId} was already applied.`);

/**
 * Reads the customer's state from Stripe and writes it: applied, or retry with the reason. The
 * customer is the event's only when its Stripe ID field holds the event's Stripe customer and this
 * account serves its primary subsidiary (the refresh checks both); otherwise nothing is written.
 */
function apply(
  customerId: string,
  envelope: Envelope,
  account: WebhookAccount,
  stripeIdField: string,
): NetSuiteAnswer {
  const refreshed = refreshCustomer(
    customerId,
    {
      accounts: [account.config],
      apiBases: account.apiBase ? { [account.config.recordId ?? ""]: account.apiBase } : {},
    },
    {
      event: { stripeId: envelope.customer.id, stripeIdField },
    },
  );
  if (refreshed.outcome === "failed") return answer("retry", refreshed.message);
  return answer("applied", `Customer ${customerId}: ${refreshed.message}`);
}
