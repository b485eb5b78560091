/**
 * N/search (Oracle: "N/search Module", "search.Search"). Searches run in the data layer
 * (`data.runSearch`); governance per "SuiteScript 2.x API Governance": load/save/delete 5,
 * lookupFields 1, runPaged 5, each/getRange 10 (charged in search-results.ts).
 */

import type { FilterExpression, SearchDef } from "../../data/types.js";
import { NsError } from "../../errors.js";
import type { ScriptEnv } from "../env.js";
import { COSTS } from "../governance.js";
import { formatIsoForUser } from "./format.js";
import {
  Column,
  createColumn,
  createFilter,
  Filter,
  Operator,
  SearchType,
  Sort,
  Summary,
  toColumns,
  toFilters,
} from "./search-defs.js";
import { PagedData, ResultSet } from "./search-results.js";
import {
  type Options,
  optionalString,
  options,
  promiseUnsupported,
  required,
  withUnsupported,
} from "./util.js";

export const SEARCH_MODULE_UNSUPPORTED = ["duplicates", "global", "createSetting", "Setting"] as const;

export class Search {
  searchType: string;
  /** The script ID (`customsearch_…`) when the search has one, else its internal ID (null until saved). */
  id: string | number | null;
  /** The internal ID once saved. */
  searchId: number | null;
  title: string | null;
  isPublic: boolean;
  #filters: Filter[] = [];
  #expression: FilterExpression | undefined;
  #columns: Column[] = [];
  readonly #env: ScriptEnv;

  constructor(env: ScriptEnv, def: SearchDef) {
    this.#env = env;
    this.searchType = def.type;
    this.id = def.scriptId ?? def.id;
    this.searchId = def.id;
    this.title = def.title;
    this.isPublic = def.isPublic;
    this.#filters = def.filters.map((f) => new Filter(f));
    this.#expression = def.filterExpression;
    this.#columns = def.columns.map((c) => new Column(c));
    withUnsupported(this, "N/search.Search", ["settings"]);
  }

  get filters(): Filter[] {
    return this.#filters;
  }

  set filters(value: unknown) {
    const parsed = toFilters(value);
    this.#filters = parsed.filters;
    this.#expression = parsed.expression;
  }

  /** NetSuite derives the expression from Filter objects when the search was built from them. */
  get filterExpression(): FilterExpression {
    if (this.#expression) return this.#expression;
    const out: FilterExpression = [];
    for (const f of this.#filters) {
      if (out.length > 0) out.push("AND");
      out.push([f.join ? `${f.join}.${f.name}` : f.name, f.operator, ...f.values]);
    }
    return out;
  }

  set filterExpression(value: unknown) {
    const parsed = toFilters(Array.isArray(value) ? value : []);
    this.#filters = parsed.filters;
    this.#expression = parsed.expression ?? [];
  }

  get columns(): Column[] {
    return this.#columns;
  }

  set columns(value: unknown) {
    this.#columns = toColumns(value);
  }

  toDef(): SearchDef {
    const scriptId = typeof this.id === "string" ? this.id : null;
    const def: SearchDef = {
      id: this.searchId,
      scriptId,
      type: this.searchType,
      title: this.title,
      filters: this.#filters.map((f) => f.toDef()),
      columns: this.#columns.map((c) => c.toDef()),
      isPublic: this.isPublic,
    };
    if (this.#expression !== undefined) def.filterExpression = this.#expression;
    return def;
  }

  run(): ResultSet {
    return new ResultSet(this.#env, this.toDef(), [...this.#columns]);
  }

  /** 5 units; pageSize 5–1,000, default 50 (Oracle: "Search.runPaged(options)"). */
  runPaged(arg?: unknown): PagedData {
    const opts = options(arg);
    const pageSize = opts.pageSize === undefined ? 50 : Number(opts.pageSize);
    if (!Number.isInteger(pageSize) || pageSize < 5 || pageSize > 1000) {
      throw new NsError(
        "SSS_INVALID_SRCH_SETTING",
        `Invalid page size ${String(opts.pageSize)}: must be 5 to 1000.`,
      );
    }
    this.#env.meter.charge(COSTS["Search.runPaged"], "Search.runPaged");
    return new PagedData(this.#env, this.toDef(), [...this.#columns], pageSize, this);
  }

  /** 5 units; a title is required, and an ID (`customsearch_…`) when given. */
  save(): number {
    if (!this.title)
      throw new NsError("SSS_MISSING_REQD_ARGUMENT", "Search.save: Missing a required argument: title");
    this.#env.meter.charge(COSTS["search.save"], "Search.save");
    const saved = this.#env.call<number>("data.saveSearch", this.toDef());
    this.searchId = saved;
    if (typeof this.id !== "string") this.id = saved;
    return saved;
  }

  toJSON(): Record<string, unknown> {
    return {
      id: this.id,
      searchId: this.searchId,
      searchType: this.searchType,
      title: this.title,
      filters: this.#filters.map((f) => f.toDef()),
      columns: this.#columns.map((c) => c.toJSON()),
      isPublic: this.isPublic,
    };
  }
}

promiseUnsupported(Search.prototype.save, "N/search.Search.save");
promiseUnsupported(Search.prototype.runPaged, "N/search.Search.runPaged");

function searchIdArg(opts: Options, member: string): string | number {
  const id = required<string | number>(opts, "id", member);
  return typeof id === "number" || /^\d+$/.test(String(id)) ? Number(id) : String(id);
}

export function createSearchModule(env: ScriptEnv): Record<string, unknown> {
  const module: Record<string, unknown> = {
    Operator,
    Sort,
    Summary,
    Type: SearchType,
    createColumn,
    createFilter,
    create(arg: unknown): Search {
      const opts = options(arg);
      const type = String(required(opts, "type", "search.create"));
      const parsed = toFilters(opts.filters);
      const def: SearchDef = {
        id: null,
        scriptId: optionalString(opts, "id") ?? null,
        type,
        title: optionalString(opts, "title") ?? null,
        filters: parsed.filters.map((f) => f.toDef()),
        columns: toColumns(opts.columns).map((c) => c.toDef()),
        isPublic: Boolean(opts.isPublic),
      };
      if (parsed.expression) def.filterExpression = parsed.expression;
      return new Search(env, def);
    },
    load(arg: unknown): Search {
      const opts = options(arg);
      const id = searchIdArg(opts, "search.load");
      env.meter.charge(COSTS["search.load"], "search.load");
      return new Search(env, env.call<SearchDef>("data.loadSearch", id));
    },
    delete(arg: unknown): void {
      const id = searchIdArg(options(arg), "search.delete");
      env.meter.charge(COSTS["search.delete"], "search.delete");
      env.call("data.deleteSearch", id);
    },
    /** 1 unit; selects as `[{value, text}]`, joined columns as `"join.field"` keys. */
    lookupFields(arg: unknown): Record<string, unknown> {
      const opts = options(arg);
      const type = String(required(opts, "type", "search.lookupFields"));
      const id = Number(required(opts, "id", "search.lookupFields"));
      const given = required<unknown>(opts, "columns", "search.lookupFields");
      const columns = (Array.isArray(given) ? given : [given]).map((c) => String(c));
      env.meter.charge(COSTS["search.lookupFields"], "search.lookupFields");
      const found = env.call<Record<string, unknown>>("data.lookupFields", type, id, columns);
      // Dates read as in search results: in the user's format, not the stored ISO form.
      for (const [key, value] of Object.entries(found)) {
        if (typeof value === "string") found[key] = formatIsoForUser(value);
      }
      return found;
    },
  };
  for (const name of ["create", "load", "delete", "lookupFields"]) {
    promiseUnsupported(module[name] as object, `N/search.${name}`);
  }
  return withUnsupported(module, "N/search", SEARCH_MODULE_UNSUPPORTED);
}
