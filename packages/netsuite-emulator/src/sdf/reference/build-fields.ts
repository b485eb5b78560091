/**
 * Builders for the object and structure tables of this folder, so that each fact is written once.
 *
 * Every Fields table here was read on one page, the object's or the structure's own, so a table lists
 * its fields' facts without a page (`FieldFacts`) and `objectSpec` / `structureSpec` give each field the
 * page of its table: every `FieldSpec` still carries its own `source`. Rows that several pages share
 * (script headers, deployment audiences, the custom field table…) are written once next to the tables
 * that use them.
 */

import { VALUE_LISTS } from "./enums.js";
import { LARGE_VALUE_LISTS } from "./lists-large.js";
import type { FieldSpec, ObjectSpec, StructureSpec } from "./types.js";

/** What a page says about one field, before the page is attached. */
export type FieldFacts = Omit<FieldSpec, "source">;

/** A Fields table in the page's order (validation reports missing elements in this order). */
export type FieldTable = Readonly<Record<string, FieldFacts>>;

/** A spec whose fields are written without their page. */
type OnOnePage<S> = Omit<S, "fields" | "source"> & { fields: FieldTable };

type ListName = keyof typeof VALUE_LISTS | keyof typeof LARGE_VALUE_LISTS;

const ALL_LISTS: Readonly<Record<ListName, { values: readonly string[] }>> = {
  ...VALUE_LISTS,
  ...LARGE_VALUE_LISTS,
};

function onPage(source: string, fields: FieldTable): Record<string, FieldSpec> {
  return Object.fromEntries(Object.entries(fields).map(([name, facts]) => [name, { ...facts, source }]));
}

/** An object documented on `source`: the object and each of its fields cite that page. */
export function objectSpec(source: string, spec: OnOnePage<ObjectSpec>): ObjectSpec {
  return { ...spec, fields: onPage(source, spec.fields), source };
}

/** A structured field documented on `source`: the structure and each of its fields cite that page. */
export function structureSpec(source: string, spec: OnOnePage<StructureSpec>): StructureSpec {
  return { ...spec, fields: onPage(source, spec.fields), source };
}

/**
 * A wrapper element (`<libraries>`, `<scriptdeployments>`, `<permissions>`…) holding any number of `item`
 * elements, each the structure `structure`.
 */
export function listOf(source: string, element: string, item: string, structure: string): StructureSpec {
  return structureSpec(source, {
    element,
    fields: { [item]: { required: "optional", type: "structure", structure, repeats: true } },
  });
}

/** An optional element holding the structure `structure` (a key of the structure tables). */
export function structureField(structure: string): FieldFacts {
  return { required: "optional", type: "structure", structure };
}

/**
 * "For information about possible values, see <list>": the lists named and their values, in that order
 * (a deployment's recordtype names two).
 */
export function fromLists(...names: readonly ListName[]): Pick<FieldSpec, "lists" | "values"> {
  const values = names.map((name) => ALL_LISTS[name].values);
  return { lists: names, values: values.length === 1 ? values[0] : values.flat() };
}

/** The fields of a center `<link>` (custom record type, suitelet deployment); only the task type differs. */
export function centerLinkFields(linktasktype: FieldFacts): FieldTable {
  return {
    linkcategory: { required: "required", type: "select", ...fromLists("generic_centercategory") },
    linktasktype,
    linklabel: { required: "optional", type: "select", refTypes: ["string"] },
  };
}
