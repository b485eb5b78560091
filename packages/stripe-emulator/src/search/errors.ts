// The invalid_request_error bodies a search can fail with. Provenance of each wording:
// - "confirmed": the prefix was asserted against live Stripe by stripe-ruby-mock's `:live` specs
//   (spec/shared_stripe_examples/{price,product}_examples.rb); the remainder of the sentence is
//   stripe-ruby-mock's copy of the full message (lib/stripe_mock/request_handlers/helpers/search_helpers.rb).
// - otherwise no real response was found: the refusal begins UNSUPPORTED_BY_EMULATOR.
import type { StripeErrorBody } from "@nss/stripe-spec";

function queryError(message: string): StripeErrorBody {
  return { type: "invalid_request_error", message, param: "query" };
}

function unsupported(what: string): StripeErrorBody {
  return queryError(`UNSUPPORTED_BY_EMULATOR: ${what}`);
}

function fieldsAnchor(resource: string): string {
  return `http://stripe.com/docs/search#query-fields-for-${resource.replace(/_/g, "-")}`;
}

export const searchErrors = {
  /** Confirmed: any query the grammar cannot read (`asdf`, unquoted strings, stray keywords). */
  unparsable(): StripeErrorBody {
    return queryError(
      "We were unable to parse your search query. Try using the format " +
        '`metadata["key"]:"value"` to query for metadata or key:"value" to query for other fields.',
    );
  },

  /** Confirmed: a field that is not in the resource's list. */
  unsupportedField(field: string, resource: string): StripeErrorBody {
    return queryError(
      `Field \`${field}\` is an unsupported search field for resource \`${resource}\`. ` +
        `See ${fieldsAnchor(resource)} for a list of supported fields.`,
    );
  },

  // Below, Stripe's docs state the rule (https://docs.stripe.com/search) but no real response was
  // found: the refusal says so (UNSUPPORTED_BY_EMULATOR) rather than guessing Stripe's words.

  /** Docs: "You can't combine AND and OR in the same query." */
  mixedAndOr(): StripeErrorBody {
    return unsupported("a query with both AND and OR: Stripe refuses it (docs.stripe.com/search).");
  },

  /** Docs: "You can combine up to 10 query clauses in a search." */
  tooManyClauses(count: number, max: number): StripeErrorBody {
    return unsupported(`a query with ${count} clauses: Stripe takes up to ${max} (docs.stripe.com/search).`);
  },

  /** Docs: "Using an unsupported operator ... returns an error." */
  unsupportedOperator(operator: string, field: string, resource: string): StripeErrorBody {
    return unsupported(
      `the operator \`${operator}\` on field \`${field}\`: Stripe refuses it (${fieldsAnchor(resource)}).`,
    );
  },

  /** Docs: "substrings must be a minimum of 3 characters". */
  substringTooShort(field: string, value: string): StripeErrorBody {
    return unsupported(
      `\`${field}~\` with "${value}": Stripe's substring search needs at least 3 characters (docs.stripe.com/search).`,
    );
  },

  /** Not in the docs: a numeric field compared with something that is not a number. */
  notANumber(field: string, value: string): StripeErrorBody {
    return unsupported(`field \`${field}\` is numeric, but "${value}" is not a number.`);
  },

  /** Not in the docs: `null` only tests presence, so the emulator takes it with `:` only. */
  nullNeedsColon(field: string, operator: string): StripeErrorBody {
    return unsupported(
      `\`null\` with \`${operator}\` (\`${field}\`): the emulator takes \`null\` with \`:\` only.`,
    );
  },
};

/**
 * `limit` out of 1..100. Under 1: Stripe's wording for a number under its minimum, 400
 * (stripe/stripe-php#943); a non-integer: "Invalid integer: 10.0" (beam-community/stripity-stripe#626).
 * Over 100: Stripe's answer was not found.
 */
export function limitError(limit: number): StripeErrorBody {
  if (!Number.isInteger(limit))
    return { type: "invalid_request_error", message: `Invalid integer: ${limit}`, param: "limit" };
  if (limit < 1)
    return {
      type: "invalid_request_error",
      message: "This value must be greater than or equal to 1.",
      param: "limit",
    };
  return {
    type: "invalid_request_error",
    message: `UNSUPPORTED_BY_EMULATOR: limit ${limit}: Stripe documents 1 to 100; its answer to more is not known.`,
    param: "limit",
  };
}

/** Stripe's page tokens are opaque: its answer to one it did not issue was not found. */
export function pageError(reason: "malformed" | "other_query"): StripeErrorBody {
  const message =
    reason === "malformed"
      ? "UNSUPPORTED_BY_EMULATOR: a page token the emulator did not issue (use `next_page` from a previous search response)."
      : "UNSUPPORTED_BY_EMULATOR: a page token issued for a different search query (use `next_page` only with the query it came from).";
  return { type: "invalid_request_error", message, param: "page" };
}
