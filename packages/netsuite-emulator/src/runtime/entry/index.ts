/**
 * Entry adapters: turn an invocation's plain input into the context object an entry point receives
 * (a map context with `key`, `value` and `write`; a user event context with `newRecord`; a Suitelet's
 * request and response), call it, and turn what it did back into plain output for the main thread.
 * Keyed `<script type>.<entry point>`; without an adapter the entry point gets the input as it is.
 */
import { NsError } from "../../errors.js";
import type { Invocation } from "../contracts.js";
import type { ScriptEnv } from "../env.js";
import { ADAPTERS, type EntryFunction } from "./registry.js";
import "./installation-contexts.js";
import "./map-reduce-contexts.js";
import "./scheduled-contexts.js";
import "./suitelet-contexts.js";
import "./user-event-contexts.js";

export { type EntryAdapter, type EntryFunction, registerAdapters } from "./registry.js";

export function runEntry(env: ScriptEnv, exports: Record<string, unknown>, invocation: Invocation): unknown {
  const entry = exports[invocation.entryPoint];
  const adapter = ADAPTERS[`${invocation.scriptType}.${invocation.entryPoint}`];
  if (adapter)
    return adapter(
      env,
      typeof entry === "function" ? (entry as EntryFunction) : undefined,
      invocation.input,
      exports,
    );
  if (typeof entry !== "function") {
    throw new NsError(
      "SSS_INVALID_SCRIPT",
      `${invocation.file} has no ${invocation.entryPoint} entry point function.`,
    );
  }
  return entry(invocation.input);
}
