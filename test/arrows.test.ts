/**
 * The arrows of docs/architecture.md, enforced: each package (or folder) imports only what the table's
 * "may import" column names, and nothing reaches into another package by a relative path.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { importsOf, parseZones, sourceFiles, violations, workspaceNames } from "./imports.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const NAMES = workspaceNames(ROOT);
const ZONES = parseZones(readFileSync(`${ROOT}docs/architecture.md`, "utf8"), NAMES);

describe("the arrows of docs/architecture.md", () => {
  it("the table names every package", () => {
    const folders = ZONES.map((z) => z.folder);
    for (const name of NAMES) expect(folders).toContain(`packages/${name.slice("@nss/".length)}`);
  });

  it("no file imports across an arrow", () => {
    const files = ["packages", "bench", "scripts", "test"].flatMap((dir) => sourceFiles(ROOT, dir));
    expect(files.length).toBeGreaterThan(300);
    const found = files.flatMap((file) =>
      violations(file, importsOf(readFileSync(`${ROOT}${file}`, "utf8")), ZONES, NAMES),
    );
    expect(found.map((v) => `${v.file}: "${v.specifier}" ${v.reason}`)).toEqual([]);
  });
});

// The checker itself, on imports that must fail: the proof that a forbidden arrow is caught.
describe("the checker", () => {
  const zones = parseZones(
    [
      "| package | what | may import |",
      "|---|---|---|",
      "| `packages/core` | domain | `@noble/hashes` only |",
      "| `packages/proxy` | proxy | `core` |",
      "| `packages/stripe-emulator` | emulator | nothing of ours |",
    ].join("\n"),
    ["@nss/core", "@nss/proxy", "@nss/stripe-emulator"],
  );
  const names = ["@nss/core", "@nss/proxy", "@nss/stripe-emulator"];
  const check = (file: string, specifier: string) =>
    violations(file, [specifier], zones, names).map((v) => v.reason);

  it("reads the table's cells", () => {
    expect(zones).toEqual([
      { folder: "packages/core", packages: [], externals: ["@noble/hashes"] },
      { folder: "packages/proxy", packages: ["@nss/core"] },
      { folder: "packages/stripe-emulator", packages: [] },
    ]);
  });

  it("refuses a package the row does not name, a Node built-in in core, a relative path into another package", () => {
    expect(check("packages/stripe-emulator/src/api.ts", "@nss/core")).toEqual([
      "packages/stripe-emulator may not import @nss/core",
    ]);
    expect(check("packages/core/src/mapping.ts", "node:fs")).toEqual([
      "packages/core may import only @noble/hashes (no Node built-ins)",
    ]);
    expect(check("packages/sandbox/test/x.test.ts", "../../suiteapp/test/helpers/e2e.js")).toEqual([
      "reaches into packages/suiteapp by a relative path",
    ]);
  });

  it("lets through what the row names, npm packages where the row says no `only`, and tests", () => {
    expect(check("packages/proxy/src/app.ts", "@nss/core")).toEqual([]);
    expect(check("packages/proxy/src/app.ts", "hono/body-limit")).toEqual([]);
    expect(check("packages/core/src/signature.ts", "@noble/hashes/sha2")).toEqual([]);
    expect(check("packages/stripe-emulator/test/x.test.ts", "@nss/core")).toEqual([]);
    expect(check("packages/core/src/mapping.ts", "./labels.js")).toEqual([]);
  });
});
