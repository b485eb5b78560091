/** File Cabinet paths as scripts name them: `./x_cs.js` relative to the naming script's file, `SuiteScripts/x.js`, `/SuiteApps/…`. */
import { posix } from "node:path";
import { NsError } from "../errors.js";
import type { Manifest } from "./types.js";

/** The absolute File Cabinet path (`/SuiteApps/a/x_cs.js`) of `path` named by the script file `fromFile`. */
export function resolveModulePath(path: string, fromFile: string): string {
  const withJs = path.endsWith(".js") ? path : `${path}.js`;
  if (withJs.startsWith("./") || withJs.startsWith("../")) {
    return posix.normalize(posix.join(posix.dirname(fromFile), withJs));
  }
  return posix.normalize(withJs.startsWith("/") ? withJs : `/${withJs}`);
}

/**
 * A form's `clientScriptModulePath`. In a SuiteApp it must be the full File Cabinet path: "When using
 * form.clientScriptModulePath in a SuiteApp, you MUST use the full File Cabinet path (for example,
 * /SuiteApps/com.publisher.appid/scripts/my_cs.js), NOT a relative path like ./my_cs.js. Relative paths
 * work in Account Customization projects but NOT in SuiteApps" (Oracle's netsuite-sdf-safe-guide, in
 * oracle/netsuite-suitecloud-sdk; the symptom there: the button shows and its click does nothing, as
 * the module never loads). The emulator fails when the form is built, with the loader's error.
 */
export function clientScriptPath(path: string, fromFile: string, manifest: Manifest): string {
  const relativePath = path.startsWith("./") || path.startsWith("../");
  if (relativePath && manifest.projectType === "SUITEAPP") {
    const full = resolveModulePath(path, fromFile);
    throw new NsError(
      "MODULE_DOES_NOT_EXIST",
      `clientScriptModulePath "${path}" (from ${fromFile}) is relative: a SuiteApp's client script is found only by its full File Cabinet path, "${full}".`,
    );
  }
  return resolveModulePath(path, fromFile);
}
