/**
 * Runs the project's SDF installation scripts on deploy (Oracle: "Customizing SuiteApp Project
 * Deployment using SDF Installation Scripts"): every deployed `sdfinstallationscript` deployment,
 * once, in project order; an error stops the deployment, as it stops an SDF deploy.
 */
import type { InstallationInput } from "../runtime/entry/types.js";
import type { ScriptHost } from "../runtime/host.js";
import { failure } from "./common.js";

export interface InstallationRun {
  scriptId: string;
  deploymentId: string;
  usage: number;
}

export async function runInstallation(
  host: ScriptHost,
  versions: InstallationInput,
): Promise<InstallationRun[]> {
  const runs: InstallationRun[] = [];
  for (const script of host.project.scripts) {
    if (script.type !== "sdfinstallationscript") continue;
    for (const deployment of script.deployments) {
      if (!deployment.isDeployed) continue;
      const result = await host.invoke({
        script,
        deployment,
        entryPoint: "run",
        input: versions,
        executionContext: "SDFINSTALLATION",
      });
      if (!result.ok) throw failure(result, `run of ${script.scriptId} failed`);
      runs.push({ scriptId: script.scriptId, deploymentId: deployment.scriptId, usage: result.usage });
    }
  }
  return runs;
}
