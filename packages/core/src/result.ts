/**
 * Errors are values the user can act on: each issue says what is wrong, where, and what to do.
 * Core never throws for bad input; it returns a Result so adapters can show every problem at once.
 */
export interface SyncIssue {
  /** Stable machine-readable code, e.g. `MAPPING_UNKNOWN_LABEL`. */
  code: string;
  /** One sentence naming the record, field and value concerned. */
  message: string;
  /** What the user should do about it. */
  fix: string;
  /** The NetSuite field, saved-search column or configuration field concerned. */
  field?: string;
  /** The record concerned, e.g. `customer 107` or `Stripe account "EU"`. */
  record?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; errors: SyncIssue[] };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(...errors: SyncIssue[]): Result<T> {
  return { ok: false, errors };
}

/** One line per issue, for logs and NetSuite error messages. */
export function describeIssues(errors: readonly SyncIssue[]): string {
  return errors.map((e) => `${e.message} ${e.fix}`).join("\n");
}
