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

/**
 * A customer's stored last error (NetSuite's `custentity_nss_last_error`): one line per issue,
 * `<message> Fix: <fix> [<CODE>]`, so a person reads it as it is and the operations page recovers each
 * issue's message, fix and code (`parseStoredIssues`) and filters by code (`storedIssueMarker`). Line
 * breaks inside a message or fix become spaces (a line is an issue). The message comes first and the code
 * last, so a message holding brackets or "Fix:" (user values do) reads back whole; a fix holding
 * " Fix: " would not, and ours never does.
 */
export interface StoredIssue {
  message: string;
  fix: string;
  /** '' for a line not in this format (text written before it, or a cut-off line). */
  code: string;
}

/** The longest stored text (the field is a TEXTAREA of 4,000 characters; the rest is headroom). */
export const STORED_ISSUES_MAX_LENGTH = 3900;

const FIX_SEPARATOR = " Fix: ";
const CODE_PATTERN = /^[A-Z][A-Z0-9_]{0,59}$/;
const STORED_LINE = /^(.*) \[([A-Za-z0-9_]+)\]$/;

const oneLine = (s: string): string => s.replace(/\s*[\r\n]+\s*/g, " ").trim();
const cut = (s: string, n: number): string => (s.length <= n ? s : `${s.slice(0, Math.max(n - 1, 0))}…`);
/** A code as the format writes it: letters, digits and underscores only. */
const storedCode = (code: string): string => code.replace(/[^A-Za-z0-9_]/g, "_") || "ERROR";

function storedLine(issue: SyncIssue, maxLength: number): string {
  const code = ` [${storedCode(issue.code)}]`;
  const fix = oneLine(issue.fix);
  const message = oneLine(issue.message);
  const whole = `${message}${FIX_SEPARATOR}${fix}${code}`;
  if (whole.length <= maxLength) return whole;
  // Too long for the field: shorten the message first (the fix and code are what the page filters and acts on).
  const room = maxLength - FIX_SEPARATOR.length - fix.length - code.length;
  if (room >= 20) return `${cut(message, room)}${FIX_SEPARATOR}${fix}${code}`;
  const half = Math.floor((maxLength - FIX_SEPARATOR.length - code.length) / 2);
  return `${cut(message, half)}${FIX_SEPARATOR}${cut(fix, half)}${code}`;
}

/**
 * The issues as a customer's last error stores them (the format above), at most `maxLength` characters:
 * whole issues while they fit, then a line saying how many were left out. Pure and deterministic, so a
 * failure that has not changed gives the very same text (the mass sync compares it with what is stored).
 */
export function describeIssuesForRecord(
  errors: readonly SyncIssue[],
  maxLength: number = STORED_ISSUES_MAX_LENGTH,
): string {
  let out = "";
  for (let i = 0; i < errors.length; i++) {
    const issue = errors[i] as SyncIssue;
    const line = storedLine(issue, out === "" ? maxLength : Number.POSITIVE_INFINITY);
    const next = out === "" ? line : `${out}\n${line}`;
    if (next.length <= maxLength) {
      out = next;
      continue;
    }
    const rest = errors.length - i;
    const more = `\n…and ${rest} more ${rest === 1 ? "issue" : "issues"}.`;
    return out.length + more.length <= maxLength ? `${out}${more}` : out;
  }
  return out;
}

/** The issues of a stored last error, in order; a line in no known format is a message alone. */
export function parseStoredIssues(stored: string): StoredIssue[] {
  const issues: StoredIssue[] = [];
  for (const line of stored.split(/\r?\n/)) {
    if (line.trim() === "") continue;
    const m = STORED_LINE.exec(line);
    if (!m) {
      issues.push({ message: line.trim(), fix: "", code: "" });
      continue;
    }
    const rest = m[1] as string;
    const at = rest.lastIndexOf(FIX_SEPARATOR);
    issues.push(
      at >= 0
        ? { message: rest.slice(0, at), fix: rest.slice(at + FIX_SEPARATOR.length), code: m[2] as string }
        : { message: rest, fix: "", code: m[2] as string },
    );
  }
  return issues;
}

/** An error code as typed in a filter (any case, spaces around): the code, or '' when it is none. */
export function issueCodeOf(input: string): string {
  const code = input.trim().toUpperCase();
  return CODE_PATTERN.test(code) ? code : "";
}

/** The text a stored last error holds for each issue with `code`: what a `contains` search filter looks for. */
export function storedIssueMarker(code: string): string {
  return `[${storedCode(code)}]`;
}
