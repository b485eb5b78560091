/**
 * N/error (Oracle: "N/error Module", "error.create(options)"): SuiteScriptErrors with `name`,
 * `message`, `id`, `notifyOff` and `type: "error.SuiteScriptError"`.
 */
import { NsError } from "../../errors.js";
import type { ScriptEnv } from "../env.js";
import { enumOf, options, required } from "./util.js";

/** error.Type: the codes scripts compare against (a subset of NetSuite's list). */
export const ErrorType = enumOf({
  INVALID_FLD_VALUE: "INVALID_FLD_VALUE",
  INVALID_RCRD_TYPE: "INVALID_RCRD_TYPE",
  INVALID_SEARCH: "INVALID_SEARCH",
  INVALID_PAGE_RANGE: "INVALID_PAGE_RANGE",
  RCRD_DSNT_EXIST: "RCRD_DSNT_EXIST",
  SSS_INVALID_SRCH_OPERATOR: "SSS_INVALID_SRCH_OPERATOR",
  SSS_INVALID_SRCH_SETTING: "SSS_INVALID_SRCH_SETTING",
  SSS_INVALID_TYPE_ARG: "SSS_INVALID_TYPE_ARG",
  SSS_INVALID_URL: "SSS_INVALID_URL",
  SSS_MISSING_REQD_ARGUMENT: "SSS_MISSING_REQD_ARGUMENT",
  SSS_REQUEST_TIME_EXCEEDED: "SSS_REQUEST_TIME_EXCEEDED",
  SSS_SEARCH_FOR_EACH_LIMIT_EXCEEDED: "SSS_SEARCH_FOR_EACH_LIMIT_EXCEEDED",
  SSS_SEARCH_RESULT_LIMIT_EXCEEDED: "SSS_SEARCH_RESULT_LIMIT_EXCEEDED",
  SSS_USAGE_LIMIT_EXCEEDED: "SSS_USAGE_LIMIT_EXCEEDED",
  USER_ERROR: "USER_ERROR",
});

export function createErrorModule(_env: ScriptEnv): Record<string, unknown> {
  return {
    Type: ErrorType,
    SuiteScriptError: NsError,
    create(arg: unknown): NsError {
      const opts = options(arg);
      const name = String(required(opts, "name", "error.create"));
      const message = String(required(opts, "message", "error.create"));
      return new NsError(name, message, { notifyOff: Boolean(opts.notifyOff) });
    },
  };
}
