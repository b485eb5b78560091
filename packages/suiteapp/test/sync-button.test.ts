/**
 * The Sync to Stripe button, end to end on the server side: the customer user event's beforeLoad adds
 * the button and its client script, and the Sync Suitelet (customscript_nss_sync_sl) syncs the
 * customer's primary subsidiary against the Stripe emulator over HTTPS and answers JSON. The click in
 * a browser is tested with the NetSuite emulator's HTTP server; the banner wording is unit-tested here.
 */

import type { NetSuiteEmulator, SuiteletRequest } from "@nss/netsuite-emulator";
import { CONFIG_RECORD, CUSTOMER_FIELDS, SCRIPTS } from "@nss/suiteapp/ids";
import { customer, type System, saveCustomer, startSystem } from "@nss/suiteapp/system";
import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  formatRequestFailure,
  formatSyncResponse,
  outcomeLine,
  type SyncButtonResponse,
  type SyncButtonResult,
} from "../ts/lib/customer-sync/sync-suitelet-contract.js";
import { AR_CLERK, AS_CLERK } from "./helpers/suiteapp.js";

const KEY = `sk_test_nssSyncButton${Date.now()}`;
const SL = SCRIPTS.syncSuitelet.scriptId;
const DEPLOY = SCRIPTS.syncSuitelet.deploymentId;

let system: System;
let stripe: Stripe;
let ns: NetSuiteEmulator;

/** Calls the Suitelet as the client script does, and checks the answer is JSON. */
async function call(request: SuiteletRequest): Promise<SyncButtonResponse> {
  const response = await ns.invokeSuitelet(SL, DEPLOY, request);
  expect(response.code).toBe(200);
  const type = Object.entries(response.headers).find(([k]) => k.toLowerCase() === "content-type")?.[1];
  expect(type).toMatch(/^application\/json/);
  return JSON.parse(response.body) as SyncButtonResponse;
}

/** A POST naming the customer as the button does (URL parameter and JSON body). */
async function sync(id: number): Promise<SyncButtonResult> {
  const answer = await call({
    method: "POST",
    parameters: { customerId: String(id) },
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ customerId: String(id) }),
  });
  if (!("targets" in answer)) throw new Error(`no sync result: ${JSON.stringify(answer)}`);
  return answer;
}

beforeAll(async () => {
  // Auto sync off: only the button syncs.
  system = await startSystem({ key: KEY, autoSync: false, netsuite: AS_CLERK });
  ({ ns, stripe } = system);
});

afterAll(() => system?.close());

describe("the button on the customer record", () => {
  it("is added in view and edit mode with the client script beside the user event", async () => {
    const id = await saveCustomer(ns, { companyname: "Button Ltd", email: "button@example.com" });
    const record = ns.data.loadRecord("customer", id, false);
    for (const mode of ["view", "edit"] as const) {
      const { form } = await ns.fireBeforeLoad("customer", record, mode);
      expect(form.buttons).toEqual([
        { id: "custpage_nss_sync", label: "Sync to Stripe", functionName: "syncToStripe" },
      ]);
      expect(form.clientScriptModulePath).toBe("/SuiteApps/com.nss.stripesync/nss_customer_cs.js");
    }
  });

  it("is not added to a customer being created", async () => {
    const { form } = await ns.fireBeforeLoad("customer", ns.data.newRecord("customer", false), "create");
    expect(form.buttons).toEqual([]);
    expect(form.clientScriptModulePath).toBeUndefined();
  });
});

describe("the Sync Suitelet", () => {
  it("creates, then updates, then reports unchanged", async () => {
    const id = await saveCustomer(ns, {
      companyname: "Click Ltd",
      email: "click@example.com",
      phone: "+1 555 0100",
    });
    expect(customer(ns, id)[CUSTOMER_FIELDS.syncStatus] ?? "").toBe("");

    const first = await sync(id);
    const [cus] = (await stripe.customers.list({ email: "click@example.com" })).data;
    expect(cus).toMatchObject({ name: "Click Ltd", phone: "+1 555 0100" });
    expect(first).toEqual({
      ok: true,
      customerId: String(id),
      targets: [{ account: "Main", outcome: "created", stripeCustomerId: cus?.id }],
    });
    expect(customer(ns, id)).toMatchObject({
      [CUSTOMER_FIELDS.stripeCustomerId]: cus?.id,
      [CUSTOMER_FIELDS.syncStatus]: "synced",
    });

    const record = ns.data.loadRecord("customer", id, false);
    await ns.saveAsUser({ ...record, values: { ...record.values, phone: "+1 555 0199" } });
    const second = await sync(id);
    expect(second.targets).toEqual([{ account: "Main", outcome: "updated", stripeCustomerId: cus?.id }]);
    expect(await stripe.customers.retrieve(cus?.id ?? "")).toMatchObject({ phone: "+1 555 0199" });

    const third = await sync(id);
    expect(third.targets).toEqual([{ account: "Main", outcome: "unchanged", stripeCustomerId: cus?.id }]);
    expect((await stripe.customers.list({ email: "click@example.com" })).data).toHaveLength(1);
    expect(ns.log.list({ scriptId: SL }).some((e) => /units used: \d+/.test(e.details ?? ""))).toBe(true);
  });

  it("links a Stripe customer that already has the email, with the customer ID in a JSON body only", async () => {
    const existing = await stripe.customers.create({ email: "known@example.com", name: "Old name" });
    const id = await saveCustomer(ns, { companyname: "Known GmbH", email: "known@example.com" });
    const answer = await call({ method: "POST", body: JSON.stringify({ customerId: id }) });
    expect(answer).toEqual({
      ok: true,
      customerId: String(id),
      targets: [{ account: "Main", outcome: "linked", stripeCustomerId: existing.id }],
    });
    expect(await stripe.customers.retrieve(existing.id)).toMatchObject({
      name: "Known GmbH",
      metadata: { netsuite_customer_id: String(id) },
    });
  });

  it("returns core's issue, split into message and fix, for a customer without email", async () => {
    const id = await saveCustomer(ns, { companyname: "Silent Ltd" });
    const answer = await sync(id);
    expect(answer.ok).toBe(false);
    const [target] = answer.targets;
    expect(target).toMatchObject({ account: "Main", outcome: "failed", stripeCustomerId: null });
    expect(target?.message).toContain(`Customer ${id} has neither a Stripe customer ID`);
    expect(target?.fix).toContain("Fill email");
    expect(customer(ns, id)[CUSTOMER_FIELDS.syncStatus]).toBe("error");
  });

  it("an email Stripe would refuse is core's error naming the customer and field, with no Stripe call", async () => {
    const id = await saveCustomer(ns, { companyname: "Typo Ltd", email: "otameshi@com" });
    // Any request to Stripe would use up this fault; it is still whole after the sync.
    const fault = { kind: "500", count: 50, pathPrefix: "/v1/" };
    await system.admin("faults", { body: fault });
    try {
      const answer = await sync(id);
      expect(answer.ok).toBe(false);
      const [target] = answer.targets;
      expect(target).toMatchObject({ account: "Main", outcome: "failed", stripeCustomerId: null });
      expect(target?.message).toMatch(new RegExp(`^Customer ${id}: .*labelled email, holds "otameshi@com"`));
      expect(target?.fix).toContain("Correct the email address in NetSuite");
      expect(await system.admin("faults", { method: "GET" })).toMatchObject({
        pending: [expect.objectContaining({ count: 50 })],
      });
    } finally {
      await system.admin("faults", { method: "DELETE" });
    }
  });

  it("answers a 400 error naming the problem for a GET, a missing ID and an unknown customer", async () => {
    expect(await call({ method: "GET", parameters: { customerId: "1" } })).toMatchObject({
      ok: false,
      status: 400,
      error: { code: "NSS_METHOD", message: expect.stringContaining("not GET") },
    });
    expect(await call({ method: "POST", body: "" })).toMatchObject({
      ok: false,
      status: 400,
      error: { code: "NSS_CUSTOMER_ID", message: expect.stringContaining("customerId is missing") },
    });
    expect(await call({ method: "POST", parameters: { customerId: "abc" } })).toMatchObject({
      error: { code: "NSS_CUSTOMER_ID", message: expect.stringContaining('"abc"') },
    });
    expect(await call({ method: "POST", parameters: { customerId: "99999" } })).toMatchObject({
      ok: false,
      status: 400,
      error: { code: "NSS_CUSTOMER_NOT_FOUND", message: expect.stringContaining("no customer 99999") },
    });
  });
});

describe("least privilege", () => {
  it("the button works for a user whose role can edit customers and nothing of the SuiteApp", async () => {
    // Ann's role has Customers only: the Suitelet runs as the SuiteApp's role (Execute as Role).
    const id = await saveCustomer(ns, { companyname: "Clerk Ltd", email: "clerk@example.com" }, AR_CLERK);
    const { form } = await ns.fireBeforeLoad(
      "customer",
      ns.data.loadRecord("customer", id, false),
      "view",
      undefined,
      {
        user: AR_CLERK,
      },
    );
    expect(form.buttons.map((b) => b.id)).toEqual(["custpage_nss_sync"]);
    const response = await ns.invokeSuitelet(SL, DEPLOY, {
      method: "POST",
      parameters: { customerId: String(id) },
      user: AR_CLERK,
    });
    const answer = JSON.parse(response.body) as SyncButtonResult;
    expect(answer.targets.map((t) => t.outcome)).toEqual(["created"]);
    // Ann herself still cannot open the SuiteApp's records.
    await expect(
      ns.saveAsUser({ type: CONFIG_RECORD.type, id: null, isDynamic: false, values: {} }, { user: AR_CLERK }),
    ).rejects.toMatchObject({ name: "INSUFFICIENT_PERMISSION" });
  });
});

describe("the banner the client script shows", () => {
  const ok = (targets: SyncButtonResult["targets"]) =>
    JSON.stringify({ ok: targets.every((t) => t.outcome !== "failed"), customerId: "7", targets });

  it("names each outcome and Stripe customer", () => {
    expect(outcomeLine({ account: "Main", outcome: "created", stripeCustomerId: "cus_1" })).toBe(
      'Created Stripe customer cus_1 in Stripe account "Main".',
    );
    expect(outcomeLine({ account: "Main", outcome: "linked", stripeCustomerId: "cus_2" })).toBe(
      'Linked to existing Stripe customer cus_2 in Stripe account "Main".',
    );
    expect(outcomeLine({ account: "EU", outcome: "updated", stripeCustomerId: "cus_3" })).toBe(
      'Updated Stripe customer cus_3 in Stripe account "EU".',
    );
    expect(outcomeLine({ account: "EU", outcome: "unchanged", stripeCustomerId: "cus_4" })).toBe(
      'Unchanged: Stripe customer cus_4 in Stripe account "EU" already has this customer\'s data.',
    );
    expect(
      outcomeLine({
        account: "",
        outcome: "failed",
        stripeCustomerId: null,
        message: "No email.",
        fix: "Fill email.",
      }),
    ).toBe("No email. Fix: Fill email.");
  });

  it("is a confirmation when every account synced, an error when one failed", () => {
    expect(
      formatSyncResponse(200, ok([{ account: "Main", outcome: "created", stripeCustomerId: "cus_1" }])),
    ).toEqual({
      type: "CONFIRMATION",
      title: "Sync to Stripe: done",
      message: 'Created Stripe customer cus_1 in Stripe account "Main".',
    });
    const mixed = formatSyncResponse(
      200,
      ok([
        { account: "Main", outcome: "unchanged", stripeCustomerId: "cus_1" },
        {
          account: "EU",
          outcome: "failed",
          stripeCustomerId: null,
          message: "Wrong key.",
          fix: "Set the secret.",
        },
      ]),
    );
    expect(mixed).toMatchObject({ type: "ERROR", title: "Sync to Stripe: partly failed" });
    expect(mixed.message.split("\n")).toEqual([
      'Unchanged: Stripe customer cus_1 in Stripe account "Main" already has this customer\'s data.',
      'Stripe account "EU": Wrong key. Fix: Set the secret.',
    ]);
    expect(
      formatSyncResponse(
        200,
        ok([{ account: "", outcome: "failed", stripeCustomerId: null, message: "No config." }]),
      ),
    ).toMatchObject({ type: "ERROR", title: "Sync to Stripe failed", message: "No config." });
  });

  it("shows the Suitelet's error, a body that is not a result, and a failed request as errors", () => {
    const refused = JSON.stringify({
      ok: false,
      status: 400,
      error: { code: "NSS_CUSTOMER_NOT_FOUND", message: "There is no customer 9.", fix: "Reload." },
    });
    expect(formatSyncResponse(200, refused)).toEqual({
      type: "ERROR",
      title: "Sync to Stripe failed",
      message: "There is no customer 9. Fix: Reload.",
    });
    expect(formatSyncResponse(502, "<html>Bad gateway</html>")).toMatchObject({
      type: "ERROR",
      message: expect.stringContaining("NetSuite answered 502"),
    });
    expect(formatSyncResponse(200, ok([]))).toMatchObject({ type: "WARNING" });
    expect(formatRequestFailure({ name: "NetworkError", message: "offline" })).toMatchObject({
      type: "ERROR",
      message: expect.stringContaining("NetworkError: offline"),
    });
  });
});
