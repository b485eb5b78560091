/**
 * The webhook Suitelet, reached straight at its external URL (bypassing the proxy): the URL's token
 * (`ns-at`, `compid`) missing, wrong or borrowed, which the NetSuite emulator refuses; and, with the
 * right token, bodies that break the forwarding contract (version 2, `{ v, account, payload,
 * signature }`, or version 1 with its envelope): junk, extra fields, a payload altered after signing,
 * another account's secret or record, a GET. Each is refused with nothing changed.
 */

import { describe, expect, it } from "vitest";
import {
  buildEnvelopeOf,
  c1,
  count,
  eventBody,
  flipLast,
  forwardRequest,
  post,
  resultOf,
  secretsInLogs,
  sign,
  target1,
  toSuitelet,
  unchanged,
  useSecuritySystem,
} from "./system.js";

useSecuritySystem();

describe("token guessing", () => {
  const ext = () => new URL(target1.url);
  const nsAt = () => ext().searchParams.get("ns-at") ?? "";
  const withParams = (change: (p: URLSearchParams) => void) => {
    const u = ext();
    change(u.searchParams);
    return u.href;
  };
  const portalNsAt = () => new URL(c1.portalUrl).searchParams.get("ns-at") ?? "";
  const urlCases: [string, () => string][] = [
    ["without ns-at", () => withParams((p) => p.delete("ns-at"))],
    ["with an empty ns-at", () => withParams((p) => p.set("ns-at", ""))],
    ["with a wrong ns-at of the same length", () => withParams((p) => p.set("ns-at", flipLast(nsAt())))],
    ["with ns-at upper-cased", () => withParams((p) => p.set("ns-at", nsAt().toUpperCase()))],
    ["with the portal Suitelet's ns-at", () => withParams((p) => p.set("ns-at", portalNsAt()))],
    [
      "with a wrong h (the older token parameter)",
      () =>
        withParams((p) => {
          p.delete("ns-at");
          p.set("h", flipLast(nsAt()));
        }),
    ],
    ["without compid", () => withParams((p) => p.delete("compid"))],
    ["with another compid", () => withParams((p) => p.set("compid", "TSTDRV0000000"))],
  ];
  it.each(urlCases)(
    "webhook Suitelet's external URL %s: the NetSuite emulator refuses",
    async (_name, make) => {
      count("token guessing");
      const body = eventBody();
      const url = make();
      expect(url).not.toBe(target1.url);
      const res = await unchanged(() =>
        toSuitelet(
          forwardRequest(body, sign(body, target1.secret), target1.account),
          "application/json",
          url,
        ),
      );
      expect(res.status).toBe(403);
      expect(res.text).not.toContain('"result"');
    },
  );
});

describe("the webhook Suitelet's contract", () => {
  const junk: [string, () => string][] = [
    ["an empty body", () => ""],
    ["null", () => "null"],
    ["an array", () => "[]"],
    ["an empty object", () => "{}"],
    ["version 2", () => '{"v":2}'],
    ["plain text", () => "hello NetSuite"],
    ["a Stripe event instead of a ForwardRequest", () => eventBody()],
    [
      "a ForwardRequest with an extra field",
      () => {
        const body = eventBody();
        return forwardRequest(body, sign(body, target1.secret), target1.account).replace(
          /}$/,
          ',"admin":true}',
        );
      },
    ],
    [
      "a version 2 request with an extra field",
      () => {
        const body = eventBody();
        return JSON.stringify({
          v: 2,
          account: target1.account,
          payload: body,
          signature: sign(body, target1.secret),
          envelope: buildEnvelopeOf(body),
        });
      },
    ],
    [
      "a version 2 request whose payload was altered after signing",
      () => {
        const body = eventBody();
        const signature = sign(body, target1.secret);
        return JSON.stringify({
          v: 2,
          account: target1.account,
          payload: body.replace("cus_", "cus_X"),
          signature,
        });
      },
    ],
    [
      "a version 2 request signed with another account's secret",
      () => {
        const body = eventBody();
        return JSON.stringify({
          v: 2,
          account: target1.account,
          payload: body,
          signature: sign(body, "whsec_notTheAccounts"),
        });
      },
    ],
    [
      "a version 2 request naming an account record that is not the sync's",
      () => {
        const body = eventBody();
        return JSON.stringify({
          v: 2,
          account: "99999",
          payload: body,
          signature: sign(body, target1.secret),
        });
      },
    ],
    [
      "a ForwardRequest whose payload is not JSON",
      () =>
        JSON.stringify({
          v: 1,
          envelope: buildEnvelopeOf(eventBody()),
          payload: "not json",
          signature: "t=1,v1=00",
        }),
    ],
  ];
  it.each(junk)(
    "webhook Suitelet with the right token but %s: refused by the contract",
    async (_name, make) => {
      count("contract");
      const res = await unchanged(() => toSuitelet(make()));
      expect(res.status).toBe(200);
      expect(resultOf(res)).toBe("refused");
    },
  );

  it("webhook Suitelet with the right token, but GET: refused", async () => {
    count("contract");
    const res = await unchanged(() => post(target1.url, undefined, {}, "GET"));
    expect(resultOf(res)).toBe("refused");
  });
});

secretsInLogs();
