/**
 * The customer portal link, end to end: the SuiteApp in the NetSuite emulator served over HTTP
 * (`startNetSuiteServer`, so the external Suitelet URL works as a visitor's browser would use it), the
 * Stripe emulator over HTTPS. A sync gives each customer a link to customscript_nss_portal_sl carrying a
 * random token (never the customer ID); each visit redirects to a new Stripe billing portal session.
 */
import { request as httpsRequest } from "node:https";
import type { NetSuiteEmulator, NetSuiteServer } from "@nss/netsuite-emulator";
import type { StripeEmulator } from "@nss/stripe-emulator";
import { CONFIG_RECORD, CUSTOMER_FIELDS, LINK_RECORD, SCRIPTS, SYNC_LOG_RECORD } from "@nss/suiteapp/ids";
import { ADMIN, CERT, Cleanup, customer, query, saveCustomer, startSystem } from "@nss/suiteapp/system";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AS_CLERK, openSuiteApp } from "./helpers/suiteapp.js";

const KEY = `sk_test_nssPortal${Date.now()}`;
/** A Stripe account whose portal settings were never saved. */
const KEY_NO_PORTAL = `sk_test_nssPortalOff${Date.now()}`;
const RETURN_URL = "https://example.com/account";

const cleanup = new Cleanup();
let stripeEmulator: StripeEmulator;
let ns: NetSuiteEmulator;
let server: NetSuiteServer;

/** GET over HTTPS trusting the Stripe emulator's certificate. */
function httpsCall(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(url, { ca: CERT }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => {
        body += c;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
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
      LINK_RECORD.type,
      [{ name: "internalid" }],
      [{ name: LINK_RECORD.fields.customer, operator: "anyof", values: [String(customerId)] }],
    ),
    0,
    1,
  ).rows;
  return nsx.data.loadRecord(LINK_RECORD.type, Number(row?.id), false);
}

async function setToken(nsx: NetSuiteEmulator, customerId: number, token: string): Promise<void> {
  const link = linkOf(nsx, customerId);
  await nsx.saveAsUser(
    { ...link, values: { ...link.values, [LINK_RECORD.fields.portalToken]: token } },
    { user: ADMIN },
  );
}

const portalLink = (nsx: NetSuiteEmulator, id: number) =>
  String(customer(nsx, id)[CUSTOMER_FIELDS.portalLink] ?? "");

async function pressButton(nsx: NetSuiteEmulator, id: number): Promise<void> {
  const answer = await nsx.invokeSuitelet(SCRIPTS.syncSuitelet.scriptId, SCRIPTS.syncSuitelet.deploymentId, {
    method: "POST",
    parameters: { customerId: String(id) },
  });
  expect(JSON.parse(answer.body)).toMatchObject({ ok: true });
}

beforeAll(async () => {
  // Served before any sync: the links' external URLs name the forms domain.
  const system = cleanup.own(await startSystem({ key: KEY, netsuite: { ...AS_CLERK, serve: true } }));
  ({ ns, server, stripeEmulator } = system);
  // The portal settings of KEY's account are saved (the emulator's switch); KEY_NO_PORTAL's are not.
  await system.admin("billing_portal/default_configuration", { key: KEY });
  await system.saveConfig({ [CONFIG_RECORD.fields.portalReturnUrl]: RETURN_URL });
});

afterAll(() => cleanup.run());

describe("customer portal link", () => {
  let id: number;
  let url: string;

  it("a synced customer gets a link to the external Suitelet with a random token, not its ID", async () => {
    id = await saveCustomer(ns, { companyname: "Portal Ltd", email: "portal@example.com" });
    url = portalLink(ns, id);
    expect(url.startsWith(`${server.formsUrl}/app/site/hosting/scriptlet.nl?`)).toBe(true);
    const params = new URL(url).searchParams;
    expect(params.get("script")).toBe(SCRIPTS.portalSuitelet.scriptId);
    expect(params.get("deploy")).toBe(SCRIPTS.portalSuitelet.deploymentId);
    const token = params.get("t") ?? "";
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    expect(url).not.toMatch(new RegExp(`[?&][a-z]+=${id}(&|$)`));
    expect(linkOf(ns, id).values[LINK_RECORD.fields.portalToken]).toBe(token);
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
      expect(res.body).not.toContain(String(customer(ns, id)[CUSTOMER_FIELDS.stripeCustomerId]));
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
    expect(linkOf(ns, id).values[LINK_RECORD.fields.portalToken]).toBe(token);
    expect((await visit(url)).body).toContain("This link is not valid.");
    expect((await visit(renewed)).status).toBe(302);
    url = renewed;
  });

  it("a token replaced by REVOKED is kept by the sync, and the customer's link is blanked", async () => {
    await setToken(ns, id, "REVOKED");
    await pressButton(ns, id);
    expect(linkOf(ns, id).values[LINK_RECORD.fields.portalToken]).toBe("REVOKED");
    expect(portalLink(ns, id)).toBe("");
    expect((await visit(url)).body).toContain("This link is not valid.");
  });
});

describe("customer portal not activated in Stripe", () => {
  it("shows the can't-open page and writes the fix to the sync log", async () => {
    const { ns: off } = await openSuiteApp(cleanup, stripeEmulator, { key: KEY_NO_PORTAL });
    const id = await saveCustomer(off, { companyname: "Off Ltd", email: "off@example.com" });
    const token = String(linkOf(off, id).values[LINK_RECORD.fields.portalToken]);
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    const res = await off.invokeSuitelet(
      SCRIPTS.portalSuitelet.scriptId,
      SCRIPTS.portalSuitelet.deploymentId,
      {
        method: "GET",
        parameters: { t: token },
      },
    );
    expect(res.redirect).toBeUndefined();
    expect(res.body).toContain("This link cannot be opened right now.");
    expect(res.body).not.toContain("configuration");
    const logs = off.data
      .runSearch(
        query(
          SYNC_LOG_RECORD.type,
          [{ name: "internalid" }],
          [{ name: SYNC_LOG_RECORD.fields.kind, operator: "is", values: ["portal"] }],
        ),
        0,
        10,
      )
      .rows.map((r) => off.data.loadRecord(SYNC_LOG_RECORD.type, Number(r.id), false).values);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({
      [SYNC_LOG_RECORD.fields.outcome]: "failed",
      [SYNC_LOG_RECORD.fields.customer]: String(id),
    });
    expect(String(logs[0]?.[SYNC_LOG_RECORD.fields.message])).toContain("not activated");
    expect(String(logs[0]?.[SYNC_LOG_RECORD.fields.message])).toContain(
      "In Stripe, save the customer portal settings (Settings → Billing → Customer portal)",
    );
  });
});
