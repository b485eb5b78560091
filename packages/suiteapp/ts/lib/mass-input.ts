/**
 * The mass sync's getInputData: the mass sync saved search with its own labelled columns (the values
 * sent, as the configuration's searches are meant to be used) plus the customer fields the sync reads,
 * and every link record, both in pages of 1,000; then per customer what the sync would send to each
 * Stripe account, compared with what its link says was sent last. A customer whose every account is
 * unchanged, whose portal link stands and whose last sync did not fail never reaches map: no
 * invocation, no Stripe call, no write. Cost: 5 units and one round trip per 1,000 search rows and per
 * 1,000 links, and the configuration (20 units) once per run.
 */
import * as search from "N/search";
import type { Result, SyncConfig } from "@nss/core";
import { hasMultiSubsidiaryCustomers } from "./account-features.js";
import { type LinkIndex, linkKey, readLinks } from "./link-index.js";
import type { LinkRow } from "./links.js";
import { portalUrlBuilder } from "./portal-token.js";
import { columnValues, loadConfiguredSearch } from "./single-search.js";
import {
  type CustomerState,
  customerColumns,
  customerState,
  type PreparedSync,
  type PreparedTarget,
  selectTargets,
  targetApiBases,
  text,
} from "./sync-prepare.js";
import { planTarget } from "./sync-target.js";

/** What the run counted before map: customers of the search left out because nothing changed. */
export interface MassTally {
  customers: number;
  unchanged: number;
  /** Customers none of whose subsidiaries a Stripe account serves. */
  unserved: number;
}

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

/** The search's rows, one per customer (its subsidiaries gathered from the msesubsidiary rows). */
function readRows(config: SyncConfig, searchId: string): Result<Map<string, Row>> {
  const loaded = loadConfiguredSearch("massSync", searchId);
  if (!loaded.ok) return loaded;
  const mass = loaded.value;
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
 * Whether a sync would change nothing at all: every account's payload unchanged, every link with a
 * portal token, the customer's portal link that of its primary link, and no failure to clear.
 */
function unchanged(
  prepared: PreparedSync,
  customerId: string,
  portalUrl: (token: string) => string,
): boolean {
  if (prepared.customer.syncStatus === "error" || prepared.customer.lastError !== "") return false;
  for (const t of prepared.targets) {
    if (!t.link || t.link.portalToken === "") return false;
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
    if (!plan.ok || !plan.value.unchanged) return false;
    if (t.primary && portalUrl(t.link.portalToken) !== prepared.customer.portalLink) return false;
  }
  return true;
}

/** What map must sync; with `everyone` (the dry run, which plans every customer) the unchanged too. */
export function readMassInput(
  config: SyncConfig,
  apiBases: Record<string, string>,
  everyone: boolean,
): Result<MassInput> {
  const rows = readRows(config, config.searches.massSync);
  if (!rows.ok) return rows;
  const links = readLinks();
  const portalUrl = portalUrlBuilder();
  const settings = { stripeIdField: config.stripeIdField, syncField: config.syncField };
  const tally: MassTally = { customers: rows.value.size, unchanged: 0, unserved: 0 };
  const items: Record<string, string> = {};
  for (const [customerId, row] of rows.value) {
    const selected = selectTargets(config, customerId, row.customer, "all", row.subsidiaries);
    const targets = selected.ok ? selected.value : [];
    if (selected.ok && targets.length === 0) {
      tally.unserved++;
      continue;
    }
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
    };
    if (selected.ok && !everyone && unchanged(prepared, customerId, portalUrl)) {
      tally.unchanged++;
      continue;
    }
    // A customer whose accounts cannot be chosen still reaches map, which reports why.
    items[customerId] = JSON.stringify(selected.ok ? prepared : { ...prepared, issues: selected.errors });
  }
  return { ok: true, value: { items, tally } };
}
