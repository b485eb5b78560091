/**
 * Refusals at the HTTP level, before any parameter is read: the `Stripe-Version` header, the body's
 * encoding, and headers or places for parameters that the emulator does not model. Each rule cites
 * where Stripe's behaviour was read; what could not be sourced answers UNSUPPORTED_BY_EMULATOR.
 */
import { StripeApiError, unsupported } from "./errors.js";
import { DEFAULT_API_VERSION } from "./events.js";

export interface ProtocolRequest {
  method: string;
  path: string;
  query: string;
  body: string;
  headers: Record<string, string | undefined>;
}

export interface ProtocolOptions {
  /** Refuse (UNSUPPORTED_BY_EMULATOR) a well-formed `Stripe-Version` other than the contract's. */
  strictApiVersion?: boolean;
}

/**
 * `2023-08-16`, or with a release name since 2024-09-30.acacia (https://docs.stripe.com/api-versions).
 * Anything else is not a Stripe version: "Invalid Stripe API version: 2019-2-19"
 * (stripe/stripe-java#682), "2019-12-03, 2019-12-03" for a header sent twice
 * (beam-community/stripity-stripe#606).
 */
const VERSION = /^(\d{4})-(\d{2})-(\d{2})(?:\.[a-z]+)?$/;

/** The first refusal a request earns at the HTTP level, or undefined. */
export function protocolRefusal(
  request: ProtocolRequest,
  options: ProtocolOptions = {},
): StripeApiError | undefined {
  return (
    versionRefusal(request.headers["stripe-version"], options) ??
    connectRefusal(request.headers) ??
    placementRefusal(request) ??
    contentTypeRefusal(request)
  );
}

function versionRefusal(value: string | undefined, options: ProtocolOptions): StripeApiError | undefined {
  if (value === undefined || value === "") return undefined;
  const base = value.split(";", 1)[0]?.trim() ?? "";
  if (value.includes(";") && isVersion(base)) {
    // Preview flags (`2020-08-27;name_beta=v1`) name features the emulator does not have.
    return unsupported(`Stripe-Version preview flags (${value}).`);
  }
  if (!isVersion(value)) {
    // Status 400 assumed (an invalid_request_error); the recorded messages carry no param or code.
    return new StripeApiError(400, {
      type: "invalid_request_error",
      message: `Invalid Stripe API version: ${value}`,
    });
  }
  if (options.strictApiVersion && value !== DEFAULT_API_VERSION) {
    return unsupported(
      `Stripe-Version ${value}: the emulator answers in API version ${DEFAULT_API_VERSION} only.`,
    );
  }
  return undefined;
}

/** A well-formed version whose date exists. Whether Stripe released that version is not checked. */
function isVersion(value: string): boolean {
  const match = VERSION.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Connect (acting as a connected account) is not modelled: answering as the platform would mislead. */
function connectRefusal(headers: Record<string, string | undefined>): StripeApiError | undefined {
  if (headers["stripe-account"] !== undefined) return unsupported("the Stripe-Account header (Connect).");
  if (headers["stripe-context"] !== undefined) return unsupported("the Stripe-Context header.");
  return undefined;
}

/**
 * The emulator reads POST parameters from the body and GET and DELETE ones from the query string (as
 * the stripe SDKs send them); parameters elsewhere would be silently dropped, so they are refused.
 */
function placementRefusal(request: ProtocolRequest): StripeApiError | undefined {
  if (request.method === "POST" && request.query !== "") {
    return unsupported("a query string on a POST: the emulator reads POST parameters from the body only.");
  }
  // Other methods (PUT, PATCH…) fall through to Stripe's "Unrecognized request URL".
  if ((request.method === "GET" || request.method === "DELETE") && request.body !== "") {
    return unsupported(
      `a body on a ${request.method}: the emulator reads ${request.method} parameters from the query string only.`,
    );
  }
  return undefined;
}

/**
 * A POST body must be form-encoded: "Invalid request: unsupported Content-Type text/plain;
 * charset=utf-8. If error persists and you need assistance, please contact support@stripe.com."
 * (vapor-community/stripe#39, MarcinusX/flutter_stripe_demo#9, type invalid_request_error, no param or
 * code); with no Content-Type: "unsupported Content-Type ." (thephpleague/omnipay-stripe#197). The v1
 * API takes no JSON (stripe/stripe-cli#1277). Status 400 assumed. An empty body (no parameters) is
 * not checked: what Stripe says to its Content-Type is not recorded.
 */
function contentTypeRefusal(request: ProtocolRequest): StripeApiError | undefined {
  if (request.method !== "POST" || request.body === "") return undefined;
  const raw = request.headers["content-type"] ?? "";
  const media = raw.split(";", 1)[0]?.trim().toLowerCase() ?? "";
  if (media === "application/x-www-form-urlencoded") return undefined;
  if (media === "multipart/form-data") return unsupported("a multipart/form-data body.");
  return new StripeApiError(400, {
    type: "invalid_request_error",
    message: `Invalid request: unsupported Content-Type ${raw}. If error persists and you need assistance, please contact support@stripe.com.`,
  });
}
