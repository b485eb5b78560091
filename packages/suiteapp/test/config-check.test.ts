/**
 * The configuration check, end to end: saving the NetSuite–Stripe Configuration or a Stripe account
 * record as a user would fires customscript_nss_config_ue / customscript_nss_account_ue, which refuse
 * a record the sync could not work from with one error naming every problem, and save nothing.
 */
import type { NetSuiteEmulator, RecordData } from "@nss/netsuite-emulator";
import { API_SECRETS, CONFIG_RECORD, STRIPE_ACCOUNT_RECORD } from "@nss/suiteapp/ids";
import {
  ADMIN,
  configRecord as configOf,
  query,
  type StripeAccountValues,
  type System,
  saveConfig as saveConfigOf,
  startSystem,
  stripeAccountRecord,
} from "@nss/suiteapp/system";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AS_CLERK } from "./helpers/suiteapp.js";

const KEY = `sk_test_nssConfigCheck${Date.now()}`;
const ACCOUNT = STRIPE_ACCOUNT_RECORD.type;

let system: System;
let ns: NetSuiteEmulator;

const configRecord = (): RecordData => configOf(ns);

const accountIds = () =>
  ns.data.runSearch(query(ACCOUNT, [{ name: "internalid" }]), 0, 100).rows.map((r) => r.id);

/** Saves the configuration with `values` over the stored ones, as a user editing it would. */
const saveConfig = (values: Record<string, string | boolean>): Promise<void> => saveConfigOf(ns, values);

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

/** A second Stripe account record (subsidiary 2), with `values` instead of some of its own. */
const account = (values: Partial<StripeAccountValues>): RecordData =>
  stripeAccountRecord({
    name: "Second",
    accountId: "acct_1NssSecond",
    secretId: API_SECRETS.stripeKey,
    subsidiary: "2",
    apiBase: system.apiBase,
    ...values,
  });

beforeAll(async () => {
  system = await startSystem({ key: KEY, netsuite: AS_CLERK });
  ({ ns } = system);
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

afterAll(() => system?.close());

describe("saving the configuration", () => {
  it("saves a good configuration", async () => {
    await saveConfig({
      [CONFIG_RECORD.fields.autoSyncOnCreate]: false,
      [CONFIG_RECORD.fields.syncField]: "email",
    });
    expect(configRecord().values[CONFIG_RECORD.fields.autoSyncOnCreate]).toBe(false);
    await saveConfig({ [CONFIG_RECORD.fields.autoSyncOnCreate]: true });
    expect(configRecord().values[CONFIG_RECORD.fields.autoSyncOnCreate]).toBe(true);
  });

  it("refuses a missing search, an unlabelled column, an unknown label and a bad field, naming each", async () => {
    const before = configRecord().values;
    const message = await refusal(
      saveConfig({
        [CONFIG_RECORD.fields.singleSyncSearch]: "customsearch_nss_does_not_exist",
        [CONFIG_RECORD.fields.massSyncSearch]: "customsearch_nss_test_badlabels",
        [CONFIG_RECORD.fields.stripeIdField]: "comments",
        [CONFIG_RECORD.fields.autoSyncOnCreate]: false,
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
      saveConfig({ [CONFIG_RECORD.fields.singleSyncSearch]: "customsearch_nss_test_private" }),
    );
    expect(message).toContain(
      '[Single Sync Saved Search] The single sync saved search "customsearch_nss_test_private" is private to its owner, so the sync (which runs as the NetSuite–Stripe Sync role) cannot load it. Fix: Check Public on saved search customsearch_nss_test_private',
    );
  });

  it("refuses while a Stripe account's API secret is not available, naming the account and the secret", async () => {
    // An account record saved past its own check (as one made before this SuiteApp version would be).
    const bad = ns.data.saveRecord(account({ name: "No Secret", secretId: "custsecret_nss_not_created" }));
    try {
      const before = configRecord().values;
      const message = await refusal(saveConfig({ [CONFIG_RECORD.fields.autoSyncOnCreate]: false }));
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
      ns.saveAsUser(account({ secretId: "custsecret_nss_not_created" }), {
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
      ns.saveAsUser(account({ accountId: "1234", subsidiary: "1" }), { user: ADMIN }),
    );
    expect(message).toContain(
      '[Stripe Account ID] Stripe account "Second": accountId "1234" is not a Stripe account ID',
    );
    expect(accountIds()).toEqual(before);
    // With a valid account ID, the duplicate subsidiary is what core reports.
    const duplicate = await refusal(ns.saveAsUser(account({ subsidiary: "1" }), { user: ADMIN }));
    expect(duplicate).toContain(
      '[Identifier Value] Stripe account "Second" and Stripe account "Main" both serve subsidiary "1"',
    );
    expect(accountIds()).toEqual(before);
  });
});
