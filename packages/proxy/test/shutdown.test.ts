/** Graceful shutdown: close() stops accepting at once but lets a request in flight finish. */
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  postSigned,
  SECRET,
  type StubNetSuite,
  sealTarget,
  startStubNetSuite,
  startTestProxy,
} from "./helpers.js";

let stub: StubNetSuite;

beforeAll(async () => {
  stub = await startStubNetSuite();
});

afterAll(() => stub.close());

it("finishes the forward in flight, then refuses new connections", async () => {
  const proxy = await startTestProxy({
    PROXY_ALLOWED_TARGETS: stub.origin,
    PROXY_FORWARD_TIMEOUT_MS: "5000",
  });
  const ppUrl = sealTarget({ url: stub.url, secret: SECRET, account: "1" });
  stub.answer({ status: 200, body: '{"result":"applied","message":"slow"}', delayMs: 300 });
  const inFlight = postSigned(proxy.url, ppUrl);
  await new Promise((resolve) => setTimeout(resolve, 100));
  const closed = proxy.close();
  expect((await inFlight).status).toBe(200);
  await closed;
  await expect(fetch(`${proxy.url}/healthz`)).rejects.toThrow();
});
