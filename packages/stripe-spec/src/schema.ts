/** The JSON-schema subset the contract uses (OpenAPI 3.0 flavour: `nullable` instead of type arrays). */
export interface Schema {
  $ref?: string;
  type?: "object" | "string" | "integer" | "number" | "boolean" | "array";
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  enum?: unknown[];
  nullable?: boolean;
  maxLength?: number;
  format?: string;
  pattern?: string;
  "x-expandableFields"?: string[];
  /** Stripe's marker: the enum is not exhaustive, values outside it are accepted. */
  "x-stripeBypassValidation"?: boolean;
}

export type SchemaMap = Readonly<Record<string, Schema>>;

const REF_PREFIX = "#/schemas/";

/** Follows `$ref`s (the contract's `#/schemas/<name>`); undefined when a target is missing. */
export function resolveRef(schemas: SchemaMap, schema: Schema): Schema | undefined {
  let current: Schema | undefined = schema;
  while (current?.$ref !== undefined) current = schemas[current.$ref.slice(REF_PREFIX.length)];
  return current;
}

/** The schema name a `$ref` points at. */
export function refTarget(schema: Schema): string | undefined {
  return schema.$ref?.slice(REF_PREFIX.length);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
