import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { utf8Encode, utf8Length } from "../src/utf8.js";

const reference = (text: string): number[] => Array.from(new TextEncoder().encode(text));

/** Strings of raw UTF-16 code units, biased towards surrogates so lone and reversed halves are common. */
const codeUnitStrings = fc
  .array(
    fc.oneof(
      fc.integer({ min: 0, max: 0xffff }),
      fc.integer({ min: 0xd800, max: 0xdfff }),
      fc.integer({ min: 0, max: 0x7f }),
    ),
    { maxLength: 40 },
  )
  .map((units) => String.fromCharCode(...units));

describe("utf8Encode", () => {
  it.each([
    ["", []],
    ["A", [0x41]],
    ["\u007f", [0x7f]],
    ["\u0080", [0xc2, 0x80]],
    ["é", [0xc3, 0xa9]],
    ["\u07ff", [0xdf, 0xbf]],
    ["\u0800", [0xe0, 0xa0, 0x80]],
    ["€", [0xe2, 0x82, 0xac]],
    ["\uffff", [0xef, 0xbf, 0xbf]],
    ["😀", [0xf0, 0x9f, 0x98, 0x80]],
    ["\u{10ffff}", [0xf4, 0x8f, 0xbf, 0xbf]],
    ["\ud800", [0xef, 0xbf, 0xbd]],
    ["\udc00", [0xef, 0xbf, 0xbd]],
    ["a\ud83d", [0x61, 0xef, 0xbf, 0xbd]],
    ["\ude00\ud83d", [0xef, 0xbf, 0xbd, 0xef, 0xbf, 0xbd]],
    ["\ud83d\ud83d\ude00", [0xef, 0xbf, 0xbd, 0xf0, 0x9f, 0x98, 0x80]],
  ])("encodes %j", (text, bytes) => {
    expect(Array.from(utf8Encode(text))).toEqual(bytes);
    expect(utf8Length(text)).toBe(bytes.length);
  });

  it("returns a Uint8Array", () => {
    expect(utf8Encode("x")).toBeInstanceOf(Uint8Array);
  });

  it("matches TextEncoder on any string of code points", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), (text) => {
        expect(Array.from(utf8Encode(text))).toEqual(reference(text));
        expect(utf8Length(text)).toBe(reference(text).length);
      }),
      { numRuns: 500 },
    );
  });

  it("matches TextEncoder on any sequence of UTF-16 code units, lone surrogates included", () => {
    fc.assert(
      fc.property(codeUnitStrings, (text) => {
        expect(Array.from(utf8Encode(text))).toEqual(reference(text));
        expect(utf8Length(text)).toBe(reference(text).length);
      }),
      { numRuns: 500 },
    );
  });
});
