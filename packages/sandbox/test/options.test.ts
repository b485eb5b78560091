import { describe, expect, it } from "vitest";
import { bar, createProgress, parseOptions, planPorts } from "../src/index.js";

describe("options", () => {
  it("has defaults and reads every option", () => {
    expect(parseOptions([])).toEqual({
      ok: true,
      options: {
        customers: 300,
        port: 8080,
        stripeKeys: [],
        webhookSecrets: [],
        once: false,
        host: "127.0.0.1",
      },
    });
    const parsed = parseOptions(["--customers", "12", "--port", "9000", "--db", "d", "--once"]);
    expect(parsed).toMatchObject({ ok: true, options: { customers: 12, port: 9000, db: "d", once: true } });
    expect(parseOptions(["--stripe-key", "sk_test_a1", "--stripe-key", "sk_test_b2"])).toMatchObject({
      options: { stripeKeys: ["sk_test_a1", "sk_test_b2"] },
    });
    expect(parseOptions(["--help"])).toEqual({ ok: false, help: true });
  });

  it("refuses what it cannot use, saying why", () => {
    expect(parseOptions(["--customers", "0"])).toEqual({
      ok: false,
      error: "--customers must be a whole number from 1 to 100000",
    });
    expect(parseOptions(["--port", "65533"])).toMatchObject({ ok: false });
    expect(parseOptions(["--stripe-key", "sk_live_abc"])).toEqual({
      ok: false,
      error: "--stripe-key must be a Stripe test-mode secret key (sk_test_…)",
    });
    expect(parseOptions(["--nope"])).toMatchObject({ ok: false, error: expect.stringContaining("--nope") });
  });

  it("puts the servers on the ports after the console's", () => {
    expect(Object.values(planPorts(9000))).toEqual([9000, 9001, 9002, 9003, 9004, 9005, 9006]);
    expect(new Set(Object.values(planPorts(0)))).toEqual(new Set([0]));
  });
});

describe("progress", () => {
  it("draws the bar", () => {
    expect(bar(120, 300, 4.07, "customers")).toBe("[########------------] 120/300 customers · 4.1 s");
  });

  it("redraws one line on a TTY, and writes a line every 10% otherwise", () => {
    let t = 0;
    const tty: string[] = [];
    const p = createProgress(
      { write: (s: string) => tty.push(s), isTTY: true },
      "customers",
      () => (t += 100),
    );
    for (let i = 0; i <= 5; i++) p.update(i, 5);
    p.finish();
    expect(tty.every((s) => s.startsWith("\r") || s === "\n")).toBe(true);
    expect(tty.at(-2)).toContain("5/5 customers");
    const log: string[] = [];
    const q = createProgress({ write: (s: string) => log.push(s), isTTY: false }, "customers");
    for (let i = 0; i <= 300; i++) q.update(i, 300);
    expect(log).toHaveLength(11);
    expect(log[1]).toContain("30/300");
  });
});
