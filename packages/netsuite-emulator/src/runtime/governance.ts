/**
 * Governance: what each SuiteScript call costs and how much each script type may use per
 * invocation, as Oracle documents (SuiteScript 2.x API Governance; Script Type Usage Unit Limits).
 * The worker charges before doing the work, so a script that would exceed its limit gets
 * SSS_USAGE_LIMIT_EXCEEDED and the call does not happen.
 */

import type { RecordKind } from "../data/types.js";
import { NsError } from "../errors.js";

/**
 * N/record costs by record kind: custom record, other (non-transaction) record, transaction. The kind is
 * the catalog's (data/catalog.ts): `standard` for every record type that is neither a custom record nor
 * a transaction, scriptdeployment included.
 */
const RECORD_COSTS = {
  load: { custom: 2, standard: 5, transaction: 10 },
  create: { custom: 2, standard: 5, transaction: 10 },
  copy: { custom: 2, standard: 5, transaction: 10 },
  transform: { custom: 2, standard: 5, transaction: 10 },
  submitFields: { custom: 2, standard: 5, transaction: 10 },
  delete: { custom: 4, standard: 10, transaction: 20 },
  save: { custom: 4, standard: 10, transaction: 20 },
} as const;

export type RecordOperation = keyof typeof RECORD_COSTS;

export function recordCost(operation: RecordOperation, kind: RecordKind): number {
  return RECORD_COSTS[operation][kind];
}

/** Other calls' costs. */
export const COSTS = {
  "search.load": 5,
  "search.save": 5,
  "search.delete": 5,
  "search.lookupFields": 1,
  "search.global": 10,
  "search.duplicates": 10,
  "ResultSet.each": 10,
  "ResultSet.getRange": 10,
  "Search.runPaged": 5,
  "PagedData.fetch": 5,
  "https.request": 10,
  "http.request": 10,
  "task.submit": 20,
  "task.checkStatus": 0,
  // MapReduceScriptTaskStatus (Oracle: getPercentageCompleted(), section_456839538573, and each count
  // method's page: 10 units; the byte sizes, e.g. getPendingMapSize(), section_456033874511: 25 units;
  // Oracle's SuiteCloud unit-testing stubs list the same for every member).
  "MapReduceScriptTaskStatus.count": 10,
  "MapReduceScriptTaskStatus.size": 25,
  "email.send": 20,
  "file.load": 10,
  "file.save": 20,
} as const;

/** Units per invocation by script type and entry point. */
export function usageLimit(scriptType: string, entryPoint: string): number {
  switch (scriptType) {
    case "mapreducescript":
      return entryPoint === "map" ? 1_000 : entryPoint === "reduce" ? 5_000 : 10_000;
    case "scheduledscript":
      return 10_000;
    case "restlet":
      return 5_000;
    case "sdfinstallationscript":
      return 10_000;
    default:
      // User event, Suitelet, client, portlet, workflow action: 1,000.
      return 1_000;
  }
}

/** Counts one invocation's units. */
export class UsageMeter {
  private used = 0;

  constructor(readonly limit: number) {}

  charge(units: number, what: string): void {
    if (this.used + units > this.limit) {
      throw new NsError(
        "SSS_USAGE_LIMIT_EXCEEDED",
        `Script Execution Usage Limit Exceeded: ${what} needs ${units} units, ${this.limit - this.used} of ${this.limit} remain.`,
      );
    }
    this.used += units;
  }

  get usage(): number {
    return this.used;
  }

  remaining(): number {
    return this.limit - this.used;
  }
}
