/**
 * Invokes a Suitelet deployment's onRequest (1,000 units) with a plain request; http/suitelet-route.ts serves it over
 * HTTP. Who it runs as (account/run-as.ts): the logged-in user, or for a deployment available without
 * login a visitor who is not logged in (role Online Form User), unless the deployment sets Execute as
 * Role. The deployment's audience must include the role: internal roles by `allroles` or by name in
 * `audslctrole`; a visitor only by ONLINE_FORM_USER in `audslctrole` ("To let external users who aren't
 * logged in access the Suitelet, make sure Online Form User is selected in External Roles"; `allroles`
 * "selects all internal roles. To select external roles, use the audslctrole field", SDF suitelet
 * scriptdeployment, SDFxml_2909147388).
 */
import { ANONYMOUS, type Principal } from "../account/principal.js";
import { runAs } from "../account/run-as.js";
import { modelInvocation } from "../clock/model.js";
import { NsError } from "../errors.js";
import type { SuiteletRequestData, SuiteletResponseData } from "../runtime/entry/types.js";
import type { ScriptHost } from "../runtime/host.js";
import type { DeploymentDef } from "../sdf/types.js";
import { failure, findTarget } from "./common.js";

export type SuiteletRequest = Partial<SuiteletRequestData> & { method: string };

/** The response; with the clock on, also the modelled milliseconds on a real account (script start plus round trips). */
export type SuiteletResult = SuiteletResponseData & { modelledMs?: number };

/** The refusal NetSuite shows a role outside the deployment's audience. */
export const NO_PRIVILEGES = "You do not have privileges to view this page.";

function inAudience(deployment: DeploymentDef, principal: Principal): boolean {
  const role = principal.role;
  const named = (deployment.audienceRoles ?? []).some((r) => r.toLowerCase() === role.scriptId);
  if (role.external) return named;
  return role.administrator || deployment.allRoles === true || named;
}

export async function invokeSuitelet(
  host: ScriptHost,
  scriptId: string,
  deploymentId: string | undefined,
  request: SuiteletRequest,
  /** Who calls: a user, a visitor not logged in, or (undefined) the default for the deployment. */
  user: Principal | "anonymous" | undefined,
  /** The logged-in user a call naming none comes from, for a deployment that needs login. */
  fallback: Principal,
): Promise<SuiteletResult> {
  const target = findTarget(host, scriptId, deploymentId, ["suitelet"]);
  if (!target.deployment.isDeployed) {
    throw new NsError(
      "SSS_INVALID_SCRIPTLET_ID",
      `Deployment ${target.deployment.scriptId} is not deployed.`,
    );
  }
  const visitor = user === "anonymous" || (target.deployment.isOnline && user === undefined);
  const caller = visitor ? ANONYMOUS : typeof user === "object" ? user : fallback;
  if (visitor && !target.deployment.isOnline) throw new NsError("INSUFFICIENT_PERMISSION", NO_PRIVILEGES);
  if (!inAudience(target.deployment, caller)) throw new NsError("INSUFFICIENT_PERMISSION", NO_PRIVILEGES);
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
    principal: runAs(host.roles, target.deployment, { kind: "person", principal: caller }),
  });
  if (!result.ok) throw failure(result, "onRequest failed");
  const response = result.output as SuiteletResponseData;
  const clock = host.options.clock;
  return clock && result.trace ? { ...response, modelledMs: modelInvocation(result.trace, clock) } : response;
}
