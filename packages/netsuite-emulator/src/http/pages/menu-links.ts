/**
 * The center links Suitelet deployments define in SDF (`<scriptdeployment>` `<links><link>`:
 * `linkcategory`, `linklabel`, `linktasktype`; Oracle's SDF XML reference, suitelet > scriptdeployment
 * > link, SDFxml_4286557755, and the list suiteletdeployment_tasktype, SDFxml_3099417013: SCRIPT).
 * "The linkcategory element represents a combination of the Center and Section columns in the NetSuite
 * UI" ("Custom Record Type Object Links", section_1532209471): in NetSuite the link is a menu item of
 * that center's section. The emulator has one center, so every link is an item of the header's
 * "SuiteApp" menu and of the home page's Links list, with its category shown, and opens the
 * Suitelet's internal URL.
 *
 * The loader has already checked each `<link>` against the reference (sdf/validate.ts: linkcategory
 * required and one of generic_centercategory, linktasktype SCRIPT); the project model keeps no links,
 * so they are read here from the deployment's object file. Only deployed deployments (`isdeployed` T)
 * get a link. A link without `linklabel` shows the deployment's title: the emulator's choice (Oracle's
 * pages do not say what NetSuite shows then).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Project } from "../../sdf/types.js";
import { parseXml, type XmlElement } from "../../sdf/xml.js";

export interface MenuLink {
  label: string;
  /** `linkcategory` (generic_centercategory), e.g. BASICSETUPCUSTOM. */
  category: string;
  /** `linktasktype` when given (SCRIPT). */
  taskType?: string;
  scriptId: string;
  deploymentId: string;
  /** The Suitelet's internal URL. */
  href: string;
}

const SUITELET_PATH = "/app/site/hosting/scriptlet.nl";

/** Object files by file name (an object's file is named after its script ID). */
function objectFiles(dir: string, out = new Map<string, string>()): Map<string, string> {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) objectFiles(path, out);
    else if (name.endsWith(".xml")) out.set(name.slice(0, -4).toLowerCase(), path);
  }
  return out;
}

const child = (el: XmlElement, name: string) => el.children.find((c) => c.name === name);

export function suiteletLinks(project: Project): MenuLink[] {
  const files = objectFiles(join(project.dir, "src", "Objects"));
  const links: MenuLink[] = [];
  for (const script of project.scripts) {
    if (script.type !== "suitelet") continue;
    const file = files.get(script.scriptId.toLowerCase());
    if (!file) continue;
    const root = parseXml(readFileSync(file, "utf8"));
    for (const el of child(root, "scriptdeployments")?.children ?? []) {
      const deployment = script.deployments.find(
        (d) => d.scriptId.toLowerCase() === (el.attrs.scriptid ?? "").toLowerCase(),
      );
      if (!deployment?.isDeployed) continue;
      for (const link of child(el, "links")?.children.filter((c) => c.name === "link") ?? []) {
        const category = child(link, "linkcategory")?.text ?? "";
        const taskType = child(link, "linktasktype")?.text;
        links.push({
          label: child(link, "linklabel")?.text || deployment.title,
          category,
          ...(taskType ? { taskType } : {}),
          scriptId: script.scriptId,
          deploymentId: deployment.scriptId,
          href: `${SUITELET_PATH}?script=${encodeURIComponent(script.scriptId)}&deploy=${encodeURIComponent(deployment.scriptId)}`,
        });
      }
    }
  }
  return links;
}
