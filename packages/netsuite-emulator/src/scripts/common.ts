/** Helpers the script runners share: finding scripts and deployments, NetSuite's error serialisation, runner log entries. */
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { SYSTEM_USER } from "../account/principal.js";
import { NsError, type PlainNsError } from "../errors.js";
import type { InvocationResult } from "../runtime/contracts.js";
import type { InvocationContext, ScriptHost } from "../runtime/host.js";
import type { LogLevel } from "../runtime/log.js";
import type { DeploymentDef, ScriptDef, ScriptType } from "../sdf/types.js";

export interface Target {
  script: ScriptDef;
  deployment: DeploymentDef;
}

/** The script and deployment (the first deployed one when no ID is given); SSS_INVALID_SCRIPT_ID-style errors name what exists. */
export function findTarget(
  host: ScriptHost,
  scriptId: string,
  deploymentId?: string,
  types?: ScriptType[],
): Target {
  const scripts = host.project.scripts;
  const script = scripts.find((s) => s.scriptId.toLowerCase() === scriptId.toLowerCase());
  if (!script) {
    const known = scripts
      .filter((s) => !types || types.includes(s.type))
      .map((s) => `${s.scriptId} (${s.type})`);
    throw new NsError(
      "SSS_INVALID_SCRIPT_ID_1",
      `No script ${scriptId} in the project. Scripts: ${known.length ? known.join(", ") : "none"}.`,
    );
  }
  if (types && !types.includes(script.type)) {
    throw new NsError(
      "SSS_INVALID_SCRIPT_ID_1",
      `${script.scriptId} is a ${script.type}, not a ${types.join(" or ")}.`,
    );
  }
  const deployment =
    deploymentId === undefined
      ? (script.deployments.find((d) => d.isDeployed) ?? script.deployments[0])
      : script.deployments.find((d) => d.scriptId.toLowerCase() === deploymentId.toLowerCase());
  if (!deployment) {
    const known = script.deployments.map((d) => d.scriptId).join(", ") || "none";
    throw new NsError(
      "INVALID_SCRIPT_DEPLOYMENT_ID_1",
      `${script.scriptId} has no deployment ${deploymentId ?? ""}. Deployments: ${known}.`.replace("  ", " "),
    );
  }
  return { script, deployment };
}

/**
 * `JSON.stringify(error)` as map/reduce summaries and logs show a SuiteScriptError:
 * `{"type":"error.SuiteScriptError","name":…,"message":…,"stack":[…],"cause":{…},"id":"","notifyOff":false,"userFacing":…}`.
 */
/** The emulator's own files: their frames are not the script's and are left out of serialised stacks. */
const PACKAGE = fileURLToPath(new URL("../..", import.meta.url));
const EMULATOR_DIRS = [`${PACKAGE}dist/`, `${PACKAGE}src/`];

export function serializeError(error: PlainNsError & { stack?: string }): string {
  const stack = (error.stack ?? "")
    .split("\n")
    .slice(1)
    .map((l) => l.trim())
    .filter((l) => l !== "" && !EMULATOR_DIRS.some((d) => l.includes(d)) && !l.includes("node:"));
  return JSON.stringify({
    type: "error.SuiteScriptError",
    name: error.name,
    message: error.message,
    stack,
    cause: {
      type: "internal error",
      code: error.name,
      details: error.message,
      userEvent: error.userEvent ?? null,
      stackTrace: stack,
      notifyOff: error.notifyOff,
    },
    id: error.id,
    notifyOff: error.notifyOff,
    userFacing: false,
  });
}

/** The error a failed invocation reports, as an NsError to rethrow to a caller. */
export function failure(result: InvocationResult, fallback: string): NsError {
  const e = result.error ?? { name: "UNEXPECTED_ERROR", message: fallback, id: "", notifyOff: false };
  return new NsError(e.name, e.message, { id: e.id, notifyOff: e.notifyOff });
}

/** Appends a runner's own entry (a map/reduce summary, an installation) to the execution log of a deployment. */
export function logFor(
  host: ScriptHost,
  target: Target,
  entryPoint: string,
  level: LogLevel,
  title: string,
  details: string,
): void {
  const ctx: InvocationContext = {
    script: target.script,
    deployment: target.deployment,
    principal: SYSTEM_USER,
    invocation: {
      invocationId: `runner-${randomUUID()}`,
      file: host.fileOf(target.script),
      fileCabinet: host.project.fileCabinet,
      scriptType: target.script.type,
      entryPoint,
      input: null,
      runtime: host.runtimeInfo({
        script: target.script,
        deployment: target.deployment,
        entryPoint,
        input: null,
        executionContext: "",
      }),
      usageLimit: 0,
    },
  };
  host.log.append(ctx, { level, title, details });
}

/** Seconds since a `performance.now()` start, to the millisecond. */
export function secondsSince(start: number): number {
  return Math.round(performance.now() - start) / 1000;
}
