/**
 * The mass sync's getInputData: the mass sync saved search with its own labelled columns (the values
 * sent, as the configuration's searches are meant to be used) plus the customer fields the sync reads,
 * and every link record, both in pages of 1,000; then per customer what the sync would send to each
 * Stripe account, compared with what its link says was sent last. A customer whose every account is
 * unchanged, whose portal link stands and whose last sync did not fail never reaches map: no
 * invocation, no Stripe call, no write; nor does one that would fail before any call exactly as it
 * shows already (counted as failed and named in the run's summary). The configuration is read once per
 * run, the search rows and the links a page of 1,000 at a time (one fetch each, 5 units), never a
 * read per customer.
 */
import * as search from "N/search";
import {
  describeIssues,
  describeIssuesForRecord,
  type Result,
  type SyncConfig,
  type SyncIssue,
} from "@nss/core";
import { hasMultiSubsidiaryCustomers } from "../configuration/account-features.js";
import { loadConfiguredSearch } from "../configuration/configured-searches.js";
import { ERROR_PREFIX as REFRESH_ERROR_PREFIX } from "../payment-method-refresh/refresh-customer.js";
import { portalUrlBuilder } from "../portal-link/portal-token.js";
import { type LinkIndex, linkKey, readLinks } from "../records/customer-link-index.js";
import type { LinkRow } from "../records/customer-links.js";
import { text } from "../records/field-values.js";
import { columnValues } from "./mapped-columns.js";
import {
  type CustomerState,
  customerColumns,
  customerState,
  type PreparedSync,
  type PreparedTarget,
  selectTargets,
  targetApiBases,
} from "./sync-prepare.js";
import { planTarget } from "./sync-target.js";

/** What the run counted before map: customers of the search left out because nothing changed. */
export interface MassTally {
  customers: number;
  unchanged: number;
  /** Customers none of whose subsidiaries a Stripe account serves. */
  unserved: number;
  /** Customers left out because they would fail exactly as their last sync did (what they show). */
  failedAgain: number;
  /** The first few of those, `customer <id>: <message>`, for the run's summary. */
  failures: string[];
}

/** How many of the customers failing again the summary names. */
const FAILURES_NAMED = 20;

export interface MassInput {
  /** Customer internal ID → its PreparedSync as JSON: the customers map must sync. */
  items: Record<string, string>;
  tally: MassTally;
}

interface Row {
  customer: CustomerState;
  columns: PreparedSync["columns"];
  subsidiaries: string[];
}

/**
 * The search's rows, one per customer (its subsidiaries gathered from the msesubsidiary rows); with
 * `only`, the search's own filters and these (the retry's: failed customers, lib/operations/failed-customers.ts).
 */
function readRows(config: SyncConfig, searchId: string, only?: search.Filter[]): Result<Map<string, Row>> {
  const loaded = loadConfiguredSearch("massSync", searchId);
  if (!loaded.ok) return loaded;
  const mass = loaded.value;
  if (only && only.length > 0) mass.filters = [...mass.filters, ...only];
  // A loaded search may list a column by its name alone.
  const mapping = mass.columns.map((c) => (typeof c === "string" ? search.createColumn({ name: c }) : c));
  const { columns: fields, identifiers } = customerColumns(config);
  const factColumns = new Map(fields.map((name) => [name, search.createColumn({ name })]));
  const multiSubsidiary = hasMultiSubsidiaryCustomers();
  const subsidiaryColumn = search.createColumn({ name: "internalid", join: "msesubsidiary" });
  mass.columns = [...mapping, ...factColumns.values(), ...(multiSubsidiary ? [subsidiaryColumn] : [])];

  const rows = new Map<string, Row>();
  const paged = mass.runPaged({ pageSize: 1000 });
  for (const range of paged.pageRanges) {
    for (const result of paged.fetch({ index: range.index }).data) {
      const id = String(result.id);
      let row = rows.get(id);
      if (row === undefined) {
        row = {
          customer: customerState(config, identifiers, (f) => {
            const column = factColumns.get(f);
            return column ? result.getValue(column) : "";
          }),
          columns: columnValues(result, mapping),
          subsidiaries: [],
        };
        rows.set(id, row);
      }
      const subsidiary = multiSubsidiary ? text(result.getValue(subsidiaryColumn)).trim() : "";
      if (subsidiary !== "" && !row.subsidiaries.includes(subsidiary)) row.subsidiaries.push(subsidiary);
    }
  }
  return { ok: true, value: rows };
}

/** The link as map needs it (the index's own keys stay behind). */
function linkOf(links: LinkIndex, customerId: string, t: PreparedTarget): LinkRow | undefined {
  const found = links.get(linkKey(t.target.account.recordId ?? "", customerId, t.target.subsidiaryId));
  if (found === undefined) return undefined;
  const { id, stripeId, fingerprint, generation, portalToken, stripeCreated } = found;
  return { id, stripeId, fingerprint, generation, portalToken, stripeCreated };
}

/**
 * What a sync would do without calling Stripe: `unchanged` when every account's payload is unchanged,
 * every link has a portal token, the customer's portal link is its primary link's and no failure is
 * shown; `failing` with the issues it would write when some accounts fail before any call (a mapping
 * or lookup issue) and the others are unchanged; `sync` otherwise.
 */
function foresee(
  prepared: PreparedSync,
  customerId: string,
  portalUrl: (token: string) => string,
): { kind: "unchanged" } | { kind: "failing"; issues: SyncIssue[] } | { kind: "sync" } {
  const errors: SyncIssue[] = [];
  for (const t of prepared.targets) {
    const plan = planTarget(
      {
        settings: prepared.settings,
        customerId,
        facts: prepared.customer,
        columns: prepared.columns,
        target: t.target,
        primary: t.primary,
      },
      t.link,
    );
    if (!plan.ok) {
      errors.push(...plan.errors);
      continue;
    }
    if (!t.link || t.link.portalToken === "" || !plan.value.unchanged) return { kind: "sync" };
    if (t.primary && portalUrl(t.link.portalToken) !== prepared.customer.portalLink) return { kind: "sync" };
  }
  if (errors.length > 0) return { kind: "failing", issues: errors };
  // The refresh's own error (its prefix) is the refresh's to clear, not a reason to sync.
  const { syncStatus, lastError } = prepared.customer;
  const syncError = lastError !== "" && !lastError.startsWith(REFRESH_ERROR_PREFIX);
  return syncStatus === "error" || syncError ? { kind: "sync" } : { kind: "unchanged" };
}

/**
 * What map must sync; with `everyone` (the dry run, which plans every customer) the unchanged too; with
 * `only`, just the search's customers these filters also select (Retry failed: those whose sync failed).
 */
export function readMassInput(
  config: SyncConfig,
  apiBases: Record<string, string>,
  everyone: boolean,
  only?: search.Filter[],
): Result<MassInput> {
  const rows = readRows(config, config.searches.massSync, only);
  if (!rows.ok) return rows;
  const links = readLinks();
  const portalUrl = portalUrlBuilder();
  const settings = { stripeIdField: config.stripeIdField, syncField: config.syncField };
  const tally: MassTally = {
    customers: rows.value.size,
    unchanged: 0,
    unserved: 0,
    failedAgain: 0,
    failures: [],
  };
  const items: Record<string, string> = {};
  /**
   * A failure the customer already shows is not news: counted, named in the summary, not synced. The
   * stored text is compared with what the sync would write (core's describeIssuesForRecord, the same
   * function sync-customer.ts writes with). A customer whose text predates that format (`<message> <fix>`
   * lines without a code) does not compare equal and simply syncs once more, which rewrites it.
   */
  const failsAgain = (customerId: string, customer: CustomerState, issues: readonly SyncIssue[]): boolean => {
    if (everyone || customer.syncStatus !== "error" || customer.lastError !== describeIssuesForRecord(issues))
      return false;
    tally.failedAgain++;
    if (tally.failures.length < FAILURES_NAMED)
      tally.failures.push(`customer ${customerId}: ${describeIssues(issues)}`);
    return true;
  };
  for (const [customerId, row] of rows.value) {
    const selected = selectTargets(config, customerId, row.customer, "all", row.subsidiaries);
    if (!selected.ok) {
      if (failsAgain(customerId, row.customer, selected.errors)) continue;
    } else if (selected.value.length === 0) {
      tally.unserved++;
      continue;
    }
    const targets = selected.ok ? selected.value : [];
    for (const t of targets) {
      const link = linkOf(links, customerId, t);
      if (link) t.link = link;
    }
    const prepared: PreparedSync = {
      settings,
      customer: row.customer,
      columns: row.columns,
      targets,
      apiBases: targetApiBases(targets, apiBases),
      ...(selected.ok ? {} : { issues: selected.errors }),
    };
    if (selected.ok && !everyone) {
      const foreseen = foresee(prepared, customerId, portalUrl);
      if (foreseen.kind === "unchanged") {
        tally.unchanged++;
        continue;
      }
      if (foreseen.kind === "failing" && failsAgain(customerId, row.customer, foreseen.issues)) continue;
    }
    items[customerId] = JSON.stringify(prepared);
  }
  return { ok: true, value: { items, tally } };
}
