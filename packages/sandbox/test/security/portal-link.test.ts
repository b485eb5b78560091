/**
 * The customer portal link: the portal Suitelet visited with guessed tokens (random ones, near misses of
 * the real one, other IDs, injections of SQL, LIKE wildcards, script and templates, a POST). Each gets
 * the same "not valid" page, no redirect and no Stripe billing portal session, and shows neither the
 * customer's Stripe ID nor the real token; a near miss takes about as long as a random guess.
 */
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  c1,
  c2,
  count,
  flipLast,
  portalSessions,
  post,
  secretsInLogs,
  unchanged,
  useSecuritySystem,
} from "./system.js";

const INVALID_PAGE = "This link is not valid. Please ask us for a new one.";

useSecuritySystem();

describe("token guessing", () => {
  const visitWith = (t: string | undefined, method = "GET") => {
    const url = new URL(c1.portalUrl);
    if (t === undefined) url.searchParams.delete("t");
    else url.searchParams.set("t", t);
    return post(
      url.href,
      method === "POST" ? "t=x" : undefined,
      method === "POST"
        ? {
            "Content-Type": "application/x-www-form-urlencoded",
          }
        : {},
      method,
    );
  };
  const hex = () => randomBytes(32).toString("hex");
  const portalCases: [string, () => string | undefined, string?][] = [
    ["a random token", hex],
    ["another random token", hex],
    ["a third random token", hex],
    ["the real token with its last digit changed", () => flipLast(c1.token)],
    [
      "the real token with its first digit changed",
      () => `${c1.token.startsWith("0") ? "1" : "0"}${c1.token.slice(1)}`,
    ],
    ["the real token's first 63 digits", () => c1.token.slice(0, 63)],
    ["the real token's first 32 digits", () => c1.token.slice(0, 32)],
    ["the real token's last 63 digits", () => c1.token.slice(1)],
    ["the real token and one more digit", () => `${c1.token}0`],
    ["the real token twice", () => c1.token.repeat(2)],
    ["the real token upper-cased", () => c1.token.toUpperCase()],
    ["the real token with one letter upper-cased", () => c1.token.replace(/[a-f]/, (m) => m.toUpperCase())],
    ["the customer's internal ID", () => String(c1.id)],
    ["the Stripe customer ID", () => c1.stripeId],
    ["the other customer's token with its last digit changed", () => flipLast(c2.token)],
    ["empty", () => ""],
    ["missing", () => undefined],
    ["very long (10 000 characters)", () => "a".repeat(10_000)],
    ["SQL injection", () => "' OR '1'='1"],
    ["SQL injection with a comment", () => `${"0".repeat(60)}' --`],
    [
      "SQL UNION",
      () => "1' UNION SELECT custrecord_nss_link_portal_token FROM customrecord_nss_customer_link --",
    ],
    ["a LIKE wildcard", () => "%"],
    ["64 LIKE wildcards", () => "_".repeat(64)],
    ["script injection", () => "<script>alert(1)</script>"],
    ["template injection", () => ["$", "{7*7}{{7*7}}<%= 7*7 %>"].join("")],
    ["a JSON object", () => '{"$ne":null}'],
    ["the real token and a NUL byte", () => `${c1.token}\u0000`],
    ["the real token and a newline", () => `${c1.token}\n${hex()}`],
    ["the real token POSTed (the link is GET only)", () => c1.token, "POST"],
  ];
  it.each(portalCases)("portal Suitelet: %s", async (_name, make, method = "GET") => {
    count("token guessing");
    const t = make();
    const res = await unchanged(() => visitWith(t, method));
    expect(res.status).toBe(200);
    expect(res.location).toBeNull();
    expect(res.text).toContain(INVALID_PAGE);
    expect(res.text).not.toContain(c1.stripeId);
    expect(res.text).not.toContain(c1.token);
  });

  it("portal Suitelet: a near miss of the real token takes about as long as a random guess", async () => {
    count("token guessing");
    const time = async (t: () => string) => {
      const ms: number[] = [];
      for (let i = 0; i < 7; i++) {
        const started = performance.now();
        await visitWith(t());
        ms.push(performance.now() - started);
      }
      return ms.sort((a, b) => a - b)[3] ?? 0;
    };
    const before = portalSessions();
    const random = await time(hex);
    const nearMiss = await time(() => flipLast(c1.token));
    expect(portalSessions()).toBe(before);
    console.log(
      `security: portal timing, median of 7 — random ${random.toFixed(1)} ms, near miss ${nearMiss.toFixed(1)} ms`,
    );
    // Lenient on purpose: the suite shares the machine with other tests; a real leak would be a
    // systematic difference (a second search, a Stripe call), many times the noise.
    expect(Math.abs(random - nearMiss)).toBeLessThan(Math.max(40, Math.min(random, nearMiss)));
  });
});

secretsInLogs();
