/**
 * N/https and N/http (Oracle: "N/https Module", "https.request(options)",
 * "https.createSecureString(options)", "https.SecureString"). Requests are made by the main thread
 * (`https.request`, 10 units each). A SecureString holds only its template (`{custsecret_…}`); the
 * host substitutes secrets in the fields listed in `secureFields`, so the worker never sees them.
 */
import { NsError } from "../../errors.js";
import type { HttpRequestData, HttpResponseData } from "../contracts.js";
import type { ScriptEnv } from "../env.js";
import { COSTS } from "../governance.js";
import { enumOf, type Options, options, promiseUnsupported, required, withUnsupported } from "./util.js";

export const Method = enumOf({
  DELETE: "DELETE",
  GET: "GET",
  HEAD: "HEAD",
  PATCH: "PATCH",
  POST: "POST",
  PUT: "PUT",
});
export const Encoding = enumOf({
  BASE_16: "BASE_16",
  BASE_32: "BASE_32",
  BASE_64: "BASE_64",
  BASE_64_URL_SAFE: "BASE_64_URL_SAFE",
  HEX: "HEX",
  UTF_8: "UTF_8",
});
export const HashAlg = enumOf({ MD5: "MD5", SHA1: "SHA1", SHA256: "SHA256", SHA512: "SHA512" });

/** https.SecureString: opaque to the script; its string form is the template, never the secret. */
export class SecureString {
  readonly #template: string;

  constructor(template: string) {
    this.#template = template;
    withUnsupported(this, "N/https.SecureString", ["convertEncoding", "hash", "hmac"]);
  }

  appendString(arg: unknown): SecureString {
    const input = String(required(options(arg, "input"), "input", "SecureString.appendString"));
    return new SecureString(this.#template + input);
  }

  appendSecureString(arg: unknown): SecureString {
    const secure = required<unknown>(options(arg), "secureString", "SecureString.appendSecureString");
    if (!(secure instanceof SecureString)) {
      throw new NsError(
        "SSS_INVALID_TYPE_ARG",
        "SecureString.appendSecureString: secureString must be an https.SecureString",
      );
    }
    return new SecureString(this.#template + secure.#template);
  }

  toString(): string {
    return this.#template;
  }

  toJSON(): string {
    return this.#template;
  }
}

export interface ClientResponse {
  code: number;
  headers: Record<string, string>;
  body: string;
}

/** NetSuite url-encodes an object body as form fields (`a=1&b=x%20y`). */
function encodeForm(body: Record<string, unknown>): string {
  return Object.entries(body)
    .map(
      ([k, v]) =>
        `${encodeURIComponent(k)}=${encodeURIComponent(v === null || v === undefined ? "" : String(v))}`,
    )
    .join("&");
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((k) => k.toLowerCase() === name.toLowerCase());
}

export function createHttpModule(env: ScriptEnv, secure: boolean): Record<string, unknown> {
  const prefix = secure ? "N/https" : "N/http";
  const cost = secure ? COSTS["https.request"] : COSTS["http.request"];

  function request(opts: Options, member: string): ClientResponse {
    const method = String(required(opts, "method", member)).toUpperCase();
    const rawUrl = required<unknown>(opts, "url", member);
    const secureFields: string[] = [];
    const url = String(rawUrl);
    if (rawUrl instanceof SecureString) secureFields.push("url");
    const scheme = secure ? /^https:\/\//i : /^https?:\/\//i;
    // A SecureString URL is a template the host fills in; only plain URLs can be checked here.
    if (secureFields.length === 0 && !scheme.test(url)) {
      throw new NsError(
        "SSS_INVALID_URL",
        `The URL must be a fully qualified ${secure ? "HTTPS" : "HTTP"} URL: ${url}`,
      );
    }
    const headers: Record<string, string> = {};
    const given = opts.headers;
    if (given !== null && typeof given === "object") {
      for (const [name, value] of Object.entries(given)) {
        if (value instanceof SecureString) secureFields.push(name);
        headers[name] = String(value);
      }
    }
    const data: HttpRequestData = { method, url, headers };
    const body = opts.body;
    if (body instanceof SecureString) {
      secureFields.push("body");
      data.body = body.toString();
    } else if (body !== undefined && body !== null && typeof body === "object") {
      data.body = encodeForm(body as Record<string, unknown>);
      if (!hasHeader(headers, "content-type")) headers["Content-Type"] = "application/x-www-form-urlencoded";
    } else if (body !== undefined && body !== null) {
      data.body = String(body);
    }
    if (secureFields.length > 0) data.secureFields = secureFields;
    env.meter.charge(cost, member);
    const response = env.call<HttpResponseData>("https.request", data);
    return { code: response.code, headers: { ...response.headers }, body: response.body };
  }

  const withMethod = (method: string, member: string) => (arg: unknown) =>
    request({ ...options(arg), method }, `${prefix.slice(2)}.${member}`);

  const module: Record<string, unknown> = {
    Method,
    Encoding,
    HashAlg,
    CacheDuration: enumOf({ UNIQUE: "UNIQUE", PRIVATE: "PRIVATE", PUBLIC: "PUBLIC", LONG: "LONG" }),
    get: withMethod("GET", "get"),
    post: withMethod("POST", "post"),
    put: withMethod("PUT", "put"),
    delete: withMethod("DELETE", "delete"),
    request: (arg: unknown) => request(options(arg), `${prefix.slice(2)}.request`),
  };
  if (secure) {
    module.SecureString = SecureString;
    module.createSecureString = (arg: unknown): SecureString =>
      new SecureString(String(required(options(arg), "input", "https.createSecureString")));
  }
  for (const name of ["get", "post", "put", "delete", "request"]) {
    promiseUnsupported(module[name] as object, `${prefix}.${name}`);
  }
  const unsupportedMembers = ["requestSuitelet", "requestRestlet", "requestSuiteTalkRest", "createSecretKey"];
  return withUnsupported(module, prefix, secure ? unsupportedMembers : ["requestSuitelet", "requestRestlet"]);
}
