/**
 * Runs the project's SDF installation scripts on deploy (Oracle: "Customizing SuiteApp Project
 * Deployment using SDF Installation Scripts"): the deployments deploy.xml's `<run>` names, once each,
 * in that order; an error stops the deployment, as it stops an SDF deploy.
 */
import { ADMIN_USER } from "../account/principal.js";
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
  // Only the installation scripts deploy.xml's <run> names run, in its order (the loader checked them).
  for (const entry of host.project.deployPaths.run) {
    const script = host.project.scripts.find((s) => s.scriptId === entry.scriptId);
    const deployment = script?.deployments.find((d) => d.scriptId === entry.deploymentId);
    if (!(script && deployment?.isDeployed)) continue;
    const result = await host.invoke({
      script,
      deployment,
      entryPoint: "run",
      input: versions,
      executionContext: "SDFINSTALLATION",
      // Which role an installation script runs with is not documented: the emulator runs it as the
      // deploying Administrator (SDF deployment itself needs an administrator-level role).
      principal: ADMIN_USER,
    });
    if (!result.ok) throw failure(result, `run of ${script.scriptId} failed`);
    runs.push({ scriptId: script.scriptId, deploymentId: deployment.scriptId, usage: result.usage });
  }
  return runs;
}
