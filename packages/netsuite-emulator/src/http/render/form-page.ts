/**
 * A Suitelet's serverWidget.Form (the PageData of `response.writePage`) as an HTML fragment the
 * server wraps in its layout (Oracle: "serverWidget.Form", "serverWidget.Sublist",
 * "serverWidget.SublistType"). A Suitelet form is an entry form: fields render in edit mode.
 * Order: page links, the buttons bar, fields and field groups outside tabs, sublists outside tabs,
 * then each tab with its fields, groups, sublists and subtabs. Sublist cells post as
 * `{sublist}[{line}][{field}]` (runtime/entry/sublist-params.ts); STATIC sublists are read-only text
 * and post nothing; in a LIST sublist only checkboxes and ENTRY fields are editable, as in NetSuite.
 */
import { cellName, checkboxesName, linesName } from "../../runtime/entry/sublist-params.js";
import type {
  FormFieldGroupData,
  FormTabData,
  PageData,
  PageField,
  PageSublist,
} from "../../runtime/entry/types.js";
import { displayHtml, type FieldView, renderControl, renderField } from "./field.js";
import { attr, escapeHtml } from "./html.js";

const FIELD_VIEW_TYPES = new Set([
  "text",
  "email",
  "phone",
  "url",
  "textarea",
  "longtext",
  "richtext",
  "integer",
  "float",
  "currency",
  "percent",
  "date",
  "datetime",
  "datetimetz",
  "timeofday",
  "checkbox",
  "select",
  "multiselect",
  "radio",
  "password",
  "inlinehtml",
  "help",
  "label",
  "file",
  "image",
]);

/** NetSuite joins multiselect values with "\u0005" in text form; commas are accepted too. */
const MULTISELECT_SEPARATOR = new RegExp(`[${String.fromCharCode(5)},]`);

/** A page field (or a sublist cell, with `value`) as the FieldView renderField takes. */
export function pageFieldView(f: PageField, value: string | string[] | null = f.defaultValue): FieldView {
  const lower = f.type.toLowerCase();
  const type = FIELD_VIEW_TYPES.has(lower) ? lower : "text";
  let v: FieldView["value"] = value;
  if (type === "checkbox") v = value === "T";
  else if (type === "multiselect" && typeof value === "string")
    v = value === "" ? [] : value.split(MULTISELECT_SEPARATOR);
  else if (Array.isArray(value) && type !== "multiselect") v = value.join(",");
  const view: FieldView = {
    id: f.id,
    label: f.label,
    type,
    value: v,
    displayType: f.displayType.toLowerCase(),
  };
  if (f.options) view.options = f.options.map((o) => ({ value: o.value, text: o.text }));
  if (f.mandatory) view.mandatory = true;
  if (f.help !== undefined) view.help = f.help;
  if (f.maxLength !== undefined) view.maxLength = f.maxLength;
  return view;
}

function fieldsHtml(fields: PageField[]): string {
  return fields
    .map((f) => {
      const brk = (f.breakType ?? "").toUpperCase();
      const before =
        brk === "STARTCOL" || brk === "STARTROW"
          ? `<div class="ns-break ns-${brk.toLowerCase()}"></div>`
          : "";
      return `${before}${renderField(pageFieldView(f), "edit")}`;
    })
    .join("");
}

function button(id: string, label: string, extra: Record<string, string | boolean | null> = {}): string {
  return `<button${attr({ type: "button", class: "ns-button", id, ...extra })}>${escapeHtml(label)}</button>`;
}

function buttonsBar(page: PageData): string {
  const out: string[] = [];
  const submit = page.submitButton;
  if (submit && !submit.isHidden) {
    out.push(
      `<button${attr({ type: "submit", class: "ns-button ns-submit", id: "submitter", name: "submitter", disabled: submit.isDisabled === true })}>${escapeHtml(submit.label)}</button>`,
    );
  }
  for (const b of page.buttons) {
    if (b.isHidden) continue;
    out.push(
      button(b.id, b.label, { "data-function": b.functionName ?? "", disabled: b.isDisabled === true }),
    );
  }
  const reset = page.resetButton;
  if (reset && !reset.isHidden) {
    out.push(
      `<button${attr({ type: "reset", class: "ns-button ns-reset", id: "resetter", disabled: reset.isDisabled === true })}>${escapeHtml(reset.label)}</button>`,
    );
  }
  return out.length > 0 ? `<div class="ns-buttons">${out.join("")}</div>` : "";
}

/** Page links; only http(s) and site-relative URLs become links. */
function pageLinks(page: PageData): string {
  if (page.pageLinks.length === 0) return "";
  const links = page.pageLinks.map((l) => {
    const cls = `ns-pagelink ns-${l.type.toLowerCase()}`;
    return /^(https?:\/\/|\/(?!\/))/i.test(l.url)
      ? `<a${attr({ class: cls, href: l.url })}>${escapeHtml(l.title)}</a>`
      : `<span${attr({ class: cls })}>${escapeHtml(l.title)}</span>`;
  });
  return `<nav class="ns-pagelinks">${links.join("")}</nav>`;
}

function fieldGroup(g: FormFieldGroupData, fields: PageField[]): string {
  const cls = [
    "ns-fieldgroup",
    g.isBorderHidden ? "ns-borderless" : "",
    g.isSingleColumn ? "ns-single-column" : "",
  ]
    .filter(Boolean)
    .join(" ");
  return `<fieldset${attr({ class: cls, id: g.id, "data-collapsible": g.isCollapsible === true, "data-collapsed": g.isCollapsed === true })}><legend>${escapeHtml(g.label)}</legend><div class="ns-fields">${fieldsHtml(fields)}</div></fieldset>`;
}

/** Whether a sublist cell is an input (LIST: checkboxes and ENTRY fields only). */
function editable(sublist: PageSublist, field: PageField): boolean {
  const display = field.displayType.toUpperCase();
  if (display === "INLINE" || display === "HIDDEN" || display === "DISABLED") return false;
  if (sublist.type.toUpperCase() !== "LIST") return true;
  return display === "ENTRY" || field.type.toUpperCase() === "CHECKBOX";
}

function cell(sublist: PageSublist, field: PageField, line: number, value: string | null): string {
  const view = pageFieldView(field, value);
  if (sublist.type.toUpperCase() === "STATIC") return displayHtml(view);
  const name = cellName(sublist.id, line, field.id);
  if (editable(sublist, field)) return renderControl(view, name, `${sublist.id}_${field.id}_${line}`);
  // Posted even when empty, so every line has a named input (the client runtime counts lines by them).
  const hidden = `<input${attr({ type: "hidden", name, value: value ?? "" })}>`;
  return `${displayHtml(view)}${hidden}`;
}

export function renderSublist(sublist: PageSublist): string {
  if ((sublist.displayType ?? "").toUpperCase() === "HIDDEN") return "";
  const isStatic = sublist.type.toUpperCase() === "STATIC";
  const shown = sublist.fields.filter((f) => f.displayType.toUpperCase() !== "HIDDEN");
  const hiddenFields = sublist.fields.filter((f) => f.displayType.toUpperCase() === "HIDDEN");
  const head = shown
    .map(
      (f) =>
        `<th${attr({ "data-field-id": f.id, "data-field-type": f.type.toLowerCase() })}>${escapeHtml(f.label)}</th>`,
    )
    .join("");
  const rows = sublist.lines.map((line, i) => {
    const cells = shown.map(
      (f) =>
        `<td${attr({ "data-field-id": f.id, "data-field-type": f.type.toLowerCase() })}>${cell(sublist, f, i, line[f.id] ?? null)}</td>`,
    );
    const hidden = isStatic
      ? ""
      : hiddenFields
          .filter((f) => line[f.id] !== undefined)
          .map(
            (f) =>
              `<input${attr({ type: "hidden", name: cellName(sublist.id, i, f.id), value: line[f.id] })}>`,
          )
          .join("");
    return `<tr${attr({ class: "ns-sublist-line", "data-line": i })}>${cells.join("")}${hidden ? `<td hidden>${hidden}</td>` : ""}</tr>`;
  });
  const buttons = sublist.buttons
    .filter((b) => !b.isHidden)
    .map((b) =>
      button(b.id, b.label, { "data-function": b.functionName ?? "", disabled: b.isDisabled === true }),
    );
  if (sublist.markAllButtons) {
    buttons.push(
      button(`${sublist.id}_markall`, "Mark All", {
        "data-sublist-id": sublist.id,
        "data-action": "markall",
      }),
    );
    buttons.push(
      button(`${sublist.id}_unmarkall`, "Unmark All", {
        "data-sublist-id": sublist.id,
        "data-action": "unmarkall",
      }),
    );
  }
  if (sublist.refreshButton) {
    buttons.push(
      button(`${sublist.id}_refresh`, "Refresh", { "data-sublist-id": sublist.id, "data-action": "refresh" }),
    );
  }
  const checkboxes = sublist.fields.filter((f) => f.type.toUpperCase() === "CHECKBOX").map((f) => f.id);
  const counts = isStatic
    ? ""
    : `<input${attr({ type: "hidden", id: linesName(sublist.id), name: linesName(sublist.id), value: sublist.lines.length })}><input${attr({ type: "hidden", name: checkboxesName(sublist.id), value: checkboxes.join(",") })}>`;
  const table = `<table${attr({ class: "ns-sublist", id: `${sublist.id}_splits`, "data-sublist-id": sublist.id, "data-sublist-type": sublist.type.toLowerCase() })}><thead><tr>${head}</tr></thead><tbody>${rows.join("")}</tbody></table>`;
  const bar = buttons.length > 0 ? `<div class="ns-sublist-buttons">${buttons.join("")}</div>` : "";
  return `<div${attr({ class: "ns-sublist-block", id: `${sublist.id}_layer`, title: sublist.helpText })}><h3 class="ns-sublist-label">${escapeHtml(sublist.label)}</h3>${bar}${table}${counts}</div>`;
}

/** Fields, field groups and sublists whose container is `id` (undefined: the page's main area). */
function area(page: PageData, id: string | undefined, known: Set<string>): string {
  const inArea = (c: string | undefined) => (id === undefined ? c === undefined || !known.has(c) : c === id);
  const groupIds = new Set(page.fieldGroups.map((g) => g.id));
  const loose = page.fields.filter(
    (f) => !(f.container !== undefined && groupIds.has(f.container)) && inArea(f.container),
  );
  const groups = page.fieldGroups
    .filter((g) => inArea(g.tab))
    .map((g) =>
      fieldGroup(
        g,
        page.fields.filter((f) => f.container === g.id),
      ),
    );
  const sublists = page.sublists.filter((s) => inArea(s.tab)).map(renderSublist);
  const fields = loose.length > 0 ? `<div class="ns-fields">${fieldsHtml(loose)}</div>` : "";
  return `${fields}${groups.join("")}${sublists.join("")}`;
}

function tabSection(page: PageData, tab: FormTabData, sub: boolean, known: Set<string>): string {
  const subtabs = sub
    ? ""
    : page.subtabs.filter((s) => s.tab === tab.id).map((s) => tabSection(page, s, true, known));
  const heading = sub ? "h3" : "h2";
  return `<section${attr({ class: sub ? "ns-subtab" : "ns-tab", id: tab.id, "data-tab-id": tab.id, title: tab.helpText })}><${heading} class="ns-tab-label">${escapeHtml(tab.label)}</${heading}>${area(page, tab.id, known)}${Array.isArray(subtabs) ? subtabs.join("") : ""}</section>`;
}

export function renderFormPage(page: PageData, options: { action: string }): string {
  const tabIds = new Set(page.tabs.map((t) => t.id));
  const known = new Set([...tabIds, ...page.subtabs.map((s) => s.id), ...page.fieldGroups.map((g) => g.id)]);
  const tabs = page.tabs.map((t) => tabSection(page, t, false, known));
  // Subtabs of no known tab still show, after the tabs.
  const orphans = page.subtabs
    .filter((s) => s.tab === undefined || !tabIds.has(s.tab))
    .map((s) => tabSection(page, s, true, known));
  const body = `${pageLinks(page)}${buttonsBar(page)}${area(page, undefined, known)}${tabs.join("")}${orphans.join("")}`;
  return `<form${attr({ id: "main_form", class: "ns-form", method: "POST", action: options.action, enctype: "application/x-www-form-urlencoded" })}>${body}</form>`;
}
