/**
 * Extracts the subset of Stripe's OpenAPI spec this project uses into a committed JSON contract.
 *
 *   npm run extract -w @nss/stripe-spec [-- path/to/spec3.yaml]
 *
 * Reads spec3.yaml (default: ../shared/stripe-openapi/spec3.yaml from the repo root), LICENSE and
 * fixtures3.json beside it, and writes contract/stripe-2023-08-16.json. Output is deterministic
 * (sorted keys, no timestamps): re-running on the same inputs gives no diff.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import type { SchemaMap } from "../src/schema.js";
import { conformFixture } from "./conform-fixture.js";
import { SUBSET_FIXTURES, SUBSET_PATHS } from "./subset.js";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const repoRoot = resolve(packageDir, "../..");
const specPath = resolve(process.argv[2] ?? join(repoRoot, "../shared/stripe-openapi/spec3.yaml"));
const outPath = join(packageDir, "contract/stripe-2023-08-16.json");

/** Schema keywords the validators understand; everything else (descriptions, titles, ...) is prose. */
const KEPT_KEYWORDS = new Set([
  "$ref",
  "additionalProperties",
  "anyOf",
  "enum",
  "format",
  "items",
  "maxLength",
  "nullable",
  "oneOf",
  "pattern",
  "properties",
  "required",
  "type",
  "x-expandableFields",
  "x-stripeBypassValidation",
]);

/** Read but deliberately dropped: prose, or data already expressed by a kept keyword. */
const DROPPED_KEYWORDS = new Set(["description", "title", "x-expansionResources", "x-resourceId"]);

/**
 * Pruning rule. An expandable field (marked `x-expansionResources` in the spec) is
 * `anyOf: [ID string, $ref resource]`: Stripe returns the ID unless the caller expands it. When the
 * resource is not one of the subset's own (the schemas the subset's operations answer with), its
 * `$ref` branch becomes `{ type: "object" }` (any object, its content not checked); the ID string is still checked. This keeps
 * charge → invoice → subscription → ... out of the contract, which would otherwise hold most of
 * Stripe's API.
 */
const PRUNING_RULE =
  "In an expandable field (x-expansionResources: anyOf [ID string, $ref resource]) whose resource is " +
  "not one of the subset's (the schemas its operations answer with), the $ref branch is replaced by " +
  "{type: object} (any object, its content not checked); the ID string is still checked. Descriptions, titles and other prose are removed.";

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function refName(ref: string): string {
  const prefix = "#/components/schemas/";
  if (!ref.startsWith(prefix)) throw new Error(`unsupported $ref ${ref}`);
  return ref.slice(prefix.length);
}

function sortKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const key of Object.keys(value).sort()) out[key] = sortKeys(value[key] as Json);
  return out;
}

const specBytes = readFileSync(specPath);
const specText = specBytes.toString("utf8");
const spec = parse(specText) as JsonObject;
const components = spec.components as JsonObject;
const allSchemas = components.schemas as JsonObject;
const paths = spec.paths as JsonObject;
const info = spec.info as JsonObject;

/** The subset's own resources: the named schemas its operations answer with. */
const subsetResources = new Set<string>();
/** Named schemas to copy, filled by `clean` as it meets `$ref`s. */
const pending: string[] = [];

/**
 * Copies a schema keeping only validation keywords and rewriting `$ref`s to the contract's
 * `#/schemas/<name>`. `expansion`: this schema is a branch of an expandable field (pruning rule).
 */
function clean(schema: Json, expansion = false): Json {
  if (!isObject(schema)) throw new Error(`schema is not an object: ${JSON.stringify(schema)}`);
  const out: JsonObject = {};
  const expandable = "x-expansionResources" in schema;
  for (const [key, value] of Object.entries(schema)) {
    if (DROPPED_KEYWORDS.has(key)) continue;
    if (!KEPT_KEYWORDS.has(key)) throw new Error(`unknown schema keyword ${key}`);
    if (key === "$ref") {
      const name = refName(value as string);
      if (expansion && !subsetResources.has(name)) return { type: "object" };
      pending.push(name);
      out.$ref = `#/schemas/${name}`;
    } else if (key === "properties") {
      const props: JsonObject = {};
      for (const [prop, sub] of Object.entries(value as JsonObject)) {
        props[prop] = clean(sub);
      }
      out.properties = props;
    } else if (key === "items" || (key === "additionalProperties" && isObject(value))) {
      out[key] = clean(value);
    } else if (key === "anyOf" || key === "oneOf") {
      out[key] = (value as Json[]).map((branch) => clean(branch, expandable));
    } else {
      out[key] = value;
    }
  }
  return out;
}

const EXPAND: Json = { items: { maxLength: 5000, type: "string" }, type: "array" };

interface Param {
  name: string;
  required: boolean;
  schema: Json;
}

function responseSchema(op: JsonObject): JsonObject {
  const ok = (op.responses as JsonObject)["200"] as JsonObject;
  return ((ok.content as JsonObject)["application/json"] as JsonObject).schema as JsonObject;
}

// Pass 1: the subset's resources are the named schemas its responses point at directly.
for (const path of SUBSET_PATHS) {
  const item = paths[path];
  if (!isObject(item)) throw new Error(`path ${path} is not in the spec`);
  for (const op of Object.values(item)) {
    const schema = responseSchema(op as JsonObject);
    const refs = schema.$ref ? [schema] : ((schema.anyOf as JsonObject[] | undefined) ?? []);
    for (const r of refs) if (typeof r.$ref === "string") subsetResources.add(refName(r.$ref));
    const data = (schema.properties as JsonObject | undefined)?.data as JsonObject | undefined;
    const item = data?.items as JsonObject | undefined;
    if (typeof item?.$ref === "string") subsetResources.add(refName(item.$ref));
  }
}

// Pass 2: operations, with list/search envelopes hoisted into named schemas (by their spec title).
const schemas: JsonObject = {};
const operations: Json[] = [];
for (const path of SUBSET_PATHS) {
  const item = paths[path] as JsonObject;
  for (const [method, opJson] of Object.entries(item)) {
    const op = opJson as JsonObject;
    const parameters = (op.parameters as JsonObject[] | undefined) ?? [];
    const pathParams: Param[] = [];
    const queryParams: Param[] = [];
    for (const p of parameters) {
      const param = {
        name: p.name as string,
        required: p.required === true,
        schema: clean(p.schema as Json),
      };
      if (p.in === "path") pathParams.push(param);
      else if (p.in === "query") queryParams.push(param);
      else throw new Error(`unsupported parameter location ${String(p.in)} in ${method} ${path}`);
    }
    const bodyParams: Param[] = [];
    const form = ((op.requestBody as JsonObject | undefined)?.content as JsonObject | undefined)?.[
      "application/x-www-form-urlencoded"
    ] as JsonObject | undefined;
    if (form) {
      const body = form.schema as JsonObject;
      const required = new Set((body.required as string[] | undefined) ?? []);
      for (const [name, schema] of Object.entries((body.properties as JsonObject | undefined) ?? {})) {
        bodyParams.push({ name, required: required.has(name), schema: clean(schema) });
      }
    }
    // Stripe accepts `expand` on every operation; the spec omits it on a few (the DELETEs).
    const params = method === "get" ? queryParams : bodyParams;
    if (!params.some((p) => p.name === "expand"))
      params.push({ name: "expand", required: false, schema: EXPAND });
    // List and search envelopes are inline in the spec: hoist them under their spec title.
    const inline = responseSchema(op);
    let response: Json;
    if (typeof inline.title === "string") {
      if (inline.title in allSchemas) throw new Error(`envelope title ${inline.title} clashes with a schema`);
      schemas[inline.title] = clean(inline);
      response = { $ref: `#/schemas/${inline.title}` };
    } else {
      response = clean(inline);
    }
    operations.push({
      method: method.toUpperCase(),
      path,
      operationId: op.operationId as string,
      pathParams: pathParams as unknown as Json,
      queryParams: queryParams as unknown as Json,
      bodyParams: bodyParams as unknown as Json,
      response,
    } as JsonObject);
  }
}

// Pass 3: the transitive $ref closure (with the pruning rule applied inside `clean`).
for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
  if (Object.hasOwn(schemas, name)) continue;
  const schema = allSchemas[name];
  if (schema === undefined) throw new Error(`missing schema ${name}`);
  schemas[name] = {}; // placeholder: breaks cycles
  schemas[name] = clean(schema);
}

// Fixtures: Stripe's example objects, conformed to this spec version (see conform-fixture.ts).
const specDir = dirname(specPath);
const allFixtures = (JSON.parse(readFileSync(join(specDir, "fixtures3.json"), "utf8")) as JsonObject)
  .resources as JsonObject;
const fixtures: JsonObject = {};
const fixtureNotes: string[] = [];
for (const name of SUBSET_FIXTURES) {
  const raw = allFixtures[name];
  if (raw === undefined) continue;
  const conformed = conformFixture(raw, { $ref: `#/schemas/${name}` }, schemas as SchemaMap, name);
  fixtures[name] = conformed.value as Json;
  fixtureNotes.push(...conformed.notes);
}

const licenseText = readFileSync(join(specDir, "LICENSE"), "utf8");
const copyright = licenseText.split("\n").find((line) => line.startsWith("Copyright"));
if (!copyright) throw new Error("no copyright line in LICENSE");

const contract: JsonObject = {
  source: {
    repository: "https://github.com/stripe/openapi",
    file: "openapi/spec3.yaml",
    fixtures: "openapi/fixtures3.json",
  },
  apiVersion: info.version as string,
  license: `MIT License. ${copyright.trim()}`,
  sha256: createHash("sha256").update(specBytes).digest("hex"),
  pruning: PRUNING_RULE,
  fixtureNotes,
  operations,
  schemas,
  fixtures,
};

const text = `${JSON.stringify(sortKeys(contract), null, 1)}\n`;
writeFileSync(outPath, text);
console.log(
  `wrote ${outPath}: ${operations.length} operations, ${Object.keys(schemas).length} schemas, ` +
    `${Object.keys(fixtures).length} fixtures, ${text.length} bytes`,
);
