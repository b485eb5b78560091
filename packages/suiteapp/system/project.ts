/** The SuiteApp's SDF project as the NetSuite emulator opens it: the package folder itself, once built. */
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { APP_FOLDER } from "@nss/suiteapp/ids";

/** The suiteapp package, which is the SDF project (this file runs as `dist/system/project.js`). */
export const PACKAGE_DIR = fileURLToPath(new URL("../../", import.meta.url));
/** Where `npm run build` writes the SuiteScript files. */
export const APP_DIR = join(PACKAGE_DIR, "src", "FileCabinet", APP_FOLDER);

/** The project folder, once its scripts are built (the emulator runs the built files). */
export function suiteAppProject(): string {
  if (!existsSync(APP_DIR) || !readdirSync(APP_DIR).some((f) => f.endsWith(".js"))) {
    throw new Error(`No built SuiteApp script in ${APP_DIR}: run \`npm run build\` first.`);
  }
  return PACKAGE_DIR;
}

/**
 * A copy of the project (built scripts included) in the folder `into`, whose deployment of `scriptId`
 * (a map/reduce) maps up to `limit` keys at once, as an administrator's concurrency limit does (the
 * emulator maps one at a time without it).
 */
export function projectWithConcurrency(into: string, scriptId: string, limit: number): string {
  cpSync(join(suiteAppProject(), "src"), join(into, "src"), { recursive: true });
  const file = join(into, "src", "Objects", "Scripts", `${scriptId}.xml`);
  const xml = readFileSync(file, "utf8");
  const changed = xml.replace(
    "<isdeployed>T</isdeployed>",
    `<concurrencylimit>${limit}</concurrencylimit>\n      <isdeployed>T</isdeployed>`,
  );
  if (changed === xml) throw new Error(`no deployment in ${file}`);
  writeFileSync(file, changed);
  return into;
}
