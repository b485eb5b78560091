/**
 * N/redirect (Oracle: "N/redirect Module", "redirect.redirect(options)", "redirect.toSuitelet(options)",
 * "redirect.toRecord(options)"). A call only records where to go: "the redirect happens after the
 * script finishes". The Suitelet adapter turns it into the response's redirect; user event beforeLoad
 * and afterSubmit return it in their output. Other script types record it and nothing reads it
 * (NetSuite supports the module only for Suitelets and UI user events).
 */
import type { SuiteletRedirect } from "../entry/types.js";
import type { ScriptEnv } from "../env.js";
import { options, required, withUnsupported } from "./util.js";

const PENDING = new WeakMap<ScriptEnv, SuiteletRedirect>();

/** The redirect this invocation's script set with N/redirect, if any (the last call wins). */
export function pendingRedirect(env: ScriptEnv): SuiteletRedirect | undefined {
  return PENDING.get(env);
}

export const REDIRECT_MODULE_UNSUPPORTED = [
  "toRecordTransform",
  "toSavedSearch",
  "toSavedSearchResult",
  "toSearch",
  "toSearchResult",
  "toTaskLink",
];

/** Parameters cannot be arrays (Oracle); every value becomes a string, null and undefined are left out. */
function parameters(value: unknown): Record<string, string> | undefined {
  if (value === null || typeof value !== "object") return undefined;
  const entries = Object.entries(value as Record<string, unknown>).filter(
    ([, v]) => v !== undefined && v !== null,
  );
  return Object.fromEntries(entries.map(([k, v]) => [k, String(v)]));
}

export function createRedirectModule(env: ScriptEnv): Record<string, unknown> {
  const set = (redirect: SuiteletRedirect, params: unknown) => {
    const p = parameters(params);
    PENDING.set(env, p ? { ...redirect, parameters: p } : redirect);
  };
  const module = {
    redirect(arg: unknown) {
      const o = options(arg);
      set({ type: "url", identifier: String(required(o, "url", "redirect.redirect")) }, o.parameters);
    },
    toSuitelet(arg: unknown) {
      const o = options(arg);
      const scriptId = String(required(o, "scriptId", "redirect.toSuitelet"));
      const deploymentId = String(required(o, "deploymentId", "redirect.toSuitelet"));
      const r: SuiteletRedirect = { type: "SUITELET", identifier: scriptId, deploymentId };
      if (o.isExternal !== undefined && o.isExternal !== null) r.isExternal = o.isExternal === true;
      set(r, o.parameters);
    },
    toRecord(arg: unknown) {
      const o = options(arg);
      const type = String(required(o, "type", "redirect.toRecord"));
      const id = String(required(o, "id", "redirect.toRecord"));
      set({ type: "RECORD", identifier: type, id, editMode: o.isEditMode === true }, o.parameters);
    },
  };
  return withUnsupported(module, "N/redirect", REDIRECT_MODULE_UNSUPPORTED);
}
