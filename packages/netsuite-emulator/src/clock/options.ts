/** Turning the clock on: what `NetSuiteEmulator.open({ clock })` and the script host take. */
import type { ModelOptions } from "./model.js";
import type { TraceOp } from "./trace.js";

/** One finished invocation's ops and modelled time, for `ClockOptions.onInvocation`. */
export interface InvocationReading {
  scriptId: string;
  deploymentId: string;
  /** `execute`, `onRequest`, `afterSubmit`, `map`, … */
  entryPoint: string;
  ops: readonly TraceOp[];
  /** Start overhead plus ops (rate limits among this invocation's own ops only). */
  ms: number;
}

/**
 * The profile, processors and rate limits the map/reduce summaries' `modelled` use; and a listener
 * told of every invocation (user events included: how a benchmark reads a create trigger's time).
 */
export interface ClockOptions extends ModelOptions {
  onInvocation?: (reading: InvocationReading) => void;
}
