/**
 * Decodes Stripe's `application/x-www-form-urlencoded` bodies and query strings into nested values:
 * `address[city]=Oslo` → `{ address: { city: "Oslo" } }`; `expand[]=a` and `expand[0]=a` → arrays.
 * Leaves stay strings (the validator coerces them); `''` is kept (Stripe uses it to unset a field).
 */
import { type StripeFailure, stripeErrors } from "./stripe-error.js";

export type FormDecoding = { ok: true; params: Record<string, unknown> } | StripeFailure;

/** A hash or array under construction; which one it is is decided once all keys are seen. */
interface Container {
  children: Map<string, Node>;
  /** `hash` once a name key is used, `array` once `[]` is; numeric indexes alone leave it open. */
  kind: "open" | "hash" | "array";
  /** Number of `[]` appends, used to key appended items in order. */
  appended: number;
  lastAppended?: Node;
}
type Node = string | Container;

/** `name` then zero or more `[segment]`s, nothing else. */
const KEY_PATTERN = /^([^[\]]+)((?:\[[^[\]]*\])*)$/;
const INDEX_PATTERN = /^\d+$/;

function newContainer(): Container {
  return { children: new Map(), kind: "open", appended: 0 };
}

function decodeComponent(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replaceAll("+", " "));
  } catch {
    return undefined;
  }
}

export function decodeForm(body: string): FormDecoding {
  const root = newContainer();
  root.kind = "hash";
  for (const pair of body.split("&")) {
    if (pair === "") continue;
    const eq = pair.indexOf("=");
    const rawKey = eq === -1 ? pair : pair.slice(0, eq);
    const key = decodeComponent(rawKey);
    const value = decodeComponent(eq === -1 ? "" : pair.slice(eq + 1));
    if (key === undefined || value === undefined) {
      return stripeErrors.malformedBody(`invalid percent-encoding in ${JSON.stringify(pair)}`);
    }
    const match = KEY_PATTERN.exec(key);
    if (!match) return stripeErrors.malformedBody(`malformed parameter name ${JSON.stringify(key)}`);
    const segments = [...(match[2] ?? "").matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1] ?? "");
    const conflict = insert(root, [match[1] ?? "", ...segments], value);
    if (conflict) return stripeErrors.malformedBody(`conflicting types for parameter ${JSON.stringify(key)}`);
  }
  return { ok: true, params: finish(root) as Record<string, unknown> };
}

/** Puts `value` at `segments` under `container`; returns true on a scalar/hash/array conflict. */
function insert(container: Container, segments: string[], value: string): boolean {
  const [segment, ...rest] = segments;
  if (segment === undefined) return true;
  if (segment === "") {
    if (container.kind === "hash") return true;
    container.kind = "array";
    // `[]`: append, except that `items[][a]=1&items[][b]=2` fills one element (Rack's rule).
    const last = container.lastAppended;
    const next = rest[0];
    if (typeof last === "object" && next !== undefined && next !== "" && !last.children.has(next)) {
      return insert(last, rest, value);
    }
    const child: Node = rest.length === 0 ? value : newContainer();
    container.children.set(`[]${container.appended++}`, child);
    container.lastAppended = child;
    return typeof child === "object" ? insert(child, rest, value) : false;
  }
  if (!INDEX_PATTERN.test(segment)) {
    if (container.kind === "array") return true;
    container.kind = "hash";
  }
  const existing = container.children.get(segment);
  if (rest.length === 0) {
    if (typeof existing === "object") return true;
    container.children.set(segment, value); // a repeated scalar key: the last one wins, as in Rack
    return false;
  }
  if (typeof existing === "string") return true;
  const child = existing ?? newContainer();
  container.children.set(segment, child);
  return insert(child, rest, value);
}

/** Turns containers into plain objects, or arrays when every key was `[]` or an index. */
function finish(node: Node): unknown {
  if (typeof node === "string") return node;
  if (node.kind !== "hash") {
    const indexed = [...node.children].filter(([key]) => !key.startsWith("[]"));
    const appended = [...node.children].filter(([key]) => key.startsWith("[]"));
    indexed.sort(([a], [b]) => Number(a) - Number(b));
    return [...indexed, ...appended].map(([, child]) => finish(child));
  }
  // fromEntries: a key such as "__proto__" becomes an own property, never the prototype.
  return Object.fromEntries([...node.children].map(([key, child]) => [key, finish(child)]));
}
