/**
 * `nss-netsuite-emulator validate --project <dir>`: what a deployment would refuse, found without
 * running anything — every object against Oracle's SDF XML reference (sdf/validate.ts), the manifest's
 * required features against the account's, role references, and who each deployment runs as
 * (account/lint.ts). For developers without Oracle's CLI; `suitecloud project:validate --server` still
 * checks what only the account knows.
 */
import { checkDeployable, checkRoleReferences } from "./account/deploy-checks.js";
import { Features } from "./account/features.js";
import { type AccessFinding, lintAccess } from "./account/lint.js";
import { Roles } from "./account/roles.js";
import { loadProject } from "./sdf/load.js";
import { SdfError } from "./sdf/node.js";
import type { Project } from "./sdf/types.js";

export interface Validation {
  /** Objects checked against the reference. */
  objects: number;
  skipped: NonNullable<Project["skipped"]>;
  findings: AccessFinding[];
}

/** The checks, as data; an SDF problem throws SdfError naming every one. */
export function validateProject(projectDir: string, features?: readonly string[]): Validation {
  const project = loadProject(projectDir);
  checkDeployable(project, new Features(features));
  const roles = new Roles(project.roles ?? []);
  checkRoleReferences(project, roles);
  return {
    objects:
      project.entityFields.length +
      project.customRecordTypes.length +
      project.scripts.length +
      (project.roles?.length ?? 0) +
      (project.savedSearches?.length ?? 0),
    skipped: project.skipped ?? [],
    findings: lintAccess(project),
  };
}

export async function validateCommand(
  projectDir: string,
  features: string[] | undefined,
  io: { out: (t: string) => void; err: (t: string) => void },
): Promise<number> {
  let result: Validation;
  try {
    result = validateProject(projectDir, features);
  } catch (error) {
    if (error instanceof SdfError || error instanceof Error) {
      io.err(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const lines = [`${projectDir}: ${result.objects} objects checked against Oracle's SDF XML reference.`];
  for (const s of result.skipped)
    lines.push(`  skipped ${s.file}: <${s.type}> is not modelled by the emulator`);
  for (const f of result.findings) lines.push(`  ${f.level} ${f.file}: ${f.message}`);
  const errors = result.findings.filter((f) => f.level === "error").length;
  lines.push(errors === 0 ? "No errors." : `${errors} error(s).`);
  io.out(`${lines.join("\n")}\n`);
  return errors === 0 ? 0 : 1;
}
