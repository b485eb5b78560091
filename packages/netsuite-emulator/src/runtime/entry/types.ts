/**
 * The plain input and output of each entry adapter: what the main-thread runners (src/scripts/) send
 * to a worker and get back. Everything here is structured-cloneable.
 */
import type { RecordData, SearchDef } from "../../data/types.js";

/** getInputData's return value, normalised: key/value pairs (array index or object key), or a search to run. */
export type MapReduceInput =
  | { kind: "array" | "object"; pairs: [string, string][] }
  | { kind: "search"; search: SearchDef };

export interface MapInput {
  key: string;
  value: string;
  executionNo: number;
  isRestarted: boolean;
}

export interface ReduceInput {
  key: string;
  /** In lexicographical order (Oracle: "reduceContext.values"). */
  values: string[];
  executionNo: number;
  isRestarted: boolean;
}

/** What a map or reduce invocation wrote with `context.write`. */
export interface StageOutput {
  writes: [string, string][];
}

/** Per-key state of a map or reduce stage (Oracle: "mapSummary.keys"). */
export interface KeyState {
  key: string;
  executionCount: number;
  completionState: "COMPLETE" | "FAILED" | "PENDING";
}

export interface KeyError {
  key: string;
  /** The error as NetSuite serialises it (a JSON string). */
  error: string;
  executionNo: number;
}

export interface StageStats {
  /** ISO date-time the stage started. */
  dateCreated: string;
  seconds: number;
  usage: number;
  concurrency: number;
  yields: number;
}

export interface InputStageSummary extends StageStats {
  /** Serialised error thrown by getInputData, when it threw. */
  error?: string;
}

export interface MapReduceStageSummary extends StageStats {
  keys: KeyState[];
  errors: KeyError[];
}

/** The summarize entry point's input (Oracle: "summaryContext"). */
export interface SummarizeInput extends StageStats {
  isRestarted: boolean;
  inputSummary: InputStageSummary;
  mapSummary: MapReduceStageSummary;
  reduceSummary: MapReduceStageSummary;
  output: [string, string][];
}

/** A select, multiselect or radio option (Oracle: "Field.addSelectOption(options)"). */
export interface SelectOption {
  value: string;
  text: string;
  isSelected?: boolean;
}

/** A serverWidget field as the script built it (values as given: `type` may be "TEXT" or "text"). */
export interface FormFieldAddition {
  id: string;
  type: string;
  label: string;
  source?: string;
  container?: string;
  displayType?: string;
  defaultValue?: unknown;
  isMandatory?: boolean;
  helpText?: string;
  breakType?: string;
  layoutType?: string;
  options?: SelectOption[];
  maxLength?: number;
  displaySize?: { width: number; height: number };
  padding?: number;
  richTextHeight?: number;
  richTextWidth?: number;
}

export interface FormButtonData {
  id: string;
  label: string;
  functionName?: string;
  isDisabled?: boolean;
  isHidden?: boolean;
}

export interface FormFieldGroupData {
  id: string;
  label: string;
  tab?: string;
  isSingleColumn?: boolean;
  isBorderHidden?: boolean;
  isCollapsible?: boolean;
  isCollapsed?: boolean;
}

/** A tab (`tab` unset) or a subtab (`tab` = its parent tab's id). */
export interface FormTabData {
  id: string;
  label: string;
  tab?: string;
  helpText?: string;
}

/** A field of a page or sublist, normalised for rendering (Oracle: "serverWidget.Field"). */
export interface PageField {
  id: string;
  label: string;
  /** serverWidget.FieldType as given (compare case-insensitively). */
  type: string;
  source?: string;
  /** Field group, tab or subtab id. */
  container?: string;
  /** As NetSuite keeps it: a string (checkbox "T"/"F"), a multiselect's string[], or null. */
  defaultValue: string | string[] | null;
  /** serverWidget.FieldDisplayType, "NORMAL" unless updated. */
  displayType: string;
  layoutType?: string;
  breakType?: string;
  mandatory: boolean;
  help?: string;
  maxLength?: number;
  options?: SelectOption[];
  displaySize?: { width: number; height: number };
}

/** A sublist (Oracle: "serverWidget.Sublist"); `lines` hold setSublistValue's strings by field id. */
export interface PageSublist {
  id: string;
  label: string;
  /** serverWidget.SublistType: INLINEEDITOR, EDITOR, LIST or STATICLIST. */
  type: string;
  tab?: string;
  displayType?: string;
  helpText?: string;
  fields: PageField[];
  lines: Record<string, string>[];
  buttons: FormButtonData[];
  markAllButtons?: boolean;
  refreshButton?: boolean;
}

/** `response.writePage(form)`: a plain snapshot of a Suitelet's serverWidget.Form. */
export interface PageData {
  title: string;
  hideNavBar: boolean;
  fields: PageField[];
  fieldGroups: FormFieldGroupData[];
  tabs: FormTabData[];
  /** Each with `tab`, its parent tab. */
  subtabs: FormTabData[];
  sublists: PageSublist[];
  buttons: FormButtonData[];
  submitButton?: { label: string; isDisabled?: boolean; isHidden?: boolean };
  resetButton?: { label: string; isDisabled?: boolean; isHidden?: boolean };
  clientScriptModulePath?: string;
  clientScriptFileId?: number;
  /** Form.addPageLink: `type` is serverWidget.FormPageLinkType (BREADCRUMB or CROSSLINK). */
  pageLinks: { type: string; title: string; url: string }[];
}

/**
 * What beforeLoad scripts added to the form, for the record pages to render. The optional members
 * appear only when a script used them.
 */
export interface FormAdditions {
  title?: string;
  buttons: FormButtonData[];
  fields: FormFieldAddition[];
  fieldGroups: FormFieldGroupData[];
  tabs: FormTabData[];
  subtabs?: FormTabData[];
  sublists?: PageSublist[];
  clientScriptModulePath?: string;
  clientScriptFileId?: number;
}

export interface UserEventInput {
  type: string;
  newRecord: RecordData;
  oldRecord?: RecordData;
  request?: SuiteletRequestData;
}

export interface BeforeLoadOutput {
  form: FormAdditions;
  record: RecordData;
  /** N/redirect called in beforeLoad (the record page should redirect there instead). */
  redirect?: SuiteletRedirect;
}

/** afterSubmit's output: null, or `{ redirect }` when it called N/redirect (UI saves follow it). */
export type AfterSubmitOutput = { redirect: SuiteletRedirect } | null;

export interface BeforeSubmitOutput {
  record: RecordData;
}

export interface SuiteletRequestData {
  method: string;
  url: string;
  parameters: Record<string, string>;
  headers: Record<string, string>;
  body: string;
  clientIpAddress?: string;
}

/**
 * Where a Suitelet (or a UI user event) sends the browser; the HTTP server resolves it to a URL.
 * - `response.sendRedirect(options)`: `{ type: https.RedirectType as given (RECORD, SUITELET, TASK_LINK,
 *   RESTLET, MEDIA_ITEM), identifier, id?, editMode?, parameters? }`.
 * - `redirect.redirect({url, parameters})`: `{ type: "url", identifier: url, parameters? }`.
 * - `redirect.toSuitelet(...)`: `{ type: "SUITELET", identifier: scriptId, deploymentId, isExternal?, parameters? }`.
 * - `redirect.toRecord(...)`: `{ type: "RECORD", identifier: recordType, id, editMode, parameters? }`.
 */
export interface SuiteletRedirect {
  type: string;
  identifier: string;
  id?: string;
  editMode?: boolean;
  deploymentId?: string;
  isExternal?: boolean;
  parameters?: Record<string, string>;
}

export interface SuiteletResponseData {
  code: number;
  headers: Record<string, string>;
  body: string;
  redirect?: SuiteletRedirect;
  /** Set by `response.writePage(form)`; `body` is then empty and the server renders the page. */
  page?: PageData;
}

export interface InstallationInput {
  fromVersion: string | null;
  toVersion: string | null;
}
