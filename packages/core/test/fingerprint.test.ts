import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CanonicalValue, canonicalJson, fingerprint } from "../src/fingerprint.js";

/** The same value with the keys of every object in a different order (reversed or rotated). */
function reorder(value: CanonicalValue, rotate: number): CanonicalValue {
  if (Array.isArray(value)) return value.map((item) => reorder(item, rotate));
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value);
  const shift = entries.length === 0 ? 0 : rotate % entries.length;
  const moved = [...entries.slice(shift), ...entries.slice(0, shift)].reverse();
  // fromEntries defines own properties, so a "__proto__" key stays data.
  return Object.fromEntries(moved.map(([k, v]) => [k, reorder(v, rotate + 1)]));
}

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

describe("canonicalJson", () => {
  it("sorts keys at every depth, keeps array order, drops undefined, adds no whitespace", () => {
    const value = { b: 1, a: { d: [3, { z: true, y: null }], c: "x" }, e: undefined, "": "" };
    expect(canonicalJson(value)).toBe('{"":"","a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}');
  });

  it("follows JSON.stringify for arrays, numbers and strings", () => {
    expect(canonicalJson([undefined, Number.NaN, Number.POSITIVE_INFINITY, -0, 1.5e21])).toBe(
      "[null,null,null,0,1.5e+21]",
    );
    expect(canonicalJson('é"\n\u2028')).toBe(JSON.stringify('é"\n\u2028'));
    expect(canonicalJson(undefined)).toBe("null");
    expect(canonicalJson([])).toBe("[]");
    expect(canonicalJson({})).toBe("{}");
  });

  it("treats an undefined property as absent but an empty string as a value", () => {
    expect(canonicalJson({ a: undefined })).toBe(canonicalJson({}));
    expect(canonicalJson({ a: "" })).not.toBe(canonicalJson({}));
  });

  it("is JSON of the same value, and its own canonical form", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const sorted = JSON.parse(canonicalJson(value as CanonicalValue)) as CanonicalValue;
        expect(canonicalJson(sorted)).toBe(canonicalJson(value as CanonicalValue));
        expect(JSON.parse(canonicalJson(value as CanonicalValue))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});

describe("fingerprint", () => {
  it("is v1: and the SHA-256 of the canonical JSON, as UTF-8", () => {
    expect(fingerprint({})).toBe("v1:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
    const value = { name: "Ærøskøbing AS 😀", address: { city: "Oslo", line1: "" } };
    expect(fingerprint(value)).toBe(
      `v1:${sha256('{"address":{"city":"Oslo","line1":""},"name":"Ærøskøbing AS 😀"}')}`,
    );
  });

  it("never changes with key order", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(), (value, rotate) => {
        const v = value as CanonicalValue;
        expect(fingerprint(reorder(v, rotate))).toBe(fingerprint(v));
      }),
      { numRuns: 300 },
    );
  });

  it("always changes when a value changes", () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.jsonValue(), { minKeys: 1 }),
        fc.nat(),
        fc.jsonValue(),
        (params, pick, replacement) => {
          const keys = Object.keys(params);
          const key = keys[pick % keys.length] as string;
          const old = params[key] as CanonicalValue;
          fc.pre(canonicalJson(replacement as CanonicalValue) !== canonicalJson(old));
          const changed = Object.fromEntries(
            Object.entries(params).map(([k, v]) => [k, k === key ? replacement : v]),
          );
          expect(fingerprint(changed as CanonicalValue)).not.toBe(fingerprint(params as CanonicalValue));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("changes when a nested value changes", () => {
    expect(fingerprint({ address: { city: "Oslo" } })).not.toBe(fingerprint({ address: { city: "Bergen" } }));
    expect(fingerprint({ locales: ["nb", "en"] })).not.toBe(fingerprint({ locales: ["en", "nb"] }));
    expect(fingerprint({ n: 1 })).not.toBe(fingerprint({ n: "1" }));
  });
});
