/** Runs a scheduled script deployment once (Oracle: "SuiteScript 2.x Scheduled Script Type": execute, 10,000 units). */
import { SYSTEM_USER } from "../account/principal.js";
import type { Starter } from "../account/run-as.js";
import { modelInvocation } from "../clock/model.js";
import type { ScriptHost } from "../runtime/host.js";
import { failure, findTarget } from "./common.js";

export interface ScheduledOptions {
  params?: Record<string, string>;
  /** scriptContext.type: ON_DEMAND (submitted by a script or run on demand, the default), SCHEDULED, USER_INTERFACE. */
  invocationType?: string;
  /** Who started the run (default: its schedule or Save and Execute, the System user). */
  starter?: Starter;
}

export interface ScheduledResult {
  scriptId: string;
  deploymentId: string;
  usage: number;
  seconds: number;
  /** With the clock on: the modelled milliseconds on a real account (script start plus round trips). */
  modelledMs?: number;
}

/** Runs `execute`; throws the script's error when it throws (after the host logged it). */
export async function runScheduled(
  host: ScriptHost,
  scriptId: string,
  deploymentId?: string,
  options: ScheduledOptions = {},
): Promise<ScheduledResult> {
  const target = findTarget(host, scriptId, deploymentId, ["scheduledscript"]);
  const result = await host.invoke({
    ...target,
    entryPoint: "execute",
    input: { type: options.invocationType ?? "ON_DEMAND" },
    executionContext: "SCHEDULED",
    ...(options.params ? { parameters: options.params } : {}),
    // Scheduled deployments have no Execute as Role (SDF scheduledscript scriptdeployment, SDFxml_637067724).
    principal: (options.starter ?? { principal: SYSTEM_USER }).principal,
  });
  if (!result.ok) throw Object.assign(failure(result, "execute failed"), { usage: result.usage });
  return {
    scriptId: target.script.scriptId,
    deploymentId: target.deployment.scriptId,
    usage: result.usage,
    seconds: Math.round(result.durationMs) / 1000,
    ...(host.options.clock && result.trace
      ? { modelledMs: modelInvocation(result.trace, host.options.clock) }
      : {}),
  };
}
