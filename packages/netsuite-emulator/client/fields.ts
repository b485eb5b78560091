/**
 * Reading and writing a field on the page: the form control named after the field (edit mode), else
 * the view span `#{id}_val[data-value]` (view mode, inline fields), else `record.values`.
 */
import { readPage } from "./page.js";
import { formatDate, toControl, toScript } from "./values.js";

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** Values set on fields the page does not show (NetSuite keeps hidden fields on the record too). */
const offPage = new Map<string, unknown>();

function byName(name: string): Control | null {
  const form = document.getElementById("main_form") ?? document;
  return form.querySelector<Control>(`[name="${CSS.escape(name)}"]`);
}

export function control(fieldId: string): Control | null {
  return (
    byName(fieldId) ??
    (document.getElementById(fieldId) as Control | null)?.closest?.("input,select,textarea") ??
    null
  );
}

function viewSpan(fieldId: string): HTMLElement | null {
  return document.getElementById(`${fieldId}_val`);
}

export function fieldType(fieldId: string): string {
  const declared = readPage().fields[fieldId]?.type;
  if (declared) return declared;
  const wrapper = document.getElementById(`${fieldId}_fs`);
  return wrapper?.dataset.fieldType ?? (control(fieldId)?.type === "checkbox" ? "checkbox" : "text");
}

/** The control's state as the DOM holds it (what validateField restores). */
export function rawState(c: Control): string | boolean | string[] {
  if (c instanceof HTMLInputElement && c.type === "checkbox") return c.checked;
  if (c instanceof HTMLSelectElement && c.multiple) return [...c.selectedOptions].map((o) => o.value);
  return c.value;
}

export function restoreState(c: Control, state: string | boolean | string[]): void {
  if (c instanceof HTMLInputElement && c.type === "checkbox") c.checked = state === true;
  else if (c instanceof HTMLSelectElement && c.multiple && Array.isArray(state)) {
    for (const o of c.options) o.selected = state.includes(o.value);
  } else c.value = String(state);
}

export function readControl(c: Control, type: string): unknown {
  return toScript(type, rawState(c));
}

export function writeControl(c: Control, type: string, value: unknown): void {
  if (c instanceof HTMLInputElement && c.type === "checkbox")
    c.checked = toScript("checkbox", value) === true;
  else if (c instanceof HTMLSelectElement && c.multiple) {
    const wanted = (toScript("multiselect", value) as string[]).map(String);
    for (const o of c.options) o.selected = wanted.includes(o.value);
  } else c.value = toControl(type, value, c instanceof HTMLInputElement ? c.type : undefined);
}

export function getValue(fieldId: string): unknown {
  const type = fieldType(fieldId);
  if (offPage.has(fieldId)) return offPage.get(fieldId);
  const c = control(fieldId);
  if (c) return readControl(c, type);
  const span = viewSpan(fieldId);
  if (span?.dataset.value !== undefined) return toScript(type, JSON.parse(span.dataset.value));
  return toScript(type, readPage().record?.values[fieldId] ?? null);
}

export function getText(fieldId: string): unknown {
  const c = control(fieldId);
  const type = fieldType(fieldId);
  if (c instanceof HTMLSelectElement) {
    const texts = [...c.selectedOptions].map((o) => o.text);
    return c.multiple ? texts : (texts[0] ?? "");
  }
  if (!c) {
    const span = viewSpan(fieldId);
    if (span && !offPage.has(fieldId)) return span.textContent ?? "";
    const text = readPage().record?.texts[fieldId];
    if (text !== undefined && text !== null && !offPage.has(fieldId)) return text;
  }
  const value = getValue(fieldId);
  if (value instanceof Date) return formatDate(value, type);
  return toControl(type, value);
}

/** Writes a script value to the control, the view span, or (not on the page) the record's hidden values. */
export function setValue(fieldId: string, value: unknown): void {
  const type = fieldType(fieldId);
  const c = control(fieldId);
  if (c) {
    writeControl(c, type, value);
    return;
  }
  const span = viewSpan(fieldId);
  const typed = toScript(type, value);
  if (span) {
    span.dataset.value = JSON.stringify(typed instanceof Date ? formatDate(typed, type) : typed);
    span.textContent = typed instanceof Date ? formatDate(typed, type) : toControl(type, typed);
    return;
  }
  offPage.set(fieldId, typed);
}

/** setText: a select's option by its text; anything else as the text control would take it. */
export function setText(fieldId: string, text: unknown): void {
  const c = control(fieldId);
  if (c instanceof HTMLSelectElement) {
    const wanted = (Array.isArray(text) ? text : [text]).map(String);
    for (const o of c.options) o.selected = wanted.includes(o.text);
    return;
  }
  setValue(fieldId, toScript(fieldType(fieldId), String(text ?? "")));
}
