/**
 * The one outbound call: POST the ForwardRequest to the NetSuite Suitelet and read its answer.
 * Every way of not getting a contract answer becomes a `ForwardFailure` (Stripe will retry), and
 * redirects are never followed: a redirect could lead the proxy to a host the allow-list refused.
 *
 * Node's `http`/`https` with keep-alive agents rather than `fetch`: fetch adds web streams, a Response
 * per call and their garbage to every event, and this call needs none of it. `node:http` never follows redirects, so a 3xx is just another non-2xx status.
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import {
  type ForwardFailure,
  MAX_NETSUITE_ANSWER_CHARS,
  type NetSuiteAnswer,
  parseNetSuiteAnswer,
} from "@nss/core";

export interface ForwardOptions {
  url: string;
  body: string;
  timeoutMs: number;
}

export type ForwardOutcome = (NetSuiteAnswer | ForwardFailure) & {
  /** NetSuite's HTTP status, when it answered at all. */
  httpStatus?: number;
};

/** Sends one forward; never rejects. Tests inject their own. */
export type Forward = (options: ForwardOptions) => Promise<ForwardOutcome>;

export interface Forwarder {
  forward: Forward;
  /** Closes the idle keep-alive connections (the proxy is stopping). */
  close(): void;
}

const USER_AGENT = "nss-proxy/0.1";

const AGENT_OPTIONS = {
  keepAlive: true,
  // An idle connection is closed after 4 s (as fetch did), sooner when NetSuite's Keep-Alive header
  // says so: reusing one the server is closing at that moment fails the forward (Stripe retries).
  timeout: 4000,
};

/** A forwarder with its own connection pools (one per scheme). */
export function createForwarder(): Forwarder {
  const http = new HttpAgent(AGENT_OPTIONS);
  const https = new HttpsAgent(AGENT_OPTIONS);
  return {
    forward: (options) => send(options, http, https),
    close() {
      http.destroy();
      https.destroy();
    },
  };
}

function send(options: ForwardOptions, http: HttpAgent, https: HttpsAgent): Promise<ForwardOutcome> {
  return new Promise((resolve) => {
    let timedOut = false;
    let settled = false;
    const settle = (outcome: ForwardOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    // Errors are never kept or logged: their messages can name the host or the URL (a secret).
    const failed = () => settle({ failure: timedOut ? "timeout" : "network" });
    const timer = setTimeout(() => {
      timedOut = true;
      req?.destroy();
      failed();
    }, options.timeoutMs);

    let req: ReturnType<typeof httpRequest> | undefined;
    try {
      const url = new URL(options.url);
      const secure = url.protocol === "https:";
      req = (secure ? httpsRequest : httpRequest)({
        agent: secure ? https : http,
        // URL keeps an IPv6 literal's brackets; the socket wants the bare address.
        hostname: url.hostname.replace(/^\[(.*)\]$/, "$1"),
        port: url.port,
        path: url.pathname + url.search,
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/json",
          "user-agent": USER_AGENT,
          "content-length": Buffer.byteLength(options.body),
        },
      });
    } catch {
      failed();
      return;
    }
    req.on("error", failed);
    req.on("response", (res) => readAnswer(res, settle, failed));
    req.end(options.body);
  });
}

/** Reads NetSuite's answer within MAX_NETSUITE_ANSWER_CHARS bytes (more is a login page, not the Suitelet). */
function readAnswer(res: IncomingMessage, settle: (outcome: ForwardOutcome) => void, failed: () => void) {
  const httpStatus = res.statusCode ?? 0;
  res.on("error", failed);
  // An answer cut off before its end (the connection dropped) is a network failure.
  res.on("close", () => {
    if (!res.complete) failed();
  });
  if (httpStatus < 200 || httpStatus > 299) {
    settle({ failure: "http_status", httpStatus });
    res.destroy();
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  const tooLarge = () => {
    settle({ failure: "unparseable", httpStatus });
    res.destroy();
  };
  if (Number(res.headers["content-length"]) > MAX_NETSUITE_ANSWER_CHARS) return tooLarge();
  res.on("data", (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_NETSUITE_ANSWER_CHARS) tooLarge();
    else chunks.push(chunk);
  });
  res.on("end", () => {
    const answer = parseNetSuiteAnswer(Buffer.concat(chunks, size).toString("utf8"));
    settle(answer.ok ? { ...answer.value, httpStatus } : { failure: "unparseable", httpStatus });
  });
}
