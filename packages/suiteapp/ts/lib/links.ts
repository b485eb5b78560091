/**
 * The link records (`customrecord_nss_customer_link`): one per customer, Stripe account and
 * subsidiary, holding the Stripe customer ID, the fingerprint of what was last sent and the
 * generation of the create's idempotency key. Finding one is a search (10 units); writing one is a
 * submitFields (2 units) or a create and save (4 units).
 */
import * as record from "N/record";
import * as search from "N/search";
import { LINK_RECORD } from "./ids.js";

export interface LinkRow {
  id: string;
  stripeId: string;
  fingerprint: string;
  generation: number;
}

export interface LinkValues {
  customerId: string;
  accountRecordId: string;
  subsidiaryId: string;
  stripeId: string;
  fingerprint: string;
  generation: number;
}

const f = LINK_RECORD.fields;
const text = (value: unknown): string =>
  typeof value === "string" ? value : value == null ? "" : String(value);

/** The link of the customer for the account and subsidiary, if any. */
export function findLink(
  customerId: string,
  accountRecordId: string,
  subsidiaryId: string,
): LinkRow | undefined {
  const filters: unknown[] = [
    [f.customer, "anyof", customerId],
    "AND",
    [accountRecordId ? f.account : "isinactive", accountRecordId ? "anyof" : "is", accountRecordId || "F"],
  ];
  if (subsidiaryId) filters.push("AND", [f.subsidiary, "anyof", subsidiaryId]);
  const [row] = search
    .create({
      type: LINK_RECORD.type,
      filters,
      columns: [
        search.createColumn({ name: "internalid", sort: search.Sort.DESC }),
        search.createColumn({ name: f.stripeId }),
        search.createColumn({ name: f.fingerprint }),
        search.createColumn({ name: f.generation }),
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
  };
}

/** Updates the existing link, or creates it. */
export function saveLink(existing: LinkRow | undefined, values: LinkValues): string {
  if (existing !== undefined) {
    record.submitFields({
      type: LINK_RECORD.type,
      id: existing.id,
      values: {
        [f.stripeId]: values.stripeId,
        [f.fingerprint]: values.fingerprint,
        [f.generation]: values.generation,
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
  return String(link.save());
}
