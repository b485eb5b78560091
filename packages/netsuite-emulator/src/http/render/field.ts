/**
 * One field of a page as HTML, for record pages and Suitelet forms alike. The DOM is a contract with
 * the browser-side client script runtime:
 * - `<div class="ns-field" id="{id}_fs" data-field-id="{id}" data-field-type="{type}">`, a
 *   `<label for="{id}" class="ns-label">` (with `<span class="ns-mandatory">*</span>` when mandatory),
 *   then the control: `<input id="{id}" name="{id}">`, `<textarea>`, `<select>` (an empty option first
 *   unless mandatory), `<select multiple>`, a checkbox posting "T";
 * - shown, not edited (view mode, display type inline): `<span class="ns-value" id="{id}_val"
 *   data-value="{JSON of the value}">` and no input;
 * - display type hidden (or type hidden): a `hidden` wrapper without label; in edit mode a hidden input
 *   so the value posts; disabled/readonly: the input with that attribute; nodisplay: the field as
 *   usual inside a `hidden` wrapper, "not displayed on the form but can be made visible (for example,
 *   by an attached client script upon a field change)" (serverWidget.FieldDisplayType, section_4332670964);
 * - help text: "When the field label is clicked, a popup displays the help text" (Field.setHelpText,
 *   section_4335195721): the label's text is a `<button class="ns-help-trigger">` opening
 *   `<div popover class="ns-help-popup" id="{id}_help">` (the browser's popover, no script needed), and
 *   the label's `title` holds the text too (a tooltip);
 * - inlinehtml: `<div class="ns-inlinehtml" id="{id}_val">` holding the value unescaped (as NetSuite
 *   renders INLINEHTML), without label.
 * Dates edit in `<input type="date">`, whose value is ISO (YYYY-MM-DD); M/D/YYYY values are converted.
 */
import { attr, escapeHtml } from "./html.js";

export interface FieldView {
  id: string;
  label: string;
  /** Lower case: text, email, phone, url, textarea, longtext, richtext, integer, float, currency, percent,
   * date, datetime, datetimetz, timeofday, checkbox, select, multiselect, radio, password, inlinehtml,
   * help, label, hidden, file, image. */
  type: string;
  value: string | number | boolean | null | string[];
  /** Display text (selects: the chosen option's name). */
  text?: string | null;
  /** select / multiselect / radio */
  options?: { value: string; text: string }[];
  /** normal | inline | hidden | nodisplay | disabled | readonly | entry (lower case) */
  displayType?: string;
  mandatory?: boolean;
  help?: string;
  maxLength?: number;
}

const INPUT_TYPES: Readonly<Record<string, string>> = {
  text: "text",
  email: "email",
  phone: "tel",
  url: "url",
  integer: "number",
  float: "number",
  currency: "number",
  percent: "number",
  date: "date",
  password: "password",
  file: "file",
};

const TEXTAREAS = new Set(["textarea", "longtext", "richtext"]);

export function isChecked(value: FieldView["value"]): boolean {
  return value === true || value === "T";
}

function values(value: FieldView["value"]): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (value === null || value === "") return [];
  return [String(value)];
}

function scalar(value: FieldView["value"]): string {
  if (value === null) return "";
  if (Array.isArray(value)) return value.join(",");
  if (typeof value === "boolean") return value ? "T" : "F";
  return String(value);
}

/** M/D/YYYY or an ISO date(-time) → YYYY-MM-DD, the value `<input type="date">` takes. */
function isoDate(value: string): string {
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(value);
  if (us) return `${us[3]}-${us[1]?.padStart(2, "0")}-${us[2]?.padStart(2, "0")}`;
  return /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : "";
}

function inputValue(field: FieldView): string {
  const v = scalar(field.value);
  if (field.type === "date") return isoDate(v);
  if (INPUT_TYPES[field.type] === "number") return v.replace(/,/g, "");
  return v;
}

/** The text shown for a value (not escaped). */
export function displayText(field: FieldView): string {
  if (field.type === "checkbox") return isChecked(field.value) ? "Yes" : "No";
  if (field.type === "password") return values(field.value).length > 0 ? "********" : "";
  if (field.text !== undefined && field.text !== null && field.text !== "") return field.text;
  const chosen = values(field.value);
  if (field.options && chosen.length > 0) {
    return chosen.map((v) => field.options?.find((o) => o.value === v)?.text ?? v).join(", ");
  }
  return chosen.join(", ");
}

/** The escaped display HTML of a value: a link for http(s) url fields, &nbsp; when empty. */
export function displayHtml(field: FieldView): string {
  const text = displayText(field);
  if (text === "") return "&nbsp;";
  if (field.type === "url" && /^https?:\/\//i.test(text)) {
    return `<a${attr({ href: text, target: "_blank", rel: "noopener noreferrer" })}>${escapeHtml(text)}</a>`;
  }
  return escapeHtml(text);
}

function valueSpan(field: FieldView, id: string): string {
  const data = field.type === "password" ? null : (field.value ?? null);
  return `<span class="ns-value"${attr({ id: `${id}_val`, "data-value": JSON.stringify(data) })}>${displayHtml(field)}</span>`;
}

function optionsHtml(field: FieldView, chosen: string[], blank: boolean): string {
  const list = (field.options ?? []).map(
    (o) =>
      `<option${attr({ value: o.value, selected: chosen.includes(o.value) })}>${escapeHtml(o.text)}</option>`,
  );
  // A chosen value missing from the options still shows (and posts back) as itself.
  for (const v of chosen) {
    if (!field.options?.some((o) => o.value === v))
      list.push(`<option${attr({ value: v, selected: true })}>${escapeHtml(field.text ?? v)}</option>`);
  }
  // A script's own blank option (`addSelectOption({value: "", text: ""})`) replaces ours.
  const ownBlank = field.options?.some((o) => o.value === "") ?? false;
  return `${blank && !ownBlank ? '<option value=""></option>' : ""}${list.join("")}`;
}

/**
 * The editing control of a field, named `name` with element id `id` (sublist cells pass their own),
 * honouring display types disabled and readonly.
 */
export function renderControl(field: FieldView, name: string, id: string): string {
  const display = (field.displayType ?? "normal").toLowerCase();
  const common = {
    id,
    name,
    disabled: display === "disabled",
    readonly: display === "readonly",
    "aria-required": field.mandatory ? "true" : null,
  };
  switch (field.type) {
    case "checkbox":
      return `<input${attr({ type: "checkbox", ...common, value: "T", checked: isChecked(field.value) })}>`;
    case "select":
      return `<select${attr(common)}>${optionsHtml(field, values(field.value), !field.mandatory)}</select>`;
    case "multiselect":
      return `<select${attr({ multiple: true, ...common })}>${optionsHtml(field, values(field.value), false)}</select>`;
    case "radio":
      return (field.options ?? [])
        .map(
          (o, i) =>
            `<label class="ns-radio"><input${attr({ type: "radio", ...common, id: i === 0 ? id : `${id}_${i}`, value: o.value, checked: scalar(field.value) === o.value })}> ${escapeHtml(o.text)}</label>`,
        )
        .join("");
    case "inlinehtml":
      return `<div class="ns-inlinehtml"${attr({ id: `${id}_val` })}>${scalar(field.value)}</div>`;
    case "label":
    case "help":
      return "";
    case "hidden":
      return `<input${attr({ type: "hidden", id, name, value: scalar(field.value) })}>`;
    default:
      if (TEXTAREAS.has(field.type)) {
        return `<textarea${attr({ ...common, maxlength: field.maxLength })}>${escapeHtml(scalar(field.value))}</textarea>`;
      }
      return `<input${attr({
        type: INPUT_TYPES[field.type] ?? "text",
        ...common,
        value: field.type === "file" ? null : inputValue(field),
        step: field.type === "integer" ? "1" : INPUT_TYPES[field.type] === "number" ? "any" : null,
        maxlength: field.maxLength,
      })}>`;
  }
}

function wrapper(field: FieldView, inner: string, hidden = false): string {
  return `<div class="ns-field"${attr({ id: `${field.id}_fs`, "data-field-id": field.id, "data-field-type": field.type, hidden })}>${inner}</div>`;
}

/** The help popup of a field (or sublist column) with help text; `trigger` is what opens it. */
export function helpPopup(
  id: string,
  text: string,
  help: string | undefined,
): { trigger: string; popup: string } {
  if (help === undefined || help === "") return { trigger: escapeHtml(text), popup: "" };
  return {
    trigger: `<button${attr({ type: "button", class: "ns-help-trigger", popovertarget: `${id}_help` })}>${escapeHtml(text)}</button>`,
    popup: `<div${attr({ popover: "", id: `${id}_help`, class: "ns-help-popup", role: "tooltip" })}>${escapeHtml(help)}</div>`,
  };
}

function label(field: FieldView): string {
  const mark = field.mandatory ? '<span class="ns-mandatory">*</span>' : "";
  const help = helpPopup(field.id, field.label, field.help);
  return `<label${attr({ for: field.id, class: "ns-label", title: field.help })}>${help.trigger}${mark}</label>${help.popup}`;
}

export function renderField(field: FieldView, mode: "view" | "edit"): string {
  const display = (field.displayType ?? "normal").toLowerCase();
  if (display === "hidden" || field.type === "hidden") {
    const inner =
      mode === "edit"
        ? `<input${attr({ type: "hidden", id: field.id, name: field.id, value: scalar(field.value) })}>`
        : valueSpan(field, field.id);
    return wrapper(field, inner, true);
  }
  const noDisplay = display === "nodisplay";
  if (field.type === "inlinehtml") return wrapper(field, renderControl(field, field.id, field.id), noDisplay);
  if (mode === "view" || display === "inline")
    return wrapper(field, `${label(field)}${valueSpan(field, field.id)}`, noDisplay);
  return wrapper(field, `${label(field)}${renderControl(field, field.id, field.id)}`, noDisplay);
}
