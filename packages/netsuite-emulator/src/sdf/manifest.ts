/** `src/manifest.xml` and `src/deploy.xml`. */
import type { Node } from "./node.js";
import type { Manifest, Project } from "./types.js";

const MANIFEST_ELEMENTS = new Set([
  "publisherid",
  "projectid",
  "projectname",
  "projectversion",
  "frameworkversion",
  "dependencies",
]);
/**
 * Dependency kinds ("Manually Defining Feature Dependencies…", "…SDF Custom Object Dependencies in a SuiteApp…",
 * "…Bundle Object Dependencies…" in Oracle's SDF docs). Only features are modelled: the others name things
 * outside the project, which a script using them will not find in the emulator.
 */
const DEPENDENCY_ELEMENTS = new Set(["features", "objects", "files", "applications", "bundles"]);

export function parseManifest(root: Node): Manifest {
  if (root.name !== "manifest") root.fail("expected <manifest> as the root element");
  root.expectOnly(MANIFEST_ELEMENTS);
  const projectType = root.attr("projecttype");
  if (projectType !== "SUITEAPP" && projectType !== "ACCOUNTCUSTOMIZATION") {
    root.fail(`projecttype must be SUITEAPP or ACCOUNTCUSTOMIZATION, found "${projectType ?? ""}"`);
  }
  const features: Manifest["features"] = [];
  const deps = root.child("dependencies");
  if (deps !== undefined) {
    deps.expectOnly(DEPENDENCY_ELEMENTS);
    const list = deps.child("features");
    if (list !== undefined) {
      list.expectOnly(new Set(["feature"]));
      for (const f of list.all("feature")) {
        const required = f.attr("required");
        if (required !== "true" && required !== "false") {
          f.fail(`required must be "true" or "false", found "${required ?? ""}"`);
        }
        if (f.text === "") f.fail("empty feature name");
        features.push({ name: f.text, required: required === "true" });
      }
    }
  }
  // A SuiteApp is identified by publisherid.projectid, so both are required for one.
  const publisherId = projectType === "SUITEAPP" ? root.required("publisherid") : root.value("publisherid");
  const projectId = projectType === "SUITEAPP" ? root.required("projectid") : root.value("projectid");
  const version = root.value("projectversion");
  return {
    projectType,
    ...(publisherId !== undefined ? { publisherId } : {}),
    ...(projectId !== undefined ? { projectId } : {}),
    projectName: root.required("projectname"),
    ...(version !== undefined ? { projectVersion: version } : {}),
    frameworkVersion: root.required("frameworkversion"),
    features,
  };
}

/**
 * deploy.xml sections (SuiteCloud Project Deployment Preparation). `run` names the SDF installation
 * scripts that run on deploy ("Deploy File that Runs SDF Installation Script Example"); configuration
 * and translations are not modelled.
 */
const DEPLOY_ELEMENTS = new Set(["configuration", "files", "objects", "translationimports", "run"]);

export function parseDeploy(root: Node): Project["deployPaths"] {
  if (root.name !== "deploy") root.fail("expected <deploy> as the root element");
  root.expectOnly(DEPLOY_ELEMENTS);
  // Oracle's examples repeat <objects> (deployed in order): read every occurrence.
  const paths = (section: string): string[] =>
    root.all(section).flatMap((node) => {
      node.expectOnly(new Set(["path"]));
      return node.all("path").map((p) => (p.text === "" ? p.fail("empty path") : p.text));
    });
  const run = root.all("run").flatMap((node) => {
    node.expectOnly(new Set(["script"]));
    return node.all("script").map((script) => {
      script.expectOnly(new Set(["path", "deployment"]));
      const path = script.required("path");
      const deploymentId = script.required("deployment");
      const scriptId =
        /([^/]+)\.xml$/.exec(path)?.[1] ?? script.fail(`<path> ${path} is not an object XML file`);
      return { path, scriptId, deploymentId };
    });
  });
  return { files: paths("files"), objects: paths("objects"), run };
}
