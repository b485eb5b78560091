/**
 * Which `expand[]` paths an operation's response allows, read from the contract: each segment must be
 * one of the current object's `x-expandableFields` (Stripe's own marker in its OpenAPI spec), and a
 * path has at most four segments. The caller turns a verdict into Stripe's error.
 */
import { schemas } from "./contract.js";
import { resolveRef, type Schema } from "./schema.js";

/** Docs: "Expansions have a maximum depth of four levels" (https://docs.stripe.com/api/expanding_objects). */
export const MAX_EXPAND_DEPTH = 4;

export type ExpandVerdict =
  | { ok: true }
  /** More than four segments. */
  | { ok: false; reason: "too_deep" }
  /** `at` (the path up to the refused segment) is not expandable; on a list, `hint` is `data.<segment>`. */
  | { ok: false; reason: "not_expandable"; at: string; hint?: string }
  /** `at` goes through an object the contract does not describe (pruned), so it cannot be judged. */
  | { ok: false; reason: "not_described"; at: string };

/** `response` is an operation's 200 schema (`OperationSpec.response`). */
export function expandVerdict(response: Schema, path: string): ExpandVerdict {
  const segments = path.split(".");
  if (segments.length > MAX_EXPAND_DEPTH) return { ok: false, reason: "too_deep" };
  let current = objectsOf(response);
  const list = current.some(isListEnvelope);
  if (path === "total_count" && list) {
    // Search results carry it when expanded (the contract's SearchResult has the field); lists had
    // it too before 2025-03-31.basil (docs.stripe.com/changelog/basil/2025-03-31/deprecate-total-count-expansion),
    // but the 2023-08-16 contract does not describe it there.
    const described = current.some((s) => s.properties?.total_count !== undefined);
    return described ? { ok: true } : { ok: false, reason: "not_described", at: path };
  }
  for (const [index, segment] of segments.entries()) {
    const at = segments.slice(0, index + 1).join(".");
    if (current.length === 0) return { ok: false, reason: "not_described", at };
    const allowing = current.filter((s) => s["x-expandableFields"]?.includes(segment));
    if (allowing.length === 0) {
      // Stripe's hint names the item path for a list's first segment (stripe/stripe-python#316).
      return index === 0 && list
        ? { ok: false, reason: "not_expandable", at, hint: `data.${segment}` }
        : { ok: false, reason: "not_expandable", at };
    }
    current = allowing.flatMap((s) => objectsOf(s.properties?.[segment]));
  }
  return { ok: true };
}

/** The object schemas a value may be: through `$ref`, `anyOf` branches and array items; IDs drop out. */
function objectsOf(schema: Schema | undefined): Schema[] {
  const resolved = schema === undefined ? undefined : resolveRef(schemas, schema);
  if (resolved === undefined) return [];
  if (resolved.anyOf) return resolved.anyOf.flatMap(objectsOf);
  if (resolved.type === "array") return objectsOf(resolved.items);
  // `{ type: "object" }` alone is a pruned resource: nothing is known of its fields.
  const described = resolved.properties !== undefined || resolved["x-expandableFields"] !== undefined;
  return resolved.type === "object" && described ? [resolved] : [];
}

/** A list or search result: `object` is `list` or `search_result`, items under `data`. */
function isListEnvelope(schema: Schema): boolean {
  const kind = schema.properties?.object?.enum;
  return Array.isArray(kind) && (kind.includes("list") || kind.includes("search_result"));
}
