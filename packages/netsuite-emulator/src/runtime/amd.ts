/**
 * Loads a SuiteScript file the way NetSuite does: reads the JSDoc header (`@NApiVersion 2.1`,
 * `@NScriptType …`), evaluates the file in a V8 context holding only what SuiteScript 2.1 offers
 * (the language, `define`, `log`, `util`: no `require` of Node, no `process`, `Buffer`, `console`,
 * timers, `fetch`, `TextEncoder`, `URL`), and resolves `define` dependencies: `N/…` to the emulator's
 * modules, relative and absolute paths to files of the File Cabinet (loaded once per invocation).
 */
import { readFileSync, statSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import vm from "node:vm";
import { NsError } from "../errors.js";

export interface ScriptHeader {
  apiVersion: string | null;
  scriptType: string | null;
}

/** Reads `@NApiVersion` and `@NScriptType` from the file's leading comment block(s). */
export function readHeader(source: string): ScriptHeader {
  // Tags count only in comments before the first statement (NetSuite reads the top JSDoc block).
  const leading = /^(?:\s*(?:\/\*[\s\S]*?\*\/|\/\/[^\n]*\n))*/.exec(source)?.[0] ?? "";
  const apiVersion = /@NApiVersion\s+([0-9.x]+)/i.exec(leading)?.[1] ?? null;
  const scriptType = /@NScriptType\s+(\w+)/i.exec(leading)?.[1] ?? null;
  return { apiVersion, scriptType };
}

/** Checks a script file's header against its script record: 2.1 (or 2.x), and the right type. */
export function checkHeader(file: string, header: ScriptHeader, expectedType: string): void {
  if (header.apiVersion === null) {
    throw new NsError(
      "SSS_MISSING_NAPIVERSION",
      `${file}: the file has no @NApiVersion tag in its leading JSDoc comment. Put /** @NApiVersion 2.1 @NScriptType ${expectedType} */ first in the built file.`,
    );
  }
  if (!["2.1", "2.x", "2.X"].includes(header.apiVersion)) {
    throw new NsError(
      "SSS_INVALID_API_VERSION",
      `${file}: @NApiVersion ${header.apiVersion} is not supported by the emulator, which runs SuiteScript 2.1.`,
    );
  }
  if (header.scriptType === null || header.scriptType.toLowerCase() !== expectedType.toLowerCase()) {
    throw new NsError(
      "SSS_INVALID_SCRIPT_TYPE",
      `${file}: @NScriptType is ${header.scriptType ?? "missing"} but the script record is a ${expectedType}.`,
    );
  }
}

const compiled = new Map<string, { mtimeMs: number; script: vm.Script; source: string }>();

/** Compiles once per file version: a map/reduce runs the same file thousands of times. */
function compile(file: string): { script: vm.Script; source: string } {
  const mtimeMs = statSync(file).mtimeMs;
  const cached = compiled.get(file);
  if (cached && cached.mtimeMs === mtimeMs) return cached;
  const source = readFileSync(file, "utf8");
  const script = new vm.Script(source, { filename: file });
  const entry = { mtimeMs, script, source };
  compiled.set(file, entry);
  return entry;
}

/** SuiteScript's `util` global (a subset of Oracle's documented members). */
function suiteScriptUtil(): Record<string, unknown> {
  const type = (v: unknown) => Object.prototype.toString.call(v).slice(8, -1);
  const extend = (target: Record<string, unknown>, source: Record<string, unknown>) =>
    Object.assign(target, source);
  return {
    isArray: Array.isArray,
    isBoolean: (v: unknown) => typeof v === "boolean",
    isDate: (v: unknown) => type(v) === "Date",
    isError: (v: unknown) => type(v) === "Error",
    isFunction: (v: unknown) => typeof v === "function",
    isNumber: (v: unknown) => typeof v === "number",
    isObject: (v: unknown) => typeof v === "object" && v !== null,
    isRegExp: (v: unknown) => type(v) === "RegExp",
    isString: (v: unknown) => typeof v === "string",
    each: (iterable: unknown, fn: (value: unknown, key: unknown) => unknown) => {
      if (Array.isArray(iterable)) {
        for (const [i, v] of iterable.entries()) fn(v, i);
      } else if (typeof iterable === "object" && iterable !== null)
        for (const [k, v] of Object.entries(iterable)) fn(v, k);
      return iterable;
    },
    extend,
    deepExtend: (target: Record<string, unknown>, source: Record<string, unknown>) =>
      extend(target, structuredClone(source)),
    nanoTime: () => Number(process.hrtime.bigint()),
  };
}

export interface LoadOptions {
  /** Absolute path of the entry script. */
  file: string;
  /** Absolute path of the File Cabinet root (`src/FileCabinet`). */
  fileCabinet: string;
  /** The N module for an ID (`N/record`), or undefined when the emulator has none. */
  nModule: (id: string) => unknown;
  /** The `log` global (N/log). */
  log: unknown;
}

/** Evaluates the script and its dependencies; returns what the entry file's factory returned. */
export function loadScript(options: LoadOptions): Record<string, unknown> {
  const context = vm.createContext(
    { log: options.log, util: suiteScriptUtil() },
    { name: "SuiteScript 2.1" },
  );
  // V8 puts `console` in every context; SuiteScript has none on the server.
  vm.runInContext("delete globalThis.console;", context);
  const cache = new Map<string, unknown>();

  const resolveFile = (from: string, id: string): string => {
    const base = id.startsWith("/") ? join(options.fileCabinet, id) : join(dirname(from), id);
    const path = normalize(base.endsWith(".js") ? base : `${base}.js`);
    if (relative(options.fileCabinet, path).startsWith("..")) {
      throw new NsError("MODULE_DOES_NOT_EXIST", `Module ${id} (from ${from}) is outside the File Cabinet.`);
    }
    return path;
  };

  const load = (file: string): unknown => {
    if (cache.has(file)) return cache.get(file);
    let compiledFile: { script: vm.Script };
    try {
      compiledFile = compile(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") {
        throw new NsError("MODULE_DOES_NOT_EXIST", `Module does not exist: ${relativeToCabinet(file)}`);
      }
      throw error;
    }
    let exported: unknown;
    let defined = false;
    const resolveDep = (dep: string): unknown => {
      if (dep.startsWith("N/") || dep === "N") {
        const module = options.nModule(dep);
        if (module === undefined)
          throw new NsError("MODULE_DOES_NOT_EXIST", `UNSUPPORTED_BY_EMULATOR: ${dep}`);
        return module;
      }
      return load(resolveFile(file, dep));
    };
    const define = (...args: unknown[]) => {
      const factory = args.at(-1);
      const deps = (args.length >= 2 && Array.isArray(args.at(-2)) ? args.at(-2) : []) as string[];
      // AMD's special dependencies, which TypeScript's (`["require", "exports", …]`) and Rollup's
      // (`["exports", …]`) AMD output name: NetSuite's loader is RequireJS-based ("SuiteScript 2.x
      // Script Basics": define and require are AMD) and gives them as RequireJS does. A factory that
      // fills `exports` and returns nothing exports that object.
      const module = { id: relativeToCabinet(file), uri: relativeToCabinet(file), exports: {} as unknown };
      const localRequire = (id: unknown, callback?: unknown): unknown => {
        if (typeof id === "string") return resolveDep(id);
        if (Array.isArray(id)) {
          const modules = id.map((d) => resolveDep(String(d)));
          if (typeof callback === "function") (callback as (...a: unknown[]) => unknown)(...modules);
          return undefined;
        }
        throw new NsError("SSS_INVALID_SCRIPT", `${relativeToCabinet(file)}: require() needs a module ID.`);
      };
      const resolved = deps.map((dep) => {
        if (dep === "require") return localRequire;
        if (dep === "exports") return module.exports;
        if (dep === "module") return module;
        return resolveDep(dep);
      });
      const returned =
        typeof factory === "function" ? (factory as (...a: unknown[]) => unknown)(...resolved) : factory;
      exported = returned === undefined ? module.exports : returned;
      defined = true;
    };
    Object.assign(define, { amd: {} });
    context.define = define;
    compiledFile.script.runInContext(context, { filename: file });
    if (!defined) {
      throw new NsError(
        "SSS_INVALID_SCRIPT",
        `${relativeToCabinet(file)} did not call define(): SuiteScript 2.x files are AMD modules.`,
      );
    }
    cache.set(file, exported);
    return exported;
  };

  const relativeToCabinet = (file: string) => `/${relative(options.fileCabinet, file)}`;
  const exported = load(options.file);
  if (typeof exported !== "object" || exported === null) {
    throw new NsError(
      "SSS_INVALID_SCRIPT",
      `${relativeToCabinet(options.file)}: the factory returned no entry point object.`,
    );
  }
  return exported as Record<string, unknown>;
}
