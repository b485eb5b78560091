/**
 * The security suite's controls: the genuine path works (a correctly signed event through the proxy is
 * applied, the real portal token opens a Stripe billing portal session, a seal made with the proxy's own
 * key forwards), so each refusal in the suite's other files is the attack's, and the check that an
 * attack changed nothing (`unchanged`) fails when something did change.
 */
import { describe, expect, it } from "vitest";
import {
  c1,
  eventBody,
  portalSessions,
  post,
  ppUrl1,
  sealed,
  secretsInLogs,
  sign,
  target1,
  toProxy,
  unchanged,
  useSecuritySystem,
} from "./system.js";

useSecuritySystem();

describe("controls: the genuine path works, so each refusal in the suite is the attack's", () => {
  it("a correctly signed event through the proxy is applied; the real portal token opens a session", async () => {
    const body = eventBody();
    const res = await toProxy(ppUrl1, body, sign(body, target1.secret));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toMatchObject({ received: true, result: "applied" });
    const before = portalSessions();
    const visit = await post(c1.portalUrl, undefined, {}, "GET");
    expect(visit.status).toBe(302);
    expect(portalSessions()).toBe(before + 1);
  });

  it("a fresh seal made with the proxy's own seal() and key opens and forwards (so the pp_url refusals are the tampering's)", async () => {
    const body = eventBody();
    const res = await toProxy(sealed(target1), body, sign(body, target1.secret));
    expect(JSON.parse(res.text)).toMatchObject({ received: true, result: "applied" });
  });

  it("the no-change check is not vacuous: it fails on a genuine event and on a genuine portal visit", async () => {
    const body = eventBody();
    await expect(unchanged(() => toProxy(ppUrl1, body, sign(body, target1.secret)))).rejects.toThrow();
    await expect(unchanged(() => post(c1.portalUrl, undefined, {}, "GET"))).rejects.toThrow();
  });
});

secretsInLogs();
