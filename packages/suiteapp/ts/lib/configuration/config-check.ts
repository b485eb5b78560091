/**
 * The check run before the configuration record or a Stripe account record is saved (the user events
 * `nss_config_ue` and `nss_account_ue`): core's `validateConfig` over the values being saved and the
 * stored records, each configured saved search loaded and its column labels read by core's
 * `parseColumnLabels`, and each account's API secret tried once. Every problem is collected, so the
 * refusal names them all at once.
 *
 * API secrets: SuiteScript has no call that says whether a secret exists. NetSuite fills a secret in
 * only when a request that uses it is sent, so the honest check is one such request: a
 * `GET /v1/customers?limit=1` to the account's Stripe API, one attempt. NetSuite refusing the secret
 * (`INVALID_SECRET_KEY`: not created, not available to the SuiteApp or not allowed for the domain)
 * refuses the save. A key Stripe rejects, or Stripe being unreachable, is logged but does not: an
 * administrator must still be able to change the configuration (turn off auto sync) while a key is
 * being rotated or Stripe is down, and the sync reports those problems per customer anyway.
 */
import * as error from "N/error";
import * as https from "N/https";
import * as log from "N/log";
import * as runtime from "N/runtime";
import { parseColumnLabels, type RawStripeAccount, type SyncIssue, validateConfig } from "@nss/core";
import { text } from "../records/field-values.js";
import { createStripeClient } from "../stripe/stripe-client.js";
import { hasSubsidiaries } from "./account-features.js";
import {
  type ConfiguredSearch,
  columnRefs,
  loadConfiguredSearch,
  SEARCH_LABELS,
} from "./configured-searches.js";
import { type RawSettings, readAccounts, readStoredSettings, type StoredAccounts } from "./read-config.js";

/** Core's field names → the labels an administrator sees on the records (and the field ID). */
const FIELD_LABELS: Record<string, string> = {
  stripeIdField: "Stripe ID Field",
  syncField: "Sync Field",
  "searches.singleSync": SEARCH_LABELS.singleSync,
  "searches.massSync": SEARCH_LABELS.massSync,
  "searches.defaultPaymentMethod": SEARCH_LABELS.defaultPaymentMethod,
  singleSync: SEARCH_LABELS.singleSync,
  massSync: SEARCH_LABELS.massSync,
  defaultPaymentMethod: SEARCH_LABELS.defaultPaymentMethod,
  autoSyncOnCreate: "Auto Sync on Create",
  webhookEnabled: "Enable Webhook",
  portalReturnUrl: "Portal Return URL",
  accounts: "Stripe account records",
  name: "Name",
  accountId: "Stripe Account ID",
  secretId: "API Secret ID",
  custrecord_nss_acct_secret_id: "API Secret ID",
  identifierField: "Identifier Field",
  identifierValue: "Identifier Value",
};

/** Units kept back after the secret probes: the refusal itself and the log. */
const PROBE_RESERVE_UNITS = 30;

/** Core's form of an API secret ID (`validateConfig` reports any other value itself). */
const SECRET_FORM = /^custsecret_[a-z0-9_]+$/;

/**
 * Tries the account's API secret with one Stripe GET. Returns an issue only when NetSuite refused the
 * secret; any other failure is logged (see the file comment).
 */
export function probeSecret(account: RawStripeAccount, apiBase?: string): SyncIssue | undefined {
  const secretId = text(account.secretId).trim().toLowerCase();
  if (!SECRET_FORM.test(secretId)) return undefined;
  const name = text(account.name).trim() || text(account.accountId).trim() || "(unnamed)";
  if (runtime.getCurrentScript().getRemainingUsage() < 10 + PROBE_RESERVE_UNITS) {
    log.audit({ title: `API secret of Stripe account "${name}" not checked`, details: "no units left" });
    return undefined;
  }
  const client = createStripeClient(
    { https, log, runtime },
    { accountId: text(account.accountId).trim(), secretId, name, ...(apiBase ? { apiBase } : {}) },
    { maxAttempts: 1, reserveUnits: PROBE_RESERVE_UNITS },
  );
  const answer = client.request("GET", "/v1/customers", { limit: 1 });
  if (answer.ok) return undefined;
  const issue = answer.errors[0];
  if (issue?.code === "STRIPE_SECRET_UNAVAILABLE") return { ...issue, field: "secretId" };
  log.audit({
    title: `Stripe account "${name}": the key could not be verified`,
    details: issue ? `${issue.message} ${issue.fix}` : "no answer",
  });
  return undefined;
}

/** Each configured search loads; the mapped ones' labels are read by core. */
function searchIssues(settings: RawSettings, syncField: string, reported: readonly SyncIssue[]): SyncIssue[] {
  const issues: SyncIssue[] = [];
  for (const which of Object.keys(SEARCH_LABELS) as ConfiguredSearch[]) {
    // A blank or malformed ID is core's issue already.
    if (reported.some((i) => i.field === `searches.${which}`)) continue;
    const id = text(settings.searches?.[which]).trim().toLowerCase();
    if (id === "") continue;
    const loaded = loadConfiguredSearch(which, id);
    if (!loaded.ok) {
      issues.push(...loaded.errors);
      continue;
    }
    // The scripts run as the NetSuite–Stripe Sync role, not as the administrator saving this: a search
    // private to its owner ("all searches created through search.create(options) are private",
    // Search.isPublic) is one they cannot load.
    if (!loaded.value.isPublic) {
      issues.push({
        code: "SEARCH_PRIVATE",
        message: `The ${SEARCH_LABELS[which].toLowerCase()} "${id}" is private to its owner, so the sync (which runs as the NetSuite–Stripe Sync role) cannot load it.`,
        fix: `Check Public on saved search ${id}, or name a public one in the ${SEARCH_LABELS[which]}.`,
        field: which,
        record: `saved search ${id}`,
      });
    }
    // The default payment method search selects customers and maps nothing: its labels are for people.
    if (which === "defaultPaymentMethod") continue;
    const plan = parseColumnLabels(columnRefs(loaded.value.columns), { syncField });
    if (plan.ok) continue;
    for (const i of plan.errors) {
      issues.push({
        ...i,
        message: `${SEARCH_LABELS[which]} "${id}": ${i.message}`,
        field: which,
        record: `saved search ${id}`,
      });
    }
  }
  return issues;
}

/** Every problem of the configuration being saved (its own values), with the stored account records. */
export function checkConfiguration(
  settings: RawSettings,
  stored: StoredAccounts = readAccounts(),
): SyncIssue[] {
  const checked = validateConfig({ ...settings, accounts: stored.accounts }, { oneWorld: hasSubsidiaries() });
  // The configuration is made by the installation before any account record exists; a missing
  // account is the next step (and the sync's message), not a reason to refuse this record.
  const issues = checked.ok ? [] : checked.errors.filter((i) => i.code !== "CONFIG_NO_ACCOUNT");
  const syncField = checked.ok
    ? checked.value.syncField
    : text(settings.syncField).trim().toLowerCase() || "email";
  issues.push(...searchIssues(settings, syncField, issues));
  for (const account of stored.accounts) {
    const issue = probeSecret(account, stored.apiBases[text(account.recordId).trim()]);
    if (issue) issues.push(issue);
  }
  return issues;
}

/** How core names an account record in its issues (config.ts, `accountRecord`). */
function accountLabel(raw: RawStripeAccount, index: number): string {
  const name = text(raw.name).trim();
  if (name !== "") return `Stripe account "${name}"`;
  const id = text(raw.recordId).trim();
  return id !== "" ? `Stripe account record ${id}` : `Stripe account #${index + 1}`;
}

/**
 * The problems of one Stripe account record being saved: core's account checks (IDs' forms, the
 * identifier, no duplicate name or identifier among the stored accounts) and its API secret.
 */
export function checkAccount(raw: RawStripeAccount, apiBase: string | undefined): SyncIssue[] {
  const stored = readAccounts();
  const recordId = text(raw.recordId).trim();
  const others = stored.accounts.filter((a) => recordId === "" || text(a.recordId).trim() !== recordId);
  // Last in the list, so that a duplicate is reported on this record, not on the stored one.
  const checked = validateConfig(
    { ...(readStoredSettings() ?? {}), accounts: [...others, raw] },
    { oneWorld: hasSubsidiaries() },
  );
  const label = accountLabel(raw, others.length);
  const issues = checked.ok ? [] : checked.errors.filter((i) => i.record === label);
  if (!issues.some((i) => i.field === "secretId")) {
    const issue = probeSecret(raw, apiBase);
    if (issue) issues.push(issue);
  }
  return issues;
}

/** The error that refuses the save: every problem on its own line, with its field and fix. */
export function refusal(what: string, issues: readonly SyncIssue[]): error.SuiteScriptError {
  const lines = issues.map((i, n) => {
    const field = i.field === undefined ? "" : `[${FIELD_LABELS[i.field] ?? i.field}] `;
    return `${n + 1}. ${field}${i.message} Fix: ${i.fix}`;
  });
  const count = issues.length === 1 ? "1 problem" : `${issues.length} problems`;
  return error.create({
    name: "NSS_CONFIG_INVALID",
    message: `${what} was not saved (${count}):\n${lines.join("\n")}`,
    notifyOff: true,
  });
}
