/**
 * The configuration check, end to end: saving the NetSuite–Stripe Configuration or a Stripe account
 * record as a user would fires customscript_nss_config_ue / customscript_nss_account_ue, which refuse
 * a record the sync could not work from with one error naming every problem, and save nothing.
 */
import { rmSync } from "node:fs";
import type { NetSuiteEmulator, RecordData } from "@nss/netsuite-emulator";
import { type StripeEmulator, startStripeEmulator } from "@nss/stripe-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, CERT, openSuiteApp, query, SECRET, secretEnv, TLS_KEY } from "./helpers/e2e.js";

const KEY = `sk_test_nssConfigCheck${Date.now()}`;
const CONFIG = "customrecord_nss_config";
const ACCOUNT = "customrecord_nss_stripe_account";

let stripeEmulator: StripeEmulator;
let ns: NetSuiteEmulator;
const opened: NetSuiteEmulator[] = [];
const dirs: string[] = [];

function configRecord(): RecordData {
  const [row] = ns.data.runSearch(query(CONFIG, [{ name: "internalid" }]), 0, 1).rows;
  return ns.data.loadRecord(CONFIG, Number(row?.id), false);
}

const accountIds = () =>
  ns.data.runSearch(query(ACCOUNT, [{ name: "internalid" }]), 0, 100).rows.map((r) => r.id);

/** Saves the configuration with `values` over the stored ones, as a user editing it would. */
function saveConfig(values: Record<string, unknown>): Promise<number> {
  const record = configRecord();
  return ns.saveAsUser({ ...record, values: { ...record.values, ...values } } as RecordData, { user: ADMIN });
}

/** The error a refused save rejects with. */
async function refusal(save: Promise<unknown>): Promise<string> {
  const error = await save.then(
    () => undefined,
    (e: unknown) => e as { name?: string; message?: string },
  );
  expect(error, "the save was refused").toBeDefined();
  expect(error?.name).toBe("NSS_CONFIG_INVALID");
  return String(error?.message);
}

function account(values: Record<string, unknown>): RecordData {
  return {
    type: ACCOUNT,
    id: null,
    isDynamic: false,
    values: {
      name: "Second",
      custrecord_nss_acct_account_id: "acct_1NssSecond",
      custrecord_nss_acct_secret_id: SECRET,
      custrecord_nss_acct_ident_field: "subsidiary",
      custrecord_nss_acct_ident_value: "2",
      custrecord_nss_acct_api_base: stripeEmulator.url,
      ...values,
    },
  } as RecordData;
}

beforeAll(async () => {
  stripeEmulator = await startStripeEmulator({ port: 0, tls: { key: TLS_KEY, cert: CERT } });
  ({ ns } = await openSuiteApp({
    stripeUrl: stripeEmulator.url,
    env: secretEnv(KEY),
    opened: { dirs, emulators: opened },
  }));
  // A mapped search with a column without a label and one with a label core does not know.
  ns.data.saveSearch({
    id: null,
    scriptId: "customsearch_nss_test_badlabels",
    type: "customer",
    title: "Bad labels",
    filters: [],
    columns: [
      { name: "email", label: "email" },
      { name: "phone" },
      { name: "companyname", label: "company" },
    ],
    isPublic: true,
  });
  // A good mapping, but private to the administrator who made it.
  ns.data.saveSearch({
    id: null,
    scriptId: "customsearch_nss_test_private",
    type: "customer",
    title: "Private",
    filters: [],
    columns: [{ name: "email", label: "email" }],
    isPublic: false,
  });
});

afterAll(async () => {
  for (const o of opened) await o.close();
  await stripeEmulator?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe("saving the configuration", () => {
  it("saves a good configuration", async () => {
    await saveConfig({ custrecord_nss_cfg_auto_sync: false, custrecord_nss_cfg_sync_field: "email" });
    expect(configRecord().values.custrecord_nss_cfg_auto_sync).toBe(false);
    await saveConfig({ custrecord_nss_cfg_auto_sync: true });
    expect(configRecord().values.custrecord_nss_cfg_auto_sync).toBe(true);
  });

  it("refuses a missing search, an unlabelled column, an unknown label and a bad field, naming each", async () => {
    const before = configRecord().values;
    const message = await refusal(
      saveConfig({
        custrecord_nss_cfg_single_search: "customsearch_nss_does_not_exist",
        custrecord_nss_cfg_mass_search: "customsearch_nss_test_badlabels",
        custrecord_nss_cfg_stripe_id_field: "comments",
        custrecord_nss_cfg_auto_sync: false,
      }),
    );
    expect(message).toMatch(/^The NetSuite–Stripe Configuration was not saved \(4 problems\):/);
    expect(message).toContain("[Stripe ID Field]");
    expect(message).toContain('stripeIdField "comments" is not a custom entity field ID');
    expect(message).toContain(
      '[Single Sync Saved Search] The single sync saved search "customsearch_nss_does_not_exist" named in the configuration could not be loaded',
    );
    expect(message).toContain(
      "Correct the Single Sync Saved Search on the NetSuite–Stripe Configuration record",
    );
    expect(message).toContain(
      '[Mass Sync Saved Search] Mass Sync Saved Search "customsearch_nss_test_badlabels": The saved search\'s column 2 (phone) has no custom label',
    );
    expect(message).toContain(
      'column 3 (companyname) is labelled "company", which names no Stripe customer field',
    );
    expect(message).toMatch(/Fix: Change the label to one of: email, /);
    // Nothing saved.
    expect(configRecord().values).toEqual(before);
  });

  it("refuses a private saved search, which the sync's role could not load", async () => {
    const message = await refusal(
      saveConfig({ custrecord_nss_cfg_single_search: "customsearch_nss_test_private" }),
    );
    expect(message).toContain(
      '[Single Sync Saved Search] The single sync saved search "customsearch_nss_test_private" is private to its owner, so the sync (which runs as the NetSuite–Stripe Sync role) cannot load it. Fix: Check Public on saved search customsearch_nss_test_private',
    );
  });

  it("refuses while a Stripe account's API secret is not available, naming the account and the secret", async () => {
    // An account record saved past its own check (as one made before this SuiteApp version would be).
    const bad = ns.data.saveRecord(
      account({ name: "No Secret", custrecord_nss_acct_secret_id: "custsecret_nss_not_created" }),
    );
    try {
      const before = configRecord().values;
      const message = await refusal(saveConfig({ custrecord_nss_cfg_auto_sync: false }));
      expect(message).toMatch(/\(1 problem\)/);
      expect(message).toContain(
        '[API Secret ID] NetSuite could not use the API secret custsecret_nss_not_created of Stripe account "No Secret"',
      );
      expect(message).toContain("Create custsecret_nss_not_created in Setup > Company > API Secrets");
      expect(configRecord().values).toEqual(before);
    } finally {
      ns.data.deleteRecord(ACCOUNT, bad);
    }
  });
});

describe("saving a Stripe account record", () => {
  it("saves a good one", async () => {
    const id = await ns.saveAsUser(account({}), { user: ADMIN });
    expect(ns.data.loadRecord(ACCOUNT, id, false).values.name).toBe("Second");
    ns.data.deleteRecord(ACCOUNT, id);
  });

  it("refuses an API secret NetSuite cannot use", async () => {
    const before = accountIds();
    const message = await refusal(
      ns.saveAsUser(account({ custrecord_nss_acct_secret_id: "custsecret_nss_not_created" }), {
        user: ADMIN,
      }),
    );
    expect(message).toMatch(/^The NetSuite–Stripe Account was not saved \(1 problem\):/);
    expect(message).toContain('API secret custsecret_nss_not_created of Stripe account "Second"');
    expect(accountIds()).toEqual(before);
  });

  it("refuses a malformed account ID, and a subsidiary another account serves", async () => {
    const before = accountIds();
    const message = await refusal(
      ns.saveAsUser(
        account({ custrecord_nss_acct_account_id: "1234", custrecord_nss_acct_ident_value: "1" }),
        { user: ADMIN },
      ),
    );
    expect(message).toContain(
      '[Stripe Account ID] Stripe account "Second": accountId "1234" is not a Stripe account ID',
    );
    expect(accountIds()).toEqual(before);
    // With a valid account ID, the duplicate subsidiary is what core reports.
    const duplicate = await refusal(
      ns.saveAsUser(account({ custrecord_nss_acct_ident_value: "1" }), { user: ADMIN }),
    );
    expect(duplicate).toContain(
      '[Identifier Value] Stripe account "Second" and Stripe account "Main" both serve subsidiary "1"',
    );
    expect(accountIds()).toEqual(before);
  });
});
