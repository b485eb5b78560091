/**
 * N/runtime (Oracle: "N/runtime Module", "runtime.Script", "runtime.User"). Everything comes from
 * the invocation's RuntimeInfo; usage from the governance meter.
 */
import { unsupported } from "../../errors.js";
import type { ScriptEnv } from "../env.js";
import { enumOf, options, required, withUnsupported } from "./util.js";

export const ContextType = enumOf({
  ACTION: "ACTION",
  ADVANCEDREVREC: "ADVANCEDREVREC",
  BANKCONNECTIVITY: "BANKCONNECTIVITY",
  BUNDLE_INSTALLATION: "BUNDLE_INSTALLATION",
  CLIENT: "CLIENT",
  CONSOLRATEADJUSTOR: "CONSOLRATEADJUSTOR",
  CSV_IMPORT: "CSVIMPORT",
  CUSTOM_MASSUPDATE: "CUSTOMMASSUPDATE",
  DEBUGGER: "DEBUGGER",
  EMAIL_CAPTURE: "EMAILCAPTURE",
  MAP_REDUCE: "MAPREDUCE",
  PAYMENTGATEWAY: "PAYMENTGATEWAY",
  PORTLET: "PORTLET",
  REST_WEBSERVICES: "RESTWEBSERVICES",
  RESTLET: "RESTLET",
  SCHEDULED: "SCHEDULED",
  SDF_INSTALLATION: "SDF_INSTALLATION",
  SUITELET: "SUITELET",
  USER_INTERFACE: "USERINTERFACE",
  USEREVENT: "USEREVENT",
  WEBSERVICES: "WEBSERVICES",
  WEBSTORE: "WEBSTORE",
  WORKFLOW: "WORKFLOW",
});

export const EnvType = enumOf({
  BETA: "BETA",
  INTERNAL: "INTERNAL",
  PRODUCTION: "PRODUCTION",
  SANDBOX: "SANDBOX",
});

export const Permission = enumOf({ FULL: "4", EDIT: "3", CREATE: "2", VIEW: "1", NONE: "0" });

/** The user's preferences the emulator fixes (N/format uses the same). */
const PREFERENCES: Readonly<Record<string, string>> = {
  DATEFORMAT: "M/D/YYYY",
  TIMEFORMAT: "h:mm a",
  LONGDATEFORMAT: "MONTH D, YYYY",
  NUMBERFORMAT: "1,000,000.00",
  TIMEZONE: "Etc/GMT",
};

/**
 * Parameter values cross as strings (RuntimeInfo.script.parameters). Checkbox parameters are
 * stored "T"/"F" and SuiteScript 2.x returns them as booleans, so "T"/"F" become booleans.
 */
function parameterValue(raw: string | undefined): unknown {
  if (raw === undefined) return null;
  if (raw === "T") return true;
  if (raw === "F") return false;
  return raw;
}

export function createRuntimeModule(env: ScriptEnv): Record<string, unknown> {
  const info = env.invocation.runtime;
  const script = {
    id: info.script.id,
    deploymentId: info.script.deploymentId,
    logLevel: info.script.logLevel,
    apiVersion: info.script.apiVersion,
    bundleIds: [...info.script.bundleIds],
    getParameter(arg: unknown): unknown {
      const name = String(required(options(arg, "name"), "name", "Script.getParameter"));
      return parameterValue(info.script.parameters[name]);
    },
    getRemainingUsage(): number {
      return env.meter.remaining();
    },
    get percentComplete(): number {
      throw unsupported("N/runtime.Script.percentComplete");
    },
    set percentComplete(_value: number) {
      throw unsupported("N/runtime.Script.percentComplete");
    },
  };
  const user = {
    id: info.user.id,
    name: info.user.name,
    email: info.user.email,
    role: info.user.role,
    roleId: info.user.roleId,
    roleCenter: info.user.roleCenter,
    subsidiary: info.user.subsidiary,
    contact: 0,
    department: 0,
    location: 0,
    getPreference(arg: unknown): string | null {
      const name = String(required(options(arg, "name"), "name", "User.getPreference")).toUpperCase();
      return PREFERENCES[name] ?? null;
    },
  };
  withUnsupported(user, "N/runtime.User", ["getPermission"]);
  const module = {
    ContextType,
    EnvType,
    Permission,
    accountId: info.accountId,
    envType: info.envType,
    executionContext: info.executionContext,
    version: info.version,
    processorCount: 1,
    queueCount: 1,
    getCurrentScript: () => script,
    getCurrentUser: () => user,
    isFeatureInEffect(arg: unknown): boolean {
      const feature = String(required(options(arg, "feature"), "feature", "runtime.isFeatureInEffect"));
      return info.features.includes(feature.toUpperCase());
    },
  };
  return withUnsupported(module, "N/runtime", ["getCurrentSession"]);
}
