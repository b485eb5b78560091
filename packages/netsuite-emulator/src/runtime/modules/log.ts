/**
 * N/log (Oracle: "N/log Module", "log.debug(options)"): `log.debug(title, details)` or
 * `log.debug({title, details})`. Entries below the deployment's log level are not recorded, as
 * NetSuite does (DEBUG < AUDIT < ERROR < EMERGENCY). Titles are cut at 99 characters and details at
 * 3,999 (the documented maximums). This object is also the script's `log` global.
 */
import type { HostServices } from "../contracts.js";
import type { ScriptEnv } from "../env.js";

type Level = Parameters<HostServices["log.write"]>[0]["level"];

const RANK: Record<Level, number> = { DEBUG: 0, AUDIT: 1, ERROR: 2, EMERGENCY: 3 };
const TITLE_MAX = 99;
const DETAILS_MAX = 3999;

/** Objects (and SuiteScriptErrors, via their toJSON) are JSON-stringified; strings kept as given. */
export function stringifyDetails(details: unknown): string {
  if (details === undefined) return "";
  if (typeof details === "string") return details;
  if (details === null || typeof details !== "object") return String(details);
  try {
    return JSON.stringify(details) ?? String(details);
  } catch {
    return String(details);
  }
}

function isOptionsForm(first: unknown, argc: number): first is { title?: unknown; details?: unknown } {
  return (
    argc === 1 && first !== null && typeof first === "object" && ("title" in first || "details" in first)
  );
}

export function createLogModule(env: ScriptEnv): Record<string, unknown> {
  const configured = String(env.invocation.runtime.script.logLevel ?? "DEBUG").toUpperCase() as Level;
  const threshold = RANK[configured] ?? 0;
  const write =
    (level: Level) =>
    (...args: unknown[]): void => {
      if (RANK[level] < threshold) return;
      const [first, second] = args;
      const { title, details } = isOptionsForm(first, args.length)
        ? first
        : { title: first, details: second };
      env.call("log.write", {
        level,
        title: stringifyDetails(title).slice(0, TITLE_MAX),
        details: stringifyDetails(details).slice(0, DETAILS_MAX),
      });
    };
  return {
    debug: write("DEBUG"),
    audit: write("AUDIT"),
    error: write("ERROR"),
    emergency: write("EMERGENCY"),
  };
}
