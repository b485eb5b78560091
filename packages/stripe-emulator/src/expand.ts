/**
 * `expand[]`: replaces an ID at a dotted path by the object it names (`invoice_settings.default_payment_method`),
 * and `data.<path>` for every item of a list. An ID the account does not know is left as it is.
 */
import { invalidRequest } from "./errors.js";
import type { Store, StripeObject } from "./store.js";

export function expandObject(
  store: Store,
  account: string,
  object: unknown,
  paths: readonly string[],
): unknown {
  let out = object;
  for (const path of paths) out = expandPath(store, account, out, path.split("."), path);
  return out;
}

export function expandListBody(
  store: Store,
  account: string,
  items: readonly StripeObject[],
  paths: readonly string[],
): unknown[] {
  const itemPaths = paths.map((p) => {
    if (!p.startsWith("data.")) throw invalidRequest(`This property cannot be expanded (${p}).`, "expand");
    return p.slice("data.".length);
  });
  return items.map((item) => expandObject(store, account, item, itemPaths));
}

function expandPath(store: Store, account: string, node: unknown, parts: string[], full: string): unknown {
  const [head, ...rest] = parts;
  if (head === undefined || typeof node !== "object" || node === null || Array.isArray(node)) return node;
  const record = node as Record<string, unknown>;
  if (!(head in record)) throw invalidRequest(`This property cannot be expanded (${full}).`, "expand");
  const child = record[head];
  if (rest.length > 0) return { ...record, [head]: expandPath(store, account, child, rest, full) };
  if (typeof child !== "string") return record;
  const found = store.get(account, child);
  return found ? { ...record, [head]: found.object } : record;
}
