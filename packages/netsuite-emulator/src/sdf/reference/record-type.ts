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

import {
  centerLinkFields,
  fromLists,
  listOf,
  objectSpec,
  structureField,
  structureSpec,
} from "./build-fields.js";
import { FIELD_STRUCTURES } from "./fields.js";
import { PAGES } from "./pages.js";
import type { ObjectSpec, StructureSpec } from "./types.js";

/** The page's remark on the rows that do not apply to a custom segment's record type. */
const NOT_FOR_SEGMENTS =
  "Available when the customsegment value is empty (Oracle's sentence ends at 'is equal to').";

export const CUSTOM_RECORD_TYPE: ObjectSpec = objectSpec(PAGES.customrecordtype, {
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
      note: NOT_FOR_SEGMENTS,
    },
    customsegment: {
      required: "optional",
      type: "select",
      refTypes: ["customsegment"],
      feature: "CUSTOMSEGMENTS",
    },
    accesstype: {
      required: "optional",
      type: "select",
      default: "CUSTRECORDENTRYPERM",
      ...fromLists("customrecordtype_accesstype"),
      note: NOT_FOR_SEGMENTS,
    },
    allowattachments: { required: "optional", type: "boolean", default: "T" },
    allowinlineediting: { required: "optional", type: "boolean", default: "F" },
    allowinlinedeleting: { required: "optional", type: "boolean", default: "F" },
    allowinlinedetaching: { required: "optional", type: "boolean", default: "F" },
    allowmobileaccess: { required: "optional", type: "boolean", default: "F", note: NOT_FOR_SEGMENTS },
    allownumberingoverride: { required: "optional", type: "boolean", default: "F", note: NOT_FOR_SEGMENTS },
    allowquickadd: { required: "optional", type: "boolean", default: "T" },
    allowquicksearch: { required: "optional", type: "boolean", default: "F" },
    allowuiaccess: { required: "optional", type: "boolean", default: "T", note: NOT_FOR_SEGMENTS },
    description: { required: "optional", type: "string", note: NOT_FOR_SEGMENTS },
    enabledle: { required: "optional", type: "boolean", default: "T", feature: "EXTREMELIST" },
    enablekeywords: { required: "optional", type: "boolean", default: "T" },
    enablemailmerge: { required: "optional", type: "boolean", default: "F", feature: "MAILMERGE" },
    enablenametranslation: {
      required: "optional",
      type: "boolean",
      default: "F",
      feature: "MULTILANGUAGE",
      note: NOT_FOR_SEGMENTS,
    },
    enablenumbering: { required: "optional", type: "boolean", default: "F", note: NOT_FOR_SEGMENTS },
    enableoptimisticlocking: { required: "optional", type: "boolean", default: "T" },
    enablesystemnotes: { required: "optional", type: "boolean", default: "T" },
    hierarchical: { required: "optional", type: "boolean", default: "F", note: NOT_FOR_SEGMENTS },
    numberingprefix: { required: "optional", type: "string", note: NOT_FOR_SEGMENTS },
    numberingsuffix: { required: "optional", type: "string", note: NOT_FOR_SEGMENTS },
    numberingmindigits: { required: "optional", type: "string", note: NOT_FOR_SEGMENTS },
    numberinginit: { required: "optional", type: "string", note: NOT_FOR_SEGMENTS },
    icon: { required: "optional", type: "filereference" },
    iconbuiltin: { required: "optional", type: "boolean", default: "T" },
    iconindex: { required: "optional", type: "select", ...fromLists("generic_custom_record_icon") },
    includeinsearchmenu: { required: "optional", type: "boolean", default: "T" },
    includename: { required: "optional", type: "boolean", default: "T", note: NOT_FOR_SEGMENTS },
    isinactive: { required: "optional", type: "boolean", default: "F", note: NOT_FOR_SEGMENTS },
    isordered: { required: "optional", type: "boolean", default: "F", note: NOT_FOR_SEGMENTS },
    showcreationdate: { required: "optional", type: "boolean", default: "F" },
    showcreationdateonlist: { required: "optional", type: "boolean", default: "F" },
    showid: { required: "optional", type: "boolean", default: "F", note: NOT_FOR_SEGMENTS },
    showlastmodified: { required: "optional", type: "boolean", default: "F" },
    showlastmodifiedonlist: { required: "optional", type: "boolean", default: "F" },
    shownotes: { required: "optional", type: "boolean", default: "T" },
    showowner: { required: "optional", type: "boolean", default: "F" },
    showownerallowchange: { required: "optional", type: "boolean", default: "F" },
    showowneronlist: { required: "optional", type: "boolean", default: "F" },
    customrecordcustomfields: structureField("customrecordtype.customrecordcustomfields"),
    instances: structureField("customrecordtype.instances"),
    links: structureField("customrecordtype.links"),
    permissions: structureField("customrecordtype.permissions"),
    recordsublists: structureField("customrecordtype.recordsublists"),
    subtabs: structureField("customrecordtype.subtabs"),
  },
});

/** Structured elements of customrecordtype, plus the shared field structures they use. */
export const RECORD_TYPE_STRUCTURES: Readonly<Record<string, StructureSpec>> = {
  ...FIELD_STRUCTURES,
  "customrecordtype.customrecordcustomfields": listOf(
    PAGES.customrecordtype,
    "customrecordcustomfields",
    "customrecordcustomfield",
    "customrecordcustomfield",
  ),
  "customrecordtype.instances": listOf(
    PAGES.crtInstances,
    "instances",
    "instance",
    "customrecordtype.instance",
  ),
  "customrecordtype.instance": structureSpec(PAGES.crtInstance, {
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
      },
      name: {
        required: { when: "the includename value is equal to T and enablenumbering value is equal to F" },
        type: "string",
        note: "Available when the includename value is equal to T and enablenumbering value is equal to F.",
      },
      isinactive: { required: "optional", type: "boolean", default: "F" },
      parent: {
        required: "optional",
        type: "select",
        refTypes: ["instance"],
        note: "Available when the hierarchical value is equal to T.",
      },
    },
  }),
  "customrecordtype.links": listOf(PAGES.customrecordtype, "links", "link", "customrecordtype.link"),
  "customrecordtype.link": structureSpec(PAGES.crtLink, {
    element: "link",
    fields: centerLinkFields({
      required: "required",
      type: "select",
      ...fromLists("customrecordtype_tasktype"),
    }),
  }),
  "customrecordtype.permissions": listOf(
    PAGES.customrecordtype,
    "permissions",
    "permission",
    "customrecordtype.permission",
  ),
  "customrecordtype.permission": structureSpec(PAGES.crtPermission, {
    element: "permission",
    note: "Only used when accesstype is USEPERMISSIONLIST.",
    fields: {
      permittedrole: {
        required: "required",
        type: "select",
        ...fromLists("customrecordtype_permittedrole"),
        refTypes: ["role"],
      },
      permittedlevel: {
        required: "required",
        type: "select",
        default: "NONE",
        ...fromLists("generic_permission_level"),
      },
      restriction: { required: "optional", type: "select", ...fromLists("role_restrict") },
    },
  }),
  "customrecordtype.recordsublists": listOf(
    PAGES.customrecordtype,
    "recordsublists",
    "recordsublist",
    "customrecordtype.recordsublist",
  ),
  "customrecordtype.recordsublist": structureSpec(PAGES.crtRecordsublist, {
    element: "recordsublist",
    scriptIdMaxLength: 40,
    fields: {
      recordsearch: { required: "required", type: "select", refTypes: ["savedsearch"] },
      recorddescr: { required: "required", type: "select", refTypes: ["string"] },
      recordtab: { required: "optional", type: "select", refTypes: ["subtab"] },
      recordfield: {
        required: "optional",
        type: "select",
        ...fromLists("generic_standard_field"),
        refTypes: ["customrecordcustomfield"],
      },
    },
  }),
  "customrecordtype.subtabs": listOf(PAGES.customrecordtype, "subtabs", "subtab", "customrecordtype.subtab"),
  "customrecordtype.subtab": structureSpec(PAGES.crtSubtab, {
    element: "subtab",
    scriptIdMaxLength: 40,
    fields: {
      tabtitle: { required: "required", type: "select", refTypes: ["string"] },
      tabparent: { required: "optional", type: "select", refTypes: ["subtab"] },
    },
  }),
};
