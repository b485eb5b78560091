/**
 * NetSuite's SuiteScriptError as scripts see it: `name` is the error code (`RCRD_DSNT_EXIST`,
 * `INVALID_FLD_VALUE`, `SSS_MISSING_REQD_ARGUMENT`, `SSS_USAGE_LIMIT_EXCEEDED`, …), `message` the text,
 * plus `id`, `type: "error.SuiteScriptError"` and `notifyOff`. It crosses threads as plain data
 * (`toPlain`/`fromPlain`), so a script running in a worker catches the same error the main thread threw.
 */
export interface PlainNsError {
  name: string;
  message: string;
  id: string;
  cause?: unknown;
  notifyOff: boolean;
  userEvent?: string | null;
}

export class NsError extends Error {
  readonly type = "error.SuiteScriptError";
  readonly id: string;
  readonly notifyOff: boolean;
  override readonly cause?: unknown;

  constructor(
    name: string,
    message: string,
    options: { id?: string; cause?: unknown; notifyOff?: boolean } = {},
  ) {
    super(message);
    this.name = name;
    this.id = options.id ?? "";
    this.notifyOff = options.notifyOff ?? false;
    if (options.cause !== undefined) this.cause = options.cause;
  }

  toPlain(): PlainNsError {
    return {
      name: this.name,
      message: this.message,
      id: this.id,
      notifyOff: this.notifyOff,
      ...(this.cause !== undefined ? { cause: this.cause } : {}),
    };
  }

  static fromPlain(plain: PlainNsError): NsError {
    return new NsError(plain.name, plain.message, {
      id: plain.id,
      notifyOff: plain.notifyOff,
      ...(plain.cause !== undefined ? { cause: plain.cause } : {}),
    });
  }

  /** `JSON.stringify(e)` in NetSuite gives `{"type":"error.SuiteScriptError","name":…}`. */
  toJSON(): Record<string, unknown> {
    return {
      type: this.type,
      name: this.name,
      message: this.message,
      id: this.id,
      stack: this.stack,
      notifyOff: this.notifyOff,
    };
  }
}

/** Anything the emulator does not implement: loud, never a silent no-op. */
export function unsupported(member: string): NsError {
  return new NsError("UNSUPPORTED_BY_EMULATOR", `UNSUPPORTED_BY_EMULATOR: ${member}`);
}

export function missingArgument(member: string, argument: string): NsError {
  return new NsError("SSS_MISSING_REQD_ARGUMENT", `${member}: Missing a required argument: ${argument}`);
}
