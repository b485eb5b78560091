/**
 * The principal a deployment runs with (Oracle, "Executing Scripts Using a Specific Role",
 * chapter_N2997500, and "Script Types That Support Execute as Role", article_1212112429):
 * - a deployment's Execute as Role (`runasrole`) replaces the role of whoever started it: Suitelets
 *   and user events document it; map/reduce deployments carry the field in SDF (SDFxml_27094036)
 *   though the UI page does not list them, so the emulator honours it there too — if NetSuite runs them
 *   as the System user with Administrator permissions instead, every check passes anyway;
 * - "When one script triggers another, the triggered script runs with the first script's role-not the
 *   role set on its own deployment": a user event fired by a script's save runs with that script's
 *   principal, and so does a map/reduce submitted by a script ("with the identity/role being inherited
 *   from the script that called the method", MapReduceScriptTask.submit()).
 */
import type { DeploymentDef } from "../sdf/types.js";
import { type Principal, withRole } from "./principal.js";
import type { Roles } from "./roles.js";

/** Who started the deployment: a person (the UI, a request, a schedule) or another script. */
export type Starter = { kind: "person"; principal: Principal } | { kind: "script"; principal: Principal };

export function runAs(roles: Roles, deployment: DeploymentDef, starter: Starter): Principal {
  if (starter.kind === "script" || deployment.runAsRole === undefined) return starter.principal;
  return withRole(starter.principal, roles.get(deployment.runAsRole));
}
