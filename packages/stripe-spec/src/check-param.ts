/**
 * The request validator's recursion: checks one parameter value against its schema and returns the
 * value coerced the way Stripe reads form input (`"10"` → 10, `"true"` → true), or Stripe's error.
 *
 * One function per schema construct; `checkParam` dispatches on the schema's shape.
 */
import { isPlainObject, resolveRef, type Schema, type SchemaMap } from "./schema.js";
import { type ParamPath, type StripeFailure, stripeErrors } from "./stripe-error.js";

export type ParamCheck = { ok: true; value: unknown } | StripeFailure;

const INTEGER = /^-?\d+$/;
const DECIMAL = /^-?(\d+\.?\d*|\.\d+)$/;

export function checkParam(schemas: SchemaMap, schema: Schema, value: unknown, path: ParamPath): ParamCheck {
  const resolved = resolveRef(schemas, schema);
  if (resolved === undefined) return { ok: true, value }; // pruned or unknown target: not checked
  if (resolved.anyOf) return checkAnyOf(schemas, resolved.anyOf, value, path);
  if (resolved.enum) return checkEnum(schemas, resolved, value, path);
  switch (resolved.type) {
    case "object":
      return checkObject(schemas, resolved, value, path);
    case "array":
      return checkArray(schemas, resolved, value, path);
    case "string":
      return checkString(resolved, value, path);
    case "integer":
      return checkInteger(value, path);
    case "number":
      return checkNumber(value, path);
    case "boolean":
      return checkBoolean(value, path);
    default:
      return { ok: true, value }; // `{}`: any value
  }
}

/**
 * The first branch that accepts the value wins. When none does, the error reported is the one of
 * the branch shaped like the value (a hash for a hash, a scalar for a scalar), so that
 * `address=Oslo` says "Invalid hash" rather than complaining about the `''` "unset" branch.
 */
function checkAnyOf(schemas: SchemaMap, branches: Schema[], value: unknown, path: ParamPath): ParamCheck {
  const failures: { branch: Schema; failure: StripeFailure }[] = [];
  for (const branch of branches) {
    const result = checkParam(schemas, branch, value, path);
    if (result.ok) return result;
    failures.push({ branch: resolveRef(schemas, branch) ?? branch, failure: result });
  }
  const shape = shapeOf(value);
  const sameShape = failures.find(({ branch }) => shapeOfSchema(branch) === shape && !isUnsetEnum(branch));
  const main = failures.find(({ branch }) => !isUnsetEnum(branch));
  return (sameShape ?? main ?? failures[0])?.failure ?? { ok: true, value };
}

type Shape = "hash" | "array" | "scalar";

function shapeOf(value: unknown): Shape {
  if (Array.isArray(value)) return "array";
  return isPlainObject(value) ? "hash" : "scalar";
}

function shapeOfSchema(schema: Schema): Shape {
  if (schema.type === "object") return "hash";
  return schema.type === "array" ? "array" : "scalar";
}

/** Stripe's `enum: [""]` branch: send `''` to unset a field. */
function isUnsetEnum(schema: Schema): boolean {
  return schema.enum?.length === 1 && schema.enum[0] === "";
}

/** Type first (so `"true"` becomes true before comparing), then membership. */
function checkEnum(schemas: SchemaMap, schema: Schema, value: unknown, path: ParamPath): ParamCheck {
  const allowed = schema.enum ?? [];
  const typed = checkParam(schemas, { ...schema, enum: undefined }, value, path);
  if (!typed.ok) return typed;
  if (allowed.includes(typed.value) || schema["x-stripeBypassValidation"]) return typed;
  return stripeErrors.invalidEnum(path, allowed);
}

function checkObject(schemas: SchemaMap, schema: Schema, value: unknown, path: ParamPath): ParamCheck {
  // `metadata[0]=x` decodes as an array; a hash parameter reads it as the hash {"0": "x"}.
  if (Array.isArray(value) && schema.additionalProperties) value = Object.fromEntries(value.entries());
  if (!isPlainObject(value)) return stripeErrors.invalidHash(path);
  const properties = schema.properties ?? {};
  const extra = schema.additionalProperties;
  // Stripe refuses keys it does not know, even where the spec leaves additionalProperties unset.
  const unknown = Object.keys(value).filter((key) => !Object.hasOwn(properties, key) && !extra);
  if (unknown.length > 0 && schema.properties) {
    return stripeErrors.unknownParameters(unknown.map((key) => [...path, key]));
  }
  const missing = (schema.required ?? []).find((key) => value[key] === undefined);
  if (missing !== undefined) return stripeErrors.missingParam([...path, missing]);
  const entries: [string, unknown][] = [];
  for (const [key, child] of Object.entries(value)) {
    const known = Object.hasOwn(properties, key) ? properties[key] : undefined;
    const childSchema = known ?? (typeof extra === "object" ? extra : {});
    const result = checkParam(schemas, childSchema, child, [...path, key]);
    if (!result.ok) return result;
    entries.push([key, result.value]);
  }
  // fromEntries: a key such as "__proto__" becomes an own property, never the prototype.
  return { ok: true, value: Object.fromEntries(entries) };
}

function checkArray(schemas: SchemaMap, schema: Schema, value: unknown, path: ParamPath): ParamCheck {
  if (!Array.isArray(value)) return stripeErrors.invalidArray(path);
  const out: unknown[] = [];
  for (const [index, item] of value.entries()) {
    const result = checkParam(schemas, schema.items ?? {}, item, [...path, index]);
    if (!result.ok) return result;
    out.push(result.value);
  }
  return { ok: true, value: out };
}

function checkString(schema: Schema, value: unknown, path: ParamPath): ParamCheck {
  // A JSON-ish caller may pass numbers or booleans; on the wire they would be their text.
  if (typeof value === "number" || typeof value === "boolean") value = String(value);
  if (typeof value !== "string") return stripeErrors.invalidString(path, value);
  // Stripe (Ruby) counts characters, i.e. code points: an emoji is one, not two UTF-16 units.
  if (
    schema.maxLength !== undefined &&
    value.length > schema.maxLength &&
    codePoints(value) > schema.maxLength
  ) {
    return stripeErrors.stringTooLong(path, value, schema.maxLength);
  }
  return { ok: true, value };
}

function checkInteger(value: unknown, path: ParamPath): ParamCheck {
  if (typeof value === "number" && Number.isSafeInteger(value)) return { ok: true, value };
  if (typeof value === "string" && INTEGER.test(value) && Number.isSafeInteger(Number(value))) {
    return { ok: true, value: Number(value) };
  }
  return stripeErrors.invalidInteger(path, value);
}

function checkNumber(value: unknown, path: ParamPath): ParamCheck {
  if (typeof value === "number" && Number.isFinite(value)) return { ok: true, value };
  if (typeof value === "string" && DECIMAL.test(value)) return { ok: true, value: Number(value) };
  return stripeErrors.invalidNumber(path, value);
}

function checkBoolean(value: unknown, path: ParamPath): ParamCheck {
  if (typeof value === "boolean") return { ok: true, value };
  if (value === "true" || value === "false") return { ok: true, value: value === "true" };
  return stripeErrors.invalidBoolean(path, value);
}

function codePoints(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}
