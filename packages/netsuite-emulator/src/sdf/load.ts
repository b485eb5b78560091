/**
 * Loads an SDF project (the folder holding src/manifest.xml, src/deploy.xml, src/Objects, src/FileCabinet)
 * into the model the runtime runs. Every object is first checked against Oracle's SDF XML reference
 * (validate.ts); every problem of every file is reported at once, each naming the file and the element,
 * e.g. `src/Objects/custentity_x.xml: <entitycustomfield>: "INLINE" is not an allowed value; allowed: …`.
 * Object types the emulator does not model are listed in `skipped`, not fatal, unless something the
 * emulator loads refers to one.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative, resolve, sep } from "node:path";
import type { RoleSpec } from "../account/roles.js";
import { parseEntityField, parseRecordType, scriptIdOf } from "./fields.js";
import { parseDeploy, parseManifest } from "./manifest.js";
import { Node, SdfError, SdfValidationError } from "./node.js";
import { OBJECT_SPECS, UNMODELLED_TYPES } from "./reference/index.js";
import { parseRole } from "./roles.js";
import { PREFIX } from "./schema.js";
import { isScriptType, parseScript } from "./scripts.js";
import type { CustomFieldDef, CustomRecordTypeDef, Project, SavedSearchDef, ScriptDef } from "./types.js";
import { type SdfIssue, validateObject } from "./validate.js";
import { parseXml, XmlSyntaxError } from "./xml.js";

/** Oracle's guidance on `<secret>` objects, for the refusal. */
const SECRET_REFUSAL =
  "an API secret is created in each account by its administrator (Setup > Company > Preferences > API Secrets), " +
  "not deployed: a project that ships one fails to deploy where the secret is missing ('Referenced secret … is not " +
  "available', oracle/netsuite-suitecloud-sdk#370) and where it exists ('An object with script ID … already exists', " +
  "#1070), and a secret can only be updated in the account that created it (Secrets Management). Remove this " +
  "file; scripts name the secret by its ID";

export function loadProject(dir: string): Project {
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
  const savedSearches: SavedSearchDef[] = [];
  const roles: RoleSpec[] = [];
  const skipped: NonNullable<Project["skipped"]> = [];
  const seen = new Map<string, string>();

  // First every file against the reference, so one run reports every problem.
  const nodes: Node[] = [];
  const issues: SdfIssue[] = [];
  for (const file of objectFiles(join(src, "Objects"))) {
    const node = readRoot(file);
    const id = node.attr("scriptid");
    const where = { file: node.file, element: node.path, source: OBJECT_SPECS[node.name]?.source ?? "" };
    // "The script ID for an SDF custom object must match that object's XML filename." (SDF Custom Object File Structure)
    if (id !== undefined && basename(file, ".xml") !== id) {
      issues.push({ ...where, detail: `scriptid "${id}" does not match the file name ${basename(file)}` });
    }
    if (id !== undefined) {
      const other = seen.get(id);
      if (other !== undefined)
        issues.push({ ...where, detail: `scriptid "${id}" is also defined in ${other}` });
      seen.set(id, rel(file));
    }
    const spec = OBJECT_SPECS[node.name];
    if (spec === undefined) {
      const known = UNMODELLED_TYPES.some((t) => t.root === node.name);
      if (known)
        skipped.push({ file: node.file, type: node.name, ...(id !== undefined ? { scriptId: id } : {}) });
      else issues.push({ ...where, detail: `<${node.name}> is not an SDF object type` });
      continue;
    }
    if (node.name === "secret") {
      issues.push({ ...where, detail: SECRET_REFUSAL });
      continue;
    }
    const parameterIds = new Set(
      node.el.children
        .find((c) => c.name === "scriptcustomfields")
        ?.children.map((c) => c.attrs.scriptid ?? "")
        .filter(Boolean) ?? [],
    );
    issues.push(...validateObject(node.el, spec, node.file, { parameterIds }));
    nodes.push(node);
  }
  if (issues.length > 0) throw new SdfValidationError(issues);

  for (const node of nodes) {
    const type = node.name;
    if (isScriptType(type)) scripts.push(parseScript(node, type, fileCabinet));
    else if (type === "entitycustomfield") entityFields.push(parseEntityField(node));
    else if (type === "customrecordtype") customRecordTypes.push(parseRecordType(node));
    else if (type === "role") roles.push(parseRole(node));
    else if (type === "savedsearch") {
      const scriptId = scriptIdOf(node, PREFIX.savedSearch);
      savedSearches.push({ scriptId, xml: readFileSync(join(root, node.file), "utf8") });
    }
  }
  const byId = <T extends { scriptId: string }>(a: T, b: T): number => a.scriptId.localeCompare(b.scriptId);
  checkReferences(nodes, skipped);

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
    savedSearches: savedSearches.sort(byId),
    roles,
    skipped,
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

/**
 * Every `[scriptid=…]` reference must name an object of the project (SDF validation refuses a reference
 * it cannot resolve; objects outside the project are named with `appid=` or `bundleid=`, or in the
 * manifest's dependencies). A reference to an object type the emulator skipped cannot run here.
 */
function checkReferences(nodes: readonly Node[], skipped: NonNullable<Project["skipped"]>): void {
  const ids = new Set<string>();
  const collect = (el: Node["el"]): void => {
    if (el.attrs.scriptid) ids.add(el.attrs.scriptid);
    for (const c of el.children) collect(c);
  };
  for (const n of nodes) collect(n.el);
  const skippedIds = new Map(skipped.flatMap((s) => (s.scriptId ? [[s.scriptId, s.type] as const] : [])));
  const issues: SdfIssue[] = [];
  const visit = (el: Node["el"], node: Node, path: string): void => {
    for (const c of el.children) {
      const at = `${path}/<${c.name}>`;
      for (const m of c.text.matchAll(/\[([^\]]*)\]/g)) {
        const parts = (m[1] ?? "").split(",").map((p) => p.trim());
        if (parts.some((p) => p.startsWith("appid=") || p.startsWith("bundleid="))) continue;
        const id = parts
          .find((p) => p.startsWith("scriptid="))
          ?.slice("scriptid=".length)
          .split(".")[0];
        if (id === undefined || ids.has(id)) continue;
        const type = skippedIds.get(id);
        issues.push({
          file: node.file,
          element: at,
          detail: type
            ? `refers to ${id}, a ${type}, which the emulator does not model (UNSUPPORTED_BY_EMULATOR)`
            : `refers to ${id}, which is not an object of the project`,
          source: "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/bridgehead_24076946.html",
        });
      }
      visit(c, node, at);
    }
  };
  for (const n of nodes) visit(n.el, n, n.path);
  if (issues.length > 0) throw new SdfValidationError(issues);
}
