/**
 * The sync of one customer, whatever started it (`SyncTrigger`): per Stripe account its target's sync
 * (sync-target.ts: fingerprint compare, then core's lookup plan against Stripe), and the outcome
 * written to the link record, the customer's own fields and the sync log. The button and the create
 * trigger read what the sync needs for their one customer (sync-prepare.ts); the mass sync hands over
 * what its getInputData read in bulk, so its map makes no NetSuite read at all.
 *
 * Writes follow what changed: a link only when Stripe was written (or its portal token is missing); for
 * the mass sync the customer only when its outcome differs from what it holds, and a sync log row only
 * for a new failure.
 * Nothing here throws for what a user can fix: every issue becomes core's or the Stripe client's
 * message and fix, on the customer (`custentity_nss_last_error`, in core's stored format
 * `<message> Fix: <fix> [<CODE>]` a line per issue: describeIssuesForRecord, which the operations page
 * parses and filters by code) and in the sync log (message and fix as sentences: describeIssues).
 */
import * as format from "N/format";
import * as log from "N/log";
import * as record from "N/record";
import { describeIssues, describeIssuesForRecord, type Result, type SyncIssue } from "@nss/core";
import type { LoadedConfig } from "../configuration/read-config.js";
import { newPortalToken, portalUrl } from "../portal-link/portal-token.js";
import { saveLink, saveLinkToken } from "../records/customer-links.js";
import { CUSTOMER_FIELDS } from "../records/object-ids.js";
import { writeSyncLog } from "../records/sync-log.js";
import { type PlanEntry, type PlanStamp, writePlanRow } from "./dry-run-plan.js";
import { type CustomerState, type PreparedSync, prepareOne } from "./sync-prepare.js";
import { type SyncOutcome, syncTarget, type TargetOutcome } from "./sync-target.js";

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
  /** A dry run: the outcome is what the sync would do; nothing was sent or written but the plan. */
  dryRun?: boolean;
  /** A dry run's success: the Stripe fields the sync would set or change. */
  changes?: string[];
}

export interface CustomerSyncResult {
  customerId: string;
  /** `failed` when any account failed. */
  ok: boolean;
  targets: TargetResult[];
  /** The text written to the customer's last error field, core's describeIssuesForRecord ('' when all went well). */
  error: string;
}

/** What started the sync, as the sync log's run kind says it. */
export type RunKind = "button" | "create" | "mass" | "mass_dry_run";

/**
 * What started the sync: the button, the create trigger (with the configuration when it has read it
 * already), or the mass sync with what its getInputData read; `dryRun` plans only: GET lookups are made,
 * but no Stripe POST and no write but the sync log rows describing the plan.
 */
export type SyncTrigger =
  | { kind: "button" }
  | { kind: "create"; config?: Result<LoadedConfig> }
  | { kind: "mass"; dryRun: boolean; prepared: PreparedSync };

const runKind = (t: SyncTrigger): RunKind =>
  t.kind === "mass" ? (t.dryRun ? "mass_dry_run" : "mass") : t.kind;

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

/** A dry run target's "what would change": the fields, or why it would fail. */
function plannedText(entry: TargetResult): string {
  if (entry.outcome === "failed") return entry.message;
  if (entry.outcome === "unchanged") return "Nothing: unchanged since the last sync (no Stripe call).";
  const fields = entry.changes ?? [];
  if (fields.length === 0) return "No field would change (the customer would be linked or re-sent as it is).";
  return fields.join(", ");
}

/** The customer's own fields after the sync. */
interface CustomerWrite {
  status: "synced" | "unchanged" | "error";
  /** The stored last error (describeIssuesForRecord, already within the field's length). */
  error: string;
  /** The primary account's Stripe ID when it differs from the stored one. */
  stripeId?: string;
  /** The portal link when it differs from the stored one. */
  portalLink?: string;
}

/**
 * A date/time (DATETIMETZ field) as `record.submitFields` takes it. Oracle documents submitFields'
 * values as field-value pairs and shows only text: a date/time field takes the date as text in the
 * user's format, as `format.format` writes it (a JavaScript Date is for `Record.setValue`).
 */
function dateTimeText(date: Date): string {
  return String(format.format({ value: date, type: format.Type.DATETIMETZ }));
}

/** Writes the outcome on the customer's own fields (one submitFields). */
function writeCustomer(stripeIdField: string, customerId: string, write: CustomerWrite): void {
  const values: Record<string, string> = {
    [CUSTOMER_FIELDS.syncStatus]: write.status,
    [CUSTOMER_FIELDS.lastSync]: dateTimeText(new Date()),
    [CUSTOMER_FIELDS.lastError]: write.error,
  };
  if (write.stripeId !== undefined) values[stripeIdField] = write.stripeId;
  if (write.portalLink !== undefined) values[CUSTOMER_FIELDS.portalLink] = write.portalLink;
  record.submitFields({
    type: record.Type.CUSTOMER,
    id: customerId,
    values,
    options: { enableSourcing: false, ignoreMandatoryFields: true },
  });
}

/**
 * Whether the mass sync may leave the customer's fields as they are: nothing was sent to Stripe and
 * they already say what this sync would write (the last sync time is then the last time it changed).
 */
function customerUnchanged(before: CustomerState, write: CustomerWrite, sent: boolean): boolean {
  if (sent || write.stripeId !== undefined || write.portalLink !== undefined) return false;
  if (write.status === "error") return before.syncStatus === "error" && before.lastError === write.error;
  return before.syncStatus !== "error" && before.lastError === "";
}

/**
 * Syncs one customer to the Stripe accounts its trigger serves (the primary subsidiary's for the
 * button and the create trigger; every subsidiary's for the mass sync). Never throws: a failure is
 * returned and written to the customer and the sync log.
 */
export function syncCustomer(customerId: string, trigger: SyncTrigger): CustomerSyncResult {
  const kind = runKind(trigger);
  const mass = trigger.kind === "mass";
  const dryRun = mass && trigger.dryRun;
  const targets: TargetResult[] = [];
  let stripeIdField: string = CUSTOMER_FIELDS.stripeCustomerId;
  let before: CustomerState | undefined;
  // The dry run writes its plan (dry-run-plan.ts) instead of sync log rows: one row per customer and account.
  const stamp: PlanStamp = trigger.kind === "mass" ? (trigger.prepared as PreparedSync & PlanStamp) : {};
  const plan = (entry: PlanEntry) => safely(customerId, () => writePlanRow(stamp, entry));
  const fail = (errors: readonly SyncIssue[], accountRecordId?: string): CustomerSyncResult => {
    const message = describeIssues(errors);
    targets.push({
      ...(accountRecordId ? { accountRecordId } : {}),
      accountName: "",
      outcome: "failed",
      message,
      issues: [...errors],
      stripeCalls: 0,
      ...(dryRun ? { dryRun } : {}),
    });
    const stored = describeIssuesForRecord(errors);
    const write: CustomerWrite = { status: "error", error: stored };
    if (dryRun) plan({ customerId, accountRecordId, action: "failed", changes: message });
    else if (!(mass && before && customerUnchanged(before, write, false))) {
      safely(customerId, () => writeCustomer(stripeIdField, customerId, write));
      safely(customerId, () =>
        writeSyncLog({ kind, customerId, outcome: "failed", message, accountRecordId }),
      );
    }
    return { customerId, ok: false, targets, error: stored };
  };

  try {
    let prepared: PreparedSync;
    if (trigger.kind === "mass") prepared = trigger.prepared;
    else {
      const one = prepareOne(customerId, trigger.kind === "create" ? trigger.config : undefined);
      if (one.config) stripeIdField = one.config.stripeIdField;
      if (!one.prepared.ok) return fail(one.prepared.errors);
      prepared = one.prepared.value;
    }
    stripeIdField = prepared.settings.stripeIdField;
    const customer = prepared.customer;
    before = customer;
    if (prepared.issues) return fail(prepared.issues);
    // No Stripe account serves any of the customer's subsidiaries in scope: nothing to sync.
    if (prepared.targets.length === 0) return { customerId, ok: true, targets: [], error: "" };

    const errors: SyncIssue[] = [];
    let primaryStripeId: string | undefined;
    let allUnchanged = true;
    let sent = false;
    let primaryToken: string | undefined;
    const tokensToWrite: PendingToken[] = [];
    for (const { target, primary, link } of prepared.targets) {
      const account = target.account;
      const calls = { n: 0 };
      let result: TargetOutcome;
      try {
        const apiBase = account.recordId ? prepared.apiBases[account.recordId] : undefined;
        result = syncTarget(
          {
            settings: prepared.settings,
            ...(apiBase ? { apiBase } : {}),
            customerId,
            facts: customer,
            columns: prepared.columns,
            target,
            primary,
            dryRun,
          },
          link,
          calls,
        );
        if (result.ok && !dryRun) {
          // A link without a token gets one (a new link, or one an administrator blanked to revoke it):
          // in the link's own write when Stripe was written, else after the loop (portal upkeep).
          const token = link?.portalToken || newPortalToken();
          const tokenIsNew = token !== link?.portalToken;
          if (result.outcome !== "unchanged") {
            sent = true;
            saveLink(link, {
              customerId,
              accountRecordId: account.recordId ?? "",
              subsidiaryId: target.subsidiaryId,
              stripeId: result.stripeCustomerId,
              fingerprint: result.fingerprint,
              generation: link?.generation ?? 0,
              ...(tokenIsNew ? { portalToken: token } : {}),
              ...(result.stripeCreated ? { stripeCreated: result.stripeCreated } : {}),
            });
          } else if (link !== undefined && tokenIsNew) {
            tokensToWrite.push({ linkId: link.id, token, primary });
          }
          if (primary) primaryToken = token;
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
            ...(dryRun && result.changes ? { changes: result.changes } : {}),
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
      if (!result.ok) errors.push(...result.errors);
      else {
        if (result.outcome !== "unchanged") allUnchanged = false;
        if (primary && result.stripeCustomerId !== customer.storedStripeId)
          primaryStripeId = result.stripeCustomerId;
      }
    }

    const primaryPortalLink = keepPortalTokens(customerId, tokensToWrite, primaryToken);
    const error = describeIssuesForRecord(errors);
    const write: CustomerWrite = {
      status: errors.length > 0 ? "error" : allUnchanged ? "unchanged" : "synced",
      error,
      ...(primaryStripeId !== undefined ? { stripeId: primaryStripeId } : {}),
      ...(primaryPortalLink !== undefined && primaryPortalLink !== customer.portalLink
        ? { portalLink: primaryPortalLink }
        : {}),
    };
    // The mass sync writes what someone must act on: a row per failure the customer did not show
    // already (its successes are the run's counts, the link and the customer's own fields; a row each
    // would be a round trip per customer). The dry run writes its whole plan; the button and the create
    // trigger answer the person, a row each.
    const quiet = mass && !dryRun && customerUnchanged(customer, write, sent);
    for (const entry of targets) {
      if (dryRun) {
        plan({
          customerId,
          accountRecordId: entry.accountRecordId,
          action: entry.outcome,
          stripeId: entry.stripeCustomerId,
          changes: plannedText(entry),
        });
        continue;
      }
      if (mass && (quiet || entry.outcome !== "failed")) continue;
      writeSyncLog({
        kind,
        customerId,
        outcome: entry.outcome,
        message: entry.message,
        accountRecordId: entry.accountRecordId,
      });
    }
    if (!dryRun && !quiet) writeCustomer(stripeIdField, customerId, write);
    return { customerId, ok: errors.length === 0, targets, error };
  } catch (e) {
    return fail([thrownIssue(e, customerId)]);
  }
}
/** A token for an unchanged link that had none, written after the sync. */
interface PendingToken {
  linkId: string;
  token: string;
  primary: boolean;
}

/**
 * Portal upkeep after the sync: a token for each unchanged link that had none (a submitFields each, once);
 * answers the customer's portal link, the primary link's, when a sync with the primary account succeeded
 * (none when its token could not be written: a link to a token no link holds would not open).
 */
function keepPortalTokens(
  customerId: string,
  tokens: readonly PendingToken[],
  primaryToken: string | undefined,
): string | undefined {
  let primaryWritten = true;
  for (const { linkId, token, primary } of tokens) {
    const written = safely(customerId, () => saveLinkToken(linkId, token));
    if (primary && !written) primaryWritten = false;
  }
  return primaryToken === undefined || !primaryWritten ? undefined : portalUrl(primaryToken);
}

/** Runs a write that must not fail the sync; if NetSuite refuses it, the execution log keeps why. */
function safely(customerId: string, write: () => void): boolean {
  try {
    write();
    return true;
  } catch (e) {
    const issue = thrownIssue(e, customerId);
    log.error({
      title: `Could not record the sync outcome of customer ${customerId}`,
      details: issue.message,
    });
    return false;
  }
}
