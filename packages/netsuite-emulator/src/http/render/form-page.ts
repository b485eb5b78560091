/**
 * A Suitelet's serverWidget.Form (the PageData of `response.writePage`) as an HTML fragment the
 * server wraps in its layout (Oracle: "serverWidget.Form", "serverWidget.Sublist",
 * "serverWidget.SublistType", section_4332704307). A Suitelet form is an entry form: fields render in
 * edit mode. Order: page links, the buttons bar, fields and field groups outside tabs, sublists
 * outside tabs, subtabs of the main tab, then the tabs (a bar of links, then each tab with its
 * fields, groups, sublists and subtabs). Sublist cells post as `{sublist}[{line}][{field}]`
 * (runtime/entry/sublist-params.ts); STATICLIST sublists are read-only text and post nothing ("This
 * type of sublist is read-only"); in a LIST sublist only checkboxes and ENTRY fields are editable
 * ("To make a field within a LIST type sublist editable, use Field.updateDisplayType(options)" with
 * ENTRY), as in NetSuite.
 *
 * Tabs and subtabs (Form.addTab(options), section_4339625909; Form.addSubtab(options),
 * section_4338820096): "there must be at least one object assigned to the tab. Otherwise, the tab will
 * not appear", and "If you have less than two tabs on your form, the tab will not appear. Instead the
 * fields assigned to the tab will appear at the bottom of the form" (likewise for subtabs, counted
 * over the form). A tab's objects are its fields (`container`), field groups, sublists and subtabs.
 *
 * The submit button posts `submitter` = its label, as Suitelets read it
 * (`context.request.parameters.submitter`, public Suitelet code). Mark All / Unmark All (Sublist.
 * addMarkAllButtons) check and clear the sublist's checkboxes with a small script of the page.
 */
import { cellName, checkboxesName, linesName } from "../../runtime/entry/sublist-params.js";
import type {
  FormFieldGroupData,
  FormTabData,
  PageData,
  PageField,
  PageSublist,
} from "../../runtime/entry/types.js";
import { displayHtml, type FieldView, helpPopup, renderControl, renderField } from "./field.js";
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
      `<button${attr({ type: "submit", class: "ns-button ns-submit", id: "submitter", name: "submitter", value: submit.label, disabled: submit.isDisabled === true })}>${escapeHtml(submit.label)}</button>`,
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
  if (isStaticList(sublist)) return false;
  if (sublist.type.toUpperCase() !== "LIST") return true;
  return display === "ENTRY" || field.type.toUpperCase() === "CHECKBOX";
}

const isStaticList = (sublist: PageSublist) => sublist.type.toUpperCase() === "STATICLIST";

function cell(sublist: PageSublist, field: PageField, line: number, value: string | null): string {
  const view = pageFieldView(field, value);
  if (isStaticList(sublist)) return displayHtml(view);
  const name = cellName(sublist.id, line, field.id);
  if (editable(sublist, field)) return renderControl(view, name, `${sublist.id}_${field.id}_${line}`);
  // Posted even when empty, so every line has a named input (the client runtime counts lines by them).
  const hidden = `<input${attr({ type: "hidden", name, value: value ?? "" })}>`;
  return `${displayHtml(view)}${hidden}`;
}

/**
 * A sublist as a table of its lines. Display type HIDDEN leaves the sublist out; NODISPLAY
 * (serverWidget.SublistDisplayType, section_4332704261) renders it in a `hidden` block; a NODISPLAY
 * column is a `hidden` column whose cells still post. A column's help text is its header's popup.
 */
export function renderSublist(sublist: PageSublist): string {
  const sublistDisplay = (sublist.displayType ?? "").toUpperCase();
  if (sublistDisplay === "HIDDEN") return "";
  const isStatic = isStaticList(sublist);
  const shown = sublist.fields.filter((f) => f.displayType.toUpperCase() !== "HIDDEN");
  const hiddenFields = sublist.fields.filter((f) => f.displayType.toUpperCase() === "HIDDEN");
  const noDisplay = (f: PageField) => f.displayType.toUpperCase() === "NODISPLAY";
  const head = shown
    .map((f) => {
      const help = helpPopup(`${sublist.id}_${f.id}`, f.label, f.help);
      return `<th${attr({ "data-field-id": f.id, "data-field-type": f.type.toLowerCase(), title: f.help, hidden: noDisplay(f) })}>${help.trigger}${help.popup}</th>`;
    })
    .join("");
  const rows = sublist.lines.map((line, i) => {
    const cells = shown.map(
      (f) =>
        `<td${attr({ "data-field-id": f.id, "data-field-type": f.type.toLowerCase(), hidden: noDisplay(f) })}>${cell(sublist, f, i, line[f.id] ?? null)}</td>`,
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
  return `<div${attr({ class: "ns-sublist-block", id: `${sublist.id}_layer`, title: sublist.helpText, hidden: sublistDisplay === "NODISPLAY" })}><h3 class="ns-sublist-label">${escapeHtml(sublist.label)}</h3>${bar}${table}${counts}</div>`;
}

/** What a tab, a subtab or the main area holds. */
interface Area {
  fields: PageField[];
  groups: { group: FormFieldGroupData; fields: PageField[] }[];
  sublists: PageSublist[];
}

/** The objects placed in `id` (undefined: the main area, which also takes whatever names no known container). */
function areaOf(page: PageData, id: string | undefined, known: Set<string>): Area {
  const inArea = (c: string | undefined) => (id === undefined ? c === undefined || !known.has(c) : c === id);
  const groupIds = new Set(page.fieldGroups.map((g) => g.id));
  return {
    fields: page.fields.filter(
      (f) => !(f.container !== undefined && groupIds.has(f.container)) && inArea(f.container),
    ),
    groups: page.fieldGroups
      .filter((g) => inArea(g.tab))
      .map((group) => ({ group, fields: page.fields.filter((f) => f.container === group.id) })),
    sublists: page.sublists.filter((s) => inArea(s.tab)),
  };
}

const isEmptyArea = (a: Area) => a.fields.length === 0 && a.groups.length === 0 && a.sublists.length === 0;

function areaHtml(a: Area): string {
  const fields = a.fields.length > 0 ? `<div class="ns-fields">${fieldsHtml(a.fields)}</div>` : "";
  return `${fields}${a.groups.map((g) => fieldGroup(g.group, g.fields)).join("")}${a.sublists.map(renderSublist).join("")}`;
}

/** A tab or subtab to render: its own objects and, for a tab, its subtabs. */
interface Panel {
  tab: FormTabData;
  area: Area;
  subtabs: Panel[];
}

/** A tab or subtab as HTML: its id, label, help text, its own content (already HTML) and its subtabs. */
export interface TabPanel {
  id: string;
  label: string;
  helpText?: string;
  html: string;
  subtabs: TabPanel[];
}

const tabPanel = (p: Panel): TabPanel => ({
  id: p.tab.id,
  label: p.tab.label,
  ...(p.tab.helpText !== undefined ? { helpText: p.tab.helpText } : {}),
  html: areaHtml(p.area),
  subtabs: p.subtabs.map(tabPanel),
});

/**
 * Panels as tabs (a bar of links, then one section each) or, when the form has fewer than two of
 * them, only their contents, without a heading. `subAsTabs` is the same choice for their subtabs.
 * Record pages (pages/record-page.ts) render a custom record type's subtabs with it too.
 */
export function tabsHtml(panels: TabPanel[], sub: boolean, asTabs: boolean, subAsTabs: boolean): string {
  const inner = (p: TabPanel) => `${p.html}${tabsHtml(p.subtabs, true, subAsTabs, subAsTabs)}`;
  if (panels.length === 0) return "";
  if (!asTabs) return panels.map(inner).join("");
  const kind = sub ? "ns-subtab" : "ns-tab";
  const heading = sub ? "h3" : "h2";
  const bar = panels
    .map(
      (p) =>
        `<a${attr({ href: `#${p.id}`, class: `${kind}-link`, "data-tab-id": p.id, title: p.helpText })}>${escapeHtml(p.label)}</a>`,
    )
    .join("");
  const sections = panels.map(
    (p) =>
      `<section${attr({ class: kind, id: p.id, "data-tab-id": p.id, title: p.helpText })}><${heading} class="ns-tab-label">${escapeHtml(p.label)}</${heading}>${inner(p)}</section>`,
  );
  return `<nav${attr({ class: `${kind}-bar` })}>${bar}</nav>${sections.join("")}`;
}

function panelsHtml(panels: Panel[], sub: boolean, asTabs: boolean, subAsTabs: boolean): string {
  return tabsHtml(panels.map(tabPanel), sub, asTabs, subAsTabs);
}

/** Mark All / Unmark All / Refresh of sublists (Sublist.addMarkAllButtons, addRefreshButton), without the client runtime. */
function markAllScript(page: PageData): string {
  if (!page.sublists.some((s) => s.markAllButtons || s.refreshButton)) return "";
  return `<script>document.addEventListener("click",function(e){var b=e.target instanceof Element?e.target.closest("button[data-action][data-sublist-id]"):null;if(!b)return;var a=b.getAttribute("data-action");if(a==="refresh"){location.reload();return}var t=document.querySelector('table.ns-sublist[data-sublist-id="'+CSS.escape(b.getAttribute("data-sublist-id"))+'"]');if(!t)return;t.querySelectorAll('input[type="checkbox"]:not([disabled])').forEach(function(c){var v=a==="markall";if(c.checked!==v){c.checked=v;c.dispatchEvent(new Event("change",{bubbles:true}))}})});</script>`;
}

export function renderFormPage(page: PageData, options: { action: string }): string {
  const tabIds = new Set(page.tabs.map((t) => t.id));
  const known = new Set([...tabIds, ...page.subtabs.map((s) => s.id), ...page.fieldGroups.map((g) => g.id)]);
  // Subtabs with objects; one naming no tab (or an unknown one) is on the main tab ("If empty, the
  // subtab is added to the main tab").
  const subtabs = page.subtabs
    .map((s): Panel => ({ tab: s, area: areaOf(page, s.id, known), subtabs: [] }))
    .filter((p) => !isEmptyArea(p.area));
  const tabs = page.tabs
    .map(
      (t): Panel => ({
        tab: t,
        area: areaOf(page, t.id, known),
        subtabs: subtabs.filter((s) => s.tab.tab === t.id),
      }),
    )
    .filter((p) => !isEmptyArea(p.area) || p.subtabs.length > 0);
  const mainSubtabs = subtabs.filter((s) => s.tab.tab === undefined || !tabIds.has(s.tab.tab));
  const subAsTabs = subtabs.length >= 2;
  const body = `${pageLinks(page)}${buttonsBar(page)}${areaHtml(areaOf(page, undefined, known))}${panelsHtml(
    mainSubtabs,
    true,
    subAsTabs,
    subAsTabs,
  )}${panelsHtml(tabs, false, tabs.length >= 2, subAsTabs)}${markAllScript(page)}`;
  return `<form${attr({ id: "main_form", class: "ns-form", method: "POST", action: options.action, enctype: "application/x-www-form-urlencoded" })}>${body}</form>`;
}
