/**
 * Shared pieces of the end-to-end tests: an emulator per test file, the official Stripe SDK pointed at
 * it, a contract check for every response body, raw HTTP access, and a webhook receiver.
 */
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { findOperation, validateResponse } from "@nss/stripe-spec";
import Stripe from "stripe";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { type StripeEmulator, type StripeEmulatorOptions, startStripeEmulator } from "../src/index.js";

export interface EmulatorHandle {
  /** Set by `beforeAll`. */
  emulator: StripeEmulator;
}

/**
 * Starts one emulator for the test file (`beforeAll`) and closes it afterwards. After every test, no
 * body the SDK read may have broken the contract (see `ContractCheckingHttpClient`).
 */
export function useEmulator(options: StripeEmulatorOptions = {}): EmulatorHandle {
  const handle = {} as EmulatorHandle;
  beforeAll(async () => {
    handle.emulator = await startStripeEmulator(options);
  });
  afterEach(() => {
    expect(contractViolations.splice(0)).toEqual([]);
  });
  afterAll(async () => {
    await handle.emulator?.close();
  });
  return handle;
}

/** Bodies the SDK read that break Stripe's contract, one line each; `useEmulator` fails the test on any. */
export const contractViolations: string[] = [];

const ERROR_TYPES = ["api_error", "card_error", "idempotency_error", "invalid_request_error"];

/** Stripe's error body: `{ error: { type, message, code?, param?, doc_url? } }`, nothing else. */
export function errorBodyProblems(body: unknown): string[] {
  const error = (body as { error?: unknown } | null)?.error;
  if (typeof error !== "object" || error === null) return ["no error object"];
  const problems: string[] = [];
  if (Object.keys(body as object).length !== 1) problems.push("keys besides error");
  const e = error as Record<string, unknown>;
  if (!ERROR_TYPES.includes(String(e.type))) problems.push(`error.type ${JSON.stringify(e.type)}`);
  if (typeof e.message !== "string" || e.message === "") problems.push("error.message missing");
  for (const [key, value] of Object.entries(e)) {
    if (!["type", "message", "code", "param", "doc_url"].includes(key))
      problems.push(`error.${key} unexpected`);
    else if (typeof value !== "string") problems.push(`error.${key} is not a string`);
  }
  return problems;
}

/** A 200 body against the response schema of the contract's operation; an error body against Stripe's shape. */
function checkResponseBody(method: string, pathWithQuery: string, status: number, body: unknown): void {
  const path = pathWithQuery.split("?")[0] ?? "";
  const where = `${method} ${path} → ${status}`;
  if (status !== 200) {
    const problems = errorBodyProblems(body);
    if (problems.length > 0) contractViolations.push(`${where}: ${problems.join("; ")}`);
    return;
  }
  const match = findOperation(method, path);
  if (!match) {
    contractViolations.push(`${where}: not an operation of the contract`);
    return;
  }
  const schema = match.operation.response;
  const names = (schema.anyOf ?? [schema]).map((s) => String(s.$ref).replace("#/schemas/", ""));
  const results = names.map((name) => validateResponse(name, body));
  if (!results.some((r) => r.ok)) {
    contractViolations.push(`${where}: ${results.flatMap((r) => (r.ok ? [] : r.errors)).join("; ")}`);
  }
}

/**
 * The SDK's own Node HTTP client, with every response body it reads checked against the contract, so
 * each SDK call in these tests is validated, not only the ones a test passes to `expectValid`.
 */
type HttpClient = InstanceType<typeof Stripe.HttpClient>;

class ContractCheckingHttpClient extends Stripe.HttpClient {
  readonly #inner = Stripe.createNodeHttpClient();

  override getClientName(): string {
    return "contract-checking-node";
  }

  override async makeRequest(
    ...args: Parameters<HttpClient["makeRequest"]>
  ): ReturnType<HttpClient["makeRequest"]> {
    const [, , path, method] = args;
    const response = await this.#inner.makeRequest(...args);
    return {
      getStatusCode: () => response.getStatusCode(),
      getHeaders: () => response.getHeaders(),
      getRawResponse: () => response.getRawResponse(),
      toStream: (done: () => void) => response.toStream(done),
      toJSON: async () => {
        const body: unknown = await response.toJSON();
        checkResponseBody(method, path, response.getStatusCode(), body);
        return body;
      },
      dispose: () => response.dispose?.(),
    };
  }
}

let keys = 0;

/** A secret key no other test uses: every key is its own emulated account, so tests do not share state. */
export function freshKey(label = "e2e", mode: "test" | "live" = "test"): string {
  keys += 1;
  return `sk_${mode}_${label}_${process.pid}_${keys}_${Math.random().toString(36).slice(2, 10)}`;
}

/** The official SDK, talking plain HTTP to the emulator. */
export function stripeClient(
  emulator: StripeEmulator,
  key: string = freshKey(),
  config: Stripe.StripeConfig = {},
): Stripe {
  return new Stripe(key, {
    host: "127.0.0.1",
    port: emulator.port,
    protocol: "http",
    httpClient: new ContractCheckingHttpClient(),
    ...config,
  });
}

/**
 * The JSON the SDK got, without the SDK's additions: `lastResponse` is non-enumerable, so
 * `JSON.stringify` drops it (customers.test.ts checks the result equals the JSON a plain `fetch` gets).
 */
export function wire(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

/** Asserts that a response body matches the named schema of Stripe's contract, listing every mismatch. */
export function expectValid(schemaName: string, body: unknown): void {
  const result = validateResponse(schemaName, wire(body));
  if (!result.ok) {
    expect.fail(`response is not a valid ${schemaName}:\n  ${result.errors.join("\n  ")}`);
  }
}

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed JSON body (undefined when the body is not JSON). */
  json: Record<string, unknown> & { error?: Record<string, unknown> };
}

/** A request to the emulator without the SDK (`form` is the form-encoded body); `/v1` bodies are checked too. */
export async function raw(
  emulator: StripeEmulator,
  method: string,
  path: string,
  options: { key?: string; authorization?: string; form?: string; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.authorization !== undefined) headers.Authorization = options.authorization;
  else if (options.key !== undefined) headers.Authorization = `Bearer ${options.key}`;
  if (options.form !== undefined) headers["Content-Type"] = "application/x-www-form-urlencoded";
  const response = await fetch(`${emulator.url}${path}`, {
    method,
    headers,
    ...(options.form !== undefined ? { body: options.form } : {}),
    redirect: "manual",
  });
  const text = await response.text();
  let json: RawResponse["json"];
  try {
    json = JSON.parse(text) as RawResponse["json"];
  } catch {
    json = undefined as unknown as RawResponse["json"];
  }
  if (path.startsWith("/v1/")) checkResponseBody(method, path, response.status, json);
  return { status: response.status, headers: response.headers, text, json };
}

/** `/_emulator/…` switches: JSON in, JSON out. */
export async function admin(
  emulator: StripeEmulator,
  method: string,
  path: string,
  body?: unknown,
  key?: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (key !== undefined) headers.Authorization = `Bearer ${key}`;
  const response = await fetch(`${emulator.url}${path}`, {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export interface Hit {
  raw: string;
  signature: string;
  /** The `t=` of the signature header. */
  t: number;
  headers: IncomingHttpHeaders;
  /** The status the receiver answered with. */
  status: number;
  receivedAt: number;
}

export interface Receiver {
  url: string;
  hits: Hit[];
  /**
   * Every hit verified with the SDK against `secret` (throws on a bad signature), as events; each body
   * is also checked against the contract's `event` schema.
   */
  events(secret: string): Stripe.Event[];
  close(): Promise<void>;
}

const verifier = new Stripe("sk_test_verifier");

/** The event a delivery carries, checked with `stripe.webhooks.constructEvent` as a real receiver does. */
export function verify(hit: Hit, secret: string): Stripe.Event {
  return verifier.webhooks.constructEvent(hit.raw, hit.signature, secret);
}

/**
 * A webhook receiver on 127.0.0.1 (port 0). `statusFor(n)` picks the status of the n-th hit (0-based);
 * 200 by default.
 */
export async function startReceiver(
  statusFor: (index: number, hit: Hit) => number = () => 200,
): Promise<Receiver> {
  const hits: Hit[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const signature = String(req.headers["stripe-signature"] ?? "");
      const hit: Hit = {
        raw: Buffer.concat(chunks).toString("utf8"),
        signature,
        t: Number(/(?:^|,)t=(\d+)/.exec(signature)?.[1]),
        headers: req.headers,
        status: 0,
        receivedAt: Date.now(),
      };
      hit.status = statusFor(hits.length, hit);
      hits.push(hit);
      res.writeHead(hit.status, { "Content-Type": "text/plain" }).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhook`,
    hits,
    events: (secret) =>
      hits.map((hit) => {
        const event = verify(hit, secret);
        const check = validateResponse("event", JSON.parse(hit.raw));
        if (!check.ok) contractViolations.push(`delivered ${event.id}: ${check.errors.join("; ")}`);
        return event;
      }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Polls `check` every 10 ms until it returns true or `timeoutMs` passes. */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(10);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Catches the error a promise rejects with (fails the test when it resolves). */
/** A billing portal session for `customer` that returns to the shop's account page (needs a default configuration). */
export function portalSession(stripe: Stripe, customer: string): Promise<Stripe.BillingPortal.Session> {
  return stripe.billingPortal.sessions.create({ customer, return_url: "https://shop.example/account" });
}

export async function rejection<T = Stripe.errors.StripeError>(promise: Promise<unknown>): Promise<T> {
  try {
    await promise;
  } catch (error) {
    return error as T;
  }
  return expect.fail("expected the request to fail, but it succeeded");
}
