/**
 * Record types and their fields, named as NetSuite's SuiteScript Records Browser names them
 * (customer, subsidiary, currency, customersubsidiaryrelationship, employee, scriptdeployment) plus
 * the project's custom record types and `custentity_…` fields. Field types drive validation, texts
 * and search comparisons.
 */
import { Features } from "../account/features.js";
import { NsError } from "../errors.js";
import type { CustomFieldDef, Project, ScriptParameterDef } from "../sdf/types.js";
import { NETSUITE_RECORD_TYPES } from "./record-types.js";
import { scheduledScriptInstanceType, scriptJoinType } from "./script-instance-types.js";
import type { FieldValue, RecordKind } from "./types.js";

export type FieldType =
  | "text"
  | "textarea"
  | "email"
  | "phone"
  | "url"
  | "checkbox"
  | "integer"
  | "float"
  | "currency"
  | "date"
  | "datetime"
  | "select"
  | "multiselect"
  | "country";

export interface FieldDef {
  id: string;
  label: string;
  type: FieldType;
  /** select/multiselect: the target record type (undefined when the emulator does not know it). */
  target?: string;
  mandatory?: boolean;
  defaultValue?: FieldValue;
  /** Maintained by the store (datecreated, lastmodifieddate, …); writes are ignored. */
  system?: boolean;
  /** A select over a fixed list rather than records: value → display text (customer `stage`). */
  options?: Readonly<Record<string, string>>;
  /**
   * How a search column shows the value (columns.ts `cell`): `percent` as "45.0%"; `optiontext` as
   * the option's text, for a field the Records Browser types a select as a filter and text as a column.
   */
  columnFormat?: "percent" | "optiontext";
}

/** A join that yields one row per child record (customer → msesubsidiary). */
export interface ManyJoinDef {
  /** The child record type holding the link (customersubsidiaryrelationship). */
  via: string;
  /** The child's select field pointing back at the base record (entity). */
  backField: string;
  /** The child's select field pointing at the joined record (subsidiary). */
  targetField: string;
  target: string;
}

export interface RecordTypeDef {
  id: string;
  kind: RecordKind;
  fields: Map<string, FieldDef>;
  /** Fields whose first non-empty value is the record's display name (select texts). */
  nameFields: string[];
  manyJoins: Record<string, ManyJoinDef>;
  /** Saves of a loaded record fail with RCRD_HAS_BEEN_CHANGED when it was saved since it was loaded. */
  optimisticLocking: boolean;
  /**
   * Reached only through a search join (`script.scriptid`), not a record type of its own here; a field
   * the emulator does not list is UNSUPPORTED_BY_EMULATOR (NetSuite's list for the join is not known).
   */
  joinOnly?: boolean;
  /** Searched only: record.load, create, save, submitFields and delete are UNSUPPORTED_BY_EMULATOR. */
  searchOnly?: boolean;
}

const f = (id: string, label: string, type: FieldType, extra: Partial<FieldDef> = {}): FieldDef => ({
  id,
  label,
  type,
  ...extra,
});

const ADDRESS_PARTS: [string, string, FieldType][] = [
  ["address1", "Address 1", "text"],
  ["address2", "Address 2", "text"],
  ["city", "City", "text"],
  ["state", "State/Province", "text"],
  ["zipcode", "Zip Code", "text"],
  ["country", "Country", "country"],
  ["addressee", "Addressee", "text"],
  ["phone", "Phone", "phone"],
];

/** Default billing and shipping address as customer search exposes them (billcity, shipcountry, …). */
function addressFields(): FieldDef[] {
  const out: FieldDef[] = [];
  for (const [prefix, label] of [
    ["bill", "Billing"],
    ["ship", "Shipping"],
  ] as const) {
    for (const [part, partLabel, type] of ADDRESS_PARTS) {
      out.push(f(`${prefix}${part}`, `${label} ${partLabel}`, type));
    }
  }
  return out;
}

/** Every record type has one; unique per type when not empty (store.ts). */
const externalId = (): FieldDef => f("externalid", "External ID", "text");

const created = (id: string): FieldDef => f(id, "Date Created", "datetime", { system: true });
const modified = (id: string): FieldDef => f(id, "Last Modified", "datetime", { system: true });

/**
 * Without OneWorld (SUBSIDIARIES) there is no subsidiary record, no customer subsidiary field and no
 * customersubsidiaryrelationship: they are left out, so a script naming them fails as it would there.
 */
function standardTypes(features: Features): Record<string, { fields: FieldDef[]; nameFields: string[] }> {
  const oneWorld = features.oneWorld;
  const types: Record<string, { fields: FieldDef[]; nameFields: string[] }> = {
    customer: {
      nameFields: ["entityid", "companyname"],
      fields: [
        f("entityid", "Customer ID", "text"),
        f("companyname", "Company Name", "text"),
        f("firstname", "First Name", "text"),
        f("lastname", "Last Name", "text"),
        f("isperson", "Type", "checkbox", { defaultValue: false }),
        // Leads, prospects and customers share the entity: `stage` tells them apart (Records Browser,
        // customer: stage; searches filter customers with ["stage", "anyof", "CUSTOMER"]).
        f("stage", "Stage", "select", {
          options: { LEAD: "Lead", PROSPECT: "Prospect", CUSTOMER: "Customer" },
          defaultValue: "CUSTOMER",
        }),
        f("email", "Email", "email"),
        f("phone", "Phone", "phone"),
        f("altphone", "Alt. Phone", "phone"),
        f("fax", "Fax", "phone"),
        f("url", "Web Address", "url"),
        f("comments", "Comments", "textarea"),
        // The label NetSuite names in its mandatory-field message (OneWorld).
        ...(oneWorld
          ? [f("subsidiary", "Primary Subsidiary", "select", { target: "subsidiary", mandatory: true })]
          : []),
        f("currency", "Currency", "select", { target: "currency" }),
        f("isinactive", "Inactive", "checkbox", { defaultValue: false }),
        created("datecreated"),
        modified("lastmodifieddate"),
        f("terms", "Terms", "select", { target: "term" }),
        f("category", "Category", "select", { target: "customercategory" }),
        ...addressFields(),
      ],
    },
    subsidiary: {
      nameFields: ["name"],
      fields: [
        f("name", "Name", "text", { mandatory: true }),
        f("country", "Country", "country"),
        f("currency", "Currency", "select", { target: "currency" }),
        f("isinactive", "Inactive", "checkbox", { defaultValue: false }),
        f("parent", "Subsidiary Of", "select", { target: "subsidiary" }),
      ],
    },
    currency: {
      nameFields: ["name"],
      fields: [f("name", "Name", "text", { mandatory: true }), f("symbol", "ISO Code", "text")],
    },
    customersubsidiaryrelationship: {
      nameFields: [],
      fields: [
        f("entity", "Customer", "select", { target: "customer", mandatory: true }),
        f("subsidiary", "Subsidiary", "select", { target: "subsidiary", mandatory: true }),
        f("isprimarysub", "Is Primary Subsidiary", "checkbox", { defaultValue: false }),
        f("primarycurrency", "Primary Currency", "select", { target: "currency" }),
      ],
    },
    employee: {
      nameFields: ["entityid"],
      fields: [
        f("entityid", "Employee ID", "text"),
        f("firstname", "First Name", "text"),
        f("lastname", "Last Name", "text"),
        f("email", "Email", "email"),
        f("isinactive", "Inactive", "checkbox", { defaultValue: false }),
      ],
    },
  };
  if (!oneWorld) {
    delete types.subsidiary;
    delete types.customersubsidiaryrelationship;
  }
  return types;
}

/** SDF `fieldtype` → emulator field type. Unlisted types are kept as free text. */
const SDF_TYPES: Record<string, FieldType> = {
  CHECKBOX: "checkbox",
  SELECT: "select",
  MULTISELECT: "multiselect",
  INTEGER: "integer",
  FLOAT: "float",
  CURRENCY: "currency",
  PERCENT: "float",
  DATE: "date",
  DATETIME: "datetime",
  DATETIMETZ: "datetime",
  EMAIL: "email",
  URL: "url",
  PHONE: "phone",
  TEXTAREA: "textarea",
  LONGTEXT: "textarea",
  CLOBTEXT: "textarea",
};

/** Numeric `selectrecordtype` values of the standard types the emulator knows. */
const SELECT_RECORD_TYPES: Record<string, string> = {
  "-2": "customer",
  "-4": "employee",
  "-117": "subsidiary",
  "-122": "currency",
};

function customField(def: CustomFieldDef): FieldDef {
  const type = SDF_TYPES[def.fieldType.toUpperCase()] ?? "text";
  const out = f(def.scriptId.toLowerCase(), def.label, type, { mandatory: def.mandatory });
  if (def.selectRecordType) {
    out.target = SELECT_RECORD_TYPES[def.selectRecordType] ?? def.selectRecordType.toLowerCase();
  }
  if (def.defaultValue !== undefined) {
    out.defaultValue = type === "checkbox" ? def.defaultValue === "T" : def.defaultValue;
  }
  return out;
}

/** A script parameter (`custscript_…`) as a field of its deployments' records. */
function parameterField(def: ScriptParameterDef): FieldDef {
  return customField({ ...def, mandatory: false, storeValue: true, appliesTo: [] });
}

/** `script_status` (SDF XML reference) and its labels on the Script Deployment page. */
const DEPLOYMENT_STATUS: Readonly<Record<string, string>> = {
  RELEASED: "Released",
  TESTING: "Testing",
  SCHEDULED: "Scheduled",
  NOTSCHEDULED: "Not Scheduled",
  COMPLETED: "Completed",
  INPROGRESS: "In Progress",
  INQUEUE: "In Queue",
};

/** `script_loglevel` (SDF XML reference; Script.logLevel names the first four). */
const LOG_LEVELS: Readonly<Record<string, string>> = {
  DEBUG: "Debug",
  AUDIT: "Audit",
  ERROR: "Error",
  EMERGENCY: "Emergency",
  INTERNAL: "Internal",
  SYSTEM: "System",
};

/**
 * Script deployments (`scriptdeployment`; Oracle, "Script Deployment", section_3753014009: "The
 * internal ID for the script deployment record is scriptdeployment"): one record per deployment of
 * the project (data/deployments.ts keeps them). Its fields are those the SuiteScript Records Browser
 * 2018.1 lists both as a field and as a search filter and column of scriptdeployment (data/
 * standard-fields.ts) that a project's deployment can back — scriptid, title, isdeployed, status,
 * loglevel, script — and, as custom fields of the record, the parameters of the project's scripts
 * (SDF: "you can set a value for a custom field defined in the parent object", SDFxml_1334137041).
 * `script` is a select of the script record, which the emulator does not model as a record type: its
 * texts are the scripts' names (data/deployments.ts fills them once scripts have internal IDs).
 */
function scriptDeploymentType(
  project: Project | undefined,
  keep: (field: FieldDef) => boolean,
): RecordTypeDef {
  const fields: FieldDef[] = [
    f("scriptid", "ID", "text"),
    f("title", "Title", "text"),
    f("isdeployed", "Deployed", "checkbox"),
    f("status", "Status", "select", { options: DEPLOYMENT_STATUS }),
    f("loglevel", "Log Level", "select", { options: LOG_LEVELS }),
    f("script", "Script", "select", { target: "script", options: {} }),
  ];
  const ids = new Set(fields.map((d) => d.id));
  for (const script of project?.scripts ?? []) {
    for (const param of script.parameters) {
      const field = parameterField(param);
      if (!keep(field)) continue;
      // Script parameter IDs are unique in an account; the first definition wins if a project repeats one.
      if (!ids.has(field.id)) fields.push(field);
      ids.add(field.id);
    }
  }
  return {
    id: "scriptdeployment",
    kind: "standard",
    fields: new Map(fields.map((d) => [d.id, d])),
    nameFields: ["title"],
    manyJoins: {},
    optimisticLocking: false,
  };
}

/** Standard types only a OneWorld account has. */
const ONEWORLD_TYPES: ReadonlySet<string> = new Set(["subsidiary", "customersubsidiaryrelationship"]);

/**
 * A custom field selecting a record the account lacks (a subsidiary without OneWorld) is not there
 * for its users: Oracle, "Feature Dependencies for SDF Custom Objects in SuiteCloud Projects"
 * (section_4718752626): the deployment succeeds, "but those objects or fields that need those
 * features won't show up for users in the target account".
 */
function present(catalog: Catalog, field: FieldDef): boolean {
  return field.target === undefined || !ONEWORLD_TYPES.has(field.target) || catalog.has(field.target);
}

export class Catalog {
  private readonly types = new Map<string, RecordTypeDef>();

  constructor(
    project: Project | undefined,
    readonly features: Features = new Features(),
  ) {
    for (const [id, spec] of Object.entries(standardTypes(features))) {
      const fields = [...spec.fields, externalId()];
      this.types.set(id, {
        id,
        kind: "standard",
        fields: new Map(fields.map((d) => [d.id, d])),
        nameFields: spec.nameFields,
        manyJoins: {},
        // NetSuite locks every standard record it stamps with a last-modified date.
        optimisticLocking: fields.some((d) => d.id === "lastmodifieddate"),
      });
    }
    // Customer search join "msesubsidiary" (Records Browser): one row per subsidiary the customer is
    // shared with, through its customersubsidiaryrelationship records (Multi-Subsidiary Customer).
    if (features.has("MULTISUBSIDIARYCUSTOMER")) {
      this.require("customer").manyJoins.msesubsidiary = {
        via: "customersubsidiaryrelationship",
        backField: "entity",
        targetField: "subsidiary",
        target: "subsidiary",
      };
    }
    const customer = this.require("customer");
    for (const def of project?.entityFields ?? []) {
      if (def.appliesTo.some((a) => a.toLowerCase() === "customer")) {
        const field = customField(def);
        if (present(this, field)) customer.fields.set(field.id, field);
      }
    }
    const deployments = scriptDeploymentType(project, (d) => present(this, d));
    this.types.set(deployments.id, deployments);
    const instances = scheduledScriptInstanceType();
    this.types.set(instances.id, instances);
    const script = scriptJoinType();
    this.types.set(script.id, script);
    for (const rt of project?.customRecordTypes ?? []) {
      const id = rt.scriptId.toLowerCase();
      const fields: FieldDef[] = [
        // A type with `includename` F has no Name field at all.
        ...(rt.includeName === false ? [] : [f("name", "Name", "text", { mandatory: true })]),
        f("isinactive", "Inactive", "checkbox", { defaultValue: false }),
        externalId(),
        created("created"),
        modified("lastmodified"),
        ...rt.fields.map(customField).filter((d) => present(this, d)),
      ];
      this.types.set(id, {
        id,
        kind: "custom",
        fields: new Map(fields.map((d) => [d.id, d])),
        nameFields: rt.includeName === false ? [] : ["name"],
        manyJoins: {},
        optimisticLocking: rt.optimisticLocking === true,
      });
    }
  }

  /** A record type scripts can name (not one reached only through a join). */
  has(type: string): boolean {
    const def = this.types.get(type.toLowerCase());
    return def !== undefined && !def.joinOnly;
  }

  /** The type a search join through a select field reaches, join-only types included. */
  joinTarget(type: string): RecordTypeDef | undefined {
    return this.types.get(type.toLowerCase());
  }

  /**
   * The type's definition. A type NetSuite has that the emulator does not model is
   * UNSUPPORTED_BY_EMULATOR; one NetSuite does not have (or that needs a feature this account lacks,
   * such as subsidiary without OneWorld) is NetSuite's INVALID_RCRD_TYPE.
   */
  require(type: string): RecordTypeDef {
    const id = type.toLowerCase();
    const def = this.types.get(id);
    if (def && !def.joinOnly) return def;
    if (NETSUITE_RECORD_TYPES.has(id) && !ONEWORLD_TYPES.has(id)) {
      throw new NsError("UNSUPPORTED_BY_EMULATOR", `UNSUPPORTED_BY_EMULATOR: record type ${id}`);
    }
    throw new NsError("INVALID_RCRD_TYPE", `The record type [${type.toUpperCase()}] is invalid.`);
  }

  field(type: string, field: string): FieldDef | undefined {
    return this.require(type).fields.get(field.toLowerCase());
  }
}

/** The store-maintained creation and modification fields of a type. */
export function timestampFields(def: RecordTypeDef): { created?: string; modified?: string } {
  if (def.fields.has("datecreated")) return { created: "datecreated", modified: "lastmodifieddate" };
  if (def.fields.has("created")) return { created: "created", modified: "lastmodified" };
  return {};
}
