/**
 * The Stripe Sync page (customscript_nss_ops_sl), end to end: the built SuiteApp in the NetSuite emulator
 * against the Stripe emulator. Its panels render; failed customers are listed with their error, fix and
 * error code, filtered by Stripe account and by error code, and paged; Retry failed submits the mass sync
 * for the failed customers the filters select only, and a customer fixed in NetSuite (or in Stripe) syncs;
 * the page's units do not depend on how many customers failed, with or without the code filter; the
 * Webhooks panel after an event.
 */
import { describeIssuesForRecord } from "@nss/core";
import type { NetSuiteEmulator } from "@nss/netsuite-emulator";
import { CUSTOMER_FIELDS, SCRIPT_PARAMS, SCRIPTS, STRIPE_ACCOUNT_RECORD, SYNC_ROLE } from "@nss/suiteapp/ids";
import {
  ADMIN,
  customer,
  EUROPE,
  MAIN_AND_EUROPE,
  type Proxied,
  type System,
  saveCustomer,
  startSystem,
} from "@nss/suiteapp/system";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FAILED_PAGE_SIZE } from "../ts/lib/operations/ops-params.js";
import { durationText, groupRuns, type Job } from "../ts/lib/operations/run-history.js";
import { field, openPage, sublist } from "./helpers/ops-page.js";
import { AS_CLERK, FAST_STRIPE, setDefaultCardByWebhook } from "./helpers/suiteapp.js";

const SL = SCRIPTS.opsSuitelet.scriptId;
const DEPLOY = SCRIPTS.opsSuitelet.deploymentId;
const MR = SCRIPTS.massSync;

describe("the Stripe Sync page and Retry failed", () => {
  let system: System;
  let ns: NetSuiteEmulator;
  const KEY = `sk_test_nssOpsPage${Date.now()}`;

  beforeAll(async () => {
    system = await startSystem({
      key: KEY,
      autoSync: false,
      netsuite: AS_CLERK,
      subsidiaries: [EUROPE],
      accounts: MAIN_AND_EUROPE,
    });
    ns = system.ns;
  });
  afterAll(() => system?.close());

  it("has a menu link and is refused to a role outside its audience", async () => {
    const deployment = ns.project.scripts.find((s) => s.scriptId === SL)?.deployments[0];
    expect(deployment?.audienceRoles).toEqual([SYNC_ROLE]);
    await expect(
      ns.invokeSuitelet(SL, DEPLOY, { method: "GET", user: { role: "customrole_test_ar_clerk" } }),
    ).rejects.toThrow("You do not have privileges to view this page.");
  });

  it("renders its panels as subtabs with LIST sublists and help, with nothing failed", async () => {
    const { page, units } = await openPage(ns);
    expect(page.title).toBe("Stripe Sync");
    expect(page.subtabs.map((t) => t.label)).toEqual(
      expect.arrayContaining(["Failed customers", "Runs", "Webhooks"]),
    );
    expect(page.submitButton?.label).toBe("Retry failed");
    expect(page.clientScriptModulePath).toBe("/SuiteApps/com.nss.stripesync/nss_ops_cs.js");
    for (const id of ["custpage_nss_failed", "custpage_nss_deployments", "custpage_nss_endpoints"]) {
      expect(sublist(page, id).type.toUpperCase()).toBe("LIST");
    }
    expect(field(page, "custpage_nss_failed_count")).toBe("0");
    expect(page.fields.find((f) => f.id === "custpage_nss_filter_account")?.help).toMatch(/Stripe account/);
    // The clerk's role may not read NetSuite's run history nor the deployments: the runs come from the
    // SuiteApp's own rows, the schedules from its objects; only the deployment status stays unknown.
    expect(String(field(page, "custpage_nss_runs_progress"))).toContain(
      "No run of these deployments is running",
    );
    expect(String(field(page, "custpage_nss_runs_progress"))).toContain(
      "its run history could not be read as your role",
    );
    const deployments = sublist(page, "custpage_nss_deployments").lines;
    expect(
      deployments.map((l) => [
        l.custpage_nss_dep_name,
        l.custpage_nss_dep_schedule,
        l.custpage_nss_dep_status,
        l.custpage_nss_dep_last,
      ]),
    ).toEqual([
      ["Mass sync (and dry runs)", "Not scheduled", "Unknown", "No run yet"],
      ["Payment method refresh", "Daily at 03:00 UTC", "Unknown", "No run yet"],
      ["Event purge", "Weekly on Sunday at 04:00 UTC", "Unknown", "No run yet"],
      ["Duplicates scan", "Weekly on Sunday at 05:00 UTC", "Unknown", "No run yet"],
    ]);
    expect(deployments[0]?.custpage_nss_dep_next ?? "").toBe("");
    expect(deployments[1]?.custpage_nss_dep_next).toMatch(/^\d{4}-\d{2}-\d{2} 03:00 UTC$/);
    expect(deployments[2]?.custpage_nss_dep_next).toMatch(/^\d{4}-\d{2}-\d{2} 04:00 UTC$/);
    expect(
      new Date(`${String(deployments[2]?.custpage_nss_dep_next).slice(0, 10)}T00:00:00Z`).getUTCDay(),
    ).toBe(0);
    expect(units).toBeGreaterThan(0);
    // An administrator sees the deployments' status too.
    const admin = await openPage(ns, {}, ADMIN);
    expect(
      sublist(admin.page, "custpage_nss_deployments").lines.map((l) => l.custpage_nss_dep_status),
    ).toEqual(["Not Scheduled", "Scheduled", "Scheduled", "Scheduled"]);
    expect(String(field(admin.page, "custpage_nss_runs_progress"))).not.toContain("could not be read");
  });

  it("lists failed customers with their error and fix, by Stripe account, a page of 25 at a time; Retry failed fixes one once its email is added", async () => {
    // Customers without an email fail the mass sync (the sync field is email): 27 in Main, 2 in Europe.
    const main: number[] = [];
    for (let i = 0; i < FAILED_PAGE_SIZE + 2; i++) {
      main.push(await saveCustomer(ns, { companyname: `No Mail ${String(i).padStart(2, "0")} Ltd` }));
    }
    const europe = [
      await saveCustomer(ns, { companyname: "Kein Mail GmbH", subsidiary: 2 }),
      await saveCustomer(ns, { companyname: "Pas de Mail SARL", subsidiary: 2 }),
    ];
    const fine = await saveCustomer(ns, { companyname: "Mail Ltd", email: "mail@example.com" });
    await ns.runScript(MR.scriptId, MR.deploymentId);
    expect(customer(ns, fine)[CUSTOMER_FIELDS.syncStatus]).toBe("synced");
    expect(customer(ns, main[0] as number)[CUSTOMER_FIELDS.syncStatus]).toBe("error");

    const all = await openPage(ns);
    expect(field(all.page, "custpage_nss_failed_count")).toBe(String(main.length + europe.length));
    const first = sublist(all.page, "custpage_nss_failed").lines;
    expect(first).toHaveLength(FAILED_PAGE_SIZE);
    const [row] = first;
    expect(row?.custpage_nss_customer).toBe("No Mail 00 Ltd");
    // What is wrong (the record and field), what to do and the error code, each in its column.
    expect(row?.custpage_nss_error).toMatch(
      new RegExp(`^Customer ${main[0]} has neither a Stripe customer ID`),
    );
    expect(row?.custpage_nss_error).not.toContain("Fill email");
    expect(row?.custpage_nss_fix).toMatch(new RegExp(`^Fill email on customer ${main[0]}, or enter`));
    expect(row?.custpage_nss_code).toBe("LOOKUP_NO_IDENTIFIER");
    // As the customer stores it: core's format, one line per issue.
    expect(String(customer(ns, main[0] as number)[CUSTOMER_FIELDS.lastError])).toMatch(
      /^Customer \d+ has neither .* Fix: Fill email on customer \d+.* \[LOOKUP_NO_IDENTIFIER\]$/,
    );
    expect(row?.custpage_nss_record).toMatch(
      new RegExp(`^https?://[^/]+/app/common/entity/custjob\\.nl\\?id=${main[0]}$`),
    );
    expect(row?.custpage_nss_last_sync).not.toBe("");
    const pages = all.page.fields.find((f) => f.id === "custpage_nss_page");
    expect(pages?.options?.map((o) => o.text)).toEqual(["1 of 2", "2 of 2"]);

    const second = await openPage(ns, { page: "1" });
    expect(sublist(second.page, "custpage_nss_failed").lines.map((l) => l.custpage_nss_customer)).toEqual([
      "No Mail 25 Ltd",
      "No Mail 26 Ltd",
      "Kein Mail GmbH",
      "Pas de Mail SARL",
    ]);

    const europeRecord = system.accounts.find((a) => a.name === "Europe")?.recordId;
    const filtered = await openPage(ns, { account: String(europeRecord) });
    expect(field(filtered.page, "custpage_nss_failed_count")).toBe("2");
    expect(sublist(filtered.page, "custpage_nss_failed").lines.map((l) => l.custpage_nss_customer)).toEqual([
      "Kein Mail GmbH",
      "Pas de Mail SARL",
    ]);
    const accountFilter = filtered.page.fields.find((f) => f.id === "custpage_nss_filter_account");
    expect(accountFilter?.defaultValue).toBe(String(europeRecord));
    expect(accountFilter?.options?.map((o) => o.text)).toEqual(["All Stripe accounts", "Europe", "Main"]);

    // Fix one Europe customer in NetSuite, then Retry failed with the Europe filter.
    const [fixed, stillFailing] = europe as [number, number];
    await ns.saveAsUser({
      ...ns.data.loadRecord("customer", fixed, false),
      values: { ...ns.data.loadRecord("customer", fixed, false).values, email: "kein-mail@example.com" },
    });
    const posted = await ns.invokeSuitelet(SL, DEPLOY, {
      method: "POST",
      parameters: { submitter: "Retry failed", custpage_nss_filter_account: String(europeRecord) },
    });
    expect(posted.redirect).toBeDefined();
    const target = JSON.stringify(posted.redirect);
    const taskId = /MAPREDUCETASK_[0-9a-f]+/.exec(target)?.[0] ?? "";
    expect(taskId).not.toBe("");
    expect(target).toContain(String(europeRecord));
    await ns.tasks.idle();

    const after = await openPage(ns, { taskid: taskId, account: String(europeRecord) });
    expect(field(after.page, "custpage_nss_retry_status")).toBe(
      `COMPLETE, stage SUMMARIZE, 100% complete (task ${taskId})`,
    );
    expect(customer(ns, fixed)[CUSTOMER_FIELDS.syncStatus]).toBe("synced");
    expect(String(customer(ns, fixed)[CUSTOMER_FIELDS.stripeCustomerId])).toMatch(/^cus_/);
    expect(customer(ns, stillFailing)[CUSTOMER_FIELDS.syncStatus]).toBe("error");
    expect(sublist(after.page, "custpage_nss_failed").lines.map((l) => l.custpage_nss_customer)).toEqual([
      "Pas de Mail SARL",
    ]);
    // The retry took only the failed Europe customers: its input said so in the execution log.
    const input = ns.log
      .list({ scriptId: MR.scriptId })
      .filter((e) => e.title === "Mass sync input")
      .at(-1);
    expect(input?.details).toMatch(
      /^2 customers in customsearch_nss_mass_sync \(retry of failed customers served by Stripe account record \d+\): 1 to sync/,
    );
    // The run on the Runs subtab, as the clerk's role sees it (the SuiteApp's own run rows).
    const runs = await openPage(ns, {});
    const recent = sublist(runs.page, "custpage_nss_recent_runs").lines;
    expect(recent[0]).toMatchObject({
      custpage_nss_run_name: "Mass sync",
      custpage_nss_run_state: "Completed with failures",
      custpage_nss_run_to_process: "1",
      custpage_nss_run_created: "1",
      custpage_nss_run_failed: "1",
    });
    expect(recent[0]?.custpage_nss_run_started).toBeTruthy();
    expect(recent[0]?.custpage_nss_run_ended).toBeTruthy();
    expect(recent[0]?.custpage_nss_run_duration).toBeTruthy();
    expect(recent[0]?.custpage_nss_run_summary).toMatch(/^Mass sync: 2 customers; created 1/);
    expect(sublist(runs.page, "custpage_nss_deployments").lines[0]?.custpage_nss_dep_last).toBe(
      "Completed with failures",
    );
    expect(String(field(runs.page, "custpage_nss_runs_progress"))).toContain("No run of these deployments");
  });

  it("filters the failed customers by error code, and Retry failed with a code retries only those", async () => {
    // Two Stripe customers of Main share an email: the NetSuite customer with it fails LOOKUP_AMBIGUOUS.
    const stripe = system.accounts.find((a) => a.name === "Main")?.stripe ?? system.stripe;
    const twins = [
      await stripe.customers.create({ email: "twin@ops.example.com" }),
      await stripe.customers.create({ email: "twin@ops.example.com" }),
    ];
    const twin = await saveCustomer(ns, { companyname: "Twin Ltd", email: "twin@ops.example.com" });
    await ns.runScript(MR.scriptId, MR.deploymentId);
    expect(customer(ns, twin)[CUSTOMER_FIELDS.syncStatus]).toBe("error");
    const lastSyncOf = (id: number) => String(customer(ns, id)[CUSTOMER_FIELDS.lastSync]);
    const noMail = ns.data
      .listRecords("customer")
      .filter((c) => String(c.values.companyname).startsWith("No Mail"))
      .map((c) => c.id);
    const noMailSynced = noMail.map(lastSyncOf);

    const all = await openPage(ns);
    const total = Number(field(all.page, "custpage_nss_failed_count"));
    expect(total).toBeGreaterThan(2);
    const ambiguous = await openPage(ns, { code: "LOOKUP_AMBIGUOUS" });
    expect(field(ambiguous.page, "custpage_nss_failed_count")).toBe("1");
    const [row] = sublist(ambiguous.page, "custpage_nss_failed").lines;
    expect(row).toMatchObject({ custpage_nss_customer: "Twin Ltd", custpage_nss_code: "LOOKUP_AMBIGUOUS" });
    expect(row?.custpage_nss_error).toContain(twins[0]?.id);
    expect(row?.custpage_nss_fix).not.toBe("");
    expect(ambiguous.page.fields.find((f) => f.id === "custpage_nss_filter_code")?.defaultValue).toBe(
      "LOOKUP_AMBIGUOUS",
    );
    // Any case; a code with the filters of another panel; a value that is no code is no filter.
    const lower = await openPage(ns, { code: " lookup_ambiguous ", kind: "email", action: "failed" });
    expect(field(lower.page, "custpage_nss_failed_count")).toBe("1");
    expect(field((await openPage(ns, { code: "NO_SUCH_CODE" })).page, "custpage_nss_failed_count")).toBe("0");
    const odd = await openPage(ns, { code: "] OR [", kind: "bogus", action: "deleted" });
    expect(field(odd.page, "custpage_nss_failed_count")).toBe(String(total));
    expect(odd.page.fields.find((f) => f.id === "custpage_nss_filter_kind")?.defaultValue ?? "").toBe("");
    const noIdentifier = await openPage(ns, { code: "LOOKUP_NO_IDENTIFIER" });
    expect(field(noIdentifier.page, "custpage_nss_failed_count")).toBe(String(total - 1));

    // Fixed in Stripe (one twin deleted); Retry failed with the code filter takes that customer only.
    await stripe.customers.del(twins[1]?.id as string);
    const posted = await ns.invokeSuitelet(SL, DEPLOY, {
      method: "POST",
      parameters: { submitter: "Retry failed", custpage_nss_filter_code: "LOOKUP_AMBIGUOUS" },
    });
    const target = JSON.stringify(posted.redirect);
    expect(target).toContain("LOOKUP_AMBIGUOUS");
    await ns.tasks.idle();
    const input = ns.log
      .list({ scriptId: MR.scriptId })
      .filter((e) => e.title === "Mass sync input")
      .at(-1);
    expect(input?.details).toMatch(
      /^1 customers in customsearch_nss_mass_sync \(retry of failed customers with error code LOOKUP_AMBIGUOUS\): 1 to sync/,
    );
    expect(customer(ns, twin)[CUSTOMER_FIELDS.syncStatus]).toBe("synced");
    expect(customer(ns, twin)[CUSTOMER_FIELDS.stripeCustomerId]).toBe(twins[0]?.id);
    // The others were not touched.
    expect(noMail.map(lastSyncOf)).toEqual(noMailSynced);
    expect(field((await openPage(ns, { code: "LOOKUP_AMBIGUOUS" })).page, "custpage_nss_failed_count")).toBe(
      "0",
    );
  });

  it("says why Retry failed did not start while the mass sync runs", async () => {
    const running = ns.tasks.submit(null, {
      taskType: "MAP_REDUCE",
      scriptId: MR.scriptId,
      deploymentId: MR.deploymentId,
      params: { [SCRIPT_PARAMS.massSyncDryRun]: "T" },
    });
    const out = await ns.invokeSuitelet(SL, DEPLOY, {
      method: "POST",
      parameters: { submitter: "Retry failed" },
    });
    await ns.tasks.idle();
    expect(running).toMatch(/^MAPREDUCETASK_/);
    expect(out.redirect).toBeUndefined();
    expect(String(out.page?.fields.find((f) => f.id === "custpage_nss_notice")?.defaultValue)).toMatch(
      /running already.*Wait for the run on the Runs subtab to finish/,
    );
  });
});

describe("the page's governance", () => {
  let system: System;
  let ns: NetSuiteEmulator;

  beforeAll(async () => {
    system = await startSystem({
      key: `sk_test_nssOpsUnits${Date.now()}`,
      autoSync: false,
      netsuite: AS_CLERK,
    });
    ns = system.ns;
  });
  afterAll(() => system?.close());

  /** Marks `n` more customers failed as the sync would (its fields), without running it: every third ambiguous. */
  async function fail(n: number, from: number): Promise<void> {
    for (let i = from; i < from + n; i++) {
      const id = await saveCustomer(ns, { companyname: `Failed ${i} Co` });
      const issue =
        i % 3 === 0
          ? {
              code: "LOOKUP_AMBIGUOUS",
              message: `Several Stripe customers match customer ${id}.`,
              fix: "Merge them.",
            }
          : {
              code: "LOOKUP_NO_IDENTIFIER",
              message: `Customer ${id} has no email.`,
              fix: `Fill email on customer ${id}.`,
            };
      ns.data.submitFields("customer", id, {
        [CUSTOMER_FIELDS.syncStatus]: "error",
        [CUSTOMER_FIELDS.lastError]: describeIssuesForRecord([issue]),
      });
    }
  }

  it("costs the same units with 5 and with 60 failed customers, on the first page and the last", async () => {
    await fail(5, 0);
    const five = await openPage(ns);
    expect(field(five.page, "custpage_nss_failed_count")).toBe("5");
    await fail(55, 5);
    const sixty = await openPage(ns);
    expect(field(sixty.page, "custpage_nss_failed_count")).toBe("60");
    const last = await openPage(ns, { page: "2" });
    expect(sublist(last.page, "custpage_nss_failed").lines).toHaveLength(10);
    // The code filter narrows the list by a search filter: the same units again.
    const coded = await openPage(ns, { code: "LOOKUP_AMBIGUOUS" });
    expect(field(coded.page, "custpage_nss_failed_count")).toBe("20");
    expect(sublist(coded.page, "custpage_nss_failed").lines.map((l) => l.custpage_nss_code)).toEqual(
      Array(20).fill("LOOKUP_AMBIGUOUS"),
    );
    const admin = await openPage(ns, {}, ADMIN);
    console.info(
      `Stripe Sync page units: 5 failed ${five.units}, 60 failed ${sixty.units}, page 3 ${last.units}, code filter ${coded.units}, as administrator ${admin.units}`,
    );
    expect(sixty.units).toBe(five.units);
    expect(last.units).toBe(five.units);
    expect(coded.units).toBe(five.units);
    // Far inside a Suitelet's 1,000 units.
    expect(admin.units).toBeLessThan(300);
  });
});

describe("the Webhooks panel after an event", () => {
  let system: System & Proxied;
  let ns: NetSuiteEmulator;

  beforeAll(async () => {
    system = await startSystem({
      key: `sk_test_nssOpsHooks${Date.now()}`,
      stripe: FAST_STRIPE,
      proxies: true,
      webhook: true,
      netsuite: AS_CLERK,
    });
    ns = system.ns;
  });
  afterAll(() => system?.close());

  it("shows the endpoint's status in Stripe, the last event received and applied, the day's claims and the endpoint log", async () => {
    const id = await saveCustomer(ns, { companyname: "Hook Page Ltd", email: "hook-page@example.com" });
    await setDefaultCardByWebhook(system.stripe, ns, id);

    const { page } = await openPage(ns);
    const endpointId = String(
      ns.data.listRecords(STRIPE_ACCOUNT_RECORD.type)[0]?.values[STRIPE_ACCOUNT_RECORD.webhook.endpointId],
    );
    expect(sublist(page, "custpage_nss_endpoints").lines).toEqual([
      {
        custpage_nss_wh_account: "Main",
        custpage_nss_wh_endpoint: endpointId,
        custpage_nss_wh_recorded: "enabled",
        custpage_nss_wh_stripe: "enabled",
        custpage_nss_wh_events: "customer.created, customer.updated",
        custpage_nss_wh_undelivered: "0",
      },
    ]);
    // Delivered at the first attempt: nothing refused or retried.
    expect(sublist(page, "custpage_nss_wh_undelivered_list").lines).toEqual([]);
    const received = String(field(page, "custpage_nss_wh_last_received"));
    expect(received).toMatch(
      /^evt_\w+ \(customer\.updated\) for customer .*Hook Page Ltd.* in Stripe account "Main", applied, claimed /,
    );
    expect(field(page, "custpage_nss_wh_last_applied")).toBe(received);
    expect(field(page, "custpage_nss_wh_day")).toBe("applied 1");
    const changes = sublist(page, "custpage_nss_wh_log").lines;
    expect(changes[0]).toMatchObject({
      custpage_nss_whl_account: "Main",
      custpage_nss_whl_action: "created",
      custpage_nss_whl_status: "ok",
      custpage_nss_whl_endpoint: endpointId,
    });
    // The endpoint's URL holds the sealed NetSuite address: never on the page.
    expect(JSON.stringify(page)).not.toContain("pp_url");

    // Disabled: Stripe says so, and the log has the change.
    await system.setWebhook(false);
    const after = await openPage(ns);
    expect(sublist(after.page, "custpage_nss_endpoints").lines[0]).toMatchObject({
      custpage_nss_wh_recorded: "disabled",
      custpage_nss_wh_stripe: "disabled",
    });
    expect(sublist(after.page, "custpage_nss_wh_log").lines[0]?.custpage_nss_whl_action).toBe("disabled");
  });
});

describe("runs as the page groups them", () => {
  const job = (deployment: string, stage: string, status = "Complete"): Job => ({
    deployment,
    status,
    stage,
    percent: status === "Complete" ? 100 : 50,
  });
  it("groups each deployment's jobs, newest first, into runs ending at their GET_INPUT job", () => {
    const runs = groupRuns([
      job("a", "MAP", "Processing"),
      job("b", "SUMMARIZE"),
      job("a", "GET_INPUT"),
      job("b", "GET_INPUT"),
      job("a", "SUMMARIZE"),
      job("a", "GET_INPUT"),
    ]);
    expect(runs.map((r) => [r.deployment, r.jobs.map((j) => j.stage).join(",")])).toEqual([
      ["a", "MAP,GET_INPUT"],
      ["b", "SUMMARIZE,GET_INPUT"],
      ["a", "SUMMARIZE,GET_INPUT"],
    ]);
  });
  it("says durations in minutes", () => {
    expect(durationText(20_000)).toBe("under a minute");
    expect(durationText(5 * 60_000)).toBe("5 min");
    expect(durationText(150 * 60_000)).toBe("2 h 30 min");
  });
});
