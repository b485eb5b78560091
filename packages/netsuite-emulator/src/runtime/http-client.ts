/**
 * The HTTP client behind N/https, on the main thread, with NetSuite's two limits: 5 seconds to
 * connect and 45 seconds for the whole exchange ("N/https Module": SSS_CONNECTION_TIME_OUT and
 * SSS_REQUEST_TIME_EXCEEDED). Redirects are returned, not followed, as NetSuite returns them.
 */
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { rootCertificates as tlsRootCertificates } from "node:tls";
import { NsError } from "../errors.js";
import type { HttpResponseData } from "./contracts.js";

export interface HttpClientOptions {
  connectTimeoutMs: number;
  timeoutMs: number;
  /** Extra certificate authorities (PEM) to trust besides the system's, e.g. a local server's self-signed certificate. */
  ca?: string | Buffer;
}

export function sendHttp(
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string },
  limits: HttpClientOptions,
): Promise<HttpResponseData> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const send = target.protocol === "https:" ? httpsRequest : httpRequest;
    const body =
      init.body !== undefined && init.method !== "GET" ? Buffer.from(init.body, "utf8") : undefined;
    const headers = { ...init.headers, ...(body ? { "Content-Length": String(body.length) } : {}) };
    const tls =
      target.protocol === "https:" && limits.ca !== undefined
        ? { ca: [...tlsRootCertificates, limits.ca.toString()] }
        : {};
    const req = send(target, { method: init.method, headers, ...tls });
    let connected = false;
    const fail = (error: NsError) => {
      clearTimeout(connectTimer);
      clearTimeout(totalTimer);
      req.destroy();
      reject(error);
    };
    const connectTimer = setTimeout(() => {
      if (!connected) {
        fail(
          new NsError(
            "SSS_CONNECTION_TIME_OUT",
            `Could not connect to ${target.host} within ${limits.connectTimeoutMs / 1000} seconds.`,
          ),
        );
      }
    }, limits.connectTimeoutMs);
    const totalTimer = setTimeout(
      () =>
        fail(
          new NsError(
            "SSS_REQUEST_TIME_EXCEEDED",
            "The host you are trying to connect to has exceeded the maximum allowed response time.",
          ),
        ),
      limits.timeoutMs,
    );
    req.on("socket", (socket) => {
      // A reused keep-alive socket is already connected; listen only on a new one (no listener pile-up).
      if (!socket.connecting) {
        connected = true;
        return;
      }
      socket.once(target.protocol === "https:" ? "secureConnect" : "connect", () => {
        connected = true;
      });
    });
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        clearTimeout(connectTimer);
        clearTimeout(totalTimer);
        const out: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers))
          if (v !== undefined) out[k] = Array.isArray(v) ? v.join(", ") : v;
        resolve({ code: res.statusCode ?? 0, headers: out, body: Buffer.concat(chunks).toString("utf8") });
      });
      res.on("error", (error) =>
        fail(new NsError("SSS_CONNECTION_CLOSED", `The connection closed: ${error.message}`)),
      );
    });
    req.on("error", (error) => {
      fail(
        new NsError(
          "SSS_CONNECTION_CLOSED",
          `An unexpected error occurred while connecting to ${target.host}: ${error.message}`,
        ),
      );
    });
    if (body) req.write(body);
    req.end();
  });
}
