/**
 * Suitelet entry adapter (Oracle: "onRequest(scriptContext)", "http.ServerRequest",
 * "http.ServerResponse", "ServerResponse.writePage(options)", "ServerRequest.getLineCount(options)"):
 * a request object from plain data, a response that records what the script wrote, returned as
 * `{ code, headers, body, redirect, page }` for the HTTP server. writePage of something that is not a
 * form throws WRONG_PARAMETER_TYPE (NetSuite's code for wrong argument types; the message is ours).
 */
import { missingArgument, NsError, unsupported } from "../../errors.js";
import { pendingRedirect } from "../modules/redirect.js";
import { builtForm } from "./form.js";
import { registerAdapters } from "./registry.js";
import { postedLineCount, postedSublistValue } from "./sublist-params.js";
import type { SuiteletRedirect, SuiteletRequestData, SuiteletResponseData } from "./types.js";

type Options = Record<string, unknown>;

/** `fn({name, value})` or `fn(name, value)`. */
function nameValue(args: unknown[], member: string): [string, string] {
  const [first, second] = args;
  const o = typeof first === "object" && first !== null ? (first as Options) : { name: first, value: second };
  if (o.name === undefined || o.name === null || o.name === "") throw missingArgument(member, "options.name");
  if (o.value === undefined || o.value === null) throw missingArgument(member, "options.value");
  return [String(o.name), String(o.value)];
}

/** http.ServerRequest (read-only). */
export function serverRequest(data: SuiteletRequestData): Record<string, unknown> {
  const request = {
    method: data.method.toUpperCase(),
    url: data.url,
    parameters: Object.freeze({ ...data.parameters }),
    headers: Object.freeze({ ...data.headers }),
    body: data.body,
    clientIpAddress: data.clientIpAddress ?? "127.0.0.1",
    files: Object.freeze({}),
    getLineCount(arg: unknown) {
      const o = typeof arg === "object" && arg !== null ? (arg as Options) : { group: arg };
      if (!o.group) throw missingArgument("ServerRequest.getLineCount", "options.group");
      return postedLineCount(data.parameters, String(o.group));
    },
    getSublistValue(arg: unknown) {
      const o = typeof arg === "object" && arg !== null ? (arg as Options) : {};
      for (const name of ["group", "name", "line"]) {
        if (o[name] === undefined || o[name] === null || o[name] === "")
          throw missingArgument("ServerRequest.getSublistValue", `options.${name}`);
      }
      return postedSublistValue(data.parameters, String(o.group), String(o.name), Number(o.line));
    },
  };
  return Object.freeze(request);
}

function serverResponse(): { response: Record<string, unknown>; result: SuiteletResponseData } {
  const result: SuiteletResponseData = { code: 200, headers: {}, body: "" };
  const chunks: string[] = [];
  const output = (arg: unknown, member: string): string => {
    const o = typeof arg === "object" && arg !== null ? (arg as Options) : { output: arg };
    if (o.output === undefined || o.output === null) throw missingArgument(member, "options.output");
    return String(o.output);
  };
  const headerKey = (name: string) =>
    Object.keys(result.headers).find((k) => k.toLowerCase() === name.toLowerCase());
  const response: Record<string, unknown> = {
    write(arg: unknown) {
      chunks.push(output(arg, "ServerResponse.write"));
    },
    writeLine(arg: unknown) {
      chunks.push(`${output(arg, "ServerResponse.writeLine")}\n`);
    },
    setHeader(...args: unknown[]) {
      const [name, value] = nameValue(args, "ServerResponse.setHeader");
      const existing = headerKey(name);
      if (existing !== undefined) delete result.headers[existing];
      result.headers[name] = value;
    },
    addHeader(...args: unknown[]) {
      const [name, value] = nameValue(args, "ServerResponse.addHeader");
      const existing = headerKey(name);
      if (existing === undefined) result.headers[name] = value;
      else result.headers[existing] = `${result.headers[existing]}, ${value}`;
    },
    getHeader(arg: unknown) {
      const name = typeof arg === "object" && arg !== null ? (arg as Options).name : arg;
      if (name === undefined || name === null || name === "")
        throw missingArgument("ServerResponse.getHeader", "options.name");
      const key = headerKey(String(name));
      return key === undefined ? null : result.headers[key];
    },
    sendRedirect(arg: unknown) {
      const o = typeof arg === "object" && arg !== null ? (arg as Options) : {};
      if (!o.type) throw missingArgument("ServerResponse.sendRedirect", "options.type");
      if (!o.identifier) throw missingArgument("ServerResponse.sendRedirect", "options.identifier");
      const redirect: SuiteletRedirect = { type: String(o.type), identifier: String(o.identifier) };
      if (o.id !== undefined && o.id !== null) redirect.id = String(o.id);
      if (o.editMode !== undefined) redirect.editMode = Boolean(o.editMode);
      if (o.parameters && typeof o.parameters === "object") {
        redirect.parameters = Object.fromEntries(
          Object.entries(o.parameters as Options).map(([k, v]) => [k, String(v)]),
        );
      }
      result.redirect = redirect;
    },
  };
  /** `writePage(form)` or `writePage({pageObject: form})`; the page is the form as it is now. */
  response.writePage = (arg: unknown) => {
    const inner = typeof arg === "object" && arg !== null ? (arg as Options).pageObject : undefined;
    const form = builtForm(arg) ?? builtForm(inner);
    if (form) {
      result.page = form.page();
      return;
    }
    const given = inner !== undefined ? inner : arg;
    if (given === undefined || given === null)
      throw missingArgument("ServerResponse.writePage", "options.pageObject");
    throw new NsError(
      "WRONG_PARAMETER_TYPE",
      "ServerResponse.writePage: options.pageObject must be a serverWidget.Form, List or Assistant",
    );
  };
  for (const member of ["writeFile", "renderPdf", "setCdnCacheable"]) {
    response[member] = () => {
      throw unsupported(`http.ServerResponse.${member}`);
    };
  }
  Object.defineProperty(response, "headers", { get: () => ({ ...result.headers }), enumerable: true });
  return {
    response,
    get result() {
      return { ...result, body: chunks.join(""), ...(result.redirect ? { code: 302 } : {}) };
    },
  };
}

registerAdapters("suitelet", {
  onRequest(env, entry, input): SuiteletResponseData {
    if (!entry) throw new NsError("SSS_INVALID_SCRIPT", "The Suitelet has no onRequest function.");
    const out = serverResponse();
    entry({ request: serverRequest(input as SuiteletRequestData), response: out.response });
    const result = out.result;
    // response.sendRedirect, being explicit, wins over an N/redirect call.
    const redirect = pendingRedirect(env);
    if (redirect && !result.redirect) return { ...result, redirect, code: 302 };
    return result;
  },
});
