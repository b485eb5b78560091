import { execFile } from "node:child_process";
import { once } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import Stripe from "stripe";
import { afterEach, describe, expect, it } from "vitest";
import { type DeliveryAttempt, type DeliveryOptions, WebhookDelivery } from "../src/webhooks/index.js";

const stripe = new Stripe("sk_test_x");
const SECRET = "whsec_faults_test";

interface Hit {
  eventId: string;
  signature: string;
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Local endpoint; the SDK must verify every delivery (a forged one fails the test via `rejects`). */
async function receiver(respond: (req: IncomingMessage, res: ServerResponse) => void = (_q, r) => r.end()) {
  const hits: Hit[] = [];
  const rejects: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const signature = String(req.headers["stripe-signature"]);
      try {
        const event = stripe.webhooks.constructEvent(Buffer.concat(chunks), signature, SECRET);
        hits.push({ eventId: event.id, signature });
      } catch (err) {
        rejects.push(String(err));
      }
      respond(req, res);
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  cleanups.push(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    expect(rejects).toEqual([]);
  });
  const { port } = server.address() as AddressInfo;
  return { endpoint: { id: "we_f", url: `http://127.0.0.1:${port}/hook`, secret: SECRET }, hits, server };
}

function delivery(options: DeliveryOptions = {}) {
  const attempts: DeliveryAttempt[] = [];
  const wd = new WebhookDelivery({ retryScale: 1e-5, ...options, onAttempt: (a) => attempts.push(a) });
  cleanups.push(() => wd.close());
  return { wd, attempts };
}

const eventJson = (id: string) => JSON.stringify({ id, object: "event", type: "customer.created" });

/** mulberry32: a seeded PRNG so the shuffle test replays the same permutations every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("WebhookDelivery fault injection", () => {
  it("duplicates: every event arrives twice, each copy with its own valid signature", async () => {
    const rx = await receiver();
    const { wd, attempts } = delivery({ duplicates: true });
    const ids = ["evt_1", "evt_2", "evt_3"].map((id) => wd.enqueue(rx.endpoint, id, eventJson(id)));
    expect(wd.pending()).toBe(6);
    await wd.idle();

    for (const id of ["evt_1", "evt_2", "evt_3"]) {
      const copies = rx.hits.filter((h) => h.eventId === id);
      expect(copies).toHaveLength(2);
      expect(copies[0]?.signature).not.toBe(copies[1]?.signature);
    }
    expect(attempts.every((a) => a.outcome === "succeeded")).toBe(true);
    const deliveryIds = new Set(attempts.map((a) => a.deliveryId));
    expect(deliveryIds.size).toBe(6);
    for (const id of ids) expect(deliveryIds.has(id)).toBe(true);
  });

  it("shuffle: events enqueued together arrive in a different order than enqueued", async () => {
    const rx = await receiver();
    const random = seeded(42);
    const enqueued = ["evt_a", "evt_b", "evt_c", "evt_d", "evt_e", "evt_f"];
    const orders: string[][] = [];
    for (let round = 0; round < 3; round++) {
      const { wd } = delivery({ shuffle: true, shuffleWindowMs: 10, random });
      for (const id of enqueued) wd.enqueue(rx.endpoint, id, eventJson(id));
      expect(rx.hits).toHaveLength(0); // held, not sent yet
      await wd.idle();
      orders.push(rx.hits.splice(0).map((h) => h.eventId));
    }
    for (const order of orders) expect([...order].sort()).toEqual(enqueued);
    expect(orders.some((order) => order.join() !== enqueued.join())).toBe(true);
  });

  it("close(): aborts in-flight requests, cancels retries and reports nothing more", async () => {
    let hung: IncomingMessage | undefined;
    const slow = await receiver((req) => {
      hung = req; // never answered
    });
    const failing = await receiver((_req, res) => res.writeHead(500).end());
    // Real-time schedule: the retry after the 500 is 30 minutes away.
    const { wd, attempts } = delivery({ retryScale: 1, timeoutMs: 60_000 });
    wd.enqueue(slow.endpoint, "evt_slow", eventJson("evt_slow"));
    wd.enqueue(failing.endpoint, "evt_fail", eventJson("evt_fail"));
    while (attempts.length < 1 || !hung) await new Promise((r) => setTimeout(r, 5));
    expect(attempts[0]?.nextAttemptAt).toBeGreaterThan(Date.now() + 29 * 60_000);
    expect(wd.pending()).toBe(2);

    const socketClosed = once(hung.socket, "close");
    await wd.close();
    await socketClosed;
    expect(wd.pending()).toBe(0);
    await wd.idle();
    expect(await new Promise((r) => slow.server.getConnections((_e, n) => r(n)))).toBe(0);
    expect(await new Promise((r) => failing.server.getConnections((_e, n) => r(n)))).toBe(0);
    await new Promise((r) => setTimeout(r, 20));
    expect(attempts).toHaveLength(1);
    expect(() => wd.enqueue(failing.endpoint, "evt_late", eventJson("evt_late"))).toThrow(/closed/);
  });

  it("pending retry timers do not keep the Node process alive", async () => {
    const rx = await receiver((_req, res) => res.writeHead(500).end());
    const moduleUrl = new URL("../src/webhooks/index.ts", import.meta.url).href;
    const script = `
      const { WebhookDelivery } = await import(${JSON.stringify(moduleUrl)});
      const wd = new WebhookDelivery({ retryScale: 1, onAttempt: (a) => console.log(JSON.stringify(a)) });
      wd.enqueue(${JSON.stringify(rx.endpoint)}, "evt_exit", ${JSON.stringify(eventJson("evt_exit"))});
    `;
    const cwd = fileURLToPath(new URL("..", import.meta.url));
    const started = Date.now();
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "-e", script],
      { cwd, timeout: 20_000 },
    );
    const reported = stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as DeliveryAttempt);
    expect(reported).toHaveLength(1);
    expect(reported[0]).toMatchObject({ outcome: "failed", httpStatus: 500, attempt: 1 });
    expect(reported[0]?.nextAttemptAt).toBeGreaterThan(started + 29 * 60_000); // 30 min away, yet we exited
  });
});
