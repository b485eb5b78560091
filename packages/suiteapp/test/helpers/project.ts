/** The SuiteApp's SDF project as the NetSuite emulator opens it: the package folder itself. */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const PACKAGE_DIR = fileURLToPath(new URL("../..", import.meta.url));
export const APP_DIR = join(PACKAGE_DIR, "src", "FileCabinet", "SuiteApps", "com.nss.stripesync");
/** Secret values for tests: the shipped example, never a developer's own `.secrets.json`. */
export const SECRETS_FILE = join(PACKAGE_DIR, "secrets.example.json");

/** The project folder, once the scripts are built (the emulator runs the built files). */
export function emulatorProjectDir(): string {
  if (!existsSync(APP_DIR) || !readdirSync(APP_DIR).some((f) => f.endsWith(".js"))) {
    throw new Error(`No built script in ${APP_DIR}: run \`npm run build\` first.`);
  }
  return PACKAGE_DIR;
}

/** Every built SuiteScript file, relative to the app folder (`nss_install.js`, `lib/x.js`). */
export function builtFiles(dir = APP_DIR, prefix = ""): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) out.push(...builtFiles(join(dir, entry.name), `${prefix}${entry.name}/`));
    else if (entry.name.endsWith(".js")) out.push(`${prefix}${entry.name}`);
  }
  return out.sort();
}
