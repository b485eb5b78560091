/**
 * Builders for the value lists of enums.ts and lists-large.ts, so that what several lists share is written
 * once: the provenance of the lists only salto has, and lists that are another list give or take a few
 * values.
 */

import { PAGES } from "./pages.js";
import type { ValueList } from "./types.js";

/** How every salto-only list was confirmed; a list's own remark follows this sentence. */
const FROM_SALTO =
  "Values from salto-io/salto packages/netsuite-adapter/src/autogen (commit 8696742b) " +
  "enums.ts; Oracle's own list page was not reachable from the stored docs.";

/**
 * A list read only in salto's enums (Oracle's list page was not reachable), cited from Oracle's index of
 * lists. `remark` is appended to the provenance note.
 */
export function saltoList(
  values: readonly string[],
  options: { accountData?: true; remark?: string } = {},
): ValueList {
  return {
    confirmed: "salto",
    values,
    ...(options.accountData ? { accountData: true } : {}),
    note: options.remark === undefined ? FROM_SALTO : `${FROM_SALTO} ${options.remark}`,
    source: PAGES.lists,
  };
}

/**
 * `base` with the values of `add` and without those of `remove`, in code-point order (the order in which
 * Oracle and salto write every list derived this way).
 */
export function variantOf(
  base: readonly string[],
  change: { add?: readonly string[]; remove?: readonly string[] },
): readonly string[] {
  const removed = new Set(change.remove);
  return [...base.filter((value) => !removed.has(value)), ...(change.add ?? [])].sort();
}
