/**
 * Checks an SDF object against Oracle's SDF XML reference, as data (./reference): every element must be
 * one the object's page documents, required ones present, booleans T or F, numbers numbers, text within
 * its maximum length, a list value one of the documented values (or a `[scriptid=…]` reference where the
 * page accepts one), script IDs with their prefix and length. Every problem is collected, each naming
 * the file, the element path, the value, what is allowed and the page that says so, so one run shows
 * them all (as `suitecloud project:validate` does).
 */

import {
  FIELD_STRUCTURES,
  type FieldSpec,
  LARGE_VALUE_LISTS,
  type ObjectSpec,
  RECORD_TYPE_STRUCTURES,
  ROLE_STRUCTURES,
  SAVED_SEARCH_STRUCTURES,
  SCRIPT_STRUCTURES,
  type StructureSpec,
  VALUE_LISTS,
} from "./reference/index.js";
import type { XmlElement } from "./xml.js";

export interface SdfIssue {
  /** Project-relative file. */
  file: string;
  /** Element path, `<entitycustomfield>/<displaytype>`. */
  element: string;
  detail: string;
  /** The Oracle page that documents the rule. */
  source: string;
}

/** Every structure of every object, by the key fields name it with. */
export const STRUCTURES: Readonly<Record<string, StructureSpec>> = {
  ...FIELD_STRUCTURES,
  ...RECORD_TYPE_STRUCTURES,
  ...SCRIPT_STRUCTURES,
  ...ROLE_STRUCTURES,
  ...SAVED_SEARCH_STRUCTURES,
};

const LISTS: Readonly<Record<string, { values: readonly string[]; accountData?: boolean }>> = {
  ...VALUE_LISTS,
  ...LARGE_VALUE_LISTS,
};

/** Lists too long to print: an error shows this many values and the count. */
const SHOW_AT_MOST = 12;

export interface ValidateOptions {
  /** Script parameter IDs a deployment may set (its parent script's `scriptcustomfield`s). */
  parameterIds?: ReadonlySet<string>;
}

export function validateObject(
  root: XmlElement,
  spec: ObjectSpec,
  file: string,
  options: ValidateOptions = {},
): SdfIssue[] {
  const issues: SdfIssue[] = [];
  const path = `<${root.name}>`;
  checkScriptId(root, spec.scriptIdPrefix, spec.scriptIdMaxLength, path, spec.source, file, issues);
  checkFields(root, spec.fields, path, file, issues, options, false);
  return issues;
}

function checkScriptId(
  el: XmlElement,
  prefix: string | undefined,
  maxLength: number | undefined,
  path: string,
  source: string,
  file: string,
  issues: SdfIssue[],
): void {
  const id = el.attrs.scriptid;
  if (prefix === undefined) return;
  if (id === undefined || id === "") {
    issues.push({ file, element: path, detail: "missing scriptid attribute", source });
    return;
  }
  if (!id.startsWith(prefix)) {
    issues.push({ file, element: path, detail: `scriptid "${id}" must start with "${prefix}"`, source });
  }
  if (maxLength !== undefined && id.length > maxLength) {
    issues.push({
      file,
      element: path,
      detail: `scriptid "${id}" is ${id.length} characters; at most ${maxLength} are allowed`,
      source,
    });
  }
  if (!/^[a-z0-9_]+$/.test(id)) {
    issues.push({
      file,
      element: path,
      detail: `scriptid "${id}" may hold only lower-case letters, digits and underscores`,
      source,
    });
  }
}

function checkFields(
  el: XmlElement,
  fields: Readonly<Record<string, FieldSpec>>,
  path: string,
  file: string,
  issues: SdfIssue[],
  options: ValidateOptions,
  acceptsParameters: boolean,
): void {
  const seen = new Map<string, number>();
  for (const child of el.children) {
    seen.set(child.name, (seen.get(child.name) ?? 0) + 1);
    const at = `${path}/${label(child)}`;
    const spec = fields[child.name];
    if (spec === undefined) {
      if (acceptsParameters && options.parameterIds?.has(child.name)) continue;
      issues.push({
        file,
        element: path,
        detail: `unknown element <${child.name}>; <${el.name}> documents ${Object.keys(fields).sort().join(", ")}${acceptsParameters ? " and the script's parameters" : ""}`,
        source: anySource(fields),
      });
      continue;
    }
    if (spec.type === "structure") {
      const structure = spec.structure === undefined ? undefined : STRUCTURES[spec.structure];
      if (structure === undefined) continue;
      checkScriptId(
        child,
        structure.scriptIdPrefix,
        structure.scriptIdMaxLength,
        at,
        structure.source,
        file,
        issues,
      );
      checkFields(
        child,
        structure.fields,
        at,
        file,
        issues,
        options,
        structure.acceptsParentCustomFields === true,
      );
      continue;
    }
    if (child.children.length > 0) {
      issues.push({
        file,
        element: at,
        detail: "expected a value, found child elements",
        source: spec.source,
      });
      continue;
    }
    checkValue(child.text, spec, at, file, issues);
  }
  for (const [name, count] of seen) {
    const spec = fields[name];
    if (spec && count > 1 && !spec.repeats) {
      issues.push({
        file,
        element: `${path}/<${name}>`,
        detail: `<${name}> appears ${count} times; it may appear once`,
        source: spec.source,
      });
    }
  }
  for (const [name, spec] of Object.entries(fields)) {
    if (spec.required !== "required" || seen.has(name)) continue;
    issues.push({ file, element: path, detail: `missing required element <${name}>`, source: spec.source });
  }
}

function checkValue(text: string, spec: FieldSpec, at: string, file: string, issues: SdfIssue[]): void {
  const fail = (detail: string) => issues.push({ file, element: at, detail, source: spec.source });
  if (text === "") {
    if (spec.required === "required") fail("a required element is empty");
    return;
  }
  switch (spec.type) {
    case "boolean":
      if (text !== "T" && text !== "F") fail(`"${text}" is not a boolean; SDF booleans are T or F`);
      return;
    case "integer":
    case "float": {
      const ok = spec.type === "integer" ? /^-?\d+$/.test(text) : /^-?\d+(\.\d+)?$/.test(text);
      if (!ok)
        return void fail(`"${text}" is not ${spec.type === "integer" ? "a whole number" : "a number"}`);
      const n = Number(text);
      if (spec.min !== undefined && n < spec.min) fail(`${n} is below the minimum ${spec.min}`);
      if (spec.max !== undefined && n > spec.max) fail(`${n} is above the maximum ${spec.max}`);
      return;
    }
    case "date":
      if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) fail(`"${text}" is not a date in the form yyyy-MM-dd`);
      return;
    case "time":
      if (!/^\d{2}:\d{2}:00Z$/.test(text)) fail(`"${text}" is not a time in the form HH:mm:00Z`);
      return;
    default:
      break;
  }
  // Text counts characters, as NetSuite's limits do (an en dash is one).
  const length = [...text].length;
  if (spec.maxLength !== undefined && length > spec.maxLength) {
    fail(`"${text}" is ${length} characters; at most ${spec.maxLength} are allowed`);
  }
  if (spec.values === undefined || (spec.type !== "select" && spec.type !== "multiselect")) return;
  const parts = spec.type === "multiselect" ? text.split("|").map((p) => p.trim()) : [text];
  for (const part of parts) {
    if (part.startsWith("[")) {
      if ((spec.refTypes ?? []).length === 0) fail(`"${part}": this element takes no reference`);
      continue;
    }
    if (spec.values.includes(part)) continue;
    // A translatable text ("string" references) takes literal text besides its list.
    if (spec.refTypes?.includes("string")) continue;
    fail(`"${part}" is not an allowed value; allowed: ${describeValues(spec)}`);
  }
}

function describeValues(spec: FieldSpec): string {
  const values = spec.values ?? [];
  const refs = spec.refTypes?.length
    ? ` (or a [scriptid=…] reference to a ${spec.refTypes.join(" or ")})`
    : "";
  if (values.length <= SHOW_AT_MOST) return `${values.join(", ")}${refs}`;
  const lists = (spec.lists ?? []).filter((l) => LISTS[l]).join(", ");
  return `${values.length} values${lists ? ` of ${lists}` : ""}, e.g. ${values.slice(0, SHOW_AT_MOST).join(", ")}…${refs}`;
}

function label(el: XmlElement): string {
  const id = el.attrs.scriptid;
  return id === undefined ? `<${el.name}>` : `<${el.name} scriptid="${id}">`;
}

function anySource(fields: Readonly<Record<string, FieldSpec>>): string {
  return (
    Object.values(fields)[0]?.source ??
    "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml.html"
  );
}
