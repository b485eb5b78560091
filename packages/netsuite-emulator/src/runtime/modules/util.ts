/**
 * Helpers shared by the N/* modules: options handling as SuiteScript does it, required-argument
 * checks, frozen enums and members the emulator does not implement.
 */
import { missingArgument, unsupported } from "../../errors.js";

export type Options = Record<string, unknown>;

/** SuiteScript methods take one options object; many also accept a bare first argument (`getValue("email")`). */
export function options(arg: unknown, shorthand?: string): Options {
  if (arg !== null && typeof arg === "object" && !Array.isArray(arg)) return arg as Options;
  if (shorthand !== undefined && arg !== undefined) return { [shorthand]: arg };
  return {};
}

/** `SSS_MISSING_REQD_ARGUMENT` when an argument is undefined, null or an empty string. */
export function required<T = unknown>(opts: Options, name: string, member: string): T {
  const value = opts[name];
  if (value === undefined || value === null || value === "") throw missingArgument(member, `options.${name}`);
  return value as T;
}

export function optionalString(opts: Options, name: string): string | undefined {
  const value = opts[name];
  return value === undefined || value === null ? undefined : String(value);
}

/** NetSuite's enums are frozen objects: writing to one fails. */
export function enumOf<T extends Record<string, string>>(values: T): Readonly<T> {
  return Object.freeze({ ...values });
}

/** A member that exists and throws `UNSUPPORTED_BY_EMULATOR: <member>` when called. */
export function notSupported(member: string): () => never {
  return () => {
    throw unsupported(member);
  };
}

/** Adds throwing stubs for each of `members` (`copy` → throws `N/record.copy`). */
export function withUnsupported<T extends object>(target: T, prefix: string, members: readonly string[]): T {
  for (const member of members) {
    Object.defineProperty(target, member, {
      value: notSupported(`${prefix}.${member}`),
      enumerable: true,
      writable: false,
    });
  }
  return target;
}

/** The `.promise` forms that N modules have; the emulator runs server scripts synchronously. */
export function promiseUnsupported(fn: object, member: string): void {
  if (Object.hasOwn(fn, "promise")) return;
  Object.defineProperty(fn, "promise", { value: notSupported(`${member}.promise`), enumerable: false });
}
