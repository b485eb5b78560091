/**
 * A pure UTF-8 encoder. SuiteScript has no TextEncoder, and @noble/hashes' own `utf8ToBytes` calls it,
 * so everything core hashes or signs goes through here instead.
 */

const REPLACEMENT_CHARACTER = 0xfffd;

/** Encodes a string as UTF-8 exactly as `new TextEncoder().encode(text)` does (lone surrogates → U+FFFD). */
export function utf8Encode(text: string): Uint8Array {
  // Two passes (measure, then fill) so the output is allocated once at its exact size.
  const bytes = new Uint8Array(utf8Length(text));
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    const codePoint = codePointAt(text, i);
    if (codePoint > 0xffff) i++; // the low surrogate was consumed with its pair
    if (codePoint < 0x80) {
      bytes[at++] = codePoint;
    } else if (codePoint < 0x800) {
      bytes[at++] = 0xc0 | (codePoint >> 6);
      bytes[at++] = 0x80 | (codePoint & 0x3f);
    } else if (codePoint < 0x10000) {
      bytes[at++] = 0xe0 | (codePoint >> 12);
      bytes[at++] = 0x80 | ((codePoint >> 6) & 0x3f);
      bytes[at++] = 0x80 | (codePoint & 0x3f);
    } else {
      bytes[at++] = 0xf0 | (codePoint >> 18);
      bytes[at++] = 0x80 | ((codePoint >> 12) & 0x3f);
      bytes[at++] = 0x80 | ((codePoint >> 6) & 0x3f);
      bytes[at++] = 0x80 | (codePoint & 0x3f);
    }
  }
  return bytes;
}

/** The number of bytes `utf8Encode(text)` returns, without encoding (for size limits). */
export function utf8Length(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const codePoint = codePointAt(text, i);
    if (codePoint > 0xffff) {
      i++;
      length += 4;
    } else {
      length += codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : 3;
    }
  }
  return length;
}

/** The code point starting at UTF-16 index `i`; a surrogate without its partner reads as U+FFFD. */
function codePointAt(text: string, i: number): number {
  const unit = text.charCodeAt(i);
  if (unit < 0xd800 || unit > 0xdfff) return unit;
  if (unit <= 0xdbff && i + 1 < text.length) {
    const next = text.charCodeAt(i + 1);
    if (next >= 0xdc00 && next <= 0xdfff) return 0x10000 + ((unit - 0xd800) << 10) + (next - 0xdc00);
  }
  return REPLACEMENT_CHARACTER;
}
