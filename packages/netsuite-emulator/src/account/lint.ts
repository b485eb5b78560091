/**
 * What a project's deployments and record types say about access, checked without running anything
 * (the `validate` command): a Suitelet available without login must let Online Form User in, and one
 * without Execute as Role reads nothing a permission guards; a permission list naming no role but
 * Administrator shuts out every script. (That the roles named exist is checkRoleReferences'.) Errors make
 * a script refused; warnings are likely mistakes.
 */
import type { Project } from "../sdf/types.js";

export interface AccessFinding {
  level: "error" | "warning";
  file: string;
  message: string;
}

export function lintAccess(project: Project): AccessFinding[] {
  const out: AccessFinding[] = [];
  for (const script of project.scripts) {
    const file = `src/Objects/${script.scriptId}.xml`;
    for (const d of script.deployments) {
      const named = (d.audienceRoles ?? []).map((r) => r.toLowerCase());
      if (script.type !== "suitelet" || !d.isOnline) continue;
      if (!named.includes("online_form_user")) {
        out.push({
          level: "error",
          file,
          message: `${d.scriptId} is available without login but its audience lacks ONLINE_FORM_USER (<audslctrole>): visitors get "You do not have privileges to view this page"`,
        });
      }
      if (d.runAsRole === undefined) {
        out.push({
          level: "warning",
          file,
          message: `${d.scriptId} is available without login and has no Execute as Role (<runasrole>): it runs as Online Form User and can read no record a permission guards`,
        });
      }
    }
  }
  for (const type of project.customRecordTypes) {
    const file = `src/Objects/${type.scriptId}.xml`;
    if ((type.accessType ?? "CUSTRECORDENTRYPERM") !== "USEPERMISSIONLIST") continue;
    const others = (type.permissions ?? []).filter((p) => p.role.toUpperCase() !== "ADMINISTRATOR");
    if (others.length === 0) {
      out.push({
        level: "warning",
        file,
        message: `${type.scriptId} uses its permission list and lists no role but Administrator: scripts running as any other role cannot open its records`,
      });
    }
  }
  return out;
}
