/**
 * Validates a request the way Stripe does before acting on it: route, unknown parameters, required
 * parameters, then each value against its schema (coercing form strings to integers and booleans).
 */
import { checkParam } from "./check-param.js";
import type { ParamSpec } from "./contract.js";
import { schemas } from "./contract.js";
import { findOperation } from "./route.js";
import { type StripeErrorBody, type StripeFailure, stripeErrors } from "./stripe-error.js";

export type RequestValidation =
  | { ok: true; operationId: string; pathParams: Record<string, string>; params: Record<string, unknown> }
  | { ok: false; status: number; error: StripeErrorBody };

/**
 * `path` is without the query string; `params` are the decoded query (GET) or form body (POST,
 * DELETE). Leaves may be strings (from `decodeForm`) or already numbers, booleans and arrays.
 */
export function validateRequest(
  method: string,
  path: string,
  params: Record<string, unknown>,
): RequestValidation {
  const verb = method.toUpperCase();
  const match = findOperation(verb, path);
  if (!match) return stripeErrors.unrecognizedUrl(verb, path);
  const { operation, pathParams } = match;

  for (const spec of operation.pathParams) {
    const result = checkParam(schemas, spec.schema, pathParams[spec.name] ?? "", [spec.name]);
    if (!result.ok) return result;
  }

  const specs = verb === "GET" ? operation.queryParams : operation.bodyParams;
  const checked = checkParams(specs, params);
  if (!checked.ok) return checked;
  return { ok: true, operationId: operation.operationId, pathParams, params: checked.params };
}

/** The top level of a request is a hash whose keys are the operation's parameters. */
function checkParams(
  specs: readonly ParamSpec[],
  params: Record<string, unknown>,
): { ok: true; params: Record<string, unknown> } | StripeFailure {
  const byName = new Map(specs.map((spec) => [spec.name, spec]));
  const unknown = Object.keys(params).filter((name) => !byName.has(name));
  if (unknown.length > 0) return stripeErrors.unknownParameters(unknown.map((name) => [name]));

  const missing = specs.find((spec) => spec.required && params[spec.name] === undefined);
  if (missing) return stripeErrors.missingParam([missing.name]);

  const entries: [string, unknown][] = [];
  for (const [name, value] of Object.entries(params)) {
    const spec = byName.get(name);
    if (!spec) continue; // unreachable: unknown names were refused above
    const result = checkParam(schemas, spec.schema, value, [name]);
    if (!result.ok) return result;
    entries.push([name, result.value]);
  }
  return { ok: true, params: Object.fromEntries(entries) };
}
