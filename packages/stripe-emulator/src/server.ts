/**
 * The emulator's HTTP server: Stripe's API under `/v1`, the read-only dashboard at `/`, billing portal
 * pages under `/p/session/…`, and the test switches under `/_emulator/`. Binds to 127.0.0.1 by default.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createServer as createTlsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { handleAdmin } from "./admin.js";
import { handleApi } from "./api.js";
import type { EmulatorState } from "./context.js";
import { Faults } from "./faults.js";
import { toStripeJson } from "./json.js";
import { renderDashboard } from "./pages/dashboard.js";
import { portalAction, renderPortal } from "./portal-visits.js";
import { RateLimiter } from "./rate-limit.js";
import type { RateLimitsOption } from "./rate-limit-rules.js";
import { ensureDefaultConfiguration } from "./resources/billing-portal.js";
import { Store, type StoredAccount, type StripeObject } from "./store.js";
import { WebhookDelivery } from "./webhooks/index.js";

export interface StripeEmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** SQLite file; in memory when absent. */
  db?: string;
  /**
   * Stripe's rate limits (global per account by mode, per operation, search): `"stripe"` as Stripe
   * documents them, an object to change some, `"off"` (default). See rate-limit-rules.ts.
   */
  rateLimits?: RateLimitsOption;
  /** One global limit for every account, live or test, requests per second (0: none); overrides `rateLimits`' global one. */
  rateLimit?: number;
  /** How long search takes to see a write, ms (real Stripe: about a minute). Default 0. */
  searchLagMs?: number;
  /** Webhook retry schedule factor: 1 is Stripe's real timing; 0.001 turns hours into seconds. */
  retryScale?: number;
  webhookTimeoutMs?: number;
  /** Give every account a default billing portal configuration, as if its portal settings were saved. */
  defaultPortalConfiguration?: boolean;
  /** A clock for tests (Unix ms). */
  now?: () => number;
  /**
   * Serve HTTPS with this key and certificate (PEM) instead of HTTP: NetSuite's N/https only calls
   * https:// URLs, so a SuiteApp running in the NetSuite emulator reaches this one over TLS.
   */
  tls?: { key: string | Buffer; cert: string | Buffer };
  /**
   * With `tls`, also serve plain HTTP on this port (0 picks a free one): a browser then opens the
   * dashboard (`pagesUrl`) without a certificate warning, while N/https keeps calling the API over TLS.
   * Both listeners serve everything.
   */
  httpPort?: number;
  /**
   * With `httpPort`, build billing portal session URLs on the plain HTTP origin too. Off by default:
   * Stripe's session URLs are https, and a client may rightly refuse anything else.
   */
  portalOnHttp?: boolean;
  /** Called for every event the emulator creates. */
  onEvent?: (account: StoredAccount, event: StripeObject) => void;
  /**
   * Refuse (UNSUPPORTED_BY_EMULATOR) a `Stripe-Version` other than the contract's 2023-08-16. Off by
   * default: the stripe SDK sends its own pinned version, and the emulator answers it in 2023-08-16.
   */
  strictApiVersion?: boolean;
}

export interface StripeEmulator {
  url: string;
  port: number;
  /** The origin of the pages a browser opens (`/`, portal sessions): the `httpPort` listener's, else `url`. */
  pagesUrl: string;
  store: Store;
  faults: Faults;
  delivery: WebhookDelivery;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error("body too large"));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { "Content-Type": type, "Content-Length": Buffer.byteLength(body), ...headers });
  res.end(body);
}

function lowerHeaders(req: IncomingMessage): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.headers)) out[k.toLowerCase()] = Array.isArray(v) ? v[0] : v;
  return out;
}

function dashboardHtml(state: EmulatorState, port: number): string {
  const { store } = state;
  const strip = (objects: StripeObject[]) => JSON.parse(toStripeJson(objects, false)) as StripeObject[];
  return renderDashboard(
    {
      generatedAt: state.now(),
      accounts: store.accounts().map((a) => ({
        id: a.id,
        keyHint: a.keyHint,
        customers: strip(store.all(a.id, "customer")),
        paymentMethods: strip(store.all(a.id, "payment_method")),
        events: strip(store.all(a.id, "event").slice(0, 500)),
        webhookEndpoints: strip(store.all(a.id, "webhook_endpoint")),
        deliveries: store.deliveries(a.id),
      })),
    },
    { port },
  );
}

export async function startStripeEmulator(options: StripeEmulatorOptions = {}): Promise<StripeEmulator> {
  const store = new Store(options.db);
  const now = options.now ?? Date.now;
  // Keyed by endpoint, not by delivery id: with `duplicates` one enqueue makes two deliveries (two ids),
  // and every attempt of both must be recorded under the endpoint's account.
  const accountOfEndpoint = new Map<string, string>();
  const delivery = new WebhookDelivery({
    retryScale: options.retryScale ?? 1,
    ...(options.webhookTimeoutMs !== undefined ? { timeoutMs: options.webhookTimeoutMs } : {}),
    now,
    onAttempt: (attempt) => {
      const account = accountOfEndpoint.get(attempt.endpointId);
      if (account === undefined) return;
      // The first success for an endpoint (a `duplicates` copy is not a second one) settles one of the
      // event's `pending_webhooks`: Stripe counts the endpoints that have not received it yet.
      const settles =
        attempt.outcome === "succeeded" &&
        !store.deliverySucceeded(account, attempt.eventId, attempt.endpointId);
      store.addDelivery({ ...attempt, account });
      if (settles) store.transaction(() => settlePendingWebhook(account, attempt.eventId));
    },
  });
  let baseUrl = "";
  const state: EmulatorState = {
    store,
    now,
    baseUrl: () => baseUrl,
    searchLagMs: options.searchLagMs ?? 0,
    delivery: {
      enqueue: (account, endpoint, eventId, payload) => {
        accountOfEndpoint.set(endpoint.id, account);
        delivery.enqueue(endpoint, eventId, payload);
      },
    },
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
  };
  const faults = new Faults();
  const rateLimiter = new RateLimiter({ rateLimit: options.rateLimit, rateLimits: options.rateLimits });
  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    void route(req, res).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      if (!res.headersSent)
        send(res, message === "body too large" ? 413 : 500, "text/plain; charset=utf-8", message);
      else res.destroy();
    });
  };
  const server = options.tls
    ? createTlsServer({ key: options.tls.key, cert: options.tls.cert }, handle)
    : createServer(handle);
  const plain = options.tls && options.httpPort !== undefined ? createServer(handle) : undefined;

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://emulator");
    const method = (req.method ?? "GET").toUpperCase();
    const path = url.pathname;
    const headers = lowerHeaders(req);
    if (path.startsWith("/v1/")) {
      // Read for every method: a GET or DELETE body would be ignored, so protocol.ts refuses it.
      const body = await readBody(req);
      const protocol = { strictApiVersion: options.strictApiVersion ?? false };
      const answer = await handleApi(
        { state, rateLimiter, faults, sleep, onAccount, protocol },
        { method, path, query: url.search.slice(1), body, headers },
      );
      send(res, answer.status, "application/json", toStripeJson(answer.body), answer.headers);
      return;
    }
    if (path.startsWith("/_emulator/")) {
      const body = method === "POST" ? await readBody(req) : "";
      const answer = await handleAdmin(
        { state, faults, rateLimiter, delivery },
        method,
        path,
        body,
        headers.authorization,
        url.searchParams,
      );
      send(res, answer.status, "application/json", JSON.stringify(answer.body, null, 2));
      return;
    }
    const portal = /^\/p\/session\/([A-Za-z0-9]+)(?:\/(attach|detach|default))?$/.exec(path);
    if (portal) {
      const [, token = "", action] = portal;
      if (method === "POST" && action) {
        const form = Object.fromEntries(new URLSearchParams(await readBody(req)));
        const result = portalAction(state, token, action, form);
        res.writeHead(303, { Location: `/p/session/${token}?message=${encodeURIComponent(result.message)}` });
        res.end();
        return;
      }
      if (method === "GET" && !action) {
        const page = renderPortal(state, token, url.searchParams.get("message") ?? undefined);
        send(res, page.status, "text/html; charset=utf-8", page.html);
        return;
      }
    }
    if (method === "GET" && path === "/") {
      send(res, 200, "text/html; charset=utf-8", dashboardHtml(state, port));
      return;
    }
    send(
      res,
      404,
      "application/json",
      toStripeJson({
        error: { type: "invalid_request_error", message: `Unrecognized request URL (${method}: ${path}).` },
      }),
    );
  }

  function settlePendingWebhook(account: string, eventId: string): void {
    const event = store.get(account, eventId)?.object;
    const pending = event?.pending_webhooks;
    if (!event || typeof pending !== "number" || pending <= 0) return;
    const at = now();
    store.replace(account, { ...event, pending_webhooks: pending - 1 }, at, at);
  }

  const portalReady = new Set<string>();
  function onAccount(account: StoredAccount): void {
    if (!options.defaultPortalConfiguration || portalReady.has(account.id)) return;
    portalReady.add(account.id);
    store.transaction(() => ensureDefaultConfiguration(store, account, now()));
  }

  const host = options.host ?? "127.0.0.1";
  const origin = (scheme: string, p: number) => `${scheme}://${host.includes(":") ? `[${host}]` : host}:${p}`;
  const listen = (s: typeof server | NonNullable<typeof plain>, p: number) =>
    new Promise<number>((resolve, reject) => {
      s.once("error", reject);
      s.listen(p, host, () => resolve((s.address() as AddressInfo).port));
    });
  const port = await listen(server, options.port ?? 0);
  const url = origin(options.tls ? "https" : "http", port);
  let pagesUrl = url;
  if (plain) {
    try {
      pagesUrl = origin("http", await listen(plain, options.httpPort ?? 0));
    } catch (error) {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      store.close();
      throw error;
    }
  }
  baseUrl = options.portalOnHttp ? pagesUrl : url;

  return {
    url,
    port,
    pagesUrl,
    store,
    faults,
    delivery,
    async close() {
      await delivery.close();
      for (const s of plain ? [server, plain] : [server]) {
        await new Promise<void>((resolve) => {
          s.close(() => resolve());
          s.closeAllConnections();
        });
      }
      store.close();
    },
  };
}
