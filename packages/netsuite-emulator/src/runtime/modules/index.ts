/**
 * The N/* modules a script's `define` receives, by module ID, and the members the emulator does not
 * implement (each exists and throws `UNSUPPORTED_BY_EMULATOR: <module.member>`), for the README.
 */
import type { ModuleFactory } from "../env.js";
import { createEncodeModule } from "./encode.js";
import { createErrorModule } from "./error.js";
import { createFormatModule } from "./format.js";
import { createHttpModule } from "./https.js";
import { createLogModule } from "./log.js";
import { createRandomModule } from "./random.js";
import { createRecordModule, RECORD_MODULE_UNSUPPORTED, RECORD_UNSUPPORTED } from "./record.js";
import { createRedirectModule, REDIRECT_MODULE_UNSUPPORTED } from "./redirect.js";
import { createRuntimeModule } from "./runtime.js";
import { createSearchModule, SEARCH_MODULE_UNSUPPORTED } from "./search.js";
import {
  createServerWidgetModule,
  SERVER_WIDGET_MODULE_UNSUPPORTED,
  SERVER_WIDGET_OBJECT_UNSUPPORTED,
} from "./server-widget.js";
import { createTaskModule } from "./task.js";
import { createUrlModule } from "./url.js";

export const MODULES: Record<string, ModuleFactory> = {
  "N/record": createRecordModule,
  "N/search": createSearchModule,
  "N/runtime": createRuntimeModule,
  "N/log": createLogModule,
  "N/error": createErrorModule,
  "N/https": (env) => createHttpModule(env, true),
  "N/http": (env) => createHttpModule(env, false),
  "N/url": createUrlModule,
  "N/format": createFormatModule,
  "N/encode": createEncodeModule,
  "N/crypto/random": createRandomModule,
  "N/task": createTaskModule,
  "N/ui/serverWidget": createServerWidgetModule,
  "N/redirect": createRedirectModule,
};

const promiseForms = (module: string, members: string[]) => members.map((m) => `${module}.${m}.promise`);

/** What throws UNSUPPORTED_BY_EMULATOR, by module (member names as the error message gives them). */
export const UNSUPPORTED: Readonly<Record<string, readonly string[]>> = {
  "N/record": [
    ...RECORD_MODULE_UNSUPPORTED.map((m) => `N/record.${m}`),
    ...promiseForms("N/record", ["create", "load", "delete", "submitFields"]),
    ...RECORD_UNSUPPORTED.map((m) => `N/record.Record.${m}`),
  ],
  "N/search": [
    ...SEARCH_MODULE_UNSUPPORTED.map((m) => `N/search.${m}`),
    ...promiseForms("N/search", ["create", "load", "delete", "lookupFields"]),
    "N/search.Search.settings",
    "N/search.Search.save.promise",
    "N/search.Search.runPaged.promise",
    "N/search.ResultSet.each.promise",
    "N/search.ResultSet.getRange.promise",
    "N/search.PagedData.fetch.promise",
    "N/search.Page.next",
    "N/search.Page.prev",
    "N/search.Column.setWhenOrderedBy",
  ],
  "N/runtime": [
    "N/runtime.getCurrentSession",
    "N/runtime.User.getPermission",
    "N/runtime.Script.percentComplete",
  ],
  "N/log": [],
  "N/error": [],
  "N/https": [
    "N/https.requestSuitelet",
    "N/https.requestRestlet",
    "N/https.requestSuiteTalkRest",
    "N/https.createSecretKey",
    "N/https.SecureString.convertEncoding",
    "N/https.SecureString.hash",
    "N/https.SecureString.hmac",
    ...promiseForms("N/https", ["get", "post", "put", "delete", "request"]),
  ],
  "N/http": [
    "N/http.requestSuitelet",
    "N/http.requestRestlet",
    ...promiseForms("N/http", ["get", "post", "put", "delete", "request"]),
  ],
  "N/url": [
    "N/url.resolveTaskLink",
    "N/url.resolveRecord(<record types other than customer, contact, employee, vendor, partner, subsidiary, salesorder, invoice, customerpayment, creditmemo>)",
    "N/url.resolveDomain(CUSTOMERCENTER)",
    "N/url.resolveDomain(accountId of another account)",
  ],
  "N/format": [
    "N/format.getCurrencyFormatter",
    "N/format.getNumberFormatter",
    "N/format.getPhoneNumberFormatter",
    "N/format.getPhoneNumberParser",
    "N/format.format timezone",
    "N/format.parse timezone",
  ],
  "N/encode": ["N/encode.convert(BASE_32)", "N/encode.convert(WINDOWS_1252)"],
  "N/crypto/random": [],
  "N/task": [
    "N/task.create(<task types other than MAP_REDUCE and SCHEDULED_SCRIPT>)",
    "N/task.MapReduceScriptTaskStatus.get* (getPercentageCompleted, getPendingMapCount, …)",
  ],
  "N/ui/serverWidget": [
    ...SERVER_WIDGET_MODULE_UNSUPPORTED.map((m) => `N/ui/serverWidget.${m}`),
    ...SERVER_WIDGET_OBJECT_UNSUPPORTED.map((m) => `N/ui/serverWidget.${m}`),
    "N/ui/serverWidget.Form.getField(<standard fields of a record's form, in beforeLoad>)",
    "N/ui/serverWidget.Form.removeButton(<standard buttons of a record's form, in beforeLoad>)",
    "N/ui/serverWidget.Form.addSubmitButton, addResetButton, addPageLink (in beforeLoad)",
  ],
  "N/redirect": REDIRECT_MODULE_UNSUPPORTED.map((m) => `N/redirect.${m}`),
};
