/** The NetSuite side: the SuiteApp in a NetSuite emulator account, with exactly the API secrets given. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { type ClockOptions, NetSuiteEmulator, type RoleSpec, type UserSpec } from "@nss/netsuite-emulator";
import { suiteAppProject } from "./project.js";
import { CERT } from "./tls.js";

export interface NetSuiteOptions {
  /** The SDF project (default: the built SuiteApp, this package). */
  projectDir?: string;
  /** The account's SQLite file (default `netsuite.sqlite` in the system's folder). */
  db?: string;
  /** Who UI-style calls act as unless a call names another (default the Administrator). */
  user?: UserSpec;
  /** Roles the account has besides the standard ones and the project's (made by its administrator). */
  roles?: readonly RoleSpec[];
  /** The account's enabled features (default: OneWorld). */
  features?: readonly string[];
  /** NetSuite's clock: traces of round trips, modelled time (off by default). */
  clock?: ClockOptions;
  /** N/https's timeout, ms. */
  httpTimeoutMs?: number;
  /** Run the installation scripts on open (default true). */
  install?: boolean;
  /** Serve the account over HTTP (app and forms domains), on these ports (default any free ones). */
  serve?: true | { port?: number; formsPort?: number };
}

/** API secrets as the emulator's CLI reads them from its environment: `NSS_SECRET_<ID>=value`. */
export const secretEnv = (secrets: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(secrets).map(([id, value]) => [`NSS_SECRET_${id.toUpperCase()}`, value]));

/**
 * Opens the account on `db` with exactly `secrets` as its API secrets: never the environment's
 * `NSS_SECRET_*` nor a developer's own `.secrets.json` (an empty secrets file is written in `dir`).
 */
export async function openNetSuite(
  options: NetSuiteOptions & { dir: string; db: string; secrets: Record<string, string> },
): Promise<NetSuiteEmulator> {
  const secretsFile = join(options.dir, "netsuite-secrets.json");
  writeFileSync(secretsFile, "{}\n");
  return NetSuiteEmulator.open({
    projectDir: options.projectDir ?? suiteAppProject(),
    db: options.db,
    env: {},
    secretsFile,
    accountSecrets: options.secrets,
    httpsCa: CERT,
    ...(options.user ? { user: options.user } : {}),
    ...(options.roles ? { roles: [...options.roles] } : {}),
    ...(options.features ? { features: options.features } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.httpTimeoutMs !== undefined ? { httpTimeoutMs: options.httpTimeoutMs } : {}),
    ...(options.install !== undefined ? { install: options.install } : {}),
  });
}
