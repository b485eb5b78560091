/**
 * Shapes of the SDF XML reference tables in this folder.
 *
 * Vocabulary follows Oracle's SuiteCloud Development Framework XML Reference
 * (https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/SDFxml.html): each object page has an
 * Attributes table (scriptid), a Fields table (Name, Type, Required / Optional, Description) and a list of
 * Structured Fields, each with its own page. Value syntax is on "Syntax Guidelines and Reference Formats"
 * (https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/bridgehead_24076946.html): booleans are T or
 * F, system enums upper case, references to project objects `[scriptid=…]`, files `[/path/file.js]`, and a
 * multi-select list separates values with `|`. Dates are yyyy-MM-dd and times HH:mm:00Z
 * (https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_1499269203.html).
 */

/**
 * Oracle's Type column: "single-select list" is `select`, "multi-select list" `multiselect`. A select
 * with `refTypes` ["string"] is a translatable text: literal text, or a reference to a translation
 * collection string.
 */
export type FieldType =
  | "boolean"
  | "string"
  | "integer"
  | "float"
  | "select"
  | "multiselect"
  | "filereference"
  | "structure"
  | "date"
  | "time";

export interface FieldSpec {
  /** "required", "optional", or a condition in words for "Required (conditionally)". */
  required: "required" | "optional" | { when: string };
  type: FieldType;
  /** "This field value can be up to N characters long." */
  maxLength?: number;
  /** "This field value must range from N through M" / "must be greater than or equal to N". */
  min?: number;
  max?: number;
  /** "The default value is …" */
  default?: string;
  /** Names of the Oracle value lists the description points to (keys of VALUE_LISTS / LARGE_VALUE_LISTS). */
  lists?: readonly string[];
  /** Allowed values when Oracle enumerates them (a select may also accept `[scriptid=…]` references). */
  values?: readonly string[];
  /** Custom types a reference may name: "role", "customrecordtype", … ("*": any custom type). */
  refTypes?: readonly string[];
  /** For structures: the nested element's spec name (a key of the same file's STRUCTURES). */
  structure?: string;
  /** The element may appear more than once (list items inside a wrapper element). */
  repeats?: boolean;
  /** "If this field appears in the project, you must reference the X feature in the manifest file." */
  feature?: string;
  /** Availability conditions and other remarks from the description. */
  note?: string;
  /** The Oracle page (full URL) this fact comes from. */
  source: string;
}

export interface ObjectSpec {
  /** Root XML element, e.g. "entitycustomfield". */
  root: string;
  /** Default value of the scriptid attribute, e.g. "custentity". */
  scriptIdPrefix: string;
  /** "This attribute value can be up to N characters long." */
  scriptIdMaxLength: number;
  /** "Feature Dependencies" on the page. */
  features?: readonly string[];
  note?: string;
  fields: Readonly<Record<string, FieldSpec>>;
  /** The object's page URL. */
  source: string;
}

/** A structured field (nested element) with its own table. */
export interface StructureSpec {
  element: string;
  /** For elements carrying a scriptid attribute: its default value and maximum length. */
  scriptIdPrefix?: string;
  scriptIdMaxLength?: number;
  /** The element has a required scriptid attribute without a documented prefix or length. */
  scriptIdRequired?: boolean;
  /**
   * "In addition to the fields listed in this topic, you can set a value for a custom field defined in the
   * parent object."
   */
  acceptsParentCustomFields?: boolean;
  features?: readonly string[];
  note?: string;
  fields: Readonly<Record<string, FieldSpec>>;
  source: string;
}

/** An Oracle value list ("For information about possible values, see generic_…"). */
export interface ValueList {
  /**
   * "oracle": read on the Oracle list page `source`. "oracle-other": the list page was not reachable, the
   * values are confirmed by other Oracle pages named in `note`. "salto": only from salto-io/salto's enums,
   * generated from this reference (`source` is then Oracle's index of lists).
   */
  confirmed: "oracle" | "oracle-other" | "salto";
  values: readonly string[];
  /** Account or product data (role ids, record types, fields, countries…) rather than schema. */
  accountData?: boolean;
  meanings?: Readonly<Record<string, string>>;
  note?: string;
  source: string;
}
