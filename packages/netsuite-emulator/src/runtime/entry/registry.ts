/**
 * The adapters registry, apart from index.ts so the per-type adapter modules can register
 * themselves at import time without an import cycle through index.ts.
 */
import type { ScriptEnv } from "../env.js";

/** A script's entry point: a function of the script's realm, called with the context object. */
export type EntryFunction = (context?: unknown) => unknown;

export type EntryAdapter = (
  env: ScriptEnv,
  entry: EntryFunction | undefined,
  input: unknown,
  exports: Record<string, unknown>,
) => unknown;

export const ADAPTERS: Record<string, EntryAdapter> = {};

/** Registers the adapters of one script type (runtime/entry/<type>.ts modules call this). */
export function registerAdapters(scriptType: string, adapters: Record<string, EntryAdapter>): void {
  for (const [entryPoint, adapter] of Object.entries(adapters))
    ADAPTERS[`${scriptType}.${entryPoint}`] = adapter;
}
