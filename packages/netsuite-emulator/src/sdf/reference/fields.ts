/**
 * Custom field objects: entitycustomfield (custentity), and the customrecordcustomfield (custrecord) and
 * scriptcustomfield (custscript) structures shared with record-type.ts and scripts.ts.
 *
 * Oracle SuiteCloud Development Framework XML Reference pages used:
 * - entitycustomfield: https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_1378498284.html
 * - customrecordtype > customrecordcustomfield:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_2670115109.html
 * - clientscript > scriptcustomfield:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_1412672892.html
 * - transactioncolumncustomfield > customfieldfilter:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_1383040121.html
 * - customrecordtype > roleaccess:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_3961804206.html
 * - Custom Entity Fields as XML Definitions:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_157307210395.html
 * - Providing Roles with Access to a Custom Field in SDF:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_4731157838.html
 * - Syntax Guidelines and Reference Formats for SDF Custom Objects:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/bridgehead_24076946.html
 *
 * Facts not visible in the stored copy of Oracle's page (the excerpt shows the top of each table) were
 * taken from salto-io/salto packages/netsuite-adapter/src/autogen (commit 8696742b), which is generated
 * from this reference; README.md lists what is confirmed where.
 */

import {
  type FieldFacts,
  type FieldTable,
  fromLists,
  listOf,
  objectSpec,
  structureField,
  structureSpec,
} from "./build-fields.js";
import { PAGES } from "./pages.js";
import type { ObjectSpec, StructureSpec } from "./types.js";

/** Custom types a reference may name (as listed on the field pages). */
const REF_TYPES_1: readonly string[] = [
  "scriptdeployment",
  "workflowactionscript",
  "workflowstatecustomfield",
  "workflowcustomfield",
  "workflow",
  "usereventscript",
  "transactioncolumncustomfield",
  "transactionbodycustomfield",
  "transactionForm",
  "suitelet",
  "scheduledscript",
  "savedsearch",
  "role",
  "restlet",
  "portlet",
  "othercustomfield",
  "massupdatescript",
  "mapreducescript",
  "itemoptioncustomfield",
  "itemnumbercustomfield",
  "itemcustomfield",
  "entryForm",
  "entitycustomfield",
  "statuses",
  "customtransactiontype",
  "instance",
  "customrecordcustomfield",
  "customrecordtype",
  "customvalue",
  "crmcustomfield",
  "clientscript",
  "bundleinstallationscript",
  "advancedpdftemplate",
  "addressForm",
];

/** Custom types a reference may name (as listed on the field pages). */
const REF_TYPES_2: readonly string[] = [
  "transactioncolumncustomfield",
  "transactionbodycustomfield",
  "othercustomfield",
  "itemoptioncustomfield",
  "itemnumbercustomfield",
  "itemcustomfield",
  "entitycustomfield",
  "customrecordcustomfield",
  "crmcustomfield",
];

/** The note on the display size rows, whose type only salto gives. */
const SALTO_NUMBER = "Oracle's type column for this element was not visible; salto types it as a number.";

/** The rows every custom field page here has, in Oracle's order (see customFieldTable). */
const CUSTOM_FIELD_ROWS = {
  fieldtype: {
    required: "required",
    type: "select",
    default: "TEXT",
    ...fromLists("generic_customfield_fieldtype"),
  },
  label: { required: "required", type: "select", maxLength: 200, refTypes: ["string"] },
  selectrecordtype: {
    required: {
      when: "the fieldtype value is equal to any of the following lists or values: SELECT, MULTISELECT",
    },
    type: "select",
    ...fromLists("generic_customfield_selectrecordtype"),
    refTypes: ["customrecordtype", "customlist"],
  },
  applyformatting: { required: "optional", type: "boolean", default: "T" },
  defaultchecked: { required: "optional", type: "boolean", default: "F" },
  defaultselection: { required: "optional", type: "select", refTypes: REF_TYPES_1 },
  defaultvalue: { required: "optional", type: "string" },
  description: { required: "optional", type: "string" },
  displaytype: {
    required: "optional",
    type: "select",
    default: "NORMAL",
    ...fromLists("generic_customfield_displaytype"),
  },
  dynamicdefault: {
    required: "optional",
    type: "select",
    ...fromLists("generic_customfield_dynamicdefault"),
  },
  help: { required: "optional", type: "select", refTypes: ["string"] },
  linktext: { required: "optional", type: "string" },
  minvalue: { required: "optional", type: "string" },
  maxvalue: { required: "optional", type: "string" },
  storevalue: { required: "optional", type: "boolean", default: "T" },
  accesslevel: {
    required: "optional",
    type: "select",
    default: "2",
    ...fromLists("generic_accesslevel_searchlevel"),
  },
  checkspelling: { required: "optional", type: "boolean", default: "F" },
  encryptatrest: { required: "optional", type: "boolean", default: "F" },
  displayheight: { required: "optional", type: "integer", min: 0, note: SALTO_NUMBER },
  displaywidth: { required: "optional", type: "integer", min: 0, note: SALTO_NUMBER },
  globalsearch: { required: "optional", type: "boolean", default: "F" },
  isformula: { required: "optional", type: "boolean", default: "F" },
  ismandatory: { required: "optional", type: "boolean", default: "F" },
  maxlength: { required: "optional", type: "string" },
  onparentdelete: {
    required: "optional",
    type: "select",
    ...fromLists("generic_customfield_onparentdelete"),
  },
  searchcomparefield: { required: "optional", type: "select", ...fromLists("generic_standard_field") },
  searchdefault: { required: "optional", type: "select", refTypes: ["savedsearch"] },
  searchlevel: {
    required: "optional",
    type: "select",
    default: "2",
    ...fromLists("generic_accesslevel_searchlevel"),
  },
} satisfies FieldTable;

/**
 * A custom field page's Fields table: the shared rows (less those in `omit`, which the page lacks), then
 * the rows of this field type, then the customfieldfilters and roleaccesses structures.
 */
function customFieldTable(
  own: FieldTable,
  omit: readonly (keyof typeof CUSTOM_FIELD_ROWS)[] = [],
): FieldTable {
  const omitted = new Set<string>(omit);
  const shared = Object.entries(CUSTOM_FIELD_ROWS).filter(([name]) => !omitted.has(name));
  return {
    ...Object.fromEntries(shared),
    ...own,
    customfieldfilters: structureField("customfieldfilters"),
    roleaccesses: structureField("roleaccesses"),
  };
}

/**
 * Rows the entity and custom record field pages share after searchlevel: showinlist, sourcing from a
 * standard field or a custom field of the same type (`self`), and placement (isparent, parentsubtab, then
 * the type's own `subtab`).
 */
function listSourcingAndPlacement(self: string, subtab: FieldFacts): FieldTable {
  const sourcing: FieldFacts = {
    required: "optional",
    type: "select",
    ...fromLists("generic_standard_field"),
    refTypes: [self],
  };
  return {
    showinlist: { required: "optional", type: "boolean", default: "F" },
    sourcefilterby: sourcing,
    sourcefrom: sourcing,
    sourcelist: sourcing,
    isparent: { required: "optional", type: "boolean", default: "F" },
    parentsubtab: {
      required: "optional",
      type: "select",
      ...fromLists("generic_tab_parent"),
      refTypes: ["subtab"],
    },
    subtab,
  };
}

export const ENTITY_CUSTOM_FIELD: ObjectSpec = objectSpec(PAGES.entitycustomfield, {
  root: "entitycustomfield",
  scriptIdPrefix: "custentity",
  scriptIdMaxLength: 40,
  fields: customFieldTable({
    showhierarchy: { required: "optional", type: "boolean", default: "F" },
    ...listSourcingAndPlacement("entitycustomfield", {
      required: "optional",
      type: "select",
      ...fromLists("generic_entity_tab"),
      refTypes: ["subtab"],
    }),
    appliestocontact: { required: "optional", type: "boolean", default: "F" },
    appliestocustomer: { required: "optional", type: "boolean", default: "F" },
    appliestoemployee: { required: "optional", type: "boolean", default: "F" },
    appliestogenericrsrc: { required: "optional", type: "boolean", default: "F", feature: "ADVANCEDJOBS" },
    appliestogroup: { required: "optional", type: "boolean", default: "F" },
    appliestoothername: { required: "optional", type: "boolean", default: "F" },
    appliestopartner: { required: "optional", type: "boolean", default: "F", feature: "CRM" },
    appliestopricelist: { required: "optional", type: "boolean", default: "F" },
    appliestoproject: { required: "optional", type: "boolean", default: "F", feature: "JOBS" },
    appliestoprojecttemplate: { required: "optional", type: "boolean", default: "F" },
    appliestostatement: { required: "optional", type: "boolean", default: "F" },
    appliestovendor: { required: "optional", type: "boolean", default: "F", feature: "ACCOUNTING" },
    appliestowebsite: { required: "optional", type: "boolean", default: "F", feature: "WEBSITE" },
    availableexternally: { required: "optional", type: "boolean", default: "F" },
    availabletosso: { required: "optional", type: "boolean", default: "F", feature: "SUITESIGNON" },
  }),
});

/** Structured elements shared by the custom field types (keys used by `structure`). */
export const FIELD_STRUCTURES: Readonly<Record<string, StructureSpec>> = {
  scriptcustomfield: structureSpec(PAGES.scriptcustomfield, {
    element: "scriptcustomfield",
    scriptIdPrefix: "custscript",
    scriptIdMaxLength: 40,
    fields: customFieldTable(
      { setting: { required: "optional", type: "select", ...fromLists("script_setting") } },
      ["encryptatrest", "globalsearch"],
    ),
  }),
  scriptcustomfields: listOf(
    PAGES.scriptcustomfield,
    "scriptcustomfields",
    "scriptcustomfield",
    "scriptcustomfield",
  ),
  customrecordcustomfield: structureSpec(PAGES.customrecordcustomfield, {
    element: "customrecordcustomfield",
    scriptIdPrefix: "custrecord",
    scriptIdMaxLength: 40,
    features: ["CUSTOMRECORDS"],
    fields: customFieldTable({
      ...listSourcingAndPlacement("customrecordcustomfield", {
        required: "optional",
        type: "select",
        refTypes: ["subtab"],
      }),
      allowquickadd: { required: "optional", type: "boolean", default: "F" },
      rolerestrict: { required: "optional", type: "boolean", default: "F" },
    }),
  }),
  customfieldfilters: listOf(
    PAGES.customfieldfilter,
    "customfieldfilters",
    "customfieldfilter",
    "customfieldfilter",
  ),
  customfieldfilter: structureSpec(PAGES.customfieldfilter, {
    element: "customfieldfilter",
    note:
      "Same table on every custom field type's customfieldfilter page; cited from " +
      "transactioncolumncustomfield's.",
    fields: {
      fldfilter: {
        required: "required",
        type: "select",
        ...fromLists("generic_standard_field"),
        refTypes: REF_TYPES_2,
      },
      fldfilterchecked: { required: "optional", type: "boolean", default: "F" },
      fldfiltercomparetype: {
        required: "optional",
        type: "select",
        default: "EQ",
        ...fromLists("generic_customfield_fldfiltercomparetype"),
      },
      fldfiltersel: { required: "optional", type: "multiselect", refTypes: REF_TYPES_1 },
      fldfilterval: { required: "optional", type: "string" },
      fldfilternotnull: { required: "optional", type: "boolean", default: "F" },
      fldfilternull: { required: "optional", type: "boolean", default: "F" },
      fldcomparefield: {
        required: "optional",
        type: "select",
        ...fromLists("generic_standard_field"),
        refTypes: REF_TYPES_2,
      },
    },
  }),
  roleaccesses: listOf(PAGES.roleaccess, "roleaccesses", "roleaccess", "roleaccess"),
  roleaccess: structureSpec(PAGES.roleaccess, {
    element: "roleaccess",
    note:
      "Same table on every custom field type's roleaccess page; cited from customrecordtype's. " +
      "accesslevel/searchlevel: 0 none, 1 view/run, 2 edit (see the fieldRoleAccessGuide page).",
    fields: {
      role: {
        required: "required",
        type: "select",
        ...fromLists("customrecordtype_permittedrole"),
        refTypes: ["role"],
      },
      accesslevel: {
        required: "required",
        type: "select",
        default: "0",
        ...fromLists("generic_accesslevel_searchlevel"),
      },
      searchlevel: {
        required: "required",
        type: "select",
        default: "0",
        ...fromLists("generic_accesslevel_searchlevel"),
      },
    },
  }),
};
