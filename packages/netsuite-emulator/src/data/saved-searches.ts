/**
 * Saved searches: `Search.save` assigns an internal ID and keeps the `customsearch…` script ID
 * (NetSuite makes one, `customsearch<id>`, when none is given). Unknown IDs are NetSuite's
 * `INVALID_SEARCH` "That search or mass update does not exist." (N/search's documented error, as
 * `@hitc/netsuite-types` quotes it for search.load).
 */
import { missingArgument, NsError } from "../errors.js";
import type { Db } from "./db.js";
import type { SearchDef } from "./types.js";

function invalidSearch(): NsError {
  return new NsError("INVALID_SEARCH", "That search or mass update does not exist.");
}

export class SavedSearches {
  constructor(private readonly db: Db) {}

  save(search: SearchDef): number {
    if (!search.title) throw missingArgument("Search.save", "title");
    if (search.id !== null && !this.db.getSearch(search.id)) throw invalidSearch();
    const id = search.id ?? this.db.nextSearchId();
    const scriptId = (search.scriptId ?? `customsearch${id}`).toLowerCase();
    if (!scriptId.startsWith("customsearch")) {
      throw new NsError(
        "INVALID_SCRIPT_ID",
        `Invalid search id ${scriptId}: it must start with customsearch.`,
      );
    }
    const other = this.db.getSearch(scriptId);
    if (other && other.id !== id) {
      throw new NsError("DUP_SCRIPT_ID", `A saved search with the script ID ${scriptId} already exists.`);
    }
    this.db.putSearch({ ...structuredClone(search), id, scriptId });
    return id;
  }

  load(idOrScriptId: string | number): SearchDef {
    const found = this.db.getSearch(this.key(idOrScriptId));
    if (!found) throw invalidSearch();
    return found;
  }

  delete(idOrScriptId: string | number): void {
    const found = this.load(idOrScriptId);
    if (found.id !== null) this.db.deleteSearch(found.id);
  }

  /** "12" and 12 are internal IDs; anything else is a script ID. */
  private key(idOrScriptId: string | number): string | number {
    if (typeof idOrScriptId === "number") return idOrScriptId;
    return /^\d+$/.test(idOrScriptId) ? Number(idOrScriptId) : idOrScriptId.toLowerCase();
  }
}
