/**
 * The emulator's state in SQLite (a file, or memory): accounts, every Stripe object as its JSON,
 * idempotency records and webhook delivery attempts. Objects of all types share one table, ordered
 * by insertion (`seq`), which is the order Stripe lists them in (newest first).
 *
 * Search is eventually consistent in Stripe. Each object keeps the version search last indexed
 * (`search_body`) and when its current version becomes searchable (`search_at`), so a lag can be
 * reproduced: until then, search sees the old version, or nothing for a new object.
 */
import Database from "better-sqlite3";
import type { DeliveryAttempt } from "./webhooks/index.js";

export type StripeObject = Record<string, unknown> & { id: string; object: string };

export interface StoredAccount {
  id: string;
  /** `sk_test_…4242`: enough to recognise a key, never the key. */
  keyHint: string;
  livemode: boolean;
  created: number;
}

export interface ListQuery {
  limit: number;
  startingAfter?: string;
  endingBefore?: string;
  email?: string;
  customer?: string;
  created?: { gt?: number; gte?: number; lt?: number; lte?: number };
}

export interface IdempotencyRecord {
  method: string;
  path: string;
  params: string;
  status: number;
  body: string;
  created: number;
}

/** A webhook delivery attempt as stored: the delivery's own record plus the account it belongs to. */
export type DeliveryRecord = DeliveryAttempt & { account: string };

const SCHEMA = `
CREATE TABLE IF NOT EXISTS accounts (
  id TEXT PRIMARY KEY, key_hash TEXT NOT NULL UNIQUE, key_hint TEXT NOT NULL,
  livemode INTEGER NOT NULL, created INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS objects (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, account TEXT NOT NULL, id TEXT NOT NULL, type TEXT NOT NULL,
  created INTEGER NOT NULL, email TEXT, customer TEXT, deleted INTEGER NOT NULL DEFAULT 0,
  body TEXT NOT NULL, search_body TEXT, search_at INTEGER NOT NULL, UNIQUE (account, id));
CREATE INDEX IF NOT EXISTS objects_by_type ON objects (account, type, seq);
CREATE INDEX IF NOT EXISTS objects_by_email ON objects (account, type, email, seq);
CREATE INDEX IF NOT EXISTS objects_by_customer ON objects (account, customer, seq);
CREATE TABLE IF NOT EXISTS idempotency (
  account TEXT NOT NULL, key TEXT NOT NULL, method TEXT NOT NULL, path TEXT NOT NULL, params TEXT NOT NULL,
  status INTEGER NOT NULL, body TEXT NOT NULL, created INTEGER NOT NULL, PRIMARY KEY (account, key));
CREATE INDEX IF NOT EXISTS idempotency_by_created ON idempotency (created);
CREATE TABLE IF NOT EXISTS deliveries (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, account TEXT NOT NULL, delivery_id TEXT NOT NULL,
  event_id TEXT NOT NULL, endpoint_id TEXT NOT NULL, url TEXT NOT NULL, attempt INTEGER NOT NULL,
  outcome TEXT NOT NULL, http_status INTEGER, error TEXT, duration_ms INTEGER NOT NULL, at INTEGER NOT NULL,
  next_attempt_at INTEGER);
CREATE INDEX IF NOT EXISTS deliveries_by_account ON deliveries (account, seq);
CREATE INDEX IF NOT EXISTS deliveries_by_event ON deliveries (account, event_id, endpoint_id);
`;

interface ObjectRow {
  seq: number;
  body: string;
  search_body: string | null;
  search_at: number;
  deleted: number;
}

export class Store {
  private readonly db: Database.Database;

  constructor(file = ":memory:") {
    this.db = new Database(file);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.exec(SCHEMA);
  }

  close(): void {
    this.db.close();
  }

  /** Runs `fn` in one transaction: a request's writes land together or not at all. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  // --- accounts -------------------------------------------------------------------------------

  findAccount(keyHash: string): StoredAccount | undefined {
    const row = this.db
      .prepare("SELECT id, key_hint, livemode, created FROM accounts WHERE key_hash = ?")
      .get(keyHash) as { id: string; key_hint: string; livemode: number; created: number } | undefined;
    return row && { id: row.id, keyHint: row.key_hint, livemode: row.livemode === 1, created: row.created };
  }

  addAccount(keyHash: string, account: StoredAccount): void {
    this.db
      .prepare("INSERT INTO accounts (id, key_hash, key_hint, livemode, created) VALUES (?, ?, ?, ?, ?)")
      .run(account.id, keyHash, account.keyHint, account.livemode ? 1 : 0, account.created);
  }

  accounts(): StoredAccount[] {
    const rows = this.db
      .prepare("SELECT id, key_hint, livemode, created FROM accounts ORDER BY created, id")
      .all() as { id: string; key_hint: string; livemode: number; created: number }[];
    return rows.map((r) => ({
      id: r.id,
      keyHint: r.key_hint,
      livemode: r.livemode === 1,
      created: r.created,
    }));
  }

  // --- objects --------------------------------------------------------------------------------

  /** Stores a new object; search sees it from `searchableAt` (Unix ms). */
  insert(account: string, object: StripeObject, searchableAt: number): void {
    this.db
      .prepare(
        `INSERT INTO objects (account, id, type, created, email, customer, body, search_body, search_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?)`,
      )
      .run(
        account,
        object.id,
        object.object,
        Number(object.created ?? 0),
        textOrNull(object.email),
        textOrNull(object.customer),
        JSON.stringify(object),
        searchableAt,
      );
  }

  /** Replaces an object's current version; search keeps the indexed one until `searchableAt`. */
  replace(account: string, object: StripeObject, searchableAt: number, now: number, deleted = false): void {
    const row = this.row(account, object.id);
    if (!row) throw new Error(`replace: no object ${object.id}`);
    const indexed = now >= row.search_at ? row.body : row.search_body;
    this.db
      .prepare(
        `UPDATE objects SET body = ?, email = ?, customer = ?, deleted = ?, search_body = ?, search_at = ?
         WHERE seq = ?`,
      )
      .run(
        JSON.stringify(object),
        textOrNull(object.email),
        textOrNull(object.customer),
        deleted ? 1 : 0,
        indexed,
        searchableAt,
        row.seq,
      );
  }

  /** The current version of any object of the account, deleted ones included (Stripe shows those). */
  get(account: string, id: string): { object: StripeObject; deleted: boolean } | undefined {
    const row = this.row(account, id);
    return row && { object: JSON.parse(row.body) as StripeObject, deleted: row.deleted === 1 };
  }

  /** One page of live objects of a type, newest first, as Stripe's list endpoints page. */
  list(account: string, type: string, query: ListQuery): { data: StripeObject[]; hasMore: boolean } {
    const where = ["account = ?", "type = ?", "deleted = 0"];
    const args: unknown[] = [account, type];
    if (query.email !== undefined) {
      where.push("email = ?");
      args.push(query.email);
    }
    if (query.customer !== undefined) {
      where.push("customer = ?");
      args.push(query.customer);
    }
    const ops = { gt: ">", gte: ">=", lt: "<", lte: "<=" } as const;
    for (const [op, sql] of Object.entries(ops)) {
      const bound = query.created?.[op as keyof typeof ops];
      if (bound !== undefined) {
        where.push(`created ${sql} ?`);
        args.push(bound);
      }
    }
    const before = query.endingBefore !== undefined;
    const cursor = query.startingAfter ?? query.endingBefore;
    if (cursor !== undefined) {
      where.push(
        `seq ${before ? ">" : "<"} COALESCE((SELECT seq FROM objects WHERE account = ? AND id = ?), ?)`,
      );
      args.push(account, cursor, before ? Number.MAX_SAFE_INTEGER : 0);
    }
    const rows = this.db
      .prepare(
        `SELECT body FROM objects WHERE ${where.join(" AND ")} ORDER BY seq ${before ? "ASC" : "DESC"} LIMIT ?`,
      )
      .all(...args, query.limit + 1) as { body: string }[];
    const hasMore = rows.length > query.limit;
    const page = rows.slice(0, query.limit).map((r) => JSON.parse(r.body) as StripeObject);
    return { data: before ? page.reverse() : page, hasMore };
  }

  /** Every live object of a type, newest first (the dashboard, and search over `searchable`). */
  all(account: string, type: string): StripeObject[] {
    const rows = this.db
      .prepare("SELECT body FROM objects WHERE account = ? AND type = ? AND deleted = 0 ORDER BY seq DESC")
      .all(account, type) as { body: string }[];
    return rows.map((r) => JSON.parse(r.body) as StripeObject);
  }

  /** What search sees at `now`: each object's indexed version, newest first; unindexed new ones absent. */
  searchable(account: string, type: string, now: number): StripeObject[] {
    const rows = this.db
      .prepare(
        "SELECT body, search_body, search_at FROM objects WHERE account = ? AND type = ? ORDER BY seq DESC",
      )
      .all(account, type) as Pick<ObjectRow, "body" | "search_body" | "search_at">[];
    const out: StripeObject[] = [];
    for (const row of rows) {
      const visible = now >= row.search_at ? row.body : row.search_body;
      if (visible === null) continue;
      const object = JSON.parse(visible) as StripeObject;
      if (object.deleted !== true) out.push(object);
    }
    return out;
  }

  private row(account: string, id: string): ObjectRow | undefined {
    return this.db
      .prepare("SELECT seq, body, search_body, search_at, deleted FROM objects WHERE account = ? AND id = ?")
      .get(account, id) as ObjectRow | undefined;
  }

  // --- idempotency ----------------------------------------------------------------------------

  idempotency(account: string, key: string): IdempotencyRecord | undefined {
    return this.db
      .prepare(
        "SELECT method, path, params, status, body, created FROM idempotency WHERE account = ? AND key = ?",
      )
      .get(account, key) as IdempotencyRecord | undefined;
  }

  saveIdempotency(account: string, key: string, record: IdempotencyRecord): void {
    this.db
      .prepare(
        `INSERT OR REPLACE INTO idempotency (account, key, method, path, params, status, body, created)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        account,
        key,
        record.method,
        record.path,
        record.params,
        record.status,
        record.body,
        record.created,
      );
  }

  /** Forgets idempotency records older than `before` (Unix ms). */
  expireIdempotency(before: number): void {
    this.db.prepare("DELETE FROM idempotency WHERE created < ?").run(before);
  }

  // --- webhook deliveries ---------------------------------------------------------------------

  addDelivery(d: DeliveryRecord): void {
    this.db
      .prepare(
        `INSERT INTO deliveries (account, delivery_id, event_id, endpoint_id, url, attempt, outcome, http_status,
           error, duration_ms, at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        d.account,
        d.deliveryId,
        d.eventId,
        d.endpointId,
        d.url,
        d.attempt,
        d.outcome,
        d.httpStatus,
        d.error,
        d.durationMs,
        d.at,
        d.nextAttemptAt,
      );
  }

  /** Whether an attempt to deliver the event to the endpoint has already succeeded. */
  deliverySucceeded(account: string, eventId: string, endpointId: string): boolean {
    return (
      this.db
        .prepare(
          `SELECT 1 FROM deliveries WHERE account = ? AND event_id = ? AND endpoint_id = ? AND outcome = 'succeeded'
           LIMIT 1`,
        )
        .get(account, eventId, endpointId) !== undefined
    );
  }

  /** Delivery attempts, newest first. */
  deliveries(account: string, limit = 500): DeliveryRecord[] {
    const rows = this.db
      .prepare(
        `SELECT account, delivery_id, event_id, endpoint_id, url, attempt, outcome, http_status, error, duration_ms,
           at, next_attempt_at FROM deliveries WHERE account = ? ORDER BY seq DESC LIMIT ?`,
      )
      .all(account, limit) as Record<string, unknown>[];
    return rows.map((r) => ({
      account: r.account as string,
      deliveryId: r.delivery_id as string,
      eventId: r.event_id as string,
      endpointId: r.endpoint_id as string,
      url: r.url as string,
      attempt: r.attempt as number,
      outcome: r.outcome as "succeeded" | "failed",
      httpStatus: (r.http_status as number | null) ?? null,
      error: (r.error as string | null) ?? null,
      durationMs: r.duration_ms as number,
      at: r.at as number,
      nextAttemptAt: (r.next_attempt_at as number | null) ?? null,
    }));
  }
}

function textOrNull(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}
