/**
 * The Node listener in front of Hono: the webhook served directly answers exactly as through Hono,
 * an unread body is drained so the connection carries on, and a client leaving mid-body is survived.
 */
import { Agent, request } from "node:http";
import { beforeAll, beforeEach, expect, it } from "vitest";
import { customerEvent, SECRET, sealTarget, sign, stubAndProxy } from "./helpers.js";

const net = stubAndProxy();
let ppUrl: string;

beforeAll(() => {
  ppUrl = sealTarget({ url: net.stub.url, secret: SECRET, account: "3" });
});

beforeEach(() => {
  net.stub.calls.length = 0;
});

interface Sent {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  localPort: number | undefined;
}

/** A raw POST, so the path and Host go out exactly as given. */
function post(
  path: string,
  body: string,
  headers: Record<string, string>,
  agent: Agent | false = false,
): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const req = request(`${net.proxy.url}${path}`, { method: "POST", headers, agent }, (res) => {
      let text = "";
      res.on("data", (chunk: Buffer) => {
        text += chunk.toString();
      });
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: text,
          localPort: req.socket?.localPort,
        }),
      );
    });
    req.on("error", reject);
    req.end(body);
  });
}

it("answers the same whether it serves the webhook or Hono does (an encoded path, an upper-case Host)", async () => {
  const { port } = net.proxy;
  const query = `?pp_url=${ppUrl}`;
  const variants = [
    { path: `/customer-webhook${query}`, host: `127.0.0.1:${port}` }, // served directly
    { path: `/customer%2Dwebhook${query}`, host: `127.0.0.1:${port}` }, // Hono decodes the path
    { path: `/customer-webhook${query}`, host: `LOCALHOST:${port}` }, // the adapter normalizes the Host
  ];
  for (const { path, host } of variants) {
    const payload = customerEvent();
    const sent = await post(path, payload, { host, "stripe-signature": sign(payload) });
    expect(sent).toMatchObject({ status: 200, body: '{"received":true,"result":"applied"}' });
    expect(sent.headers["content-type"]).toBe("application/json");
    expect(sent.headers["content-length"]).toBe(String(sent.body.length));
    const refused = await post(path.replace(ppUrl, "junk"), payload, { host });
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.body)).toMatchObject({ error: { code: "seal_malformed" } });
    // Over the limit: body.ts on the fast path, Hono's bodyLimit on Hono's route; the same answer.
    const big = customerEvent({ filler: "x".repeat(300 * 1024) });
    const tooLarge = await post(path, big, { host, "stripe-signature": sign(big) });
    expect(tooLarge.status).toBe(413);
    expect(JSON.parse(tooLarge.body)).toMatchObject({ error: { code: "body_too_large" } });
  }
  expect(net.stub.calls).toHaveLength(3);
});

it.each([
  ["refused before reading it", false],
  ["refused at the limit while streaming it", true],
])("drains the unread body of a request %s, keeping the connection", async (_name, streamed) => {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    // Far more than the socket buffers hold: unread, it would stall the connection.
    const big = "x".repeat(8 * 1024 * 1024);
    const refused = streamed
      ? await post(`/customer-webhook?pp_url=${ppUrl}`, big, { "transfer-encoding": "chunked" }, agent)
      : await post("/customer-webhook", big, { "content-type": "application/json" }, agent);
    expect(refused.status).toBe(streamed ? 413 : 400);
    const payload = customerEvent();
    const headers = { "stripe-signature": sign(payload) };
    const next = await post(`/customer-webhook?pp_url=${ppUrl}`, payload, headers, agent);
    expect(next.status).toBe(200);
    expect(next.localPort).toBe(refused.localPort);
  } finally {
    agent.destroy();
  }
});

it("survives a client that leaves mid-body: logged as unexpected, and the next request is served", async () => {
  const before = net.logs.length;
  await new Promise<void>((resolve) => {
    const req = request(`${net.proxy.url}/customer-webhook?pp_url=${ppUrl}`, {
      method: "POST",
      headers: { "content-length": "5000", "stripe-signature": "t=1,v1=ab" },
      agent: false,
    });
    req.on("error", () => resolve());
    req.write("x".repeat(1000));
    setTimeout(() => req.destroy(), 100);
  });
  await new Promise((resolve) => setTimeout(resolve, 100));
  const lines = net.logs.slice(before).map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(lines.some((l) => l.msg === "unexpected error")).toBe(true);
  const payload = customerEvent();
  const next = await post(`/customer-webhook?pp_url=${ppUrl}`, payload, {
    "stripe-signature": sign(payload),
  });
  expect(next.status).toBe(200);
});
