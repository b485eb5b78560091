import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  describeIssues,
  describeIssuesForRecord,
  issueCodeOf,
  parseStoredIssues,
  STORED_ISSUES_MAX_LENGTH,
  type SyncIssue,
  storedIssueMarker,
} from "../src/result.js";

const email: SyncIssue = {
  code: "MAPPING_INVALID_EMAIL",
  message: 'Customer 107 has an invalid email "ada@" (column email of customsearch_nss_sync).',
  fix: "Correct the email on customer 107.",
};
const ambiguous: SyncIssue = {
  code: "LOOKUP_AMBIGUOUS",
  message: "Several Stripe customers have the email ada@example.com: cus_1, cus_2.",
  fix: "Merge or delete the extra Stripe customers, or put the right Stripe ID on customer 107.",
};
const parsed = (i: SyncIssue) => ({ message: i.message, fix: i.fix, code: i.code });

describe("a customer's stored last error", () => {
  it("writes each issue as `<message> Fix: <fix> [<CODE>]`, one a line", () => {
    expect(describeIssuesForRecord([email, ambiguous])).toBe(
      `${email.message} Fix: ${email.fix} [MAPPING_INVALID_EMAIL]\n${ambiguous.message} Fix: ${ambiguous.fix} [LOOKUP_AMBIGUOUS]`,
    );
    expect(describeIssuesForRecord([])).toBe("");
    // describeIssues, for error messages, is unchanged.
    expect(describeIssues([email])).toBe(`${email.message} ${email.fix}`);
  });

  it("reads back message, fix and code: one issue and several", () => {
    expect(parseStoredIssues(describeIssuesForRecord([email]))).toEqual([parsed(email)]);
    expect(parseStoredIssues(describeIssuesForRecord([email, ambiguous, email]))).toEqual([
      parsed(email),
      parsed(ambiguous),
      parsed(email),
    ]);
    expect(parseStoredIssues("")).toEqual([]);
  });

  it("reads back a message holding brackets, a code-like tail or 'Fix:'", () => {
    const tricky: SyncIssue = {
      code: "STRIPE_INVALID_REQUEST",
      message: "Stripe refused [email] of customer 7: Fix: this [NOT_A_CODE] Fix: now [X]",
      fix: "Correct the email [on the customer] and sync again.",
    };
    expect(parseStoredIssues(describeIssuesForRecord([tricky, email]))).toEqual([
      parsed(tricky),
      parsed(email),
    ]);
  });

  it("puts a message's line breaks on one line, and an empty fix or odd code still reads back", () => {
    const stored = describeIssuesForRecord([
      { code: "NETSUITE_ERROR", message: "NetSuite said:\r\n  no.\nReally.", fix: "" },
      { code: "weird-code!", message: "m", fix: "f" },
    ]);
    expect(stored.split("\n")).toHaveLength(2);
    expect(parseStoredIssues(stored)).toEqual([
      { message: "NetSuite said: no. Really.", fix: "", code: "NETSUITE_ERROR" },
      { message: "m", fix: "f", code: "weird_code_" },
    ]);
  });

  it("reads text in the old format (or no format) as messages without a code", () => {
    expect(parseStoredIssues("Customer 7 has no email. Fill email on customer 7.\nsecond line")).toEqual([
      { message: "Customer 7 has no email. Fill email on customer 7.", fix: "", code: "" },
      { message: "second line", fix: "", code: "" },
    ]);
  });

  it("keeps within the field: whole issues while they fit, then how many were left out", () => {
    const many = Array.from({ length: 40 }, (_, i) => ({
      ...ambiguous,
      message: `${ambiguous.message} #${i}`,
    }));
    const stored = describeIssuesForRecord(many);
    expect(stored.length).toBeLessThanOrEqual(STORED_ISSUES_MAX_LENGTH);
    const back = parseStoredIssues(stored);
    const last = back.at(-1);
    expect(last?.code).toBe("");
    expect(last?.message).toMatch(/^…and \d+ more issues\.$/);
    const whole = back.slice(0, -1);
    expect(whole.length + Number(/(\d+)/.exec(last?.message ?? "")?.[1])).toBe(40);
    expect(whole).toEqual(many.slice(0, whole.length).map(parsed));
    // One issue longer than the field: its message is shortened, its fix and code kept.
    const long = { ...email, message: "x".repeat(5000) };
    const one = describeIssuesForRecord([long], 200);
    expect(one.length).toBeLessThanOrEqual(200);
    expect(parseStoredIssues(one)).toEqual([
      { message: expect.stringMatching(/^x+…$/), fix: email.fix, code: email.code },
    ]);
  });

  it("round-trips any one-line message and fix (a fix without ' Fix: ')", () => {
    const oneLine = fc.string({ maxLength: 80 }).map((s) => s.replace(/\s+/g, " ").trim());
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            code: fc.constantFrom("MAPPING_INVALID_EMAIL", "LOOKUP_AMBIGUOUS", "NETSUITE_ERROR"),
            message: oneLine,
            fix: oneLine.filter((s) => !` ${s} `.includes(" Fix: ")),
          }),
          { maxLength: 5 },
        ),
        (issues) => {
          expect(parseStoredIssues(describeIssuesForRecord(issues))).toEqual(
            issues.map((i) => ({ message: i.message, fix: i.fix, code: i.code })),
          );
        },
      ),
    );
  });

  it("gives the filter's marker for a code, and reads a typed code", () => {
    expect(storedIssueMarker("LOOKUP_AMBIGUOUS")).toBe("[LOOKUP_AMBIGUOUS]");
    expect(describeIssuesForRecord([ambiguous])).toContain(storedIssueMarker("LOOKUP_AMBIGUOUS"));
    expect(issueCodeOf(" lookup_ambiguous ")).toBe("LOOKUP_AMBIGUOUS");
    expect(issueCodeOf("")).toBe("");
    expect(issueCodeOf("[X] or 1=1")).toBe("");
    expect(issueCodeOf("9LIVES")).toBe("");
  });
});
