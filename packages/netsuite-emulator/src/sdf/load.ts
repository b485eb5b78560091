/**
 * Loads an SDF project (the folder holding src/manifest.xml, src/deploy.xml, src/Objects, src/FileCabinet)
 * into the model the runtime runs. Anything it does not understand or that is malformed throws an error
 * naming the file and the element, e.g. `src/Objects/customscript_x.xml: <mapreducescript>: unknown element <foo>`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative, resolve, sep } from "node:path";
import { parseEntityField, parseRecordType, scriptIdOf } from "./fields.js";
import { parseDeploy, parseManifest } from "./manifest.js";
import { Node, SdfError } from "./node.js";
import { PREFIX } from "./schema.js";
import { isScriptType, parseScript } from "./scripts.js";
import { resolveSecrets } from "./secrets.js";
import type { CustomFieldDef, CustomRecordTypeDef, Project, SavedSearchDef, ScriptDef } from "./types.js";
import { parseXml, XmlSyntaxError } from "./xml.js";

export interface LoadOptions {
  /** JSON file of secret values `{ "custsecret_x": "value" }`; default `<project>/.secrets.json`. */
  secretsFile?: string;
  /** Environment to read `NSS_SECRET_<SCRIPTID>` from (wins over the file); default `process.env`. */
  env?: Record<string, string | undefined>;
  /**
   * API secrets created in the account itself (Setup > Company > API Secrets), as administrators do for
   * a second Stripe key, besides the project's `<secret>` objects: `{ custsecret_x: "value" }`. A
   * project secret of the same ID takes its value from here when the file and environment give none.
   */
  accountSecrets?: Record<string, string>;
}

export function loadProject(dir: string, options: LoadOptions = {}): Project {
  const root = resolve(dir);
  const src = join(root, "src");
  const rel = (p: string): string => relative(root, p).split(sep).join("/");
  const readRoot = (file: string): Node => {
    if (!existsSync(file)) throw new SdfError(rel(file), "", "file not found");
    try {
      return Node.root(parseXml(readFileSync(file, "utf8")), rel(file));
    } catch (e) {
      if (e instanceof XmlSyntaxError) throw new SdfError(rel(file), "", `malformed XML: ${e.message}`);
      throw e;
    }
  };

  const manifest = parseManifest(readRoot(join(src, "manifest.xml")));
  const deployPaths = parseDeploy(readRoot(join(src, "deploy.xml")));
  const fileCabinet = join(src, "FileCabinet");

  const entityFields: CustomFieldDef[] = [];
  const customRecordTypes: CustomRecordTypeDef[] = [];
  const scripts: ScriptDef[] = [];
  const secretIds: string[] = [];
  const savedSearches: SavedSearchDef[] = [];
  const seen = new Map<string, string>();

  for (const file of objectFiles(join(src, "Objects"))) {
    const node = readRoot(file);
    const id = node.attr("scriptid");
    // "The script ID for an SDF custom object must match that object's XML filename." (SDF Custom Object File Structure)
    if (id !== undefined && basename(file, ".xml") !== id) {
      node.fail(`scriptid "${id}" does not match the file name ${basename(file)}`);
    }
    if (id !== undefined) {
      const other = seen.get(id);
      if (other !== undefined) node.fail(`scriptid "${id}" is also defined in ${other}`);
      seen.set(id, rel(file));
    }
    const type = node.name;
    if (isScriptType(type)) scripts.push(parseScript(node, type, fileCabinet));
    else if (type === "entitycustomfield") entityFields.push(parseEntityField(node));
    else if (type === "customrecordtype") customRecordTypes.push(parseRecordType(node));
    else if (type === "secret") {
      node.expectOnly(new Set());
      secretIds.push(scriptIdOf(node, PREFIX.secret));
    } else if (type === "savedsearch") {
      node.expectOnly(new Set(["definition", "dependencies"]));
      savedSearches.push({ scriptId: scriptIdOf(node, PREFIX.savedSearch), xml: readFileSync(file, "utf8") });
    } else node.fail("object type not supported by the emulator");
  }

  const byId = <T extends { scriptId: string }>(a: T, b: T): number => a.scriptId.localeCompare(b.scriptId);
  secretIds.sort();
  const secretsFile =
    options.secretsFile === undefined ? join(root, ".secrets.json") : resolve(options.secretsFile);
  const secrets = resolveSecrets(secretIds, {
    file: secretsFile,
    explicit: options.secretsFile !== undefined,
    env: options.env ?? process.env,
    display: secretsFile.startsWith(root + sep) ? rel(secretsFile) : secretsFile,
  });
  for (const [id, value] of Object.entries(options.accountSecrets ?? {})) {
    if (!/^custsecret_[a-z0-9_]+$/i.test(id))
      throw new Error(`account secret "${id}": IDs start with custsecret_`);
    const declared = secrets.find((s) => s.scriptId.toLowerCase() === id.toLowerCase());
    if (!declared) secrets.push({ scriptId: id.toLowerCase(), value });
    else if (declared.value === undefined) declared.value = value;
  }

  // Each <run> must name an installation script of the project and one of its deployments.
  for (const entry of deployPaths.run) {
    const script = scripts.find((s) => s.scriptId === entry.scriptId);
    const where = `<run>/<script>/<path>${entry.path}`;
    if (!script) throw new SdfError("src/deploy.xml", where, `no object ${entry.scriptId} in the project`);
    if (script.type !== "sdfinstallationscript") {
      throw new SdfError(
        "src/deploy.xml",
        where,
        `${entry.scriptId} is a ${script.type}, not an sdfinstallationscript`,
      );
    }
    if (!script.deployments.some((d) => d.scriptId === entry.deploymentId)) {
      throw new SdfError(
        "src/deploy.xml",
        `<run>/<script>/<deployment>${entry.deploymentId}`,
        `${entry.scriptId} has no such deployment`,
      );
    }
  }

  return {
    dir: root,
    manifest,
    fileCabinet,
    deployPaths,
    entityFields: entityFields.sort(byId),
    customRecordTypes: customRecordTypes.sort(byId),
    scripts: scripts.sort(byId),
    secrets,
    savedSearches: savedSearches.sort(byId),
  };
}

/** Every `*.xml` under src/Objects, sub-folders included, in a stable order. */
function objectFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...objectFiles(path));
    else if (name.endsWith(".xml")) out.push(path);
  }
  return out;
}
