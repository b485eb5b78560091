/**
 * What a worker-side N module gets: the invocation, a synchronous call to the main thread's services,
 * and the governance meter. Modules are created per invocation, so nothing leaks between scripts.
 */
import type { Invocation } from "./contracts.js";
import type { UsageMeter } from "./governance.js";

export interface ScriptEnv {
  invocation: Invocation;
  /** Blocking call to a host or data service (`data.loadRecord`, `log.write`, `https.request`, …); throws the NsError the host threw. */
  call<T = unknown>(method: string, ...args: unknown[]): T;
  meter: UsageMeter;
  /** The N modules of this invocation, by ID (`N/record`), created on first use. */
  module(id: string): unknown;
}

/** A module factory: builds the module object a script's `define` receives. */
export type ModuleFactory = (env: ScriptEnv) => unknown;
