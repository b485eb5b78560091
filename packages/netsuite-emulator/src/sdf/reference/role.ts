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

import { VALUE_LISTS } from "./enums.js";
import { LARGE_VALUE_LISTS } from "./lists-large.js";
import { PAGES } from "./pages.js";
import type { ObjectSpec, StructureSpec } from "./types.js";

export const ROLE: ObjectSpec = {
  root: "role",
  scriptIdPrefix: "customrole",
  scriptIdMaxLength: 40,
  fields: {
    centertype: {
      required: "required",
      type: "select",
      lists: ["role_centertype"],
      values: VALUE_LISTS.role_centertype.values,
      refTypes: ["center"],
      note: "Determines which tabs and links are available to the role (roleGuide page).",
      source: PAGES.role,
    },
    name: { required: "required", type: "select", refTypes: ["string"], source: PAGES.role },
    tfaduration: {
      required: { when: "the tfarequired value is not equal to OFF" },
      type: "select",
      default: "0",
      lists: ["tfaduration"],
      values: VALUE_LISTS.tfaduration.values,
      source: PAGES.role,
    },
    coreadminpermission: { required: "optional", type: "boolean", default: "F", source: PAGES.role },
    employeerestriction: {
      required: "optional",
      type: "select",
      lists: ["role_fullrestrictions"],
      values: VALUE_LISTS.role_fullrestrictions.values,
      source: PAGES.role,
    },
    employeeviewingallowed: {
      required: "optional",
      type: "boolean",
      default: "F",
      note:
        "Available when the employeerestriction value is not equal to any of the following lists " +
        "or values: DEFAULTTOOWN, NONE.",
      source: PAGES.role,
    },
    ispartnerrole: { required: "optional", type: "boolean", default: "F", source: PAGES.role },
    issalesrole: { required: "optional", type: "boolean", default: "F", source: PAGES.role },
    issupportrole: { required: "optional", type: "boolean", default: "F", source: PAGES.role },
    issuerole: { required: "optional", type: "string", feature: "ISSUEDB", source: PAGES.role },
    restricttimeandexpenses: { required: "optional", type: "boolean", default: "F", source: PAGES.role },
    employeeselectionunrestricted: {
      required: "optional",
      type: "boolean",
      default: "F",
      source: PAGES.role,
    },
    isinactive: { required: "optional", type: "boolean", default: "F", source: PAGES.role },
    subsidiaryviewingallowed: {
      required: "optional",
      type: "boolean",
      default: "F",
      feature: "SUBSIDIARIES",
      source: PAGES.role,
    },
    subsidiaryoption: {
      required: "optional",
      type: "select",
      default: "ALL",
      lists: ["rolesubsidiaryoption"],
      values: VALUE_LISTS.rolesubsidiaryoption.values,
      feature: "SUBSIDIARIES",
      source: PAGES.role,
    },
    accountingbooksoption: {
      required: "optional",
      type: "select",
      default: "PRIMARY",
      lists: ["roleaccountingbooksoption"],
      values: VALUE_LISTS.roleaccountingbooksoption.values,
      feature: "MULTIBOOK",
      source: PAGES.role,
    },
    issinglesignononly: { required: "optional", type: "boolean", default: "F", source: PAGES.role },
    iswebserviceonlyrole: {
      required: "optional",
      type: "boolean",
      default: "F",
      feature: "WEBSERVICES",
      source: PAGES.role,
    },
    restrictbydevice: { required: "optional", type: "boolean", default: "F", source: PAGES.role },
    restrictip: {
      required: "optional",
      type: "boolean",
      default: "F",
      feature: "IPADDRESSRULES",
      source: PAGES.role,
    },
    tfarequired: {
      required: "optional",
      type: "select",
      default: "OFF",
      lists: ["tfarequired"],
      values: VALUE_LISTS.tfarequired.values,
      source: PAGES.role,
    },
    permissions: {
      required: "optional",
      type: "structure",
      structure: "role.permissions",
      source: PAGES.role,
    },
    recordrestrictions: {
      required: "optional",
      type: "structure",
      structure: "role.recordrestrictions",
      source: PAGES.role,
    },
  },
  source: PAGES.role,
};

/** Structured elements of role. */
export const ROLE_STRUCTURES: Readonly<Record<string, StructureSpec>> = {
  "role.permissions": {
    element: "permissions",
    fields: {
      permission: {
        required: "optional",
        type: "structure",
        structure: "role.permission",
        repeats: true,
        source: PAGES.role,
      },
    },
    source: PAGES.role,
  },
  "role.permission": {
    element: "permission",
    fields: {
      permkey: {
        required: "required",
        type: "select",
        lists: ["generic_permission"],
        values: LARGE_VALUE_LISTS.generic_permission.values,
        refTypes: ["customtransactiontype", "customsegment", "customrecordtype"],
        note:
          "Standard keys are generic_permission ids (ADMI_, LIST_, REGT_, REPO_, TRAN_…; names in " +
          "permissions.ts); a custom record/transaction type or segment is referenced as " +
          "[scriptid=customrecord_…].",
        source: PAGES.rolePermission,
      },
      permlevel: {
        required: "required",
        type: "select",
        lists: ["generic_permission_level"],
        values: VALUE_LISTS.generic_permission_level.values,
        source: PAGES.rolePermission,
      },
      restriction: {
        required: "optional",
        type: "select",
        lists: ["role_restrict"],
        values: VALUE_LISTS.role_restrict.values,
        source: PAGES.rolePermission,
      },
    },
    source: PAGES.rolePermission,
  },
  "role.recordrestrictions": {
    element: "recordrestrictions",
    fields: {
      recordrestriction: {
        required: "optional",
        type: "structure",
        structure: "role.recordrestriction",
        repeats: true,
        source: PAGES.role,
      },
    },
    source: PAGES.role,
  },
  "role.recordrestriction": {
    element: "recordrestriction",
    fields: {
      segment: {
        required: "required",
        type: "select",
        lists: ["role_restrictionsegment"],
        values: VALUE_LISTS.role_restrictionsegment.values,
        source: PAGES.roleRecordrestriction,
      },
      restriction: {
        required: "required",
        type: "select",
        lists: ["role_restrictions"],
        values: VALUE_LISTS.role_restrictions.values,
        source: PAGES.roleRecordrestriction,
      },
      viewingallowed: {
        required: "optional",
        type: "boolean",
        default: "F",
        note: "Available when the restriction value is not equal to DEFAULTTOOWN.",
        source: PAGES.roleRecordrestriction,
      },
      itemsrestricted: {
        required: "optional",
        type: "boolean",
        default: "F",
        note: "Available when the restriction value is not equal to DEFAULTTOOWN.",
        source: PAGES.roleRecordrestriction,
      },
    },
    source: PAGES.roleRecordrestriction,
  },
};
