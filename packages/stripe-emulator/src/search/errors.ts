// The invalid_request_error bodies a search can fail with. Provenance of each wording:
// - "confirmed": the prefix was asserted against live Stripe by stripe-ruby-mock's `:live` specs
//   (spec/shared_stripe_examples/{price,product}_examples.rb); the remainder of the sentence is
//   stripe-ruby-mock's copy of the full message (lib/stripe_mock/request_handlers/helpers/search_helpers.rb).
// - "ours": no real response found; written in Stripe's style from the rule the docs state.
import type { StripeErrorBody } from "@nss/stripe-spec";

function queryError(message: string): StripeErrorBody {
  return { type: "invalid_request_error", message, param: "query" };
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

  /** Ours, from the docs: "You can't combine AND and OR in the same query." */
  mixedAndOr(): StripeErrorBody {
    return queryError(
      "We were unable to parse your search query. You can't combine AND and OR in the same query.",
    );
  },

  /** Ours, from the docs: "You can combine up to 10 query clauses in a search." */
  tooManyClauses(count: number, max: number): StripeErrorBody {
    return queryError(
      `Your search query has ${count} clauses, but you can combine up to ${max} query clauses in a search.`,
    );
  },

  /** Ours, from the docs: "Using an unsupported operator ... returns an error." */
  unsupportedOperator(operator: string, field: string, resource: string): StripeErrorBody {
    return queryError(
      `The operator \`${operator}\` is not supported for field \`${field}\`. ` +
        `See ${fieldsAnchor(resource)} for the operators each field supports.`,
    );
  },

  /** Ours, from the docs: "substrings must be a minimum of 3 characters". */
  substringTooShort(field: string, value: string): StripeErrorBody {
    return queryError(
      `Substring searches must be at least 3 characters long, but \`${field}~\` was given "${value}".`,
    );
  },

  /** Ours: a numeric field compared with something that is not a number. */
  notANumber(field: string, value: string): StripeErrorBody {
    return queryError(`Field \`${field}\` is numeric, but "${value}" is not a number.`);
  },

  /** Ours: `null` only tests presence, so it takes `:` and nothing else. */
  nullNeedsColon(field: string, operator: string): StripeErrorBody {
    return queryError(
      `The value \`null\` can only be used with the \`:\` operator (\`${field}:null\`), not with \`${operator}\`.`,
    );
  },
};

/** Ours: Stripe's numeric-range wording for list limits, from memory; not found in a real response. */
export function limitError(limit: number): StripeErrorBody {
  const message = !Number.isInteger(limit)
    ? `Invalid integer: ${limit}`
    : limit < 1
      ? "This value must be greater than or equal to 1."
      : "This value must be less than or equal to 100.";
  return { type: "invalid_request_error", message, param: "limit" };
}

/** Ours: Stripe's cursors are opaque; no real wording for a bad one was found. */
export function pageError(reason: "malformed" | "other_query"): StripeErrorBody {
  const message =
    reason === "malformed"
      ? "Invalid page: this is not a cursor returned by this API. " +
        "Use the `next_page` value from a previous search response."
      : "Invalid page: this cursor was returned for a different search query. " +
        "Use `next_page` only with the query it came from.";
  return { type: "invalid_request_error", message, param: "page" };
}
