/**
 * The built installation script, run by the NetSuite emulator as a deployment runs it: the default
 * saved searches with labels core's grammar accepts, the default configuration record, nothing new
 * on a second run, and a small governance bill.
 */

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { mapCustomer, parseColumnLabels, targetLabel, validateConfig } from "@nss/core";
import { type LogEntry, NetSuiteEmulator, type SearchDef } from "@nss/netsuite-emulator";
import { API_SECRETS, CONFIG_RECORD, CUSTOMER_FIELDS, DEFAULT_SEARCH_IDS, SCRIPTS } from "@nss/suiteapp/ids";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emulatorProjectDir, SECRETS_FILE } from "./helpers/project.js";

const INSTALL = SCRIPTS.install.scriptId;
/** Units the installation may use at most (SDF installation scripts have 10,000). */
const UNIT_BUDGET = 200;

const MAPPED_COLUMNS = [
  { name: "email", label: "email" },
  { name: "entityid", label: "name" },
  { name: "phone", label: "phone" },
  { name: "billaddress1", label: "address.line1" },
  { name: "billaddress2", label: "address.line2" },
  { name: "billcity", label: "address.city" },
  { name: "billstate", label: "address.state" },
  { name: "billzipcode", label: "address.postal_code" },
  { name: "billcountry", label: "address.country" },
];

const CONFIG_VALUES = {
  [CONFIG_RECORD.fields.stripeIdField]: CUSTOMER_FIELDS.stripeCustomerId,
  [CONFIG_RECORD.fields.syncField]: "email",
  [CONFIG_RECORD.fields.singleSyncSearch]: DEFAULT_SEARCH_IDS.singleSync,
  [CONFIG_RECORD.fields.massSyncSearch]: DEFAULT_SEARCH_IDS.massSync,
  [CONFIG_RECORD.fields.defaultPaymentMethodSearch]: DEFAULT_SEARCH_IDS.defaultPaymentMethod,
  [CONFIG_RECORD.fields.autoSyncOnCreate]: true,
  [CONFIG_RECORD.fields.webhookEnabled]: false,
};

const query = (
  type: string,
  columns: SearchDef["columns"],
  filters: SearchDef["filters"] = [],
): SearchDef => ({
  id: null,
  scriptId: null,
  type,
  title: null,
  filters,
  columns,
  isPublic: false,
});

/** What the account holds that the installation may create or change. */
function snapshot(ns: NetSuiteEmulator) {
  const searches = [
    DEFAULT_SEARCH_IDS.singleSync,
    DEFAULT_SEARCH_IDS.massSync,
    DEFAULT_SEARCH_IDS.defaultPaymentMethod,
  ].map((id) => ns.data.loadSearch(id));
  const configs = ns.data
    .runSearch(query(CONFIG_RECORD.type, [{ name: "internalid" }]), 0, 100)
    .rows.map((row) => ns.data.loadRecord(CONFIG_RECORD.type, Number(row.id), false));
  return { searches, configs };
}

const installLog = (ns: NetSuiteEmulator): LogEntry[] => ns.log.list({ scriptId: INSTALL });
const unitsLogged = (entries: LogEntry[]): number => {
  const m = /units used: (\d+)/.exec(
    entries.find((e) => e.title === "NetSuite–Stripe installation")?.details ?? "",
  );
  if (!m?.[1]) throw new Error("the installation logged no unit figure");
  return Number(m[1]);
};

let workDir: string;
let db: string;
let ns: NetSuiteEmulator;

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), "nss-install-"));
  db = join(workDir, "account.sqlite");
  ns = await NetSuiteEmulator.open({
    projectDir: emulatorProjectDir(),
    db,
    secretsFile: SECRETS_FILE,
    env: {},
  });
});

afterAll(async () => {
  await ns?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe("a first installation", () => {
  it("runs the installation script once, without errors", () => {
    expect(ns.installation.map((r) => [r.scriptId, r.deploymentId])).toEqual([
      [INSTALL, SCRIPTS.install.deploymentId],
    ]);
    expect(installLog(ns).filter((e) => e.level === "ERROR" || e.level === "EMERGENCY")).toEqual([]);
  });

  it.each([DEFAULT_SEARCH_IDS.singleSync, DEFAULT_SEARCH_IDS.massSync])(
    "creates %s with exactly the labelled columns core's grammar maps",
    (id) => {
      const search = ns.data.loadSearch(id);
      expect(search.type).toBe("customer");
      expect(search.columns.map((c) => ({ name: c.name, label: c.label }))).toEqual(MAPPED_COLUMNS);
      expect(search.columns.every((c) => c.join === undefined)).toBe(true);
      const plan = parseColumnLabels(search.columns);
      if (!plan.ok) throw new Error(plan.errors.map((e) => e.message).join("\n"));
      expect(plan.value.columns.map((c) => targetLabel(c.target))).toEqual(
        MAPPED_COLUMNS.map((c) => c.label),
      );
    },
  );

  it("creates the mass sync search with one row per subsidiary of a multi-subsidiary customer", async () => {
    const sub = await ns.saveAsUser({
      type: "subsidiary",
      id: null,
      isDynamic: false,
      values: { name: "Nordics AS", country: "NO", currency: "1" },
    });
    const customer = await ns.saveAsUser({
      type: "customer",
      id: null,
      isDynamic: false,
      values: { companyname: "Ada Ltd", email: "ada@example.com", subsidiary: "1", billcountry: "GB" },
    });
    await ns.saveAsUser({
      type: "customersubsidiaryrelationship",
      id: null,
      isDynamic: false,
      values: { entity: String(customer), subsidiary: String(sub) },
    });
    const mass = ns.data.loadSearch(DEFAULT_SEARCH_IDS.massSync);
    // The mass sync adds its own subsidiary column when it runs the search.
    const run = ns.data.runSearch(
      { ...mass, columns: [...mass.columns, { name: "internalid", join: "msesubsidiary" }] },
      0,
      100,
    );
    const rows = run.rows.filter((r) => r.id === String(customer));
    expect(rows.map((r) => r.cells.at(-1)?.value).sort()).toEqual(["1", String(sub)].sort());

    // Each row maps to Stripe parameters with core.
    const single = ns.data.loadSearch(DEFAULT_SEARCH_IDS.singleSync);
    const [row] = ns.data.runSearch(
      { ...single, filters: [{ name: "internalid", operator: "anyof", values: [String(customer)] }] },
      0,
      10,
    ).rows;
    if (!row) throw new Error("the single sync search found no row for the customer");
    const mapped = mapCustomer(
      single.columns.map((c, i) => ({
        name: c.name,
        ...(c.label ? { label: c.label } : {}),
        value: row.cells[i]?.value as string,
        ...(row.cells[i]?.text ? { text: row.cells[i]?.text as string } : {}),
      })),
      { customerId: String(customer), subsidiaryId: "1", syncField: "email", mode: "create" },
    );
    if (!mapped.ok) throw new Error(mapped.errors.map((e) => e.message).join("\n"));
    expect(mapped.value).toMatchObject({
      email: "ada@example.com",
      name: "Ada Ltd",
      address: { country: "GB" },
    });
  });

  it("creates the default payment method search of customers with a stored Stripe ID", () => {
    const search = ns.data.loadSearch(DEFAULT_SEARCH_IDS.defaultPaymentMethod);
    expect(search.type).toBe("customer");
    expect(search.columns.map((c) => [c.name, c.label, c.sort ?? "NONE"])).toEqual([
      [CUSTOMER_FIELDS.stripeCustomerId, "Stripe Customer ID", "NONE"],
      [CUSTOMER_FIELDS.defaultPaymentMethodRead, "Payment Method Read", "ASC"],
    ]);
    expect(JSON.stringify(search.filterExpression ?? search.filters)).toContain(
      CUSTOMER_FIELDS.stripeCustomerId,
    );
  });

  it("creates one configuration record pointing at the default searches, auto sync on, webhook off", () => {
    const { configs } = snapshot(ns);
    expect(configs).toHaveLength(1);
    expect(configs[0]?.values).toMatchObject(CONFIG_VALUES);
    // What core reads from it is valid once a Stripe account exists.
    const v = configs[0]?.values ?? {};
    const checked = validateConfig({
      accounts: [
        {
          name: "EU",
          accountId: "acct_1Test",
          secretId: API_SECRETS.stripeKey,
          identifierValue: "1",
        },
      ],
      stripeIdField: v[CONFIG_RECORD.fields.stripeIdField],
      syncField: v[CONFIG_RECORD.fields.syncField],
      searches: {
        singleSync: v[CONFIG_RECORD.fields.singleSyncSearch],
        massSync: v[CONFIG_RECORD.fields.massSyncSearch],
        defaultPaymentMethod: v[CONFIG_RECORD.fields.defaultPaymentMethodSearch],
      },
      autoSyncOnCreate: v[CONFIG_RECORD.fields.autoSyncOnCreate],
      webhookEnabled: v[CONFIG_RECORD.fields.webhookEnabled],
      portalReturnUrl: v[CONFIG_RECORD.fields.portalReturnUrl],
    });
    expect(checked.ok).toBe(true);
  });

  it("tells the administrator the next step: a Stripe account record", () => {
    const next = installLog(ns).filter((e) => e.title === "Next step");
    expect(next.map((e) => e.details).join(" ")).toContain("Create a Stripe account record");
  });

  it(`logs the units it used, the emulator's figure, under ${UNIT_BUDGET}`, () => {
    const [run] = ns.installation;
    expect(unitsLogged(installLog(ns))).toBe(run?.usage);
    // 3 × (search.load 5 + Search.save 5) + getRange 10 + record.create 2 + save 4.
    expect(run?.usage).toBe(46);
    expect(run?.usage).toBeLessThan(UNIT_BUDGET);
  });
});

describe("a second installation (an update of the same account)", () => {
  it("creates and changes nothing", async () => {
    const before = snapshot(ns);
    await ns.close();
    ns = await NetSuiteEmulator.open({
      projectDir: emulatorProjectDir(),
      db,
      secretsFile: SECRETS_FILE,
      env: {},
      install: { fromVersion: "0.1.0" },
    });
    expect(snapshot(ns)).toEqual(before);
    const details = installLog(ns).find((e) => e.title === "NetSuite–Stripe installation")?.details ?? "";
    expect(details).toMatch(/^0\.1\.0 -> 0\.1\.0: /);
    expect(details).not.toContain("created");
    expect(installLog(ns).filter((e) => e.level === "ERROR")).toEqual([]);
    const [run] = ns.installation;
    expect(unitsLogged(installLog(ns))).toBe(run?.usage);
    // 3 × search.load 5 + getRange 10.
    expect(run?.usage).toBe(25);
  });
});
