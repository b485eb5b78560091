import { describe, expect, it } from "vitest";
import { makeEnv } from "./helpers/module-env.js";

type LogFn = (...args: unknown[]) => void;
interface LogModule {
  debug: LogFn;
  audit: LogFn;
  error: LogFn;
  emergency: LogFn;
}

describe("N/log", () => {
  it("writes both call forms through log.write, JSON-stringifying object details", () => {
    const t = makeEnv();
    const log = t.module<LogModule>("N/log");
    log.debug("title", "details");
    log.audit({ title: "obj", details: { a: 1, b: [true] } });
    log.error("num", 42);
    log.emergency({ title: "only title" });
    log.debug("no details");
    expect(t.hostCalls("log.write").map((c) => c.args[0])).toEqual([
      { level: "DEBUG", title: "title", details: "details" },
      { level: "AUDIT", title: "obj", details: '{"a":1,"b":[true]}' },
      { level: "ERROR", title: "num", details: "42" },
      { level: "EMERGENCY", title: "only title", details: "" },
      { level: "DEBUG", title: "no details", details: "" },
    ]);
  });

  it("stringifies SuiteScriptErrors as NetSuite does and truncates to 99 / 3,999 characters", () => {
    const t = makeEnv();
    const log = t.module<LogModule>("N/log");
    const err = t
      .module<{ create(o: unknown): Error }>("N/error")
      .create({ name: "MY_ERR", message: "boom" });
    log.error("e", err);
    log.debug("x".repeat(150), "y".repeat(5000));
    const [first, second] = t
      .hostCalls("log.write")
      .map((c) => c.args[0] as { title: string; details: string });
    expect(JSON.parse(first?.details ?? "")).toMatchObject({
      type: "error.SuiteScriptError",
      name: "MY_ERR",
      message: "boom",
    });
    expect(second?.title).toHaveLength(99);
    expect(second?.details).toHaveLength(3999);
  });

  it("drops entries below the deployment's log level", () => {
    const t = makeEnv({ script: { logLevel: "ERROR" } });
    const log = t.module<LogModule>("N/log");
    log.debug("d", "");
    log.audit("a", "");
    log.error("e", "");
    log.emergency("m", "");
    expect(t.hostCalls("log.write").map((c) => (c.args[0] as { level: string }).level)).toEqual([
      "ERROR",
      "EMERGENCY",
    ]);
  });
});
