/**
 * Reading SDF elements with errors that name the file and the element path, as
 * `src/Objects/customscript_x.xml: <mapreducescript>/<scriptdeployments>: unknown element <foo>`.
 */
import type { XmlElement } from "./xml.js";

/** A project the emulator cannot load: `file` is relative to the project, `element` the element path. */
export class SdfError extends Error {
  constructor(
    readonly file: string,
    readonly element: string,
    readonly detail: string,
  ) {
    super(element ? `${file}: ${element}: ${detail}` : `${file}: ${detail}`);
    this.name = "SdfError";
  }
}

/** Every problem the reference check found in a project, one per line (the first names `file` and `element`). */
export class SdfValidationError extends SdfError {
  constructor(readonly issues: readonly { file: string; element: string; detail: string; source: string }[]) {
    const first = issues[0] ?? { file: "", element: "", detail: "" };
    super(first.file, first.element, first.detail);
    this.name = "SdfValidationError";
    this.message = issues
      .map(
        (i) =>
          `${i.file}: ${i.element ? `${i.element}: ` : ""}${i.detail}${i.source ? ` (${i.source})` : ""}`,
      )
      .join("\n");
  }
}

/** An element together with where it sits, so every check can say where it failed. */
export class Node {
  private constructor(
    readonly el: XmlElement,
    readonly file: string,
    readonly path: string,
  ) {}

  /** The root is named without its scriptid: the file name already says it. */
  static root(el: XmlElement, file: string): Node {
    return new Node(el, file, `<${el.name}>`);
  }

  get name(): string {
    return this.el.name;
  }

  get text(): string {
    return this.el.text;
  }

  attr(name: string): string | undefined {
    return this.el.attrs[name];
  }

  fail(detail: string): never {
    throw new SdfError(this.file, this.path, detail);
  }

  children(): Node[] {
    return this.el.children.map((c) => new Node(c, this.file, `${this.path}/${label(c)}`));
  }

  /** All direct children named `name`. */
  all(name: string): Node[] {
    return this.children().filter((c) => c.name === name);
  }

  /** The single child named `name`; more than one is an error. */
  child(name: string): Node | undefined {
    const found = this.all(name);
    if (found.length > 1) this.fail(`<${name}> appears ${found.length} times`);
    return found[0];
  }

  /** Text of child `name`; an empty element counts as absent (SDF exports write `<description></description>`). */
  value(name: string): string | undefined {
    const c = this.child(name);
    if (c === undefined) return undefined;
    if (c.el.children.length > 0) c.fail("expected a value, found child elements");
    return c.text === "" ? undefined : c.text;
  }

  required(name: string): string {
    const v = this.value(name);
    if (v === undefined) this.fail(`missing <${name}>`);
    return v;
  }

  /** Booleans are `T` or `F` ("Specifying a Boolean Value", Syntax Guidelines for SDF Custom Objects). */
  bool(name: string, fallback: boolean): boolean {
    const v = this.value(name);
    if (v === undefined) return fallback;
    if (v === "T") return true;
    if (v === "F") return false;
    return this.childNode(name).fail(`expected T or F, found "${v}"`);
  }

  integer(name: string): number | undefined {
    const v = this.value(name);
    if (v === undefined) return undefined;
    if (!/^\d+$/.test(v)) this.childNode(name).fail(`expected a whole number, found "${v}"`);
    return Number(v);
  }

  /** A value that may be an SDF reference `[scriptid=x]`, resolved to the plain script ID. */
  ref(name: string): string | undefined {
    const v = this.value(name);
    return v === undefined ? undefined : resolveRef(v, () => this.childNode(name));
  }

  /** Multi-select values are separated by `|` (SDF XML reference, multi-select list fields). */
  list(name: string): string[] | undefined {
    const v = this.value(name);
    if (v === undefined) return undefined;
    const at = (): Node => this.childNode(name);
    return v.split("|").map((part) => resolveRef(part.trim(), at));
  }

  /** Every child must be one of `known` or pass `extra` (a deployment's parameter values). */
  expectOnly(known: ReadonlySet<string>, extra: (name: string) => boolean = () => false): void {
    for (const c of this.el.children) {
      if (!known.has(c.name) && !extra(c.name)) this.fail(`unknown element <${c.name}>`);
    }
  }

  private childNode(name: string): Node {
    const c = this.child(name);
    if (c === undefined) return this.fail(`missing <${name}>`);
    return c;
  }
}

function label(el: XmlElement): string {
  const id = el.attrs.scriptid;
  return id === undefined ? `<${el.name}>` : `<${el.name} scriptid="${id}">`;
}

/**
 * SDF references ("Specifying an SDF Custom Object Reference", Syntax Guidelines and Reference Formats for
 * SDF Custom Objects, docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/bridgehead_24076946.html):
 * `[scriptid=customrecord_x]`, a child `[scriptid=customrecord_x.custrecord_y]` (field IDs are unique, so the
 * child's ID is kept), and external `[appid=com.x.app, scriptid=y]` / `[bundleid=351, scriptid=y]`.
 */
export function resolveRef(value: string, at: () => Node): string {
  if (!value.startsWith("[")) return value;
  if (!value.endsWith("]")) return at().fail(`malformed reference "${value}"`);
  const parts = value.slice(1, -1).split(",");
  for (const part of parts) {
    const [key, ...rest] = part.split("=");
    if (key?.trim() === "scriptid") {
      const id = rest.join("=").trim();
      return id.slice(id.lastIndexOf(".") + 1);
    }
  }
  return at().fail(`reference "${value}" has no scriptid`);
}
