/** Checks a response body (or a fixture, or an emulator's object) against a named contract schema. */
import { checkResponse } from "./check-response.js";
import { schemas } from "./contract.js";

export type ResponseValidation = { ok: true } | { ok: false; errors: string[] };

/**
 * `schemaName` is a contract schema name: a resource (`customer`, `billing_portal.session`) or a
 * list envelope (`CustomerResourceCustomerList`). Errors are JSON paths rooted at the schema name.
 */
export function validateResponse(schemaName: string, body: unknown): ResponseValidation {
  if (!Object.hasOwn(schemas, schemaName)) {
    return { ok: false, errors: [`unknown schema "${schemaName}": not in the contract`] };
  }
  const errors = checkResponse(schemas, { $ref: `#/schemas/${schemaName}` }, body, schemaName);
  return errors.length === 0 ? { ok: true } : { ok: false, errors };
}
