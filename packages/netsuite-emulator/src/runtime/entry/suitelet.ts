/**
 * Suitelet entry adapter (Oracle: "onRequest(scriptContext)", "http.ServerRequest",
 * "http.ServerResponse"): a request object from plain data, a response that records what the script
 * wrote, returned as `{ code, headers, body, redirect }` for part 2's HTTP server.
 */
import { missingArgument, NsError, unsupported } from "../../errors.js";
import { registerAdapters } from "./registry.js";
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
    getLineCount: () => {
      throw unsupported("http.ServerRequest.getLineCount");
    },
    getSublistValue: () => {
      throw unsupported("http.ServerRequest.getSublistValue");
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
  for (const member of ["writePage", "writeFile", "renderPdf", "setCdnCacheable"]) {
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
  onRequest(_env, entry, input): SuiteletResponseData {
    if (!entry) throw new NsError("SSS_INVALID_SCRIPT", "The Suitelet has no onRequest function.");
    const out = serverResponse();
    entry({ request: serverRequest(input as SuiteletRequestData), response: out.response });
    return out.result;
  },
});
