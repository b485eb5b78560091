/**
 * The `application/x-www-form-urlencoded` body Stripe's v1 API takes, byte for byte what stripe-node
 * 23 sends for the same parameters (its `queryStringifyRequestData`): nested objects as bracket keys,
 * arrays indexed, brackets left literal. The same string serves as the query of a GET.
 */

/** A request parameter: `''` unsets a field in Stripe, `undefined` leaves it out. */
export type FormValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | readonly FormValue[]
  | { readonly [key: string]: FormValue };

/** Request parameters, keyed by Stripe parameter name. */
export type FormParams = { readonly [key: string]: FormValue };

/** Encodes parameters as Stripe expects them: `address[city]=Oslo&preferred_locales[0]=nb`. */
export function encodeForm(params: FormParams): string {
  const pairs: string[] = [];
  const add = (key: string, value: FormValue): void => {
    if (value === undefined) return;
    if (value === null || typeof value !== "object") {
      // null is sent as '' like stripe-node does, which unsets the field.
      pairs.push(`${encodeFormComponent(key)}=${encodeFormComponent(value === null ? "" : String(value))}`);
    } else if (isArray(value)) {
      for (let i = 0; i < value.length; i++) add(`${key}[${i}]`, value[i]);
    } else {
      for (const k of Object.keys(value)) add(`${key}[${k}]`, value[k]);
    }
  };
  for (const key of Object.keys(params)) add(key, params[key]);
  return pairs.join("&");
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * encodeURIComponent plus the characters `qs` also escapes (`! * ( ) '`), with brackets kept
 * literal for readability as stripe-node does (Stripe accepts both). A lone surrogate, on which
 * encodeURIComponent (and so stripe-node) throws, is sent as U+FFFD, as any UTF-8 encoder would.
 */
export function encodeFormComponent(text: string): string {
  return encodeURIComponent(text.replace(LONE_SURROGATE, "\uFFFD"))
    .replace(/[!*()']/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%5B/g, "[")
    .replace(/%5D/g, "]");
}

// Array.isArray does not narrow readonly arrays out of a union.
function isArray(value: FormValue): value is readonly FormValue[] {
  return Array.isArray(value);
}
