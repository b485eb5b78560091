/** The console's runs (mass sync, payment method refresh): one at a time each, with their progress. */

import type { MapReduceProgress, NetSuiteEmulator } from "@nss/netsuite-emulator";
import { SCRIPTS } from "@nss/suiteapp/ids";
import type { RunView } from "./console/index.js";

export const MASS_SYNC = SCRIPTS.massSync.scriptId;
export const PAYMENT_METHODS = SCRIPTS.paymentMethodRefresh.scriptId;

export interface RunResult {
  /** Outcome counts from the map stage's output (created, linked, updated, unchanged, failed). */
  counts: Record<string, number>;
  seconds: number;
}

export class MapReduceRuns {
  private views = new Map<string, RunView>();

  constructor(private ns: NetSuiteEmulator) {
    this.views.set(MASS_SYNC, { name: "Mass sync", status: "idle" });
    this.views.set(PAYMENT_METHODS, { name: "Default payment method refresh", status: "idle" });
  }

  list(): RunView[] {
    return [...this.views.values()].map((v) => ({ ...v }));
  }

  /** Runs the map/reduce script once; `onProgress` also feeds the terminal's bar. */
  async run(scriptId: string, onProgress?: (p: MapReduceProgress) => void): Promise<RunResult> {
    const view = this.views.get(scriptId) as RunView;
    if (view.status === "running") throw new Error(`${view.name} is already running`);
    const started = performance.now();
    Object.assign(view, { status: "running", detail: undefined, progress: undefined });
    try {
      const result = await this.ns.runScript(scriptId, undefined, undefined, {
        onProgress: (p) => {
          if (p.stage === "map") view.progress = { done: p.done, total: p.total };
          onProgress?.(p);
        },
      });
      if (result.type !== "mapreducescript") throw new Error(`${scriptId} is not a map/reduce script`);
      const { summary } = result;
      const counts: Record<string, number> = {};
      for (const [, value] of summary.output) {
        const out = JSON.parse(value) as { targets?: { outcome: string }[]; outcome?: string };
        for (const t of out.targets ?? (out.outcome ? [{ outcome: out.outcome }] : [])) {
          counts[t.outcome] = (counts[t.outcome] ?? 0) + 1;
        }
      }
      const failedKeys = summary.mapSummary.errors.length;
      if (failedKeys) counts.failed = (counts.failed ?? 0) + failedKeys;
      const problem = summary.inputSummary.error ?? summary.summarizeSummary.error;
      const seconds = (performance.now() - started) / 1000;
      view.status = problem ? "failed" : "done";
      view.detail = problem
        ? String(problem)
        : `${
            Object.entries(counts)
              .map(([k, n]) => `${k} ${n}`)
              .join(", ") || "nothing to do"
          } · ${seconds.toFixed(1)} s`;
      if (problem) throw new Error(`${view.name} failed: ${problem}`);
      return { counts, seconds };
    } catch (error) {
      view.status = "failed";
      view.detail ??= (error as Error).message;
      throw error;
    }
  }
}
