/**
 * The daily refresh's windows: one Stripe account's linked customers cut by the Stripe customer's
 * `created` (Unix seconds) into ranges of at most `size` customers each. A cut falls only between two
 * seconds (customers of one second stay together), so each window is `[gte, lt)` with no gap and no
 * overlap: the first from 0, the last open-ended (it also holds whatever Stripe creates later). Each
 * window is one map invocation, which lists Stripe's customers of that range (`GET /v1/customers?
 * created[gte]=…&created[lt]=…`, 100 a page). Pure: no N/* module, so tests run it directly.
 */

/**
 * Linked customers per window: a full window lists in `WINDOW_SIZE / 100` pages, each one https call
 * (10 units), far below map's 1,000 units.
 */
export const WINDOW_SIZE = 1000;

export interface Windowed<T> {
  /** Inclusive lower bound of Stripe's `created`. */
  gte: number;
  /** Exclusive upper bound; absent for the newest window. */
  lt?: number;
  items: T[];
}

/**
 * Cuts `items` (any order; `created` > 0) into windows of at most `size` items: a window ends before the
 * second whose customers would take it over `size` (a single second holding more makes a window alone).
 * Full windows then list in `size / 100` pages exactly, with no page left part empty between them.
 */
export function cutWindows<T>(
  items: readonly T[],
  created: (item: T) => number,
  size: number = WINDOW_SIZE,
): Windowed<T>[] {
  const sorted = [...items].sort((a, b) => created(a) - created(b));
  const windows: Windowed<T>[] = [];
  let current: T[] = [];
  let gte = 0;
  for (let i = 0; i < sorted.length; ) {
    // The customers of one second, kept together.
    const at = created(sorted[i] as T);
    let end = i;
    while (end < sorted.length && created(sorted[end] as T) === at) end++;
    if (current.length > 0 && current.length + (end - i) > size) {
      windows.push({ gte, lt: at, items: current });
      gte = at;
      current = [];
    }
    for (; i < end; i++) current.push(sorted[i] as T);
  }
  if (current.length > 0) windows.push({ gte, items: current });
  return windows;
}
