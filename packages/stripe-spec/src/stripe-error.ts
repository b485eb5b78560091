/**
 * Stripe's invalid_request_error bodies, worded as the real API words them. Sources for each
 * message are given beside it ("confirmed": seen in a real API response quoted in a public issue;
 * "assumed": no real example found, wording modelled on the confirmed ones).
 */
export interface StripeErrorBody {
  type: "invalid_request_error";
  message: string;
  param?: string;
  code?: string;
  doc_url?: string;
}

/** A failed check: the HTTP status Stripe answers with and the `error` object of its body. */
export interface StripeFailure {
  ok: false;
  status: number;
  error: StripeErrorBody;
}

/** A parameter's position: top-level name, then hash keys and array indexes. */
export type ParamPath = readonly (string | number)[];

/** `["address", "city"]` → `address[city]`: the form Stripe uses in `param` and messages. */
export function paramName(path: ParamPath): string {
  const [head, ...rest] = path;
  return `${String(head ?? "")}${rest.map((key) => `[${String(key)}]`).join("")}`;
}

function fail(message: string, param?: string, code?: string): StripeFailure {
  const error: StripeErrorBody = { type: "invalid_request_error", message };
  if (param !== undefined) error.param = param;
  if (code !== undefined) {
    error.code = code;
    error.doc_url = `https://stripe.com/docs/error-codes/${code.replaceAll("_", "-")}`;
  }
  return { ok: false, status: 400, error };
}

/**
 * How Stripe (a Ruby service) prints a bad value: strings as-is, hashes and arrays in Ruby's
 * inspect form (`Invalid string: {"number"=>"4242"}`, confirmed in stripe/stripe-dotnet#178).
 */
export function inspectValue(value: unknown): string {
  if (typeof value === "string") return value;
  return rubyInspect(value);
}

function rubyInspect(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(rubyInspect).join(", ")}]`;
  if (typeof value === "object" && value !== null) {
    const pairs = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}=>${rubyInspect(v)}`);
    return `{${pairs.join(", ")}}`;
  }
  if (value === null || value === undefined) return "nil";
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

/** Long values are shortened to their first and last 10 characters, as in Stripe's too-long message. */
function shorten(text: string): string {
  return text.length > 20 ? `${text.slice(0, 10)}...${text.slice(-10)}` : text;
}

/** `a, b, or c`: Stripe's list style in enum errors. */
function oxfordList(values: readonly unknown[]): string {
  const words = values.map(String);
  if (words.length <= 2) return words.join(" or ");
  return `${words.slice(0, -1).join(", ")}, or ${words.at(-1)}`;
}

export const stripeErrors = {
  // Confirmed: "Received unknown parameter: shipping[address_validation]" (stripe/stripe-php#1725);
  // plural form "Received unknown parameters: address, name" (jonasbark/flutter_stripe_payment#270);
  // code parameter_unknown with its doc_url (same issue).
  unknownParameters(paths: readonly ParamPath[]): StripeFailure {
    const names = paths.map(paramName);
    const noun = names.length === 1 ? "parameter" : "parameters";
    return fail(`Received unknown ${noun}: ${names.join(", ")}`, names[0], "parameter_unknown");
  },

  // Confirmed: "Missing required param: ip." (code-corps/code-corps-api#606); code parameter_missing.
  missingParam(path: ParamPath): StripeFailure {
    return fail(`Missing required param: ${paramName(path)}.`, paramName(path), "parameter_missing");
  },

  // Confirmed: "Invalid integer: 10.0", param quantity, code parameter_invalid_integer
  // (beam-community/stripity-stripe#626; also "Invalid integer: 9175.2" in Debetux/opencart-stripe#10).
  invalidInteger(path: ParamPath, value: unknown): StripeFailure {
    return fail(`Invalid integer: ${inspectValue(value)}`, paramName(path), "parameter_invalid_integer");
  },

  // Not found: no `type: number` request parameter exists in the subset, and no real wording was
  // found, so the refusal says so rather than guessing Stripe's words.
  invalidNumber(path: ParamPath, value: unknown): StripeFailure {
    return fail(
      `UNSUPPORTED_BY_EMULATOR: Stripe's wording for a bad number is not known (${paramName(path)}: ${inspectValue(value)}).`,
      paramName(path),
    );
  },

  // Confirmed: "Invalid boolean: True", param closed, no code (stripe/stripe-python#487);
  // "Invalid boolean: 1" (cartalyst/stripe#218): only true/false are accepted.
  invalidBoolean(path: ParamPath, value: unknown): StripeFailure {
    return fail(`Invalid boolean: ${inspectValue(value)}`, paramName(path));
  },

  // Confirmed: "Invalid locale: must be one of auto, da, de, ..., sv, or zh" (enupal/stripe#41).
  // Assumed: the `''` "unset" value some enums include is not listed (no real example found).
  invalidEnum(path: ParamPath, allowed: readonly unknown[]): StripeFailure {
    const name = paramName(path);
    return fail(`Invalid ${name}: must be one of ${oxfordList(allowed.filter((v) => v !== ""))}`, name);
  },

  // Confirmed: "Invalid string: nnnnnnnnnn...nnnnnnnnnn; must be at most 30 characters"
  // (dev.classmethod.jp, Stripe invoice custom_fields). The 20-character shortening threshold is assumed.
  stringTooLong(path: ParamPath, value: string, maxLength: number): StripeFailure {
    return fail(
      `Invalid string: ${shorten(value)}; must be at most ${maxLength} characters`,
      paramName(path),
    );
  },

  // Confirmed: a hash where a string is expected gives `Invalid string: {"number"=>...}`
  // (stripe/stripe-dotnet#178).
  invalidString(path: ParamPath, value: unknown): StripeFailure {
    return fail(`Invalid string: ${inspectValue(value)}`, paramName(path));
  },

  // Confirmed: "Invalid hash" (stripe/stripe-ruby#761, a string sent where a hash is expected).
  invalidHash(path: ParamPath): StripeFailure {
    return fail("Invalid hash", paramName(path));
  },

  // Confirmed: "Invalid array", param expand (stripe/stripe-cli#47, `expand=x` without brackets).
  invalidArray(path: ParamPath): StripeFailure {
    return fail("Invalid array", paramName(path));
  },

  // Not found: Stripe's answer to a body its form parser rejects is not recorded anywhere we looked,
  // so the refusal says so rather than guessing Stripe's words.
  malformedBody(detail: string): StripeFailure {
    return fail(`UNSUPPORTED_BY_EMULATOR: Stripe's answer to this form body is not known (${detail}).`);
  },

  // Confirmed: "This property cannot be expanded (metadata)." (Valour-Software/Valour#1533) and
  // "(data)." with no param and no code: stripe-go printed the body with omitempty fields
  // (gitpod-io/gitpod#13035). On a list: "This property cannot be expanded (application). You may want
  // to try expanding 'data.application' instead." (stripe/stripe-python#316). Assumed: a refused deeper
  // segment shows the path up to it (`invoice_settings.foo`); no real example found.
  notExpandable(at: string, hint?: string): StripeFailure {
    const tail = hint === undefined ? "" : ` You may want to try expanding '${hint}' instead.`;
    return fail(`This property cannot be expanded (${at}).${tail}`);
  },

  // Rule: "Expansions have a maximum depth of four levels" (https://docs.stripe.com/api/expanding_objects).
  // Confirmed: "You cannot expand more than 4 levels of a property." (stripe/stripe-java#2011). The
  // " Property: <path>" tail and code property_expansion_max_depth are from Stripe errors logged in
  // public repositories' notes, not in an issue; no param seen.
  // No doc_url: the code is not on Stripe's error-codes page.
  expandTooDeep(path: string): StripeFailure {
    const message = `You cannot expand more than 4 levels of a property. Property: ${path}`;
    return {
      ok: false,
      status: 400,
      error: { type: "invalid_request_error", message, code: "property_expansion_max_depth" },
    };
  },

  // Confirmed: "Unrecognized request URL (GET: /v1/plans/). Please see https://stripe.com/docs or we
  // can help at https://support.stripe.com/." (stripe/stripe-dotnet#118, devgpt-labs/devgpt#70), and the
  // trailing-slash variant (exercism/website#7869). No param, no code; status 404.
  unrecognizedUrl(method: string, path: string): StripeFailure {
    const hint =
      path.length > 1 && path.endsWith("/")
        ? " If you are trying to list objects, remove the trailing slash. If you are trying to retrieve an object, make sure you passed a valid (non-empty) identifier in your code."
        : "";
    const message = `Unrecognized request URL (${method}: ${path}).${hint} Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`;
    return { ok: false, status: 404, error: { type: "invalid_request_error", message } };
  },
};
