/**
 * @nss/stripe-spec: Stripe's contract (API 2023-08-16, the subset this project uses) as a library.
 */
export {
  contract,
  fixture,
  fixtureNames,
  type OperationSpec,
  operations,
  type ParamSpec,
  schemaNames,
} from "./contract.js";
export { type ExpandVerdict, expandVerdict, MAX_EXPAND_DEPTH } from "./expand.js";
export { decodeForm, type FormDecoding } from "./form.js";
export { findOperation, type OperationMatch } from "./route.js";
export type { Schema } from "./schema.js";
export { type StripeErrorBody, type StripeFailure, stripeErrors } from "./stripe-error.js";
export { type RequestValidation, validateRequest } from "./validate-request.js";
export { type ResponseValidation, validateResponse } from "./validate-response.js";
