/**
 * A sync field other than email: the configuration names `entityid` (Customer ID), so the sync looks
 * a customer up in Stripe with search on `metadata['entityid']` and writes that metadata on the
 * customers it creates. Each trigger links the Stripe customer that already carries the value: the
 * user event on create, the Sync to Stripe button's Suitelet, the mass sync. And bad input — an email
 * Stripe refuses, a mapping search column without a custom label — gives a message a user can act on
 * while the rest goes on.
 */

import type { NetSuiteEmulator } from "@nss/netsuite-emulator";
import {
  CONFIG_RECORD,
  CUSTOMER_FIELDS,
  DEFAULT_SEARCH_IDS,
  SCRIPTS,
  SYNC_LOG_RECORD,
} from "@nss/suiteapp/ids";
import { customer, saveCustomer, setAutoSync } from "@nss/suiteapp/system";
import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWebhookSystem, type WebhookSystem } from "./helpers/suiteapp.js";

let system: WebhookSystem;
let ns: NetSuiteEmulator;
let stripe: Stripe;

/** Saves the configuration with `values` over the stored ones (as a user would: the check runs). */
const configure = (values: Record<string, string>): Promise<void> => system.saveConfig(values);

const stripeIdOf = (id: number) => String(customer(ns, id)[CUSTOMER_FIELDS.stripeCustomerId] ?? "");

/** A Stripe customer that already carries the sync field's value, as one synced earlier would. */
const existingWith = (entityid: string) =>
  stripe.customers.create({ name: `Existing ${entityid}`, metadata: { entityid } });

beforeAll(async () => {
  system = await startWebhookSystem(`sk_test_nssSyncField${Date.now()}`);
  ({ ns, stripe } = system);
  await configure({ [CONFIG_RECORD.fields.syncField]: "entityid" });
});

afterAll(() => system?.close());

describe("sync field entityid, looked up through Stripe metadata search", () => {
  it("the user event on create links the Stripe customer with the same entityid", async () => {
    const existing = await existingWith("UE-0001");
    const id = await saveCustomer(ns, {
      entityid: "UE-0001",
      companyname: "Hooked Ltd",
      email: "ue@example.com",
    });
    expect(stripeIdOf(id)).toBe(existing.id);
    const after = await stripe.customers.retrieve(existing.id);
    expect((after as Stripe.Customer).metadata).toMatchObject({
      entityid: "UE-0001",
      netsuite_customer_id: String(id),
    });
  });

  it("the Sync to Stripe button links one, and creates with the metadata when none has it", async () => {
    await setAutoSync(ns, false);
    const existing = await existingWith("BTN-0001");
    const linked = await saveCustomer(ns, {
      entityid: "BTN-0001",
      companyname: "Button One",
      email: "b1@example.com",
    });
    const fresh = await saveCustomer(ns, {
      entityid: "BTN-0002",
      companyname: "Button Two",
      email: "b2@example.com",
    });
    const press = async (id: number) => {
      const res = await ns.invokeSuitelet(SCRIPTS.syncSuitelet.scriptId, SCRIPTS.syncSuitelet.deploymentId, {
        method: "POST",
        parameters: { customerId: String(id) },
      });
      return (JSON.parse(res.body) as { targets: { outcome: string }[] }).targets.map((t) => t.outcome);
    };
    expect(await press(linked)).toEqual(["linked"]);
    expect(stripeIdOf(linked)).toBe(existing.id);
    expect(await press(fresh)).toEqual(["created"]);
    const created = await stripe.customers.retrieve(stripeIdOf(fresh));
    expect((created as Stripe.Customer).metadata.entityid).toBe("BTN-0002");
    // Blanking the stored ID means "link again by lookup": the same Stripe customer, not a new one.
    await ns.saveAsUser({
      type: "customer",
      id: fresh,
      isDynamic: false,
      values: { [CUSTOMER_FIELDS.stripeCustomerId]: "" },
    });
    expect(await press(fresh)).toEqual(["linked"]);
    expect(stripeIdOf(fresh)).toBe(created.id);
  });

  it("the mass sync links by metadata, and an email Stripe refuses fails that customer only", async () => {
    const existing = await existingWith("MR-0001");
    const linked = await saveCustomer(ns, {
      entityid: "MR-0001",
      companyname: "Mass One",
      email: "m1@example.com",
    });
    const bad = await saveCustomer(ns, { entityid: "MR-0002", companyname: "Bad Mail", email: "m2@example" });
    const good = await saveCustomer(ns, {
      entityid: "MR-0003",
      companyname: "Mass Three",
      email: "m3@example.com",
    });
    await ns.runScript(SCRIPTS.massSync.scriptId);
    expect(stripeIdOf(linked)).toBe(existing.id);
    expect(stripeIdOf(good)).toMatch(/^cus_/);
    expect(stripeIdOf(bad)).toBe("");
    const error = String(customer(ns, bad)[CUSTOMER_FIELDS.lastError]);
    expect(error).toMatch(/email/i);
    expect(error).toMatch(/Fix|Correct|Enter/);
  });

  it("a mapping search column without a custom label fails each customer with the column named", async () => {
    // The mass sync sends the mass search's own columns.
    const search = ns.data.loadSearch(DEFAULT_SEARCH_IDS.massSync);
    ns.data.saveSearch({ ...search, columns: [...search.columns, { name: "phone" }] });
    const id = await saveCustomer(ns, {
      entityid: "MR-0004",
      companyname: "Unlabelled",
      email: "m4@example.com",
    });
    const run = await ns.runScript(SCRIPTS.massSync.scriptId);
    expect(stripeIdOf(id)).toBe("");
    const logs = ns.data
      .listRecords(SYNC_LOG_RECORD.type)
      .map((r) => String(r.values[SYNC_LOG_RECORD.fields.message]));
    const text = [JSON.stringify(run), ...logs, ...ns.log.list().map((e) => `${e.title} ${e.details}`)].join(
      "\n",
    );
    expect(text).toMatch(/phone/);
    expect(text).toMatch(/label/i);
    ns.data.saveSearch(search);
  });
});
