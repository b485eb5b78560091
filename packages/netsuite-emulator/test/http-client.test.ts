import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { createServer as createTlsServer } from "node:https";
import {
  type AddressInfo,
  createServer as createTcpServer,
  type Socket,
  type Server as TcpServer,
} from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendHttp } from "../src/runtime/http-client.js";

const limits = { connectTimeoutMs: 150, timeoutMs: 400 };
let http: Server;
let silentTcp: TcpServer;
let base = "";
let silentPort = 0;
const silentSockets: Socket[] = [];

beforeAll(async () => {
  http = createServer((req, res) => {
    if (req.url === "/hang") return; // never answers
    if (req.url === "/redirect") {
      res.writeHead(302, { Location: "/elsewhere" }).end();
      return;
    }
    let body = "";
    req.on("data", (c: Buffer) => {
      body += c.toString();
    });
    req.on("end", () => {
      res.writeHead(201, { "X-Echo": req.headers["x-test"] ?? "" }).end(`${req.method} ${body}`);
    });
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  // Accepts TCP and says nothing: a TLS handshake to it never completes.
  silentTcp = createTcpServer((socket) => {
    silentSockets.push(socket);
  });
  await new Promise<void>((resolve) => silentTcp.listen(0, "127.0.0.1", resolve));
  silentPort = (silentTcp.address() as AddressInfo).port;
});

afterAll(async () => {
  http.closeAllConnections();
  await new Promise((resolve) => http.close(resolve));
  for (const socket of silentSockets) socket.destroy();
  await new Promise((resolve) => silentTcp.close(resolve));
});

async function errorOf(promise: Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await promise;
  } catch (e) {
    return { name: (e as Error).name, message: (e as Error).message };
  }
  throw new Error("expected an error");
}

describe("N/https's HTTP client", () => {
  it("sends method, headers and body, and returns code, headers and body", async () => {
    const response = await sendHttp(
      `${base}/echo`,
      { method: "POST", headers: { "X-Test": "yes" }, body: "a=1" },
      limits,
    );
    expect(response.code).toBe(201);
    expect(response.headers["x-echo"]).toBe("yes");
    expect(response.body).toBe("POST a=1");
  });

  it("returns a redirect instead of following it", async () => {
    const response = await sendHttp(`${base}/redirect`, { method: "GET", headers: {} }, limits);
    expect(response.code).toBe(302);
    expect(response.headers.location).toBe("/elsewhere");
  });

  it("gives up on a host that does not answer in time: SSS_REQUEST_TIME_EXCEEDED", async () => {
    const error = await errorOf(sendHttp(`${base}/hang`, { method: "GET", headers: {} }, limits));
    expect(error.name).toBe("SSS_REQUEST_TIME_EXCEEDED");
  });

  it("gives up on a connection that is not made in time: SSS_CONNECTION_TIME_OUT", async () => {
    const error = await errorOf(
      sendHttp(
        `https://127.0.0.1:${silentPort}/`,
        { method: "GET", headers: {} },
        { ...limits, timeoutMs: 2_000 },
      ),
    );
    expect(error.name).toBe("SSS_CONNECTION_TIME_OUT");
  });

  it("reports a refused connection without the URL's path or query", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await errorOf(
      sendHttp(`http://127.0.0.1:${port}/path?token=secret-value`, { method: "GET", headers: {} }, limits),
    );
    expect(error.name).toBe("SSS_CONNECTION_CLOSED");
    expect(error.message).not.toContain("secret-value");
  });

  it("trusts a local server's own certificate only when given as a CA", async () => {
    const pem = (name: string) =>
      readFileSync(new URL(`./fixtures/runner-misc/tls/${name}`, import.meta.url));
    const server = createTlsServer({ key: pem("key.pem"), cert: pem("cert.pem") }, (_req, res) =>
      res.end("secure"),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      const untrusted = await errorOf(sendHttp(url, { method: "GET", headers: {} }, limits));
      expect(untrusted.name).toBe("SSS_CONNECTION_CLOSED");
      const trusted = await sendHttp(url, { method: "GET", headers: {} }, { ...limits, ca: pem("cert.pem") });
      expect(trusted).toMatchObject({ code: 200, body: "secure" });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
