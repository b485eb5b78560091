/**
 * Stripe's fixtures3.json is generated from a newer API version than spec3.yaml may be (the copy
 * beside the 2023-08-16 spec has fields added in 2024). A fixture is a template for the emulator, so
 * it must fit the contract's version. Conforming rule, applied recursively:
 *   - a property the schema does not define is dropped;
 *   - a nullable object lacking a required property, or whose value still does not fit, is set to null;
 *   - a null where this version allows none becomes the smallest value (below);
 *   - otherwise a required property the fixture lacks (removed later) gets the smallest value.
 * The smallest value a schema allows: null if nullable, else the first enum value, false, 0, "", [],
 * or an object of its own required properties.
 * Every change is reported as a note (kept in the contract); a fixture that still does not fit
 * aborts the extraction.
 */
import { checkResponse } from "../src/check-response.js";
import { isPlainObject, resolveRef, type Schema, type SchemaMap } from "../src/schema.js";

export function conformFixture(
  raw: unknown,
  schema: Schema,
  schemas: SchemaMap,
  name: string,
): { value: unknown; notes: string[] } {
  const notes: string[] = [];
  const value = conform(raw, schema, schemas, name, notes);
  const errors = checkResponse(schemas, schema, value, name);
  if (errors.length > 0) throw new Error(`fixture ${name} does not fit the spec:\n${errors.join("\n")}`);
  return { value, notes };
}

/** `orNull`: an enclosing `anyOf` accepts null, so this object may be nulled too. */
function conform(
  value: unknown,
  schema: Schema,
  schemas: SchemaMap,
  path: string,
  notes: string[],
  orNull = false,
): unknown {
  const resolved = resolveRef(schemas, schema);
  if (resolved === undefined || checkResponse(schemas, schema, value, path).length === 0) return value;
  if (value === null) {
    notes.push(`${path}: null replaced (not nullable in this API version)`);
    return smallest(schema, schemas);
  }
  if (resolved.anyOf) {
    // Conform against the object branch (an expanded field or a nested object).
    const objectBranch = resolved.anyOf.find((b) => resolveRef(schemas, b)?.type === "object");
    if (objectBranch && isPlainObject(value)) {
      value = conform(value, objectBranch, schemas, path, notes, resolved.nullable === true);
    }
  } else if (Array.isArray(value)) {
    value = value.map((item, i) => conform(item, resolved.items ?? {}, schemas, `${path}[${i}]`, notes));
  } else if (isPlainObject(value) && resolved.properties) {
    const properties = resolved.properties;
    const entries: [string, unknown][] = [];
    for (const [key, child] of Object.entries(value)) {
      const childSchema = Object.hasOwn(properties, key) ? properties[key] : undefined;
      if (!childSchema) {
        notes.push(`${path}.${key}: dropped (not in this API version)`);
        continue;
      }
      entries.push([key, conform(child, childSchema, schemas, `${path}.${key}`, notes)]);
    }
    const lacking = (resolved.required ?? []).filter((key) => !Object.hasOwn(value as object, key));
    if (lacking.length > 0 && (resolved.nullable || orNull)) {
      notes.push(`${path}: set to null (lacks ${lacking.join(", ")}, required in this API version)`);
      return null;
    }
    for (const key of lacking) {
      const childSchema = properties[key];
      if (!childSchema) continue;
      notes.push(`${path}.${key}: added (required in this API version)`);
      entries.push([key, smallest(childSchema, schemas)]);
    }
    value = Object.fromEntries(entries);
  }
  if (checkResponse(schemas, schema, value, path).length > 0 && resolved.nullable) {
    notes.push(`${path}: set to null (Stripe's example does not fit this API version)`);
    return null;
  }
  return value;
}

function smallest(schema: Schema, schemas: SchemaMap): unknown {
  const resolved = resolveRef(schemas, schema) ?? {};
  if (resolved.nullable) return null;
  if (resolved.enum) return resolved.enum[0];
  if (resolved.anyOf?.[0]) return smallest(resolved.anyOf[0], schemas);
  switch (resolved.type) {
    case "boolean":
      return false;
    case "integer":
    case "number":
      return 0;
    case "string":
      return "";
    case "array":
      return [];
    default: {
      const properties = resolved.properties ?? {};
      const required = (resolved.required ?? []).filter((key) => properties[key]);
      return Object.fromEntries(required.map((key) => [key, smallest(properties[key] ?? {}, schemas)]));
    }
  }
}
