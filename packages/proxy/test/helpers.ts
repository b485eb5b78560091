/** Shared test fixtures: a stub NetSuite Suitelet on node:http, signed Stripe events, a proxy with captured logs. */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { stripeCustomerEvent } from "@nss/core/testing";
import Stripe from "stripe";
import { afterAll, beforeAll } from "vitest";
import {
  createLogger,
  loadConfig,
  type ProxyConfig,
  parseSealKeys,
  type RunningProxy,
  type SealedTarget,
  type SealKey,
  seal,
  startProxy,
} from "../src/index.js";

export const SECRET = "whsec_test_5f3b0c1d2e9a8b7c6d5e4f3a2b1c0d9e";
export const ADMIN_TOKEN = "admin-token-0123456789-abcdefghij";
export const K1 = `k1:${randomBytes(32).toString("base64")}`;
export const K2 = `k2:${randomBytes(32).toString("base64")}`;

/** The keys of a `PROXY_SEAL_KEYS` value such as K1. */
export function sealKeys(text: string): SealKey[] {
  const parsed = parseSealKeys(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

/** `target` sealed as the proxy with `keyText` (K1 unless named) would seal it. */
export function sealTarget(target: SealedTarget, keyText = K1): string {
  return seal(target, sealKeys(keyText));
}

export interface StubCall {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: string;
}

/** How the stub answers: a status and body, a hang (never answers), or a dropped connection. */
export type StubBehaviour =
  | { status: number; body: string; contentType?: string; delayMs?: number }
  | "hang"
  | "drop";

export interface StubNetSuite {
  /** A realistic external Suitelet URL, its `ns-at` token being the bearer secret. */
  url: string;
  origin: string;
  calls: StubCall[];
  answer(behaviour: StubBehaviour): void;
  close(): Promise<void>;
}

export const NS_TOKEN = "AAEJ7tMQzZ3stubSuiteletTokenXyZ";

export async function startStubNetSuite(): Promise<StubNetSuite> {
  const calls: StubCall[] = [];
  let behaviour: StubBehaviour = answerWith("applied");
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      calls.push({
        method: req.method ?? "",
        path: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      });
      if (behaviour === "hang") return;
      if (behaviour === "drop") {
        req.socket.destroy();
        return;
      }
      const { status, body, contentType, delayMs } = behaviour;
      setTimeout(() => {
        res.writeHead(status, { "content-type": contentType ?? "application/json" });
        res.end(body);
      }, delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/app/site/hosting/scriptlet.nl?script=412&deploy=1&compid=TSTDRV123&ns-at=${NS_TOKEN}`,
    origin,
    calls,
    answer(next) {
      behaviour = next;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

export function answerWith(result: string, message = "ok"): StubBehaviour {
  return { status: 200, body: JSON.stringify({ result, message }) };
}

/** A port nothing listens on. */
export async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Core's customer.updated with a fresh ID and timestamp, pretty-printed as Stripe sends it (bytes must survive). */
export function customerEvent(overrides: Record<string, unknown> = {}): string {
  const event = stripeCustomerEvent({
    id: `evt_${randomBytes(8).toString("hex")}`,
    created: Math.floor(Date.now() / 1000),
    ...overrides,
  });
  return `${JSON.stringify(event, null, 2)}\n`;
}

export function sign(payload: string, secret = SECRET, timestamp = Math.floor(Date.now() / 1000)): string {
  return Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp });
}

export interface TestProxy extends RunningProxy {
  config: ProxyConfig;
  logs: string[];
}

/** Starts a proxy on port 0 over real HTTP, its pino output captured line by line. */
export async function startTestProxy(env: Record<string, string>, logs: string[] = []): Promise<TestProxy> {
  const loaded = loadConfig({
    PROXY_PORT: "0",
    PROXY_HOST: "127.0.0.1",
    PROXY_SEAL_KEYS: K1,
    PROXY_ADMIN_TOKEN: ADMIN_TOKEN,
    PROXY_FORWARD_TIMEOUT_MS: "500",
    LOG_LEVEL: "debug",
    ...env,
  });
  if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join("\n"));
  const logger = createLogger({ level: "debug", destination: { write: (line: string) => logs.push(line) } });
  const proxy = await startProxy(loaded.value, { logger });
  return Object.assign(proxy, { config: loaded.value, logs });
}

/** Posts `payload` (a fresh event unless given) to the proxy as Stripe does, signed with SECRET. */
export function postSigned(
  proxyUrl: string,
  ppUrl: string | undefined,
  payload = customerEvent(),
): Promise<{ status: number; body: unknown }> {
  return postWebhook(proxyUrl, ppUrl, payload, sign(payload));
}

export interface StubAndProxy {
  stub: StubNetSuite;
  proxy: TestProxy;
  logs: string[];
}

/**
 * For a test file: a stub NetSuite and a proxy allowed to forward to it, started before the file's tests
 * and closed after them. `env`, given the stub, adds or replaces the proxy's variables.
 */
export function stubAndProxy(
  env: (stub: StubNetSuite) => Record<string, string> | Promise<Record<string, string>> = () => ({}),
): StubAndProxy {
  const started = { logs: [] as string[] } as StubAndProxy;
  beforeAll(async () => {
    started.stub = await startStubNetSuite();
    const vars = { PROXY_ALLOWED_TARGETS: started.stub.origin, ...(await env(started.stub)) };
    started.proxy = await startTestProxy(vars, started.logs);
  });
  afterAll(async () => {
    await started.proxy?.close();
    await started.stub?.close();
  });
  return started;
}

export async function postWebhook(
  proxyUrl: string,
  ppUrl: string | undefined,
  payload: string,
  signature: string | undefined,
): Promise<{ status: number; body: unknown }> {
  const query = ppUrl === undefined ? "" : `?pp_url=${encodeURIComponent(ppUrl)}`;
  const response = await fetch(`${proxyUrl}/customer-webhook${query}`, {
    method: "POST",
    headers: {
      "content-type": "application/json; charset=utf-8",
      ...(signature === undefined ? {} : { "stripe-signature": signature }),
    },
    body: payload,
  });
  const text = await response.text();
  return { status: response.status, body: text === "" ? undefined : JSON.parse(text) };
}
