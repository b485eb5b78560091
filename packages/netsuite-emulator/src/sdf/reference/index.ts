/**
 * Oracle's SuiteCloud Development Framework XML Reference as data: one table per object family, each fact
 * citing its page (see README.md for coverage and what could not be confirmed).
 */

export { VALUE_LISTS, type ValueListName } from "./enums.js";
export { ENTITY_CUSTOM_FIELD, FIELD_STRUCTURES } from "./fields.js";
export { LARGE_VALUE_LISTS } from "./lists-large.js";
export {
  SAVED_SEARCH,
  SAVED_SEARCH_STRUCTURES,
  SECRET,
  UNMODELLED_TYPES,
  type UnmodelledType,
} from "./other.js";
export { PAGES } from "./pages.js";
export { CUSTOM_RECORD_TYPE, RECORD_TYPE_STRUCTURES } from "./record-type.js";
export { ROLE, ROLE_STRUCTURES } from "./role.js";
export { SCRIPT_OBJECTS, SCRIPT_STRUCTURES, SCRIPT_TYPES, type ScriptRoot } from "./scripts.js";
export type { FieldSpec, FieldType, ObjectSpec, StructureSpec, ValueList } from "./types.js";

import { ENTITY_CUSTOM_FIELD } from "./fields.js";
import { SAVED_SEARCH, SECRET } from "./other.js";
import { CUSTOM_RECORD_TYPE } from "./record-type.js";
import { ROLE } from "./role.js";
import { SCRIPT_OBJECTS } from "./scripts.js";
import type { ObjectSpec } from "./types.js";

/** Every modelled object type by root element. */
export const OBJECT_SPECS: Readonly<Record<string, ObjectSpec>> = {
  entitycustomfield: ENTITY_CUSTOM_FIELD,
  customrecordtype: CUSTOM_RECORD_TYPE,
  ...SCRIPT_OBJECTS,
  role: ROLE,
  savedsearch: SAVED_SEARCH,
  secret: SECRET,
};
