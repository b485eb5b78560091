/**
 * Possible duplicates among one Stripe account's customers: customers that share a normalised email, or
 * that carry the same `netsuite_customer_id` in their metadata (two Stripe customers naming one NetSuite
 * customer). Read-only: nothing here decides a merge, it only groups what a scan listed.
 *
 * A scan over many customers cannot hold them all in one place, so each listed customer becomes compact
 * entries (`duplicateEntries`), each sent to one of `DUPLICATE_BUCKETS` buckets by a hash of its kind and
 * value (`duplicateBucket`): two entries that could be duplicates always land in the same bucket, and
 * each bucket is grouped on its own (`findDuplicateGroups`).
 */

/** What two Stripe customers share. */
export type DuplicateKind = "email" | "netsuite_id";

/** One fact of one Stripe customer: `[kind, shared value, Stripe customer ID]`, compact for a scan's data. */
export type DuplicateEntry = readonly [kind: DuplicateKind, value: string, stripeId: string];

/** A value shared by two or more distinct Stripe customers. */
export interface DuplicateGroup {
  kind: DuplicateKind;
  value: string;
  /** Distinct, sorted. */
  stripeIds: string[];
}

/** Buckets a scan spreads entries over; each bucket is grouped alone. */
export const DUPLICATE_BUCKETS = 64;

/** The metadata key the sync writes on every Stripe customer it links or creates. */
export const NETSUITE_ID_METADATA_KEY = "netsuite_customer_id";

/**
 * An email as two customers' would compare: every white space removed (an address holds none; a stray
 * space typed into a form does), lower case (Stripe's own email lookup ignores case). Not an email (no
 * `@` with text on both sides) is `""`: nothing to compare.
 */
export function normalizeEmail(email: unknown): string {
  if (typeof email !== "string") return "";
  const out = email.replace(/\s+/g, "").toLowerCase();
  const at = out.lastIndexOf("@");
  return at > 0 && at < out.length - 1 ? out : "";
}

/** A metadata `netsuite_customer_id` as compared: trimmed; blank is `""`. */
export function normalizeNetsuiteId(value: unknown): string {
  return typeof value === "string" ? value.trim() : "";
}

/** The entries of one listed Stripe customer (`email`, `metadata`), none for what it lacks. */
export function duplicateEntries(customer: {
  id: string;
  email?: unknown;
  metadata?: unknown;
}): DuplicateEntry[] {
  const out: DuplicateEntry[] = [];
  const email = normalizeEmail(customer.email);
  if (email !== "") out.push(["email", email, customer.id]);
  const metadata = customer.metadata;
  if (typeof metadata === "object" && metadata !== null) {
    const id = normalizeNetsuiteId((metadata as Record<string, unknown>)[NETSUITE_ID_METADATA_KEY]);
    if (id !== "") out.push(["netsuite_id", id, customer.id]);
  }
  return out;
}

/**
 * The bucket of a kind and value: FNV-1a (32 bits) over the UTF-16 code units of `kind:value`, modulo
 * `buckets`. Stable across runs and runtimes (no Math.random, no engine hash), so equal values always meet.
 */
export function duplicateBucket(
  kind: DuplicateKind,
  value: string,
  buckets: number = DUPLICATE_BUCKETS,
): number {
  const text = `${kind}:${value}`;
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % buckets;
}

/**
 * Entries spread over their buckets: bucket number → its entries. Only buckets with entries are present.
 */
export function bucketEntries(
  entries: Iterable<DuplicateEntry>,
  buckets: number = DUPLICATE_BUCKETS,
): Map<number, DuplicateEntry[]> {
  const out = new Map<number, DuplicateEntry[]>();
  for (const entry of entries) {
    const b = duplicateBucket(entry[0], entry[1], buckets);
    const list = out.get(b);
    if (list) list.push(entry);
    else out.set(b, [entry]);
  }
  return out;
}

/**
 * Groups entries by kind and value and keeps the values two or more distinct Stripe customers share (a
 * customer listed twice counts once), sorted by kind, then value, each group's IDs sorted.
 */
export function findDuplicateGroups(entries: Iterable<DuplicateEntry>): DuplicateGroup[] {
  const byValue = new Map<string, { kind: DuplicateKind; value: string; ids: Set<string> }>();
  for (const [kind, value, stripeId] of entries) {
    if (value === "" || stripeId === "") continue;
    const key = `${kind}\u0000${value}`;
    const group = byValue.get(key);
    if (group) group.ids.add(stripeId);
    else byValue.set(key, { kind, value, ids: new Set([stripeId]) });
  }
  const groups: DuplicateGroup[] = [];
  for (const { kind, value, ids } of byValue.values()) {
    if (ids.size >= 2) groups.push({ kind, value, stripeIds: [...ids].sort() });
  }
  return groups.sort((a, b) =>
    a.kind !== b.kind ? (a.kind < b.kind ? -1 : 1) : a.value < b.value ? -1 : a.value > b.value ? 1 : 0,
  );
}

/** Reads a scan's stored entries back, keeping only well-formed ones (the data passed between stages). */
export function readDuplicateEntries(json: string): DuplicateEntry[] {
  try {
    return duplicateEntriesOf(JSON.parse(json));
  } catch {
    return [];
  }
}

/** The well-formed entries of a parsed value (an array of `[kind, value, stripeId]`); anything else is dropped. */
export function duplicateEntriesOf(parsed: unknown): DuplicateEntry[] {
  if (!Array.isArray(parsed)) return [];
  const out: DuplicateEntry[] = [];
  for (const item of parsed) {
    if (
      Array.isArray(item) &&
      item.length === 3 &&
      (item[0] === "email" || item[0] === "netsuite_id") &&
      typeof item[1] === "string" &&
      typeof item[2] === "string"
    ) {
      out.push([item[0], item[1], item[2]]);
    }
  }
  return out;
}
