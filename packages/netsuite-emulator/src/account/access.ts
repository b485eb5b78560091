/**
 * What a principal may do with records and searches; every refusal is NetSuite's INSUFFICIENT_PERMISSION
 * ("Permission Violation: You need  the 'Lists -> Customers' permission to access this page. Please
 * contact your account administrator." — the double space is NetSuite's; a role holding too low a
 * level gets "You need a higher level of the '…' permission"; texts from real responses quoted in
 * public code: the netsuite Ruby gem's fixtures, SuiteScript libraries that test for the name).
 *
 * - Standard records need their list permission: Customers LIST_CUSTJOB (View to read, Create to
 *   create, Edit to change, Full to delete: Oracle's permission levels), Subsidiaries LIST_SUBSIDIARY,
 *   Currency LIST_CURRENCY, Employees LIST_EMPLOYEE. No key exists for the customer–subsidiary
 *   relationship (Oracle's permission list has none): the emulator asks for Customers.
 * - Script deployments (`scriptdeployment`) need the SuiteScript permission, permkey ADMI_CUSTOMSCRIPT
 *   (its name and key: Oracle's SDF permission list in oracle/netsuite-suitecloud-sdk,
 *   packages/agent-skills/netsuite-sdf-roles-and-permissions/references/permissions.json, and the
 *   emulator's SDF reference `generic_permission`): View to view them, Create to create, Edit to edit
 *   (Oracle, "Setting Roles and Permissions for SuiteScript", article_0403053450: "View script records
 *   and script deployment records: … SuiteScript permission (View level)", "Create, view, and edit …:
 *   (Edit level)"); Full to delete, as for every record here. Searching them is viewing them: Oracle
 *   names no level for searches of deployments, so the emulator is strict and asks for SuiteScript at
 *   View besides Perform Search, as for every search. Oracle words the rule for the script owner ("To
 *   access script deployment records within a script, the script owner must belong to a role assigned
 *   with SuiteScript permissions", "Script Deployment", section_3753014009); the emulator checks the
 *   role the script runs as, as for every record (it models no script owner). The message's
 *   "Setup -> SuiteScript" follows NetSuite's "<subtab> -> <permission>" form: inferred, not quoted.
 * - Searches need Perform Search (LIST_FIND, View) and View of the searched type. A saved search made
 *   by `search.create` is private ("By default, all searches created through search.create(options)
 *   are private", Search.isPublic): another user's private search loads as if it did not exist
 *   (INVALID_SEARCH, the documented error of search.load; Administrators see every search — both
 *   unverified on a real account).
 * - Custom records follow their type's `accesstype` (Oracle, "Custom Record Type Permissions",
 *   section_N2879931, and the SDF XML reference): CUSTRECORDENTRYPERM (the default) needs the role's
 *   permission for the type or Custom Record Entries (LIST_CUSTRECORDENTRY); USEPERMISSIONLIST the
 *   type's own list (`permittedrole`/`permittedlevel`) or the role's permission for the type, and
 *   Custom Record Entries only when the list is empty ("If you do not set permissions here, anyone with
 *   access to custom record entries can view, edit…"); NONENEEDED any internal role. The list does
 *   not restrict searches ("these permission settings are not used to restrict search access to
 *   custom record data"): a search of a USEPERMISSIONLIST type needs only an internal role.
 */
import type { Catalog } from "../data/catalog.js";
import { NsError } from "../errors.js";
import type { CustomRecordTypeDef } from "../sdf/types.js";
import type { Principal } from "./principal.js";
import { levelOf, levelRank, normalizeKey, type PermissionLevel } from "./roles.js";

/** Standard record types: their permission key and its name as NetSuite's message shows it. */
const STANDARD: Readonly<Record<string, { key: string; label: string }>> = {
  customer: { key: "LIST_CUSTJOB", label: "Lists -> Customers" },
  customersubsidiaryrelationship: { key: "LIST_CUSTJOB", label: "Lists -> Customers" },
  subsidiary: { key: "LIST_SUBSIDIARY", label: "Lists -> Subsidiaries" },
  currency: { key: "LIST_CURRENCY", label: "Lists -> Currency" },
  employee: { key: "LIST_EMPLOYEE", label: "Lists -> Employees" },
  scriptdeployment: { key: "ADMI_CUSTOMSCRIPT", label: "Setup -> SuiteScript" },
};

const PERFORM_SEARCH = { key: "LIST_FIND", label: "Lists -> Perform Search" };
const CUSTOM_RECORD_ENTRIES = "LIST_CUSTRECORDENTRY";

export function permissionViolation(label: string, has: PermissionLevel): NsError {
  // NetSuite's own spacing: "You need  the 'X' permission" (two spaces), "You need a higher level of …".
  const need = has === "NONE" ? " the" : "a higher level of the";
  return new NsError(
    "INSUFFICIENT_PERMISSION",
    `Permission Violation: You need ${need} '${label}' permission to access this page. Please contact your account administrator.`,
  );
}

const max = (a: PermissionLevel, b: PermissionLevel): PermissionLevel =>
  levelRank(a) >= levelRank(b) ? a : b;

export class Access {
  private readonly customTypes = new Map<string, CustomRecordTypeDef>();

  constructor(
    private readonly catalog: Catalog,
    customRecordTypes: readonly CustomRecordTypeDef[],
  ) {
    for (const t of customRecordTypes) this.customTypes.set(t.scriptId.toLowerCase(), t);
  }

  /** Refuses unless the principal holds `need` on records of `type`. */
  record(principal: Principal, type: string, need: PermissionLevel): void {
    const id = this.catalog.require(type).id;
    const has = this.levelFor(principal, id);
    if (levelRank(has) < levelRank(need)) throw permissionViolation(this.label(id), has);
  }

  /** Refuses unless the principal may search records of `type` (search.create/load + run, lookupFields). */
  search(principal: Principal, type: string): void {
    const role = principal.role;
    const find = levelOf(role, PERFORM_SEARCH.key);
    if (role.external || levelRank(find) < levelRank("VIEW"))
      throw permissionViolation(PERFORM_SEARCH.label, find);
    const id = this.catalog.require(type).id;
    const custom = this.customTypes.get(id);
    // A permission list does not restrict searches of its type: any internal role may search it.
    if (custom?.accessType === "USEPERMISSIONLIST") return;
    this.record(principal, id, "VIEW");
  }

  /** Whether a saved search is visible to the principal: public, its own, or an Administrator. */
  canSee(principal: Principal, search: { isPublic: boolean; ownerId?: number }): boolean {
    return search.isPublic || principal.role.administrator || search.ownerId === principal.userId;
  }

  /** The level the principal has of records of a type. */
  levelFor(principal: Principal, type: string): PermissionLevel {
    const role = principal.role;
    if (role.administrator) return "FULL";
    const standard = STANDARD[type];
    if (standard) return levelOf(role, standard.key);
    const custom = this.customTypes.get(type);
    if (!custom) return "NONE";
    if (role.external) return "NONE";
    const own = role.permissions.get(normalizeKey(custom.scriptId)) ?? "NONE";
    const entries = levelOf(role, CUSTOM_RECORD_ENTRIES);
    switch (custom.accessType ?? "CUSTRECORDENTRYPERM") {
      case "NONENEEDED":
        return "FULL";
      case "USEPERMISSIONLIST": {
        const listed = (custom.permissions ?? []).filter((p) => p.role.toLowerCase() === role.scriptId);
        const fromList = listed.reduce<PermissionLevel>((a, p) => max(a, p.level), "NONE");
        const empty = (custom.permissions ?? []).length === 0;
        return max(max(fromList, own), empty ? entries : "NONE");
      }
      default:
        return max(own, entries);
    }
  }

  private label(type: string): string {
    const standard = STANDARD[type];
    if (standard) return standard.label;
    return this.customTypes.get(type)?.recordName ?? type;
  }
}
