/**
 * What the mass sync's summarize reads of its run: each map's JSON output (with the units it used), the
 * keys whose map threw, and the input stage's error. The script counts its own outcomes through `take`;
 * unreadable outputs and map errors are failures here.
 */
import type { EntryPoints } from "N/types";

export interface RunTotals {
  customers: number;
  /** Customers that failed outside `take`: unreadable output, or a map that threw. */
  failed: number;
  /** `customer <id>: <why>` lines, the input error first. */
  failures: string[];
  maxUnits: number;
  averageUnits: number;
  inputError: string | undefined;
  /** The value of the run's tally key, when getInputData passed one through map (not a customer). */
  tally?: string;
}

export function collectRun<T extends { units: number }>(
  context: EntryPoints.MapReduce.summarizeContext,
  take: (key: string, output: T, failures: string[]) => void,
  tallyKey?: string,
): RunTotals {
  const totals: RunTotals = {
    customers: 0,
    failed: 0,
    failures: [],
    maxUnits: 0,
    averageUnits: 0,
    inputError: undefined,
  };
  let units = 0;
  context.output.iterator().each((key, value) => {
    if (key === tallyKey) {
      totals.tally = value;
      return true;
    }
    totals.customers++;
    try {
      const output = JSON.parse(value) as T;
      take(key, output, totals.failures);
      totals.maxUnits = Math.max(totals.maxUnits, output.units);
      units += output.units;
    } catch {
      totals.failed++;
      totals.failures.push(`customer ${key}: unreadable map output`);
    }
    return true;
  });
  context.mapSummary.errors.iterator().each((key, err) => {
    totals.customers++;
    totals.failed++;
    totals.failures.push(`customer ${key}: ${err}`);
    return true;
  });
  const inputError = context.inputSummary.error;
  if (inputError) {
    totals.inputError = inputError;
    totals.failures.unshift(`the input could not be read: ${inputError}`);
  }
  totals.averageUnits = totals.customers > 0 ? Math.round(units / totals.customers) : 0;
  return totals;
}
