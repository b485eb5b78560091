/**
 * Value lists referenced by the modelled objects (small ones; long account-data lists are in lists-
 * large.ts).
 *
 * Oracle SuiteCloud Development Framework XML Reference pages used:
 * - Lists For SDF Custom Object XML Definitions:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_2405618192.html
 * - Providing Roles with Access to a Custom Field in SDF:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_4731157838.html
 * - customrecordtype > permission:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_2290236535.html
 * - customrecordtype_accesstype:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_4227334961.html
 * - execution_context: https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_340964121.html
 * - role_centertype: https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_3349140554.html
 * - customrecordtype_permittedrole:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_271228656.html
 * - generic_customfield_fieldtype:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_2791641793.html
 * - generic_customfield_parentsubtab:
 *   https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_4093204269.html
 *
 * Facts not visible in the stored copy of Oracle's page (the excerpt shows the top of each table) were
 * taken from salto-io/salto packages/netsuite-adapter/src/autogen (commit 8696742b), which is generated
 * from this reference; README.md lists what is confirmed where.
 */

import { saltoList, variantOf } from "./build-lists.js";
import { PAGES } from "./pages.js";
import type { ValueList } from "./types.js";

/** salto's customrecordtype_permittedrole: the standard role ids both role lists below start from. */
const SALTO_PERMITTED_ROLES: readonly string[] = [
  "ACCOUNTANT",
  "ACCOUNTANT__REVIEWER",
  "ADMINISTRATOR",
  "ADVANCED_PARTNER_CENTER",
  "AP_CLERK",
  "AR_CLERK",
  "BOOKKEEPER",
  "BUYER",
  "CEO",
  "CEO_HANDS_OFF",
  "CHIEF_PEOPLE_OFFICER_CPO",
  "CONSULTANT",
  "CUSTOMER_CENTER",
  "CUSTOMROLE41",
  "CUSTOMROLE42",
  "CUSTOMROLE43",
  "CUSTOMROLE56",
  "DATA_WAREHOUSE_INTEGRATOR",
  "DEVELOPER",
  "EMPLOYEE_CENTER",
  "ENGINEER",
  "ENGINEERING_MANAGER",
  "FULL_ACCESS",
  "HUMAN_RESOURCES_ADMINISTRATOR",
  "HUMAN_RESOURCES_GENERALIST",
  "INTRANET_MANAGER",
  "ISSUE_ADMINISTRATOR",
  "MARKETING_ADMINISTRATOR",
  "MARKETING_ASSISTANT",
  "MARKETING_MANAGER",
  "NETSUITE_SUPPORT_CENTER__BASIC",
  "ONLINE_FORM_USER",
  "PARTNER_CENTER",
  "PAYROLL_MANAGER",
  "PAYROLL_SETUP",
  "PM_MANAGER",
  "PRODUCT_MANAGER",
  "QA_ENGINEER",
  "QA_MANAGER",
  "RESOURCE_MANAGER",
  "REVENUE_ACCOUNTANT",
  "REVENUE_MANAGER",
  "SALES_ADMINISTRATOR",
  "SALES_MANAGER",
  "SALES_PERSON",
  "SALES_VICE_PRESIDENT",
  "SHOPPER",
  "STORE_MANAGER",
  "SUITEAPPRELEASEMANAGER",
  "SUPPORT_ADMINISTRATOR",
  "SUPPORT_MANAGER",
  "SUPPORT_PERSON",
  "SYSTEM_ADMINISTRATOR",
  "TAX_ENGINE",
  "VENDOR_CENTER",
  "WAREHOUSE_MANAGER",
  "_ALL_ROLES",
];

/**
 * The subtabs a custom field may be placed under: Oracle's generic_customfield_parentsubtab page, equal
 * to salto's generic_tab_parent; salto's generic_entity_tab is its ENTITY… part.
 */
const PARENT_SUBTABS: readonly string[] = [
  "CRMBUDGET",
  "CRMCONTACTS",
  "CRMKEYWORD",
  "CRMMAIN",
  "CRMMESSAGE",
  "CRMRELATEDINFO",
  "CRMRELATEDRECORDS",
  "CRMSYSTEMINFORMATION",
  "ENTITYACCESS",
  "ENTITYACCOUNTING",
  "ENTITYBUDGET",
  "ENTITYCOMMUNICATION",
  "ENTITYCOMPENSATIONTRACKING",
  "ENTITYFINANCIAL",
  "ENTITYGENERAL",
  "ENTITYHUMANRESOURCES",
  "ENTITYINFO",
  "ENTITYMAIN",
  "ENTITYMARKETING",
  "ENTITYPL",
  "ENTITYPREFERENCES",
  "ENTITYQUALIFICATION",
  "ENTITYRELATEDRECORDS",
  "ENTITYRELATIONSHIPS",
  "ENTITYSALES",
  "ENTITYSUBSCRIPTIONS",
  "ENTITYSUPPORT",
  "ENTITYTIMEOFF",
  "ENTITYTIMETRACKING",
  "ITEMBASIC",
  "ITEMCOMMUNICATION",
  "ITEMINVENTORY",
  "ITEMLOCATIONS",
  "ITEMMAIN",
  "ITEMMATRIX",
  "ITEMPURCHASINGINVENTORY",
  "ITEMSYSTEMINFORMATION",
  "ITEMVENDORS",
  "TRANSACTIONACCOUNTING",
  "TRANSACTIONADDRESS",
  "TRANSACTIONBILLING",
  "TRANSACTIONBUILDS",
  "TRANSACTIONCOMMUNICATION",
  "TRANSACTIONFULFILLMENTSANDCREDITS",
  "TRANSACTIONFULFILLMENTSANDRECEIPTS",
  "TRANSACTIONGENERAL",
  "TRANSACTIONHISTORY",
  "TRANSACTIONITEMS",
  "TRANSACTIONJOURNAL",
  "TRANSACTIONMAIN",
  "TRANSACTIONOUTPUTOPTIONS",
  "TRANSACTIONPAYMENT",
  "TRANSACTIONQUALIFICATION",
  "TRANSACTIONRECEIPTSANDREFUNDS",
  "TRANSACTIONRELATEDRECORDS",
  "TRANSACTIONRELATIONSHIPS",
  "TRANSACTIONSALES",
  "TRANSACTIONSHIPPING",
  "TRANSACTIONSYSTEMINFORMATION",
];

/** Value lists of the SDF XML reference ("For information about possible values, see …"). */
export const VALUE_LISTS = {
  allrecord_script_deployment_recordtype: saltoList(["RECORD"], { remark: "RECORD is 'All Records'." }),
  customrecordtype_accesstype: {
    confirmed: "oracle",
    values: ["CUSTRECORDENTRYPERM", "NONENEEDED", "USEPERMISSIONLIST"],
    meanings: {
      CUSTRECORDENTRYPERM:
        "Require Custom Record Entries Permission (default): roles need the Custom Record Entries" +
        " permission (the owner always has access)",
      USEPERMISSIONLIST: "Use Permission List: access follows the record type's <permissions> list",
      NONENEEDED: "No Permission Required (for Internal Roles): any internal user may access the records",
    },
    note:
      "Meanings: the UI's Access Type list " +
      "(https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/bridgehead_N2879432.html)" +
      " offers Require Custom Record Entries Permission, Use Permission List and No Permission " +
      "Required (now 'No Permission Required for Internal Roles'); the pairing with these XML " +
      "values is by name. The permission list only applies with USEPERMISSIONLIST " +
      "(https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_N2879931.html).",
    source: PAGES.crtAccesstype,
  },
  customrecordtype_permittedrole: {
    confirmed: "oracle",
    values: variantOf(SALTO_PERMITTED_ROLES, {
      add: ["WMS_LIMITED_ACCESS", "specialized_user_crm", "specialized_user_view"],
    }),
    accountData: true,
    note:
      "Oracle's page has 60 values; salto's copy lacks WMS_LIMITED_ACCESS, " +
      "specialized_user_crm, specialized_user_view. Account data: standard role ids (custom " +
      "roles are referenced as [scriptid=customrole_…]).",
    source: PAGES.permittedrole,
  },
  customrecordtype_tasktype: saltoList(["EDIT", "LIST", "SRCH"]),
  execution_context: {
    confirmed: "oracle",
    values: [
      "ACTION",
      "ADVANCEDREVREC",
      "BANKCONNECTIVITY",
      "BANKSTATEMENTPARSER",
      "BUNDLEINSTALLATION",
      "CLIENT",
      "CONSOLRATEADJUSTOR",
      "CSVIMPORT",
      "CUSTOMGLLINES",
      "CUSTOMMASSUPDATE",
      "DATASETBUILDER",
      "DEBUGGER",
      "EMAILCAPTURE",
      "FICONNECTIVITY",
      "FIPARSER",
      "MAPREDUCE",
      "OCRPLUGIN",
      "OFFLINECLIENT",
      "OTHER",
      "PAYMENTGATEWAY",
      "PAYMENTPOSTBACK",
      "PLATFORMEXTENSION",
      "PORTLET",
      "PROMOTIONS",
      "RECORDACTION",
      "RESTLET",
      "RESTWEBSERVICES",
      "SCHEDULED",
      "SDFINSTALLATION",
      "SHIPPINGPARTNERS",
      "SUITELET",
      "TAXCALCULATION",
      "USEREVENT",
      "USERINTERFACE",
      "WEBAPPLICATION",
      "WEBSERVICES",
      "WEBSTORE",
      "WORKBOOKBUILDER",
      "WORKFLOW",
    ],
    note: "Oracle's page adds OCRPLUGIN, which salto's copy lacks.",
    source: PAGES.executionContext,
  },
  generic_accesslevel_searchlevel: {
    confirmed: "oracle-other",
    values: ["0", "1", "2"],
    meanings: {
      "0": "NONE",
      "1": "VIEW (accesslevel) / RUN (searchlevel)",
      "2": "EDIT",
    },
    note: "The list page itself was not reachable; the guide page names the integers.",
    source: PAGES.fieldRoleAccessGuide,
  },
  generic_custom_record_icon: saltoList([
    "1",
    "10",
    "11",
    "12",
    "13",
    "14",
    "15",
    "16",
    "17",
    "18",
    "19",
    "2",
    "20",
    "21",
    "22",
    "23",
    "24",
    "25",
    "26",
    "27",
    "28",
    "29",
    "3",
    "30",
    "31",
    "32",
    "33",
    "34",
    "35",
    "36",
    "37",
    "38",
    "39",
    "4",
    "40",
    "41",
    "42",
    "43",
    "44",
    "45",
    "46",
    "47",
    "48",
    "49",
    "5",
    "50",
    "51",
    "52",
    "53",
    "54",
    "55",
    "56",
    "57",
    "58",
    "59",
    "6",
    "60",
    "61",
    "62",
    "63",
    "64",
    "65",
    "66",
    "67",
    "68",
    "69",
    "7",
    "70",
    "8",
    "9",
  ]),
  generic_customfield_displaytype: {
    confirmed: "salto",
    values: ["HIDDEN", "LOCKED", "NORMAL", "SHOWASLIST", "STATICTEXT"],
    note:
      "Oracle's generic_customfield_displaytype page was not reachable; the sibling " +
      "customsegment_displaytype page " +
      "(https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_71433475.html) " +
      "lists HIDDEN, LOCKED, NORMAL. INLINE is not a value: it belongs to the runtime " +
      "serverWidget.FieldDisplayType enum " +
      "(https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_4332670964.html)," +
      " not to SDF XML.",
    source: PAGES.lists,
  },
  generic_customfield_dynamicdefault: saltoList([
    "DEPARTMENT",
    "LOCATION",
    "ME",
    "NOW",
    "SUBSIDIARY",
    "SUPERVISOR",
  ]),
  generic_customfield_fieldtype: {
    confirmed: "oracle",
    values: [
      "CHECKBOX",
      "CLOBTEXT",
      "CURRENCY",
      "DATE",
      "DATETIMETZ",
      "DOCUMENT",
      "EMAIL",
      "FLOAT",
      "HELP",
      "IMAGE",
      "INLINEHTML",
      "INTEGER",
      "MULTISELECT",
      "PASSWORD",
      "PERCENT",
      "PHONE",
      "RICHTEXT",
      "SELECT",
      "TEXT",
      "TEXTAREA",
      "TIMEOFDAY",
      "URL",
    ],
    source: PAGES.fieldtype,
  },
  generic_customfield_fldfiltercomparetype: saltoList(
    ["EQ", "GT", "GTE", "LIKE", "LT", "LTE", "NE", "NOTLIKE"],
    { remark: "The default 'EQ' is on the customfieldfilter page." },
  ),
  generic_customfield_onparentdelete: saltoList(["NO_ACTION", "SET_NULL"], {
    remark:
      "Oracle's own examples use NO_ACTION (e.g. " +
      "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_1554821430.html).",
  }),
  generic_customfield_parentsubtab: {
    confirmed: "oracle",
    values: PARENT_SUBTABS,
    note: "Identical to salto's generic_tab_parent, which the field pages cite for parentsubtab.",
    source: PAGES.parentsubtab,
  },
  generic_day_of_week: saltoList([
    "FRIDAY",
    "MONDAY",
    "SATURDAY",
    "SUNDAY",
    "THURSDAY",
    "TUESDAY",
    "WEDNESDAY",
  ]),
  generic_entity_tab: saltoList(PARENT_SUBTABS.filter((tab) => tab.startsWith("ENTITY"))),
  generic_order_of_week: saltoList(["FIRST", "FOURTH", "LAST", "SECOND", "THIRD"], {
    remark:
      "The recurrence guide " +
      "(https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_1504707195.html) " +
      "describes first, second, third, fourth, last.",
  }),
  generic_permission_level: {
    confirmed: "oracle-other",
    values: ["CREATE", "EDIT", "FULL", "NONE", "VIEW"],
    note:
      "List page not reachable. NONE is the documented default of permittedlevel; VIEW, CREATE," +
      " EDIT, FULL are the permlevel values in Oracle's netsuite-sdf-roles-and-permissions " +
      "skill (oracle/netsuite-suitecloud-sdk).",
    source: PAGES.crtPermission,
  },
  generic_repeat_time: saltoList(["PT12H", "PT15M", "PT1H", "PT2H", "PT30M", "PT4H", "PT6H", "PT8H"]),
  generic_role: saltoList(variantOf(SALTO_PERMITTED_ROLES, { add: ["NETSUITE_SUPPORT_CENTER"] }), {
    accountData: true,
    remark:
      "salto's list equals its customrecordtype_permittedrole plus NETSUITE_SUPPORT_CENTER and " +
      "predates the three roles Oracle's permittedrole page now adds; treat as possibly stale.",
  }),
  generic_tab_parent: saltoList(PARENT_SUBTABS, {
    remark:
      "Same 59 values as Oracle's generic_customfield_parentsubtab page " +
      "(https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml_4093204269.html).",
  }),
  role_centertype: {
    confirmed: "oracle",
    values: [
      "ACCOUNTCENTER",
      "BASIC",
      "ENGINEERCENTER",
      "EXECUTIVE",
      "HR",
      "MARKETCENTER",
      "PARTNERCENTER",
      "PROJECTCENTER",
      "SALESCENTER",
      "SHIPPINGCENTER",
      "STOREMANAGER",
      "SUPPORTCENTER",
      "SYSADMINCENTER",
    ],
    source: PAGES.roleCentertype,
  },
  role_fullrestrictions: saltoList(["DEFAULTTOOWN", "NONE", "OWNONLY", "UNASSIGNED"]),
  role_restrict: saltoList(["EDIT", "VIEWANDEDIT"]),
  role_restrictions: saltoList(["DEFAULTTOOWN", "OWNONLY", "UNASSIGNED"]),
  role_restrictionsegment: saltoList(["CLASS", "DEPARTMENT", "LOCATION"]),
  roleaccountingbooksoption: saltoList(["ALL", "PRIMARY", "SELECTED"]),
  rolesubsidiaryoption: saltoList(["ALL", "ALLACTIVE", "OWN", "SELECTED"]),
  script_eventtype: saltoList(
    [
      "APPROVE",
      "CANCEL",
      "CHANGEPASSWORD",
      "COPY",
      "CREATE",
      "DELETE",
      "DROPSHIP",
      "EDIT",
      "EDITFORECAST",
      "EMAIL",
      "GET",
      "MARKCOMPLETE",
      "ORDERITEMS",
      "PACK",
      "PAYBILLS",
      "POST",
      "PRINT",
      "QUICKVIEW",
      "REASSIGN",
      "REJECT",
      "RETRACT",
      "SAVESUBMIT",
      "SHIP",
      "SPECIALORDER",
      "TRANSFORM",
      "VIEW",
      "XEDIT",
    ],
    {
      remark:
        "Oracle's context.UserEventType " +
        "(https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_4407992596.html) has " +
        "23 of these; GET, POST, RETRACT, SAVESUBMIT are salto-only.",
    },
  ),
  script_loglevel: saltoList(["AUDIT", "DEBUG", "EMERGENCY", "ERROR", "INTERNAL", "SYSTEM"], {
    remark:
      "Oracle's runtime Script.logLevel page " +
      "(https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_4296662791.html) " +
      "names only DEBUG, AUDIT, ERROR, EMERGENCY; INTERNAL and SYSTEM come from salto only.",
  }),
  script_setting: saltoList(["COMPANY", "PORTLET", "USER"]),
  script_status: saltoList(
    ["COMPLETED", "INPROGRESS", "INQUEUE", "NOTSCHEDULED", "RELEASED", "SCHEDULED", "TESTING"],
    {
      remark:
        "TESTING is the documented default; Oracle's examples also use RELEASED, SCHEDULED, " +
        "NOTSCHEDULED.",
    },
  ),
  suiteletdeployment_tasktype: {
    confirmed: "oracle",
    values: ["SCRIPT"],
    note: "Oracle's list page: Possible Values SCRIPT.",
    source: PAGES.suiteletdeploymentTasktype,
  },
  tfaduration: saltoList([
    "0",
    "4",
    "6",
    "8",
    "12",
    "24",
    "48",
    "72",
    "96",
    "120",
    "144",
    "168",
    "192",
    "216",
    "240",
    "264",
    "288",
    "312",
    "336",
    "360",
    "384",
    "408",
    "432",
    "456",
    "480",
    "504",
    "528",
    "552",
    "576",
    "600",
    "624",
    "648",
    "672",
    "696",
    "720",
    "744",
  ]),
  tfarequired: saltoList(["OFF", "SMS"]),
} as const satisfies Record<string, ValueList>;

export type ValueListName = keyof typeof VALUE_LISTS;
