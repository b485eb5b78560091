/**
 * A customer's primary subsidiary is a customersubsidiaryrelationship with isprimarysub T, as in a
 * OneWorld account with Multi-Subsidiary Customer: saving the customer creates it when missing and
 * demotes the previous primary link when the subsidiary changes (the old link stays as secondary).
 */
import type { Db, Values } from "./db.js";

const REL = "customersubsidiaryrelationship";

export function syncPrimaryRelationship(db: Db, customerId: number, customer: Values): void {
  const subsidiary = customer.subsidiary;
  if (typeof subsidiary !== "string") return;
  const links = db.byEntity(REL, String(customerId));
  let found = false;
  for (const link of links) {
    const isPrimary = link.values.subsidiary === subsidiary;
    found ||= isPrimary;
    const primarycurrency = isPrimary ? (customer.currency ?? null) : (link.values.primarycurrency ?? null);
    if (link.values.isprimarysub !== isPrimary || link.values.primarycurrency !== primarycurrency) {
      db.put(REL, link.id, { ...link.values, isprimarysub: isPrimary, primarycurrency });
    }
  }
  if (!found) {
    db.put(REL, db.nextId(REL), {
      entity: String(customerId),
      subsidiary,
      isprimarysub: true,
      primarycurrency: customer.currency ?? null,
    });
  }
}
