/** Values for `<secret>` objects: never in the project itself, so from a local file or the environment. */
import { existsSync, readFileSync } from "node:fs";
import type { SecretDef } from "./types.js";

export interface SecretSources {
  /** Absolute path of the JSON file and whether the caller named it (then it must exist). */
  file: string;
  explicit: boolean;
  env: Record<string, string | undefined>;
  /** The file's name as error messages show it. */
  display: string;
}

/** `NSS_SECRET_CUSTSECRET_X` for `custsecret_x`. */
export function secretEnvName(scriptId: string): string {
  return `NSS_SECRET_${scriptId.toUpperCase()}`;
}

export function resolveSecrets(ids: readonly string[], sources: SecretSources): SecretDef[] {
  const fromFile = readSecretsFile(sources);
  for (const key of Object.keys(fromFile)) {
    // A value for a secret the project does not declare is most likely a typo in either place.
    if (!ids.includes(key)) throw new Error(`${sources.display}: "${key}" is not a secret of this project`);
  }
  return ids.map((scriptId) => {
    const value = sources.env[secretEnvName(scriptId)] ?? fromFile[scriptId];
    return value === undefined ? { scriptId } : { scriptId, value };
  });
}

function readSecretsFile(sources: SecretSources): Record<string, string> {
  if (!existsSync(sources.file)) {
    if (sources.explicit) throw new Error(`${sources.display}: secrets file not found`);
    return {};
  }
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(sources.file, "utf8"));
  } catch (e) {
    throw new Error(`${sources.display}: not valid JSON (${(e as Error).message})`);
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new Error(`${sources.display}: expected an object { "custsecret_x": "value" }`);
  }
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(data)) {
    if (typeof value !== "string") throw new Error(`${sources.display}: value of "${key}" must be a string`);
    out[key] = value;
  }
  return out;
}
