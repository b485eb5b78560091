/** N/log, N/runtime and N/error in the browser: small, and honest about what the page cannot know. */
import { NsError, options, unsupported } from "../errors.js";
import { readPage } from "../page.js";

type Level = "DEBUG" | "AUDIT" | "ERROR" | "EMERGENCY";
const CONSOLE: Record<Level, "debug" | "info" | "error"> = {
  DEBUG: "debug",
  AUDIT: "info",
  ERROR: "error",
  EMERGENCY: "error",
};

/** NetSuite keeps no server-side record of client script logs; the console is where they go. */
function logger(level: Level) {
  return (arg: unknown, details?: unknown): void => {
    const o =
      arg !== null && typeof arg === "object" && ("title" in arg || "details" in arg)
        ? (arg as { title?: unknown; details?: unknown })
        : { title: arg, details };
    console[CONSOLE[level]](`[N/log ${level}]`, o.title ?? "", o.details ?? "");
  };
}

export function createLogModule(): Record<string, unknown> {
  return {
    debug: logger("DEBUG"),
    audit: logger("AUDIT"),
    error: logger("ERROR"),
    emergency: logger("EMERGENCY"),
  };
}

const ContextType = Object.freeze({
  USER_INTERFACE: "USERINTERFACE",
  SUITELET: "SUITELET",
  CLIENT: "CLIENT",
  USEREVENT: "USEREVENT",
  SCHEDULED: "SCHEDULED",
  MAP_REDUCE: "MAPREDUCE",
  RESTLET: "RESTLET",
  WEBSERVICES: "WEBSERVICES",
  CSV_IMPORT: "CSVIMPORT",
});
const EnvType = Object.freeze({
  SANDBOX: "SANDBOX",
  PRODUCTION: "PRODUCTION",
  BETA: "BETA",
  INTERNAL: "INTERNAL",
});

export function createRuntimeModule(): Record<string, unknown> {
  return {
    ContextType,
    EnvType,
    executionContext: ContextType.USER_INTERFACE,
    get accountId() {
      return readPage().accountId;
    },
    envType: EnvType.PRODUCTION,
    getCurrentUser: () => ({
      id: -5,
      name: "Administrator",
      email: "",
      role: 3,
      roleId: "administrator",
      roleCenter: "BASIC",
      subsidiary: 1,
      department: 0,
      location: 0,
      contact: 0,
      getPermission: () => {
        throw unsupported("N/runtime.User.getPermission");
      },
      getPreference: () => {
        throw unsupported("N/runtime.User.getPreference");
      },
    }),
    // Script parameters are not on the page: the #ns-page JSON would have to carry them.
    getCurrentScript: () => {
      throw unsupported("N/runtime.getCurrentScript");
    },
    getCurrentSession: () => {
      throw unsupported("N/runtime.getCurrentSession");
    },
    isFeatureInEffect: () => {
      throw unsupported("N/runtime.isFeatureInEffect");
    },
  };
}

export function createErrorModule(): Record<string, unknown> {
  return {
    create(arg: unknown): NsError {
      const o = options(arg);
      return new NsError(String(o.name ?? "UNEXPECTED_ERROR"), String(o.message ?? ""), Boolean(o.notifyOff));
    },
    Type: Object.freeze({
      SSS_MISSING_REQD_ARGUMENT: "SSS_MISSING_REQD_ARGUMENT",
      UNEXPECTED_ERROR: "UNEXPECTED_ERROR",
    }),
  };
}
