/**
 * The forward on node:http against real sockets: what it sends, connection reuse, and every way of
 * not getting a contract answer (a redirect is not followed, a long answer, a hang, a dropped line).
 */
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { MAX_NETSUITE_ANSWER_CHARS } from "@nss/core";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { createForwarder, type Forwarder } from "../src/index.js";
import { deadPort } from "./helpers.js";

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

interface TestServer {
  origin: string;
  requests: { method: string; path: string; headers: IncomingMessage["headers"]; body: string }[];
  connections: number;
  closedConnections: number;
  handle(handler: Handler): void;
  close(): Promise<void>;
}

async function startServer(): Promise<TestServer> {
  let handler: Handler = (_req, res) => res.end('{"result":"applied","message":"ok"}');
  const state = { connections: 0, closedConnections: 0 };
  const requests: TestServer["requests"] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      requests.push({ method: req.method ?? "", path: req.url ?? "", headers: req.headers, body });
      handler(req, res, body);
    });
  });
  server.on("connection", (socket) => {
    state.connections++;
    socket.on("close", () => state.closedConnections++);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    origin: `http://127.0.0.1:${port}`,
    requests,
    handle(next: Handler) {
      handler = next;
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}

let netsuite: TestServer;
let elsewhere: TestServer;
/** A fresh one per test, so connection counts start from nothing. */
let forwarder: Forwarder = createForwarder();
const url = () => `${netsuite.origin}/app/site/hosting/scriptlet.nl?script=412&deploy=1&ns-at=secret-token`;
const post = (body = '{"v":2}', timeoutMs = 500) => forwarder.forward({ url: url(), body, timeoutMs });

beforeAll(async () => {
  netsuite = await startServer();
  elsewhere = await startServer();
});

afterAll(async () => {
  forwarder.close();
  await Promise.all([netsuite.close(), elsewhere.close()]);
});

afterEach(() => {
  forwarder.close();
  forwarder = createForwarder();
  netsuite.handle((_req, res) => res.end('{"result":"applied","message":"ok"}'));
});

it("POSTs the body with the contract's headers and reads the answer", async () => {
  const body = '{"v":2,"account":"12","payload":"Ærø 😀","signature":"t=1,v1=ab"}';
  expect(await post(body)).toEqual({ result: "applied", message: "ok", httpStatus: 200 });
  const request = netsuite.requests.at(-1);
  expect(request).toMatchObject({
    method: "POST",
    path: "/app/site/hosting/scriptlet.nl?script=412&deploy=1&ns-at=secret-token",
    body,
  });
  expect(request?.headers).toMatchObject({
    "content-type": "application/json",
    accept: "application/json",
    "user-agent": "nss-proxy/0.1",
    "content-length": String(Buffer.byteLength(body)),
  });
});

it("reuses one keep-alive connection for consecutive forwards, and close() ends it", async () => {
  const before = netsuite.connections;
  for (let i = 0; i < 5; i++) expect(await post()).toMatchObject({ result: "applied" });
  expect(netsuite.connections - before).toBe(1);
  const closedBefore = netsuite.closedConnections;
  forwarder.close();
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(netsuite.closedConnections - closedBefore).toBe(1);
});

it("does not follow a redirect: a 3xx is an http_status failure", async () => {
  netsuite.handle((_req, res) => {
    res.writeHead(307, { location: `${elsewhere.origin}/steal` });
    res.end();
  });
  const before = elsewhere.requests.length;
  expect(await post()).toEqual({ failure: "http_status", httpStatus: 307 });
  expect(elsewhere.requests.length).toBe(before);
});

it("maps a non-2xx status to http_status and an answer outside the contract to unparseable", async () => {
  netsuite.handle((_req, res) => {
    res.writeHead(500);
    res.end('{"result":"applied"}');
  });
  expect(await post()).toEqual({ failure: "http_status", httpStatus: 500 });
  netsuite.handle((_req, res) => res.end("<html>Log in</html>"));
  expect(await post()).toEqual({ failure: "unparseable", httpStatus: 200 });
});

it.each([
  ["declared by Content-Length", true],
  ["streamed without a length", false],
])("refuses an answer over MAX_NETSUITE_ANSWER_CHARS bytes (%s) as unparseable", async (_name, declared) => {
  const big = `{"result":"applied","message":"${"x".repeat(MAX_NETSUITE_ANSWER_CHARS)}"}`;
  netsuite.handle((_req, res) => {
    if (declared) res.setHeader("content-length", Buffer.byteLength(big));
    for (let at = 0; at < big.length; at += 8192) res.write(big.slice(at, at + 8192));
    res.end();
  });
  expect(await post()).toEqual({ failure: "unparseable", httpStatus: 200 });
});

it("times out when NetSuite never answers, or stops halfway through its answer", async () => {
  netsuite.handle(() => undefined);
  const started = performance.now();
  expect(await post('{"v":2}', 150)).toEqual({ failure: "timeout" });
  expect(performance.now() - started).toBeLessThan(1000);
  netsuite.handle((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.write('{"result":');
  });
  expect(await post('{"v":2}', 150)).toEqual({ failure: "timeout" });
});

it("reports a dropped connection or a refused port as network, naming nothing", async () => {
  netsuite.handle((req) => req.socket.destroy());
  expect(await post()).toEqual({ failure: "network" });
  netsuite.handle((_req, res) => {
    res.writeHead(200, { "content-length": "100" });
    res.write('{"result":');
    setTimeout(() => res.socket?.destroy(), 10);
  });
  expect(await post()).toEqual({ failure: "network" });
  const port = await deadPort();
  const outcome = await forwarder.forward({
    url: `http://127.0.0.1:${port}/x?ns-at=secret-token`,
    body: "{}",
    timeoutMs: 500,
  });
  expect(outcome).toEqual({ failure: "network" });
});

it("speaks TLS to an https target and, like fetch, refuses a certificate it cannot trust", async () => {
  const fixtures = fileURLToPath(new URL("./fixtures/", import.meta.url));
  const refusals: (string | undefined)[] = [];
  const server = createHttpsServer({
    cert: readFileSync(`${fixtures}cert.pem`),
    key: readFileSync(`${fixtures}key.pem`),
  });
  // The client hung up in the handshake; a plaintext request would be ERR_SSL_HTTP_REQUEST instead.
  server.on("tlsClientError", (error: NodeJS.ErrnoException) => refusals.push(error.code));
  server.on("request", (_req, res) => res.end('{"result":"applied"}'));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const outcome = await forwarder.forward({
      url: `https://localhost:${port}/x`,
      body: "{}",
      timeoutMs: 1000,
    });
    expect(outcome).toEqual({ failure: "network" });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).not.toMatch(/HTTP_REQUEST|WRONG_VERSION/);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});
