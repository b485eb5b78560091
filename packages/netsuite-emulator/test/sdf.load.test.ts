import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { type DeploymentDef, loadProject, type Project, type ScriptDef } from "../src/sdf/index.js";

const FIXTURE = fileURLToPath(new URL("./fixtures/sdf-project", import.meta.url));
const APP = "/SuiteApps/com.example.fixture";

/** What Oracle's own exports list for a user event deployment that runs in every context. */
const ALL_CONTEXTS =
  `ACTION|ADVANCEDREVREC|BANKCONNECTIVITY|BANKSTATEMENTPARSER|BUNDLEINSTALLATION|CLIENT|CONSOLRATEADJUSTOR|CSVIMPORT|CUSTOMGLLINES|CUSTOMMASSUPDATE|DATASETBUILDER|DEBUGGER|EMAILCAPTURE|FICONNECTIVITY|FIPARSER|MAPREDUCE|OCRPLUGIN|OTHER|PAYMENTGATEWAY|PAYMENTPOSTBACK|PLATFORMEXTENSION|PORTLET|PROMOTIONS|RECORDACTION|RESTLET|RESTWEBSERVICES|SCHEDULED|SDFINSTALLATION|SHIPPINGPARTNERS|SUITELET|TAXCALCULATION|USEREVENT|USERINTERFACE|WEBSERVICES|WORKBOOKBUILDER|WORKFLOW`.split(
    "|",
  );

const deployment = (
  d: Partial<DeploymentDef> & Pick<DeploymentDef, "scriptId" | "title">,
): DeploymentDef => ({
  status: "RELEASED",
  isDeployed: true,
  logLevel: "DEBUG",
  isOnline: false,
  parameters: {},
  ...d,
});

const EXPECTED_SCRIPTS: ScriptDef[] = [
  {
    scriptId: "customscript_fx_customer_ue",
    type: "usereventscript",
    name: "FX Customer UE",
    scriptFile: `${APP}/fx_customer_ue.js`,
    parameters: [],
    deployments: [
      deployment({
        scriptId: "customdeploy_fx_customer_ue",
        title: "FX Customer UE",
        recordType: "CUSTOMER",
        executionContexts: ALL_CONTEXTS,
        allRoles: true,
      }),
    ],
  },
  {
    scriptId: "customscript_fx_install",
    type: "sdfinstallationscript",
    name: "FX Install",
    scriptFile: `${APP}/fx_install.js`,
    parameters: [],
    deployments: [deployment({ scriptId: "customdeploy_fx_install", title: "FX Install" })],
  },
  {
    scriptId: "customscript_fx_mr",
    type: "mapreducescript",
    name: "FX Customers by Subsidiary",
    scriptFile: `${APP}/fx_mr.js`,
    parameters: [
      { scriptId: "custscript_fx_mr_tag", label: "Tag", fieldType: "TEXT", defaultValue: "manual" },
    ],
    deployments: [
      deployment({
        scriptId: "customdeploy_fx_mr",
        title: "FX Customers by Subsidiary",
        status: "NOTSCHEDULED",
        logLevel: "AUDIT",
        concurrency: 2,
        bufferSize: 1,
        runAsRole: "ADMINISTRATOR",
        parameters: { custscript_fx_mr_tag: "nightly" },
      }),
    ],
  },
  {
    scriptId: "customscript_fx_scheduled",
    type: "scheduledscript",
    name: "FX Ping",
    scriptFile: `${APP}/fx_scheduled.js`,
    parameters: [{ scriptId: "custscript_fx_url", label: "Endpoint URL", fieldType: "URL" }],
    deployments: [
      deployment({
        scriptId: "customdeploy_fx_scheduled",
        title: "FX Ping",
        status: "NOTSCHEDULED",
        parameters: { custscript_fx_url: "https://api.example.com/v1/ping" },
      }),
    ],
  },
  {
    scriptId: "customscript_fx_sl",
    type: "suitelet",
    name: "FX Echo",
    scriptFile: `${APP}/fx_sl.js`,
    parameters: [],
    deployments: [
      deployment({ scriptId: "customdeploy_fx_sl", title: "FX Echo", allRoles: true }),
      deployment({
        scriptId: "customdeploy_fx_sl_public",
        title: "FX Echo (public)",
        logLevel: "ERROR",
        isOnline: true,
        allRoles: true,
        audienceRoles: ["ONLINE_FORM_USER"],
      }),
    ],
  },
];

describe("loadProject: the fixture SDF project", () => {
  const project: Project = loadProject(FIXTURE);

  it("reads the manifest, deploy.xml and where the File Cabinet is", () => {
    expect(project.dir).toBe(FIXTURE);
    expect(project.fileCabinet).toBe(join(FIXTURE, "src", "FileCabinet"));
    expect(project.manifest).toEqual({
      projectType: "SUITEAPP",
      publisherId: "com.example",
      projectId: "fixture",
      projectName: "Emulator Fixture",
      projectVersion: "1.0.0",
      frameworkVersion: "1.0",
      features: [
        { name: "CUSTOMRECORDS", required: true },
        { name: "SERVERSIDESCRIPTING", required: true },
        { name: "SUBSIDIARIES", required: false },
      ],
    });
    expect(project.deployPaths).toEqual({
      files: ["~/FileCabinet/SuiteApps/com.example.fixture/*"],
      objects: ["~/Objects/*"],
      run: [
        {
          path: "~/Objects/Scripts/customscript_fx_install.xml",
          scriptId: "customscript_fx_install",
          deploymentId: "customdeploy_fx_install",
        },
      ],
    });
  });

  it("reads the entity fields", () => {
    expect(project.entityFields).toEqual([
      {
        scriptId: "custentity_fx_external_id",
        label: "External ID (Fixture)",
        fieldType: "TEXT",
        mandatory: false,
        displayType: "NORMAL",
        storeValue: true,
        appliesTo: ["customer"],
      },
      {
        scriptId: "custentity_fx_synced",
        label: "Synced (Fixture)",
        fieldType: "CHECKBOX",
        mandatory: false,
        displayType: "LOCKED",
        storeValue: true,
        appliesTo: ["customer"],
      },
    ]);
  });

  it("reads the custom record type and its fields", () => {
    const common = { displayType: "NORMAL", storeValue: true, appliesTo: [] };
    expect(project.customRecordTypes).toEqual([
      {
        scriptId: "customrecord_fx_log",
        recordName: "FX Log",
        includeName: false,
        optimisticLocking: true,
        accessType: "NONENEEDED",
        permissions: [{ role: "ADMINISTRATOR", level: "FULL" }],
        fields: [
          {
            scriptId: "custrecord_fx_log_customer",
            label: "Customer",
            fieldType: "SELECT",
            selectRecordType: "-2",
            mandatory: true,
            ...common,
          },
          {
            scriptId: "custrecord_fx_log_message",
            label: "Message",
            fieldType: "TEXT",
            mandatory: false,
            ...common,
          },
          {
            scriptId: "custrecord_fx_log_count",
            label: "Count",
            fieldType: "INTEGER",
            mandatory: false,
            defaultValue: "0",
            ...common,
          },
        ],
      },
    ]);
  });

  it("reads every script (sub-folders of src/Objects included) with parameters and deployments", () => {
    expect(project.scripts).toEqual(EXPECTED_SCRIPTS);
    expect(project.savedSearches).toEqual([]);
  });
});
