import { describe, expect, it } from "vitest";
import { makeEnv } from "./helpers/module-env.js";

interface RandomModule {
  generateBytes(o: unknown): Uint8Array;
  generateInt(o: unknown): number;
  generateUUID(): string;
}

describe("N/crypto/random", () => {
  const random = makeEnv().module<RandomModule>("N/crypto/random");

  it("generates bytes, bounded integers and UUIDs", () => {
    const bytes = random.generateBytes({ size: 16 });
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(bytes).toHaveLength(16);
    const seen = new Set<number>();
    for (let i = 0; i < 200; i++) {
      const n = random.generateInt({ min: 1, max: 3 });
      expect(n).toBeGreaterThanOrEqual(1);
      expect(n).toBeLessThanOrEqual(3);
      seen.add(n);
    }
    expect([...seen].sort()).toEqual([1, 2, 3]);
    expect(random.generateUUID()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it("checks arguments", () => {
    expect(() => random.generateBytes({})).toThrow(
      expect.objectContaining({ name: "SSS_MISSING_REQD_ARGUMENT" }),
    );
    expect(() => random.generateInt({ min: 1 })).toThrow(
      expect.objectContaining({ name: "SSS_MISSING_REQD_ARGUMENT" }),
    );
    expect(() => random.generateInt({ min: 5, max: 1 })).toThrow(
      expect.objectContaining({ name: "INVALID_RANGE" }),
    );
  });
});
