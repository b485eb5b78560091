/** An SDF project as the emulator understands it (src/manifest.xml, src/deploy.xml, src/Objects/*.xml). */
import type { RoleSpec } from "../account/roles.js";

export type ScriptType =
  | "usereventscript"
  | "mapreducescript"
  | "scheduledscript"
  | "suitelet"
  | "clientscript"
  | "restlet"
  | "sdfinstallationscript";

/** The `@NScriptType` each script record type requires in its file's header. */
export const SCRIPT_TYPE_HEADER: Readonly<Record<ScriptType, string>> = {
  usereventscript: "UserEventScript",
  mapreducescript: "MapReduceScript",
  scheduledscript: "ScheduledScript",
  suitelet: "Suitelet",
  clientscript: "ClientScript",
  restlet: "Restlet",
  sdfinstallationscript: "SDFInstallationScript",
};

export interface Manifest {
  projectType: "SUITEAPP" | "ACCOUNTCUSTOMIZATION";
  publisherId?: string;
  projectId?: string;
  projectName: string;
  projectVersion?: string;
  frameworkVersion: string;
  features: { name: string; required: boolean }[];
}

/** A custom field: entity (`custentity_…`) or of a custom record (`custrecord_…`). */
export interface CustomFieldDef {
  scriptId: string;
  label: string;
  /** SDF field type: TEXT, TEXTAREA, CHECKBOX, SELECT, MULTISELECT, INTEGER, FLOAT, CURRENCY, DATE, DATETIME, EMAIL, URL, PHONE, PASSWORD, LONGTEXT, CLOBTEXT, … */
  fieldType: string;
  /** For SELECT/MULTISELECT: the record type (`-2` customer, `customrecord_x`, …) as in the XML. */
  selectRecordType?: string;
  mandatory: boolean;
  defaultValue?: string;
  displayType?: string;
  storeValue: boolean;
  /** Entity fields: which entity types it applies to (customer, vendor, …). */
  appliesTo: string[];
  /**
   * `help`: the field's help text, which the record page opens from the field's label (custom field
   * pages, SDFxml_1378498284 / SDFxml_2670115109).
   */
  help?: string;
  /**
   * Custom record fields: `subtab`, the script ID of the record type's subtab the field is on
   * (`[scriptid=customrecord_x.tab_y]` → `tab_y`); absent, the field is in the record's main area.
   */
  subtab?: string;
}

/** One `<subtab>` of a custom record type's `<subtabs>` (SDFxml_1525431914). */
export interface CustomRecordSubtabDef {
  scriptId: string;
  /** `tabtitle` (required). */
  title: string;
  /** `tabparent`: the script ID of the subtab this one is a child of, when given. */
  parent?: string;
}

export interface CustomRecordTypeDef {
  scriptId: string;
  recordName: string;
  /** Whether records have the standard Name field (`includename`, default T). */
  includeName?: boolean;
  /** `enableoptimisticlocking` (default F): a stale loaded record's save fails with RCRD_HAS_BEEN_CHANGED. */
  optimisticLocking?: boolean;
  /** `accesstype` (default CUSTRECORDENTRYPERM): which permission guards the records (account/access.ts). */
  accessType?: "CUSTRECORDENTRYPERM" | "NONENEEDED" | "USEPERMISSIONLIST";
  /** `<permissions>`: the roles granted access with USEPERMISSIONLIST, by role name or script ID. */
  permissions?: { role: string; level: "NONE" | "VIEW" | "CREATE" | "EDIT" | "FULL" }[];
  /** `<subtabs>`, in their order on the record (given when the type declares any). */
  subtabs?: CustomRecordSubtabDef[];
  fields: CustomFieldDef[];
}

export interface ScriptParameterDef {
  scriptId: string;
  label: string;
  fieldType: string;
  defaultValue?: string;
  selectRecordType?: string;
}

export interface DeploymentDef {
  scriptId: string;
  title: string;
  /** RELEASED, TESTING, NOTSCHEDULED, SCHEDULED, … */
  status: string;
  isDeployed: boolean;
  logLevel: string;
  /** User event and client scripts: the record type they run on (CUSTOMER, customrecord_x, …). */
  recordType?: string;
  /** Suitelets: available without login. */
  isOnline: boolean;
  /** Map/reduce: how many map/reduce invocations may run at once. */
  concurrency?: number;
  /** Parameter values set on the deployment, by parameter script ID. */
  parameters: Record<string, string>;
  /** `executioncontext` filter of user event deployments, when given. */
  executionContexts?: string[];
  /** `eventtype` of user event / client / Suitelet deployments (e.g. CREATE), when given. */
  eventType?: string;
  /** `runasrole` (e.g. ADMINISTRATOR, or a custom role's script ID), when given. */
  runAsRole?: string;
  /** `allroles`, where the deployment type has an audience. */
  allRoles?: boolean;
  /** `audslctrole`: the roles the deployment is available to, when given. */
  audienceRoles?: string[];
  /** Map/reduce `buffersize`, when given. */
  bufferSize?: number;
}

export interface ScriptDef {
  scriptId: string;
  type: ScriptType;
  name: string;
  /** As in the XML: `[/SuiteApps/com.example.app/file.js]` normalised to `/SuiteApps/com.example.app/file.js`. */
  scriptFile: string;
  parameters: ScriptParameterDef[];
  deployments: DeploymentDef[];
}

export interface SavedSearchDef {
  scriptId: string;
  /** The raw definition, when the project ships saved searches as objects. */
  xml: string;
}

export interface Project {
  /** Absolute path of the SDF project (the folder holding src/). */
  dir: string;
  manifest: Manifest;
  /** Absolute path of src/FileCabinet. */
  fileCabinet: string;
  /** Paths deploy.xml deploys (`~/FileCabinet/SuiteApps/x/*`, `~/Objects/*`). */
  deployPaths: {
    files: string[];
    objects: string[];
    /** Installation scripts deploy.xml runs (`<run><script>`), in order. */
    run: { path: string; scriptId: string; deploymentId: string }[];
  };
  entityFields: CustomFieldDef[];
  customRecordTypes: CustomRecordTypeDef[];
  scripts: ScriptDef[];
  /** Objects of types the emulator does not model: reported and skipped (optional for hand-built projects). */
  skipped?: { file: string; type: string; scriptId?: string }[];
  /** `<savedsearch>` objects shipped in src/Objects (added by the loader; optional for hand-built projects). */
  savedSearches?: SavedSearchDef[];
  /** `<role>` objects (optional for hand-built projects). */
  roles?: RoleSpec[];
}
