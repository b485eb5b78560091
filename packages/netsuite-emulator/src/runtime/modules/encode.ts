/**
 * N/encode (Oracle: "N/encode Module", "encode.convert(options)"). Runs in the worker with Node's
 * Buffer: this is the emulator's code, not the script's.
 */
import { NsError, unsupported } from "../../errors.js";
import type { ScriptEnv } from "../env.js";
import { enumOf, options, required } from "./util.js";

export const Encoding = enumOf({
  BASE_16: "BASE_16",
  BASE_32: "BASE_32",
  BASE_64: "BASE_64",
  BASE_64_URL_SAFE: "BASE_64_URL_SAFE",
  HEX: "HEX",
  ISO_8859_1: "ISO_8859_1",
  UTF_8: "UTF_8",
  WINDOWS_1252: "WINDOWS_1252",
});

function decode(input: string, encoding: string): Buffer {
  switch (encoding) {
    case "UTF_8":
      return Buffer.from(input, "utf8");
    case "BASE_64":
      return Buffer.from(input, "base64");
    case "BASE_64_URL_SAFE":
      return Buffer.from(input, "base64url");
    case "HEX":
    case "BASE_16":
      return Buffer.from(input, "hex");
    case "ISO_8859_1":
      return Buffer.from(input, "latin1");
    default:
      throw unsupported(`N/encode.convert(${encoding})`);
  }
}

/**
 * BASE_64_URL_SAFE keeps the `=` padding (Java's URL-safe encoder, which NetSuite's server side
 * uses, pads by default; Oracle's page does not say).
 */
function encode(bytes: Buffer, encoding: string): string {
  switch (encoding) {
    case "UTF_8":
      return bytes.toString("utf8");
    case "BASE_64":
      return bytes.toString("base64");
    case "BASE_64_URL_SAFE":
      return bytes.toString("base64").replace(/\+/g, "-").replace(/\//g, "_");
    case "HEX":
    case "BASE_16":
      return bytes.toString("hex");
    case "ISO_8859_1":
      return bytes.toString("latin1");
    default:
      throw unsupported(`N/encode.convert(${encoding})`);
  }
}

const KNOWN = new Set<string>(Object.values(Encoding));

export function createEncodeModule(_env: ScriptEnv): Record<string, unknown> {
  return {
    Encoding,
    convert(arg: unknown): string {
      const opts = options(arg);
      if (typeof opts.string !== "string") required(opts, "string", "encode.convert");
      const input = String(opts.string);
      const from = String(required(opts, "inputEncoding", "encode.convert"));
      const to = String(required(opts, "outputEncoding", "encode.convert"));
      for (const enc of [from, to]) {
        if (!KNOWN.has(enc)) throw new NsError("INVALID_ENCODING", `encode.convert: unknown encoding ${enc}`);
      }
      return encode(decode(input, from), to);
    },
  };
}
