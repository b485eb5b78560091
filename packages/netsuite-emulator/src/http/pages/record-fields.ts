/**
 * A record's fields as a page shows them: the type's standard and custom fields (from the data
 * catalog, with the custom fields' SDF display types, help and subtab) as FieldViews with their texts
 * and select options; and the reverse, a posted edit form back into field values for a save.
 */
import type { FieldDef } from "../../data/catalog.js";
import { countryOptions } from "../../data/countries.js";
import { formatDate, formatDateTime } from "../../data/dates.js";
import type { AccountData } from "../../data/store.js";
import type { FieldValue, RecordData } from "../../data/types.js";
import type { CustomFieldDef, Project } from "../../sdf/types.js";
import type { FieldView } from "../render/field.js";

/** Select lists longer than this show only the current value (NetSuite pops up a search instead). */
const MAX_OPTIONS = 1_000;

/** SDF `displaytype` → the page's display type. */
const DISPLAY: Record<string, string> = {
  NORMAL: "normal",
  LOCKED: "inline",
  HIDDEN: "hidden",
  DISABLED: "disabled",
};

export interface RecordFieldView extends FieldView {
  /** Whether an edit form posts this field back (and a save writes it). */
  editable: boolean;
  /** Standard fields go in Primary Information, custom ones in their own section. */
  custom: boolean;
  /** Custom record fields: the record type's subtab the field is on (SDF `subtab`); else the main area. */
  subtab?: string;
}

/** The project's custom field definitions (entity and custom record fields) by lower-case script ID. */
function sdfFields(project: Project): Map<string, CustomFieldDef> {
  const out = new Map<string, CustomFieldDef>();
  const fields = [...project.entityFields, ...project.customRecordTypes.flatMap((t) => t.fields)];
  for (const f of fields) out.set(f.scriptId.toLowerCase(), f);
  return out;
}

function options(data: AccountData, def: FieldDef, value: FieldValue): { value: string; text: string }[] {
  if (def.type === "country") return countryOptions();
  const target = def.target;
  if (target && data.catalog.has(target)) {
    const rows = data.listRecords(target);
    if (rows.length <= MAX_OPTIONS) {
      return rows.map((r) => ({ value: String(r.id), text: data.recordName(target, r.id) }));
    }
  }
  const current = Array.isArray(value) ? value : value === null || value === "" ? [] : [String(value)];
  return current.map((v) => ({ value: v, text: target ? data.recordName(target, v) : v }));
}

/** A stored value as the form shows it: dates in the user's format (M/D/YYYY), like NetSuite's date fields. */
function shown(def: FieldDef, value: FieldValue): FieldView["value"] {
  if (typeof value === "string" && value !== "" && def.type === "date") return formatDate(value);
  if (typeof value === "string" && value !== "" && def.type === "datetime") return formatDateTime(value);
  return value;
}

export function recordFieldViews(data: AccountData, project: Project, record: RecordData): RecordFieldView[] {
  const sdf = sdfFields(project);
  const views: RecordFieldView[] = [];
  for (const def of data.catalog.require(record.type).fields.values()) {
    const value = record.values[def.id] ?? (def.type === "checkbox" ? false : null);
    const custom = sdf.get(def.id);
    const sdfDisplay = custom?.displayType?.toUpperCase() ?? "NORMAL";
    const displayType = def.system ? "inline" : (DISPLAY[sdfDisplay] ?? "normal");
    const select = def.type === "select" || def.type === "multiselect" || def.type === "country";
    views.push({
      id: def.id,
      label: def.label,
      type: def.type === "country" ? "select" : def.type,
      value: shown(def, value),
      text: data.fieldText(record.type, def.id, value),
      ...(select ? { options: options(data, def, value) } : {}),
      displayType,
      ...(def.mandatory ? { mandatory: true } : {}),
      // The SDF `help` text, opened from the label as NetSuite does (render/field.ts).
      ...(custom?.help ? { help: custom.help } : {}),
      editable: displayType === "normal",
      custom: def.id.startsWith("cust"),
      ...(custom?.subtab ? { subtab: custom.subtab } : {}),
    });
  }
  return views;
}

/** The posted form's values of the editable fields (an unchecked checkbox is not posted: false). */
export function postedValues(views: RecordFieldView[], form: URLSearchParams): Record<string, FieldValue> {
  const values: Record<string, FieldValue> = {};
  for (const view of views) {
    if (!view.editable) continue;
    if (view.type === "checkbox") values[view.id] = form.get(view.id) === "T";
    else if (view.type === "multiselect") values[view.id] = form.getAll(view.id).filter((v) => v !== "");
    else if (form.has(view.id)) values[view.id] = form.get(view.id) ?? "";
  }
  return values;
}
