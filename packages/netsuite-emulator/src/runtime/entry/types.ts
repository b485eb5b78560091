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

/** A serverWidget field added in beforeLoad. */
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
}

/** What beforeLoad scripts added to the form, for part 2's record pages to render. */
export interface FormAdditions {
  title?: string;
  buttons: { id: string; label: string; functionName?: string }[];
  fields: FormFieldAddition[];
  fieldGroups: { id: string; label: string; tab?: string }[];
  tabs: { id: string; label: string }[];
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
}

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

/** `response.sendRedirect(options)` as given: part 2 resolves it to a URL. */
export interface SuiteletRedirect {
  type: string;
  identifier: string;
  id?: string;
  editMode?: boolean;
  parameters?: Record<string, string>;
}

export interface SuiteletResponseData {
  code: number;
  headers: Record<string, string>;
  body: string;
  redirect?: SuiteletRedirect;
}

export interface InstallationInput {
  fromVersion: string | null;
  toVersion: string | null;
}
