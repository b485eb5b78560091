/**
 * A small, strict XML reader for SDF files. SDF XML is plain: elements, attributes, text, CDATA (saved
 * search definitions), comments and the `<?xml?>` declaration. Anything else (DOCTYPE, stray `<`, mismatched
 * tags) is malformed and throws `XmlSyntaxError` with the line, so the loader can name file and position.
 */

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Concatenated text and CDATA content, trimmed. */
  text: string;
  line: number;
}

export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`${message} (line ${line})`);
    this.name = "XmlSyntaxError";
  }
}

const NAME = /[A-Za-z_][\w.-]*(?::[\w.-]+)?/y;
const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function parseXml(source: string): XmlElement {
  const src = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  let pos = 0;

  // Offsets where lines start, so each element's line is a binary search rather than a rescan.
  const lineStarts = [0];
  for (let i = src.indexOf("\n"); i >= 0; i = src.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  const lineAt = (at: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const fail = (message: string, at = pos): never => {
    throw new XmlSyntaxError(message, lineAt(at));
  };
  const decode = (raw: string, at: number): string =>
    raw.replace(/&([^;\s&]*);?/g, (whole, ref: string) => {
      if (!whole.endsWith(";")) fail(`unterminated entity "${whole}"`, at);
      if (ref.startsWith("#x")) return String.fromCodePoint(Number.parseInt(ref.slice(2), 16));
      if (ref.startsWith("#")) return String.fromCodePoint(Number.parseInt(ref.slice(1), 10));
      const named = ENTITIES[ref];
      if (named === undefined) return fail(`unknown entity "&${ref};"`, at);
      return named;
    });
  const readName = (): string => {
    NAME.lastIndex = pos;
    const m = NAME.exec(src);
    if (!m) return fail("expected a name");
    pos += m[0].length;
    return m[0];
  };
  const skipSpace = (): void => {
    while (pos < src.length && /\s/.test(src.charAt(pos))) pos++;
  };
  /** Skips comments, processing instructions and whitespace between elements. */
  const skipMisc = (): void => {
    for (;;) {
      skipSpace();
      if (src.startsWith("<!--", pos)) {
        const end = src.indexOf("-->", pos + 4);
        if (end < 0) fail("unterminated comment");
        pos = end + 3;
      } else if (src.startsWith("<?", pos)) {
        const end = src.indexOf("?>", pos + 2);
        if (end < 0) fail("unterminated processing instruction");
        pos = end + 2;
      } else if (src.startsWith("<!", pos)) {
        fail("DOCTYPE and other declarations are not supported in SDF files");
      } else return;
    }
  };

  const readElement = (): XmlElement => {
    const start = pos;
    if (src.charAt(pos) !== "<") fail("expected an element");
    pos++;
    const el: XmlElement = { name: readName(), attrs: {}, children: [], text: "", line: lineAt(start) };
    for (;;) {
      skipSpace();
      const c = src.charAt(pos);
      if (c === "/" && src.charAt(pos + 1) === ">") {
        pos += 2;
        return el;
      }
      if (c === ">") {
        pos++;
        break;
      }
      if (pos >= src.length) fail(`unterminated start tag <${el.name}>`, start);
      const attrAt = pos;
      const attr = readName();
      skipSpace();
      if (src.charAt(pos) !== "=") fail(`attribute "${attr}" of <${el.name}> has no value`);
      pos++;
      skipSpace();
      const quote = src.charAt(pos);
      if (quote !== '"' && quote !== "'") fail(`attribute "${attr}" of <${el.name}> is not quoted`);
      const end = src.indexOf(quote, pos + 1);
      if (end < 0) fail(`unterminated attribute "${attr}"`);
      if (attr in el.attrs) fail(`duplicate attribute "${attr}" on <${el.name}>`, attrAt);
      el.attrs[attr] = decode(src.slice(pos + 1, end), attrAt);
      pos = end + 1;
    }
    let text = "";
    for (;;) {
      if (pos >= src.length) fail(`<${el.name}> is never closed`, start);
      if (src.startsWith("</", pos)) {
        pos += 2;
        const closing = readName();
        if (closing !== el.name) fail(`</${closing}> closes <${el.name}>`);
        skipSpace();
        if (src.charAt(pos) !== ">") fail(`malformed end tag </${closing}>`);
        pos++;
        el.text = text.trim();
        return el;
      }
      if (src.startsWith("<![CDATA[", pos)) {
        const end = src.indexOf("]]>", pos);
        if (end < 0) fail("unterminated CDATA section");
        text += src.slice(pos + 9, end);
        pos = end + 3;
      } else if (src.startsWith("<!--", pos) || src.startsWith("<?", pos)) {
        skipMisc();
      } else if (src.charAt(pos) === "<") {
        el.children.push(readElement());
      } else {
        const next = src.indexOf("<", pos);
        const end = next < 0 ? src.length : next;
        text += decode(src.slice(pos, end), pos);
        pos = end;
      }
    }
  };

  skipMisc();
  const root = readElement();
  skipMisc();
  if (pos < src.length) fail("content after the root element");
  return root;
}
