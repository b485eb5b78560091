/**
 * The SuiteApp's Stripe client (ts/lib/stripe/stripe-client.ts), built by `npm run build` as a library module
 * into the fixture project `test/fixtures/stripe-client-project`, run by that project's scheduled
 * script in the NetSuite emulator against the Stripe emulator over HTTPS. The Stripe emulator refuses
 * any request Stripe's contract refuses, so every successful call proves the wire format; faults and
 * the rate limit come from its `/_emulator/` switches.
 */
import { existsSync } from "node:fs";
import { createServer, request as httpsRequest, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { STRIPE_API_VERSION, type SyncIssue } from "@nss/core";
import { type LogEntry, NetSuiteEmulator } from "@nss/netsuite-emulator";
import type { StripeEmulator } from "@nss/stripe-emulator";
import { CERT, startStripe, stripeClient, TLS_KEY } from "@nss/suiteapp/system";
import type Stripe from "stripe";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

const FIXTURES = fileURLToPath(new URL("./fixtures/", import.meta.url));
const PROJECT = join(FIXTURES, "stripe-client-project");
const LIBRARY = join(PROJECT, "src", "FileCabinet", "SuiteApps", "com.nss.test", "lib", "stripe_client.js");
const SCRIPT = "customscript_nss_test_stripe_client";

/** The API secret values (only the NetSuite emulator's main thread ever sees them). */
const KEY = `sk_test_nssClient${Date.now()}`;
/** Not a key Stripe (or the emulator) accepts: its 401 message quotes part of it. */
const WRONG_KEY = "sk_test_revoked-Key-9876";
const GOOD_SECRET = "custsecret_nss_test_key";
const WRONG_SECRET = "custsecret_nss_test_wrong_key";

type Result = { ok: true; value: Record<string, unknown> } | { ok: false; errors: SyncIssue[] };
interface Attempt {
  method: string;
  path: string;
  attempt: number;
  outcome: number | string;
  idempotencyKey?: string;
  replayed: boolean;
  units: number;
  waitedMs: number;
}
interface Calls {
  requests: number;
  attempts: number;
  retries: number;
  httpsCalls: number;
  units: number;
  waitedMs: number;
  failures: number;
  history: Attempt[];
}
interface RequestSpec {
  method: "GET" | "POST" | "DELETE";
  path: string;
  params?: Record<string, unknown>;
  options?: { idempotencyKey?: string; reserveUnits?: number };
}

let stripeEmulator: StripeEmulator;
let ns: NetSuiteEmulator;
let stripe: Stripe;

beforeAll(async () => {
  if (!existsSync(LIBRARY)) throw new Error(`No ${LIBRARY}: run \`npm run build\` first.`);
  stripeEmulator = await startStripe();
  ns = await NetSuiteEmulator.open({
    projectDir: PROJECT,
    env: {
      [`NSS_SECRET_${GOOD_SECRET.toUpperCase()}`]: KEY,
      [`NSS_SECRET_${WRONG_SECRET.toUpperCase()}`]: WRONG_KEY,
    },
    httpsCa: CERT,
  });
  stripe = stripeClient(KEY, stripeEmulator);
});

afterAll(async () => {
  await ns?.close();
  await stripeEmulator?.close();
});

/** A `/_emulator/` switch of the Stripe emulator, over HTTPS as its README says. */
function emulatorSwitch(method: "POST" | "DELETE", path: string, body?: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const text = body === undefined ? "" : JSON.stringify(body);
    const req = httpsRequest(
      `${stripeEmulator.url}${path}`,
      { method, ca: CERT, headers: { "Content-Type": "application/json", "Content-Length": text.length } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const out = Buffer.concat(chunks).toString("utf8");
          if ((res.statusCode ?? 500) >= 300) reject(new Error(`${path}: ${res.statusCode} ${out}`));
          else resolve(JSON.parse(out));
        });
      },
    );
    req.on("error", reject);
    req.end(text);
  });
}

afterEach(async () => {
  await emulatorSwitch("DELETE", "/_emulator/faults");
  await emulatorSwitch("POST", "/_emulator/rate_limit", { perSecond: 0 });
});

interface RunOptions {
  secretId?: string;
  accountName?: string;
  apiBase?: string;
  options?: Record<string, unknown>;
  leaveUnits?: number;
}

/** Runs the fixture script once; returns what it logged and the units the run used. */
async function run(requests: RequestSpec[], opts: RunOptions = {}) {
  const from = ns.log.list({ scriptId: SCRIPT }).length;
  const params: Record<string, string> = {
    custscript_nsst_api_base: opts.apiBase ?? stripeEmulator.url,
    custscript_nsst_account_id: "acct_1NssTest",
    custscript_nsst_secret_id: opts.secretId ?? GOOD_SECRET,
    custscript_nsst_requests: JSON.stringify(requests),
    custscript_nsst_options: JSON.stringify({ backoffBaseMs: 20, backoffMaxMs: 100, ...opts.options }),
  };
  if (opts.accountName) params.custscript_nsst_account_name = opts.accountName;
  if (opts.leaveUnits !== undefined) params.custscript_nsst_leave_units = String(opts.leaveUnits);
  const done = await ns.runScript(SCRIPT, undefined, params);
  if (done.type !== "scheduledscript") throw new Error("not a scheduled script run");
  const entries = ns.log.list({ scriptId: SCRIPT }).slice(from);
  const audit = (title: string) => entries.filter((e) => e.level === "AUDIT" && e.title === title);
  const results = audit("result").map((e) => (JSON.parse(e.details) as { result: Result }).result);
  const calls = JSON.parse(audit("calls")[0]?.details ?? "null") as Calls;
  const units = JSON.parse(audit("units")[0]?.details ?? "null") as { before: number; used: number };
  return { results, calls, units, usage: done.result.usage, entries };
}

const value = (r: Result | undefined): Record<string, unknown> => {
  if (!r?.ok) throw new Error(`expected success, got ${JSON.stringify(r)}`);
  return r.value;
};
const issue = (r: Result | undefined): SyncIssue => {
  if (r === undefined || r.ok) throw new Error(`expected an issue, got ${JSON.stringify(r)}`);
  expect(r.errors).toHaveLength(1);
  return r.errors[0] as SyncIssue;
};
const uniqueEmail = (tag: string) => `${tag}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@example.com`;

/** Customers with this email, and the `customer.created` events' idempotency keys, as Stripe has them. */
async function inStripe(email: string) {
  const customers = (await stripe.customers.list({ email, limit: 10 })).data;
  const events = (await stripe.events.list({ type: "customer.created", limit: 100 })).data.filter((e) =>
    customers.some((c) => c.id === (e.data.object as { id: string }).id),
  );
  return { customers, keys: events.map((e) => e.request?.idempotency_key) };
}

describe("requests Stripe accepts", () => {
  it("creates a customer with an idempotency key, reads it back, lists and deletes it; 10 units a call", async () => {
    const email = uniqueEmail("ada");
    const key = `nss-test-create-${Date.now()}`;
    const created = await run([
      {
        method: "POST",
        path: "/v1/customers",
        params: {
          email,
          name: "Ada Lovelace",
          address: { city: "Oslo", country: "NO" },
          preferred_locales: ["nb", "en"],
          metadata: { netsuite_customer_id: "107", netsuite_subsidiary: "1" },
        },
        options: { idempotencyKey: key },
      },
    ]);
    const customer = value(created.results[0]);
    expect(customer).toMatchObject({ object: "customer", email, name: "Ada Lovelace" });
    expect(created.calls).toMatchObject({ requests: 1, attempts: 1, retries: 0, httpsCalls: 1, failures: 0 });
    expect(created.calls.history[0]).toMatchObject({ idempotencyKey: key, outcome: 200, replayed: false });
    // The script's only charge is the https call.
    expect(created.usage).toBe(10 * created.calls.httpsCalls);
    expect(created.calls.units).toBe(10);

    const id = String(customer.id);
    const read = await run([
      {
        method: "GET",
        path: `/v1/customers/${id}`,
        params: { expand: ["invoice_settings.default_payment_method"] },
      },
      { method: "GET", path: "/v1/customers", params: { email, limit: 10 } },
      // The same key and parameters: Stripe replays the first answer, no second customer.
      {
        method: "POST",
        path: "/v1/customers",
        params: {
          email,
          name: "Ada Lovelace",
          address: { city: "Oslo", country: "NO" },
          preferred_locales: ["nb", "en"],
          metadata: { netsuite_customer_id: "107", netsuite_subsidiary: "1" },
        },
        options: { idempotencyKey: key },
      },
    ]);
    expect(value(read.results[0])).toMatchObject({ id, email, address: { city: "Oslo", country: "NO" } });
    expect(value(read.results[0]).metadata).toEqual({
      netsuite_customer_id: "107",
      netsuite_subsidiary: "1",
    });
    expect((value(read.results[1]).data as { id: string }[]).map((c) => c.id)).toEqual([id]);
    expect(value(read.results[2]).id).toBe(id);
    expect(read.calls.history[2]).toMatchObject({ replayed: true, idempotencyKey: key });
    expect(read.usage).toBe(30);

    expect(await inStripe(email)).toEqual({ customers: [expect.objectContaining({ id })], keys: [key] });

    const deleted = await run([{ method: "DELETE", path: `/v1/customers/${id}` }]);
    expect(value(deleted.results[0])).toMatchObject({ id, deleted: true });
  });
});

describe("the request on the wire", () => {
  let server: Server;
  let base: string;
  const seen: { method: string; url: string; headers: Record<string, unknown>; body: string }[] = [];

  beforeAll(async () => {
    server = createServer({ key: TLS_KEY, cert: CERT }, (req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        seen.push({
          method: req.method ?? "",
          url: req.url ?? "",
          headers: req.headers,
          body: Buffer.concat(chunks).toString("utf8"),
        });
        if (req.url?.startsWith("/v1/html")) {
          res.writeHead(200, { "Content-Type": "text/html" }).end("<html>Login to the proxy</html>");
        } else if (req.url?.startsWith("/v1/lock")) {
          const error = {
            type: "invalid_request_error",
            code: "lock_timeout",
            message:
              "This object cannot be accessed right now because another API request or Stripe process is currently accessing it.",
          };
          res.writeHead(409, { "Content-Type": "application/json" }).end(JSON.stringify({ error }));
        } else if (req.url?.startsWith("/v1/no-retry")) {
          const error = { type: "api_error", message: "Do not retry this one." };
          res
            .writeHead(500, { "Content-Type": "application/json", "Stripe-Should-Retry": "false" })
            .end(JSON.stringify({ error }));
        } else if (req.url?.startsWith("/v1/should-retry")) {
          const error = { type: "invalid_request_error", message: "Try again." };
          res
            .writeHead(400, { "Content-Type": "application/json", "Stripe-Should-Retry": "true" })
            .end(JSON.stringify({ error }));
        } else if (req.url?.startsWith("/v1/forbidden")) {
          const error = {
            type: "invalid_request_error",
            code: "secret_key_required",
            message:
              "The provided key 'rk_test_****5678' does not have the required permissions for this endpoint.",
          };
          res.writeHead(403, { "Content-Type": "application/json" }).end(JSON.stringify({ error }));
        } else if (req.url?.startsWith("/v1/gateway")) {
          res.writeHead(502, { "Content-Type": "text/html" }).end("<html>Bad gateway</html>");
        } else {
          res.writeHead(200, { "Content-Type": "application/json" }).end('{"object":"test"}');
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("sends the secret through NetSuite, Stripe-Version, a form body on POST and a query on GET", async () => {
    seen.length = 0;
    await run(
      [
        {
          method: "POST",
          path: "/v1/customers",
          params: { email: "a+b@example.com", address: { city: "Tromsø" }, expand: ["x"] },
          options: { idempotencyKey: "key-1" },
        },
        {
          method: "GET",
          path: "/v1/customers",
          params: { email: "a+b@example.com", limit: 3 },
          options: { idempotencyKey: "ignored" },
        },
        { method: "DELETE", path: "/v1/customers/cus_1" },
      ],
      { apiBase: `${base}/` },
    );
    const [post, get, del] = seen;
    expect(post).toMatchObject({
      method: "POST",
      url: "/v1/customers",
      body: "email=a%2Bb%40example.com&address[city]=Troms%C3%B8&expand[0]=x",
      headers: {
        authorization: `Bearer ${KEY}`,
        "stripe-version": STRIPE_API_VERSION,
        "content-type": "application/x-www-form-urlencoded",
        "idempotency-key": "key-1",
      },
    });
    expect(get).toMatchObject({
      method: "GET",
      url: "/v1/customers?email=a%2Bb%40example.com&limit=3",
      body: "",
    });
    expect(get?.headers["idempotency-key"]).toBeUndefined();
    expect(get?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(del).toMatchObject({ method: "DELETE", url: "/v1/customers/cus_1" });
  });

  it("a body that is not JSON is STRIPE_BAD_RESPONSE; a 502 page is retried, then STRIPE_UNAVAILABLE", async () => {
    const out = await run(
      [
        { method: "GET", path: "/v1/html" },
        { method: "GET", path: "/v1/gateway" },
      ],
      { apiBase: base },
    );
    expect(issue(out.results[0])).toMatchObject({ code: "STRIPE_BAD_RESPONSE" });
    expect(issue(out.results[0]).message).toContain("<html>Login");
    expect(issue(out.results[1])).toMatchObject({ code: "STRIPE_UNAVAILABLE" });
    expect(out.calls.attempts).toBe(1 + 3);
  });

  it("retries 409 lock_timeout and Stripe-Should-Retry: true, not Stripe-Should-Retry: false", async () => {
    const out = await run(
      [
        { method: "GET", path: "/v1/lock" },
        { method: "GET", path: "/v1/should-retry" },
        { method: "GET", path: "/v1/no-retry" },
        { method: "GET", path: "/v1/forbidden" },
      ],
      { apiBase: base },
    );
    expect(issue(out.results[0])).toMatchObject({ code: "STRIPE_UNAVAILABLE" });
    expect(issue(out.results[1])).toMatchObject({ code: "STRIPE_INVALID_REQUEST" });
    expect(issue(out.results[2])).toMatchObject({ code: "STRIPE_UNAVAILABLE" });
    const forbidden = issue(out.results[3]);
    expect(forbidden.code).toBe("STRIPE_PERMISSION");
    // Anything shaped like a key in Stripe's text is masked.
    expect(forbidden.message).not.toContain("5678");
    expect(out.calls.history.map((a) => `${a.path} ${a.outcome}`)).toEqual([
      "/v1/lock 409",
      "/v1/lock 409",
      "/v1/lock 409",
      "/v1/should-retry 400",
      "/v1/should-retry 400",
      "/v1/should-retry 400",
      "/v1/no-retry 500",
      "/v1/forbidden 403",
    ]);
  });

  it("a secret the project does not define is STRIPE_SECRET_UNAVAILABLE, not retried", async () => {
    const out = await run([{ method: "GET", path: "/v1/customers" }], {
      apiBase: base,
      secretId: "custsecret_nss_test_missing",
    });
    const found = issue(out.results[0]);
    expect(found.code).toBe("STRIPE_SECRET_UNAVAILABLE");
    expect(found.message).toContain("custsecret_nss_test_missing");
    expect(out.calls.attempts).toBe(1);
  });

  it("a server that refuses connections is STRIPE_UNREACHABLE, after the retries of a GET", async () => {
    const closed = createServer({ key: TLS_KEY, cert: CERT });
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const out = await run([{ method: "GET", path: "/v1/customers" }], {
      apiBase: `https://127.0.0.1:${port}`,
    });
    const found = issue(out.results[0]);
    expect(found.code).toBe("STRIPE_UNREACHABLE");
    expect(found.message).toContain("SSS_CONNECTION_CLOSED");
    expect(out.calls).toMatchObject({ attempts: 3, retries: 2 });
    expect(out.usage).toBe(30);
  });
});

describe("errors a user can act on", () => {
  it("a wrong key is STRIPE_AUTH naming the secret ID and the account, never the key, and is not retried", async () => {
    const out = await run([{ method: "GET", path: "/v1/customers", params: { limit: 1 } }], {
      secretId: WRONG_SECRET,
      accountName: "EU",
    });
    const found = issue(out.results[0]);
    expect(found.code).toBe("STRIPE_AUTH");
    expect(found.message).toContain(WRONG_SECRET);
    expect(found.message).toContain('Stripe account "EU"');
    expect(found.fix).toContain("API Secrets");
    expect(JSON.stringify(found)).not.toContain(WRONG_KEY);
    expect(JSON.stringify(found)).not.toContain("9876");
    expect(out.calls).toMatchObject({ attempts: 1, retries: 0, failures: 1 });
  });

  it("an unknown parameter is STRIPE_INVALID_REQUEST naming the parameter", async () => {
    const out = await run([
      { method: "POST", path: "/v1/customers", params: { email: uniqueEmail("x"), nickname: "Ada" } },
    ]);
    const found = issue(out.results[0]);
    expect(found).toMatchObject({ code: "STRIPE_INVALID_REQUEST", field: "nickname" });
    expect(found.message).toContain("Received unknown parameter: nickname");
    expect(found.message).toContain("(parameter nickname)");
    expect(out.calls.attempts).toBe(1);
  });

  it("a missing customer is STRIPE_NOT_FOUND with its ID", async () => {
    const out = await run([{ method: "GET", path: "/v1/customers/cus_NoSuchCustomer1" }]);
    const found = issue(out.results[0]);
    expect(found.code).toBe("STRIPE_NOT_FOUND");
    expect(found.message).toContain("cus_NoSuchCustomer1");
    expect(out.calls.attempts).toBe(1);
  });

  it("the same idempotency key with other parameters is STRIPE_IDEMPOTENCY", async () => {
    const key = `nss-test-idem-${Date.now()}`;
    const out = await run([
      {
        method: "POST",
        path: "/v1/customers",
        params: { email: uniqueEmail("i1") },
        options: { idempotencyKey: key },
      },
      {
        method: "POST",
        path: "/v1/customers",
        params: { email: uniqueEmail("i2") },
        options: { idempotencyKey: key },
      },
    ]);
    value(out.results[0]);
    expect(issue(out.results[1]).code).toBe("STRIPE_IDEMPOTENCY");
    expect(out.calls.attempts).toBe(2);
  });
});

describe("retries", () => {
  it("two 500s before the request runs, then success: one customer, same key, two retries", async () => {
    const email = uniqueEmail("retry");
    const key = `nss-test-retry-${Date.now()}`;
    await emulatorSwitch("POST", "/_emulator/faults", {
      kind: "500",
      count: 2,
      phase: "before",
      method: "POST",
      pathPrefix: "/v1/customers",
    });
    const out = await run([
      { method: "POST", path: "/v1/customers", params: { email }, options: { idempotencyKey: key } },
    ]);
    expect(value(out.results[0])).toMatchObject({ email });
    expect(out.calls).toMatchObject({ requests: 1, attempts: 3, retries: 2, httpsCalls: 3, failures: 0 });
    expect(out.calls.history.map((a) => [a.outcome, a.idempotencyKey])).toEqual([
      [500, key],
      [500, key],
      [200, key],
    ]);
    // Backed off before each retry (base 20 ms: 10–20 ms, then 20–40 ms), busy-waiting.
    const [w1, w2] = out.calls.history.slice(1).map((a) => a.waitedMs);
    expect(w1).toBeGreaterThanOrEqual(10);
    expect(w2).toBeGreaterThanOrEqual(20);
    expect(out.calls.waitedMs).toBe((w1 ?? 0) + (w2 ?? 0));
    expect(out.usage).toBe(30);
    const { customers, keys } = await inStripe(email);
    expect(customers).toHaveLength(1);
    expect(keys).toEqual([key]);
  });

  it("a 500 after the create ran is replayed for the key: STRIPE_UNAVAILABLE, and the customer exists", async () => {
    const email = uniqueEmail("after");
    const key = `nss-test-after-${Date.now()}`;
    await emulatorSwitch("POST", "/_emulator/faults", {
      kind: "500",
      count: 1,
      phase: "after",
      method: "POST",
      pathPrefix: "/v1/customers",
    });
    const out = await run([
      { method: "POST", path: "/v1/customers", params: { email }, options: { idempotencyKey: key } },
    ]);
    const found = issue(out.results[0]);
    expect(found.code).toBe("STRIPE_UNAVAILABLE");
    expect(found.message).toContain("after 3 attempts");
    expect(out.calls.history.map((a) => [a.outcome, a.idempotencyKey, a.replayed])).toEqual([
      [500, key, false],
      [500, key, true],
      [500, key, true],
    ]);
    // Stripe ran the create: the caller's next lookup (by email or metadata) must find this customer.
    const { customers, keys } = await inStripe(email);
    expect(customers).toHaveLength(1);
    expect(keys).toEqual([key]);
  });

  it("a 429 is retried; with a limit of 1/s a burst ends in success or STRIPE_RATE_LIMITED", async () => {
    await emulatorSwitch("POST", "/_emulator/rate_limit", { perSecond: 1 });
    const burst = Array.from({ length: 5 }, () => ({
      method: "GET" as const,
      path: "/v1/customers",
      params: { limit: 1 },
    }));
    const out = await run(burst, { options: { backoffBaseMs: 100, backoffMaxMs: 500 } }); // the defaults
    expect(out.results).toHaveLength(5);
    value(out.results[0]);
    for (const r of out.results) {
      if (!r.ok) expect(issue(r).code).toBe("STRIPE_RATE_LIMITED");
    }
    expect(out.calls.retries).toBeGreaterThan(0);
    expect(out.calls.history.some((a) => a.outcome === 429)).toBe(true);
    expect(out.calls.attempts).toBeLessThanOrEqual(5 * 3);
    // The client's default backoff: 50–100 ms before a 2nd attempt, 100–200 ms before a 3rd.
    for (const a of out.calls.history.filter((h) => h.attempt > 1)) {
      expect(a.waitedMs).toBeGreaterThanOrEqual(a.attempt === 2 ? 50 : 100);
      expect(a.waitedMs).toBeLessThan(a.attempt === 2 ? 100 + 100 : 200 + 100);
    }
    expect(out.usage).toBe(10 * out.calls.httpsCalls);
  });

  it("a 429 is retried, a 400 is not", async () => {
    await emulatorSwitch("POST", "/_emulator/faults", {
      kind: "429",
      count: 1,
      phase: "before",
      method: "GET",
    });
    const out = await run([
      { method: "GET", path: "/v1/customers", params: { limit: 1 } },
      { method: "GET", path: "/v1/customers", params: { limit: 1, nope: "x" } },
    ]);
    value(out.results[0]);
    expect(issue(out.results[1]).code).toBe("STRIPE_INVALID_REQUEST");
    expect(out.calls.history.map((a) => a.outcome)).toEqual([429, 200, 400]);
  });
});

describe("governance", () => {
  it("stops with STRIPE_GOVERNANCE when the next attempt would eat into the reserve", async () => {
    await emulatorSwitch("POST", "/_emulator/faults", {
      kind: "500",
      count: 3,
      phase: "before",
      method: "GET",
    });
    // 45 units: attempt 1 (45 ≥ 10 + 20), attempt 2 (35 ≥ 30), attempt 3 (25 < 30) is not made.
    const out = await run([{ method: "GET", path: "/v1/customers", params: { limit: 1 } }], {
      leaveUnits: 45,
    });
    const found = issue(out.results[0]);
    expect(found.code).toBe("STRIPE_GOVERNANCE");
    expect(found.message).toContain("25 governance units remain");
    expect(found.message).toContain("after 2 attempts (last: HTTP 500)");
    expect(out.calls).toMatchObject({ attempts: 2, httpsCalls: 2, units: 20 });
    expect(out.units).toEqual({ before: 45, used: 20 });
  });

  it("with 15 units and no reserve it stops instead of SSS_USAGE_LIMIT_EXCEEDED", async () => {
    await emulatorSwitch("POST", "/_emulator/faults", {
      kind: "500",
      count: 3,
      phase: "before",
      method: "GET",
    });
    const out = await run([{ method: "GET", path: "/v1/customers", params: { limit: 1 } }], {
      leaveUnits: 15,
      options: { reserveUnits: 0 },
    });
    expect(issue(out.results[0]).code).toBe("STRIPE_GOVERNANCE");
    expect(out.calls).toMatchObject({ attempts: 1, units: 10 });
    // The script finished: 10,000 − 5 units used, no SSS_USAGE_LIMIT_EXCEEDED anywhere.
    expect(out.usage).toBe(10_000 - 5);
    expect(out.entries.some((e: LogEntry) => /USAGE_LIMIT/.test(e.title + e.details))).toBe(false);
  });
});

describe("the execution log", () => {
  it("never holds a secret key, nor parameters above DEBUG", () => {
    const all = ns.log.list();
    expect(all.length).toBeGreaterThan(20);
    for (const entry of all) {
      const text = `${entry.title} ${entry.details}`;
      expect(text).not.toContain(KEY);
      expect(text).not.toContain(WRONG_KEY);
      expect(text).not.toMatch(/sk_test_[A-Za-z0-9]{4,}/);
    }
    // The client itself writes only method, path and outcome; the customer data is in the fixture's own
    // result lines, never in the client's.
    const client = all.filter((e) => e.title === "Stripe call" || e.title === "Stripe call retried");
    expect(client.length).toBeGreaterThan(0);
    for (const e of client) expect(e.details).not.toContain("@example.com");
    expect(client.filter((e) => e.title === "Stripe call").every((e) => e.level === "DEBUG")).toBe(true);
  });
});
