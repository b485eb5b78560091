/**
 * What a deployment checks against the target account, beyond the project's own validity: the
 * manifest's required features must be enabled there. Oracle, "Manually Defining Feature Dependencies
 * in the SuiteCloud Project Manifest" (section_1523379149): with required="true", "If the target account
 * doesn't have the feature enabled, the installation (or deployment) will fail with an error."
 */
import { SdfError } from "../sdf/node.js";
import type { Project } from "../sdf/types.js";
import type { Features } from "./features.js";
import type { Roles } from "./roles.js";

export function checkDeployable(project: Project, features: Features): void {
  const missing = project.manifest.features.filter((f) => f.required && !features.has(f.name));
  if (missing.length === 0) return;
  const names = missing.map((f) => f.name).join(", ");
  throw new SdfError(
    "src/manifest.xml",
    "<manifest>/<dependencies>/<features>",
    `the project requires ${names} (required="true"), which the account does not have enabled: enable it at Setup > Company > Enable Features, or mark it required="false" if the SuiteApp works without it (it then has to).`,
  );
}

/**
 * Every custom role a deployment or record type names must exist, in the project or the account:
 * SDF refuses a reference to an object it cannot find ("SDF Custom Object Dependencies", the manifest's
 * `<dependencies><objects>` for objects outside the project).
 */
export function checkRoleReferences(project: Project, roles: Roles): void {
  const missing = (name: string) => /^customrole/i.test(name) && !roles.has(name);
  for (const script of project.scripts) {
    for (const d of script.deployments) {
      for (const name of [...(d.runAsRole ? [d.runAsRole] : []), ...(d.audienceRoles ?? [])]) {
        if (missing(name)) {
          throw new SdfError(
            `src/Objects/${script.scriptId}.xml`,
            `<scriptdeployment scriptid="${d.scriptId}">`,
            `role ${name} is neither in the project nor in the account`,
          );
        }
      }
    }
  }
  for (const type of project.customRecordTypes) {
    for (const p of type.permissions ?? []) {
      if (missing(p.role)) {
        throw new SdfError(
          `src/Objects/${type.scriptId}.xml`,
          "<customrecordtype>/<permissions>",
          `role ${p.role} is neither in the project nor in the account`,
        );
      }
    }
  }
}
