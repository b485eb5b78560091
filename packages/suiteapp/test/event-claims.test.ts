/**
 * Each Stripe event applied at most once, and never an older read over a newer one, end to end: real
 * Stripe events (from the Stripe emulator's `GET /v1/events`), signed with the account's stored signing
 * secret and forwarded as the proxy forwards them, POSTed to the webhook Suitelet in the NetSuite
 * emulator at chosen moments. The endpoint is disabled after it is created, so Stripe's own deliveries
 * do not interfere. A `delay` fault with phase `after` holds the Suitelet's refetch answer after Stripe
 * read the customer: that is how a delivery is caught in the middle.
 */

import { buildEnvelope, buildForwardRequest, serializeForwardRequest } from "@nss/core";
import type { NetSuiteEmulator } from "@nss/netsuite-emulator";
import {
  CUSTOMER_FIELDS,
  EVENT_RECORD,
  SCRIPTS,
  STRIPE_ACCOUNT_RECORD,
  SYNC_LOG_RECORD,
} from "@nss/suiteapp/ids";
import { customer, saveCustomer } from "@nss/suiteapp/system";
import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWebhookSystem, type WebhookSystem } from "./helpers/suiteapp.js";

const KEY = `sk_test_nssClaims${Date.now()}`;
const EVENTS = EVENT_RECORD.type;

let system: WebhookSystem;
let stripe: Stripe;
let ns: NetSuiteEmulator;
let customerId: number;
let stripeId: string;
let cards: string[];

interface Answer {
  result: string;
  message: string;
}

const account = () => {
  const [row] = ns.data.listRecords(STRIPE_ACCOUNT_RECORD.type);
  if (!row) throw new Error("no Stripe account record");
  return { id: String(row.id), secret: String(row.values[STRIPE_ACCOUNT_RECORD.webhook.secret]) };
};

/** Sets the customer's default card in Stripe; returns the forwarded request of the event it made. */
async function setDefault(pm: string): Promise<{ eventId: string; body: string }> {
  await stripe.customers.update(stripeId, { invoice_settings: { default_payment_method: pm } });
  const [event] = (await stripe.events.list({ type: "customer.updated", limit: 1 })).data;
  if (!event) throw new Error("no customer.updated event");
  return { eventId: event.id, body: forwarded(event) };
}

/** The event as the proxy forwards it: signed with the account's signing secret, in core's envelope. */
function forwarded(event: Stripe.Event): string {
  const payload = JSON.stringify(event);
  const { id, secret } = account();
  const envelope = buildEnvelope(JSON.parse(payload), { accountId: id });
  if (!envelope.ok) throw new Error(JSON.stringify(envelope.errors));
  const signature = stripe.webhooks.generateTestHeaderString({ payload, secret });
  const request = buildForwardRequest({ envelope: envelope.value, payload, signature });
  if (!request.ok) throw new Error(JSON.stringify(request.errors));
  return serializeForwardRequest(request.value);
}

const deliver = async (body: string): Promise<Answer> =>
  JSON.parse(
    (
      await ns.invokeSuitelet(SCRIPTS.webhookSuitelet.scriptId, SCRIPTS.webhookSuitelet.deploymentId, {
        method: "POST",
        body,
      })
    ).body,
  ) as Answer;

/** Holds the answer of the Suitelet's next refetch of the customer `ms` after Stripe read it. */
const holdNextRefetch = (ms: number) =>
  system.admin("faults", {
    body: {
      kind: "delay",
      phase: "after",
      delayMs: ms,
      method: "GET",
      pathPrefix: `/v1/customers/${stripeId}`,
    },
  });

/** Resolves once the held refetch has been read by Stripe (the fault is used up). */
async function refetchRead(): Promise<void> {
  await expect
    .poll(() => system.stripeEmulator.faults.pending().length, { timeout: 5000, interval: 5 })
    .toBe(0);
}

/** The units the webhook Suitelet's last run used (from its log line). */
const lastUnits = (): number => {
  const entry = ns.log.list({ scriptId: SCRIPTS.webhookSuitelet.scriptId }).at(-1);
  return Number(/units used: (\d+)/.exec(String(entry?.details))?.[1]);
};

const eventRecords = () =>
  ns.data.listRecords(EVENTS).map((r) => ({
    externalid: r.values.externalid,
    status: r.values[EVENT_RECORD.fields.status],
    event: r.values[EVENT_RECORD.fields.eventId],
    attempts: r.values[EVENT_RECORD.fields.attempts],
  }));

beforeAll(async () => {
  system = await startWebhookSystem(KEY);
  ({ stripe, ns } = system);
  await system.setWebhook(true);
  await system.setWebhook(false);
  customerId = await saveCustomer(ns, { companyname: "Claims Ltd", email: "claims@example.com" });
  stripeId = String(customer(ns, customerId)[CUSTOMER_FIELDS.stripeCustomerId]);
  cards = [];
  for (const token of ["pm_card_visa", "pm_card_mastercard", "pm_card_amex"]) {
    cards.push((await stripe.paymentMethods.attach(token, { customer: stripeId })).id);
  }
});

afterAll(() => system?.close());

describe("each Stripe event is applied at most once", () => {
  it("two deliveries of one event at the same moment: one applies it, the other is told to retry, later copies are ignored", async () => {
    const { eventId, body } = await setDefault(cards[0] as string);
    await holdNextRefetch(500);
    const [first, second] = await Promise.all([deliver(body), refetchRead().then(() => deliver(body))]);
    expect(first).toMatchObject({ result: "applied" });
    expect(first?.message).toMatch(/^Customer \d+: Refreshed: Visa •••• 4242/);
    expect(second).toEqual({
      result: "retry",
      message: `Event ${eventId} is being applied by another delivery right now.`,
    });
    // Stripe's retry of the second copy, and any later duplicate.
    expect(await deliver(body)).toEqual({
      result: "ignored",
      message: `Event ${eventId} was already applied.`,
    });
    expect(eventRecords()).toEqual([
      { externalid: `${account().id}:${eventId}`, status: "applied", event: eventId, attempts: 1 },
    ]);
    expect(customer(ns, customerId)[CUSTOMER_FIELDS.defaultPaymentMethodId]).toBe(cards[0]);
  });

  it("a late older event applies the current state (nothing to write); a repeat is ignored; each within its units", async () => {
    const older = await setDefault(cards[1] as string);
    const newer = await setDefault(cards[2] as string);
    expect(await deliver(newer.body)).toMatchObject({ result: "applied" });
    const written = lastUnits();
    // Stripe's events come late and out of order: the older one reads Stripe's current state, which
    // NetSuite shows already.
    expect(await deliver(older.body)).toMatchObject({
      result: "applied",
      message: expect.stringContaining("Unchanged"),
    });
    const unchanged = lastUnits();
    expect(await deliver(older.body)).toEqual({
      result: "ignored",
      message: `Event ${older.eventId} was already applied.`,
    });
    const repeat = lastUnits();
    console.log(
      `webhook units: an event applied and written ${written}; one that changes nothing ${unchanged}; a repeat ${repeat}`,
    );
    expect(written).toBeLessThanOrEqual(40);
    expect(unchanged).toBeLessThanOrEqual(30);
    expect([written, unchanged, repeat]).toEqual([35, 25, 20]);
    expect(customer(ns, customerId)[CUSTOMER_FIELDS.defaultPaymentMethodId]).toBe(cards[2]);
  });

  it("a delivery that fails marks its claim failed, with why; Stripe's retry takes it over at once and applies the event", async () => {
    const { eventId, body } = await setDefault(cards[0] as string);
    await system.admin("faults", {
      body: { kind: "500", count: 3, method: "GET", pathPrefix: `/v1/customers/${stripeId}` },
    });
    const failed = await deliver(body);
    expect(failed).toMatchObject({ result: "retry" });
    const claimOf = () => eventRecords().filter((r) => r.event === eventId);
    expect(claimOf()).toEqual([
      { externalid: `${account().id}:${eventId}`, status: "failed", event: eventId, attempts: 1 },
    ]);
    // The claim says why, as the answer did.
    const record = ns.data.listRecords(EVENTS).find((r) => r.values[EVENT_RECORD.fields.eventId] === eventId);
    expect(record?.values[EVENT_RECORD.fields.message]).toBe(failed.message);
    expect(failed.message).toMatch(/STRIPE_UNAVAILABLE|HTTP 500/);
    // Seconds later, far inside the 5 minutes an applying claim holds: a failed one is taken over.
    expect(await deliver(body)).toMatchObject({ result: "applied" });
    expect(claimOf()).toEqual([
      { externalid: `${account().id}:${eventId}`, status: "applied", event: eventId, attempts: 2 },
    ]);
    expect(customer(ns, customerId)[CUSTOMER_FIELDS.defaultPaymentMethodId]).toBe(cards[0]);
    expect(await deliver(body)).toEqual({
      result: "ignored",
      message: `Event ${eventId} was already applied.`,
    });
  });

  it("a claim left applying by a delivery that died is taken over after 5 minutes, not before", async () => {
    const recent = await setDefault(cards[1] as string);
    const stale = await setDefault(cards[2] as string);
    const claim = (eventId: string, minutesAgo: number) =>
      ns.data.insertRaw(EVENTS, {
        externalid: `${account().id}:${eventId}`,
        [EVENT_RECORD.fields.eventId]: eventId,
        [EVENT_RECORD.fields.status]: "applying",
        [EVENT_RECORD.fields.claimed]: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
      });
    claim(recent.eventId, 1);
    claim(stale.eventId, 6);
    expect(await deliver(recent.body)).toMatchObject({ result: "retry" });
    expect(await deliver(stale.body)).toMatchObject({ result: "applied" });
    // A claim made before the attempt count existed (none recorded) counts as one delivery.
    expect(eventRecords().find((r) => r.event === stale.eventId)).toMatchObject({
      status: "applied",
      attempts: 2,
    });
    expect(customer(ns, customerId)[CUSTOMER_FIELDS.defaultPaymentMethodId]).toBe(cards[2]);
  });
});

describe("events that leave the default payment method alone", () => {
  it("are ignored at once, with no Stripe read and no claim", async () => {
    await stripe.customers.update(stripeId, { name: "Claims Renamed Ltd" });
    const [renamed] = (await stripe.events.list({ type: "customer.updated", limit: 1 })).data;
    const created = await stripe.customers.create({ email: "fresh@example.com" });
    const [born] = (await stripe.events.list({ type: "customer.created", limit: 1 })).data;
    expect(born?.data.object).toMatchObject({ id: created.id });
    const records = eventRecords().length;
    for (const event of [renamed, born]) {
      if (!event) throw new Error("no event");
      expect(await deliver(forwarded(event))).toEqual({
        result: "ignored",
        message: `Event ${event.id} does not change the default payment method.`,
      });
      expect(lastUnits()).toBe(1);
    }
    expect(eventRecords()).toHaveLength(records);
  });
});

describe("an older read of Stripe never overwrites a newer one", () => {
  it("a delivery whose refetch was overtaken by a newer event's starts again and writes Stripe's current state", async () => {
    const first = await setDefault(cards[0] as string);
    await holdNextRefetch(800);
    const slow = deliver(first.body);
    // Stripe has answered the slow delivery's read (Visa), and the answer is on its way.
    await refetchRead();
    const second = await setDefault(cards[1] as string);
    expect(await deliver(second.body)).toMatchObject({ result: "applied" });
    expect(customer(ns, customerId)[CUSTOMER_FIELDS.defaultPaymentMethodId]).toBe(cards[1]);
    // The slow delivery's save finds the customer written since it loaded it: it reads Stripe again.
    const answer = await slow;
    expect(answer).toMatchObject({ result: "applied" });
    expect(answer.message).toMatch(/: Unchanged: Mastercard •••• 4444/);
    expect(customer(ns, customerId)[CUSTOMER_FIELDS.defaultPaymentMethodId]).toBe(cards[1]);
  });
});

describe("the weekly purge of event records (customscript_nss_event_purge_mr)", () => {
  it("deletes the records created more than 30 days ago and keeps the others", async () => {
    const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
    const old = [40, 31].map((n) =>
      ns.data.insertRaw(EVENTS, { [EVENT_RECORD.fields.eventId]: `evt_old${n}`, created: daysAgo(n) }),
    );
    const recent = ns.data.insertRaw(EVENTS, {
      [EVENT_RECORD.fields.eventId]: "evt_recent",
      created: daysAgo(29),
    });
    const before = ns.data.listRecords(EVENTS).length;
    const run = await ns.runScript(SCRIPTS.eventPurge.scriptId, SCRIPTS.eventPurge.deploymentId);
    if (run.type !== "mapreducescript") throw new Error("not a map/reduce run");
    expect(run.summary.mapSummary.errors).toEqual([]);
    const left = ns.data.listRecords(EVENTS).map((r) => r.id);
    expect(left).toHaveLength(before - 2);
    for (const id of old) expect(left).not.toContain(id);
    expect(left).toContain(recent);
    expect(ns.log.list().map((e) => e.details)).toContain(
      "Deleted 2 Stripe event records older than 30 days.",
    );
    // The run's two rows in the sync log, which the Stripe Sync page's Runs subtab reads.
    const S = SYNC_LOG_RECORD.fields;
    const rows = ns.data
      .listRecords(SYNC_LOG_RECORD.type)
      .map((r) => r.values)
      .filter((v) => v[S.kind] === "event_purge");
    expect(rows.map((v) => [v[S.outcome], v[S.toProcess] ?? null, v[S.failed] ?? null])).toEqual([
      ["started", 2, 0],
      ["completed", null, 0],
    ]);
    expect(rows[1]?.[S.started]).toBeTruthy();
  });
});
