/**
 * N/https and N/http in the browser: synchronous calls over sync XMLHttpRequest (NetSuite's client
 * N/https blocks the same way), `.promise` forms over fetch. HTTP error statuses are responses; only
 * a failed connection throws. Object bodies are form-encoded, as NetSuite sends them.
 */
import { NsError, options, required, unsupported } from "../errors.js";
import { resolveScript, withQuery } from "./url.js";

export const Method = Object.freeze({ DELETE: "DELETE", GET: "GET", HEAD: "HEAD", POST: "POST", PUT: "PUT" });

interface Request {
  method: string;
  url: string;
  body: string | undefined;
  headers: Record<string, string>;
}

export interface ClientResponse {
  type: "http.ClientResponse";
  code: number;
  headers: Record<string, string>;
  body: string;
}

function prepare(method: string, url: unknown, body: unknown, headers: unknown, member: string): Request {
  if (url === undefined || url === null || url === "")
    throw new NsError("SSS_MISSING_REQD_ARGUMENT", `${member}: Missing a required argument: url`);
  const h: Record<string, string> = {};
  if (headers && typeof headers === "object") {
    for (const [k, v] of Object.entries(headers as Record<string, unknown>)) h[k] = String(v);
  }
  let text: string | undefined;
  if (body !== undefined && body !== null && (method === "POST" || method === "PUT")) {
    if (typeof body === "object") {
      text = new URLSearchParams(
        Object.entries(body as Record<string, unknown>).map(([k, v]) => [k, String(v)]),
      ).toString();
      if (!Object.keys(h).some((k) => k.toLowerCase() === "content-type")) {
        h["Content-Type"] = "application/x-www-form-urlencoded; charset=UTF-8";
      }
    } else text = String(body);
  }
  return { method, url: String(url), body: text, headers: h };
}

function failure(req: Request, cause: unknown): NsError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new NsError("SSS_CONNECTION_CLOSED", `${req.method} ${req.url} failed: ${detail}`);
}

function send(req: Request): ClientResponse {
  const xhr = new XMLHttpRequest();
  xhr.open(req.method, req.url, false);
  for (const [k, v] of Object.entries(req.headers)) xhr.setRequestHeader(k, v);
  try {
    xhr.send(req.body ?? null);
  } catch (e) {
    throw failure(req, e);
  }
  if (xhr.status === 0) throw failure(req, "no response");
  const headers: Record<string, string> = {};
  for (const line of xhr.getAllResponseHeaders().trim().split(/\r?\n/)) {
    const at = line.indexOf(":");
    if (at > 0) headers[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return { type: "http.ClientResponse", code: xhr.status, headers, body: xhr.responseText };
}

async function sendAsync(req: Request): Promise<ClientResponse> {
  let res: Response;
  try {
    res = await fetch(req.url, {
      method: req.method,
      headers: req.headers,
      credentials: "same-origin",
      redirect: "follow",
      ...(req.body !== undefined ? { body: req.body } : {}),
    });
  } catch (e) {
    throw failure(req, e);
  }
  const headers: Record<string, string> = {};
  res.headers.forEach((v, k) => {
    headers[k] = v;
  });
  return { type: "http.ClientResponse", code: res.status, headers, body: await res.text() };
}

type Builder = (arg: unknown) => Request;

/** `fn(options)` plus `fn.promise(options)` over the same request builder. */
function both(
  build: Builder,
): ((arg: unknown) => ClientResponse) & { promise: (arg: unknown) => Promise<ClientResponse> } {
  const fn = (arg: unknown) => send(build(arg));
  fn.promise = (arg: unknown) => {
    try {
      return sendAsync(build(arg));
    } catch (e) {
      return Promise.reject(e);
    }
  };
  return fn;
}

function byMethod(method: string, module: string): Builder {
  const member = `${module}.${method.toLowerCase()}`;
  return (arg) => {
    const o = options(arg, "url");
    return prepare(method, o.url, o.body, o.headers, member);
  };
}

function suiteletRequest(arg: unknown): Request {
  const o = options(arg);
  const scriptId = required(o, "scriptId", "https.requestSuitelet");
  const deploymentId = required(o, "deploymentId", "https.requestSuitelet");
  const base = resolveScript({ scriptId, deploymentId, returnExternalUrl: Boolean(o.external) });
  const hasBody = o.body !== undefined && o.body !== null;
  const method = String(o.method ?? (hasBody ? "POST" : "GET")).toUpperCase();
  return prepare(method, withQuery(base, o.urlParams), o.body, o.headers, "https.requestSuitelet");
}

export function createHttpsModule(module: "N/https" | "N/http"): Record<string, unknown> {
  const refuse = (name: string) => () => {
    throw unsupported(`${module}.${name}`);
  };
  return {
    Method,
    get: both(byMethod("GET", module)),
    post: both(byMethod("POST", module)),
    put: both(byMethod("PUT", module)),
    delete: both(byMethod("DELETE", module)),
    request: both((arg) => {
      const o = options(arg);
      const method = String(required(o, "method", `${module}.request`)).toUpperCase();
      return prepare(method, o.url, o.body, o.headers, `${module}.request`);
    }),
    requestSuitelet: both(suiteletRequest),
    createSecureString: refuse("createSecureString"),
    createSecureKey: refuse("createSecureKey"),
    requestRestlet: refuse("requestRestlet"),
    requestSuiteTalkRest: refuse("requestSuiteTalkRest"),
  };
}
