/**
 * A browser AMD loader shaped like NetSuite's: `define(deps, factory)` (also `define(factory)` and
 * `define(id, deps, factory)`), `N/…` from the emulator's browser modules, other ids from the File
 * Cabinet (`./lib/x` relative to the requiring file, `/SuiteApps/…` absolute) at `{endpoints.file}{path}.js`,
 * each loaded with a classic <script> tag. Circular dependencies are refused.
 */
import { NsError } from "./errors.js";
import { nModule } from "./modules/index.js";

type Factory = (...args: unknown[]) => unknown;
interface Definition {
  deps: string[];
  factory: unknown;
}

/** What a factory's `exports` / `module` dependencies share (`module.exports = …` replaces the value). */
interface Cjs {
  module?: { id: string; exports: unknown };
}

const definitions = new Map<string, Definition>();
const loaded = new Map<string, Promise<unknown>>();
/** Script URL (absolute) → File Cabinet path, while its <script> runs; errors thrown there belong to the loader. */
const loading = new Map<string, { path: string; error?: unknown }>();
let anonymous: Definition | undefined;
let fileRoot = "/_emu/file";

/** The absolute File Cabinet path of `id` named by the file `from` (same rules as the server's loader). */
export function resolvePath(id: string, from: string): string {
  const withJs = id.endsWith(".js") ? id : `${id}.js`;
  const joined =
    withJs.startsWith("./") || withJs.startsWith("../")
      ? `${from.slice(0, from.lastIndexOf("/") + 1)}${withJs}`
      : withJs.startsWith("/")
        ? withJs
        : `/${withJs}`;
  const out: string[] = [];
  for (const part of joined.split("/")) {
    if (part === "..") out.pop();
    else if (part !== "." && part !== "") out.push(part);
  }
  return `/${out.join("/")}`;
}

export function fileUrl(path: string): string {
  return `${fileRoot}${path.split("/").map(encodeURIComponent).join("/")}`;
}

function define(...args: unknown[]): void {
  let deps: string[] = [];
  let factory: unknown;
  if (args.length >= 3) [, deps, factory] = args as [string, string[], unknown];
  else if (args.length === 2 && Array.isArray(args[0])) [deps, factory] = args as [string[], unknown];
  else if (args.length === 2) factory = args[1];
  else factory = args[0];
  const def: Definition = { deps: Array.isArray(deps) ? deps.map(String) : [], factory };
  const script = document.currentScript as HTMLScriptElement | null;
  const path = script?.dataset.nsModule;
  if (path) definitions.set(path, def);
  else anonymous = def;
}
(define as unknown as { amd: object }).amd = {};

/** A `require` as NetSuite gives scripts: `require(["N/x"], cb)` loads; `require("N/x")` returns a loaded module. */
function makeRequire(from: string) {
  return (deps: unknown, callback?: Factory, errback?: (e: unknown) => void): unknown => {
    if (typeof deps === "string") {
      if (deps.startsWith("N/")) return nModule(deps);
      const path = resolvePath(deps, from);
      const done = settled.get(path);
      if (!done)
        throw new NsError("MODULE_DOES_NOT_EXIST", `Module does not exist: ${deps} (not loaded yet)`);
      return done.value;
    }
    const list = Array.isArray(deps) ? deps.map(String) : [];
    Promise.all(list.map((d) => resolveDep(d, from, [from], {})))
      .then((values) => callback?.(...values))
      .catch((e) => {
        if (errback) errback(e);
        else throw e;
      });
    return undefined;
  };
}

const settled = new Map<string, { value: unknown }>();

function resolveDep(dep: string, from: string, chain: string[], cjs: Cjs): Promise<unknown> {
  if (dep === "require") return Promise.resolve(makeRequire(from));
  if (dep === "exports" || dep === "module") {
    cjs.module ??= { id: from, exports: {} };
    return Promise.resolve(dep === "exports" ? cjs.module.exports : cjs.module);
  }
  if (dep.startsWith("N/")) {
    try {
      return Promise.resolve(nModule(dep));
    } catch (e) {
      return Promise.reject(e);
    }
  }
  const path = resolvePath(dep, from);
  if (chain.includes(path)) {
    return Promise.reject(
      new NsError(
        "SSS_CIRCULAR_DEPENDENCY",
        `Circular dependency: ${[...chain, path].join(" → ")} (refused by the emulator)`,
      ),
    );
  }
  return loadModule(path, [...chain, path]);
}

function runScript(path: string, url: string): Promise<Definition> {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = url;
    script.dataset.nsModule = path;
    const entry: { path: string; error?: unknown } = { path };
    loading.set(script.src, entry);
    script.onload = () => {
      loading.delete(script.src);
      const def = definitions.get(path) ?? anonymous;
      anonymous = undefined;
      if (entry.error !== undefined) reject(entry.error);
      else if (!def)
        reject(new NsError("SSS_MODULE_DEFINITION_MISSING", `${path}: the file did not call define()`));
      else resolve(def);
    };
    script.onerror = () => {
      loading.delete(script.src);
      reject(
        new NsError(
          "MODULE_DOES_NOT_EXIST",
          `Module does not exist: ${path} (${script.src} could not be loaded)`,
        ),
      );
    };
    document.head.append(script);
  });
}

/** Loads (once) the File Cabinet file at `path` (from `url`, by default under `endpoints.file`). */
export function loadModule(path: string, chain: string[] = [path], url = fileUrl(path)): Promise<unknown> {
  const known = loaded.get(path);
  if (known) return known;
  const promise = runScript(path, url).then(async (def) => {
    const cjs: Cjs = {};
    const values = await Promise.all(def.deps.map((d) => resolveDep(d, path, chain, cjs)));
    const value = typeof def.factory === "function" ? (def.factory as Factory)(...values) : def.factory;
    const result = value === undefined && cjs.module ? cjs.module.exports : value;
    settled.set(path, { value: result });
    return result;
  });
  loaded.set(path, promise);
  return promise;
}

/** An error event from a module file while it runs (a syntax error): the loader reports it, once. */
export function claimScriptError(filename: string, error: unknown): boolean {
  const entry = loading.get(filename);
  if (!entry) return false;
  entry.error = error ?? new Error(`Script error in ${entry.path}`);
  return true;
}

export function installLoader(fileEndpoint: string): void {
  fileRoot = fileEndpoint.replace(/\/+$/, "");
  const w = window as unknown as Record<string, unknown>;
  w.define = define;
  w.require = makeRequire("/");
}
