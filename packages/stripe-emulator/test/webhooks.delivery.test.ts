import { once } from "node:events";
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { afterEach, describe, expect, it } from "vitest";
import {
  type DeliveryAttempt,
  type DeliveryOptions,
  maxAttempts,
  WebhookDelivery,
} from "../src/webhooks/index.js";

const stripe = new Stripe("sk_test_x");
const SECRET = "whsec_delivery_test";
/** 1e-5: the test-mode schedule (30 min, 1 h, 2 h) becomes 18, 36 and 72 ms. */
const SCALE = 1e-5;

interface Hit {
  path: string;
  body: string;
  headers: IncomingHttpHeaders;
  signature: string;
  t: number;
  eventId: string;
}

type Handler = (hit: Hit, res: ServerResponse, index: number) => void;

interface Receiver {
  url: string;
  hits: Hit[];
  server: Server;
}

const cleanups: Array<() => Promise<void>> = [];
/** Deliveries the SDK refused to verify: there must be none. */
const forged: string[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  expect(forged.splice(0)).toEqual([]);
});

/** A local endpoint that verifies every delivery with the official SDK before handing it to `handler`. */
async function receiver(handler: Handler = (_hit, res) => res.end("ok")): Promise<Receiver> {
  const hits: Hit[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const signature = String(req.headers["stripe-signature"]);
      let event: Stripe.Event;
      try {
        event = stripe.webhooks.constructEvent(body, signature, SECRET);
      } catch (err) {
        forged.push(String(err));
        res.writeHead(400).end();
        return;
      }
      const t = Number(/^t=(\d+),/.exec(signature)?.[1]);
      const hit: Hit = { path: req.url ?? "", body, headers: req.headers, signature, t, eventId: event.id };
      hits.push(hit);
      handler(hit, res, hits.length - 1);
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  cleanups.push(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/webhooks`, hits, server };
}

function delivery(options: DeliveryOptions = {}): { wd: WebhookDelivery; attempts: DeliveryAttempt[] } {
  const attempts: DeliveryAttempt[] = [];
  const wd = new WebhookDelivery({
    retryScale: SCALE,
    timeoutMs: 2_000,
    ...options,
    onAttempt: (a) => attempts.push(a),
  });
  cleanups.push(() => wd.close());
  return { wd, attempts };
}

const endpoint = (url: string) => ({ id: "we_1", url, secret: SECRET });
const eventJson = (id: string) =>
  JSON.stringify(
    { id, object: "event", type: "customer.updated", data: { object: { name: "Zoë ✓" } } },
    null,
    2,
  );

describe("WebhookDelivery", () => {
  it("delivers on the first try, byte for byte, with Stripe's headers", async () => {
    const rx = await receiver();
    const { wd, attempts } = delivery();
    const payload = eventJson("evt_ok");
    const id = wd.enqueue(endpoint(rx.url), "evt_ok", payload);
    expect(wd.pending()).toBe(1);
    await wd.idle();

    expect(wd.pending()).toBe(0);
    expect(rx.hits).toHaveLength(1);
    const [hit] = rx.hits;
    expect(hit?.body).toBe(payload);
    expect(hit?.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(hit?.headers["user-agent"]).toBe("Stripe/1.0 (+https://stripe.com/docs/webhooks)");
    expect(hit?.headers["content-length"]).toBe(String(Buffer.byteLength(payload)));
    expect(hit?.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64},v0=[0-9a-f]{64}$/);
    expect(Math.abs((hit?.t ?? 0) - Date.now() / 1000)).toBeLessThan(5);
    expect(attempts).toEqual([
      expect.objectContaining({
        deliveryId: id,
        eventId: "evt_ok",
        endpointId: "we_1",
        url: rx.url,
        attempt: 1,
        outcome: "succeeded",
        httpStatus: 200,
        error: null,
        nextAttemptAt: null,
      }),
    ]);
    expect(attempts[0]?.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("retries after a 500 and a timeout, re-signing each attempt, and reports all three", async () => {
    const rx = await receiver((_hit, res, i) => {
      if (i === 0) res.writeHead(500).end("boom");
      else if (i === 1) setTimeout(() => res.end("too late"), 1_000).unref();
      else res.writeHead(204).end();
    });
    const { wd, attempts } = delivery({ timeoutMs: 300 });
    wd.enqueue(endpoint(rx.url), "evt_retry", eventJson("evt_retry"));
    await wd.idle();

    expect(rx.hits.map((h) => h.eventId)).toEqual(["evt_retry", "evt_retry", "evt_retry"]);
    expect(new Set(rx.hits.map((h) => h.t)).size).toBe(3);
    expect(new Set(rx.hits.map((h) => h.signature)).size).toBe(3);
    expect(attempts.map((a) => [a.attempt, a.outcome, a.httpStatus])).toEqual([
      [1, "failed", 500],
      [2, "failed", null],
      [3, "succeeded", 204],
    ]);
    expect(attempts[0]?.error).toBeNull();
    expect(attempts[1]?.error).toMatch(/timed out after 300 ms/);
    expect(attempts[1]?.durationMs).toBeGreaterThanOrEqual(290);
    for (const a of attempts.slice(0, 2)) expect(a.nextAttemptAt).toBeGreaterThanOrEqual(a.at);
    expect(attempts[2]?.nextAttemptAt).toBeNull();
    expect(new Set(attempts.map((a) => a.deliveryId)).size).toBe(1);
  });

  it.each([
    ["test", 1e-5],
    ["live", 1e-6],
  ] as const)("gives up when the %s-mode schedule is exhausted", async (mode, retryScale) => {
    const rx = await receiver((_hit, res) => res.writeHead(503).end());
    const { wd, attempts } = delivery({ mode, retryScale });
    wd.enqueue(endpoint(rx.url), "evt_dead", eventJson("evt_dead"));
    await wd.idle();

    expect(attempts).toHaveLength(maxAttempts(mode));
    expect(rx.hits).toHaveLength(maxAttempts(mode));
    expect(attempts.every((a) => a.outcome === "failed" && a.httpStatus === 503)).toBe(true);
    expect(attempts.slice(0, -1).every((a) => a.nextAttemptAt !== null)).toBe(true);
    expect(attempts.at(-1)?.nextAttemptAt).toBeNull();
    expect(rx.hits.every((h) => h.signature.includes(",v0=") === (mode === "test"))).toBe(true);
    expect(wd.pending()).toBe(0);
  });

  it("counts a redirect as a failure and does not follow it", async () => {
    const rx = await receiver((hit, res) => {
      if (hit.path === "/webhooks") res.writeHead(302, { Location: "/elsewhere" }).end();
      else res.end("ok");
    });
    const { wd, attempts } = delivery();
    wd.enqueue(endpoint(rx.url), "evt_302", eventJson("evt_302"));
    await wd.idle();

    expect(rx.hits.map((h) => h.path)).toEqual(Array(maxAttempts("test")).fill("/webhooks"));
    expect(attempts.map((a) => [a.outcome, a.httpStatus])).toEqual(
      Array(maxAttempts("test")).fill(["failed", 302]),
    );
  });

  it("reports a network error with no status and retries it", async () => {
    const rx = await receiver();
    await new Promise((resolve) => rx.server.close(resolve)); // nothing listens on the port any more
    const { wd, attempts } = delivery();
    wd.enqueue(endpoint(rx.url), "evt_refused", eventJson("evt_refused"));
    await wd.idle();

    expect(attempts).toHaveLength(maxAttempts("test"));
    expect(attempts[0]?.httpStatus).toBeNull();
    expect(attempts[0]?.error).toMatch(/ECONNREFUSED/);
  });

  it("forgets finished deliveries and keeps the options switchable at run time", async () => {
    const rx = await receiver();
    const { wd, attempts } = delivery();
    wd.enqueue(endpoint(rx.url), "evt_a", eventJson("evt_a"));
    wd.setOptions({ duplicates: true });
    wd.enqueue(endpoint(rx.url), "evt_b", eventJson("evt_b"));
    wd.setOptions({ duplicates: false, retryScale: undefined });
    wd.enqueue(endpoint(rx.url), "evt_c", eventJson("evt_c"));
    await wd.idle();

    expect(rx.hits.map((h) => h.eventId).sort()).toEqual(["evt_a", "evt_b", "evt_b", "evt_c"]);
    expect(attempts).toHaveLength(4);
    expect(wd.pending()).toBe(0);
    expect(() => wd.setOptions({ retryScale: -1 })).toThrow(RangeError);
  });
});
