/**
 * The claim that lets one delivery of a Stripe event apply it, and no other: an event record
 * (`customrecord_nss_stripe_event`) whose external ID is `<account record ID>:<event ID>`. NetSuite
 * keeps external IDs unique per record type, so of two deliveries creating it at the same moment one
 * save fails: that delivery finds the claim and stands back. The failure's name (DUP_RCRD in public
 * SuiteScript code that catches it; Oracle does not document it for scripts) is not relied on: any
 * failed save looks the external ID up, and only a claim found there counts as someone else's.
 *
 * A claim is `applying` while its delivery works and `applied` once done. A delivery that fails marks
 * it `failed`, with why, so the Stripe Sync page can show the retried event; Stripe's retry takes a
 * `failed` claim over at once. A delivery that died without saying leaves an `applying` claim; after
 * CLAIM_EXPIRES_MS the next delivery takes it over. A takeover is an optimistic-locking save, so only
 * one of two takers wins, and counts the delivery in the claim's attempts. Every write here follows the
 * Stripe signature check (forwarded-event.ts): nobody without the signing secret can provoke one.
 */
import * as record from "N/record";
import * as search from "N/search";
import type { Envelope } from "@nss/core";
import { EVENT_RECORD } from "../records/object-ids.js";

/** How long an `applying` claim holds: far above a Suitelet's run, far below Stripe's retry schedule. */
export const CLAIM_EXPIRES_MS = 5 * 60 * 1000;

export type Claim =
  | { state: "claimed"; id: string }
  | { state: "applied" }
  /** Another delivery is applying it now: answer retry, so Stripe comes back once it is done. */
  | { state: "busy" };

const f = EVENT_RECORD.fields;
const errorName = (e: unknown): string => String((e as { name?: unknown } | null)?.name ?? "");

export const claimKey = (envelope: Envelope): string => `${envelope.accountId}:${envelope.eventId}`;

/** Claims the event for this delivery, or says why it may not apply it. */
export function claimEvent(envelope: Envelope, customerId: string, now: Date): Claim {
  const claim = record.create({ type: EVENT_RECORD.type });
  claim.setValue({ fieldId: "externalid", value: claimKey(envelope) });
  claim.setValue({ fieldId: f.eventId, value: envelope.eventId });
  claim.setValue({ fieldId: f.account, value: envelope.accountId });
  claim.setValue({ fieldId: f.customer, value: customerId });
  claim.setValue({ fieldId: f.type, value: envelope.type });
  claim.setValue({ fieldId: f.status, value: "applying" });
  claim.setValue({ fieldId: f.claimed, value: now });
  claim.setValue({ fieldId: f.attempts, value: 1 });
  try {
    return { state: "claimed", id: String(claim.save({ ignoreMandatoryFields: true })) };
  } catch (e) {
    const existing = existingClaim(envelope, now);
    // No claim of that external ID: the save failed for another reason, which the caller reports.
    if (existing === undefined) throw e;
    return existing;
  }
}

/**
 * The claim another delivery made: applied; being applied; failed or abandoned (then taken over); or
 * none.
 */
function existingClaim(envelope: Envelope, now: Date): Claim | undefined {
  const [row] = search
    .create({
      type: EVENT_RECORD.type,
      filters: [["externalid", "anyof", claimKey(envelope)]],
      columns: [search.createColumn({ name: "internalid" })],
    })
    .run()
    .getRange({ start: 0, end: 1 });
  // None: our save failed for another reason — or the claim was deleted (by hand, or by the purge)
  // between our save and the search; either way the caller answers retry and Stripe's next attempt
  // claims it.
  if (row === undefined) return undefined;
  const claim = record.load({ type: EVENT_RECORD.type, id: row.id });
  const status = claim.getValue({ fieldId: f.status });
  if (status === "applied") return { state: "applied" };
  if (status !== "failed") {
    const claimed = claim.getValue({ fieldId: f.claimed }) as Date | null;
    // No claim time (cleared by hand): as good as expired.
    const since = typeof claimed?.getTime === "function" ? now.getTime() - claimed.getTime() : Infinity;
    if (since < CLAIM_EXPIRES_MS) return { state: "busy" };
  }
  claim.setValue({ fieldId: f.status, value: "applying" });
  claim.setValue({ fieldId: f.claimed, value: now });
  claim.setValue({ fieldId: f.attempts, value: attemptsOf(claim.getValue({ fieldId: f.attempts })) + 1 });
  try {
    claim.save({ ignoreMandatoryFields: true });
  } catch (e) {
    // Another delivery took it over first (its save changed the record after our load): NetSuite's
    // optimistic locking error, which public SuiteScript code retries on by this name.
    if (errorName(e) === "RCRD_HAS_BEEN_CHANGED") return { state: "busy" };
    throw e;
  }
  return { state: "claimed", id: String(row.id) };
}

/** Marks the claim applied, with what applying did: every later delivery of the event is ignored. */
export function completeClaim(id: string, message: string): void {
  record.submitFields({
    type: EVENT_RECORD.type,
    id,
    values: { [f.status]: "applied", [f.message]: message.slice(0, 3900) },
    options: { enableSourcing: false, ignoreMandatoryFields: true },
  });
}

/**
 * Marks the claim failed, with why: Stripe's retry of the event takes it over at once, and until then
 * the page shows the event as retried. Not attacker-provokable: only a verified delivery holds a claim.
 */
export function failClaim(id: string, message: string): void {
  record.submitFields({
    type: EVENT_RECORD.type,
    id,
    values: { [f.status]: "failed", [f.message]: message.slice(0, 3900) },
    options: { enableSourcing: false, ignoreMandatoryFields: true },
  });
}

/** A claim's attempt count; a claim made before the count existed (blank) had at least one. */
function attemptsOf(value: unknown): number {
  const n = Number(value);
  return Number.isSafeInteger(n) && n >= 1 ? n : 1;
}
