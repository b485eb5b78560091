/**
 * Suitelet sublists on the page: `<table class="ns-sublist" data-sublist-id>` with inputs named
 * `{sublistId}[{line}][{fieldId}]`. Read and write by line only (no current-line editing).
 */
import { missingArgument, NsError } from "./errors.js";
import { readControl, writeControl } from "./fields.js";

export const SUBLIST_NAME = /^([^[\]]+)\[(\d+)\]\[([^[\]]+)\]$/;

function table(sublistId: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`.ns-sublist[data-sublist-id="${CSS.escape(sublistId)}"]`);
}

export function lineCount(sublistId: string): number {
  const t = table(sublistId);
  if (!t) return -1;
  const lines = new Set<number>();
  for (const el of t.querySelectorAll<HTMLInputElement>("[name]")) {
    const m = SUBLIST_NAME.exec(el.name);
    if (m && m[1] === sublistId) lines.add(Number(m[2]));
  }
  return lines.size;
}

/** The type of a sublist column: its cell's data-field-type, else what the control is. */
export function columnType(el: Element): string {
  const typed = el.closest<HTMLElement>("[data-field-type]")?.dataset.fieldType;
  if (typed) return typed;
  return el instanceof HTMLInputElement && el.type === "checkbox" ? "checkbox" : "text";
}

function cell(opts: Record<string, unknown>, member: string) {
  for (const key of ["sublistId", "fieldId", "line"]) {
    if (opts[key] === undefined || opts[key] === null) throw missingArgument(member, key);
  }
  const name = `${String(opts.sublistId)}[${Number(opts.line)}][${String(opts.fieldId)}]`;
  const el = table(String(opts.sublistId))?.querySelector<HTMLInputElement>(`[name="${CSS.escape(name)}"]`);
  if (!el) {
    throw new NsError("SSS_INVALID_SUBLIST_OPERATION", `${member}: no field ${name} on the page`);
  }
  return el;
}

export function getSublistValue(opts: Record<string, unknown>): unknown {
  const el = cell(opts, "CurrentRecord.getSublistValue");
  return readControl(el, columnType(el));
}

export function setSublistValue(opts: Record<string, unknown>): void {
  const el = cell(opts, "CurrentRecord.setSublistValue");
  writeControl(el, columnType(el), opts.value);
}
