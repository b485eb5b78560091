/**
 * Who may touch the run history (`scheduledscriptinstance`) from a script: kept apart from host.ts,
 * which routes every call; this holds the one rule and its reason.
 */
import type { Principal } from "../account/principal.js";
import type { DataServices } from "../data/types.js";
import { NsError } from "../errors.js";

const INSTANCES = "scheduledscriptinstance";

/** The script call behind each RPC, for messages. */
const CALLS: Readonly<Record<string, string>> = {
  "data.lookupFields": "search.lookupFields",
  "data.loadRecord": "record.load",
  "data.newRecord": "record.create",
  "record.save": "Record.save",
  "record.delete": "record.delete",
  "record.submitFields": "record.submitFields",
};

/**
 * Scheduled script instances before any permission check: record calls on them are not modelled
 * (data/store.ts), and a search of them by a role other than Administrator is not either: which
 * permission NetSuite asks for is not documented (Oracle's "Scheduled Script Instance" page,
 * section_3777401104, names none), so both are UNSUPPORTED_BY_EMULATOR rather than a guessed
 * permission error. Scheduled and map/reduce runs act as the System user, with Administrator
 * permissions.
 */
export function checkInstanceAccess(
  principal: Principal,
  method: string,
  args: unknown[],
  data: DataServices,
): void {
  const first = args[0] as Record<string, unknown> | string | number | undefined;
  const typeOf = (v: unknown) => (typeof v === "string" ? v.toLowerCase() : undefined);
  let type: string | undefined;
  let search = false;
  switch (method) {
    case "data.runSearch":
    case "data.saveSearch":
      type = typeOf((first as { type?: unknown } | undefined)?.type);
      search = true;
      break;
    case "data.loadSearch":
      type = typeOf(data.loadSearch(first as string | number).type);
      search = true;
      break;
    case "data.lookupFields":
    case "data.loadRecord":
    case "data.newRecord":
      type = typeOf(first);
      break;
    case "record.save":
      type = typeOf((first as { record?: { type?: unknown } } | undefined)?.record?.type);
      break;
    case "record.delete":
    case "record.submitFields":
      type = typeOf((first as { type?: unknown } | undefined)?.type);
      break;
  }
  if (type !== INSTANCES) return;
  if (!search) {
    throw new NsError(
      "UNSUPPORTED_BY_EMULATOR",
      `UNSUPPORTED_BY_EMULATOR: ${CALLS[method] ?? method} of a ${INSTANCES} (the emulator models its search only)`,
    );
  }
  if (principal.role.administrator) return;
  throw new NsError(
    "UNSUPPORTED_BY_EMULATOR",
    `UNSUPPORTED_BY_EMULATOR: a ${INSTANCES} search by role ${principal.role.scriptId} (the permission it needs is not documented; the emulator lets only Administrator roles search it)`,
  );
}
