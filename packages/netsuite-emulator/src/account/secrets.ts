/**
 * The account's API secrets (Setup > Company > Preferences > API Secrets): created by its administrator,
 * never deployed with a project ("A secret can only be updated in the same account where it was
 * created", Oracle, "Secrets Management", article_160216486846). Here they come from a JSON file
 * (default `<project>/.secrets.json`), `NSS_SECRET_<ID>` environment variables and the emulator's
 * options, each with the restrictions an administrator sets on the secret's Restrictions tab (Oracle,
 * "Access to Secrets", section_160337298977): Restrict to Scripts, Available to SuiteApp, Restrict to
 * Domains.
 *
 * File: `{ "custsecret_x": "value" }`, or with restrictions
 * `{ "custsecret_x": { "value": "…", "scripts": ["customscript_a"], "suiteApp": "com.x.app", "domains": ["api.stripe.com"] } }`.
 *
 * NetSuite documents what a secret is and who may use it, but not the error a script gets when it names
 * one that does not exist or may not use one (public reports neither). The request fails: the
 * emulator's errors carry names of its own, EMULATOR_SECRET_NOT_FOUND and EMULATOR_SECRET_RESTRICTED,
 * so that nothing mistakes them for NetSuite's.
 */
import { existsSync, readFileSync } from "node:fs";
import { NsError } from "../errors.js";

export interface SecretEntry {
  value: string;
  /** Restrict to Scripts: only these scripts (script IDs) may use it. */
  scripts?: string[];
  /** Available to SuiteApp: only scripts of this SuiteApp (`publisherid.projectid`) may use it. */
  suiteApp?: string;
  /** Restrict to Domains: the request's host must be one of these. */
  domains?: string[];
}

export interface SecretSources {
  /** Absolute path of the JSON file and whether the caller named it (then it must exist). */
  file: string;
  explicit: boolean;
  /** The file's name as messages show it. */
  display: string;
  /** `NSS_SECRET_CUSTSECRET_X=value`. */
  env: Record<string, string | undefined>;
  /** Secrets given in code (the emulator's `accountSecrets` option): win over the file and environment. */
  given?: Record<string, string | SecretEntry>;
}

/** Who uses a secret, for its restrictions. */
export interface SecretUse {
  scriptId: string;
  /** The script's SuiteApp, `publisherid.projectid` (undefined for an account customization project). */
  appId: string | undefined;
  /** The request's URL. */
  url: string;
}

const ID = /^custsecret_[a-z0-9_]+$/;
const ENV_PREFIX = "NSS_SECRET_";

/** `NSS_SECRET_CUSTSECRET_X` for `custsecret_x`. */
export function secretEnvName(scriptId: string): string {
  return `${ENV_PREFIX}${scriptId.toUpperCase()}`;
}

export class AccountSecrets {
  private constructor(private readonly entries: ReadonlyMap<string, SecretEntry>) {}

  static load(sources: SecretSources): AccountSecrets {
    const entries = new Map<string, SecretEntry>();
    const put = (id: string, raw: unknown, where: string) => {
      const key = id.toLowerCase();
      if (!ID.test(key))
        throw new Error(`${where}: "${id}" is not an API secret ID (custsecret_ followed by a-z, 0-9, _)`);
      entries.set(key, entryOf(raw, `${where}: ${key}`));
    };
    for (const [id, raw] of Object.entries(readFile(sources))) put(id, raw, sources.display);
    for (const [name, value] of Object.entries(sources.env)) {
      if (name.startsWith(ENV_PREFIX) && value !== undefined) put(name.slice(ENV_PREFIX.length), value, name);
    }
    for (const [id, raw] of Object.entries(sources.given ?? {})) put(id, raw, "accountSecrets");
    return new AccountSecrets(entries);
  }

  ids(): string[] {
    return [...this.entries.keys()].sort();
  }

  has(id: string): boolean {
    return this.entries.has(id.toLowerCase());
  }

  /** The secret's value for this use, or the reason it may not be used. */
  resolve(id: string, use: SecretUse): string {
    const key = id.toLowerCase();
    const entry = this.entries.get(key);
    if (entry === undefined) {
      throw new NsError(
        "EMULATOR_SECRET_NOT_FOUND",
        `The account has no API secret ${key}. Create it at Setup > Company > Preferences > API Secrets (locally: .secrets.json or ${secretEnvName(key)}).`,
      );
    }
    const refuse = (why: string) =>
      new NsError("EMULATOR_SECRET_RESTRICTED", `API secret ${key} may not be used here: ${why}.`);
    if (entry.scripts && !entry.scripts.some((s) => s.toLowerCase() === use.scriptId.toLowerCase())) {
      throw refuse(`Restrict to Scripts does not list ${use.scriptId}`);
    }
    if (entry.suiteApp && entry.suiteApp.toLowerCase() !== (use.appId ?? "").toLowerCase()) {
      throw refuse(
        `it is available to the SuiteApp ${entry.suiteApp} only, and ${use.scriptId} is not part of it`,
      );
    }
    if (entry.domains) {
      let host = "";
      try {
        host = new URL(use.url).hostname.toLowerCase();
      } catch {
        // A malformed URL fails on its own right after.
      }
      if (!entry.domains.some((d) => d.toLowerCase() === host)) {
        throw refuse(`Restrict to Domains allows ${entry.domains.join(", ")}, not ${host || use.url}`);
      }
    }
    return entry.value;
  }
}

function entryOf(raw: unknown, where: string): SecretEntry {
  if (typeof raw === "string") return { value: raw };
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new Error(`${where}: expected a string or { "value": "…", "scripts"?, "suiteApp"?, "domains"? }`);
  }
  const o = raw as Record<string, unknown>;
  if (typeof o.value !== "string") throw new Error(`${where}: "value" must be a string`);
  const list = (name: string): string[] | undefined => {
    const v = o[name];
    if (v === undefined) return undefined;
    if (!Array.isArray(v) || !v.every((x) => typeof x === "string")) {
      throw new Error(`${where}: "${name}" must be a list of strings`);
    }
    return v as string[];
  };
  const unknown = Object.keys(o).filter((k) => !["value", "scripts", "suiteApp", "domains"].includes(k));
  if (unknown.length > 0) throw new Error(`${where}: unknown ${unknown.join(", ")}`);
  if (o.suiteApp !== undefined && typeof o.suiteApp !== "string") {
    throw new Error(`${where}: "suiteApp" must be a string`);
  }
  const scripts = list("scripts");
  const domains = list("domains");
  return {
    value: o.value,
    ...(scripts ? { scripts } : {}),
    ...(typeof o.suiteApp === "string" ? { suiteApp: o.suiteApp } : {}),
    ...(domains ? { domains } : {}),
  };
}

function readFile(sources: SecretSources): Record<string, unknown> {
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
  return data as Record<string, unknown>;
}
