/**
 * The contract between the main thread and the worker threads that run scripts.
 *
 * A script runs in a worker, inside a `vm` context that has only what SuiteScript 2.1 has (the
 * language, `define`, `log`, `util`). Its N/* calls that touch the account (records, searches, HTTP,
 * tasks, logs) become synchronous RPCs: the worker posts a request and blocks on `Atomics.wait`
 * while the main thread, whose event loop stays free, does the work, possibly running other
 * scripts (a record save fires user events in another worker) or serving HTTP in the same
 * process (the Stripe emulator). Everything crossing is plain, structured-cloneable data.
 */
import type { TraceOp } from "../clock/trace.js";
import type { PlainNsError } from "../errors.js";
import type { ScriptType } from "../sdf/types.js";

/** Who is running: what N/runtime tells the script. */
export interface RuntimeInfo {
  accountId: string;
  /** PRODUCTION, SANDBOX, BETA, INTERNAL. */
  envType: string;
  /** N/runtime.executionContext value: USERINTERFACE, USEREVENT, MAPREDUCE, SCHEDULED, SUITELET, RESTLET, WEBSERVICES, CSVIMPORT, … */
  executionContext: string;
  version: string;
  /** The account's enabled features (`runtime.isFeatureInEffect`), upper case. */
  features: string[];
  user: {
    id: number;
    name: string;
    email: string;
    role: number;
    roleId: string;
    roleCenter: string;
    subsidiary: number;
  };
  script: {
    id: string;
    deploymentId: string;
    logLevel: string;
    apiVersion: string;
    /**
     * Parameter values by `custscript_…` ID: the script's defaults, the deployment's values in the
     * project, those set in the account on its scriptdeployment record, N/task params (host.ts).
     */
    parameters: Record<string, string>;
    bundleIds: string[];
  };
  /** Base URLs for N/url.resolveDomain and resolveScript: `https://<account>.app.netsuite.com` style, or the emulator's. */
  domains: { app: string; forms: string; restlets: string; system: string };
}

/** One entry point call in a worker. */
export interface Invocation {
  invocationId: string;
  /** Absolute path of the script file inside the File Cabinet, and the File Cabinet root for relative and absolute module IDs. */
  file: string;
  fileCabinet: string;
  /** The script record's type: the file's `@NScriptType` must match. */
  scriptType: ScriptType;
  /** `getInputData`, `map`, `reduce`, `summarize`, `execute`, `beforeLoad`, `beforeSubmit`, `afterSubmit`, `onRequest`, `run`, … */
  entryPoint: string;
  /** Plain input the worker turns into the entry point's context object (see runtime/entry/). */
  input: unknown;
  runtime: RuntimeInfo;
  /** Governance units this invocation may use. */
  usageLimit: number;
}

export interface InvocationResult {
  invocationId: string;
  ok: boolean;
  /** Plain output from the entry adapter (writes of a map, the new record of a beforeSubmit, a Suitelet's response, …). */
  output?: unknown;
  /** When the entry point threw. */
  error?: PlainNsError & { stack?: string };
  usage: number;
  durationMs: number;
  /** With the clock on (host option `clock`): the round trips it made, in order (clock/trace.ts). */
  trace?: TraceOp[];
  /** The script does not define the entry point (a user event script without beforeSubmit): nothing ran. */
  noEntryPoint?: true;
}

/** Worker → main: a synchronous service call. */
export interface RpcRequest {
  invocationId: string;
  seq: number;
  method: string;
  args: unknown[];
}

export interface RpcReply {
  seq: number;
  ok: boolean;
  value?: unknown;
  error?: PlainNsError;
}

/** Main → worker control messages. */
export type ControlMessage = { type: "invoke"; invocation: Invocation } | { type: "shutdown" };

/**
 * What `task.checkStatus` reads of a submitted task. Map/reduce tasks add `stage` and `progress`: the
 * map and reduce invocations finished of each stage's total (0 of 0 before the stage), and the pairs
 * passed to summarize once known.
 */
export interface TaskStatusReply {
  status: string;
  stage?: string;
  scriptId: string;
  deploymentId: string;
  progress?: {
    map: { done: number; total: number };
    reduce: { done: number; total: number };
    output?: number;
  };
}

/** Worker → main control messages. */
export type WorkerMessage = { type: "result"; result: InvocationResult } | { type: "ready" };

/**
 * The RPC methods the main thread serves for a running invocation. `DataServices` methods (records
 * and searches) are served under `data.<method>`; the rest are listed here.
 */
export interface HostServices {
  /** N/log: appended to the execution log of the invocation's script and deployment. */
  "log.write": (entry: {
    level: "DEBUG" | "AUDIT" | "ERROR" | "EMERGENCY";
    title: string;
    details: string;
  }) => void;
  /** N/https: a real HTTP request made by the main thread. Secrets (`{custsecret_…}`) are substituted there. */
  "https.request": (request: HttpRequestData) => HttpResponseData;
  /** N/task: submit a map/reduce or scheduled deployment; returns a task ID. */
  "task.submit": (task: {
    taskType: string;
    scriptId: string;
    deploymentId?: string;
    params?: Record<string, unknown>;
  }) => string;
  "task.status": (taskId: string) => TaskStatusReply;
  /** Record saves go through the host so user events fire where NetSuite fires them; answers the new version too. */
  "record.save": (args: {
    record: unknown;
    options?: { ignoreMandatoryFields?: boolean; enableSourcing?: boolean };
  }) => { id: number; version?: string };
  "record.delete": (args: { type: string; id: number }) => number;
  "record.submitFields": (args: { type: string; id: number; values: Record<string, unknown> }) => number;
}

export interface HttpRequestData {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** Names of headers (and `url`/`body`) whose `{custsecret_…}` placeholders the host must fill. */
  secureFields?: string[];
}

export interface HttpResponseData {
  code: number;
  headers: Record<string, string>;
  body: string;
}
