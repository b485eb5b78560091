/**
 * The customer portal link, end to end: the SuiteApp in the NetSuite emulator served over HTTP
 * (`startNetSuiteServer`, so the external Suitelet URL works as a visitor's browser would use it), the
 * Stripe emulator over HTTPS. A sync gives each customer a link to customscript_nss_portal_sl carrying a
 * random token (never the customer ID); each visit redirects to a new Stripe billing portal session.
 */
import { rmSync } from "node:fs";
import { request as httpsRequest } from "node:https";
import { type NetSuiteEmulator, type NetSuiteServer, startNetSuiteServer } from "@nss/netsuite-emulator";
import { type StripeEmulator, startStripeEmulator } from "@nss/stripe-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ADMIN,
  CERT,
  customer,
  openSuiteApp,
  query,
  saveCustomer,
  secretEnv,
  TLS_KEY,
} from "./helpers/e2e.js";

const KEY = `sk_test_nssPortal${Date.now()}`;
/** A Stripe account whose portal settings were never saved. */
const KEY_NO_PORTAL = `sk_test_nssPortalOff${Date.now()}`;
const RETURN_URL = "https://example.com/account";

let stripeEmulator: StripeEmulator;
let ns: NetSuiteEmulator;
let server: NetSuiteServer;
const opened: NetSuiteEmulator[] = [];
const dirs: string[] = [];

/** GET over HTTPS trusting the Stripe emulator's certificate. */
function httpsCall(url: string, method = "GET", key?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      url,
      { method, ca: CERT, headers: key ? { Authorization: `Bearer ${key}` } : {} },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => {
          body += c;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

/** A visit of the portal link as a browser would make it, without following the redirect. */
async function visit(url: string): Promise<{ status: number; location: string | null; body: string }> {
  const res = await fetch(url, { redirect: "manual" });
  return { status: res.status, location: res.headers.get("location"), body: await res.text() };
}

function linkOf(nsx: NetSuiteEmulator, customerId: number) {
  const [row] = nsx.data.runSearch(
    query(
      "customrecord_nss_customer_link",
      [{ name: "internalid" }],
      [{ name: "custrecord_nss_link_customer", operator: "anyof", values: [String(customerId)] }],
    ),
    0,
    1,
  ).rows;
  return nsx.data.loadRecord("customrecord_nss_customer_link", Number(row?.id), false);
}

async function setToken(nsx: NetSuiteEmulator, customerId: number, token: string): Promise<void> {
  const link = linkOf(nsx, customerId);
  await nsx.saveAsUser(
    { ...link, values: { ...link.values, custrecord_nss_link_portal_token: token } },
    { user: ADMIN },
  );
}

const portalLink = (nsx: NetSuiteEmulator, id: number) =>
  String(customer(nsx, id).custentity_nss_portal_link ?? "");

async function pressButton(nsx: NetSuiteEmulator, id: number): Promise<void> {
  const answer = await nsx.invokeSuitelet("customscript_nss_sync_sl", "customdeploy_nss_sync_sl", {
    method: "POST",
    parameters: { customerId: String(id) },
  });
  expect(JSON.parse(answer.body)).toMatchObject({ ok: true });
}

beforeAll(async () => {
  stripeEmulator = await startStripeEmulator({ port: 0, tls: { key: TLS_KEY, cert: CERT } });
  // The portal settings of KEY's account are saved (the emulator's switch); KEY_NO_PORTAL's are not.
  const activated = await httpsCall(
    `${stripeEmulator.url}/_emulator/billing_portal/default_configuration`,
    "POST",
    KEY,
  );
  expect(activated.status).toBe(200);
  ({ ns } = await openSuiteApp({
    stripeUrl: stripeEmulator.url,
    env: secretEnv(KEY),
    opened: { dirs, emulators: opened },
  }));
  // Served before any sync: the links' external URLs name the forms domain.
  server = await startNetSuiteServer(ns);
  const [config] = ns.data.runSearch(query("customrecord_nss_config", [{ name: "internalid" }]), 0, 1).rows;
  const record = ns.data.loadRecord("customrecord_nss_config", Number(config?.id), false);
  await ns.saveAsUser(
    {
      ...record,
      values: { ...record.values, custrecord_nss_cfg_portal_return_url: RETURN_URL },
    },
    { user: ADMIN },
  );
});

afterAll(async () => {
  await server?.close();
  for (const o of opened) await o.close();
  await stripeEmulator?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe("customer portal link", () => {
  let id: number;
  let url: string;

  it("a synced customer gets a link to the external Suitelet with a random token, not its ID", async () => {
    id = await saveCustomer(ns, { companyname: "Portal Ltd", email: "portal@example.com" });
    url = portalLink(ns, id);
    expect(url.startsWith(`${server.formsUrl}/app/site/hosting/scriptlet.nl?`)).toBe(true);
    const params = new URL(url).searchParams;
    expect(params.get("script")).toBe("customscript_nss_portal_sl");
    expect(params.get("deploy")).toBe("customdeploy_nss_portal_sl");
    const token = params.get("t") ?? "";
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    expect(url).not.toMatch(new RegExp(`[?&][a-z]+=${id}(&|$)`));
    expect(linkOf(ns, id).values.custrecord_nss_link_portal_token).toBe(token);
    // Another customer gets another token.
    const other = await saveCustomer(ns, { companyname: "Other Ltd", email: "other@example.com" });
    expect(new URL(portalLink(ns, other)).searchParams.get("t")).not.toBe(token);
  });

  it("each visit redirects to a new Stripe portal session for the customer", async () => {
    const first = await visit(url);
    expect(first.status).toBe(302);
    expect(first.location).toMatch(new RegExp(`^${stripeEmulator.url}/p/session/`));
    const page = await httpsCall(first.location ?? "");
    expect(page.status).toBe(200);
    expect(page.body).toContain(RETURN_URL);
    const second = await visit(url);
    expect(second.status).toBe(302);
    expect(second.location).toMatch(new RegExp(`^${stripeEmulator.url}/p/session/`));
    expect(second.location).not.toBe(first.location);
    const units = ns.log
      .list()
      .filter((e) => e.title.startsWith("Portal opened"))
      .map((e) => e.details);
    console.log(`portal visit: ${units.at(-1)}`);
  });

  it("a wrong, short or missing token shows the invalid page and nothing else", async () => {
    const wrong = url.replace(/([?&]t=)[0-9a-f]+/, `$1${"ab".repeat(32)}`);
    const short = url.replace(/([?&]t=)[0-9a-f]+/, "$1abc");
    const missing = url.replace(/[?&]t=[0-9a-f]+/, "");
    for (const u of [
      wrong,
      short,
      missing,
      url.replace(/([?&]t=)([0-9a-f]+)/, (_m, p: string, t: string) => p + t.toUpperCase()),
    ]) {
      const res = await visit(u);
      expect(res.status).toBe(200);
      expect(res.location).toBeNull();
      expect(res.body).toContain("This link is not valid.");
      expect(res.body).not.toContain(String(customer(ns, id).custentity_nss_stripe_customer_id));
    }
  });

  it("a blanked (revoked) token stops the link; the Sync to Stripe button issues a new one", async () => {
    await setToken(ns, id, "");
    expect((await visit(url)).body).toContain("This link is not valid.");
    await pressButton(ns, id);
    const renewed = portalLink(ns, id);
    const token = new URL(renewed).searchParams.get("t") ?? "";
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    expect(renewed).not.toBe(url);
    expect(linkOf(ns, id).values.custrecord_nss_link_portal_token).toBe(token);
    expect((await visit(url)).body).toContain("This link is not valid.");
    expect((await visit(renewed)).status).toBe(302);
    url = renewed;
  });

  it("a token replaced by REVOKED is kept by the sync, and the customer's link is blanked", async () => {
    await setToken(ns, id, "REVOKED");
    await pressButton(ns, id);
    expect(linkOf(ns, id).values.custrecord_nss_link_portal_token).toBe("REVOKED");
    expect(portalLink(ns, id)).toBe("");
    expect((await visit(url)).body).toContain("This link is not valid.");
  });
});

describe("customer portal not activated in Stripe", () => {
  it("shows the can't-open page and writes the fix to the sync log", async () => {
    const { ns: off } = await openSuiteApp({
      stripeUrl: stripeEmulator.url,
      env: secretEnv(KEY_NO_PORTAL),
      opened: { dirs, emulators: opened },
    });
    const id = await saveCustomer(off, { companyname: "Off Ltd", email: "off@example.com" });
    const token = String(linkOf(off, id).values.custrecord_nss_link_portal_token);
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    const res = await off.invokeSuitelet("customscript_nss_portal_sl", "customdeploy_nss_portal_sl", {
      method: "GET",
      parameters: { t: token },
    });
    expect(res.redirect).toBeUndefined();
    expect(res.body).toContain("This link cannot be opened right now.");
    expect(res.body).not.toContain("configuration");
    const logs = off.data
      .runSearch(
        query(
          "customrecord_nss_sync_log",
          [{ name: "internalid" }],
          [{ name: "custrecord_nss_synclog_kind", operator: "is", values: ["portal"] }],
        ),
        0,
        10,
      )
      .rows.map((r) => off.data.loadRecord("customrecord_nss_sync_log", Number(r.id), false).values);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({
      custrecord_nss_synclog_outcome: "failed",
      custrecord_nss_synclog_customer: String(id),
    });
    expect(String(logs[0]?.custrecord_nss_synclog_message)).toContain("not activated");
    expect(String(logs[0]?.custrecord_nss_synclog_message)).toContain(
      "In Stripe, save the customer portal settings (Settings → Billing → Customer portal)",
    );
  });
});
