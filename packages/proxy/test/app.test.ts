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
