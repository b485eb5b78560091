/**
 * The permission checks around a script's calls into the account (runtime/host.ts calls them): reads
 * and searches before they run, a loaded saved search after (another user's private one is, to this
 * user, one that does not exist), writes before the user events and the store see them. A new saved
 * search is owned by the user who saves it.
 */
import type { DataServices, RecordData, SearchDef } from "../data/types.js";
import { NsError } from "../errors.js";
import type { Access } from "./access.js";
import type { Principal } from "./principal.js";

export class Guard {
  constructor(
    private readonly access: Access,
    private readonly data: DataServices,
  ) {}

  /** Refuses a read; answers the arguments to call the data service with. */
  beforeRead(p: Principal, name: string, args: unknown[]): unknown[] {
    switch (name) {
      case "loadRecord":
        this.access.record(p, String(args[0]), "VIEW");
        return args;
      case "runSearch":
        this.access.search(p, (args[0] as SearchDef).type);
        return args;
      case "lookupFields":
        this.access.search(p, String(args[0]));
        return args;
      case "loadSearch":
        this.access.search(p, this.data.loadSearch(args[0] as string | number).type);
        return args;
      case "saveSearch": {
        const def = args[0] as SearchDef;
        this.access.search(p, def.type);
        if (def.id === null) return [{ ...def, ownerId: p.userId }, ...args.slice(1)];
        // Saving an existing search changes it: its owner's or an Administrator's to change.
        const stored = this.data.loadSearch(def.id);
        this.visible(p, stored, true);
        const owner = stored.ownerId !== undefined ? { ownerId: stored.ownerId } : {};
        return [{ ...def, ...owner }, ...args.slice(1)];
      }
      case "deleteSearch":
        this.visible(p, this.data.loadSearch(args[0] as string | number), true);
        return args;
      default:
        return args;
    }
  }

  /** Refuses what a read answered: a saved search the principal may not see. */
  afterRead(p: Principal, name: string, result: unknown): void {
    if (name === "loadSearch") this.visible(p, result as SearchDef, false);
  }

  /** Refuses a write: create, edit (save, submitFields) or delete. */
  beforeWrite(p: Principal, method: string, arg: Record<string, unknown> | undefined): void {
    if (!arg) return;
    if (method === "record.save") {
      const record = arg.record as RecordData;
      this.access.record(p, record.type, record.id === null ? "CREATE" : "EDIT");
    } else if (method === "record.submitFields") this.access.record(p, String(arg.type), "EDIT");
    else if (method === "record.delete") this.access.record(p, String(arg.type), "FULL");
  }

  private visible(p: Principal, search: SearchDef, toChange: boolean): void {
    const ok = toChange ? p.role.administrator || search.ownerId === p.userId : this.access.canSee(p, search);
    if (!ok) throw new NsError("INVALID_SEARCH", "That search or mass update does not exist.");
  }
}
