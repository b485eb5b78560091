/**
 * Record pages: view (`?id=N`), edit (`&e=T`) and new (no id) for customers (custjob.nl) and custom
 * records (custrecordentry.nl?rectype=…). Each runs the record's user event beforeLoad as NetSuite
 * does, so buttons, fields and client scripts that scripts add appear; saving posts back and goes
 * through the same user event path as `saveAsUser` (beforeSubmit, the write, afterSubmit). A refused
 * save shows the edit form again with what was entered and the error.
 *
 * A custom record type's `<subtabs>` are the record's subtabs, in their order ("Custom Record Type Object
 * Subtabs", section_1532200257), each with the fields whose `subtab` names it; a field without one is in
 * the main area ("body fields on the main area of the record or on a subtab", Using SuiteScript with
 * NetSuite Records, section_N2903330). A child subtab (`tabparent`, SDFxml_1525431914) is a subtab of
 * its parent's. Left out or flattened as serverWidget tabs are on record forms too (Form.addTab,
 * section_4339625909, and Form.addSubtab, section_4338820096, both supported in beforeLoad): "there must
 * be at least one object assigned to the tab. Otherwise, the tab will not appear", and "If you have less
 * than two tabs on your form, the tab will not appear. Instead the fields assigned to the tab will appear
 * at the bottom of the form". A subtab under a child subtab is not modelled (UNSUPPORTED_BY_EMULATOR).
 */
import type { RecordData } from "../../data/types.js";
import { NsError } from "../../errors.js";
import type { FormAdditions, SuiteletRequestData } from "../../runtime/entry/types.js";
import type { CustomRecordTypeDef } from "../../sdf/types.js";
import { bodyText, type Ctx, headersOf, readBody, redirect, sendHtml } from "../context.js";
import { clientScriptOf } from "../files.js";
import { renderField } from "../render/field.js";
import { renderSublist, type TabPanel, tabsHtml } from "../render/form-page.js";
import { escapeHtml } from "../render/html.js";
import { redirectUrl } from "../suitelet-route.js";
import { REFUSALS, sendError } from "./error-page.js";
import { layout, type PageMessage } from "./layout.js";
import { pageJson } from "./page-json.js";
import { postedValues, type RecordFieldView, recordFieldViews } from "./record-fields.js";
import { listUrl, recordUrl } from "./record-url.js";

type Mode = "view" | "edit" | "create";

/** The record type a page URL names: customers, or a custom record type of the project. */
function pageType(ctx: Ctx, customer: boolean): string | undefined {
  if (customer) return "customer";
  const rectype = (ctx.url.searchParams.get("rectype") ?? "").toLowerCase();
  const catalog = ctx.state.emulator.data.catalog;
  return catalog.has(rectype) && catalog.require(rectype).kind === "custom" ? rectype : undefined;
}

function requestData(ctx: Ctx, method: string): SuiteletRequestData {
  const headers = headersOf(ctx);
  delete headers.cookie;
  return {
    method,
    url: ctx.url.href,
    parameters: Object.fromEntries(ctx.url.searchParams),
    headers,
    body: "",
  };
}

/** The client script of the page: the one beforeLoad named, else one deployed to the record type. */
function clientScriptPath(ctx: Ctx, type: string, form: FormAdditions): string | undefined {
  if (form.clientScriptModulePath) return form.clientScriptModulePath;
  const deployed = ctx.state.emulator.project.scripts.find(
    (s) =>
      s.type === "clientscript" &&
      s.deployments.some((d) => d.isDeployed && d.recordType?.toLowerCase() === type.toLowerCase()),
  );
  return deployed?.scriptFile;
}

function buttons(type: string, id: number | null, mode: Mode, form: FormAdditions): string {
  const standard =
    mode === "view"
      ? `<a class="ns-button ns-primary" id="edit" href="${escapeHtml(recordUrl(type, id, true))}">Edit</a>`
      : `<button type="submit" class="ns-button ns-submit" id="submitter" name="submitter">Save</button><a class="ns-button" id="cancel" href="${escapeHtml(id === null ? listUrl(type) : recordUrl(type, id))}">Cancel</a>`;
  const custom = form.buttons
    .map(
      (b) =>
        `<button type="button" class="ns-button" id="${escapeHtml(b.id)}" data-function="${escapeHtml(b.functionName ?? "")}">${escapeHtml(b.label)}</button>`,
    )
    .join("");
  return `<div class="ns-buttons">${standard}${custom}</div>`;
}

function section(title: string, id: string, fields: string[]): string {
  if (fields.length === 0) return "";
  return `<fieldset class="ns-fieldgroup" id="${escapeHtml(id)}"><legend>${escapeHtml(title)}</legend><div class="ns-fields">${fields.join("")}</div></fieldset>`;
}

/**
 * The record type's subtabs with their fields (see the header), and the fields they leave in the main
 * area: those with no subtab, and the hidden fields of a subtab left out (they still post).
 */
export function recordSubtabs(
  def: CustomRecordTypeDef | undefined,
  views: RecordFieldView[],
  html: (list: RecordFieldView[]) => string[],
): { tabs: string; main: RecordFieldView[] } {
  const subtabs = def?.subtabs ?? [];
  const byId = new Map(subtabs.map((t) => [t.scriptId, t]));
  for (const t of subtabs) {
    const parent = t.parent === undefined ? undefined : byId.get(t.parent);
    if (parent?.parent !== undefined) {
      throw new NsError(
        "UNSUPPORTED_BY_EMULATOR",
        `UNSUPPORTED_BY_EMULATOR: subtab ${t.scriptId} of ${def?.scriptId} is a child of the child subtab ${parent.scriptId}`,
      );
    }
  }
  const fieldsOf = (id: string) => views.filter((v) => v.subtab === id);
  const shown = (list: RecordFieldView[]) => list.some((v) => v.displayType !== "hidden");
  const panel = (id: string, children: TabPanel[]): TabPanel => {
    const t = byId.get(id);
    const fields = fieldsOf(id);
    return {
      id,
      label: t?.title ?? id,
      html: shown(fields) ? `<div class="ns-fields">${html(fields).join("")}</div>` : "",
      subtabs: children,
    };
  };
  const children = subtabs
    .filter((t) => t.parent !== undefined && shown(fieldsOf(t.scriptId)))
    .map((t) => panel(t.scriptId, []));
  const tops = subtabs
    .filter((t) => t.parent === undefined)
    .map((t) =>
      panel(
        t.scriptId,
        children.filter((c) => byId.get(c.id)?.parent === t.scriptId),
      ),
    )
    .filter((p) => p.html !== "" || p.subtabs.length > 0);
  const placed = new Set([...tops.map((p) => p.id), ...tops.flatMap((p) => p.subtabs.map((c) => c.id))]);
  return {
    tabs: tabsHtml(tops, false, tops.length >= 2, children.length >= 2),
    main: views.filter((v) => v.subtab === undefined || !placed.has(v.subtab)),
  };
}

/** The fields beforeLoad added, as FieldViews (values from their defaultValue). */
function addedViews(form: FormAdditions): (RecordFieldView & { container?: string })[] {
  return form.fields.map((f) => ({
    id: f.id,
    label: f.label,
    type: f.type.toLowerCase(),
    value: (f.defaultValue as RecordFieldView["value"]) ?? null,
    displayType: (f.displayType ?? "normal").toLowerCase(),
    ...(f.isMandatory ? { mandatory: true } : {}),
    ...(f.helpText ? { help: f.helpText } : {}),
    ...(f.options ? { options: f.options.map((o) => ({ value: o.value, text: o.text })) } : {}),
    editable: false,
    custom: true,
    ...(f.container ? { container: f.container } : {}),
  }));
}

/** Renders the page of `record` (as stored), with `posted` values over it when a save was refused. */
async function render(
  ctx: Ctx,
  type: string,
  record: RecordData,
  mode: Mode,
  status: number,
  messages: PageMessage[],
  posted: RecordData["values"] = {},
) {
  const { emulator } = ctx.state;
  const loaded = await emulator.fireBeforeLoad(type, record, mode, requestData(ctx, "GET"));
  // N/redirect in beforeLoad sends the user elsewhere instead of showing the record.
  if (loaded.redirect && status === 200) return redirect(ctx, redirectUrl(ctx, loaded.redirect), 302);
  const shown: RecordData = { ...loaded.record, values: { ...loaded.record.values, ...posted } };
  const views = recordFieldViews(emulator.data, emulator.project, shown);
  const added = addedViews(loaded.form);
  const fieldMode = mode === "view" ? "view" : "edit";
  const html = (list: RecordFieldView[]) => list.map((v) => renderField(v, fieldMode));
  const groups = loaded.form.fieldGroups.map((g) =>
    section(g.label, g.id, html(added.filter((a) => a.container === g.id))),
  );
  const ungrouped = added.filter((a) => !loaded.form.fieldGroups.some((g) => g.id === a.container));
  const recordType = emulator.project.customRecordTypes.find((t) => t.scriptId.toLowerCase() === type);
  const subtabs = recordSubtabs(recordType, views, html);
  const body = `<form id="main_form" class="ns-form" method="POST" action="${escapeHtml(recordUrl(type, record.id))}">${buttons(type, record.id, mode, loaded.form)}${section(
    "Primary Information",
    "ns_primary",
    html(subtabs.main.filter((v) => !v.custom)),
  )}${section("Custom", "ns_custom", html(subtabs.main.filter((v) => v.custom)))}${groups.join("")}${section("Additional", "ns_added", html(ungrouped))}${subtabs.tabs}${(loaded.form.sublists ?? []).map(renderSublist).join("")}</form>`;
  const typeName = type === "customer" ? "Customer" : (recordType?.recordName ?? type);
  const name = record.id === null ? "" : ` ${emulator.data.recordName(type, record.id)}`;
  const texts = Object.fromEntries(views.map((v) => [v.id, v.text ?? null]));
  const page = pageJson(ctx, {
    context: "record",
    mode,
    record: { type, id: record.id, values: shown.values, texts },
    fields: Object.fromEntries([...views, ...added].map((v) => [v.id, { type: v.type, label: v.label }])),
    clientScript: clientScriptOf(clientScriptPath(ctx, type, loaded.form)),
  });
  const title = `${loaded.form.title ?? typeName}${name}`;
  sendHtml(
    ctx,
    status,
    layout({
      title,
      body,
      accountId: emulator.host.accountId,
      nav: true,
      menu: ctx.state.menu,
      messages,
      page,
    }),
  );
}

export async function serveRecordPage(ctx: Ctx, customer: boolean): Promise<void> {
  const type = pageType(ctx, customer);
  if (!type) return sendError(ctx, 404, "INVALID_RCRD_TYPE", REFUSALS.notFound);
  const { data } = ctx.state.emulator;
  const idParam = ctx.url.searchParams.get("id");
  const id = idParam === null || idParam === "" ? null : Number(idParam);
  if (id !== null && !Number.isInteger(id))
    return sendError(ctx, 400, "INVALID_KEY_OR_REF", `Invalid id ${idParam}.`);
  let stored: RecordData;
  try {
    stored = id === null ? data.newRecord(type, false) : data.loadRecord(type, id, false);
  } catch (error) {
    const e = error as NsError;
    return sendError(ctx, 404, e.name, e.message);
  }
  if (ctx.req.method === "POST") return save(ctx, type, stored);
  if (ctx.req.method !== "GET" && ctx.req.method !== "HEAD") {
    return sendError(ctx, 405, "METHOD_NOT_ALLOWED", `${ctx.req.method} is not allowed here.`);
  }
  const mode: Mode = id === null ? "create" : ctx.url.searchParams.get("e") === "T" ? "edit" : "view";
  const messages: PageMessage[] =
    ctx.url.searchParams.get("saved") === "T"
      ? [{ type: "CONFIRMATION", title: "Confirmation", message: "Record saved." }]
      : [];
  return render(ctx, type, stored, mode, 200, messages);
}

async function save(ctx: Ctx, type: string, stored: RecordData): Promise<void> {
  const { emulator } = ctx.state;
  const form = new URLSearchParams(bodyText(await readBody(ctx)));
  const views = recordFieldViews(emulator.data, emulator.project, stored);
  const record: RecordData = { type, id: stored.id, isDynamic: false, values: postedValues(views, form) };
  try {
    const id = await emulator.saveAsUser(record);
    return redirect(ctx, `${recordUrl(type, id)}&saved=T`);
  } catch (error) {
    const e =
      error instanceof NsError ? error : new NsError("UNEXPECTED_ERROR", String((error as Error).message));
    const mode: Mode = stored.id === null ? "create" : "edit";
    return render(
      ctx,
      type,
      stored,
      mode,
      400,
      [{ type: "ERROR", title: e.name, message: e.message }],
      record.values,
    );
  }
}
