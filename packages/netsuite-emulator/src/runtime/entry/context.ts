/** Helpers the entry adapters share: NetSuite's iterators, value stringification, the map/reduce size limits. */
import { NsError } from "../../errors.js";

/**
 * `iterator().each(fn)` as in the map/reduce summaries: calls `fn` per entry while it returns true
 * (Oracle: "return true to continue the iteration").
 */
export function iterable<T extends unknown[]>(
  entries: readonly T[],
): { iterator(): { each(fn: unknown): void } } {
  return {
    iterator: () => ({
      each(fn: unknown) {
        if (typeof fn !== "function") {
          throw new NsError(
            "SSS_MISSING_REQD_ARGUMENT",
            "iterator().each: Missing a required argument: iteratorFunction",
          );
        }
        for (const entry of entries) {
          if (fn(...entry) !== true) break;
        }
      },
    }),
  };
}

/** Keys and values are persisted as strings; objects go through JSON.stringify (Oracle: "mapContext.write(options)"). */
export function stringify(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === undefined) return "undefined";
  const json = JSON.stringify(value);
  return json === undefined ? String(value) : json;
}

/**
 * Oracle, "SuiteScript Governance and Limits": keys over 3,000 characters fail with
 * KEY_LENGTH_IS_OVER_3000_BYTES, values over 10 MB with VALUE_LENGTH_IS_OVER_10_MB. (The
 * mapContext.key page says 4,000 bytes and reduceContext.values 1 MB; the governance page names the errors.)
 */
export const MAX_KEY_LENGTH = 3000;
export const MAX_VALUE_BYTES = 10 * 1024 * 1024;

export function checkPair(key: string, value: string): void {
  if (key.length > MAX_KEY_LENGTH) {
    throw new NsError(
      "KEY_LENGTH_IS_OVER_3000_BYTES",
      `The key is ${key.length} characters long; map/reduce keys are limited to 3,000 characters.`,
    );
  }
  if (Buffer.byteLength(value, "utf8") > MAX_VALUE_BYTES) {
    throw new NsError(
      "VALUE_LENGTH_IS_OVER_10_MB",
      "The value is larger than 10 MB, the map/reduce limit for a value.",
    );
  }
}

/** `write({key, value})` or `write(key, value)`; returns the pair as strings, checked. */
export function writeArgs(args: unknown[], member: string): [string, string] {
  let key: unknown;
  let value: unknown;
  const [first] = args;
  if (args.length === 1 && typeof first === "object" && first !== null) {
    ({ key, value } = first as { key?: unknown; value?: unknown });
  } else {
    [key, value] = args;
  }
  if (key === undefined || key === null) {
    throw new NsError("SSS_MISSING_REQD_ARGUMENT", `${member}: Missing a required argument: key`);
  }
  if (value === undefined) {
    throw new NsError("SSS_MISSING_REQD_ARGUMENT", `${member}: Missing a required argument: value`);
  }
  const pair: [string, string] = [stringify(key), stringify(value)];
  checkPair(...pair);
  return pair;
}

/** A frozen enum object, as NetSuite gives on contexts (`context.UserEventType`). */
export function frozen<T extends Record<string, string>>(values: T): Readonly<T> {
  return Object.freeze({ ...values });
}
