/**
 * N/crypto/random (Oracle: "N/crypto/random Module": generateBytes, generateInt, generateUUID).
 * node:crypto is the emulator's own code in the worker, not the script's.
 */
import { randomBytes, randomInt, randomUUID } from "node:crypto";
import { NsError } from "../../errors.js";
import type { ScriptEnv } from "../env.js";
import { options, required } from "./util.js";

export function createRandomModule(_env: ScriptEnv): Record<string, unknown> {
  return {
    generateBytes(arg: unknown): Uint8Array {
      const size = Number(required(options(arg, "size"), "size", "random.generateBytes"));
      if (!Number.isInteger(size) || size < 1) {
        throw new NsError(
          "INVALID_SIZE",
          `random.generateBytes: size must be a positive integer, got ${size}`,
        );
      }
      return new Uint8Array(randomBytes(size));
    },
    /** Both bounds inclusive. */
    generateInt(arg: unknown): number {
      const opts = options(arg);
      const min = Number(required(opts, "min", "random.generateInt"));
      const max = Number(required(opts, "max", "random.generateInt"));
      if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min > max) {
        throw new NsError("INVALID_RANGE", `random.generateInt: invalid range ${min}..${max}`);
      }
      return randomInt(min, max + 1);
    },
    generateUUID(): string {
      return randomUUID();
    },
  };
}
