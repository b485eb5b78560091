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

import { VALUE_LISTS } from "./enums.js";
import { FIELD_STRUCTURES } from "./fields.js";
import { LARGE_VALUE_LISTS } from "./lists-large.js";
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

/** Script objects by root element; all use the customscript prefix. */
export const SCRIPT_OBJECTS: Readonly<Record<ScriptRoot, ObjectSpec>> = {
  usereventscript: {
    root: "usereventscript",
    scriptIdPrefix: "customscript",
    scriptIdMaxLength: 40,
    features: ["SERVERSIDESCRIPTING"],
    fields: {
      name: {
        required: "required",
        type: "select",
        maxLength: 40,
        refTypes: ["string"],
        source: PAGES.usereventscript,
      },
      scriptfile: { required: "required", type: "filereference", source: PAGES.usereventscript },
      description: {
        required: "optional",
        type: "select",
        maxLength: 999,
        refTypes: ["string"],
        source: PAGES.usereventscript,
      },
      isinactive: { required: "optional", type: "boolean", default: "F", source: PAGES.usereventscript },
      notifyadmins: { required: "optional", type: "boolean", default: "F", source: PAGES.usereventscript },
      notifyemails: { required: "optional", type: "string", maxLength: 999, source: PAGES.usereventscript },
      notifygroup: {
        required: "optional",
        type: "string",
        note: "Account-specific values are not supported by SDF.",
        source: PAGES.usereventscript,
      },
      notifyowner: { required: "optional", type: "boolean", default: "T", source: PAGES.usereventscript },
      notifyuser: { required: "optional", type: "boolean", default: "F", source: PAGES.usereventscript },
      aftersubmitfunction: { required: "optional", type: "string", source: PAGES.usereventscript },
      beforeloadfunction: { required: "optional", type: "string", source: PAGES.usereventscript },
      beforesubmitfunction: { required: "optional", type: "string", source: PAGES.usereventscript },
      customplugintypes: {
        required: "optional",
        type: "structure",
        structure: "usereventscript.customplugintypes",
        source: PAGES.usereventscript,
      },
      libraries: {
        required: "optional",
        type: "structure",
        structure: "usereventscript.libraries",
        source: PAGES.usereventscript,
      },
      scriptcustomfields: {
        required: "optional",
        type: "structure",
        structure: "scriptcustomfields",
        source: PAGES.usereventscript,
      },
      scriptdeployments: {
        required: "optional",
        type: "structure",
        structure: "usereventscript.scriptdeployments",
        source: PAGES.usereventscript,
      },
    },
    source: PAGES.usereventscript,
  },
  clientscript: {
    root: "clientscript",
    scriptIdPrefix: "customscript",
    scriptIdMaxLength: 40,
    features: ["SERVERSIDESCRIPTING"],
    fields: {
      name: {
        required: "required",
        type: "select",
        maxLength: 40,
        refTypes: ["string"],
        source: PAGES.clientscript,
      },
      scriptfile: { required: "required", type: "filereference", source: PAGES.clientscript },
      description: {
        required: "optional",
        type: "select",
        maxLength: 999,
        refTypes: ["string"],
        source: PAGES.clientscript,
      },
      isinactive: { required: "optional", type: "boolean", default: "F", source: PAGES.clientscript },
      notifyadmins: { required: "optional", type: "boolean", default: "F", source: PAGES.clientscript },
      notifyemails: { required: "optional", type: "string", maxLength: 999, source: PAGES.clientscript },
      notifygroup: {
        required: "optional",
        type: "string",
        note: "Account-specific values are not supported by SDF.",
        source: PAGES.clientscript,
      },
      notifyowner: { required: "optional", type: "boolean", default: "T", source: PAGES.clientscript },
      notifyuser: { required: "optional", type: "boolean", default: "F", source: PAGES.clientscript },
      fieldchangedfunction: { required: "optional", type: "string", source: PAGES.clientscript },
      lineinitfunction: { required: "optional", type: "string", source: PAGES.clientscript },
      pageinitfunction: { required: "optional", type: "string", source: PAGES.clientscript },
      postsourcingfunction: { required: "optional", type: "string", source: PAGES.clientscript },
      recalcfunction: { required: "optional", type: "string", source: PAGES.clientscript },
      saverecordfunction: { required: "optional", type: "string", source: PAGES.clientscript },
      validatedeletefunction: { required: "optional", type: "string", source: PAGES.clientscript },
      validatefieldfunction: { required: "optional", type: "string", source: PAGES.clientscript },
      validateinsertfunction: { required: "optional", type: "string", source: PAGES.clientscript },
      validatelinefunction: { required: "optional", type: "string", source: PAGES.clientscript },
      buttons: {
        required: "optional",
        type: "structure",
        structure: "clientscript.buttons",
        source: PAGES.clientscript,
      },
      libraries: {
        required: "optional",
        type: "structure",
        structure: "clientscript.libraries",
        source: PAGES.clientscript,
      },
      scriptcustomfields: {
        required: "optional",
        type: "structure",
        structure: "scriptcustomfields",
        source: PAGES.clientscript,
      },
      scriptdeployments: {
        required: "optional",
        type: "structure",
        structure: "clientscript.scriptdeployments",
        source: PAGES.clientscript,
      },
    },
    source: PAGES.clientscript,
  },
  suitelet: {
    root: "suitelet",
    scriptIdPrefix: "customscript",
    scriptIdMaxLength: 40,
    features: ["SERVERSIDESCRIPTING"],
    note:
      "Oracle's suitelet reference page itself was not found in the stored docs; the object is " +
      "cited from its guide page and the field list comes from salto.",
    fields: {
      name: {
        required: "required",
        type: "select",
        maxLength: 40,
        refTypes: ["string"],
        source: PAGES.suiteletGuide,
      },
      scriptfile: { required: "required", type: "filereference", source: PAGES.suiteletGuide },
      defaultfunction: { required: "optional", type: "string", source: PAGES.suiteletGuide },
      description: {
        required: "optional",
        type: "select",
        maxLength: 999,
        refTypes: ["string"],
        source: PAGES.suiteletGuide,
      },
      isinactive: { required: "optional", type: "boolean", default: "F", source: PAGES.suiteletGuide },
      notifyadmins: { required: "optional", type: "boolean", default: "F", source: PAGES.suiteletGuide },
      notifyemails: { required: "optional", type: "string", maxLength: 999, source: PAGES.suiteletGuide },
      notifygroup: {
        required: "optional",
        type: "string",
        note: "Account-specific values are not supported by SDF.",
        source: PAGES.suiteletGuide,
      },
      notifyowner: { required: "optional", type: "boolean", default: "T", source: PAGES.suiteletGuide },
      notifyuser: { required: "optional", type: "boolean", default: "F", source: PAGES.suiteletGuide },
      customplugintypes: {
        required: "optional",
        type: "structure",
        structure: "suitelet.customplugintypes",
        source: PAGES.suiteletGuide,
      },
      libraries: {
        required: "optional",
        type: "structure",
        structure: "suitelet.libraries",
        source: PAGES.suiteletGuide,
      },
      scriptcustomfields: {
        required: "optional",
        type: "structure",
        structure: "scriptcustomfields",
        source: PAGES.suiteletGuide,
      },
      scriptdeployments: {
        required: "optional",
        type: "structure",
        structure: "suitelet.scriptdeployments",
        source: PAGES.suiteletGuide,
      },
    },
    source: PAGES.suiteletGuide,
  },
  mapreducescript: {
    root: "mapreducescript",
    scriptIdPrefix: "customscript",
    scriptIdMaxLength: 40,
    features: ["SERVERSIDESCRIPTING"],
    fields: {
      name: {
        required: "required",
        type: "select",
        maxLength: 40,
        refTypes: ["string"],
        source: PAGES.mapreducescript,
      },
      scriptfile: { required: "required", type: "filereference", source: PAGES.mapreducescript },
      description: {
        required: "optional",
        type: "select",
        maxLength: 999,
        refTypes: ["string"],
        source: PAGES.mapreducescript,
      },
      isinactive: { required: "optional", type: "boolean", default: "F", source: PAGES.mapreducescript },
      notifyadmins: { required: "optional", type: "boolean", default: "F", source: PAGES.mapreducescript },
      notifyemails: { required: "optional", type: "string", maxLength: 999, source: PAGES.mapreducescript },
      notifygroup: {
        required: "optional",
        type: "string",
        note: "Account-specific values are not supported by SDF.",
        source: PAGES.mapreducescript,
      },
      notifyowner: { required: "optional", type: "boolean", default: "T", source: PAGES.mapreducescript },
      customplugintypes: {
        required: "optional",
        type: "structure",
        structure: "mapreducescript.customplugintypes",
        source: PAGES.mapreducescript,
      },
      scriptcustomfields: {
        required: "optional",
        type: "structure",
        structure: "scriptcustomfields",
        source: PAGES.mapreducescript,
      },
      scriptdeployments: {
        required: "optional",
        type: "structure",
        structure: "mapreducescript.scriptdeployments",
        source: PAGES.mapreducescript,
      },
    },
    source: PAGES.mapreducescript,
  },
  scheduledscript: {
    root: "scheduledscript",
    scriptIdPrefix: "customscript",
    scriptIdMaxLength: 40,
    features: ["SERVERSIDESCRIPTING"],
    note:
      "Oracle's scheduledscript reference page itself was not found in the stored docs; the " +
      "object is cited from its guide page and the field list comes from salto.",
    fields: {
      name: {
        required: "required",
        type: "select",
        maxLength: 40,
        refTypes: ["string"],
        source: PAGES.scheduledscriptGuide,
      },
      scriptfile: { required: "required", type: "filereference", source: PAGES.scheduledscriptGuide },
      defaultfunction: { required: "optional", type: "string", source: PAGES.scheduledscriptGuide },
      description: {
        required: "optional",
        type: "select",
        maxLength: 999,
        refTypes: ["string"],
        source: PAGES.scheduledscriptGuide,
      },
      isinactive: { required: "optional", type: "boolean", default: "F", source: PAGES.scheduledscriptGuide },
      notifyadmins: {
        required: "optional",
        type: "boolean",
        default: "F",
        source: PAGES.scheduledscriptGuide,
      },
      notifyemails: {
        required: "optional",
        type: "string",
        maxLength: 999,
        source: PAGES.scheduledscriptGuide,
      },
      notifygroup: {
        required: "optional",
        type: "string",
        note: "Account-specific values are not supported by SDF.",
        source: PAGES.scheduledscriptGuide,
      },
      notifyowner: {
        required: "optional",
        type: "boolean",
        default: "T",
        source: PAGES.scheduledscriptGuide,
      },
      customplugintypes: {
        required: "optional",
        type: "structure",
        structure: "scheduledscript.customplugintypes",
        source: PAGES.scheduledscriptGuide,
      },
      libraries: {
        required: "optional",
        type: "structure",
        structure: "scheduledscript.libraries",
        source: PAGES.scheduledscriptGuide,
      },
      scriptcustomfields: {
        required: "optional",
        type: "structure",
        structure: "scriptcustomfields",
        source: PAGES.scheduledscriptGuide,
      },
      scriptdeployments: {
        required: "optional",
        type: "structure",
        structure: "scheduledscript.scriptdeployments",
        source: PAGES.scheduledscriptGuide,
      },
    },
    source: PAGES.scheduledscriptGuide,
  },
  restlet: {
    root: "restlet",
    scriptIdPrefix: "customscript",
    scriptIdMaxLength: 40,
    features: ["SERVERSIDESCRIPTING"],
    fields: {
      name: {
        required: "required",
        type: "select",
        maxLength: 40,
        refTypes: ["string"],
        source: PAGES.restlet,
      },
      scriptfile: { required: "required", type: "filereference", source: PAGES.restlet },
      description: {
        required: "optional",
        type: "select",
        maxLength: 999,
        refTypes: ["string"],
        source: PAGES.restlet,
      },
      isinactive: { required: "optional", type: "boolean", default: "F", source: PAGES.restlet },
      notifyadmins: { required: "optional", type: "boolean", default: "F", source: PAGES.restlet },
      notifyemails: { required: "optional", type: "string", maxLength: 999, source: PAGES.restlet },
      notifygroup: {
        required: "optional",
        type: "string",
        note: "Account-specific values are not supported by SDF.",
        source: PAGES.restlet,
      },
      notifyowner: { required: "optional", type: "boolean", default: "T", source: PAGES.restlet },
      notifyuser: { required: "optional", type: "boolean", default: "F", source: PAGES.restlet },
      deletefunction: { required: "optional", type: "string", source: PAGES.restlet },
      getfunction: { required: "optional", type: "string", source: PAGES.restlet },
      postfunction: { required: "optional", type: "string", source: PAGES.restlet },
      putfunction: { required: "optional", type: "string", source: PAGES.restlet },
      customplugintypes: {
        required: "optional",
        type: "structure",
        structure: "restlet.customplugintypes",
        source: PAGES.restlet,
      },
      libraries: {
        required: "optional",
        type: "structure",
        structure: "restlet.libraries",
        source: PAGES.restlet,
      },
      scriptcustomfields: {
        required: "optional",
        type: "structure",
        structure: "scriptcustomfields",
        source: PAGES.restlet,
      },
      scriptdeployments: {
        required: "optional",
        type: "structure",
        structure: "restlet.scriptdeployments",
        source: PAGES.restlet,
      },
    },
    source: PAGES.restlet,
  },
  sdfinstallationscript: {
    root: "sdfinstallationscript",
    scriptIdPrefix: "customscript",
    scriptIdMaxLength: 40,
    features: ["SERVERSIDESCRIPTING"],
    note: "Page URL taken from this package's schema.ts; not re-read here. Field list from salto.",
    fields: {
      name: {
        required: "required",
        type: "select",
        maxLength: 40,
        refTypes: ["string"],
        source: PAGES.sdfinstallationscript,
      },
      scriptfile: { required: "required", type: "filereference", source: PAGES.sdfinstallationscript },
      description: {
        required: "optional",
        type: "select",
        maxLength: 999,
        refTypes: ["string"],
        source: PAGES.sdfinstallationscript,
      },
      isinactive: {
        required: "optional",
        type: "boolean",
        default: "F",
        source: PAGES.sdfinstallationscript,
      },
      notifyadmins: {
        required: "optional",
        type: "boolean",
        default: "F",
        source: PAGES.sdfinstallationscript,
      },
      notifyemails: {
        required: "optional",
        type: "string",
        maxLength: 999,
        source: PAGES.sdfinstallationscript,
      },
      notifygroup: {
        required: "optional",
        type: "string",
        note: "Account-specific values are not supported by SDF.",
        source: PAGES.sdfinstallationscript,
      },
      notifyowner: {
        required: "optional",
        type: "boolean",
        default: "T",
        source: PAGES.sdfinstallationscript,
      },
      notifyuser: {
        required: "optional",
        type: "boolean",
        default: "F",
        source: PAGES.sdfinstallationscript,
      },
      customplugintypes: {
        required: "optional",
        type: "structure",
        structure: "sdfinstallationscript.customplugintypes",
        source: PAGES.sdfinstallationscript,
      },
      scriptcustomfields: {
        required: "optional",
        type: "structure",
        structure: "scriptcustomfields",
        source: PAGES.sdfinstallationscript,
      },
      scriptdeployments: {
        required: "optional",
        type: "structure",
        structure: "sdfinstallationscript.scriptdeployments",
        source: PAGES.sdfinstallationscript,
      },
    },
    source: PAGES.sdfinstallationscript,
  },
};

/** Structured elements of the script objects, keyed `<root>.<element>`, plus the shared field structures. */
export const SCRIPT_STRUCTURES: Readonly<Record<string, StructureSpec>> = {
  ...FIELD_STRUCTURES,
  "usereventscript.plugintype": {
    element: "plugintype",
    fields: {
      plugintype: {
        required: "required",
        type: "select",
        refTypes: ["plugintype"],
        source: PAGES.usereventscriptPlugintype,
      },
    },
    source: PAGES.usereventscriptPlugintype,
  },
  "usereventscript.customplugintypes": {
    element: "customplugintypes",
    fields: {
      plugintype: {
        required: "optional",
        type: "structure",
        structure: "usereventscript.plugintype",
        repeats: true,
        source: PAGES.usereventscriptCustomplugintypes,
      },
    },
    source: PAGES.usereventscriptCustomplugintypes,
  },
  "usereventscript.library": {
    element: "library",
    fields: {
      scriptfile: { required: "required", type: "filereference", source: PAGES.usereventscriptLibrary },
    },
    source: PAGES.usereventscriptLibrary,
  },
  "usereventscript.libraries": {
    element: "libraries",
    fields: {
      library: {
        required: "optional",
        type: "structure",
        structure: "usereventscript.library",
        repeats: true,
        source: PAGES.usereventscriptLibrary,
      },
    },
    source: PAGES.usereventscriptLibrary,
  },
  "usereventscript.scriptdeployment": {
    element: "scriptdeployment",
    scriptIdPrefix: "customdeploy",
    scriptIdMaxLength: 40,
    acceptsParentCustomFields: true,
    note: "Deployment page URL taken from this package's schema.ts and not re-read; fields from salto.",
    fields: {
      status: {
        required: "required",
        type: "select",
        default: "TESTING",
        lists: ["script_status"],
        values: VALUE_LISTS.script_status.values,
        source: PAGES.usereventscriptDeployment,
      },
      recordtype: {
        required: "required",
        type: "select",
        lists: ["generic_standard_recordtype", "allrecord_script_deployment_recordtype"],
        values: [
          ...LARGE_VALUE_LISTS.generic_standard_recordtype.values,
          ...VALUE_LISTS.allrecord_script_deployment_recordtype.values,
        ],
        refTypes: ["customtransactiontype", "customrecordtype"],
        source: PAGES.usereventscriptDeployment,
      },
      allemployees: {
        required: "optional",
        type: "boolean",
        default: "F",
        source: PAGES.usereventscriptDeployment,
      },
      allpartners: {
        required: "optional",
        type: "boolean",
        default: "F",
        feature: "CRM",
        source: PAGES.usereventscriptDeployment,
      },
      allroles: {
        required: "optional",
        type: "boolean",
        default: "F",
        note: "If set to T, selects all internal roles; external roles go in audslctrole.",
        source: PAGES.usereventscriptDeployment,
      },
      auddepartment: {
        required: "optional",
        type: "multiselect",
        feature: "DEPARTMENTS",
        note: "Account-specific values are not supported by SDF.",
        source: PAGES.usereventscriptDeployment,
      },
      audemployee: {
        required: "optional",
        type: "multiselect",
        note: "Account-specific values are not supported by SDF.",
        source: PAGES.usereventscriptDeployment,
      },
      audgroup: {
        required: "optional",
        type: "multiselect",
        note: "Account-specific values are not supported by SDF.",
        source: PAGES.usereventscriptDeployment,
      },
      audpartner: {
        required: "optional",
        type: "multiselect",
        feature: "CRM",
        note: "Account-specific values are not supported by SDF.",
        source: PAGES.usereventscriptDeployment,
      },
      audslctrole: {
        required: "optional",
        type: "multiselect",
        lists: ["generic_role"],
        values: VALUE_LISTS.generic_role.values,
        refTypes: ["role"],
        source: PAGES.usereventscriptDeployment,
      },
      audsubsidiary: {
        required: "optional",
        type: "multiselect",
        feature: "SUBSIDIARIES",
        note: "Account-specific values are not supported by SDF.",
        source: PAGES.usereventscriptDeployment,
      },
      eventtype: {
        required: "optional",
        type: "select",
        lists: ["script_eventtype"],
        values: VALUE_LISTS.script_eventtype.values,
        source: PAGES.usereventscriptDeployment,
      },
      isdeployed: {
        required: "optional",
        type: "boolean",
        default: "T",
        source: PAGES.usereventscriptDeployment,
      },
      loglevel: {
        required: "optional",
        type: "select",
        default: "DEBUG",
        lists: ["script_loglevel"],
        values: VALUE_LISTS.script_loglevel.values,
        source: PAGES.usereventscriptDeployment,
      },
      runasrole: {
        required: "optional",
        type: "select",
        lists: ["generic_role"],
        values: VALUE_LISTS.generic_role.values,
        refTypes: ["role"],
        source: PAGES.usereventscriptDeployment,
      },
      alllocalizationcontexts: {
        required: "optional",
        type: "boolean",
        default: "T",
        source: PAGES.usereventscriptDeployment,
      },
      executioncontext: {
        required: "optional",
        type: "multiselect",
        lists: ["execution_context"],
        values: VALUE_LISTS.execution_context.values,
        source: PAGES.usereventscriptDeployment,
      },
      localizationcontext: {
        required: "optional",
        type: "multiselect",
        lists: ["countries"],
        values: LARGE_VALUE_LISTS.countries.values,
        note: "Available when the alllocalizationcontexts value is equal to F.",
        source: PAGES.usereventscriptDeployment,
      },
    },
    source: PAGES.usereventscriptDeployment,
  },
  "usereventscript.scriptdeployments": {
    element: "scriptdeployments",
    fields: {
      scriptdeployment: {
        required: "optional",
        type: "structure",
        structure: "usereventscript.scriptdeployment",
        repeats: true,
        source: PAGES.usereventscriptDeployment,
      },
    },
    source: PAGES.usereventscriptDeployment,
  },
  "clientscript.button": {
    element: "button",
    fields: {
      buttonlabel: { required: "required", type: "select", refTypes: ["string"], source: PAGES.clientscript },
      buttonfunction: { required: "optional", type: "string", source: PAGES.clientscript },
    },
    source: PAGES.clientscript,
  },
  "clientscript.buttons": {
    element: "buttons",
    fields: {
      button: {
        required: "optional",
        type: "structure",
        structure: "clientscript.button",
        repeats: true,
        source: PAGES.clientscript,
      },
    },
    source: PAGES.clientscript,
  },
  "clientscript.library": {
    element: "library",
    fields: {
      scriptfile: { required: "required", type: "filereference", source: PAGES.clientscriptLibrary },
    },
    source: PAGES.clientscriptLibrary,
  },
  "clientscript.libraries": {
    element: "libraries",
    fields: {
      library: {
        required: "optional",
        type: "structure",
        structure: "clientscript.library",
        repeats: true,
        source: PAGES.clientscriptLibrary,
      },
    },
    source: PAGES.clientscriptLibrary,
  },
  "clientscript.scriptdeployment": {
    element: "scriptdeployment",
    scriptIdPrefix: "customdeploy",
    scriptIdMaxLength: 40,
    acceptsParentCustomFields: true,
    fields: {
      status: {
        required: "required",
        type: "select",
        default: "TESTING",
        lists: ["script_status"],
        values: VALUE_LISTS.script_status.values,
        source: PAGES.clientscriptDeployment,
      },
      recordtype: {
        required: "required",
        type: "select",
        lists: ["scriptdeployment_recordtype", "allrecord_script_deployment_recordtype"],
        values: [
          ...LARGE_VALUE_LISTS.scriptdeployment_recordtype.values,
          ...VALUE_LISTS.allrecord_script_deployment_recordtype.values,
        ],
        refTypes: ["customtransactiontype", "customrecordtype"],
        source: PAGES.clientscriptDeployment,
      },
      allemployees: {
        required: "optional",
        type: "boolean",
        default: "F",
        source: PAGES.clientscriptDeployment,
      },
      allpartners: {
        required: "optional",
        type: "boolean",
        default: "F",
        feature: "CRM",
        source: PAGES.clientscriptDeployment,
      },
      allroles: {
        required: "optional",
        type: "boolean",
        default: "F",
        note: "If set to T, selects all internal roles; external roles go in audslctrole.",
        source: PAGES.clientscriptDeployment,
      },
      auddepartment: {
        required: "optional",
        type: "multiselect",
        feature: "DEPARTMENTS",
        note: "Account-specific values are not supported by SDF.",
        source: PAGES.clientscriptDeployment,
      },
      audemployee: {
        required: "optional",
        type: "multiselect",
        note: "Account-specific values are not supported by SDF.",
        source: PAGES.clientscriptDeployment,
      },
      audgroup: {
        required: "optional",
        type: "multiselect",
        note: "Account-specific values are not supported by SDF.",
        source: PAGES.clientscriptDeployment,
      },
      audpartner: {
        required: "optional",
        type: "multiselect",
        feature: "CRM",
        note: "Account-specific values are not supported by SDF.",
        source: PAGES.clientscriptDeployment,
      },
      audslctrole: {
        required: "optional",
        type: "multiselect",
        lists: ["generic_role"],
        values: VALUE_LISTS.generic_role.values,
        refTypes: ["role"],
        source: PAGES.clientscriptDeployment,
      },
      audsubsidiary: {
        required: "optional",
        type: "multiselect",
        feature: "SUBSIDIARIES",
        note: "Account-specific values are not supported by SDF.",
        source: PAGES.clientscriptDeployment,
      },
      eventtype: {
        required: "optional",
        type: "select",
        lists: ["script_eventtype"],
        values: VALUE_LISTS.script_eventtype.values,
        source: PAGES.clientscriptDeployment,
      },
      isdeployed: {
        required: "optional",
        type: "boolean",
        default: "T",
        source: PAGES.clientscriptDeployment,
      },
      loglevel: {
        required: "optional",
        type: "select",
        default: "DEBUG",
        lists: ["script_loglevel"],
        values: VALUE_LISTS.script_loglevel.values,
        source: PAGES.clientscriptDeployment,
      },
      alllocalizationcontexts: {
        required: "optional",
        type: "boolean",
        default: "T",
        source: PAGES.clientscriptDeployment,
      },
      executioncontext: {
        required: "optional",
        type: "multiselect",
        lists: ["execution_context"],
        values: VALUE_LISTS.execution_context.values,
        source: PAGES.clientscriptDeployment,
      },
      localizationcontext: {
        required: "optional",
        type: "multiselect",
        lists: ["countries"],
        values: LARGE_VALUE_LISTS.countries.values,
        note: "Available when the alllocalizationcontexts value is equal to F.",
        source: PAGES.clientscriptDeployment,
      },
    },
    source: PAGES.clientscriptDeployment,
  },
  "clientscript.scriptdeployments": {
    element: "scriptdeployments",
    fields: {
      scriptdeployment: {
        required: "optional",
        type: "structure",
        structure: "clientscript.scriptdeployment",
        repeats: true,
        source: PAGES.clientscriptDeployment,
      },
    },
    source: PAGES.clientscriptDeployment,
  },
  "suitelet.plugintype": {
    element: "plugintype",
    fields: {
      plugintype: {
        required: "required",
        type: "select",
        refTypes: ["plugintype"],
        source: PAGES.suiteletPlugintype,
      },
    },
    source: PAGES.suiteletPlugintype,
  },
  "suitelet.customplugintypes": {
    element: "customplugintypes",
    fields: {
      plugintype: {
        required: "optional",
        type: "structure",
        structure: "suitelet.plugintype",
        repeats: true,
        source: PAGES.suiteletCustomplugintypes,
      },
    },
    source: PAGES.suiteletCustomplugintypes,
  },
  "suitelet.library": {
    element: "library",
    fields: {
      scriptfile: { required: "required", type: "filereference", source: PAGES.suiteletLibrary },
    },
    source: PAGES.suiteletLibrary,
  },
  "suitelet.libraries": {
    element: "libraries",
    fields: {
      library: {
        required: "optional",
        type: "structure",
        structure: "suitelet.library",
        repeats: true,
        source: PAGES.suiteletLibrary,
      },
    },
    source: PAGES.suiteletLibrary,
  },
  "suitelet.link": {
    element: "link",
    fields: {
      linkcategory: {
        required: "required",
        type: "select",
        lists: ["generic_centercategory"],
        values: LARGE_VALUE_LISTS.generic_centercategory.values,
        source: PAGES.suiteletLink,
      },
      linktasktype: {
        required: "optional",
        type: "select",
        lists: ["suiteletdeployment_tasktype"],
        values: VALUE_LISTS.suiteletdeployment_tasktype.values,
        source: PAGES.suiteletLink,
      },
      linklabel: { required: "optional", type: "select", refTypes: ["string"], source: PAGES.suiteletLink },
    },
    source: PAGES.suiteletLink,
  },
  "suitelet.links": {
    element: "links",
    fields: {
      link: {
        required: "optional",
        type: "structure",
        structure: "suitelet.link",
        repeats: true,
        source: PAGES.suiteletDeployment,
      },
    },
    source: PAGES.suiteletDeployment,
  },
  "suitelet.scriptdeployment": {
    element: "scriptdeployment",
    scriptIdPrefix: "customdeploy",
    scriptIdMaxLength: 40,
    acceptsParentCustomFields: true,
    fields: {
      status: {
        required: "required",
        type: "select",
        default: "TESTING",
        lists: ["script_status"],
        values: VALUE_LISTS.script_status.values,
        source: PAGES.suiteletDeployment,
      },
      title: { required: "required", type: "string", source: PAGES.suiteletDeployment },
      allemployees: { required: "optional", type: "boolean", default: "F", source: PAGES.suiteletDeployment },
      allpartners: {
        required: "optional",
        type: "boolean",
        default: "F",
        feature: "CRM",
        source: PAGES.suiteletDeployment,
      },
      allroles: {
        required: "optional",
        type: "boolean",
        default: "F",
        note: "If set to T, selects all internal roles; external roles go in audslctrole.",
        source: PAGES.suiteletDeployment,
      },
      auddepartment: {
        required: "optional",
        type: "multiselect",
        feature: "DEPARTMENTS",
        note: "Account-specific values are not supported by SDF.",
        source: PAGES.suiteletDeployment,
      },
      audemployee: {
        required: "optional",
        type: "multiselect",
        note: "Account-specific values are not supported by SDF.",
        source: PAGES.suiteletDeployment,
      },
      audgroup: {
        required: "optional",
        type: "multiselect",
        note: "Account-specific values are not supported by SDF.",
        source: PAGES.suiteletDeployment,
      },
      audpartner: {
        required: "optional",
        type: "multiselect",
        feature: "CRM",
        note: "Account-specific values are not supported by SDF.",
        source: PAGES.suiteletDeployment,
      },
      audslctrole: {
        required: "optional",
        type: "multiselect",
        lists: ["generic_role"],
        values: VALUE_LISTS.generic_role.values,
        refTypes: ["role"],
        source: PAGES.suiteletDeployment,
      },
      audsubsidiary: {
        required: "optional",
        type: "multiselect",
        feature: "SUBSIDIARIES",
        note: "Account-specific values are not supported by SDF.",
        source: PAGES.suiteletDeployment,
      },
      eventtype: {
        required: "optional",
        type: "select",
        lists: ["script_eventtype"],
        values: VALUE_LISTS.script_eventtype.values,
        source: PAGES.suiteletDeployment,
      },
      isdeployed: { required: "optional", type: "boolean", default: "T", source: PAGES.suiteletDeployment },
      isonline: { required: "optional", type: "boolean", default: "F", source: PAGES.suiteletDeployment },
      loglevel: {
        required: "optional",
        type: "select",
        default: "DEBUG",
        lists: ["script_loglevel"],
        values: VALUE_LISTS.script_loglevel.values,
        source: PAGES.suiteletDeployment,
      },
      runasrole: {
        required: "optional",
        type: "select",
        lists: ["generic_role"],
        values: VALUE_LISTS.generic_role.values,
        refTypes: ["role"],
        source: PAGES.suiteletDeployment,
      },
      links: {
        required: "optional",
        type: "structure",
        structure: "suitelet.links",
        source: PAGES.suiteletDeployment,
      },
    },
    source: PAGES.suiteletDeployment,
  },
  "suitelet.scriptdeployments": {
    element: "scriptdeployments",
    fields: {
      scriptdeployment: {
        required: "optional",
        type: "structure",
        structure: "suitelet.scriptdeployment",
        repeats: true,
        source: PAGES.suiteletDeployment,
      },
    },
    source: PAGES.suiteletDeployment,
  },
  "mapreducescript.plugintype": {
    element: "plugintype",
    fields: {
      plugintype: {
        required: "required",
        type: "select",
        refTypes: ["plugintype"],
        source: PAGES.mapreducescriptPlugintype,
      },
    },
    source: PAGES.mapreducescriptPlugintype,
  },
  "mapreducescript.customplugintypes": {
    element: "customplugintypes",
    fields: {
      plugintype: {
        required: "optional",
        type: "structure",
        structure: "mapreducescript.plugintype",
        repeats: true,
        source: PAGES.mapreducescript,
      },
    },
    source: PAGES.mapreducescript,
  },
  "mapreducescript.daily": {
    element: "daily",
    fields: {
      startdate: { required: "required", type: "date", source: PAGES.mapreducescriptDaily },
      starttime: { required: "required", type: "time", source: PAGES.mapreducescriptDaily },
      everyxdays: {
        required: "required",
        type: "integer",
        min: 1,
        max: 1000,
        source: PAGES.mapreducescriptDaily,
      },
      enddate: { required: "optional", type: "date", source: PAGES.mapreducescriptDaily },
      repeat: {
        required: "optional",
        type: "select",
        lists: ["generic_repeat_time"],
        values: VALUE_LISTS.generic_repeat_time.values,
        source: PAGES.mapreducescriptDaily,
      },
    },
    source: PAGES.mapreducescriptDaily,
  },
  "mapreducescript.everyweekday": {
    element: "everyweekday",
    note:
      "This group's own page was not found in the stored docs; cited from the deployment page, " +
      "fields from salto (types as on the sibling groups' pages).",
    fields: {
      startdate: { required: "required", type: "date", source: PAGES.mapreducescriptDeployment },
      starttime: { required: "required", type: "time", source: PAGES.mapreducescriptDeployment },
      enddate: { required: "optional", type: "date", source: PAGES.mapreducescriptDeployment },
      repeat: {
        required: "optional",
        type: "select",
        lists: ["generic_repeat_time"],
        values: VALUE_LISTS.generic_repeat_time.values,
        source: PAGES.mapreducescriptDeployment,
      },
    },
    source: PAGES.mapreducescriptDeployment,
  },
  "mapreducescript.monthly": {
    element: "monthly",
    note:
      "This group's own page was not found in the stored docs; cited from the deployment page, " +
      "fields from salto (types as on the sibling groups' pages).",
    fields: {
      startdate: { required: "required", type: "date", source: PAGES.mapreducescriptDeployment },
      starttime: { required: "required", type: "time", source: PAGES.mapreducescriptDeployment },
      everyxmonths: {
        required: "required",
        type: "integer",
        min: 1,
        max: 1000,
        source: PAGES.mapreducescriptDeployment,
      },
      enddate: { required: "optional", type: "date", source: PAGES.mapreducescriptDeployment },
      repeat: {
        required: "optional",
        type: "select",
        lists: ["generic_repeat_time"],
        values: VALUE_LISTS.generic_repeat_time.values,
        source: PAGES.mapreducescriptDeployment,
      },
    },
    source: PAGES.mapreducescriptDeployment,
  },
  "mapreducescript.monthlydayofweek": {
    element: "monthlydayofweek",
    fields: {
      startdate: { required: "required", type: "date", source: PAGES.mapreducescriptMonthlydayofweek },
      starttime: { required: "required", type: "time", source: PAGES.mapreducescriptMonthlydayofweek },
      orderofweek: {
        required: "required",
        type: "select",
        lists: ["generic_order_of_week"],
        values: VALUE_LISTS.generic_order_of_week.values,
        source: PAGES.mapreducescriptMonthlydayofweek,
      },
      dayofweek: {
        required: "required",
        type: "select",
        lists: ["generic_day_of_week"],
        values: VALUE_LISTS.generic_day_of_week.values,
        source: PAGES.mapreducescriptMonthlydayofweek,
      },
      everyxmonths: {
        required: "required",
        type: "integer",
        min: 1,
        max: 1000,
        source: PAGES.mapreducescriptMonthlydayofweek,
      },
      enddate: { required: "optional", type: "date", source: PAGES.mapreducescriptMonthlydayofweek },
      repeat: {
        required: "optional",
        type: "select",
        lists: ["generic_repeat_time"],
        values: VALUE_LISTS.generic_repeat_time.values,
        source: PAGES.mapreducescriptMonthlydayofweek,
      },
    },
    source: PAGES.mapreducescriptMonthlydayofweek,
  },
  "mapreducescript.single": {
    element: "single",
    fields: {
      startdate: { required: "required", type: "date", source: PAGES.mapreducescriptSingle },
      starttime: { required: "required", type: "time", source: PAGES.mapreducescriptSingle },
      repeat: {
        required: "optional",
        type: "select",
        lists: ["generic_repeat_time"],
        values: VALUE_LISTS.generic_repeat_time.values,
        source: PAGES.mapreducescriptSingle,
      },
    },
    source: PAGES.mapreducescriptSingle,
  },
  "mapreducescript.weekly": {
    element: "weekly",
    fields: {
      startdate: { required: "required", type: "date", source: PAGES.mapreducescriptWeekly },
      starttime: { required: "required", type: "time", source: PAGES.mapreducescriptWeekly },
      everyxweeks: {
        required: "required",
        type: "integer",
        min: 1,
        max: 1000,
        source: PAGES.mapreducescriptWeekly,
      },
      sunday: { required: "required", type: "boolean", default: "F", source: PAGES.mapreducescriptWeekly },
      monday: { required: "required", type: "boolean", default: "F", source: PAGES.mapreducescriptWeekly },
      tuesday: { required: "required", type: "boolean", default: "F", source: PAGES.mapreducescriptWeekly },
      wednesday: { required: "required", type: "boolean", default: "F", source: PAGES.mapreducescriptWeekly },
      thursday: { required: "required", type: "boolean", default: "F", source: PAGES.mapreducescriptWeekly },
      friday: { required: "required", type: "boolean", default: "F", source: PAGES.mapreducescriptWeekly },
      saturday: { required: "required", type: "boolean", default: "F", source: PAGES.mapreducescriptWeekly },
      enddate: { required: "optional", type: "date", source: PAGES.mapreducescriptWeekly },
      repeat: {
        required: "optional",
        type: "select",
        lists: ["generic_repeat_time"],
        values: VALUE_LISTS.generic_repeat_time.values,
        source: PAGES.mapreducescriptWeekly,
      },
    },
    source: PAGES.mapreducescriptWeekly,
  },
  "mapreducescript.yearly": {
    element: "yearly",
    note:
      "This group's own page was not found in the stored docs; cited from the deployment page, " +
      "fields from salto (types as on the sibling groups' pages).",
    fields: {
      startdate: { required: "required", type: "date", source: PAGES.mapreducescriptDeployment },
      starttime: { required: "required", type: "time", source: PAGES.mapreducescriptDeployment },
      enddate: { required: "optional", type: "date", source: PAGES.mapreducescriptDeployment },
      repeat: {
        required: "optional",
        type: "select",
        lists: ["generic_repeat_time"],
        values: VALUE_LISTS.generic_repeat_time.values,
        source: PAGES.mapreducescriptDeployment,
      },
    },
    source: PAGES.mapreducescriptDeployment,
  },
  "mapreducescript.yearlydayofweek": {
    element: "yearlydayofweek",
    fields: {
      startdate: { required: "required", type: "date", source: PAGES.mapreducescriptYearlydayofweek },
      starttime: { required: "required", type: "time", source: PAGES.mapreducescriptYearlydayofweek },
      orderofweek: {
        required: "required",
        type: "select",
        lists: ["generic_order_of_week"],
        values: VALUE_LISTS.generic_order_of_week.values,
        source: PAGES.mapreducescriptYearlydayofweek,
      },
      dayofweek: {
        required: "required",
        type: "select",
        lists: ["generic_day_of_week"],
        values: VALUE_LISTS.generic_day_of_week.values,
        source: PAGES.mapreducescriptYearlydayofweek,
      },
      enddate: { required: "optional", type: "date", source: PAGES.mapreducescriptYearlydayofweek },
      repeat: {
        required: "optional",
        type: "select",
        lists: ["generic_repeat_time"],
        values: VALUE_LISTS.generic_repeat_time.values,
        source: PAGES.mapreducescriptYearlydayofweek,
      },
    },
    source: PAGES.mapreducescriptYearlydayofweek,
  },
  "mapreducescript.recurrence": {
    element: "recurrence",
    note:
      "Holds exactly one of these schedule groups (recurrence guide: " +
      "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_1504707195.html).",
    fields: {
      daily: {
        required: "optional",
        type: "structure",
        structure: "mapreducescript.daily",
        source: PAGES.mapreducescriptDeployment,
      },
      everyweekday: {
        required: "optional",
        type: "structure",
        structure: "mapreducescript.everyweekday",
        source: PAGES.mapreducescriptDeployment,
      },
      monthly: {
        required: "optional",
        type: "structure",
        structure: "mapreducescript.monthly",
        source: PAGES.mapreducescriptDeployment,
      },
      monthlydayofweek: {
        required: "optional",
        type: "structure",
        structure: "mapreducescript.monthlydayofweek",
        source: PAGES.mapreducescriptDeployment,
      },
      single: {
        required: "optional",
        type: "structure",
        structure: "mapreducescript.single",
        source: PAGES.mapreducescriptDeployment,
      },
      weekly: {
        required: "optional",
        type: "structure",
        structure: "mapreducescript.weekly",
        source: PAGES.mapreducescriptDeployment,
      },
      yearly: {
        required: "optional",
        type: "structure",
        structure: "mapreducescript.yearly",
        source: PAGES.mapreducescriptDeployment,
      },
      yearlydayofweek: {
        required: "optional",
        type: "structure",
        structure: "mapreducescript.yearlydayofweek",
        source: PAGES.mapreducescriptDeployment,
      },
    },
    source: PAGES.mapreducescriptDeployment,
  },
  "mapreducescript.scriptdeployment": {
    element: "scriptdeployment",
    scriptIdPrefix: "customdeploy",
    scriptIdMaxLength: 40,
    acceptsParentCustomFields: true,
    fields: {
      status: {
        required: "required",
        type: "select",
        default: "TESTING",
        lists: ["script_status"],
        values: VALUE_LISTS.script_status.values,
        source: PAGES.mapreducescriptDeployment,
      },
      title: { required: "required", type: "string", source: PAGES.mapreducescriptDeployment },
      isdeployed: {
        required: "optional",
        type: "boolean",
        default: "T",
        source: PAGES.mapreducescriptDeployment,
      },
      loglevel: {
        required: "optional",
        type: "select",
        default: "DEBUG",
        lists: ["script_loglevel"],
        values: VALUE_LISTS.script_loglevel.values,
        source: PAGES.mapreducescriptDeployment,
      },
      runasrole: {
        required: "optional",
        type: "select",
        lists: ["generic_role"],
        values: VALUE_LISTS.generic_role.values,
        refTypes: ["role"],
        source: PAGES.mapreducescriptDeployment,
      },
      buffersize: {
        required: "optional",
        type: "string",
        default: "1",
        source: PAGES.mapreducescriptDeployment,
      },
      concurrencylimit: {
        required: "optional",
        type: "string",
        default: "1",
        source: PAGES.mapreducescriptDeployment,
      },
      queueallstagesatonce: {
        required: "optional",
        type: "boolean",
        default: "T",
        source: PAGES.mapreducescriptDeployment,
      },
      yieldaftermins: {
        required: "optional",
        type: "string",
        default: "60",
        source: PAGES.mapreducescriptDeployment,
      },
      recurrence: {
        required: "optional",
        type: "structure",
        structure: "mapreducescript.recurrence",
        source: PAGES.mapreducescriptDeployment,
      },
    },
    source: PAGES.mapreducescriptDeployment,
  },
  "mapreducescript.scriptdeployments": {
    element: "scriptdeployments",
    fields: {
      scriptdeployment: {
        required: "optional",
        type: "structure",
        structure: "mapreducescript.scriptdeployment",
        repeats: true,
        source: PAGES.mapreducescriptDeployments,
      },
    },
    source: PAGES.mapreducescriptDeployments,
  },
  "scheduledscript.plugintype": {
    element: "plugintype",
    fields: {
      plugintype: {
        required: "required",
        type: "select",
        refTypes: ["plugintype"],
        source: PAGES.scheduledscriptPlugintype,
      },
    },
    source: PAGES.scheduledscriptPlugintype,
  },
  "scheduledscript.customplugintypes": {
    element: "customplugintypes",
    fields: {
      plugintype: {
        required: "optional",
        type: "structure",
        structure: "scheduledscript.plugintype",
        repeats: true,
        source: PAGES.scheduledscriptGuide,
      },
    },
    source: PAGES.scheduledscriptGuide,
  },
  "scheduledscript.library": {
    element: "library",
    fields: {
      scriptfile: { required: "required", type: "filereference", source: PAGES.scheduledscriptLibrary },
    },
    source: PAGES.scheduledscriptLibrary,
  },
  "scheduledscript.libraries": {
    element: "libraries",
    fields: {
      library: {
        required: "optional",
        type: "structure",
        structure: "scheduledscript.library",
        repeats: true,
        source: PAGES.scheduledscriptLibrary,
      },
    },
    source: PAGES.scheduledscriptLibrary,
  },
  "scheduledscript.daily": {
    element: "daily",
    fields: {
      startdate: { required: "required", type: "date", source: PAGES.scheduledscriptDaily },
      starttime: { required: "required", type: "time", source: PAGES.scheduledscriptDaily },
      everyxdays: {
        required: "required",
        type: "integer",
        min: 1,
        max: 1000,
        source: PAGES.scheduledscriptDaily,
      },
      enddate: { required: "optional", type: "date", source: PAGES.scheduledscriptDaily },
      repeat: {
        required: "optional",
        type: "select",
        lists: ["generic_repeat_time"],
        values: VALUE_LISTS.generic_repeat_time.values,
        source: PAGES.scheduledscriptDaily,
      },
    },
    source: PAGES.scheduledscriptDaily,
  },
  "scheduledscript.everyweekday": {
    element: "everyweekday",
    note:
      "This group's own page was not found in the stored docs; cited from the deployment page, " +
      "fields from salto (types as on the sibling groups' pages).",
    fields: {
      startdate: { required: "required", type: "date", source: PAGES.scheduledscriptDeployment },
      starttime: { required: "required", type: "time", source: PAGES.scheduledscriptDeployment },
      enddate: { required: "optional", type: "date", source: PAGES.scheduledscriptDeployment },
      repeat: {
        required: "optional",
        type: "select",
        lists: ["generic_repeat_time"],
        values: VALUE_LISTS.generic_repeat_time.values,
        source: PAGES.scheduledscriptDeployment,
      },
    },
    source: PAGES.scheduledscriptDeployment,
  },
  "scheduledscript.monthly": {
    element: "monthly",
    note:
      "This group's own page was not found in the stored docs; cited from the deployment page, " +
      "fields from salto (types as on the sibling groups' pages).",
    fields: {
      startdate: { required: "required", type: "date", source: PAGES.scheduledscriptDeployment },
      starttime: { required: "required", type: "time", source: PAGES.scheduledscriptDeployment },
      everyxmonths: {
        required: "required",
        type: "integer",
        min: 1,
        max: 1000,
        source: PAGES.scheduledscriptDeployment,
      },
      enddate: { required: "optional", type: "date", source: PAGES.scheduledscriptDeployment },
      repeat: {
        required: "optional",
        type: "select",
        lists: ["generic_repeat_time"],
        values: VALUE_LISTS.generic_repeat_time.values,
        source: PAGES.scheduledscriptDeployment,
      },
    },
    source: PAGES.scheduledscriptDeployment,
  },
  "scheduledscript.monthlydayofweek": {
    element: "monthlydayofweek",
    fields: {
      startdate: { required: "required", type: "date", source: PAGES.scheduledscriptMonthlydayofweek },
      starttime: { required: "required", type: "time", source: PAGES.scheduledscriptMonthlydayofweek },
      orderofweek: {
        required: "required",
        type: "select",
        lists: ["generic_order_of_week"],
        values: VALUE_LISTS.generic_order_of_week.values,
        source: PAGES.scheduledscriptMonthlydayofweek,
      },
      dayofweek: {
        required: "required",
        type: "select",
        lists: ["generic_day_of_week"],
        values: VALUE_LISTS.generic_day_of_week.values,
        source: PAGES.scheduledscriptMonthlydayofweek,
      },
      everyxmonths: {
        required: "required",
        type: "integer",
        min: 1,
        max: 1000,
        source: PAGES.scheduledscriptMonthlydayofweek,
      },
      enddate: { required: "optional", type: "date", source: PAGES.scheduledscriptMonthlydayofweek },
      repeat: {
        required: "optional",
        type: "select",
        lists: ["generic_repeat_time"],
        values: VALUE_LISTS.generic_repeat_time.values,
        source: PAGES.scheduledscriptMonthlydayofweek,
      },
    },
    source: PAGES.scheduledscriptMonthlydayofweek,
  },
  "scheduledscript.single": {
    element: "single",
    fields: {
      startdate: { required: "required", type: "date", source: PAGES.scheduledscriptSingle },
      starttime: { required: "required", type: "time", source: PAGES.scheduledscriptSingle },
      repeat: {
        required: "optional",
        type: "select",
        lists: ["generic_repeat_time"],
        values: VALUE_LISTS.generic_repeat_time.values,
        source: PAGES.scheduledscriptSingle,
      },
    },
    source: PAGES.scheduledscriptSingle,
  },
  "scheduledscript.weekly": {
    element: "weekly",
    fields: {
      startdate: { required: "required", type: "date", source: PAGES.scheduledscriptWeekly },
      starttime: { required: "required", type: "time", source: PAGES.scheduledscriptWeekly },
      everyxweeks: {
        required: "required",
        type: "integer",
        min: 1,
        max: 1000,
        source: PAGES.scheduledscriptWeekly,
      },
      sunday: { required: "required", type: "boolean", default: "F", source: PAGES.scheduledscriptWeekly },
      monday: { required: "required", type: "boolean", default: "F", source: PAGES.scheduledscriptWeekly },
      tuesday: { required: "required", type: "boolean", default: "F", source: PAGES.scheduledscriptWeekly },
      wednesday: { required: "required", type: "boolean", default: "F", source: PAGES.scheduledscriptWeekly },
      thursday: { required: "required", type: "boolean", default: "F", source: PAGES.scheduledscriptWeekly },
      friday: { required: "required", type: "boolean", default: "F", source: PAGES.scheduledscriptWeekly },
      saturday: { required: "required", type: "boolean", default: "F", source: PAGES.scheduledscriptWeekly },
      enddate: { required: "optional", type: "date", source: PAGES.scheduledscriptWeekly },
      repeat: {
        required: "optional",
        type: "select",
        lists: ["generic_repeat_time"],
        values: VALUE_LISTS.generic_repeat_time.values,
        source: PAGES.scheduledscriptWeekly,
      },
    },
    source: PAGES.scheduledscriptWeekly,
  },
  "scheduledscript.yearly": {
    element: "yearly",
    fields: {
      startdate: { required: "required", type: "date", source: PAGES.scheduledscriptYearly },
      starttime: { required: "required", type: "time", source: PAGES.scheduledscriptYearly },
      enddate: { required: "optional", type: "date", source: PAGES.scheduledscriptYearly },
      repeat: {
        required: "optional",
        type: "select",
        lists: ["generic_repeat_time"],
        values: VALUE_LISTS.generic_repeat_time.values,
        source: PAGES.scheduledscriptYearly,
      },
    },
    source: PAGES.scheduledscriptYearly,
  },
  "scheduledscript.yearlydayofweek": {
    element: "yearlydayofweek",
    fields: {
      startdate: { required: "required", type: "date", source: PAGES.scheduledscriptYearlydayofweek },
      starttime: { required: "required", type: "time", source: PAGES.scheduledscriptYearlydayofweek },
      orderofweek: {
        required: "required",
        type: "select",
        lists: ["generic_order_of_week"],
        values: VALUE_LISTS.generic_order_of_week.values,
        source: PAGES.scheduledscriptYearlydayofweek,
      },
      dayofweek: {
        required: "required",
        type: "select",
        lists: ["generic_day_of_week"],
        values: VALUE_LISTS.generic_day_of_week.values,
        source: PAGES.scheduledscriptYearlydayofweek,
      },
      enddate: { required: "optional", type: "date", source: PAGES.scheduledscriptYearlydayofweek },
      repeat: {
        required: "optional",
        type: "select",
        lists: ["generic_repeat_time"],
        values: VALUE_LISTS.generic_repeat_time.values,
        source: PAGES.scheduledscriptYearlydayofweek,
      },
    },
    source: PAGES.scheduledscriptYearlydayofweek,
  },
  "scheduledscript.recurrence": {
    element: "recurrence",
    note:
      "Holds exactly one of these schedule groups (recurrence guide: " +
      "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_1504707195.html).",
    fields: {
      daily: {
        required: "optional",
        type: "structure",
        structure: "scheduledscript.daily",
        source: PAGES.scheduledscriptDeployment,
      },
      everyweekday: {
        required: "optional",
        type: "structure",
        structure: "scheduledscript.everyweekday",
        source: PAGES.scheduledscriptDeployment,
      },
      monthly: {
        required: "optional",
        type: "structure",
        structure: "scheduledscript.monthly",
        source: PAGES.scheduledscriptDeployment,
      },
      monthlydayofweek: {
        required: "optional",
        type: "structure",
        structure: "scheduledscript.monthlydayofweek",
        source: PAGES.scheduledscriptDeployment,
      },
      single: {
        required: "optional",
        type: "structure",
        structure: "scheduledscript.single",
        source: PAGES.scheduledscriptDeployment,
      },
      weekly: {
        required: "optional",
        type: "structure",
        structure: "scheduledscript.weekly",
        source: PAGES.scheduledscriptDeployment,
      },
      yearly: {
        required: "optional",
        type: "structure",
        structure: "scheduledscript.yearly",
        source: PAGES.scheduledscriptDeployment,
      },
      yearlydayofweek: {
        required: "optional",
        type: "structure",
        structure: "scheduledscript.yearlydayofweek",
        source: PAGES.scheduledscriptDeployment,
      },
    },
    source: PAGES.scheduledscriptDeployment,
  },
  "scheduledscript.scriptdeployment": {
    element: "scriptdeployment",
    scriptIdPrefix: "customdeploy",
    scriptIdMaxLength: 40,
    acceptsParentCustomFields: true,
    fields: {
      status: {
        required: "required",
        type: "select",
        default: "TESTING",
        lists: ["script_status"],
        values: VALUE_LISTS.script_status.values,
        source: PAGES.scheduledscriptDeployment,
      },
      title: { required: "required", type: "string", source: PAGES.scheduledscriptDeployment },
      isdeployed: {
        required: "optional",
        type: "boolean",
        default: "T",
        source: PAGES.scheduledscriptDeployment,
      },
      loglevel: {
        required: "optional",
        type: "select",
        default: "DEBUG",
        lists: ["script_loglevel"],
        values: VALUE_LISTS.script_loglevel.values,
        source: PAGES.scheduledscriptDeployment,
      },
      recurrence: {
        required: "optional",
        type: "structure",
        structure: "scheduledscript.recurrence",
        source: PAGES.scheduledscriptDeployment,
      },
    },
    source: PAGES.scheduledscriptDeployment,
  },
  "scheduledscript.scriptdeployments": {
    element: "scriptdeployments",
    fields: {
      scriptdeployment: {
        required: "optional",
        type: "structure",
        structure: "scheduledscript.scriptdeployment",
        repeats: true,
        source: PAGES.scheduledscriptDeployment,
      },
    },
    source: PAGES.scheduledscriptDeployment,
  },
  "restlet.plugintype": {
    element: "plugintype",
    fields: {
      plugintype: { required: "required", type: "select", refTypes: ["plugintype"], source: PAGES.restlet },
    },
    source: PAGES.restlet,
  },
  "restlet.customplugintypes": {
    element: "customplugintypes",
    fields: {
      plugintype: {
        required: "optional",
        type: "structure",
        structure: "restlet.plugintype",
        repeats: true,
        source: PAGES.restletCustomplugintypes,
      },
    },
    source: PAGES.restletCustomplugintypes,
  },
  "restlet.library": {
    element: "library",
    fields: {
      scriptfile: { required: "required", type: "filereference", source: PAGES.restletLibrary },
    },
    source: PAGES.restletLibrary,
  },
  "restlet.libraries": {
    element: "libraries",
    fields: {
      library: {
        required: "optional",
        type: "structure",
        structure: "restlet.library",
        repeats: true,
        source: PAGES.restletLibrary,
      },
    },
    source: PAGES.restletLibrary,
  },
  "restlet.scriptdeployment": {
    element: "scriptdeployment",
    scriptIdPrefix: "customdeploy",
    scriptIdMaxLength: 40,
    acceptsParentCustomFields: true,
    note:
      "Oracle's restlet scriptdeployment page was not found in the stored docs; cited from the " +
      "restlet page, fields from salto.",
    fields: {
      status: {
        required: "required",
        type: "select",
        default: "TESTING",
        lists: ["script_status"],
        values: VALUE_LISTS.script_status.values,
        source: PAGES.restlet,
      },
      title: { required: "required", type: "string", source: PAGES.restlet },
      allemployees: { required: "optional", type: "boolean", default: "F", source: PAGES.restlet },
      allpartners: {
        required: "optional",
        type: "boolean",
        default: "F",
        feature: "CRM",
        source: PAGES.restlet,
      },
      allroles: {
        required: "optional",
        type: "boolean",
        default: "F",
        note: "If set to T, selects all internal roles; external roles go in audslctrole.",
        source: PAGES.restlet,
      },
      auddepartment: {
        required: "optional",
        type: "multiselect",
        feature: "DEPARTMENTS",
        note: "Account-specific values are not supported by SDF.",
        source: PAGES.restlet,
      },
      audemployee: {
        required: "optional",
        type: "multiselect",
        note: "Account-specific values are not supported by SDF.",
        source: PAGES.restlet,
      },
      audgroup: {
        required: "optional",
        type: "multiselect",
        note: "Account-specific values are not supported by SDF.",
        source: PAGES.restlet,
      },
      audpartner: {
        required: "optional",
        type: "multiselect",
        feature: "CRM",
        note: "Account-specific values are not supported by SDF.",
        source: PAGES.restlet,
      },
      audslctrole: {
        required: "optional",
        type: "multiselect",
        lists: ["generic_role"],
        values: VALUE_LISTS.generic_role.values,
        refTypes: ["role"],
        source: PAGES.restlet,
      },
      audsubsidiary: {
        required: "optional",
        type: "multiselect",
        feature: "SUBSIDIARIES",
        note: "Account-specific values are not supported by SDF.",
        source: PAGES.restlet,
      },
      isdeployed: { required: "optional", type: "boolean", default: "T", source: PAGES.restlet },
      loglevel: {
        required: "optional",
        type: "select",
        default: "DEBUG",
        lists: ["script_loglevel"],
        values: VALUE_LISTS.script_loglevel.values,
        source: PAGES.restlet,
      },
    },
    source: PAGES.restlet,
  },
  "restlet.scriptdeployments": {
    element: "scriptdeployments",
    fields: {
      scriptdeployment: {
        required: "optional",
        type: "structure",
        structure: "restlet.scriptdeployment",
        repeats: true,
        source: PAGES.restlet,
      },
    },
    source: PAGES.restlet,
  },
  "sdfinstallationscript.plugintype": {
    element: "plugintype",
    fields: {
      plugintype: {
        required: "required",
        type: "select",
        refTypes: ["plugintype"],
        source: PAGES.sdfinstallationscript,
      },
    },
    source: PAGES.sdfinstallationscript,
  },
  "sdfinstallationscript.customplugintypes": {
    element: "customplugintypes",
    fields: {
      plugintype: {
        required: "optional",
        type: "structure",
        structure: "sdfinstallationscript.plugintype",
        repeats: true,
        source: PAGES.sdfinstallationscriptCustomplugintypes,
      },
    },
    source: PAGES.sdfinstallationscriptCustomplugintypes,
  },
  "sdfinstallationscript.scriptdeployment": {
    element: "scriptdeployment",
    scriptIdPrefix: "customdeploy",
    scriptIdMaxLength: 40,
    acceptsParentCustomFields: true,
    fields: {
      status: {
        required: "required",
        type: "select",
        default: "TESTING",
        lists: ["script_status"],
        values: VALUE_LISTS.script_status.values,
        source: PAGES.sdfinstallationscriptDeployment,
      },
      title: { required: "required", type: "string", source: PAGES.sdfinstallationscriptDeployment },
      isdeployed: {
        required: "optional",
        type: "boolean",
        default: "T",
        source: PAGES.sdfinstallationscriptDeployment,
      },
      loglevel: {
        required: "optional",
        type: "select",
        default: "DEBUG",
        lists: ["script_loglevel"],
        values: VALUE_LISTS.script_loglevel.values,
        source: PAGES.sdfinstallationscriptDeployment,
      },
    },
    source: PAGES.sdfinstallationscriptDeployment,
  },
  "sdfinstallationscript.scriptdeployments": {
    element: "scriptdeployments",
    fields: {
      scriptdeployment: {
        required: "optional",
        type: "structure",
        structure: "sdfinstallationscript.scriptdeployment",
        repeats: true,
        source: PAGES.sdfinstallationscriptDeployment,
      },
    },
    source: PAGES.sdfinstallationscriptDeployment,
  },
};
