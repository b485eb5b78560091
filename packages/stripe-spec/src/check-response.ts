/**
 * The response validator's recursion: collects every mismatch between a JSON value and a schema,
 * each as `path: problem` (`customer.address.city: expected string or null, got number`).
 *
 * Responses are checked strictly: a property the schema does not define is an error, so an
 * emulator cannot invent or misspell fields. Objects without `properties` are free-form.
 */
import { isPlainObject, refTarget, resolveRef, type Schema, type SchemaMap } from "./schema.js";

const DECIMAL = /^-?\d+(\.\d+)?$/;

export function checkResponse(schemas: SchemaMap, schema: Schema, value: unknown, path: string): string[] {
  const resolved = resolveRef(schemas, schema);
  if (resolved === undefined) return [`${path}: schema ${schema.$ref ?? "?"} is missing from the contract`];
  if (value === null && resolved.nullable) return [];
  if (resolved.anyOf) return checkAnyOf(schemas, resolved, value, path);
  if (value === null) return [`${path}: expected ${describe(schemas, schema)}, got null`];
  const typeError = checkType(resolved, value);
  if (typeError) return [`${path}: expected ${describe(schemas, schema)}, got ${typeError}`];
  if (resolved.enum && !resolved["x-stripeBypassValidation"] && !resolved.enum.includes(value)) {
    const allowed = resolved.enum.map((v) => JSON.stringify(v)).join(", ");
    return [`${path}: expected one of ${allowed}, got ${JSON.stringify(value)}`];
  }
  if (typeof value === "string") return checkString(resolved, value, path);
  if (Array.isArray(value)) {
    return value.flatMap((item, i) => checkResponse(schemas, resolved.items ?? {}, item, `${path}[${i}]`));
  }
  if (isPlainObject(value)) return checkObject(schemas, resolved, value, path);
  return [];
}

/**
 * Valid when one branch accepts the value. Otherwise, when exactly one branch is an object schema
 * and the value is an object (an expanded field), that branch's detailed errors are reported;
 * else one summary line.
 */
function checkAnyOf(schemas: SchemaMap, schema: Schema, value: unknown, path: string): string[] {
  const branches = schema.anyOf ?? [];
  const results = branches.map((branch) => checkResponse(schemas, branch, value, path));
  if (results.some((errors) => errors.length === 0)) return [];
  if (isPlainObject(value)) {
    const objectBranches = branches.flatMap((branch, i) =>
      resolveRef(schemas, branch)?.type === "object" ? [results[i] ?? []] : [],
    );
    if (objectBranches.length === 1) return objectBranches[0] ?? [];
  }
  return [`${path}: expected ${describe(schemas, schema)}, got ${kindOf(value)}`];
}

function checkObject(
  schemas: SchemaMap,
  schema: Schema,
  value: Record<string, unknown>,
  path: string,
): string[] {
  const errors: string[] = [];
  const properties = schema.properties;
  for (const key of schema.required ?? []) {
    if (!Object.hasOwn(value, key)) errors.push(`${path}.${key}: required property missing`);
  }
  for (const [key, child] of Object.entries(value)) {
    const known = properties && Object.hasOwn(properties, key) ? properties[key] : undefined;
    const extra = schema.additionalProperties;
    if (known) errors.push(...checkResponse(schemas, known, child, `${path}.${key}`));
    else if (typeof extra === "object")
      errors.push(...checkResponse(schemas, extra, child, `${path}.${key}`));
    else if (properties && extra !== true) errors.push(`${path}.${key}: unexpected property`);
  }
  return errors;
}

function checkString(schema: Schema, value: string, path: string): string[] {
  if (schema.maxLength !== undefined && value.length > schema.maxLength) {
    return [`${path}: string longer than ${schema.maxLength} characters`];
  }
  if (schema.format === "decimal" && !DECIMAL.test(value)) {
    return [`${path}: expected a decimal string, got ${JSON.stringify(value)}`];
  }
  // `pattern` is not checked: Stripe's patterns are informal and none matters to this project.
  return [];
}

/** The JSON kind of a value that does not fit `schema.type`, or undefined when it fits. */
function checkType(schema: Schema, value: unknown): string | undefined {
  const kind = kindOf(value);
  switch (schema.type) {
    case undefined:
      return undefined;
    case "integer":
      return Number.isInteger(value) ? undefined : kind;
    case "number":
      return kind === "number" ? undefined : kind;
    default:
      return kind === schema.type ? undefined : kind;
  }
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/** `string or null`, `string or customer`: what a schema accepts, for messages. */
function describe(schemas: SchemaMap, schema: Schema): string {
  const resolved = resolveRef(schemas, schema);
  const name = refTarget(schema);
  let text: string;
  if (name !== undefined && resolved?.type === "object") text = name;
  else if (resolved?.anyOf) text = resolved.anyOf.map((branch) => describe(schemas, branch)).join(" or ");
  else text = resolved?.type ?? "any value";
  return resolved?.nullable ? `${text} or null` : text;
}
