import http from "node:http";
import https from "node:https";

/** What one POST came back with: a status when the receiver answered, an error when it did not. */
export interface SendResult {
  httpStatus: number | null;
  error: string | null;
}

export interface SendRequest {
  url: string;
  body: Buffer;
  headers: Readonly<Record<string, string>>;
  timeoutMs: number;
  agents: { http: http.Agent; https: https.Agent };
}

export interface InFlight {
  result: Promise<SendResult>;
  /** Stops the request; `result` then resolves with an error. */
  cancel(): void;
}

/**
 * One POST over node:http rather than fetch: the request carries only the headers Stripe sends (fetch adds
 * its own), never follows a redirect (Stripe counts a 3xx as a failure) and can be torn down at once.
 */
export function post(request: SendRequest): InFlight {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return settled({ httpStatus: null, error: `invalid URL: ${request.url}` });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return settled({ httpStatus: null, error: `unsupported protocol: ${url.protocol}` });
  }

  let resolve!: (result: SendResult) => void;
  const result = new Promise<SendResult>((r) => {
    resolve = r;
  });
  let done = false;
  const finish = (outcome: SendResult): void => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    resolve(outcome);
  };

  // Covers connect + send + waiting for the response head, like Stripe's response deadline.
  const timer = setTimeout(() => {
    finish({ httpStatus: null, error: `timed out after ${request.timeoutMs} ms` });
    req.destroy();
  }, request.timeoutMs);
  timer.unref();

  const isHttps = url.protocol === "https:";
  const options: http.RequestOptions = {
    method: "POST",
    headers: { ...request.headers, "Content-Length": String(request.body.length) },
    agent: isHttps ? request.agents.https : request.agents.http,
  };
  const req = (isHttps ? https : http).request(url, options, (res) => {
    // Stripe judges the delivery by the status alone; draining the body lets the socket be reused.
    res.on("error", () => {});
    res.resume();
    finish({ httpStatus: res.statusCode ?? null, error: null });
  });
  req.on("error", (err) => finish({ httpStatus: null, error: err.message }));

  req.end(request.body);
  return {
    result,
    cancel: () => {
      finish({ httpStatus: null, error: "cancelled" });
      req.destroy();
    },
  };
}

function settled(outcome: SendResult): InFlight {
  return { result: Promise.resolve(outcome), cancel: () => {} };
}
