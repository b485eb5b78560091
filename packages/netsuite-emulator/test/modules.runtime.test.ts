import { describe, expect, it } from "vitest";
import type { RuntimeInfo } from "../src/runtime/contracts.js";
import { makeEnv, runtimeInfo } from "./helpers/module-env.js";

interface Script {
  id: string;
  deploymentId: string;
  logLevel: string;
  apiVersion: string;
  bundleIds: string[];
  percentComplete: number;
  getParameter(o: unknown): unknown;
  getRemainingUsage(): number;
}
type User = RuntimeInfo["user"] & {
  getPreference(o: unknown): unknown;
  getPermission(o: unknown): unknown;
};
interface RuntimeModule {
  ContextType: Record<string, string>;
  EnvType: Record<string, string>;
  accountId: string;
  envType: string;
  executionContext: string;
  version: string;
  getCurrentScript(): Script;
  getCurrentUser(): User;
  getCurrentSession(): unknown;
  isFeatureInEffect(o: unknown): boolean;
}

describe("N/runtime", () => {
  const t = makeEnv({
    usageLimit: 1000,
    script: {
      parameters: {
        custscript_text: "hello",
        custscript_flag: "T",
        custscript_off: "F",
        custscript_num: "42",
      },
    },
  });
  const runtime = t.module<RuntimeModule>("N/runtime");

  it("describes the account and the execution", () => {
    expect(runtime.accountId).toBe("1234567_SB1");
    expect(runtime.envType).toBe(runtime.EnvType.SANDBOX);
    expect(runtime.executionContext).toBe(runtime.ContextType.SCHEDULED);
    expect(runtime.ContextType.MAP_REDUCE).toBe("MAPREDUCE");
    expect(runtime.ContextType.USER_INTERFACE).toBe("USERINTERFACE");
    expect(runtime.version).toBe("2025.1");
  });

  it("getCurrentScript: IDs, parameters (checkbox as boolean), remaining usage from the meter", () => {
    const script = runtime.getCurrentScript();
    expect(script).toMatchObject({
      id: "customscript_test",
      deploymentId: "customdeploy_test",
      logLevel: "DEBUG",
      apiVersion: "2.1",
      bundleIds: [],
    });
    expect(script.getParameter({ name: "custscript_text" })).toBe("hello");
    expect(script.getParameter({ name: "custscript_flag" })).toBe(true);
    expect(script.getParameter({ name: "custscript_off" })).toBe(false);
    expect(script.getParameter({ name: "custscript_num" })).toBe("42");
    expect(script.getParameter({ name: "custscript_missing" })).toBeNull();
    expect(() => script.getParameter({})).toThrow(
      expect.objectContaining({ name: "SSS_MISSING_REQD_ARGUMENT" }),
    );
    expect(script.getRemainingUsage()).toBe(1000);
    t.env.meter.charge(30, "test");
    expect(script.getRemainingUsage()).toBe(970);
    expect(() => script.percentComplete).toThrow("UNSUPPORTED_BY_EMULATOR: N/runtime.Script.percentComplete");
  });

  it("getCurrentUser and preferences", () => {
    const user = runtime.getCurrentUser();
    expect(user).toMatchObject(runtimeInfo().user);
    expect(user.getPreference({ name: "DATEFORMAT" })).toBe("M/D/YYYY");
    expect(user.getPreference({ name: "nosuchpref" })).toBeNull();
    expect(() => user.getPermission({ name: "LIST_CUSTJOB" })).toThrow(
      "UNSUPPORTED_BY_EMULATOR: N/runtime.User.getPermission",
    );
  });

  it("isFeatureInEffect from the emulated account's feature set", () => {
    expect(runtime.isFeatureInEffect({ feature: "SUBSIDIARIES" })).toBe(true);
    expect(runtime.isFeatureInEffect({ feature: "multisubsidiarycustomer" })).toBe(true);
    expect(runtime.isFeatureInEffect({ feature: "ADVBILLING" })).toBe(false);
    expect(() => runtime.getCurrentSession()).toThrow("UNSUPPORTED_BY_EMULATOR: N/runtime.getCurrentSession");
  });
});
