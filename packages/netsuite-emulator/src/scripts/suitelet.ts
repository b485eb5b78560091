/** Invokes a Suitelet deployment's onRequest (1,000 units) with a plain request; part 2 serves it over HTTP. */
import { NsError } from "../errors.js";
import type { SuiteletRequestData, SuiteletResponseData } from "../runtime/entry/types.js";
import type { ScriptHost } from "../runtime/host.js";
import { failure, findTarget } from "./common.js";

export type SuiteletRequest = Partial<SuiteletRequestData> & { method: string };

export async function invokeSuitelet(
  host: ScriptHost,
  scriptId: string,
  deploymentId: string | undefined,
  request: SuiteletRequest,
): Promise<SuiteletResponseData> {
  const target = findTarget(host, scriptId, deploymentId, ["suitelet"]);
  if (!target.deployment.isDeployed) {
    throw new NsError(
      "SSS_INVALID_SCRIPTLET_ID",
      `Deployment ${target.deployment.scriptId} is not deployed.`,
    );
  }
  const input: SuiteletRequestData = {
    method: request.method.toUpperCase(),
    url:
      request.url ??
      `${host.runtimeInfo({ ...target, entryPoint: "onRequest", input: null, executionContext: "SUITELET" }).domains.app}/app/site/hosting/scriptlet.nl`,
    parameters: { script: target.script.scriptId, deploy: target.deployment.scriptId, ...request.parameters },
    headers: request.headers ?? {},
    body: request.body ?? "",
    ...(request.clientIpAddress ? { clientIpAddress: request.clientIpAddress } : {}),
  };
  const result = await host.invoke({
    ...target,
    entryPoint: "onRequest",
    input,
    executionContext: "SUITELET",
  });
  if (!result.ok) throw failure(result, "onRequest failed");
  return result.output as SuiteletResponseData;
}
