/**
 * `<role>` objects (Oracle, "Custom Roles as XML Definitions", section_4731154857, and the role page of
 * the SDF XML reference, SDFxml_2121043136): `name` and `centertype` are required; each
 * `permissions/permission` names a `permkey` — a standard permission (LIST_CUSTJOB) or a reference to
 * a custom record type (`[scriptid=customrecord_x]`) — and a `permlevel` (generic_permission_level).
 */
import { isLevel, LEVELS, type PermissionLevel, type RoleSpec } from "../account/roles.js";
import { scriptIdOf } from "./fields.js";
import type { Node } from "./node.js";
import { PREFIX } from "./schema.js";

export function parseRole(node: Node): RoleSpec {
  const scriptId = scriptIdOf(node, PREFIX.role);
  const permissions: Record<string, PermissionLevel> = {};
  const list = node.child("permissions");
  if (list !== undefined) {
    for (const p of list.all("permission")) {
      const key = p.ref("permkey") ?? p.fail("missing <permkey>");
      const raw = p.required("permlevel");
      const level = isLevel(raw) ? raw : p.fail(`<permlevel> "${raw}" is not one of ${LEVELS.join(", ")}`);
      if (key in permissions) p.fail(`permission ${key} is listed twice`);
      permissions[key] = level;
    }
  }
  return { scriptId, name: node.required("name"), centerType: node.required("centertype"), permissions };
}
