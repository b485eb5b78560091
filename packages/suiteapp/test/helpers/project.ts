/** The built SuiteApp's files, and the secrets the installation tests open it with. */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { APP_DIR, PACKAGE_DIR } from "@nss/suiteapp/system";

export { APP_DIR, suiteAppProject as emulatorProjectDir } from "@nss/suiteapp/system";

/** Secret values for tests: the shipped example, never a developer's own `.secrets.json`. */
export const SECRETS_FILE = join(PACKAGE_DIR, "secrets.example.json");

/** Every built SuiteScript file, relative to the app folder (`nss_install.js`, `lib/x.js`). */
export function builtFiles(dir = APP_DIR, prefix = ""): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) out.push(...builtFiles(join(dir, entry.name), `${prefix}${entry.name}/`));
    else if (entry.name.endsWith(".js")) out.push(`${prefix}${entry.name}`);
  }
  return out.sort();
}
