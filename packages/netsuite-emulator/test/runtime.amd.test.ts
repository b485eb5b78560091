/** The AMD loader: the special dependencies TypeScript's and Rollup's AMD output name. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadScript } from "../src/runtime/amd.js";

const cabinet = mkdtempSync(join(tmpdir(), "nss-amd-"));
mkdirSync(join(cabinet, "SuiteApps", "a", "lib"), { recursive: true });
afterAll(() => rmSync(cabinet, { recursive: true, force: true }));

const write = (path: string, source: string): string => {
  const file = join(cabinet, "SuiteApps", "a", path);
  writeFileSync(file, source);
  return file;
};
const record = { Type: { CUSTOMER: "customer" } };
const load = (file: string) =>
  loadScript({
    file,
    fileCabinet: cabinet,
    nModule: (id) => (id === "N/record" ? record : undefined),
    log: {},
  });

describe("define() dependencies", () => {
  it("gives TypeScript's require and exports, and exports what the factory filled in", () => {
    write(
      "lib/util.js",
      `define(["require", "exports"], function (require, exports) {
        Object.defineProperty(exports, "__esModule", { value: true });
        exports.twice = function (n) { return n * 2; };
      });`,
    );
    const file = write(
      "ts_ue.js",
      `/** @NApiVersion 2.1 @NScriptType UserEventScript */
      define(["require", "exports", "N/record", "./lib/util"], function (require, exports, record, util) {
        exports.beforeLoad = function () { return record.Type.CUSTOMER + util.twice(2); };
        exports.again = function () { return require("./lib/util").twice(3); };
      });`,
    );
    const entry = load(file) as { beforeLoad: () => string; again: () => number };
    expect(entry.beforeLoad()).toBe("customer4");
    expect(entry.again()).toBe(6);
  });

  it("gives Rollup's exports and module", () => {
    const file = write(
      "rollup_sl.js",
      `define(["exports", "module", "N/record"], (function (exports, module, record) {
        'use strict';
        exports.onRequest = function () { return module.id + ":" + record.Type.CUSTOMER; };
      }));`,
    );
    const entry = load(file) as { onRequest: () => string };
    expect(entry.onRequest()).toBe("/SuiteApps/a/rollup_sl.js:customer");
  });

  it("prefers what the factory returns over exports", () => {
    const file = write(
      "returns.js",
      `define(["exports"], function (exports) { exports.a = 1; return { b: 2 }; });`,
    );
    expect(load(file)).toEqual({ b: 2 });
  });
});
