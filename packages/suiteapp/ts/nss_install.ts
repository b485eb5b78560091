/**
 * @NApiVersion 2.1
 * @NScriptType SDFInstallationScript
 * @NModuleScope SameAccount
 *
 * Runs at the end of every deployment of the SuiteApp (deploy.xml <run>): creates the default saved
 * searches and the configuration record when they do not exist yet. Idempotent: what exists is kept
 * as it is (an administrator may have changed it), so a second run creates and changes nothing.
 */

import * as error from "N/error";
import * as log from "N/log";
import * as record from "N/record";
import * as runtime from "N/runtime";
import * as search from "N/search";
import type { EntryPoints } from "N/types";
import { parseColumnLabels, type SyncIssue, validateConfig } from "@nss/core";
import { hasMultiSubsidiaryCustomers, hasSubsidiaries } from "./lib/configuration/account-features.js";
import { columnRefs } from "./lib/configuration/configured-searches.js";
import { defaultSearches, type SearchDef } from "./lib/configuration/default-searches.js";
import { CONFIG_RECORD, CUSTOMER_FIELDS, DEFAULT_SEARCH_IDS } from "./lib/records/object-ids.js";

type Outcome = "created" | "kept";

const describe = (issues: readonly SyncIssue[]): string =>
  issues.map((i) => `${i.message} Fix: ${i.fix}`).join(" | ");

function ensureSearch(def: SearchDef): Outcome {
  // Never write a mapping core would refuse: that is a bug in this SuiteApp, so stop the deployment.
  if (def.mapped) {
    const plan = parseColumnLabels(columnRefs(def.columns));
    if (!plan.ok) {
      throw error.create({
        name: "NSS_INSTALL_BAD_SEARCH",
        message: `The default saved search ${def.id} has columns core refuses: ${describe(plan.errors)}`,
      });
    }
  }
  let existing: search.Search | undefined;
  try {
    existing = search.load({ id: def.id });
  } catch (e) {
    if ((e as { name?: unknown }).name !== "INVALID_SEARCH") throw e;
  }
  if (existing !== undefined) {
    // Kept as the administrator left it; a mapping core would refuse is reported, not overwritten.
    if (!existing.isPublic) {
      log.error({
        title: `Saved search ${def.id} is private`,
        details:
          "The sync runs as the NetSuite–Stripe Sync role and cannot load it: check Public on the search.",
      });
    }
    if (def.mapped) {
      const plan = parseColumnLabels(columnRefs(existing.columns));
      if (!plan.ok) {
        log.error({ title: `Saved search ${def.id} needs attention`, details: describe(plan.errors) });
      }
    }
    return "kept";
  }
  search
    .create({
      type: def.type,
      id: def.id,
      title: def.title,
      // Public: the scripts run as the NetSuite–Stripe Sync role, not as the administrator installing,
      // and a search made by search.create is otherwise private to its owner (Search.isPublic).
      isPublic: true,
      filters: def.filters,
      columns: def.columns.map((c) =>
        search.createColumn({
          name: c.name,
          ...(c.join ? { join: c.join } : {}),
          label: c.label,
          ...(c.sort ? { sort: c.sort === "ASC" ? search.Sort.ASC : search.Sort.DESC } : {}),
        }),
      ),
    })
    .save();
  return "created";
}

/** The configuration the SuiteApp starts with: the default searches, sync on create, no webhook. */
const DEFAULT_CONFIG = {
  stripeIdField: CUSTOMER_FIELDS.stripeCustomerId,
  syncField: "email",
  searches: {
    singleSync: DEFAULT_SEARCH_IDS.singleSync,
    massSync: DEFAULT_SEARCH_IDS.massSync,
    defaultPaymentMethod: DEFAULT_SEARCH_IDS.defaultPaymentMethod,
  },
  autoSyncOnCreate: true,
  webhookEnabled: false,
  portalReturnUrl: "",
};

function ensureConfig(): Outcome {
  const found = search
    .create({ type: CONFIG_RECORD.type, columns: [search.createColumn({ name: "internalid" })] })
    .run()
    .getRange({ start: 0, end: 1 });
  if (found.length > 0) return "kept";

  // The defaults must pass core's configuration check; only the Stripe account is still missing.
  const checked = validateConfig({ ...DEFAULT_CONFIG, accounts: [] }, { oneWorld: hasSubsidiaries() });
  const issues = checked.ok ? [] : checked.errors;
  const unexpected = issues.filter((i) => i.code !== "CONFIG_NO_ACCOUNT");
  if (unexpected.length > 0) {
    throw error.create({
      name: "NSS_INSTALL_BAD_CONFIG",
      message: `The default configuration is invalid: ${describe(unexpected)}`,
    });
  }

  const f = CONFIG_RECORD.fields;
  const config = record.create({ type: CONFIG_RECORD.type });
  config.setValue({ fieldId: f.stripeIdField, value: DEFAULT_CONFIG.stripeIdField });
  config.setValue({ fieldId: f.syncField, value: DEFAULT_CONFIG.syncField });
  config.setValue({ fieldId: f.singleSyncSearch, value: DEFAULT_CONFIG.searches.singleSync });
  config.setValue({ fieldId: f.massSyncSearch, value: DEFAULT_CONFIG.searches.massSync });
  config.setValue({
    fieldId: f.defaultPaymentMethodSearch,
    value: DEFAULT_CONFIG.searches.defaultPaymentMethod,
  });
  config.setValue({ fieldId: f.autoSyncOnCreate, value: DEFAULT_CONFIG.autoSyncOnCreate });
  config.setValue({ fieldId: f.webhookEnabled, value: DEFAULT_CONFIG.webhookEnabled });
  config.save();
  for (const issue of issues) log.audit({ title: "Next step", details: `${issue.message} ${issue.fix}` });
  return "created";
}

export const run: EntryPoints.SDFInstallation.run = (context) => {
  const script = runtime.getCurrentScript();
  const unitsAtStart = script.getRemainingUsage();
  // Without Multi-Subsidiary Customer there is no msesubsidiary join: one row per customer then.
  const multiSubsidiary = hasMultiSubsidiaryCustomers();

  const outcomes: string[] = [];
  for (const def of defaultSearches(multiSubsidiary)) outcomes.push(`${def.id} ${ensureSearch(def)}`);
  outcomes.push(`${CONFIG_RECORD.type} ${ensureConfig()}`);

  const unitsUsed = unitsAtStart - script.getRemainingUsage();
  log.audit({
    title: "NetSuite–Stripe installation",
    details: `${context.fromVersion || "new install"} -> ${context.toVersion}: ${outcomes.join(", ")}; units used: ${unitsUsed}`,
  });
};
