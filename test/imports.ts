/**
 * The import graph of the repository, read the way TypeScript reads it (`ts.preProcessFile`), and the
 * arrows of docs/architecture.md's "may import" column, so a test can hold the code to the design.
 */
import { readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { join, posix, relative, sep } from "node:path";
import ts from "typescript";

/** One row of the "may import" table: a folder and what code in it may import. */
export interface Zone {
  /** Repository-relative folder, e.g. `packages/core` or `packages/suiteapp/ts`. */
  folder: string;
  /** Workspace packages it may import, e.g. `@nss/core`. */
  packages: string[];
  /** With `only` in the cell: the one npm packages or patterns (`N/*`) it may import; otherwise any. */
  externals?: string[];
}

/** An import that breaks an arrow, in words a reviewer can act on. */
export interface Violation {
  file: string;
  specifier: string;
  reason: string;
}

const SKIP = new Set(["node_modules", "dist", "test-artifacts", "contract", "FileCabinet", "certs"]);
const CODE = /\.(ts|tsx|mts|js|mjs)$/;
const BUILTINS = new Set(builtinModules);

/** Every source file under `dir` (repository-relative paths), build output and dependencies left out. */
export function sourceFiles(root: string, dir: string): string[] {
  const out: string[] = [];
  const walk = (abs: string): void => {
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      if (SKIP.has(entry.name) || entry.name.startsWith(".")) continue;
      const path = join(abs, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (CODE.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(relative(root, path));
    }
  };
  walk(join(root, dir));
  return out.map((p) => p.split(sep).join("/"));
}

/** The module specifiers a file imports or re-exports, dynamic imports included. */
export function importsOf(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

/**
 * The table's rows: the first cell a backquoted folder, the last the backquoted names it may import
 * (`core` stands for `@nss/core`); "only" in the cell limits npm packages to the ones named.
 */
export function parseZones(markdown: string, workspaceNames: readonly string[]): Zone[] {
  const zones: Zone[] = [];
  for (const line of markdown.split("\n")) {
    const cells = line.split("|").map((c) => c.trim());
    const folder = /^`(packages\/[^`]+)`$/.exec(cells[1] ?? "")?.[1];
    const allowed = cells[cells.length - 2];
    if (folder === undefined || allowed === undefined) continue;
    const names = [...allowed.matchAll(/`([^`]+)`/g)].map((m) => m[1] as string);
    const packages: string[] = [];
    const externals: string[] = [];
    for (const name of names) {
      const scoped = name.startsWith("@nss/") ? name : `@nss/${name}`;
      if (workspaceNames.includes(scoped)) packages.push(scoped);
      else externals.push(name);
    }
    zones.push({ folder, packages, ...(/\bonly\b/.test(allowed) ? { externals } : {}) });
  }
  return zones;
}

/** The zone a file belongs to: the row with the longest folder that contains it. */
export function zoneOf(file: string, zones: readonly Zone[]): Zone | undefined {
  return zones
    .filter((z) => file.startsWith(`${z.folder}/`))
    .sort((a, b) => b.folder.length - a.folder.length)[0];
}

/** `@nss/core/x` → `@nss/core`; `@noble/hashes/sha2` → `@noble/hashes`; `yaml/x` → `yaml`. */
export function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] as string);
}

function matchesExternal(specifier: string, allowed: readonly string[]): boolean {
  return allowed.some((a) =>
    a.endsWith("/*") ? specifier.startsWith(a.slice(0, -1)) : packageName(specifier) === a,
  );
}

/** The package folder a repository-relative file lives in (`packages/core`), or its top folder. */
export function packageFolder(file: string): string {
  const parts = file.split("/");
  return parts[0] === "packages" ? parts.slice(0, 2).join("/") : (parts[0] as string);
}

/**
 * What a file's imports break. Product code (a file in a zone, outside `test/`, `scripts/` and the
 * package's root, where tests and build tooling live) may import only what its row names, and relative imports may not leave its zone. Every file, tests included, reaches another
 * package only by its name, never by a relative path into it.
 */
export function violations(
  file: string,
  specifiers: readonly string[],
  zones: readonly Zone[],
  workspaceNames: readonly string[],
): Violation[] {
  const out: Violation[] = [];
  const zone = zoneOf(file, zones);
  const isTest = /(^|\/)(test|scripts)\//.test(file) || file.startsWith("bench/") || isPackageTooling(file);
  for (const specifier of specifiers) {
    if (specifier.startsWith(".")) {
      const target = posix.normalize(posix.join(posix.dirname(file), specifier));
      if (packageFolder(target) !== packageFolder(file))
        out.push({ file, specifier, reason: `reaches into ${packageFolder(target)} by a relative path` });
      else if (zone && !isTest && !target.startsWith(`${zone.folder}/`))
        out.push({ file, specifier, reason: `leaves ${zone.folder} (its row in the table)` });
      continue;
    }
    if (zone === undefined || isTest) continue;
    const name = packageName(specifier);
    if (workspaceNames.includes(name)) {
      if (!zone.packages.includes(name) && !isOwnPackage(zone, name))
        out.push({ file, specifier, reason: `${zone.folder} may not import ${name}` });
      continue;
    }
    const builtin = specifier.startsWith("node:") || BUILTINS.has(name);
    if (zone.externals && !matchesExternal(specifier, zone.externals))
      out.push({
        file,
        specifier,
        reason: `${zone.folder} may import only ${zone.externals.join(", ")}${builtin ? " (no Node built-ins)" : ""}`,
      });
  }
  return out;
}

/** A file at a package's root (`vitest.config.ts`, `rollup.config.js`): build tooling, not product code. */
function isPackageTooling(file: string): boolean {
  return /^packages\/[^/]+\/[^/]+$/.test(file);
}

function isOwnPackage(zone: Zone, name: string): boolean {
  return `@nss/${zone.folder.split("/")[1]}` === name;
}

/** The workspace package names, from each package.json. */
export function workspaceNames(root: string): string[] {
  return readdirSync(join(root, "packages")).map(
    (dir) =>
      (JSON.parse(readFileSync(join(root, "packages", dir, "package.json"), "utf8")) as { name: string })
        .name,
  );
}
