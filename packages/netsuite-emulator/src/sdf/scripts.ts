/** Script objects (`<usereventscript>`, `<mapreducescript>`, …) with their parameters and deployments. */
import { existsSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { parseScriptParameter, scriptIdOf } from "./fields.js";
import type { Node } from "./node.js";
import { PREFIX } from "./schema.js";
import {
  type DeploymentDef,
  SCRIPT_TYPE_HEADER,
  type ScriptDef,
  type ScriptParameterDef,
  type ScriptType,
} from "./types.js";

export const SCRIPT_TYPES: readonly ScriptType[] = Object.keys(SCRIPT_TYPE_HEADER) as ScriptType[];

export function isScriptType(name: string): name is ScriptType {
  return (SCRIPT_TYPES as readonly string[]).includes(name);
}

export function parseScript(node: Node, type: ScriptType, fileCabinet: string): ScriptDef {
  const scriptId = scriptIdOf(node, PREFIX.script);
  const scriptFile = scriptFileOf(node, fileCabinet);

  const parameters: ScriptParameterDef[] = [];
  const fields = node.child("scriptcustomfields");
  if (fields !== undefined) {
    for (const f of fields.all("scriptcustomfield")) parameters.push(parseScriptParameter(f));
  }
  const paramIds = new Set(parameters.map((p) => p.scriptId));

  const name = node.required("name");
  const deployments: DeploymentDef[] = [];
  const deps = node.child("scriptdeployments");
  if (deps !== undefined) {
    for (const d of deps.all("scriptdeployment")) deployments.push(parseDeployment(d, type, name, paramIds));
  }
  return { scriptId, type, name, scriptFile, parameters, deployments };
}

/**
 * `<scriptfile>[/SuiteApps/com.x.app/file.js]</scriptfile>` ("Specifying a Custom File or Script Reference":
 * the File Cabinet path in square brackets); the file must be in the project's src/FileCabinet.
 */
function scriptFileOf(node: Node, fileCabinet: string): string {
  const raw = node.required("scriptfile");
  const m = /^\[(\/[^\]]+)\]$/.exec(raw);
  const path = m?.[1];
  if (path === undefined)
    return node.fail(`<scriptfile> must be a File Cabinet path in brackets, found "${raw}"`);
  if (!path.endsWith(".js")) node.fail(`<scriptfile> must reference a .js file, found "${path}"`);
  const onDisk = join(fileCabinet, ...path.split("/"));
  const inside = relative(fileCabinet, onDisk);
  if (inside.startsWith("..") || inside.split(sep).includes("..")) {
    node.fail(`<scriptfile> ${path} points outside src/FileCabinet`);
  }
  if (!existsSync(onDisk) || !statSync(onDisk).isFile()) {
    node.fail(`script file ${path} of ${node.attr("scriptid")} does not exist in src/FileCabinet`);
  }
  return path;
}

function parseDeployment(
  node: Node,
  type: ScriptType,
  scriptName: string,
  paramIds: ReadonlySet<string>,
): DeploymentDef {
  // Parameter values are children named by the parameter's script ID (SDFxml_27094036: "you can set a
  // value for a custom field defined in the parent object"); validate.ts refused any other element.
  const scriptId = scriptIdOf(node, PREFIX.deployment);

  const parameters: Record<string, string> = {};
  for (const c of node.children()) {
    if (!paramIds.has(c.name)) continue;
    const v = node.ref(c.name);
    if (v !== undefined) parameters[c.name] = v;
  }

  const needsRecordType = type === "usereventscript" || type === "clientscript";
  const recordType = needsRecordType ? node.ref("recordtype") : undefined;
  if (needsRecordType && recordType === undefined) node.fail("missing <recordtype>");

  const concurrency = node.integer("concurrencylimit");
  const bufferSize = node.integer("buffersize");
  const executionContexts = node.list("executioncontext");
  const eventType = node.value("eventtype");
  const runAsRole = node.ref("runasrole");
  const allRoles = node.value("allroles") === undefined ? undefined : node.bool("allroles", false);
  const audienceRoles = node.list("audslctrole");

  return {
    scriptId,
    // User event and client deployments have no <title> in SDF: fall back to the script's name.
    title: node.value("title") ?? scriptName,
    // Defaults from the XML reference: status TESTING, isdeployed T, loglevel DEBUG.
    status: node.value("status") ?? "TESTING",
    isDeployed: node.bool("isdeployed", true),
    logLevel: node.value("loglevel") ?? "DEBUG",
    ...(recordType !== undefined ? { recordType } : {}),
    isOnline: node.bool("isonline", false),
    ...(concurrency !== undefined ? { concurrency } : {}),
    parameters,
    ...(executionContexts !== undefined ? { executionContexts } : {}),
    ...(eventType !== undefined ? { eventType } : {}),
    ...(runAsRole !== undefined ? { runAsRole } : {}),
    ...(allRoles !== undefined ? { allRoles } : {}),
    ...(audienceRoles !== undefined ? { audienceRoles } : {}),
    ...(bufferSize !== undefined ? { bufferSize } : {}),
  };
}
