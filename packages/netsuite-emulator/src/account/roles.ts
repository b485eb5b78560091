/**
 * Roles: what a script may touch depends on the role it runs with. Three kinds exist here:
 * - Administrator (internal ID 3): every permission, at Full.
 * - Online Form User (-31): the role of a visitor who is not logged in, in a Suitelet available without
 *   login ("nlapiGetRole() always returns -31 (the online form user role) … nlapiGetUser() returns -4",
 *   Oracle, "Working with Online Forms", chapter_N2952852). It is not an internal role, so it gets
 *   nothing a permission guards, nor custom records open to internal roles only (accesstype NONENEEDED,
 *   now "No Permission Required for Internal Roles", Oracle bridgehead_N2879432).
 * - Custom roles: SDF `<role>` objects of the project, and roles the account holds already (test
 *   options), each with its permission list (`permkey` → level).
 */
import { NsError } from "../errors.js";

/** `generic_permission_level` (SDF XML reference), weakest first. */
export const LEVELS = ["NONE", "VIEW", "CREATE", "EDIT", "FULL"] as const;
export type PermissionLevel = (typeof LEVELS)[number];

export const levelRank = (level: PermissionLevel): number => LEVELS.indexOf(level);

export function isLevel(value: string): value is PermissionLevel {
  return (LEVELS as readonly string[]).includes(value);
}

export interface RoleDef {
  /** `runtime.getCurrentUser().role`: 3 Administrator, -31 Online Form User, 1001… custom roles. */
  internalId: number;
  /** `runtime.getCurrentUser().roleId`: `administrator`, `online_form_user`, `customrole_x`. */
  scriptId: string;
  name: string;
  /** `runtime.getCurrentUser().roleCenter`. */
  centerType: string;
  /** Every permission at Full. */
  administrator: boolean;
  /** A visitor who is not logged in (Online Form User). */
  external: boolean;
  /** permkey (upper case, or a custom record's script ID in lower case) → level. */
  permissions: ReadonlyMap<string, PermissionLevel>;
}

export const ADMINISTRATOR: RoleDef = {
  internalId: 3,
  scriptId: "administrator",
  name: "Administrator",
  centerType: "BASIC",
  administrator: true,
  external: false,
  permissions: new Map(),
};

export const ONLINE_FORM_USER: RoleDef = {
  internalId: -31,
  scriptId: "online_form_user",
  name: "Online Form User",
  centerType: "BASIC",
  administrator: false,
  external: true,
  permissions: new Map(),
};

/** A role as a project object or a test gives it. */
export interface RoleSpec {
  scriptId: string;
  name?: string;
  centerType?: string;
  /** permkey → level: `{ LIST_CUSTJOB: "EDIT", customrecord_x: "VIEW" }`. */
  permissions: Record<string, PermissionLevel>;
}

/** The level a role has of a permission (Administrator: Full; none listed: None). */
export function levelOf(role: RoleDef, permkey: string): PermissionLevel {
  if (role.administrator) return "FULL";
  return role.permissions.get(normalizeKey(permkey)) ?? "NONE";
}

/** Standard permission keys are upper case; custom record script IDs are matched in lower case. */
export function normalizeKey(permkey: string): string {
  return /^custom/i.test(permkey) ? permkey.toLowerCase() : permkey.toUpperCase();
}

/** The account's roles: the standard ones the emulator models, the project's and the account's own. */
export class Roles {
  private readonly byId = new Map<string, RoleDef>();

  constructor(specs: readonly RoleSpec[] = []) {
    this.byId.set(ADMINISTRATOR.scriptId, ADMINISTRATOR);
    this.byId.set(ONLINE_FORM_USER.scriptId, ONLINE_FORM_USER);
    specs.forEach((spec, i) => {
      const scriptId = spec.scriptId.toLowerCase();
      if (this.byId.has(scriptId)) throw new Error(`Role ${scriptId} is defined twice.`);
      const permissions = new Map<string, PermissionLevel>();
      for (const [key, level] of Object.entries(spec.permissions)) {
        if (!isLevel(level))
          throw new Error(`Role ${scriptId}: ${key} has level "${level}"; levels: ${LEVELS.join(", ")}.`);
        permissions.set(normalizeKey(key), level);
      }
      this.byId.set(scriptId, {
        internalId: 1001 + i,
        scriptId,
        name: spec.name ?? scriptId,
        centerType: spec.centerType ?? "BASIC",
        administrator: false,
        external: false,
        permissions,
      });
    });
  }

  /**
   * A role by the name SDF gives it: `ADMINISTRATOR`, `ONLINE_FORM_USER` (standard roles in
   * `runasrole`, `permittedrole`, `audslctrole`) or a custom role's script ID. A standard role the
   * emulator does not model is UNSUPPORTED_BY_EMULATOR, never a guess at its permissions.
   */
  get(name: string): RoleDef {
    const found = this.byId.get(name.toLowerCase());
    if (found) return found;
    if (/^customrole/i.test(name)) {
      throw new NsError(
        "INVALID_KEY_OR_REF",
        `Invalid role reference key ${name}: the account has no such role.`,
      );
    }
    throw new NsError(
      "UNSUPPORTED_BY_EMULATOR",
      `UNSUPPORTED_BY_EMULATOR: standard role ${name} (the emulator models ADMINISTRATOR, ONLINE_FORM_USER and custom roles)`,
    );
  }

  has(name: string): boolean {
    return this.byId.has(name.toLowerCase());
  }

  list(): RoleDef[] {
    return [...this.byId.values()];
  }
}
