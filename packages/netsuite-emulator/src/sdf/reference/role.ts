/**
 * role (customrole): the custom role object, its permissions and record restrictions.
 *
 * Oracle SuiteCloud Development Framework XML Reference pages used:
 * - role: https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_2121043136.html
 * - role > permission: https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_762449695.html
 * - role > recordrestriction:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_1828522851.html
 * - Custom Roles as XML Definitions:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_4731154857.html
 *
 * Facts not visible in the stored copy of Oracle's page (the excerpt shows the top of each table) were
 * taken from salto-io/salto packages/netsuite-adapter/src/autogen (commit 8696742b), which is generated
 * from this reference; README.md lists what is confirmed where.
 */

import { fromLists, listOf, objectSpec, structureField, structureSpec } from "./build-fields.js";
import { PAGES } from "./pages.js";
import type { ObjectSpec, StructureSpec } from "./types.js";

export const ROLE: ObjectSpec = objectSpec(PAGES.role, {
  root: "role",
  scriptIdPrefix: "customrole",
  scriptIdMaxLength: 40,
  fields: {
    centertype: {
      required: "required",
      type: "select",
      ...fromLists("role_centertype"),
      refTypes: ["center"],
      note: "Determines which tabs and links are available to the role (roleGuide page).",
    },
    name: { required: "required", type: "select", refTypes: ["string"] },
    tfaduration: {
      required: { when: "the tfarequired value is not equal to OFF" },
      type: "select",
      default: "0",
      ...fromLists("tfaduration"),
    },
    coreadminpermission: { required: "optional", type: "boolean", default: "F" },
    employeerestriction: { required: "optional", type: "select", ...fromLists("role_fullrestrictions") },
    employeeviewingallowed: {
      required: "optional",
      type: "boolean",
      default: "F",
      note:
        "Available when the employeerestriction value is not equal to any of the following lists " +
        "or values: DEFAULTTOOWN, NONE.",
    },
    ispartnerrole: { required: "optional", type: "boolean", default: "F" },
    issalesrole: { required: "optional", type: "boolean", default: "F" },
    issupportrole: { required: "optional", type: "boolean", default: "F" },
    issuerole: { required: "optional", type: "string", feature: "ISSUEDB" },
    restricttimeandexpenses: { required: "optional", type: "boolean", default: "F" },
    employeeselectionunrestricted: { required: "optional", type: "boolean", default: "F" },
    isinactive: { required: "optional", type: "boolean", default: "F" },
    subsidiaryviewingallowed: {
      required: "optional",
      type: "boolean",
      default: "F",
      feature: "SUBSIDIARIES",
    },
    subsidiaryoption: {
      required: "optional",
      type: "select",
      default: "ALL",
      ...fromLists("rolesubsidiaryoption"),
      feature: "SUBSIDIARIES",
    },
    accountingbooksoption: {
      required: "optional",
      type: "select",
      default: "PRIMARY",
      ...fromLists("roleaccountingbooksoption"),
      feature: "MULTIBOOK",
    },
    issinglesignononly: { required: "optional", type: "boolean", default: "F" },
    iswebserviceonlyrole: { required: "optional", type: "boolean", default: "F", feature: "WEBSERVICES" },
    restrictbydevice: { required: "optional", type: "boolean", default: "F" },
    restrictip: { required: "optional", type: "boolean", default: "F", feature: "IPADDRESSRULES" },
    tfarequired: { required: "optional", type: "select", default: "OFF", ...fromLists("tfarequired") },
    permissions: structureField("role.permissions"),
    recordrestrictions: structureField("role.recordrestrictions"),
  },
});

/** Structured elements of role. */
export const ROLE_STRUCTURES: Readonly<Record<string, StructureSpec>> = {
  "role.permissions": listOf(PAGES.role, "permissions", "permission", "role.permission"),
  "role.permission": structureSpec(PAGES.rolePermission, {
    element: "permission",
    fields: {
      permkey: {
        required: "required",
        type: "select",
        ...fromLists("generic_permission"),
        refTypes: ["customtransactiontype", "customsegment", "customrecordtype"],
        note:
          "Standard keys are generic_permission ids (ADMI_, LIST_, REGT_, REPO_, TRAN_…); a custom " +
          "record/transaction type or segment is referenced as " +
          "[scriptid=customrecord_…].",
      },
      permlevel: { required: "required", type: "select", ...fromLists("generic_permission_level") },
      restriction: { required: "optional", type: "select", ...fromLists("role_restrict") },
    },
  }),
  "role.recordrestrictions": listOf(
    PAGES.role,
    "recordrestrictions",
    "recordrestriction",
    "role.recordrestriction",
  ),
  "role.recordrestriction": structureSpec(PAGES.roleRecordrestriction, {
    element: "recordrestriction",
    fields: {
      segment: { required: "required", type: "select", ...fromLists("role_restrictionsegment") },
      restriction: { required: "required", type: "select", ...fromLists("role_restrictions") },
      viewingallowed: {
        required: "optional",
        type: "boolean",
        default: "F",
        note: "Available when the restriction value is not equal to DEFAULTTOOWN.",
      },
      itemsrestricted: {
        required: "optional",
        type: "boolean",
        default: "F",
        note: "Available when the restriction value is not equal to DEFAULTTOOWN.",
      },
    },
  }),
};
