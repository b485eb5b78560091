/**
 * The link records (`customrecord_nss_customer_link`): one per customer, Stripe account and
 * subsidiary, holding the Stripe customer ID and its `created`, the fingerprint of what was last sent,
 * the generation of the create's idempotency key, and the customer portal link's token. Each link's
 * external ID is `<account record>:<customer>:<subsidiary>`, which NetSuite keeps unique per record
 * type: of two syncs creating the same link at once, one save fails and that sync writes onto the
 * other's link. An existing link is written with submitFields, never loaded and saved.
 */
import * as record from "N/record";
import * as search from "N/search";
import { text } from "./field-values.js";
import { LINK_RECORD } from "./object-ids.js";

export interface LinkRow {
  id: string;
  stripeId: string;
  fingerprint: string;
  generation: number;
  /** The portal token ('' when none was issued or an administrator blanked it). */
  portalToken: string;
  /** The Stripe customer's `created` (Unix seconds); 0 when the link predates it. */
  stripeCreated: number;
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
  /** Written when known: the Stripe customer's `created`. */
  stripeCreated?: number;
}

const f = LINK_RECORD.fields;

/** The link's external ID: unique per account record, customer and subsidiary ('-' for none). */
export function linkExternalId(accountRecordId: string, customerId: string, subsidiaryId: string): string {
  return `${accountRecordId || "-"}:${customerId}:${subsidiaryId || "-"}`;
}

/** The columns a link is read with, in `linkFromRow`'s order of use. */
export function linkColumns(): search.Column[] {
  return [
    search.createColumn({ name: "internalid", sort: search.Sort.ASC }),
    search.createColumn({ name: f.stripeId }),
    search.createColumn({ name: f.fingerprint }),
    search.createColumn({ name: f.generation }),
    search.createColumn({ name: f.portalToken }),
    search.createColumn({ name: f.stripeCreated }),
  ];
}

export function linkFromRow(row: search.Result): LinkRow {
  const generation = Number(row.getValue({ name: f.generation }));
  const created = Number(text(row.getValue({ name: f.stripeCreated })).trim());
  return {
    id: String(row.id),
    stripeId: text(row.getValue({ name: f.stripeId })).trim(),
    fingerprint: text(row.getValue({ name: f.fingerprint })),
    generation: Number.isSafeInteger(generation) && generation >= 0 ? generation : 0,
    portalToken: text(row.getValue({ name: f.portalToken })).trim(),
    stripeCreated: Number.isSafeInteger(created) && created > 0 ? created : 0,
  };
}

function linkFilters(customerId: string, accountRecordId: string, subsidiaryId: string): unknown[] {
  const filters: unknown[] = [
    [f.customer, "anyof", customerId],
    "AND",
    [accountRecordId ? f.account : "isinactive", accountRecordId ? "anyof" : "is", accountRecordId || "F"],
  ];
  if (subsidiaryId) filters.push("AND", [f.subsidiary, "is", subsidiaryId]);
  return filters;
}

/** The link of the customer for the account and subsidiary, if any (the oldest, should there be two). */
export function findLink(
  customerId: string,
  accountRecordId: string,
  subsidiaryId: string,
): LinkRow | undefined {
  const [row] = search
    .create({
      type: LINK_RECORD.type,
      filters: linkFilters(customerId, accountRecordId, subsidiaryId),
      columns: linkColumns(),
    })
    .run()
    .getRange({ start: 0, end: 1 });
  return row === undefined ? undefined : linkFromRow(row);
}

/** The link holding an external ID, if any. */
function findByExternalId(externalId: string): LinkRow | undefined {
  const [row] = search
    .create({
      type: LINK_RECORD.type,
      filters: [["externalid", "anyof", externalId]],
      columns: linkColumns(),
    })
    .run()
    .getRange({ start: 0, end: 1 });
  return row === undefined ? undefined : linkFromRow(row);
}

/** Writes a new portal token on an existing link. */
export function saveLinkToken(linkId: string, token: string): void {
  record.submitFields({ type: LINK_RECORD.type, id: linkId, values: { [f.portalToken]: token } });
}

/** Updates the existing link, or creates it; answers the link's internal ID. */
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
        ...(values.stripeCreated ? { [f.stripeCreated]: String(values.stripeCreated) } : {}),
      },
    });
    return existing.id;
  }
  const externalId = linkExternalId(values.accountRecordId, values.customerId, values.subsidiaryId);
  const link = record.create({ type: LINK_RECORD.type });
  link.setValue({ fieldId: "externalid", value: externalId });
  link.setValue({ fieldId: f.customer, value: values.customerId });
  if (values.subsidiaryId) link.setValue({ fieldId: f.subsidiary, value: values.subsidiaryId });
  if (values.accountRecordId) link.setValue({ fieldId: f.account, value: values.accountRecordId });
  link.setValue({ fieldId: f.stripeId, value: values.stripeId });
  link.setValue({ fieldId: f.fingerprint, value: values.fingerprint });
  link.setValue({ fieldId: f.generation, value: values.generation });
  if (values.portalToken !== undefined) link.setValue({ fieldId: f.portalToken, value: values.portalToken });
  if (values.stripeCreated) link.setValue({ fieldId: f.stripeCreated, value: String(values.stripeCreated) });
  try {
    return String(link.save());
  } catch (e) {
    // Another sync created the link since we looked (its external ID is taken): write onto that one,
    // which keeps its own portal token (the other sync may have published it already). No link under
    // the external ID: the save failed for another reason, which the caller reports.
    const other = findByExternalId(externalId);
    if (other === undefined) throw e;
    const { portalToken: _ours, ...rest } = values;
    return saveLink(other, rest);
  }
}
