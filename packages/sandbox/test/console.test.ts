/**
 * The sandbox console against a small real system: the Stripe emulator over HTTPS, the built SuiteApp in
 * the NetSuite emulator with one Stripe account record, customers saved as a user (auto sync creates
 * their Stripe customers), and fake run actions. Needs `npm run build` (the SuiteApp's built files).
 */
import type { NetSuiteEmulator } from "@nss/netsuite-emulator";
import type { StripeEmulator } from "@nss/stripe-emulator";
import { EVENT_RECORD, LINK_RECORD, SYNC_LOG_RECORD } from "@nss/suiteapp/ids";
import { type Emulated, type System, startSystem } from "@nss/suiteapp/system";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ConsoleDeps, type RunView, startConsole } from "../src/console/index.js";

const KEY = "sk_test_console0123456789abcdefghijklmnop";

const EVIL = `<script>alert("x")</script> & Co`;

let system: System & Emulated;
let stripeEmulator: StripeEmulator;
let stripe: Stripe;
let ns: NetSuiteEmulator;
let accountId: number;
let consoleUrl: string;
let closeConsole: () => Promise<void>;
const calls: string[] = [];
let runs: RunView[] = [];
const ids: Record<string, number> = {};

const get = async (path: string, init?: RequestInit) => {
  const res = await fetch(`${consoleUrl}${path}`, { redirect: "manual", ...init });
  return { res, body: await res.text() };
};

/** The customers table's row for a NetSuite customer. */
const row = (body: string, id: number) => {
  const m = new RegExp(`<tr data-customer="${id}">([\\s\\S]*?)</tr>`).exec(body);
  return m?.[1] ?? "";
};

const link = (customer: number) =>
  ns.data
    .listRecords(LINK_RECORD.type)
    .find((r) => r.values[LINK_RECORD.fields.customer] === String(customer));

beforeAll(async () => {
  system = await startSystem({
    key: KEY,
    accounts: [{ name: "Main", subsidiary: "1", accountId: "acct_1NssConsole" }],
  });
  ({ ns, stripe, stripeEmulator } = system);
  accountId = system.accounts[0]?.recordId as number;
  const save = (values: Record<string, string>) =>
    ns.saveAsUser({ type: "customer", id: null, isDynamic: false, values: { subsidiary: "1", ...values } });
  ids.ada = await save({ companyname: "Ada Ltd", email: "ada@example.com" });
  ids.evil = await save({ companyname: EVIL, email: "evil@example.com" });
  ids.noEmail = await save({ companyname: "Nomail Inc" });
  // A second Stripe customer naming Ada: the summary counts it as a duplicate.
  await stripe.customers.create({
    email: "ada2@example.com",
    metadata: { netsuite_customer_id: String(ids.ada) },
  });
  // Enough customers for a second page, written as data (no user events, so never synced).
  for (let i = 1; i <= 55; i++) {
    ns.data.seedCustomer({
      companyname: `Seeded ${String(i).padStart(3, "0")}`,
      email: `seed${i}@example.com`,
    });
  }

  const deps: ConsoleDeps = {
    ns,
    netsuiteUrl: "http://127.0.0.1:9/",
    stripeUrl: stripeEmulator.url,
    accounts: [{ recordId: String(accountId), name: "Main", subsidiary: "1", stripe }],
    actions: {
      massSync: async () => {
        calls.push("massSync");
      },
      refreshPaymentMethods: async () => {
        calls.push("refreshPaymentMethods");
        throw new Error("already running");
      },
    },
    runs: () => runs,
  };
  const started = await startConsole(deps, { port: 0 });
  consoleUrl = started.url;
  closeConsole = started.close;
}, 120_000);

afterAll(async () => {
  await closeConsole?.();
  await system?.close();
});

describe("customers", () => {
  it("shows each NetSuite customer beside its Stripe customer", async () => {
    const { res, body } = await get("/");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    const stripeId = String(link(ids.ada as number)?.values[LINK_RECORD.fields.stripeId]);
    expect(stripeId).toMatch(/^cus_/);
    const ada = row(body, ids.ada as number);
    expect(ada).toContain("Ada Ltd");
    expect(ada).toContain(stripeId);
    expect(ada).toContain("synced");
    expect(ada).toContain(`http://127.0.0.1:9/app/common/entity/custjob.nl?id=${ids.ada}`);
    // As Stripe has it: read through the SDK, email and name.
    expect(ada).toMatch(/ada@example\.com<\/span> · Ada Ltd/);
    expect(ada).toContain("portal");
    // The customer with no email failed, with core's message as its last error.
    const noEmail = row(body, ids.noEmail as number);
    expect(noEmail).toContain("error");
    expect(noEmail).toContain("not linked");
    expect(noEmail).toMatch(/email/i);
    expect(body).toContain(stripeEmulator.url);
  });

  it("counts customers, links, failures, missing emails, Stripe customers and duplicates", async () => {
    const { body } = await get("/");
    const count = (id: string) => new RegExp(`<li id="${id}"[^>]*><span class="n">(\\d+)<`).exec(body)?.[1];
    expect(count("count-customers")).toBe("58");
    expect(count("linked-0")).toBe("2");
    expect(count("count-failed")).toBe("1");
    expect(count("count-no-email")).toBe("1");
    expect(count("stripe-count-0")).toBe("3");
    expect(count("duplicates-0")).toBe("1");
    expect(body).toContain(`NetSuite customer ${ids.ada} →`);
  });

  it("escapes what users typed", async () => {
    const { res, body } = await get("/");
    expect(body).not.toContain("<script>alert");
    const evil = row(body, ids.evil as number);
    expect(evil).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co");
    // No run is running: the page has no script at all, and the policy allows only its own.
    expect(body).not.toContain("<script");
    expect(res.headers.get("content-security-policy")).toContain("script-src 'nonce-");
  });

  it("pages 50 at a time and searches by name or email", async () => {
    const first = await get("/");
    expect(first.body.match(/<tr data-customer=/g)).toHaveLength(50);
    expect(first.body).toContain("58 customers · page 1 of 2");
    const second = await get("/?page=2");
    expect(second.body.match(/<tr data-customer=/g)).toHaveLength(8);
    expect(second.body).toContain("Seeded 055");
    expect(second.body).not.toContain("Ada Ltd</td>");
    expect(second.body).toContain('href="/?page=1#customers"');

    const byName = await get("/?q=ada");
    expect(byName.body.match(/<tr data-customer=/g)).toHaveLength(1);
    expect(row(byName.body, ids.ada as number)).toContain("Ada Ltd");
    const byEmail = await get(`/?q=${encodeURIComponent("EVIL@example")}`);
    expect(byEmail.body.match(/<tr data-customer=/g)).toHaveLength(1);
    expect(byEmail.body).toContain(`data-customer="${ids.evil}"`);
    const nothing = await get("/?q=zzz");
    expect(nothing.body).toContain("No customers to show.");
    // A page past the end shows the last one.
    expect((await get("/?page=99")).body).toContain("page 2 of 2");
  });
});

describe("logs", () => {
  it("shows the sync log newest first and the webhook log", async () => {
    const { body } = await get("/");
    const sync = /<table id="sync-log">([\s\S]*?)<\/table>/.exec(body)?.[1] ?? "";
    expect(sync).toContain("Ada Ltd");
    expect(sync).toContain("Nomail Inc");
    expect(sync).toContain("Main");
    // Newest first: the last customer saved comes before the first.
    expect(sync.indexOf("Nomail Inc")).toBeLessThan(sync.indexOf("Ada Ltd"));
    expect(sync).toContain("&lt;script&gt;");
    expect(body).toContain('<table id="webhook-log">');
  });

  it("shows the Stripe events the webhook applied, newest first", async () => {
    const claim = (eventId: string, at: string, status: string) =>
      ns.data.insertRaw(EVENT_RECORD.type, {
        externalid: `${accountId}:${eventId}`,
        [EVENT_RECORD.fields.eventId]: eventId,
        [EVENT_RECORD.fields.type]: "customer.updated",
        [EVENT_RECORD.fields.account]: String(accountId),
        [EVENT_RECORD.fields.status]: status,
        [EVENT_RECORD.fields.claimed]: at,
        [EVENT_RECORD.fields.message]: `${eventId} <b>outcome</b>`,
      });
    claim("evt_first", "2026-11-27T08:00:00.000Z", "applied");
    claim("evt_second", "2026-11-27T08:00:01.000Z", "applying");
    const { body } = await get("/");
    const events = /<table id="stripe-events">([\s\S]*?)<\/table>/.exec(body)?.[1] ?? "";
    expect(events.indexOf("evt_second")).toBeGreaterThan(0);
    expect(events.indexOf("evt_second")).toBeLessThan(events.indexOf("evt_first"));
    expect(events).toContain("customer.updated");
    expect(events).toContain("applying");
    expect(events).toContain("&lt;b&gt;outcome&lt;/b&gt;");
    expect(body).toContain("Stripe events (2)");
  });
});

describe("runs", () => {
  it("starts a run with a POST, without waiting for it, and redirects back", async () => {
    const { res } = await get("/runs/mass-sync", { method: "POST" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/#runs");
    expect(calls).toEqual(["massSync"]);
  });

  it("shows a run that could not start", async () => {
    const { res } = await get("/runs/payment-methods", { method: "POST" });
    expect(res.status).toBe(303);
    expect(calls).toEqual(["massSync", "refreshPaymentMethods"]);
    const { body } = await get("/");
    expect(body).toContain("The default payment method refresh could not run: already running");
  });

  it("refuses a GET and a POST from another site", async () => {
    expect((await get("/runs/mass-sync")).res.status).toBe(405);
    const foreign = await get("/runs/mass-sync", {
      method: "POST",
      headers: { Origin: "http://evil.example" },
    });
    expect(foreign.res.status).toBe(403);
    expect(calls).toHaveLength(2);
  });

  it("shows the runs with progress and refreshes while one runs", async () => {
    runs = [
      { name: "Mass sync", status: "running", detail: "map stage", progress: { done: 12, total: 58 } },
      { name: "Default payment method refresh", status: "done", detail: "refreshed 2" },
    ];
    const { res, body } = await get("/");
    const table = /<table id="runs-table">([\s\S]*?)<\/table>/.exec(body)?.[1] ?? "";
    expect(table).toContain('<progress max="58" value="12"></progress> 12 / 58');
    expect(table).toContain("map stage");
    expect(table).toContain("refreshed 2");
    const nonce = /script-src 'nonce-([^']+)'/.exec(res.headers.get("content-security-policy") ?? "")?.[1];
    expect(body).toContain(`<script nonce="${nonce}">`);
    expect(body).toContain("location.reload()");
    runs = [{ name: "Mass sync", status: "done" }];
    expect((await get("/")).body).not.toContain("<script");
  });
});

describe("errors", () => {
  it("shows a plain error page with the message, never a stack", async () => {
    const failing = await startConsole(
      {
        ns,
        netsuiteUrl: "http://127.0.0.1:9",
        stripeUrl: stripeEmulator.url,
        accounts: [],
        actions: { massSync: async () => {}, refreshPaymentMethods: async () => {} },
        runs: () => {
          throw new Error(`runs <unavailable> with ${KEY}`);
        },
      },
      { port: 0 },
    );
    try {
      const res = await fetch(`${failing.url}/`);
      const body = await res.text();
      expect(res.status).toBe(500);
      expect(body).toContain("runs &lt;unavailable&gt; with sk_test_…");
      expect(body).not.toContain(KEY);
      expect(body).not.toMatch(/at .*\.ts:\d+/);
      expect((await fetch(`${failing.url}/nope`)).status).toBe(404);
    } finally {
      await failing.close();
    }
  });

  it("keeps showing NetSuite when a Stripe account cannot be read, and links IDs to Stripe's dashboard", async () => {
    const unreachable = new Stripe(KEY, {
      host: "127.0.0.1",
      port: 9,
      protocol: "http",
      maxNetworkRetries: 0,
    });
    const partial = await startConsole(
      {
        ns,
        netsuiteUrl: "http://127.0.0.1:9",
        stripeUrl: "https://dashboard.stripe.com/test/customers",
        accounts: [{ recordId: String(accountId), name: "Main", subsidiary: "1", stripe: unreachable }],
        actions: { massSync: async () => {}, refreshPaymentMethods: async () => {} },
        runs: () => [],
      },
      { port: 0 },
    );
    try {
      const res = await fetch(`${partial.url}/`);
      const body = await res.text();
      expect(res.status).toBe(200);
      expect(body).toContain("Stripe account Main could not be read");
      expect(row(body, ids.ada as number)).toContain("Stripe unreadable");
      const stripeId = String(link(ids.ada as number)?.values[LINK_RECORD.fields.stripeId]);
      expect(row(body, ids.ada as number)).toContain(
        `<a href="https://dashboard.stripe.com/test/customers/${stripeId}"`,
      );
    } finally {
      await partial.close();
    }
  });
});

describe("stale links", () => {
  it("says when a linked Stripe customer is not in the account", async () => {
    const id = ns.data.seedCustomer({ companyname: "Stale Co", email: "stale@example.com" });
    ns.data.saveRecord({
      type: LINK_RECORD.type,
      id: null,
      isDynamic: false,
      values: {
        [LINK_RECORD.fields.customer]: String(id),
        [LINK_RECORD.fields.subsidiary]: "1",
        [LINK_RECORD.fields.account]: String(accountId),
        [LINK_RECORD.fields.stripeId]: "cus_Gone0000000000",
      },
    });
    const { body } = await get("/?q=stale");
    expect(row(body, id)).toContain("cus_Gone0000000000");
    expect(row(body, id)).toContain("not in Stripe");
  });
});

describe("speed", () => {
  it("shows a page of 300 linked customers quickly", async () => {
    // 300 more customers, each with a Stripe customer and a link record, written directly (no sync).
    const created: number[] = [];
    for (let i = 0; i < 300; i += 25) {
      const batch = await Promise.all(
        Array.from({ length: 25 }, (_, j) =>
          stripe.customers.create({ email: `bulk${i + j}@example.com`, name: `Bulk ${i + j}` }),
        ),
      );
      for (const c of batch) {
        const id = ns.data.seedCustomer({ companyname: c.name ?? "", email: c.email ?? "" });
        ns.data.saveRecord({
          type: LINK_RECORD.type,
          id: null,
          isDynamic: false,
          values: {
            [LINK_RECORD.fields.customer]: String(id),
            [LINK_RECORD.fields.subsidiary]: "1",
            [LINK_RECORD.fields.account]: String(accountId),
            [LINK_RECORD.fields.stripeId]: c.id,
          },
        });
        created.push(id);
      }
    }
    // And the sync log a few mass syncs leave behind: one row per customer per run.
    for (let i = 0; i < 1000; i++) {
      ns.data.saveRecord({
        type: SYNC_LOG_RECORD.type,
        id: null,
        isDynamic: false,
        values: {
          [SYNC_LOG_RECORD.fields.kind]: "mass",
          [SYNC_LOG_RECORD.fields.customer]: String(created[i % created.length]),
          [SYNC_LOG_RECORD.fields.account]: String(accountId),
          [SYNC_LOG_RECORD.fields.outcome]: "unchanged",
          [SYNC_LOG_RECORD.fields.message]: "Nothing changed since the last sync.",
          [SYNC_LOG_RECORD.fields.at]: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
        },
      });
    }
    await get("/"); // warm up
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      const { res, body } = await get(`/?page=${i + 2}`);
      times.push(performance.now() - start);
      expect(res.status).toBe(200);
      expect(body).toContain("359 customers");
    }
    // Every Stripe customer was read (four pages of 100): the oldest and the newest are both found.
    expect((await get("/")).body).toMatch(/<li id="stripe-count-0"><span class="n">303</);
    const last = await get("/?q=bulk299");
    expect(row(last.body, created.at(-1) as number)).toMatch(/bulk299@example\.com<\/span> · Bulk 299/);
    const oldest = await get("/?q=bulk0%40");
    expect(row(oldest.body, created[0] as number)).toMatch(/bulk0@example\.com<\/span> · Bulk 0/);
    times.sort((a, b) => a - b);
    console.log(
      `console page view, 359 customers, 303 Stripe customers, 1,005 sync log rows: median ${times[2]?.toFixed(0)} ms`,
    );
    expect(times[2]).toBeLessThan(300);
  });
});
