/**
 * The link records (`customrecord_nss_customer_link`): one per customer, Stripe account and
 * subsidiary, holding the Stripe customer ID, the fingerprint of what was last sent and the
 * generation of the create's idempotency key, and the customer portal link's token. Finding one is a
 * search (10 units); writing one is a submitFields (2 units) or a create and save (4 units).
 */
import * as record from "N/record";
import * as search from "N/search";
import { LINK_RECORD } from "./ids.js";

export interface LinkRow {
  id: string;
  stripeId: string;
  fingerprint: string;
  generation: number;
  /** The portal token ('' when none was issued or an administrator blanked it). */
  portalToken: string;
}

export interface LinkValues {
  customerId: string;
  accountRecordId: string;
  subsidiaryId: string;
  stripeId: string;
  fingerprint: string;
  generation: number;
  /** Written when given: a new portal token. */
  portalToken?: string;
}

const f = LINK_RECORD.fields;
const text = (value: unknown): string =>
  typeof value === "string" ? value : value == null ? "" : String(value);

function linkFilters(customerId: string, accountRecordId: string, subsidiaryId: string): unknown[] {
  const filters: unknown[] = [
    [f.customer, "anyof", customerId],
    "AND",
    [accountRecordId ? f.account : "isinactive", accountRecordId ? "anyof" : "is", accountRecordId || "F"],
  ];
  if (subsidiaryId) filters.push("AND", [f.subsidiary, "is", subsidiaryId]);
  return filters;
}

/** The link of the customer for the account and subsidiary, if any. */
export function findLink(
  customerId: string,
  accountRecordId: string,
  subsidiaryId: string,
): LinkRow | undefined {
  const filters = linkFilters(customerId, accountRecordId, subsidiaryId);
  const [row] = search
    .create({
      type: LINK_RECORD.type,
      filters,
      columns: [
        search.createColumn({ name: "internalid", sort: search.Sort.DESC }),
        search.createColumn({ name: f.stripeId }),
        search.createColumn({ name: f.fingerprint }),
        search.createColumn({ name: f.generation }),
        search.createColumn({ name: f.portalToken }),
      ],
    })
    .run()
    .getRange({ start: 0, end: 1 });
  if (row === undefined) return undefined;
  const generation = Number(row.getValue({ name: f.generation }));
  return {
    id: String(row.id),
    stripeId: text(row.getValue({ name: f.stripeId })).trim(),
    fingerprint: text(row.getValue({ name: f.fingerprint })),
    generation: Number.isSafeInteger(generation) && generation >= 0 ? generation : 0,
    portalToken: text(row.getValue({ name: f.portalToken })).trim(),
  };
}

/** Writes a new portal token on an existing link (2 units). */
export function saveLinkToken(linkId: string, token: string): void {
  record.submitFields({ type: LINK_RECORD.type, id: linkId, values: { [f.portalToken]: token } });
}

/**
 * Updates the existing link, or creates it. Two syncs of the same new customer at once (the create
 * user event and the mass sync) both find no link and both create one; NetSuite has no unique key to
 * stop it. So after a create the links of the customer, account and subsidiary are read again (10
 * units, on a create only): the oldest one wins, and a writer whose new link is not the oldest deletes
 * it and writes its values on the oldest. The creates are ordered by internal ID, so the later writer
 * always sees the earlier link: exactly one link remains.
 */
export function saveLink(existing: LinkRow | undefined, values: LinkValues): string {
  if (existing !== undefined) {
    record.submitFields({
      type: LINK_RECORD.type,
      id: existing.id,
      values: {
        [f.stripeId]: values.stripeId,
        [f.fingerprint]: values.fingerprint,
        [f.generation]: values.generation,
        ...(values.portalToken !== undefined ? { [f.portalToken]: values.portalToken } : {}),
      },
    });
    return existing.id;
  }
  const link = record.create({ type: LINK_RECORD.type });
  link.setValue({ fieldId: f.customer, value: values.customerId });
  if (values.subsidiaryId) link.setValue({ fieldId: f.subsidiary, value: values.subsidiaryId });
  if (values.accountRecordId) link.setValue({ fieldId: f.account, value: values.accountRecordId });
  link.setValue({ fieldId: f.stripeId, value: values.stripeId });
  link.setValue({ fieldId: f.fingerprint, value: values.fingerprint });
  link.setValue({ fieldId: f.generation, value: values.generation });
  if (values.portalToken !== undefined) link.setValue({ fieldId: f.portalToken, value: values.portalToken });
  const id = String(link.save());
  const [oldest] = search
    .create({
      type: LINK_RECORD.type,
      filters: linkFilters(values.customerId, values.accountRecordId, values.subsidiaryId),
      columns: [search.createColumn({ name: "internalid", sort: search.Sort.ASC })],
    })
    .run()
    .getRange({ start: 0, end: 1 });
  if (oldest === undefined || String(oldest.id) === id) return id;
  record.delete({ type: LINK_RECORD.type, id });
  // The oldest link keeps its own portal token: the other writer may have published it already.
  const { portalToken: _ours, ...rest } = values;
  return saveLink(
    { id: String(oldest.id), stripeId: "", fingerprint: "", generation: 0, portalToken: "" },
    rest,
  );
}
