/**
 * Script objects (customscript) with their deployments (customdeploy), parameters (custscript), libraries,
 * plug-in types, buttons, links and recurrence. Deployment fields differ per script type.
 *
 * Oracle SuiteCloud Development Framework XML Reference pages used:
 * - usereventscript: https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_2716615335.html
 * - usereventscript > scriptdeployment:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_1334137041.html
 * - usereventscript > library:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_3013619113.html
 * - usereventscript > customplugintypes:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_572462487.html
 * - usereventscript > plugintype:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_442703956.html
 * - clientscript: https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_4053132713.html
 * - clientscript > scriptdeployment:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_2144494927.html
 * - clientscript > library:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_198419820.html
 * - Suitelet Scripts as XML Definitions:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_160321147201.html
 * - suitelet > scriptdeployment:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_2909147388.html
 * - suitelet > library: https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_893738846.html
 * - suitelet > customplugintypes:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_2203777435.html
 * - suitelet > plugintype:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_2916241383.html
 * - suitelet > scriptdeployment > link:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_4286557755.html
 * - mapreducescript: https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_3519311208.html
 * - mapreducescript > scriptdeployments:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_3562272458.html
 * - mapreducescript > scriptdeployment:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_27094036.html
 * - mapreducescript > plugintype:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_1005334606.html
 * - mapreducescript > recurrence > daily:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_617656060.html
 * - mapreducescript > recurrence > single:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_3546373229.html
 * - mapreducescript > recurrence > weekly:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_1192939856.html
 * - mapreducescript > recurrence > monthlydayofweek:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_3152739737.html
 * - mapreducescript > recurrence > yearlydayofweek:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_3264484171.html
 * - Scheduled Scripts as XML Definitions:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_1504186958.html
 * - scheduledscript > scriptdeployment:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_637067724.html
 * - scheduledscript > library:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_2323616213.html
 * - scheduledscript > plugintype:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_732777833.html
 * - scheduledscript > recurrence > daily:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_4155912874.html
 * - scheduledscript > recurrence > single:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_1371196976.html
 * - scheduledscript > recurrence > weekly:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_3317777165.html
 * - scheduledscript > recurrence > monthlydayofweek:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_1469909832.html
 * - scheduledscript > recurrence > yearly:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_1667116501.html
 * - scheduledscript > recurrence > yearlydayofweek:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_3599819914.html
 * - restlet: https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_410893908.html
 * - restlet > library: https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_2057684350.html
 * - restlet > customplugintypes:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_521130374.html
 * - sdfinstallationscript:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_1043649243.html
 * - sdfinstallationscript > scriptdeployment:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_4091126518.html
 * - sdfinstallationscript > customplugintypes:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_1130178221.html
 * - Script Types That Support Execute as Role:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/article_1212112429.html
 * - Defining a Recurring Scheduled Script Deployment:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_1504707195.html
 * - Map/Reduce Script Objects as XML Definitions:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_157616847317.html
 * - Defining a Map/Reduce Script Deployment in XML:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_157617242991.html
 * - RESTlet Scripts as XML Definitions:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_160514060027.html
 * - context.UserEventType:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_4407992596.html
 * - Script.logLevel: https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_4296662791.html
 * - Date and Time Formats in SDF Custom Objects:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_1499269203.html
 *
 * Facts not visible in the stored copy of Oracle's page (the excerpt shows the top of each table) were
 * taken from salto-io/salto packages/netsuite-adapter/src/autogen (commit 8696742b), which is generated
 * from this reference; README.md lists what is confirmed where.
 *
 * runasrole is documented on the usereventscript, suitelet and mapreducescript deployments only (not
 * clientscript, scheduledscript, restlet, sdfinstallationscript); isonline on suitelet deployments only.
 */

import {
  centerLinkFields,
  type FieldFacts,
  type FieldTable,
  fromLists,
  listOf,
  objectSpec,
  structureField,
  structureSpec,
} from "./build-fields.js";
import { FIELD_STRUCTURES } from "./fields.js";
import { PAGES } from "./pages.js";
import type { ObjectSpec, StructureSpec } from "./types.js";

/** The seven script object types this table covers. */
export const SCRIPT_TYPES = [
  "usereventscript",
  "clientscript",
  "suitelet",
  "mapreducescript",
  "scheduledscript",
  "restlet",
  "sdfinstallationscript",
] as const;
export type ScriptRoot = (typeof SCRIPT_TYPES)[number];

const ACCOUNT_SPECIFIC = "Account-specific values are not supported by SDF.";

/** An entry point row: the name of a function of the script file. */
const ENTRY_POINT: FieldFacts = { required: "optional", type: "string" };

/**
 * The rows every script page starts with: name, scriptfile, description, isinactive and notify…. The
 * suitelet and scheduledscript pages add defaultfunction after scriptfile; the mapreducescript and
 * scheduledscript pages have no notifyuser.
 */
function scriptHeaderFields(options: { defaultfunction?: boolean; notifyuser?: boolean }): FieldTable {
  const { defaultfunction = false, notifyuser = true } = options;
  const notifyuserRow: FieldFacts = { required: "optional", type: "boolean", default: "F" };
  return {
    name: { required: "required", type: "select", maxLength: 40, refTypes: ["string"] },
    scriptfile: { required: "required", type: "filereference" },
    ...(defaultfunction ? { defaultfunction: ENTRY_POINT } : {}),
    description: { required: "optional", type: "select", maxLength: 999, refTypes: ["string"] },
    isinactive: { required: "optional", type: "boolean", default: "F" },
    notifyadmins: { required: "optional", type: "boolean", default: "F" },
    notifyemails: { required: "optional", type: "string", maxLength: 999 },
    notifygroup: { required: "optional", type: "string", note: ACCOUNT_SPECIFIC },
    notifyowner: { required: "optional", type: "boolean", default: "T" },
    ...(notifyuser ? { notifyuser: notifyuserRow } : {}),
  };
}

/** What one script type's page says beyond the rows all script pages share. */
interface ScriptType {
  note?: string;
  /** Header rows this page adds or lacks (see scriptHeaderFields). */
  header?: { defaultfunction?: boolean; notifyuser?: boolean };
  /** Entry point rows, in the page's order. */
  entryPoints?: readonly string[];
  /** The type's own structured fields (structures `<root>.<element>`). */
  structures: readonly string[];
}

/**
 * A script object documented on `source`: customscript ids of up to 40 characters, the SERVERSIDESCRIPTING
 * feature, and its Fields table in Oracle's order: the header rows, the entry points, the type's own
 * structures, then scriptcustomfields (the script's parameters) and scriptdeployments.
 */
function scriptObject(root: ScriptRoot, source: string, type: ScriptType): ObjectSpec {
  return objectSpec(source, {
    root,
    scriptIdPrefix: "customscript",
    scriptIdMaxLength: 40,
    features: ["SERVERSIDESCRIPTING"],
    ...(type.note === undefined ? {} : { note: type.note }),
    fields: {
      ...scriptHeaderFields(type.header ?? {}),
      ...Object.fromEntries((type.entryPoints ?? []).map((name) => [name, ENTRY_POINT] as const)),
      ...Object.fromEntries(
        type.structures.map((element) => [element, structureField(`${root}.${element}`)] as const),
      ),
      scriptcustomfields: structureField("scriptcustomfields"),
      scriptdeployments: structureField(`${root}.scriptdeployments`),
    },
  });
}

/** Script objects by root element; all use the customscript prefix. */
export const SCRIPT_OBJECTS: Readonly<Record<ScriptRoot, ObjectSpec>> = {
  usereventscript: scriptObject("usereventscript", PAGES.usereventscript, {
    entryPoints: ["aftersubmitfunction", "beforeloadfunction", "beforesubmitfunction"],
    structures: ["customplugintypes", "libraries"],
  }),
  clientscript: scriptObject("clientscript", PAGES.clientscript, {
    entryPoints: [
      "fieldchangedfunction",
      "lineinitfunction",
      "pageinitfunction",
      "postsourcingfunction",
      "recalcfunction",
      "saverecordfunction",
      "validatedeletefunction",
      "validatefieldfunction",
      "validateinsertfunction",
      "validatelinefunction",
    ],
    structures: ["buttons", "libraries"],
  }),
  suitelet: scriptObject("suitelet", PAGES.suiteletGuide, {
    note:
      "Oracle's suitelet reference page itself was not found in the stored docs; the object is " +
      "cited from its guide page and the field list comes from salto.",
    header: { defaultfunction: true },
    structures: ["customplugintypes", "libraries"],
  }),
  mapreducescript: scriptObject("mapreducescript", PAGES.mapreducescript, {
    header: { notifyuser: false },
    structures: ["customplugintypes"],
  }),
  scheduledscript: scriptObject("scheduledscript", PAGES.scheduledscriptGuide, {
    note:
      "Oracle's scheduledscript reference page itself was not found in the stored docs; the " +
      "object is cited from its guide page and the field list comes from salto.",
    header: { defaultfunction: true, notifyuser: false },
    structures: ["customplugintypes", "libraries"],
  }),
  restlet: scriptObject("restlet", PAGES.restlet, {
    entryPoints: ["deletefunction", "getfunction", "postfunction", "putfunction"],
    structures: ["customplugintypes", "libraries"],
  }),
  sdfinstallationscript: scriptObject("sdfinstallationscript", PAGES.sdfinstallationscript, {
    note: "Page URL taken from this package's schema.ts; not re-read here. Field list from salto.",
    structures: ["customplugintypes"],
  }),
};

/** `<customplugintypes>`: any number of `<plugintype>` references to custom plug-in types. */
function pluginTypeStructures(
  root: ScriptRoot,
  pages: { list: string; item: string },
): Record<string, StructureSpec> {
  return {
    [`${root}.plugintype`]: structureSpec(pages.item, {
      element: "plugintype",
      fields: { plugintype: { required: "required", type: "select", refTypes: ["plugintype"] } },
    }),
    [`${root}.customplugintypes`]: listOf(
      pages.list,
      "customplugintypes",
      "plugintype",
      `${root}.plugintype`,
    ),
  };
}

/** `<libraries>`: any number of `<library>` script files loaded with the script. */
function libraryStructures(root: ScriptRoot, source: string): Record<string, StructureSpec> {
  return {
    [`${root}.library`]: structureSpec(source, {
      element: "library",
      fields: { scriptfile: { required: "required", type: "filereference" } },
    }),
    [`${root}.libraries`]: listOf(source, "libraries", "library", `${root}.library`),
  };
}

/**
 * `<scriptdeployments>` and its `<scriptdeployment>`, documented on `source` (the wrapper on `listSource`
 * where that differs): customdeploy ids of up to 40 characters, and the script's parameters besides
 * `fields`.
 */
function deploymentStructures(
  root: ScriptRoot,
  source: string,
  deployment: { note?: string; fields: FieldTable },
  listSource: string = source,
): Record<string, StructureSpec> {
  return {
    [`${root}.scriptdeployment`]: structureSpec(source, {
      element: "scriptdeployment",
      scriptIdPrefix: "customdeploy",
      scriptIdMaxLength: 40,
      acceptsParentCustomFields: true,
      ...(deployment.note === undefined ? {} : { note: deployment.note }),
      fields: deployment.fields,
    }),
    [`${root}.scriptdeployments`]: listOf(
      listSource,
      "scriptdeployments",
      "scriptdeployment",
      `${root}.scriptdeployment`,
    ),
  };
}

// Deployment rows several deployment pages share, each written the same way on every page that has it.
const status: FieldFacts = {
  required: "required",
  type: "select",
  default: "TESTING",
  ...fromLists("script_status"),
};
const title: FieldFacts = { required: "required", type: "string" };
const eventtype: FieldFacts = { required: "optional", type: "select", ...fromLists("script_eventtype") };
const isdeployed: FieldFacts = { required: "optional", type: "boolean", default: "T" };
const loglevel: FieldFacts = {
  required: "optional",
  type: "select",
  default: "DEBUG",
  ...fromLists("script_loglevel"),
};
const runasrole: FieldFacts = {
  required: "optional",
  type: "select",
  ...fromLists("generic_role"),
  refTypes: ["role"],
};

/** Who a deployment runs for: the audience rows of the user event, client, suitelet and restlet pages. */
const AUDIENCE_FIELDS: FieldTable = {
  allemployees: { required: "optional", type: "boolean", default: "F" },
  allpartners: { required: "optional", type: "boolean", default: "F", feature: "CRM" },
  allroles: {
    required: "optional",
    type: "boolean",
    default: "F",
    note: "If set to T, selects all internal roles; external roles go in audslctrole.",
  },
  auddepartment: {
    required: "optional",
    type: "multiselect",
    feature: "DEPARTMENTS",
    note: ACCOUNT_SPECIFIC,
  },
  audemployee: { required: "optional", type: "multiselect", note: ACCOUNT_SPECIFIC },
  audgroup: { required: "optional", type: "multiselect", note: ACCOUNT_SPECIFIC },
  audpartner: { required: "optional", type: "multiselect", feature: "CRM", note: ACCOUNT_SPECIFIC },
  audslctrole: {
    required: "optional",
    type: "multiselect",
    ...fromLists("generic_role"),
    refTypes: ["role"],
  },
  audsubsidiary: {
    required: "optional",
    type: "multiselect",
    feature: "SUBSIDIARIES",
    note: ACCOUNT_SPECIFIC,
  },
};

/** The execution and localization context rows of the user event and client deployment pages. */
const CONTEXT_FIELDS: FieldTable = {
  alllocalizationcontexts: { required: "optional", type: "boolean", default: "T" },
  executioncontext: { required: "optional", type: "multiselect", ...fromLists("execution_context") },
  localizationcontext: {
    required: "optional",
    type: "multiselect",
    ...fromLists("countries"),
    note: "Available when the alllocalizationcontexts value is equal to F.",
  },
};

/** A record script deployment's recordtype: a type of `list`, all records, or a custom record or transaction type. */
function recordType(list: "generic_standard_recordtype" | "scriptdeployment_recordtype"): FieldFacts {
  return {
    required: "required",
    type: "select",
    ...fromLists(list, "allrecord_script_deployment_recordtype"),
    refTypes: ["customtransactiontype", "customrecordtype"],
  };
}

/** The schedule groups a `<recurrence>` may hold, in the pages' order. */
const RECURRENCE_GROUPS = [
  "daily",
  "everyweekday",
  "monthly",
  "monthlydayofweek",
  "single",
  "weekly",
  "yearly",
  "yearlydayofweek",
] as const;
type RecurrenceGroup = (typeof RECURRENCE_GROUPS)[number];

const START_FIELDS: FieldTable = {
  startdate: { required: "required", type: "date" },
  starttime: { required: "required", type: "time" },
};
const repeat: FieldFacts = { required: "optional", type: "select", ...fromLists("generic_repeat_time") };
const END_FIELDS: FieldTable = { enddate: { required: "optional", type: "date" }, repeat };
const everyX: FieldFacts = { required: "required", type: "integer", min: 1, max: 1000 };
const DAY_OF_WEEK_FIELDS: FieldTable = {
  orderofweek: { required: "required", type: "select", ...fromLists("generic_order_of_week") },
  dayofweek: { required: "required", type: "select", ...fromLists("generic_day_of_week") },
};
const weekday: FieldFacts = { required: "required", type: "boolean", default: "F" };

/** Each schedule group's Fields table, the same for scheduled and map/reduce deployments. */
const RECURRENCE_FIELDS: Readonly<Record<RecurrenceGroup, FieldTable>> = {
  daily: { ...START_FIELDS, everyxdays: everyX, ...END_FIELDS },
  everyweekday: { ...START_FIELDS, ...END_FIELDS },
  monthly: { ...START_FIELDS, everyxmonths: everyX, ...END_FIELDS },
  monthlydayofweek: { ...START_FIELDS, ...DAY_OF_WEEK_FIELDS, everyxmonths: everyX, ...END_FIELDS },
  single: { ...START_FIELDS, repeat },
  weekly: {
    ...START_FIELDS,
    everyxweeks: everyX,
    sunday: weekday,
    monday: weekday,
    tuesday: weekday,
    wednesday: weekday,
    thursday: weekday,
    friday: weekday,
    saturday: weekday,
    ...END_FIELDS,
  },
  yearly: { ...START_FIELDS, ...END_FIELDS },
  yearlydayofweek: { ...START_FIELDS, ...DAY_OF_WEEK_FIELDS, ...END_FIELDS },
};

/**
 * `<recurrence>` of a scheduled or map/reduce deployment documented on `deploymentPage`, and its schedule
 * groups: each cites its page in `groupPages`, or else the deployment page with a note saying so.
 */
function recurrenceStructures(
  root: ScriptRoot,
  deploymentPage: string,
  groupPages: Readonly<Partial<Record<RecurrenceGroup, string>>>,
): Record<string, StructureSpec> {
  const groups = RECURRENCE_GROUPS.map((group): [string, StructureSpec] => {
    const page = groupPages[group];
    const note =
      "This group's own page was not found in the stored docs; cited from the deployment page, " +
      "fields from salto (types as on the sibling groups' pages).";
    return [
      `${root}.${group}`,
      structureSpec(page ?? deploymentPage, {
        element: group,
        ...(page === undefined ? { note } : {}),
        fields: RECURRENCE_FIELDS[group],
      }),
    ];
  });
  return {
    ...Object.fromEntries(groups),
    [`${root}.recurrence`]: structureSpec(deploymentPage, {
      element: "recurrence",
      note:
        "Holds exactly one of these schedule groups (recurrence guide: " +
        "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_1504707195.html).",
      fields: Object.fromEntries(
        RECURRENCE_GROUPS.map((group) => [group, structureField(`${root}.${group}`)] as const),
      ),
    }),
  };
}

/** Structured elements of the script objects, keyed `<root>.<element>`, plus the shared field structures. */
export const SCRIPT_STRUCTURES: Readonly<Record<string, StructureSpec>> = {
  ...FIELD_STRUCTURES,
  ...pluginTypeStructures("usereventscript", {
    item: PAGES.usereventscriptPlugintype,
    list: PAGES.usereventscriptCustomplugintypes,
  }),
  ...libraryStructures("usereventscript", PAGES.usereventscriptLibrary),
  ...deploymentStructures("usereventscript", PAGES.usereventscriptDeployment, {
    note: "Deployment page URL taken from this package's schema.ts and not re-read; fields from salto.",
    fields: {
      status,
      recordtype: recordType("generic_standard_recordtype"),
      ...AUDIENCE_FIELDS,
      eventtype,
      isdeployed,
      loglevel,
      runasrole,
      ...CONTEXT_FIELDS,
    },
  }),
  "clientscript.button": structureSpec(PAGES.clientscript, {
    element: "button",
    fields: {
      buttonlabel: { required: "required", type: "select", refTypes: ["string"] },
      buttonfunction: { required: "optional", type: "string" },
    },
  }),
  "clientscript.buttons": listOf(PAGES.clientscript, "buttons", "button", "clientscript.button"),
  ...libraryStructures("clientscript", PAGES.clientscriptLibrary),
  ...deploymentStructures("clientscript", PAGES.clientscriptDeployment, {
    fields: {
      status,
      recordtype: recordType("scriptdeployment_recordtype"),
      ...AUDIENCE_FIELDS,
      eventtype,
      isdeployed,
      loglevel,
      ...CONTEXT_FIELDS,
    },
  }),
  ...pluginTypeStructures("suitelet", {
    item: PAGES.suiteletPlugintype,
    list: PAGES.suiteletCustomplugintypes,
  }),
  ...libraryStructures("suitelet", PAGES.suiteletLibrary),
  "suitelet.link": structureSpec(PAGES.suiteletLink, {
    element: "link",
    fields: centerLinkFields({
      required: "optional",
      type: "select",
      ...fromLists("suiteletdeployment_tasktype"),
    }),
  }),
  "suitelet.links": listOf(PAGES.suiteletDeployment, "links", "link", "suitelet.link"),
  ...deploymentStructures("suitelet", PAGES.suiteletDeployment, {
    fields: {
      status,
      title,
      ...AUDIENCE_FIELDS,
      eventtype,
      isdeployed,
      isonline: { required: "optional", type: "boolean", default: "F" },
      loglevel,
      runasrole,
      links: structureField("suitelet.links"),
    },
  }),
  ...pluginTypeStructures("mapreducescript", {
    item: PAGES.mapreducescriptPlugintype,
    list: PAGES.mapreducescript,
  }),
  ...recurrenceStructures("mapreducescript", PAGES.mapreducescriptDeployment, {
    daily: PAGES.mapreducescriptDaily,
    monthlydayofweek: PAGES.mapreducescriptMonthlydayofweek,
    single: PAGES.mapreducescriptSingle,
    weekly: PAGES.mapreducescriptWeekly,
    yearlydayofweek: PAGES.mapreducescriptYearlydayofweek,
  }),
  ...deploymentStructures(
    "mapreducescript",
    PAGES.mapreducescriptDeployment,
    {
      fields: {
        status,
        title,
        isdeployed,
        loglevel,
        runasrole,
        buffersize: { required: "optional", type: "string", default: "1" },
        concurrencylimit: { required: "optional", type: "string", default: "1" },
        queueallstagesatonce: { required: "optional", type: "boolean", default: "T" },
        yieldaftermins: { required: "optional", type: "string", default: "60" },
        recurrence: structureField("mapreducescript.recurrence"),
      },
    },
    PAGES.mapreducescriptDeployments,
  ),
  ...pluginTypeStructures("scheduledscript", {
    item: PAGES.scheduledscriptPlugintype,
    list: PAGES.scheduledscriptGuide,
  }),
  ...libraryStructures("scheduledscript", PAGES.scheduledscriptLibrary),
  ...recurrenceStructures("scheduledscript", PAGES.scheduledscriptDeployment, {
    daily: PAGES.scheduledscriptDaily,
    monthlydayofweek: PAGES.scheduledscriptMonthlydayofweek,
    single: PAGES.scheduledscriptSingle,
    weekly: PAGES.scheduledscriptWeekly,
    yearly: PAGES.scheduledscriptYearly,
    yearlydayofweek: PAGES.scheduledscriptYearlydayofweek,
  }),
  ...deploymentStructures("scheduledscript", PAGES.scheduledscriptDeployment, {
    fields: { status, title, isdeployed, loglevel, recurrence: structureField("scheduledscript.recurrence") },
  }),
  ...pluginTypeStructures("restlet", { item: PAGES.restlet, list: PAGES.restletCustomplugintypes }),
  ...libraryStructures("restlet", PAGES.restletLibrary),
  ...deploymentStructures("restlet", PAGES.restlet, {
    note:
      "Oracle's restlet scriptdeployment page was not found in the stored docs; cited from the " +
      "restlet page, fields from salto.",
    fields: { status, title, ...AUDIENCE_FIELDS, isdeployed, loglevel },
  }),
  ...pluginTypeStructures("sdfinstallationscript", {
    item: PAGES.sdfinstallationscript,
    list: PAGES.sdfinstallationscriptCustomplugintypes,
  }),
  ...deploymentStructures("sdfinstallationscript", PAGES.sdfinstallationscriptDeployment, {
    fields: { status, title, isdeployed, loglevel },
  }),
};
