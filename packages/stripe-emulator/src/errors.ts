/**
 * Stripe's error responses: `{ error: { type, code?, message, param?, doc_url? } }` with the HTTP
 * status Stripe uses. Handlers throw a StripeApiError; the server turns it into the response.
 */
import type { StripeErrorBody } from "@nss/stripe-spec";

export interface ErrorBody {
  type: "invalid_request_error" | "api_error" | "idempotency_error" | "card_error";
  message: string;
  code?: string;
  param?: string;
  doc_url?: string;
}

export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(body.message);
  }

  static fromSpec(status: number, body: StripeErrorBody): StripeApiError {
    return new StripeApiError(status, body);
  }
}

const docUrl = (code: string) => `https://stripe.com/docs/error-codes/${code.replace(/_/g, "-")}`;

/** `No such customer: 'cus_x'` (404, resource_missing), as Stripe words it. */
export function noSuch(resource: string, id: string, param = "id"): StripeApiError {
  return new StripeApiError(404, {
    type: "invalid_request_error",
    code: "resource_missing",
    doc_url: docUrl("resource_missing"),
    message: `No such ${resource}: '${id}'`,
    param,
  });
}

export function invalidRequest(message: string, param?: string, code?: string): StripeApiError {
  return new StripeApiError(400, {
    type: "invalid_request_error",
    message,
    ...(param !== undefined ? { param } : {}),
    ...(code !== undefined ? { code, doc_url: docUrl(code) } : {}),
  });
}

/**
 * What the emulator does not model, or a refusal whose wording Stripe's docs and recorded responses do
 * not give: never a guessed Stripe error. 400 so that no client retries it.
 */
export function unsupported(what: string, param?: string): StripeApiError {
  return new StripeApiError(400, {
    type: "invalid_request_error",
    message: `UNSUPPORTED_BY_EMULATOR: ${what}`,
    ...(param !== undefined ? { param } : {}),
  });
}

export function apiError(message: string): StripeApiError {
  return new StripeApiError(500, { type: "api_error", message });
}
