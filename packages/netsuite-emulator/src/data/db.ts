/**
 * SQLite persistence: one row per record (type, internal ID, values as JSON) and one per saved
 * search. The primary key (type, id) is the index searches and loads use. Objects the project owns
 * (scripts, script deployments) get their internal IDs here once, and keep them; a deployment's
 * parameter values set in the account are kept apart from its record (data/deployments.ts).
 */
import Database from "better-sqlite3";
import { FieldIndexes } from "./field-index.js";
import type { FieldValue, SearchDef } from "./types.js";

export type Values = Record<string, FieldValue>;

export class Db {
  private readonly db: Database.Database;
  private readonly stmts;

  constructor(file?: string) {
    this.db = new Database(file ?? ":memory:");
    this.db.pragma("journal_mode = WAL");
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS records (
        type TEXT NOT NULL, id INTEGER NOT NULL, data TEXT NOT NULL, PRIMARY KEY (type, id)
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS records_entity ON records (type, json_extract(data, '$.entity'));
      CREATE INDEX IF NOT EXISTS records_externalid ON records (type, json_extract(data, '$.externalid'));
      CREATE TABLE IF NOT EXISTS searches (
        id INTEGER PRIMARY KEY, scriptid TEXT UNIQUE, def TEXT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS object_ids (
        kind TEXT NOT NULL, scriptid TEXT NOT NULL, id INTEGER NOT NULL, PRIMARY KEY (kind, scriptid)
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS deployment_values (
        deployment INTEGER NOT NULL, param TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (deployment, param)
      ) WITHOUT ROWID;
    `);
    this.stmts = {
      get: this.db.prepare<[string, number], { data: string }>(
        "SELECT data FROM records WHERE type = ? AND id = ?",
      ),
      all: this.db.prepare<[string], { id: number; data: string }>(
        "SELECT id, data FROM records WHERE type = ? ORDER BY id",
      ),
      upsert: this.db.prepare<[string, number, string]>(
        "INSERT INTO records (type, id, data) VALUES (?, ?, ?) ON CONFLICT (type, id) DO UPDATE SET data = excluded.data",
      ),
      byEntity: this.db.prepare<[string, string], { id: number; data: string }>(
        // Without INDEXED BY the planner prefers the primary key (type) and scans every link.
        "SELECT id, data FROM records INDEXED BY records_entity WHERE type = ? AND json_extract(data, '$.entity') = ? ORDER BY id",
      ),
      byExternalId: this.db.prepare<[string, string], { id: number }>(
        // As byEntity: the uniqueness check on every save must not scan the type.
        "SELECT id FROM records INDEXED BY records_externalid WHERE type = ? AND json_extract(data, '$.externalid') = ?",
      ),
      del: this.db.prepare<[string, number]>("DELETE FROM records WHERE type = ? AND id = ?"),
      maxId: this.db.prepare<[string], { max: number | null }>(
        "SELECT MAX(id) AS max FROM records WHERE type = ?",
      ),
      searchById: this.db.prepare<[number], { id: number; def: string }>(
        "SELECT id, def FROM searches WHERE id = ?",
      ),
      searchByScriptId: this.db.prepare<[string], { id: number; def: string }>(
        "SELECT id, def FROM searches WHERE scriptid = ?",
      ),
      saveSearch: this.db.prepare<[number, string, string]>(
        "INSERT INTO searches (id, scriptid, def) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET scriptid = excluded.scriptid, def = excluded.def",
      ),
      maxSearchId: this.db.prepare<[], { max: number | null }>("SELECT MAX(id) AS max FROM searches"),
      deleteSearch: this.db.prepare<[number]>("DELETE FROM searches WHERE id = ?"),
      metaGet: this.db.prepare<[string], { value: string }>("SELECT value FROM meta WHERE key = ?"),
      metaPut: this.db.prepare<[string, string]>("INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)"),
      objectIdPut: this.db.prepare<[string, string, string]>(
        "INSERT OR IGNORE INTO object_ids (kind, scriptid, id) VALUES (?, ?, (SELECT COALESCE(MAX(id), 0) + 1 FROM object_ids WHERE kind = ?))",
      ),
      objectIdGet: this.db.prepare<[string, string], { id: number }>(
        "SELECT id FROM object_ids WHERE kind = ? AND scriptid = ?",
      ),
      deploymentValues: this.db.prepare<[number], { param: string; value: string }>(
        "SELECT param, value FROM deployment_values WHERE deployment = ? ORDER BY param",
      ),
      deploymentValuePut: this.db.prepare<[number, string, string]>(
        "INSERT INTO deployment_values (deployment, param, value) VALUES (?, ?, ?) ON CONFLICT (deployment, param) DO UPDATE SET value = excluded.value",
      ),
      deploymentValueDelete: this.db.prepare<[number, string]>(
        "DELETE FROM deployment_values WHERE deployment = ? AND param = ?",
      ),
      deploymentValueIds: this.db.prepare<[], { deployment: number }>(
        "SELECT DISTINCT deployment FROM deployment_values",
      ),
    };
  }

  get(type: string, id: number): Values | undefined {
    const row = this.stmts.get.get(type, id);
    return row ? (JSON.parse(row.data) as Values) : undefined;
  }

  /**
   * Every record of a type, by ID. Searches read whole types, so the parsed rows are kept until the
   * type is written (frozen: a reader that changed one would change every later search's).
   */
  all(type: string): { id: number; values: Values }[] {
    return this.cached(type).slice();
  }

  /**
   * The records of a type whose field holds one of `values` (select IDs), or with `field`
   * `internalid` those IDs, in ID order: through field-index.ts, not a read of every row.
   */
  where(type: string, field: string, values: string[]): { id: number; values: Values }[] {
    const rows = this.cached(type);
    const ids =
      field === "internalid"
        ? [...new Set(values.map(Number))]
        : this.indexes.ids(type, field, values, () => rows);
    const out: { id: number; values: Values }[] = [];
    for (const id of ids.sort((a, b) => a - b)) {
      const row = rows[position(rows, id)];
      if (row?.id === id) out.push(row);
    }
    return out;
  }

  private cached(type: string): { id: number; values: Values }[] {
    let rows = this.rows.get(type);
    if (rows === undefined) {
      rows = this.stmts.all
        .all(type)
        .map((r) => Object.freeze({ id: r.id, values: Object.freeze(JSON.parse(r.data) as Values) }));
      this.rows.set(type, rows);
    }
    return rows;
  }

  private readonly rows = new Map<string, { id: number; values: Values }[]>();
  private readonly indexes = new FieldIndexes();

  /** Records whose `entity` field is `entity` (customer links), through the expression index. */
  byEntity(type: string, entity: string): { id: number; values: Values }[] {
    return this.stmts.byEntity
      .all(type, entity)
      .map((r) => ({ id: r.id, values: JSON.parse(r.data) as Values }));
  }

  /** IDs of the records of a type whose `externalid` is `externalId`, through the expression index. */
  byExternalId(type: string, externalId: string): number[] {
    return this.stmts.byExternalId.all(type, externalId).map((r) => r.id);
  }

  put(type: string, id: number, values: Values): void {
    const json = JSON.stringify(values);
    this.stmts.upsert.run(type, id, json);
    // Keep the type's cached rows in step (ordered by ID) rather than reading them all again.
    const rows = this.rows.get(type);
    if (rows === undefined) return;
    const row = Object.freeze({ id, values: Object.freeze(JSON.parse(json) as Values) });
    const at = position(rows, id);
    const before = rows[at]?.id === id ? rows[at] : undefined;
    this.indexes.update(type, id, before?.values, row.values);
    if (before) rows[at] = row;
    else rows.splice(at, 0, row);
  }

  delete(type: string, id: number): boolean {
    const rows = this.rows.get(type);
    const at = rows === undefined ? -1 : position(rows, id);
    if (rows !== undefined && rows[at]?.id === id) {
      this.indexes.update(type, id, rows[at]?.values, undefined);
      rows.splice(at, 1);
    }
    return this.stmts.del.run(type, id).changes > 0;
  }

  /** Internal IDs start at 1 per type; seeded negative IDs (employee -5) do not count. */
  nextId(type: string): number {
    return Math.max(0, this.stmts.maxId.get(type)?.max ?? 0) + 1;
  }

  transaction<T>(fn: () => T): T {
    try {
      return this.db.transaction(fn)();
    } catch (error) {
      // Rows read inside the rolled-back transaction may hold what it wrote.
      this.rows.clear();
      this.indexes.clear();
      throw error;
    }
  }

  getSearch(idOrScriptId: number | string): SearchDef | undefined {
    const row =
      typeof idOrScriptId === "number"
        ? this.stmts.searchById.get(idOrScriptId)
        : this.stmts.searchByScriptId.get(idOrScriptId);
    return row ? (JSON.parse(row.def) as SearchDef) : undefined;
  }

  putSearch(def: SearchDef & { id: number; scriptId: string }): void {
    this.stmts.saveSearch.run(def.id, def.scriptId, JSON.stringify(def));
  }

  nextSearchId(): number {
    return (this.stmts.maxSearchId.get()?.max ?? 0) + 1;
  }

  deleteSearch(id: number): void {
    this.stmts.deleteSearch.run(id);
  }

  /** The account's value for `key`, made by `create` and stored the first time it is asked for. */
  meta(key: string, create: () => string): string {
    this.stmts.metaPut.run(key, create());
    return this.stmts.metaGet.get(key)?.value ?? "";
  }

  /**
   * The internal ID of a project object (`kind` script or scriptdeployment, by lower-cased script ID):
   * given the first time, 1 up per kind, and kept with the account, so it survives reopening and a
   * redeploy; never given to another object.
   */
  objectId(kind: string, scriptId: string): number {
    this.stmts.objectIdPut.run(kind, scriptId, kind);
    return this.stmts.objectIdGet.get(kind, scriptId)?.id ?? 0;
  }

  /** A deployment's parameter values set in the account, by lower-cased parameter ID. */
  deploymentValues(deployment: number): Values {
    const out: Values = {};
    for (const row of this.stmts.deploymentValues.all(deployment)) {
      out[row.param] = JSON.parse(row.value) as FieldValue;
    }
    return out;
  }

  putDeploymentValue(deployment: number, param: string, value: FieldValue): void {
    this.stmts.deploymentValuePut.run(deployment, param, JSON.stringify(value));
  }

  deleteDeploymentValue(deployment: number, param: string): void {
    this.stmts.deploymentValueDelete.run(deployment, param);
  }

  /** Deployments that have parameter values set in the account. */
  deploymentsWithValues(): number[] {
    return this.stmts.deploymentValueIds.all().map((r) => r.deployment);
  }

  close(): void {
    this.db.close();
  }
}

/** Where `id` is, or goes, in rows ordered by ID. */
function position(rows: { id: number }[], id: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((rows[mid]?.id ?? 0) < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
