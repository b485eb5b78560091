/**
 * Script deployment records (`scriptdeployment`): each deployment of the loaded project is one record,
 * and a deployment's script parameter values are fields of it (`custscript_…`), which scripts read
 * and change with N/search and N/record (Oracle, "Script Deployment", section_3753014009: "The
 * internal ID for the script deployment record is scriptdeployment"; SDF: "you can set a value for a
 * custom field defined in the parent object", SDFxml_1334137041).
 *
 * - Internal IDs: given once per deployment (and per script, for the `script` field) and kept with the
 *   account (db.ts `object_ids`), so they survive reopening a file-backed account and a redeploy.
 * - `scriptid` holds the deployment's script ID as the project spells it; searches match it in any case,
 *   as they match all text (data/filters.ts), and as the emulator finds deployments by script ID
 *   elsewhere (scripts/common.ts findTarget). Whether NetSuite answers it in upper case in results is
 *   not confirmed here.
 * - What the emulator changes: the parameters of the deployment's own script. Every other field comes
 *   from the project's SDF objects (title, status, isdeployed, loglevel, script): a write that would
 *   change one, or name a field the record does not have here, is UNSUPPORTED_BY_EMULATOR, never
 *   ignored. NetSuite lets scripts change those too ("fully scriptable - it can be created, copied,
 *   updated, deleted, and searched", section_3753014009), and create and delete deployments; here SDF
 *   owns them, so record.create, record.delete and those writes are not modelled.
 * - A parameter value is what getParameter answers: the script's default, under the deployment's
 *   value in the project, under a value set in the account (kept in db.ts `deployment_values`), under
 *   N/task params for one run (runtime/host.ts `parameters`). A write that leaves a parameter as it is
 *   stores nothing.
 * - Values that must fit: as every field's (data/values.ts `normalizeValue`: a checkbox takes
 *   true/false/"T"/"F", numbers numeric text, a select an internal ID of an existing record). Date,
 *   date/time and multiple-select parameters are UNSUPPORTED_BY_EMULATOR: what getParameter answers for
 *   them is not modelled.
 * - Redeploy (opening the account with a newer project): values set in the account are kept for
 *   parameters the deployment's script still has (and that still fit the parameter's type), and
 *   dropped otherwise; a deployment no longer in the project is no longer a record, and its values go
 *   with it. Oracle makes keeping or overwriting a SuiteApp's deployments on update a choice of the
 *   project ("Overwrite Settings for SuiteApp Projects", section_160751417871: `overwriting.xml`,
 *   OVERWRITE or PRESERVE per deployment, applied with Apply Installation Preferences) and states no
 *   default without one; the emulator does not read that file and keeps the account's values, as
 *   PRESERVE would: the emulator's reading.
 * - Oracle: "Scripts can only access script deployment records when the records are part of the same
 *   bundle" (section_3753014009): every deployment here is the project's, as is every script.
 */
import { NsError, unsupported } from "../errors.js";
import type { DeploymentDef, Project, ScriptDef } from "../sdf/types.js";
import type { Catalog, FieldDef } from "./catalog.js";
import type { Db, Values } from "./db.js";
import type { FieldValue } from "./types.js";
import { normalizeValue } from "./values.js";

export const SCRIPT_DEPLOYMENT = "scriptdeployment";

/** Parameter field types a script may write: those whose getParameter value the emulator models. */
const WRITABLE: ReadonlySet<FieldDef["type"]> = new Set([
  "text",
  "textarea",
  "email",
  "phone",
  "url",
  "checkbox",
  "integer",
  "float",
  "currency",
  "select",
]);

/** One deployment of the project as a record. */
export interface DeploymentEntry {
  id: number;
  script: ScriptDef;
  deployment: DeploymentDef;
  /** The script record's internal ID (the `script` field). */
  scriptInternalId: number;
}

/**
 * A script's parameters as getParameter reads them (strings; checkboxes "T"/"F"): its defaults, the
 * deployment's values in the project, the values set in the account (null: cleared), then overrides
 * (N/task params of one run).
 */
export function effectiveParameters(
  script: ScriptDef,
  deployment: DeploymentDef,
  account: Readonly<Record<string, string | null>> = {},
  overrides: Readonly<Record<string, string>> = {},
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of script.parameters) if (p.defaultValue !== undefined) out[p.scriptId] = p.defaultValue;
  Object.assign(out, deployment.parameters);
  for (const [id, value] of Object.entries(account)) {
    if (value === null) delete out[id];
    else out[id] = value;
  }
  return { ...out, ...overrides };
}

/** A stored field value as getParameter's text: checkboxes "T"/"F", numbers as text, empty as null. */
function parameterText(value: FieldValue): string | null {
  if (value === null || value === "") return null;
  if (typeof value === "boolean") return value ? "T" : "F";
  if (Array.isArray(value)) return value.join(",");
  return String(value);
}

const same = (a: FieldValue | undefined, b: FieldValue | undefined): boolean =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function notFound(): NsError {
  return new NsError("RCRD_DSNT_EXIST", "That record does not exist.");
}

export class Deployments {
  private readonly byId = new Map<number, DeploymentEntry>();
  private readonly byScriptId = new Map<string, DeploymentEntry>();

  constructor(
    private readonly db: Db,
    private readonly catalog: Catalog,
    private readonly project: Project | undefined,
  ) {}

  /**
   * Makes the project's deployments the account's `scriptdeployment` records: internal IDs (kept
   * from before), the records' values, and the account's parameter values pruned to the parameters
   * that still exist and fit. Runs when the account opens.
   */
  sync(): void {
    this.db.transaction(() => {
      const names: Record<string, string> = {};
      const scripts = new Set<number>();
      for (const script of this.project?.scripts ?? []) {
        const scriptInternalId = this.db.objectId("script", script.scriptId.toLowerCase());
        names[String(scriptInternalId)] = script.name;
        // The script record as the `script` search join reads it (data/catalog.ts scriptJoinType).
        this.db.put("script", scriptInternalId, { scriptid: script.scriptId, name: script.name });
        scripts.add(scriptInternalId);
        for (const deployment of script.deployments) {
          const id = this.db.objectId(SCRIPT_DEPLOYMENT, deployment.scriptId.toLowerCase());
          const entry: DeploymentEntry = { id, script, deployment, scriptInternalId };
          this.byId.set(id, entry);
          this.byScriptId.set(deployment.scriptId.toLowerCase(), entry);
        }
      }
      for (const row of this.db.all("script")) if (!scripts.has(row.id)) this.db.delete("script", row.id);
      // The `script` selects show the scripts' names: the deployment's and a script instance's.
      for (const typeId of [SCRIPT_DEPLOYMENT, "scheduledscriptinstance"]) {
        const def = this.catalog.require(typeId);
        const script = def.fields.get("script");
        if (script) def.fields.set("script", { ...script, options: names });
      }
      for (const id of this.db.deploymentsWithValues()) {
        const entry = this.byId.get(id);
        for (const [param, value] of Object.entries(this.db.deploymentValues(id))) {
          const fitted = entry && this.fitted(entry, param, value);
          if (fitted === undefined) this.db.deleteDeploymentValue(id, param);
          else if (!same(fitted, value)) this.db.putDeploymentValue(id, param, fitted);
        }
      }
      for (const row of this.db.all(SCRIPT_DEPLOYMENT)) {
        if (!this.byId.has(row.id)) this.db.delete(SCRIPT_DEPLOYMENT, row.id);
      }
      for (const entry of this.byId.values()) this.db.put(SCRIPT_DEPLOYMENT, entry.id, this.values(entry));
    });
  }

  /** The deployment with this script ID (`customdeploy_…`, any case), if the project has it. */
  find(deploymentScriptId: string): DeploymentEntry | undefined {
    return this.byScriptId.get(deploymentScriptId.toLowerCase());
  }

  /** The parameter values set in the account for a deployment, by the project's parameter IDs (null: cleared). */
  accountValues(deploymentScriptId: string): Record<string, string | null> {
    const entry = this.find(deploymentScriptId);
    if (!entry) return {};
    const stored = this.db.deploymentValues(entry.id);
    const out: Record<string, string | null> = {};
    for (const p of entry.script.parameters) {
      const value = stored[p.scriptId.toLowerCase()];
      if (value !== undefined) out[p.scriptId] = parameterText(value);
    }
    return out;
  }

  /**
   * A script's write (Record.save after load, submitFields) of deployment `id`: parameters of its
   * script are checked against their field types and kept when they change; any other field must keep
   * its value. `checkReference` refuses a select value naming no record. Returns the ID.
   */
  write(
    id: number,
    values: Record<string, FieldValue>,
    checkReference: (field: FieldDef, value: FieldValue) => void,
  ): number {
    const entry = this.byId.get(id);
    const current = this.db.get(SCRIPT_DEPLOYMENT, id);
    if (!entry || !current) throw notFound();
    const changes = new Map<string, FieldValue>();
    for (const [key, value] of Object.entries(values)) {
      const field = this.catalog.field(SCRIPT_DEPLOYMENT, key);
      const param = field && this.parameterOf(entry, field.id);
      if (field && param) {
        // A loaded record saved back gives every field as it was: nothing to check or keep.
        if (same(value, current[field.id])) continue;
        if (!WRITABLE.has(field.type)) {
          throw unsupported(
            `a value for ${field.id}, a ${param.fieldType} parameter of ${entry.script.scriptId} (what getParameter answers for it is not modelled)`,
          );
        }
        const normalized = normalizeValue(field, value);
        checkReference(field, normalized);
        if (!same(normalized, current[field.id])) changes.set(field.id, normalized);
        continue;
      }
      if (field && this.unchanged(field, value, current[field.id])) continue;
      throw unsupported(
        `a value for ${key} of script deployment ${entry.deployment.scriptId} (the emulator changes only the parameters of ${entry.script.scriptId}: ${
          entry.script.parameters.map((p) => p.scriptId).join(", ") || "it has none"
        }; the rest of a deployment comes from the project's SDF objects)`,
      );
    }
    for (const [param, value] of changes) this.db.putDeploymentValue(id, param, value);
    if (changes.size > 0) this.db.put(SCRIPT_DEPLOYMENT, id, this.values(entry));
    return id;
  }

  /** The record's values: the deployment's fields from the project and its parameters' current values. */
  private values(entry: DeploymentEntry): Values {
    const { deployment } = entry;
    const values: Values = {
      scriptid: deployment.scriptId,
      title: deployment.title,
      isdeployed: deployment.isDeployed,
      status: deployment.status.toUpperCase(),
      loglevel: deployment.logLevel.toUpperCase(),
      script: String(entry.scriptInternalId),
    };
    const params = effectiveParameters(entry.script, deployment, this.accountValues(deployment.scriptId));
    for (const p of entry.script.parameters) {
      const field = this.catalog.field(SCRIPT_DEPLOYMENT, p.scriptId);
      if (!field) continue;
      const raw = params[p.scriptId];
      try {
        values[field.id] = normalizeValue(field, raw ?? null);
      } catch {
        // A project value the emulator cannot type (a select naming an object by script ID): as given.
        values[field.id] = raw ?? null;
      }
    }
    return values;
  }

  /** The parameter of the deployment's script that a field is, if it is one. */
  private parameterOf(entry: DeploymentEntry, fieldId: string) {
    return entry.script.parameters.find((p) => p.scriptId.toLowerCase() === fieldId);
  }

  /**
   * A stored value as the parameter of the deployment's script now types it; undefined when the
   * script no longer has the parameter or the value no longer fits (a redeploy changed its type).
   */
  private fitted(entry: DeploymentEntry, param: string, value: FieldValue): FieldValue | undefined {
    const field = this.catalog.field(SCRIPT_DEPLOYMENT, param);
    if (!field || !this.parameterOf(entry, field.id) || !WRITABLE.has(field.type)) return undefined;
    try {
      return normalizeValue(field, value);
    } catch {
      return undefined;
    }
  }

  /** Whether a value for a field the emulator does not change leaves it as it is. */
  private unchanged(field: FieldDef, value: FieldValue, current: FieldValue | undefined): boolean {
    try {
      return same(normalizeValue(field, value), current);
    } catch {
      return false;
    }
  }
}
