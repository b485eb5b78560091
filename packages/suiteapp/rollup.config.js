/**
 * Builds each script entry point `ts/<name>.ts` into one SuiteScript 2.1 AMD file,
 * `src/FileCabinet/SuiteApps/com.nss.stripesync/<name>.js` (the modules under `ts/lib/`, one folder per
 * feature, are bundled, never built on their own):
 *
 * - `N/*` stay external: the file's `define([...])` names them and NetSuite hands them in.
 * - `@nss/core` (its built `dist`, resolved through the workspace) and anything it imports are bundled
 *   in, so the File Cabinet holds one self-contained file per script.
 * - The entry's named exports become the object the `define` factory returns (`{ run }`), with no
 *   `exports`/`require` AMD dependencies.
 * - The whole bundle is lowered to ES2019 (core is ES2020) with TypeScript's transpiler, then the
 *   entry's JSDoc header (`@NApiVersion 2.1`, `@NScriptType …`, `@NModuleScope …`) is put first:
 *   TypeScript and Rollup drop or move leading comments, and NetSuite reads only the top block.
 *
 * It also writes test-only library modules (`TEST_LIBRARIES`, below) into fixture projects under
 * `test/fixtures/`; they are never part of the SuiteApp.
 *
 * Any warning fails the build: an unresolved import would otherwise become an AMD dependency NetSuite
 * does not have.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { nodeResolve } from "@rollup/plugin-node-resolve";
import typescript from "@rollup/plugin-typescript";
import ts from "typescript";

const here = dirname(fileURLToPath(import.meta.url));
const APP_ID = "com.nss.stripesync";
const SOURCES = join(here, "ts");
const OUT_DIR = join(here, "src", "FileCabinet", "SuiteApps", APP_ID);

/** A script file's name says its type (docs/architecture.md, "Naming inside NetSuite"). */
const TYPE_BY_SUFFIX = {
  _ue: "UserEventScript",
  _cs: "ClientScript",
  _sl: "Suitelet",
  _mr: "MapReduceScript",
  _ss: "ScheduledScript",
  _rl: "Restlet",
  _install: "SDFInstallationScript",
};
const MODULE_SCOPES = new Set(["SameAccount", "TargetAccount", "Public"]);

/**
 * The entry's header: its first comment, which must be a JSDoc block with `@NApiVersion 2.1`, the
 * `@NScriptType` its file name implies, and `@NModuleScope`. Returned verbatim, to be put first.
 */
function readHeader(file, name) {
  const source = readFileSync(file, "utf8");
  const block = /^\s*(\/\*\*[\s\S]*?\*\/)/.exec(source)?.[1];
  const fail = (why) => {
    throw new Error(
      `${file}: ${why}. Start the file with /** @NApiVersion 2.1 @NScriptType … @NModuleScope … */`,
    );
  };
  if (block === undefined) fail("no leading JSDoc header");
  const tag = (t) => new RegExp(`@${t}\\s+(\\S+)`).exec(block)?.[1];
  if (tag("NApiVersion") !== "2.1") fail(`@NApiVersion is ${tag("NApiVersion") ?? "missing"}, not 2.1`);
  const suffix = Object.keys(TYPE_BY_SUFFIX).find((s) => name.endsWith(s));
  if (suffix === undefined)
    fail(`the file name does not end in one of ${Object.keys(TYPE_BY_SUFFIX).join(", ")}`);
  const expected = TYPE_BY_SUFFIX[suffix];
  if (tag("NScriptType") !== expected)
    fail(`@NScriptType is ${tag("NScriptType") ?? "missing"}, not ${expected}`);
  if (!MODULE_SCOPES.has(tag("NModuleScope") ?? "")) fail("@NModuleScope is missing or unknown");
  return block;
}

/** Script entry points: every `ts/*.ts` (the modules they share live in `ts/lib/<feature>/`). */
const entries = readdirSync(SOURCES)
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
  .sort()
  .map((f) => f.slice(0, -3));

// A built file whose entry point is gone would still be deployed: remove it.
if (existsSync(OUT_DIR)) {
  for (const file of readdirSync(OUT_DIR)) {
    if (file.endsWith(".js") && !entries.includes(file.slice(0, -3))) rmSync(join(OUT_DIR, file));
  }
}

const ENTRY_PREFIX = "\0nss-entry:";

/** The bundle's input: a module whose default export is the entry's namespace (`{ run }`). */
function entryObject(name, file = join(SOURCES, `${name}.ts`)) {
  return {
    name: "nss-entry-object",
    resolveId: (id) => (id === ENTRY_PREFIX + name ? id : null),
    load: (id) =>
      id === ENTRY_PREFIX + name
        ? `import * as entry from ${JSON.stringify(file)};\nexport default entry;\n`
        : null,
  };
}

/** Lowers the rendered AMD file to ES2019, then puts the SuiteScript header first. */
function suiteScriptFile(header) {
  return {
    name: "nss-suitescript-file",
    renderChunk(code) {
      const lowered = ts.transpileModule(code, {
        reportDiagnostics: true,
        compilerOptions: {
          target: ts.ScriptTarget.ES2019,
          module: ts.ModuleKind.None,
          removeComments: false,
          newLine: ts.NewLineKind.LineFeed,
        },
      });
      const errors = (lowered.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
      if (errors.length > 0) {
        this.error(errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")).join("\n"));
      }
      return { code: `${header}\n${lowered.outputText}`, map: null };
    },
  };
}

const isNetSuiteModule = (id) => id === "N" || id.startsWith("N/");

/** One AMD file from one module: `file`'s named exports become the factory's return value. */
function bundle(name, file, header, outFile) {
  return {
    input: ENTRY_PREFIX + name,
    external: isNetSuiteModule,
    plugins: [
      entryObject(name, file),
      nodeResolve({ preferBuiltins: false }),
      typescript({
        tsconfig: join(here, "tsconfig.json"),
        include: [join(SOURCES, "**/*.ts")],
        // Emit ES modules for Rollup; the type check proper is `tsc` (see tsconfig.json).
        noEmit: false,
        composite: false,
        declaration: false,
        declarationMap: false,
        sourceMap: false,
        incremental: false,
        noEmitOnError: true,
      }),
      suiteScriptFile(header),
    ],
    onwarn(warning) {
      throw new Error(`building ${name}: ${warning.message}`);
    },
    output: {
      file: outFile,
      format: "amd",
      exports: "default",
      // `import * as search from "N/search"` is the module object NetSuite passes in: use it as it is,
      // without Rollup's namespace-copying helper.
      interop: "esModule",
      strict: true,
      sourcemap: false,
    },
  };
}

/**
 * Test-only builds, never part of the SuiteApp: a module of `ts/lib/` as a SuiteScript library
 * module in the File Cabinet of a fixture SDF project under `test/fixtures/`, whose hand-written
 * script loads it with `define(["./lib/<name>"], …)` and runs it in the NetSuite emulator.
 */
const TEST_LIBRARIES = [
  {
    name: "stripe_client",
    file: join(SOURCES, "lib", "stripe", "stripe-client.ts"),
    out: join(here, "test", "fixtures", "stripe-client-project", "src", "FileCabinet", "SuiteApps"),
  },
];
const TEST_LIBRARY_HEADER = `/**
 * @NApiVersion 2.1
 * @NModuleScope SameAccount
 *
 * Test build of a ts/lib module (rollup.config.js, TEST_LIBRARIES): not part of the SuiteApp.
 */`;

export default [
  ...entries.map((name) =>
    bundle(
      name,
      join(SOURCES, `${name}.ts`),
      readHeader(join(SOURCES, `${name}.ts`), name),
      join(OUT_DIR, `${name}.js`),
    ),
  ),
  ...TEST_LIBRARIES.map((lib) =>
    bundle(lib.name, lib.file, TEST_LIBRARY_HEADER, join(lib.out, "com.nss.test", "lib", `${lib.name}.js`)),
  ),
];
