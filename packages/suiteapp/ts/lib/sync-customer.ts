/**
 * The sync of one customer: which Stripe accounts serve it (core's `accountsForCustomer`), then per
 * account its mapped payload (the single-sync search through core's `mapCustomer`), the fingerprint
 * compare with the link record (unchanged: no Stripe call), core's lookup plan (stored ID → update;
 * else list by email or search by metadata → link or create with core's idempotency key), and the
 * outcome written to the link record, the customer's own fields and the sync log. Every link gets a
 * customer portal token when it has none (lib/portal-token.ts), and the customer's Customer Portal Link
 * field follows the primary link's token: no extra units but 2 for a token added to an unchanged link.
 *
 * Nothing here throws for what a user can fix: every issue becomes core's or the Stripe client's
 * message and fix, on the customer (`custentity_nss_last_error`) and in the sync log.
 */
import * as log from "N/log";
import * as record from "N/record";
import * as search from "N/search";
import {
  type AccountScope,
  accountsForCustomer,
  describeIssues,
  type Result,
  type SyncConfig,
  type SyncIssue,
} from "@nss/core";
import { hasSubsidiaries } from "./account-features.js";
import { dateTimeText } from "./field-values.js";
import { CUSTOMER_FIELDS } from "./ids.js";
import { findLink, type LinkRow, saveLink, saveLinkToken } from "./links.js";
import { newPortalToken, portalUrl } from "./portal-token.js";
import { type LoadedConfig, readConfig } from "./read-config.js";
import { runSingleSyncSearch } from "./single-search.js";
import { writeSyncLog } from "./sync-log.js";
import { type CustomerFacts, type SyncOutcome, syncTarget, type TargetOutcome } from "./sync-target.js";

export type { SyncOutcome } from "./sync-target.js";

/** What happened for one Stripe account. */
export interface TargetResult {
  accountRecordId?: string;
  accountName: string;
  outcome: SyncOutcome;
  stripeCustomerId?: string;
  message: string;
  /** A failure's issues, each with its own message and fix (`message` joins them). */
  issues?: SyncIssue[];
  stripeCalls: number;
  /** A dry run: the outcome is what the sync would do; nothing was sent or written but the log. */
  dryRun?: boolean;
}

export interface CustomerSyncResult {
  customerId: string;
  /** `failed` when any account failed. */
  ok: boolean;
  targets: TargetResult[];
  /** The message written to the customer's last error field ('' when all went well). */
  error: string;
}

/** What started the sync, as the sync log's run kind says it. */
export type RunKind = "button" | "create" | "mass" | "mass_dry_run";

/** What the mass sync adds to a sync. */
export interface SyncOptions {
  /** All of the customer's subsidiaries (scope `all`); the primary is read from the customer. */
  subsidiaries?: readonly string[];
  /**
   * Plan only: GET lookups are made, but no Stripe POST, no link or customer write; the outcome is
   * what the sync would do, and only the sync log row describing it is written.
   */
  dryRun?: boolean;
}

const text = (value: unknown): string => {
  if (Array.isArray(value)) return value.length > 0 ? text((value[0] as { value?: unknown }).value) : "";
  return typeof value === "string" ? value : value == null ? "" : String(value);
};

/** A thrown N/* error as one line for the user: its name and message, never a stack. */
export function thrownIssue(e: unknown, customerId: string): SyncIssue {
  const err = e as { name?: unknown; message?: unknown };
  const name = typeof err?.name === "string" ? err.name : "ERROR";
  const message = typeof err?.message === "string" ? err.message : String(e);
  return {
    code: "NETSUITE_ERROR",
    message: `NetSuite refused a step of the sync of customer ${customerId}: ${name}: ${message}`,
    fix: "Correct what the message names and sync again; if it persists, tell your administrator.",
    record: `customer ${customerId}`,
  };
}

/** The customer's subsidiary, stored Stripe ID, sync value and the accounts' identifier fields (1 unit). */
function readCustomer(config: SyncConfig, customerId: string): CustomerFacts & { portalLink: string } {
  const otherFields = config.accounts.map((a) => a.identifierField).filter((f) => f !== "subsidiary");
  // Without OneWorld a customer has no subsidiary field: naming it would fail the lookup.
  const columns = Array.from(
    new Set([
      ...(hasSubsidiaries() ? ["subsidiary"] : []),
      config.stripeIdField,
      config.syncField,
      CUSTOMER_FIELDS.portalLink,
      ...otherFields,
    ]),
  );
  const values = search.lookupFields({ type: search.Type.CUSTOMER, id: customerId, columns }) as Record<
    string,
    unknown
  >;
  const fields: Record<string, string> = {};
  for (const f of otherFields) fields[f] = text(values[f]);
  return {
    primarySubsidiary: text(values.subsidiary),
    storedStripeId: text(values[config.stripeIdField]).trim(),
    syncValue: text(values[config.syncField]).trim(),
    fields,
    portalLink: text(values[CUSTOMER_FIELDS.portalLink]).trim(),
  };
}

const SUCCESS_MESSAGE: Record<Exclude<SyncOutcome, "failed">, string> = {
  created: "Created Stripe customer",
  linked: "Linked to existing Stripe customer",
  updated: "Updated Stripe customer",
  unchanged: "Nothing changed since the last sync; no Stripe call for",
};

/** The dry run's message: what the sync would do. */
function plannedMessage(outcome: Exclude<SyncOutcome, "failed">, stripeId: string, where: string): string {
  switch (outcome) {
    case "created":
      return `Dry run: would create a Stripe customer in ${where}.`;
    case "linked":
      return `Dry run: would link to existing Stripe customer ${stripeId} in ${where}.`;
    case "updated":
      return `Dry run: would update Stripe customer ${stripeId} in ${where}.`;
    default:
      return `Dry run: would skip Stripe customer ${stripeId} in ${where}: nothing changed since the last sync.`;
  }
}

/** Writes the outcome on the customer's own fields (one submitFields, 10 units). */
function writeCustomer(
  config: SyncConfig | undefined,
  customerId: string,
  status: "synced" | "unchanged" | "error",
  error: string,
  primaryStripeId: string | undefined,
  portalLink?: string,
): void {
  const values: Record<string, string> = {
    [CUSTOMER_FIELDS.syncStatus]: status,
    [CUSTOMER_FIELDS.lastSync]: dateTimeText(new Date()),
    [CUSTOMER_FIELDS.lastError]: error.slice(0, 3900),
  };
  if (primaryStripeId !== undefined) {
    values[config?.stripeIdField ?? CUSTOMER_FIELDS.stripeCustomerId] = primaryStripeId;
  }
  if (portalLink !== undefined) values[CUSTOMER_FIELDS.portalLink] = portalLink;
  record.submitFields({
    type: record.Type.CUSTOMER,
    id: customerId,
    values,
    options: { enableSourcing: false, ignoreMandatoryFields: true },
  });
}

/**
 * Syncs one customer to the Stripe accounts of the scope (`primary` for the button and the create
 * trigger; `all` for the mass sync, which passes the customer's subsidiaries in `options`). Never
 * throws: a failure is returned and written to the customer and the sync log. With `dryRun`, nothing
 * is sent to Stripe but GET lookups and nothing is written but the sync log rows of the plan.
 */
export function syncCustomer(
  customerId: string,
  scope: AccountScope,
  kind: RunKind,
  /** The configuration when the caller has read it already (saves its 20 units). */
  preloaded?: Result<LoadedConfig>,
  options: SyncOptions = {},
): CustomerSyncResult {
  const dryRun = options.dryRun === true;
  const targets: TargetResult[] = [];
  let config: SyncConfig | undefined;
  const fail = (
    errors: readonly SyncIssue[],
    accountRecordId?: string,
    accountName = "",
  ): CustomerSyncResult => {
    const message = describeIssues(errors);
    targets.push({
      ...(accountRecordId ? { accountRecordId } : {}),
      accountName,
      outcome: "failed",
      message,
      issues: [...errors],
      stripeCalls: 0,
      ...(dryRun ? { dryRun } : {}),
    });
    if (!dryRun) safely(customerId, () => writeCustomer(config, customerId, "error", message, undefined));
    safely(customerId, () => writeSyncLog({ kind, customerId, outcome: "failed", message, accountRecordId }));
    return { customerId, ok: false, targets, error: message };
  };

  try {
    const loaded = preloaded ?? readConfig();
    if (!loaded.ok) return fail(loaded.errors);
    config = loaded.value.config;
    const facts = readCustomer(config, customerId);
    const selection = accountsForCustomer(
      config.accounts,
      {
        id: customerId,
        primarySubsidiary: facts.primarySubsidiary,
        subsidiaries: scope === "all" ? [...(options.subsidiaries ?? [])] : [],
        fields: facts.fields,
      },
      scope,
    );
    if (!selection.ok) return fail(selection.errors);
    // Scope `all`: a customer none of whose subsidiaries has a Stripe account is not synced anywhere.
    if (selection.value.targets.length === 0) return { customerId, ok: true, targets: [], error: "" };
    const columns = runSingleSyncSearch(config.searches.singleSync, customerId);
    if (!columns.ok) return fail(columns.errors);

    const errors: string[] = [];
    let primaryStripeId: string | undefined;
    let allUnchanged = true;
    let primaryTaken = false;
    let primaryPortalLink: string | undefined;
    for (const target of selection.value.targets) {
      const account = target.account;
      const primary = !primaryTaken && target.subsidiaryId === facts.primarySubsidiary;
      if (primary) primaryTaken = true;
      const calls = { n: 0 };
      let result: TargetOutcome;
      let link: LinkRow | undefined;
      try {
        link = findLink(customerId, account.recordId ?? "", target.subsidiaryId);
        const apiBase = account.recordId ? loaded.value.apiBases[account.recordId] : undefined;
        result = syncTarget(
          {
            config,
            ...(apiBase ? { apiBase } : {}),
            customerId,
            facts,
            columns: columns.value,
            target,
            primary,
            dryRun,
          },
          link,
          calls,
        );
        if (result.ok && !dryRun) {
          // A link without a token gets one (a new link, or one an administrator blanked to revoke it);
          // any other value is kept, including one that is not a token (revoked for good).
          const token = link?.portalToken || newPortalToken();
          const tokenIsNew = token !== link?.portalToken;
          if (result.outcome !== "unchanged") {
            saveLink(link, {
              customerId,
              accountRecordId: account.recordId ?? "",
              subsidiaryId: target.subsidiaryId,
              stripeId: result.stripeCustomerId,
              fingerprint: result.fingerprint,
              generation: link?.generation ?? 0,
              ...(tokenIsNew ? { portalToken: token } : {}),
            });
          } else if (link !== undefined && tokenIsNew) {
            saveLinkToken(link.id, token);
          }
          if (primary) primaryPortalLink = portalUrl(token);
        }
      } catch (e) {
        result = { ok: false, errors: [thrownIssue(e, customerId)] };
      }
      const where = `Stripe account "${account.name}"`;
      const entry: TargetResult = result.ok
        ? {
            ...(account.recordId ? { accountRecordId: account.recordId } : {}),
            accountName: account.name,
            outcome: result.outcome,
            stripeCustomerId: result.stripeCustomerId,
            message: dryRun
              ? plannedMessage(result.outcome, result.stripeCustomerId, where)
              : `${SUCCESS_MESSAGE[result.outcome]} ${result.stripeCustomerId} in ${where}.`,
            stripeCalls: calls.n,
            ...(dryRun ? { dryRun } : {}),
          }
        : {
            ...(account.recordId ? { accountRecordId: account.recordId } : {}),
            accountName: account.name,
            outcome: "failed",
            message: describeIssues(result.errors),
            issues: result.errors,
            stripeCalls: calls.n,
            ...(dryRun ? { dryRun } : {}),
          };
      targets.push(entry);
      if (!result.ok) errors.push(entry.message);
      else {
        if (result.outcome !== "unchanged") allUnchanged = false;
        if (primary && result.stripeCustomerId !== facts.storedStripeId)
          primaryStripeId = result.stripeCustomerId;
      }
      writeSyncLog({
        kind,
        customerId,
        outcome: entry.outcome,
        message: entry.message,
        accountRecordId: account.recordId,
      });
    }

    const error = errors.join("\n");
    const status = errors.length > 0 ? "error" : allUnchanged ? "unchanged" : "synced";
    const portalLink =
      primaryPortalLink !== undefined && primaryPortalLink !== facts.portalLink
        ? primaryPortalLink
        : undefined;
    if (!dryRun) writeCustomer(config, customerId, status, error, primaryStripeId, portalLink);
    return { customerId, ok: errors.length === 0, targets, error };
  } catch (e) {
    return fail([thrownIssue(e, customerId)]);
  }
}

/** Runs a write of the failure path; if NetSuite refuses even that, the execution log keeps it. */
function safely(customerId: string, write: () => void): void {
  try {
    write();
  } catch (e) {
    const issue = thrownIssue(e, customerId);
    log.error({
      title: `Could not record the sync outcome of customer ${customerId}`,
      details: issue.message,
    });
  }
}
