/**
 * Every active link record at once, for the runs that look at every customer (the mass sync and the payment
 * method refresh): one paged search, a page of 1,000 links for one fetch (5 units) and one round trip,
 * instead of a search (10 units) per customer. Keyed by account record, customer and subsidiary; of two links
 * of one key (made before links had external IDs) the oldest counts, as `findLink` reads it.
 */
import * as search from "N/search";
import { type LinkRow, linkColumns, linkExternalId, linkFromRow } from "./customer-links.js";
import { text } from "./field-values.js";
import { LINK_RECORD } from "./object-ids.js";

export interface IndexedLink extends LinkRow {
  customerId: string;
  accountRecordId: string;
  subsidiaryId: string;
}

export type LinkIndex = Map<string, IndexedLink>;

const f = LINK_RECORD.fields;

/** The key of a link in the index: the link's external ID. */
export const linkKey = linkExternalId;

export function readLinks(): LinkIndex {
  const customer = search.createColumn({ name: f.customer });
  const account = search.createColumn({ name: f.account });
  const subsidiary = search.createColumn({ name: f.subsidiary });
  const paged = search
    .create({
      type: LINK_RECORD.type,
      filters: [["isinactive", "is", "F"]],
      columns: [...linkColumns(), customer, account, subsidiary],
    })
    .runPaged({ pageSize: 1000 });
  const links: LinkIndex = new Map();
  for (const range of paged.pageRanges) {
    for (const row of paged.fetch({ index: range.index }).data) {
      const link: IndexedLink = {
        ...linkFromRow(row),
        customerId: text(row.getValue(customer)),
        accountRecordId: text(row.getValue(account)),
        subsidiaryId: text(row.getValue(subsidiary)).trim(),
      };
      const key = linkKey(link.accountRecordId, link.customerId, link.subsidiaryId);
      if (!links.has(key)) links.set(key, link);
    }
  }
  return links;
}
