/** NetSuite's SuiteScriptError as client scripts see it (name = code), and the emulator's refusals. */

export class NsError extends Error {
  readonly type = "error.SuiteScriptError";
  readonly id = "";
  readonly notifyOff: boolean;

  constructor(name: string, message: string, notifyOff = false) {
    super(message);
    this.name = name;
    this.notifyOff = notifyOff;
  }

  override toString(): string {
    return `${this.name}: ${this.message}`;
  }

  toJSON(): Record<string, unknown> {
    return {
      type: this.type,
      name: this.name,
      message: this.message,
      id: this.id,
      notifyOff: this.notifyOff,
    };
  }
}

export function unsupported(member: string): NsError {
  return new NsError("UNSUPPORTED_BY_EMULATOR", `UNSUPPORTED_BY_EMULATOR: ${member} in the browser`);
}

export function missingArgument(member: string, argument: string): NsError {
  return new NsError("SSS_MISSING_REQD_ARGUMENT", `${member}: Missing a required argument: ${argument}`);
}

/** `fn({a: 1})` or `fn("a")`: SuiteScript methods take an options object, some also a bare first argument. */
export function options(arg: unknown, bareKey?: string): Record<string, unknown> {
  if (arg !== null && typeof arg === "object") return arg as Record<string, unknown>;
  if (bareKey && arg !== undefined) return { [bareKey]: arg };
  return {};
}

export function required(opts: Record<string, unknown>, key: string, member: string): unknown {
  const value = opts[key];
  if (value === undefined || value === null || value === "") throw missingArgument(member, key);
  return value;
}
