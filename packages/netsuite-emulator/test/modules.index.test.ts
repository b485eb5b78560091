import { describe, expect, it } from "vitest";
import { MODULES, UNSUPPORTED } from "../src/runtime/modules/index.js";
import { makeEnv } from "./helpers/module-env.js";

const IDS = [
  "N/record",
  "N/search",
  "N/runtime",
  "N/log",
  "N/error",
  "N/https",
  "N/http",
  "N/url",
  "N/format",
  "N/encode",
  "N/crypto/random",
  "N/task",
  "N/ui/serverWidget",
  "N/redirect",
];

describe("N/* module table", () => {
  it("has every module, built per env and cached by env.module", () => {
    expect(Object.keys(MODULES).sort()).toEqual([...IDS].sort());
    expect(Object.keys(UNSUPPORTED).sort()).toEqual([...IDS].sort());
    const t = makeEnv();
    for (const id of IDS) {
      expect(t.env.module(id)).toBeTypeOf("object");
      expect(t.env.module(id)).toBe(t.env.module(id));
    }
    expect(makeEnv().env.module("N/record")).not.toBe(t.env.module("N/record"));
  });

  it("every module-level member listed as unsupported exists and throws its name", () => {
    const t = makeEnv();
    for (const [id, members] of Object.entries(UNSUPPORTED)) {
      const module = t.env.module(id) as Record<string, unknown>;
      for (const entry of members) {
        const member = entry.slice(id.length + 1);
        if (!/^[A-Za-z]+$/.test(member)) continue; // nested or argument-specific entries are tested per module
        const fn = module[member];
        expect(typeof fn, entry).toBe("function");
        expect(() => (fn as () => unknown)(), entry).toThrow(`UNSUPPORTED_BY_EMULATOR: ${entry}`);
      }
    }
  });
});
