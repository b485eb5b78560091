/** The run command's clock flags (`--latency`, `--processors`) and the modelled-time lines it prints. */
import type { ModelledRun } from "./clock/model.js";
import type { ClockOptions } from "./clock/options.js";
import type { ScriptRun } from "./emulator.js";
import type { TaskState } from "./scripts/tasks.js";

const PROFILES = ["low", "typical", "high"] as const;

/** The clock the flags ask for: none when neither is given. Throws a usage error for a bad value. */
export function clockFromFlags(
  latency: string | undefined,
  processors: string | undefined,
): ClockOptions | undefined {
  if (latency === undefined && processors === undefined) return undefined;
  const profile = latency ?? "typical";
  if (!(PROFILES as readonly string[]).includes(profile)) {
    throw new Error(`--latency ${profile}: expected low, typical or high.`);
  }
  const n = processors === undefined ? 2 : Number(processors);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`--processors ${processors}: expected a whole number ≥ 1.`);
  return { profile: profile as (typeof PROFILES)[number], processors: n };
}

function stages(m: ModelledRun): string {
  const s = m.stages;
  return `getInputData ${s.getInputData} s, map ${s.map} s, reduce ${s.reduce} s, summarize ${s.summarize} s`;
}

function roundTrips(m: ModelledRun): string {
  const entries = Object.entries(m.roundTrips);
  if (entries.length === 0) return "no round trips";
  return entries.map(([kind, n]) => `${n} ${kind}`).join(", ");
}

/** One map/reduce run's modelled time beside the emulator's. */
function mapReduceLine(name: string, emulatorSeconds: number, m: ModelledRun, clock: ClockOptions): string {
  const waited =
    m.waitedForLimitsSeconds > 0 ? `, ${m.waitedForLimitsSeconds} s waiting for rate limits` : "";
  return [
    `Map/reduce ${name}: modelled ${m.seconds} s on a real account (${clock.profile} latency, ${m.processors} processors; the emulator took ${emulatorSeconds} s)`,
    `  ${stages(m)}; ${m.invocations} invocations, ${m.busySeconds} s busy${waited}`,
    `  round trips: ${roundTrips(m)}`,
  ].join("\n");
}

/** The modelled lines for the run and for every task it submitted (each run the command executed). */
export function modelledReport(run: ScriptRun, tasks: readonly TaskState[], clock: ClockOptions): string {
  const lines: string[] = [];
  if (run.type === "mapreducescript" && run.summary.modelled) {
    const s = run.summary;
    lines.push(mapReduceLine(`${s.scriptId}/${s.deploymentId}`, s.seconds, run.summary.modelled, clock));
  } else if (run.type === "scheduledscript" && run.result.modelledMs !== undefined) {
    const r = run.result;
    const ms = run.result.modelledMs;
    lines.push(
      `Scheduled script ${r.scriptId}/${r.deploymentId}: modelled ${ms / 1000} s on a real account (${clock.profile} latency; the emulator took ${r.seconds} s)`,
    );
  }
  for (const task of tasks) {
    const summary = task.summary;
    if (summary && "modelled" in summary && summary.modelled) {
      lines.push(
        mapReduceLine(
          `${summary.scriptId}/${summary.deploymentId} (task)`,
          summary.seconds,
          summary.modelled,
          clock,
        ),
      );
    }
  }
  return lines.length
    ? `\nNetSuite's clock (estimates from public reports, see the README):\n${lines.join("\n")}\n`
    : "";
}
