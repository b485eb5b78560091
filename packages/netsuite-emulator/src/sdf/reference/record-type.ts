/**
 * customrecordtype (customrecord) and its structured fields.
 *
 * Oracle SuiteCloud Development Framework XML Reference pages used:
 * - customrecordtype: https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_372451363.html
 * - customrecordtype > instances:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_3518833312.html
 * - customrecordtype > instance:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_1575011417.html
 * - customrecordtype > link:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_3571172402.html
 * - customrecordtype > permission:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_2290236535.html
 * - customrecordtype > recordsublist:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_1165691426.html
 * - customrecordtype > subtab:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_1525431914.html
 * - Custom Record Types as XML Definitions:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_1526908548.html
 * - Custom Record Instances:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_1532218021.html
 * - Define the Permission Model for a Custom Record Type:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/bridgehead_N2879432.html
 * - Setting Up a Permissions List for a Custom Record Type:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_N2879931.html
 *
 * Facts not visible in the stored copy of Oracle's page (the excerpt shows the top of each table) were
 * taken from salto-io/salto packages/netsuite-adapter/src/autogen (commit 8696742b), which is generated
 * from this reference; README.md lists what is confirmed where.
 */

import { VALUE_LISTS } from "./enums.js";
import { FIELD_STRUCTURES } from "./fields.js";
import { LARGE_VALUE_LISTS } from "./lists-large.js";
import { PAGES } from "./pages.js";
import type { ObjectSpec, StructureSpec } from "./types.js";

export const CUSTOM_RECORD_TYPE: ObjectSpec = {
  root: "customrecordtype",
  scriptIdPrefix: "customrecord",
  scriptIdMaxLength: 40,
  features: ["CUSTOMRECORDS"],
  fields: {
    recordname: {
      required: {
        when:
          "the record type is not a custom segment's record type (Oracle: mandatory when the " +
          "customsegment value is empty)",
      },
      type: "select",
      maxLength: 40,
      refTypes: ["string"],
      note: "Available when the customsegment value is empty (Oracle's sentence ends at 'is equal to').",
      source: PAGES.customrecordtype,
    },
    customsegment: {
      required: "optional",
      type: "select",
      refTypes: ["customsegment"],
      feature: "CUSTOMSEGMENTS",
      source: PAGES.customrecordtype,
    },
    accesstype: {
      required: "optional",
      type: "select",
      default: "CUSTRECORDENTRYPERM",
      lists: ["customrecordtype_accesstype"],
      values: VALUE_LISTS.customrecordtype_accesstype.values,
      note: "Available when the customsegment value is empty (Oracle's sentence ends at 'is equal to').",
      source: PAGES.customrecordtype,
    },
    allowattachments: { required: "optional", type: "boolean", default: "T", source: PAGES.customrecordtype },
    allowinlineediting: {
      required: "optional",
      type: "boolean",
      default: "F",
      source: PAGES.customrecordtype,
    },
    allowinlinedeleting: {
      required: "optional",
      type: "boolean",
      default: "F",
      source: PAGES.customrecordtype,
    },
    allowinlinedetaching: {
      required: "optional",
      type: "boolean",
      default: "F",
      source: PAGES.customrecordtype,
    },
    allowmobileaccess: {
      required: "optional",
      type: "boolean",
      default: "F",
      note: "Available when the customsegment value is empty (Oracle's sentence ends at 'is equal to').",
      source: PAGES.customrecordtype,
    },
    allownumberingoverride: {
      required: "optional",
      type: "boolean",
      default: "F",
      note: "Available when the customsegment value is empty (Oracle's sentence ends at 'is equal to').",
      source: PAGES.customrecordtype,
    },
    allowquickadd: { required: "optional", type: "boolean", default: "T", source: PAGES.customrecordtype },
    allowquicksearch: { required: "optional", type: "boolean", default: "F", source: PAGES.customrecordtype },
    allowuiaccess: {
      required: "optional",
      type: "boolean",
      default: "T",
      note: "Available when the customsegment value is empty (Oracle's sentence ends at 'is equal to').",
      source: PAGES.customrecordtype,
    },
    description: {
      required: "optional",
      type: "string",
      note: "Available when the customsegment value is empty (Oracle's sentence ends at 'is equal to').",
      source: PAGES.customrecordtype,
    },
    enabledle: {
      required: "optional",
      type: "boolean",
      default: "T",
      feature: "EXTREMELIST",
      source: PAGES.customrecordtype,
    },
    enablekeywords: { required: "optional", type: "boolean", default: "T", source: PAGES.customrecordtype },
    enablemailmerge: {
      required: "optional",
      type: "boolean",
      default: "F",
      feature: "MAILMERGE",
      source: PAGES.customrecordtype,
    },
    enablenametranslation: {
      required: "optional",
      type: "boolean",
      default: "F",
      feature: "MULTILANGUAGE",
      note: "Available when the customsegment value is empty (Oracle's sentence ends at 'is equal to').",
      source: PAGES.customrecordtype,
    },
    enablenumbering: {
      required: "optional",
      type: "boolean",
      default: "F",
      note: "Available when the customsegment value is empty (Oracle's sentence ends at 'is equal to').",
      source: PAGES.customrecordtype,
    },
    enableoptimisticlocking: {
      required: "optional",
      type: "boolean",
      default: "T",
      source: PAGES.customrecordtype,
    },
    enablesystemnotes: {
      required: "optional",
      type: "boolean",
      default: "T",
      source: PAGES.customrecordtype,
    },
    hierarchical: {
      required: "optional",
      type: "boolean",
      default: "F",
      note: "Available when the customsegment value is empty (Oracle's sentence ends at 'is equal to').",
      source: PAGES.customrecordtype,
    },
    numberingprefix: {
      required: "optional",
      type: "string",
      note: "Available when the customsegment value is empty (Oracle's sentence ends at 'is equal to').",
      source: PAGES.customrecordtype,
    },
    numberingsuffix: {
      required: "optional",
      type: "string",
      note: "Available when the customsegment value is empty (Oracle's sentence ends at 'is equal to').",
      source: PAGES.customrecordtype,
    },
    numberingmindigits: {
      required: "optional",
      type: "string",
      note: "Available when the customsegment value is empty (Oracle's sentence ends at 'is equal to').",
      source: PAGES.customrecordtype,
    },
    numberinginit: {
      required: "optional",
      type: "string",
      note: "Available when the customsegment value is empty (Oracle's sentence ends at 'is equal to').",
      source: PAGES.customrecordtype,
    },
    icon: { required: "optional", type: "filereference", source: PAGES.customrecordtype },
    iconbuiltin: { required: "optional", type: "boolean", default: "T", source: PAGES.customrecordtype },
    iconindex: {
      required: "optional",
      type: "select",
      lists: ["generic_custom_record_icon"],
      values: VALUE_LISTS.generic_custom_record_icon.values,
      source: PAGES.customrecordtype,
    },
    includeinsearchmenu: {
      required: "optional",
      type: "boolean",
      default: "T",
      source: PAGES.customrecordtype,
    },
    includename: {
      required: "optional",
      type: "boolean",
      default: "T",
      note: "Available when the customsegment value is empty (Oracle's sentence ends at 'is equal to').",
      source: PAGES.customrecordtype,
    },
    isinactive: {
      required: "optional",
      type: "boolean",
      default: "F",
      note: "Available when the customsegment value is empty (Oracle's sentence ends at 'is equal to').",
      source: PAGES.customrecordtype,
    },
    isordered: {
      required: "optional",
      type: "boolean",
      default: "F",
      note: "Available when the customsegment value is empty (Oracle's sentence ends at 'is equal to').",
      source: PAGES.customrecordtype,
    },
    showcreationdate: { required: "optional", type: "boolean", default: "F", source: PAGES.customrecordtype },
    showcreationdateonlist: {
      required: "optional",
      type: "boolean",
      default: "F",
      source: PAGES.customrecordtype,
    },
    showid: {
      required: "optional",
      type: "boolean",
      default: "F",
      note: "Available when the customsegment value is empty (Oracle's sentence ends at 'is equal to').",
      source: PAGES.customrecordtype,
    },
    showlastmodified: { required: "optional", type: "boolean", default: "F", source: PAGES.customrecordtype },
    showlastmodifiedonlist: {
      required: "optional",
      type: "boolean",
      default: "F",
      source: PAGES.customrecordtype,
    },
    shownotes: { required: "optional", type: "boolean", default: "T", source: PAGES.customrecordtype },
    showowner: { required: "optional", type: "boolean", default: "F", source: PAGES.customrecordtype },
    showownerallowchange: {
      required: "optional",
      type: "boolean",
      default: "F",
      source: PAGES.customrecordtype,
    },
    showowneronlist: { required: "optional", type: "boolean", default: "F", source: PAGES.customrecordtype },
    customrecordcustomfields: {
      required: "optional",
      type: "structure",
      structure: "customrecordtype.customrecordcustomfields",
      source: PAGES.customrecordtype,
    },
    instances: {
      required: "optional",
      type: "structure",
      structure: "customrecordtype.instances",
      source: PAGES.customrecordtype,
    },
    links: {
      required: "optional",
      type: "structure",
      structure: "customrecordtype.links",
      source: PAGES.customrecordtype,
    },
    permissions: {
      required: "optional",
      type: "structure",
      structure: "customrecordtype.permissions",
      source: PAGES.customrecordtype,
    },
    recordsublists: {
      required: "optional",
      type: "structure",
      structure: "customrecordtype.recordsublists",
      source: PAGES.customrecordtype,
    },
    subtabs: {
      required: "optional",
      type: "structure",
      structure: "customrecordtype.subtabs",
      source: PAGES.customrecordtype,
    },
  },
  source: PAGES.customrecordtype,
};

/** Structured elements of customrecordtype, plus the shared field structures they use. */
export const RECORD_TYPE_STRUCTURES: Readonly<Record<string, StructureSpec>> = {
  ...FIELD_STRUCTURES,
  "customrecordtype.customrecordcustomfields": {
    element: "customrecordcustomfields",
    fields: {
      customrecordcustomfield: {
        required: "optional",
        type: "structure",
        structure: "customrecordcustomfield",
        repeats: true,
        source: PAGES.customrecordtype,
      },
    },
    source: PAGES.customrecordtype,
  },
  "customrecordtype.instances": {
    element: "instances",
    fields: {
      instance: {
        required: "optional",
        type: "structure",
        structure: "customrecordtype.instance",
        repeats: true,
        source: PAGES.crtInstances,
      },
    },
    source: PAGES.crtInstances,
  },
  "customrecordtype.instance": {
    element: "instance",
    scriptIdMaxLength: 40,
    acceptsParentCustomFields: true,
    note:
      "Besides these, an instance holds one element per custom field of the record type, named " +
      "by the field's script id.",
    fields: {
      altname: {
        required: { when: "the includename value is equal to T and enablenumbering value is equal to T" },
        type: "string",
        note: "Available when the includename value is equal to T and enablenumbering value is equal to T.",
        source: PAGES.crtInstance,
      },
      name: {
        required: { when: "the includename value is equal to T and enablenumbering value is equal to F" },
        type: "string",
        note: "Available when the includename value is equal to T and enablenumbering value is equal to F.",
        source: PAGES.crtInstance,
      },
      isinactive: { required: "optional", type: "boolean", default: "F", source: PAGES.crtInstance },
      parent: {
        required: "optional",
        type: "select",
        refTypes: ["instance"],
        note: "Available when the hierarchical value is equal to T.",
        source: PAGES.crtInstance,
      },
    },
    source: PAGES.crtInstance,
  },
  "customrecordtype.links": {
    element: "links",
    fields: {
      link: {
        required: "optional",
        type: "structure",
        structure: "customrecordtype.link",
        repeats: true,
        source: PAGES.customrecordtype,
      },
    },
    source: PAGES.customrecordtype,
  },
  "customrecordtype.link": {
    element: "link",
    fields: {
      linkcategory: {
        required: "required",
        type: "select",
        lists: ["generic_centercategory"],
        values: LARGE_VALUE_LISTS.generic_centercategory.values,
        source: PAGES.crtLink,
      },
      linktasktype: {
        required: "required",
        type: "select",
        lists: ["customrecordtype_tasktype"],
        values: VALUE_LISTS.customrecordtype_tasktype.values,
        source: PAGES.crtLink,
      },
      linklabel: { required: "optional", type: "select", refTypes: ["string"], source: PAGES.crtLink },
    },
    source: PAGES.crtLink,
  },
  "customrecordtype.permissions": {
    element: "permissions",
    fields: {
      permission: {
        required: "optional",
        type: "structure",
        structure: "customrecordtype.permission",
        repeats: true,
        source: PAGES.customrecordtype,
      },
    },
    source: PAGES.customrecordtype,
  },
  "customrecordtype.permission": {
    element: "permission",
    note: "Only used when accesstype is USEPERMISSIONLIST.",
    fields: {
      permittedrole: {
        required: "required",
        type: "select",
        lists: ["customrecordtype_permittedrole"],
        values: VALUE_LISTS.customrecordtype_permittedrole.values,
        refTypes: ["role"],
        source: PAGES.crtPermission,
      },
      permittedlevel: {
        required: "required",
        type: "select",
        default: "NONE",
        lists: ["generic_permission_level"],
        values: VALUE_LISTS.generic_permission_level.values,
        source: PAGES.crtPermission,
      },
      restriction: {
        required: "optional",
        type: "select",
        lists: ["role_restrict"],
        values: VALUE_LISTS.role_restrict.values,
        source: PAGES.crtPermission,
      },
    },
    source: PAGES.crtPermission,
  },
  "customrecordtype.recordsublists": {
    element: "recordsublists",
    fields: {
      recordsublist: {
        required: "optional",
        type: "structure",
        structure: "customrecordtype.recordsublist",
        repeats: true,
        source: PAGES.customrecordtype,
      },
    },
    source: PAGES.customrecordtype,
  },
  "customrecordtype.recordsublist": {
    element: "recordsublist",
    scriptIdMaxLength: 40,
    fields: {
      recordsearch: {
        required: "required",
        type: "select",
        refTypes: ["savedsearch"],
        source: PAGES.crtRecordsublist,
      },
      recorddescr: {
        required: "required",
        type: "select",
        refTypes: ["string"],
        source: PAGES.crtRecordsublist,
      },
      recordtab: {
        required: "optional",
        type: "select",
        refTypes: ["subtab"],
        source: PAGES.crtRecordsublist,
      },
      recordfield: {
        required: "optional",
        type: "select",
        lists: ["generic_standard_field"],
        values: LARGE_VALUE_LISTS.generic_standard_field.values,
        refTypes: ["customrecordcustomfield"],
        source: PAGES.crtRecordsublist,
      },
    },
    source: PAGES.crtRecordsublist,
  },
  "customrecordtype.subtabs": {
    element: "subtabs",
    fields: {
      subtab: {
        required: "optional",
        type: "structure",
        structure: "customrecordtype.subtab",
        repeats: true,
        source: PAGES.customrecordtype,
      },
    },
    source: PAGES.customrecordtype,
  },
  "customrecordtype.subtab": {
    element: "subtab",
    scriptIdMaxLength: 40,
    fields: {
      tabtitle: { required: "required", type: "select", refTypes: ["string"], source: PAGES.crtSubtab },
      tabparent: { required: "optional", type: "select", refTypes: ["subtab"], source: PAGES.crtSubtab },
    },
    source: PAGES.crtSubtab,
  },
};
