/**
 * Stripe's webhook signature, checked by the proxy and again by the webhook Suitelet: forged events
 * (a wrong or missing signature, another body, the legacy v0 scheme, another account's secret, an
 * envelope that does not describe the signed payload, an account record that is not the sync's) and
 * replays (timestamps outside the 300 s tolerance, the same event delivered four times). Each is refused
 * or ignored with nothing changed downstream; the genuine path is in controls.test.ts.
 */
import { randomBytes } from "node:crypto";
import type { Envelope } from "@nss/core";
import { describe, expect, it } from "vitest";
import {
  type Answer,
  baseEvent2,
  buildEnvelopeOf,
  c2,
  codeOf,
  count,
  eventBody,
  forwardRequest,
  nowS,
  ppUrl1,
  resultOf,
  sealed,
  secretsInLogs,
  sign,
  state,
  sys,
  target1,
  target2,
  toProxy,
  toSuitelet,
  unchanged,
  useSecuritySystem,
} from "./system.js";

useSecuritySystem();

describe("forged webhooks", () => {
  const other = `whsec_${randomBytes(24).toString("base64url")}`;
  const cases: [
    string,
    () => Promise<Answer>,
    { status: number; code?: string; result?: string; why?: RegExp },
  ][] = [
    [
      "signed with a wrong secret",
      () => {
        const body = eventBody();
        return toProxy(ppUrl1, body, sign(body, other));
      },
      { status: 400, code: "signature_invalid" },
    ],
    [
      "no Stripe-Signature header",
      () => toProxy(ppUrl1, eventBody()),
      { status: 400, code: "signature_missing" },
    ],
    [
      "an empty Stripe-Signature header",
      () => toProxy(ppUrl1, eventBody(), ""),
      { status: 400, code: "signature_missing" },
    ],
    [
      "a signature over another body",
      () => toProxy(ppUrl1, eventBody(), sign(eventBody(), target1.secret)),
      { status: 400, code: "signature_invalid" },
    ],
    [
      "a v0-only header (the legacy scheme, right secret)",
      () => {
        const body = eventBody();
        return toProxy(ppUrl1, body, sign(body, target1.secret).replace("v1=", "v0="));
      },
      { status: 400, code: "signature_invalid" },
    ],
    [
      "a v1 signature made with account 2's secret, at account 1's pp_url",
      () => {
        const body = eventBody();
        return toProxy(ppUrl1, body, sign(body, target2.secret));
      },
      { status: 400, code: "signature_invalid" },
    ],
    [
      "an event of account 2's customer, signed with account 1's secret (at the proxy)",
      () => {
        const body = eventBody(baseEvent2);
        return toProxy(ppUrl1, body, sign(body, target1.secret));
      },
      // Genuinely signed, so the proxy forwards it; NetSuite applies nothing: no link of account 1 has it.
      { status: 200, result: "ignored" },
    ],
    [
      "straight to the Suitelet: envelope naming another customer than the signed payload",
      () => {
        const body = eventBody();
        return toSuitelet(
          forwardRequest(body, sign(body, target1.secret), target1.account, {
            customer: { ...(buildEnvelopeOf(body).customer ?? {}), id: c2.stripeId } as Envelope["customer"],
          }),
        );
      },
      { status: 200, result: "refused", why: /does not describe the event in the payload/ },
    ],
    [
      "straight to the Suitelet: envelope with another event ID than the signed payload",
      () => {
        const body = eventBody();
        return toSuitelet(
          forwardRequest(body, sign(body, target1.secret), target1.account, { eventId: "evt_other" }),
        );
      },
      { status: 200, result: "refused", why: /does not describe the event in the payload/ },
    ],
    [
      "straight to the Suitelet: envelope naming account 2, signed with account 1's secret",
      () => {
        const body = eventBody(baseEvent2);
        return toSuitelet(forwardRequest(body, sign(body, target1.secret), target2.account));
      },
      { status: 200, result: "refused", why: /No signature in the Stripe-Signature header matches/ },
    ],
    [
      "straight to the Suitelet: signed with a wrong secret",
      () => {
        const body = eventBody();
        return toSuitelet(forwardRequest(body, sign(body, other), target1.account));
      },
      { status: 200, result: "refused", why: /No signature in the Stripe-Signature header matches/ },
    ],
    [
      "straight to the Suitelet: a v0-only signature",
      () => {
        const body = eventBody();
        return toSuitelet(
          forwardRequest(body, sign(body, target1.secret).replace("v1=", "v0="), target1.account),
        );
      },
      { status: 200, result: "refused", why: /has no v1 signature/ },
    ],
    [
      "a valid signature and seal, but an unknown account record ID (999)",
      () => {
        const body = eventBody();
        return toProxy(sealed({ ...target1, account: "999" }), body, sign(body, target1.secret));
      },
      { status: 400, code: "netsuite_refused" },
    ],
    [
      "a valid signature and seal, but an account record ID that is not a number",
      () => {
        const body = eventBody();
        return toProxy(sealed({ ...target1, account: "1 OR 1=1" }), body, sign(body, target1.secret));
      },
      { status: 400, code: "netsuite_refused" },
    ],
    [
      "straight to the Suitelet: a valid signature, unknown account record ID",
      () => {
        const body = eventBody();
        return toSuitelet(forwardRequest(body, sign(body, target1.secret), "4242"));
      },
      { status: 200, result: "refused", why: /Stripe account record 4242 is not an active account/ },
    ],
  ];
  it.each(cases)("%s", async (_name, attack, expected) => {
    count("webhook forgery");
    const forwarded = expected.code === "netsuite_refused" || expected.result === "ignored" ? 1 : 0;
    const res = await unchanged(attack, { forwarded });
    expect(res.status).toBe(expected.status);
    if (expected.code) expect(codeOf(res)).toBe(expected.code);
    if (expected.result && res.status === 200 && expected.code === undefined) {
      // Through the proxy: `{ received, result }`; straight at the Suitelet: `{ result, message }`.
      expect(resultOf(res)).toBe(expected.result);
    }
    if (expected.why) expect((JSON.parse(res.text) as { message: string }).message).toMatch(expected.why);
  });
});

describe("replayed webhooks", () => {
  const cases: [
    string,
    () => Promise<Answer>,
    { status: number; code?: string; result?: string; why?: RegExp },
  ][] = [
    [
      "at the proxy: a timestamp 301 s old",
      () => {
        const body = eventBody();
        return toProxy(ppUrl1, body, sign(body, target1.secret, nowS() - 301));
      },
      { status: 400, code: "signature_expired" },
    ],
    [
      "at the proxy: a timestamp a day old",
      () => {
        const body = eventBody();
        return toProxy(ppUrl1, body, sign(body, target1.secret, nowS() - 86_400));
      },
      { status: 400, code: "signature_expired" },
    ],
    [
      "at the proxy: a timestamp 10 minutes in the future",
      () => {
        const body = eventBody();
        return toProxy(ppUrl1, body, sign(body, target1.secret, nowS() + 600));
      },
      { status: 400, code: "signature_expired" },
    ],
    [
      "straight to the Suitelet: a timestamp 301 s old",
      () => {
        const body = eventBody();
        return toSuitelet(forwardRequest(body, sign(body, target1.secret, nowS() - 301), target1.account));
      },
      { status: 200, result: "refused", why: /more than 300 s from now/ },
    ],
    [
      "straight to the Suitelet: a timestamp 10 minutes in the future",
      () => {
        const body = eventBody();
        return toSuitelet(forwardRequest(body, sign(body, target1.secret, nowS() + 600), target1.account));
      },
      { status: 200, result: "refused", why: /more than 300 s from now/ },
    ],
  ];
  it.each(cases)("%s", async (_name, attack, expected) => {
    count("replay");
    const res = await unchanged(attack);
    expect(res.status).toBe(expected.status);
    if (expected.code) expect(codeOf(res)).toBe(expected.code);
    if (expected.result) expect(resultOf(res)).toBe(expected.result);
    if (expected.why) expect((JSON.parse(res.text) as { message: string }).message).toMatch(expected.why);
  });

  it("the same event delivered four times (three through the proxy, once straight to the Suitelet) is applied once", async () => {
    count("replay");
    const body = eventBody();
    const eventId = (JSON.parse(body) as { id: string }).id;
    const first = await toProxy(ppUrl1, body, sign(body, target1.secret));
    expect(JSON.parse(first.text)).toMatchObject({ result: "applied" });
    const after = state();
    for (const t of [nowS(), nowS() - 5]) {
      const again = await unchanged(() => toProxy(ppUrl1, body, sign(body, target1.secret, t)), {
        forwarded: 1,
      });
      expect(again.status).toBe(200);
      expect(JSON.parse(again.text)).toMatchObject({ result: "ignored" });
    }
    // Straight at the Suitelet too.
    const direct = await unchanged(() =>
      toSuitelet(forwardRequest(body, sign(body, target1.secret), target1.account)),
    );
    expect(resultOf(direct)).toBe("ignored");
    expect(state()).toBe(after);
    const outcomes = sys.proxyLogs
      .map((l) => JSON.parse(l) as { eventId?: string; outcome?: string })
      .filter((l) => l.eventId === eventId)
      .map((l) => l.outcome);
    expect(outcomes).toEqual(["applied", "ignored", "ignored"]);
  });
});

secretsInLogs();
