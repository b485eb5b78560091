/**
 * `expand[]`: which paths Stripe allows (checked once per request against the contract's
 * `x-expandableFields`, see @nss/stripe-spec's expandVerdict), then the expansion itself: an ID at a
 * dotted path (`invoice_settings.default_payment_method`) becomes the object it names, and `data.<path>`
 * applies to every item of a list. An ID the account does not know is left as it is.
 */
import { expandVerdict, type Schema, stripeErrors } from "@nss/stripe-spec";
import { StripeApiError, unsupported } from "./errors.js";
import type { Store, StripeObject } from "./store.js";

/** Stripe's refusal of the first `expand[]` path it would refuse, for an operation's 200 schema. */
export function expandRefusal(response: Schema, paths: readonly string[]): StripeApiError | undefined {
  for (const path of paths) {
    const verdict = expandVerdict(response, path);
    if (verdict.ok) continue;
    switch (verdict.reason) {
      case "too_deep":
        return StripeApiError.fromSpec(400, stripeErrors.expandTooDeep(path).error);
      case "not_expandable":
        return StripeApiError.fromSpec(400, stripeErrors.notExpandable(verdict.at, verdict.hint).error);
      case "not_described":
        return unsupported(
          `expand[]=${path}: the contract the emulator holds does not describe ${verdict.at}, so whether Stripe expands it is not known.`,
        );
    }
  }
  return undefined;
}

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

/** The items of a list with the `data.…` paths applied; the other paths were judged by expandRefusal. */
export function expandListBody(
  store: Store,
  account: string,
  items: readonly StripeObject[],
  paths: readonly string[],
): unknown[] {
  const itemPaths = paths.filter((p) => p.startsWith("data.")).map((p) => p.slice("data.".length));
  return items.map((item) => expandObject(store, account, item, itemPaths));
}

function expandPath(store: Store, account: string, node: unknown, parts: string[], full: string): unknown {
  const [head, ...rest] = parts;
  if (head === undefined || typeof node !== "object" || node === null || Array.isArray(node)) return node;
  const record = node as Record<string, unknown>;
  if (!(head in record)) {
    // A deleted object has none of the fields; one Stripe adds only when expanded (`tax`, `sources`…)
    // is not modelled.
    if (record.deleted === true) return record;
    throw unsupported(`expand[]=${full}: the emulator does not model ${String(record.object)}.${head}.`);
  }
  const child = record[head];
  if (rest.length > 0) return { ...record, [head]: expandPath(store, account, child, rest, full) };
  if (typeof child !== "string") return record;
  const found = store.get(account, child);
  return found ? { ...record, [head]: found.object } : record;
}
