/**
 * createProxyApp's injectable dependencies: a fake forward and a fixed clock, without a network.
 * (`app.request` has no Node request either, so this also covers reading the body as a web stream.)
 */
import { readForwardedEvent } from "@nss/core";
import { expect, it } from "vitest";
import {
  createLogger,
  createProxyApp,
  type ForwardOptions,
  loadConfig,
  Metrics,
  seal,
} from "../src/index.js";
import { ADMIN_TOKEN, customerEvent, K1, SECRET, sign } from "./helpers.js";

it("uses the injected forward and clock", async () => {
  const loaded = loadConfig({ PROXY_SEAL_KEYS: K1, PROXY_ADMIN_TOKEN: ADMIN_TOKEN });
  if (!loaded.ok) throw new Error("config");
  const calls: ForwardOptions[] = [];
  const forward = async (options: ForwardOptions) => {
    calls.push(options);
    return { result: "applied" as const, message: "ok", httpStatus: 200 };
  };
  const then = Date.UTC(2024, 0, 1) / 1000; // a signature from 2024 is fresh for a clock stopped in 2024
  const lines: string[] = [];
  const metrics = new Metrics();
  const app = createProxyApp(loaded.value, {
    forward,
    now: () => then * 1000 + 5000,
    logger: createLogger({ level: "info", destination: { write: (line: string) => lines.push(line) } }),
    metrics,
  });
  const url =
    "https://1234567.extforms.netsuite.com/app/site/hosting/scriptlet.nl?script=1&deploy=1&ns-at=tok";
  const ppUrl = seal({ url, secret: SECRET, account: "12" }, loaded.value.sealKeys);
  const payload = customerEvent();
  const response = await app.request(`/customer-webhook?pp_url=${ppUrl}`, {
    method: "POST",
    headers: { "stripe-signature": sign(payload, SECRET, then) },
    body: payload,
  });
  expect(response.status).toBe(200);
  expect(calls).toHaveLength(1);
  expect(calls[0]).toMatchObject({ url, timeoutMs: loaded.value.forwardTimeoutMs });
  const forwarded = readForwardedEvent(calls[0]?.body ?? "");
  expect(forwarded.ok && forwarded.value.payload).toBe(payload);
  expect(metrics.render()).toContain('nss_proxy_forwarded_total{status="200",outcome="applied"} 1');
  expect(lines).toHaveLength(1);
  expect(lines[0]).not.toContain("tok");
});

it("limits the body on Hono's route as the Node listener does, the seal's refusal first", async () => {
  const loaded = loadConfig({
    PROXY_SEAL_KEYS: K1,
    PROXY_ADMIN_TOKEN: ADMIN_TOKEN,
    PROXY_MAX_BODY_BYTES: "1024",
  });
  if (!loaded.ok) throw new Error("config");
  const metrics = new Metrics();
  const app = createProxyApp(loaded.value, {
    forward: async () => ({ result: "applied" as const, message: "ok", httpStatus: 200 }),
    logger: createLogger({ level: "silent" }),
    metrics,
  });
  const url = "https://1234567.extforms.netsuite.com/app/site/hosting/scriptlet.nl?script=1&deploy=1";
  const ppUrl = seal({ url, secret: SECRET, account: "12" }, loaded.value.sealKeys);
  const big = "x".repeat(2048);
  const post = async (path: string, headers: Record<string, string> = {}) => {
    const response = await app.request(path, { method: "POST", headers, body: big });
    return { status: response.status, body: (await response.json()) as { error: { code: string } } };
  };
  // Streamed (no Content-Length) and declared by Content-Length.
  const streamed: Record<string, string> = {};
  for (const headers of [streamed, { "content-length": String(big.length) }]) {
    expect(await post(`/customer-webhook?pp_url=${ppUrl}`, headers)).toMatchObject({
      status: 413,
      body: { error: { code: "body_too_large" } },
    });
    expect(await post("/customer-webhook", headers)).toMatchObject({
      status: 400,
      body: { error: { code: "seal_missing" } },
    });
  }
  expect(metrics.render()).toContain('nss_proxy_refused_total{reason="body_too_large"} 2');
});
