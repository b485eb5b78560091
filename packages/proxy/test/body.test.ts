/** Reading a body straight from Node's request: whole, refused past the limit, or cut off by the client. */
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type Body, readIncomingBody } from "../src/body.js";

const LIMIT = 64 * 1024;
let origin: string;
let read: Promise<Body>;
/** Called when the server starts reading the next request. */
let reading: () => void = () => undefined;
const server = createServer((req, res) => {
  read = readIncomingBody(req, LIMIT);
  reading();
  read.then(
    (body) => {
      res.writeHead(body === "too_large" ? 413 : 200);
      res.end(body === "too_large" ? "too_large" : String(body.length));
    },
    () => res.destroy(),
  );
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

/** Sends `chunks` chunked (no Content-Length); resolves with the status and answer. */
function send(chunks: Buffer[], headers: Record<string, string> = {}) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(`${origin}/`, { method: "POST", headers, agent: false }, (res) => {
      let text = "";
      res.on("data", (chunk: Buffer) => {
        text += chunk.toString();
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on("error", reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

it("reads a body sent in many chunks, byte for byte", async () => {
  const chunks = Array.from({ length: 8 }, (_, i) => Buffer.alloc(4096, i));
  expect(await send(chunks)).toEqual({ status: 200, text: String(8 * 4096) });
  const body = await read;
  expect(Buffer.isBuffer(body) && body.equals(Buffer.concat(chunks))).toBe(true);
});

it("refuses by Content-Length without reading, and mid-stream once past the limit; the 413 gets out", async () => {
  const big = Buffer.alloc(LIMIT + 1);
  const declared = await send([big], { "content-length": String(big.length) });
  expect(declared).toEqual({ status: 413, text: "too_large" });
  const streamed = await send(Array.from({ length: 20 }, () => Buffer.alloc(8192)));
  expect(streamed).toEqual({ status: 413, text: "too_large" });
});

it("rejects when the client goes away mid-body, and the server keeps serving", async () => {
  const req = request(`${origin}/`, { method: "POST", agent: false });
  req.on("error", () => undefined);
  await new Promise<void>((resolve) => {
    reading = resolve;
    req.write(Buffer.alloc(1000));
  });
  req.destroy();
  await expect(read).rejects.toThrow();
  expect(await send([Buffer.from("ok")])).toEqual({ status: 200, text: "2" });
});
