/**
 * Client script entry points on the page: pageInit after load, validateField + fieldChanged on a
 * control's change, saveRecord on `#main_form` submit, button functions by `data-function`. Any
 * error thrown is reported (console + ERROR banner), never swallowed.
 */
import { reportError } from "./banner.js";
import { currentRecord, setChangeHook } from "./current-record.js";
import { NsError } from "./errors.js";
import { rawState, restoreState } from "./fields.js";
import type { PageJson } from "./page.js";
import { parseCall } from "./parse-call.js";
import { SUBLIST_NAME } from "./sublists.js";

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
type Module = Record<string, unknown>;

/** Calls an entry point; a throw is reported and counts as `undefined`. */
function invoke(module: Module, name: string, context: object): { ran: boolean; result?: unknown } {
  const fn = module[name];
  if (typeof fn !== "function") return { ran: false };
  try {
    return { ran: true, result: fn.call(module, context) };
  } catch (e) {
    reportError(e, name);
    return { ran: true, result: undefined };
  }
}

/** Which field a control is: a body field (`{id}`) or a sublist cell (`{sublist}[{line}][{field}]`). */
function locate(el: Control): { fieldId: string; sublistId: string | null; line: number | undefined } | null {
  const name = el.name || el.id;
  const cell = SUBLIST_NAME.exec(name);
  if (cell) return { sublistId: cell[1] ?? null, line: Number(cell[2]), fieldId: cell[3] ?? "" };
  // Only the record's or form's fields: not a search box or other control elsewhere on the page.
  const wrapper = el.closest<HTMLElement>(".ns-field");
  if (!wrapper && el.form?.id !== "main_form") return null;
  const fieldId = wrapper?.dataset.fieldId ?? name;
  return fieldId ? { fieldId, sublistId: null, line: undefined } : null;
}

const MAX_DEPTH = 32;

export function wire(module: Module, page: PageJson): void {
  const previous = new Map<Control, ReturnType<typeof rawState>>();
  const controls = () => [...document.querySelectorAll<Control>("input[name],select[name],textarea[name]")];
  for (const c of controls()) previous.set(c, rawState(c));
  let depth = 0;

  const fieldChanged = (ctx: { fieldId: string; sublistId: string | null; line: number | undefined }) => {
    // A fieldChanged that sets the field it handles would loop forever; NetSuite hangs, we report.
    if (depth >= MAX_DEPTH) {
      throw new NsError(
        "SSS_RECURSION_LIMIT",
        `fieldChanged re-entered ${MAX_DEPTH} times (last field ${ctx.fieldId})`,
      );
    }
    depth++;
    try {
      invoke(module, "fieldChanged", { currentRecord: currentRecord(), ...ctx, column: undefined });
    } finally {
      depth--;
    }
  };

  setChangeHook((fieldId) => {
    for (const c of controls()) previous.set(c, rawState(c));
    fieldChanged({ fieldId, sublistId: null, line: undefined });
  });

  document.addEventListener("change", (event) => {
    const el = event.target as Control;
    if (!el || !("name" in el) || el.closest("#ns-dialog")) return;
    const where = locate(el);
    if (!where) return;
    const ctx = { currentRecord: currentRecord(), ...where, column: undefined };
    const valid = invoke(module, "validateField", ctx);
    if (valid.ran && valid.result === false) {
      const before = previous.get(el);
      if (before !== undefined) restoreState(el, before);
      return;
    }
    previous.set(el, rawState(el));
    try {
      fieldChanged(where);
    } catch (e) {
      reportError(e, "fieldChanged");
    }
  });

  const form = document.getElementById("main_form");
  form?.addEventListener("submit", (event) => {
    const saved = invoke(module, "saveRecord", { currentRecord: currentRecord() });
    // NetSuite saves only when saveRecord returns a truthy value (a missing `return true` blocks).
    if (saved.ran && !saved.result) event.preventDefault();
  });

  document.addEventListener("click", (event) => {
    const button = (event.target as Element | null)?.closest?.<HTMLElement>(".ns-button[data-function]");
    if (!button) return;
    try {
      const call = parseCall(button.dataset.function ?? "");
      const fn = module[call.name];
      if (typeof fn !== "function") {
        throw new NsError(
          "SSS_MISSING_FUNCTION",
          `Button ${button.id}: the client script ${page.clientScript?.path ?? ""} returns no function ${call.name}`,
        );
      }
      const result = fn.apply(module, call.args);
      // A returned promise that rejects is as uncaught as a throw.
      if (result && typeof (result as Promise<unknown>).then === "function") {
        (result as Promise<unknown>).then(undefined, (e: unknown) => reportError(e, call.name));
      }
    } catch (e) {
      reportError(e, button.dataset.function);
    }
  });

  // A view page has a client script only when a beforeLoad attached one (form.clientScriptModulePath)
  // for its buttons; its pageInit runs there too, with mode "view".
  invoke(module, "pageInit", { currentRecord: currentRecord(), ...(page.mode ? { mode: page.mode } : {}) });
}
