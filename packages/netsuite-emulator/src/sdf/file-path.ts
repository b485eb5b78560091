/** File Cabinet paths as scripts name them: `./x_cs.js` relative to the naming script's file, `SuiteScripts/x.js`, `/SuiteApps/…`. */
import { posix } from "node:path";

/** The absolute File Cabinet path (`/SuiteApps/a/x_cs.js`) of `path` named by the script file `fromFile`. */
export function resolveModulePath(path: string, fromFile: string): string {
  const withJs = path.endsWith(".js") ? path : `${path}.js`;
  if (withJs.startsWith("./") || withJs.startsWith("../")) {
    return posix.normalize(posix.join(posix.dirname(fromFile), withJs));
  }
  return posix.normalize(withJs.startsWith("/") ? withJs : `/${withJs}`);
}
