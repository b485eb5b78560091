/** What the reliability cases share: waiting for a condition, and one mass sync run with its outcomes. */

import type { MapReduceSummary, NetSuiteEmulator } from "@nss/netsuite-emulator";
import { SCRIPT_PARAMS } from "@nss/suiteapp/ids";
import { MR, MR_DEPLOY } from "../world.js";

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls (every `interval` ms) until the condition holds. */
export async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number, interval = 20) {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error("condition not reached in time");
    await sleep(interval);
  }
}

export type Outcomes = Record<string, number>;

/** Runs the mass sync once; its outcomes counted (created, linked, updated, unchanged, failed). */
export async function massSync(
  ns: NetSuiteEmulator,
): Promise<{ outcomes: Outcomes; summary: MapReduceSummary }> {
  const run = await ns.runScript(MR, MR_DEPLOY, { [SCRIPT_PARAMS.massSyncDryRun]: "F" });
  if (run.type !== "mapreducescript") throw new Error("not a map/reduce run");
  const outcomes: Outcomes = {};
  for (const [, value] of run.summary.output) {
    for (const t of (JSON.parse(value) as { targets: { outcome: string }[] }).targets) {
      outcomes[t.outcome] = (outcomes[t.outcome] ?? 0) + 1;
    }
  }
  return { outcomes, summary: run.summary };
}

export const mapErrors = (s: MapReduceSummary) => [
  ...(s.inputSummary.error ? [s.inputSummary.error] : []),
  ...s.mapSummary.errors.map((e) => JSON.stringify(e)),
  ...(s.summarizeSummary.error ? [s.summarizeSummary.error] : []),
];

// ---------------------------------------------------------------------------------------------------
// faults
