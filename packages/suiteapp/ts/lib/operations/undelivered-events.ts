/**
 * The Webhooks subtab's events refused or retried in the last day, per Stripe account, from both sides:
 * - Stripe's: `GET /v1/events?delivery_success=false` lists the events "still pending or [that] have
 *   failed all delivery attempts to a webhook endpoint" (Stripe's API reference). NetSuite cannot keep
 *   this itself: a refused delivery is unauthenticated, and a record per refusal would be a write anyone
 *   could provoke. One GET per account, whatever the number of events (its newest 100 are counted).
 * - NetSuite's: the event claims (event-claims.ts) that a failed delivery left `failed` or that a retry
 *   took over (attempts above 1), which Stripe no longer lists once the retry succeeded.
 * Each shown event says what NetSuite knows of it: its claim's status, attempts and message, looked up
 * with one search for all the accounts' events; the retried claims are one more search.
 */
import * as format from "N/format";
import * as search from "N/search";
import type { FormValue } from "@nss/core";
import { text } from "../records/field-values.js";
import { EVENT_RECORD } from "../records/object-ids.js";
import type { StripeClient } from "../stripe/stripe-client.js";
import { anyOfFilters } from "./ops-context.js";

/** Events shown per Stripe account. */
export const EVENT_ROWS = 10;
/** The list's page: Stripe's largest `limit`. More is said as "100 or more", never paged (a GET each). */
const LIST_LIMIT = 100;
/** Stripe's `types`: "An array of up to 20 strings containing specific event names" (API reference). */
const MAX_TYPES = 20;
export const DAY_MS = 24 * 60 * 60 * 1000;

export const NO_DELIVERY =
  "No delivery reached NetSuite: refused before a claim, e.g. by the proxy's signature check, or not yet delivered.";

interface StripeEvent {
  id: string;
  type?: string;
  created?: number;
}

/** One account's undelivered events as Stripe lists them, or why they could not be read and what to do. */
export type Undelivered = { ok: true; count: string; events: StripeEvent[] } | { ok: false; problem: string };

/**
 * Stripe's events of the last day not yet delivered to every endpoint of the account (one GET). Only
 * the endpoint's own types when it names 20 or fewer and no `*`: another endpoint's events are not ours.
 */
export function readUndelivered(stripe: StripeClient, enabledEvents: string[], now: Date): Undelivered {
  const params: Record<string, FormValue> = {
    delivery_success: false,
    created: { gte: Math.floor((now.getTime() - DAY_MS) / 1000) },
    limit: LIST_LIMIT,
  };
  if (enabledEvents.length > 0 && enabledEvents.length <= MAX_TYPES && !enabledEvents.includes("*")) {
    params.types = enabledEvents;
  }
  const got = stripe.request<{ data?: StripeEvent[]; has_more?: boolean }>("GET", "/v1/events", params);
  if (!got.ok) return { ok: false, problem: got.errors.map((i) => `${i.message} Fix: ${i.fix}`).join(" ") };
  const data = got.value.data ?? [];
  return {
    ok: true,
    count: got.value.has_more ? `${LIST_LIMIT} or more` : String(data.length),
    events: data.slice(0, EVENT_ROWS),
  };
}

/** An event claim as the table needs it. */
export interface ClaimRow {
  account: string;
  eventId: string;
  type: string;
  status: string;
  attempts: number;
  message: string;
  /** When the claim was made: its first delivery that reached NetSuite. */
  created: string;
}

const e = EVENT_RECORD.fields;
const COLUMNS = [e.account, e.eventId, e.type, e.status, e.attempts, e.message, "created"];

function claimSearch(filters: unknown[], count: number): ClaimRow[] {
  return search
    .create({
      type: EVENT_RECORD.type,
      filters,
      columns: [
        search.createColumn({ name: "internalid", sort: search.Sort.DESC }),
        ...COLUMNS.map((name) => search.createColumn({ name })),
      ],
    })
    .run()
    .getRange({ start: 0, end: count })
    .map((r) => {
      const get = (name: string) => text(r.getValue({ name })).trim();
      const attempts = Number(get(e.attempts));
      return {
        account: get(e.account),
        eventId: get(e.eventId),
        type: get(e.type),
        status: get(e.status),
        attempts: Number.isSafeInteger(attempts) && attempts >= 1 ? attempts : 1,
        message: get(e.message),
        created: get("created"),
      };
    });
}

export const claimKey = (account: string, eventId: string): string => `${account}:${eventId}`;

/** The claims of these `<account record ID>:<event ID>` keys (one search; none for no keys). */
export function claimsOf(keys: string[]): Map<string, ClaimRow> {
  if (keys.length === 0) return new Map();
  const rows = claimSearch([["externalid", "anyof", keys]], keys.length);
  return new Map(rows.map((c) => [claimKey(c.account, c.eventId), c]));
}

/** The newest claims of the last day whose delivery failed or was retried (one search). */
export function retriedClaims(now: Date, count: number): ClaimRow[] {
  const since = format.format({ value: new Date(now.getTime() - DAY_MS), type: format.Type.DATETIME });
  return claimSearch(
    [
      [e.claimed, "onorafter", since],
      "AND",
      anyOfFilters([
        [e.status, "is", "failed"],
        [e.attempts, "greaterthan", 1],
      ]),
    ],
    count,
  );
}

const deliveries = (n: number) => (n === 1 ? "1 delivery" : `${n} deliveries, retried`);

/** What NetSuite knows of an event: its claim, or that no delivery reached it. */
export function inNetSuite(claim: ClaimRow | undefined): string {
  if (claim === undefined) return NO_DELIVERY;
  const why = claim.message ? `: ${claim.message}` : "";
  switch (claim.status) {
    case "applied":
      return `Applied (${deliveries(claim.attempts)})${why}`;
    case "failed":
      return `Failed (${deliveries(claim.attempts)})${why}. Stripe delivers it again until it gives up (3 days in live mode).`;
    case "applying":
      return `Being applied (${deliveries(claim.attempts)}).`;
    default:
      return `${claim.status || "No status"} (${deliveries(claim.attempts)})${why}`;
  }
}

/** One row of the table. */
export interface EventRow {
  account: string;
  eventId: string;
  type: string;
  created: string;
  inNetSuite: string;
}

const stripeTime = (seconds: number | undefined): string =>
  seconds === undefined
    ? ""
    : String(format.format({ value: new Date(seconds * 1000), type: format.Type.DATETIME }));

/**
 * Per account (in the accounts' order), up to EVENT_ROWS rows: Stripe's undelivered events newest
 * first, then the account's retried claims Stripe no longer lists, newest first.
 */
export function eventRows(
  accounts: { recordId: string; name: string; undelivered?: Undelivered }[],
  claims: Map<string, ClaimRow>,
  retried: ClaimRow[],
): EventRow[] {
  return accounts.flatMap(({ recordId, name, undelivered }) => {
    const listed = undelivered?.ok ? undelivered.events : [];
    const rows: EventRow[] = listed.map((event) => ({
      account: name,
      eventId: event.id,
      type: event.type ?? "",
      created: stripeTime(event.created),
      inNetSuite: inNetSuite(claims.get(claimKey(recordId, event.id))),
    }));
    const shown = new Set(listed.map((event) => event.id));
    for (const claim of retried) {
      if (claim.account !== recordId || shown.has(claim.eventId)) continue;
      rows.push({
        account: name,
        eventId: claim.eventId,
        type: claim.type,
        created: claim.created,
        inNetSuite: inNetSuite(claim),
      });
    }
    return rows.slice(0, EVENT_ROWS);
  });
}
