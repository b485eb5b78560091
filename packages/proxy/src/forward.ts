/**
 * The one outbound call: POST the ForwardRequest to the NetSuite Suitelet and read its answer.
 * Every way of not getting a contract answer becomes a `ForwardFailure` (Stripe will retry), and
 * redirects are never followed: a redirect could lead the proxy to a host the allow-list refused.
 */
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
  fetch: typeof fetch;
}

export type ForwardOutcome = (NetSuiteAnswer | ForwardFailure) & {
  /** NetSuite's HTTP status, when it answered at all. */
  httpStatus?: number;
};

const USER_AGENT = "nss-proxy/0.1";

export async function forwardToNetSuite(options: ForwardOptions): Promise<ForwardOutcome> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  try {
    const response = await options.fetch(options.url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", "user-agent": USER_AGENT },
      body: options.body,
      redirect: "manual",
      signal: controller.signal,
    });
    const httpStatus = response.status;
    if (httpStatus < 200 || httpStatus > 299) {
      await response.body?.cancel().catch(() => undefined);
      return { failure: "http_status", httpStatus };
    }
    const text = await readLimited(response, MAX_NETSUITE_ANSWER_CHARS);
    const answer = text === undefined ? undefined : parseNetSuiteAnswer(text);
    if (answer === undefined || !answer.ok) return { failure: "unparseable", httpStatus };
    return { ...answer.value, httpStatus };
  } catch {
    // The error's message may name the URL: only its kind is kept.
    return { failure: controller.signal.aborted ? "timeout" : "network" };
  } finally {
    clearTimeout(timer);
  }
}

/** The body as text, or undefined once it grows past `maxBytes` (a login page, not the Suitelet). */
async function readLimited(response: Response, maxBytes: number): Promise<string | undefined> {
  if (response.body === null) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
