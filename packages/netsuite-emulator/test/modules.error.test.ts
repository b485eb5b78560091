import { describe, expect, it } from "vitest";
import type { NsError } from "../src/errors.js";
import { makeEnv } from "./helpers/module-env.js";

interface ErrorModule {
  Type: Record<string, string>;
  create(o: unknown): NsError;
}

describe("N/error", () => {
  const error = makeEnv().module<ErrorModule>("N/error");

  it("creates SuiteScriptErrors", () => {
    const e = error.create({ name: "MY_CODE", message: "Something failed", notifyOff: true });
    expect(e).toBeInstanceOf(Error);
    expect(e).toMatchObject({
      name: "MY_CODE",
      message: "Something failed",
      notifyOff: true,
      type: "error.SuiteScriptError",
    });
    expect(JSON.parse(JSON.stringify(e))).toMatchObject({ type: "error.SuiteScriptError", name: "MY_CODE" });
    expect(error.create({ name: "X", message: "y" }).notifyOff).toBe(false);
  });

  it("has the Type enum and requires name and message", () => {
    expect(error.Type.SSS_MISSING_REQD_ARGUMENT).toBe("SSS_MISSING_REQD_ARGUMENT");
    expect(() => error.create({ message: "m" })).toThrow(
      expect.objectContaining({ name: "SSS_MISSING_REQD_ARGUMENT" }),
    );
  });
});
