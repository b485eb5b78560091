/**
 * The main thread's side of a running script: serves its RPCs (records and searches from the data
 * services, logs, HTTP, tasks, external URL tokens) and runs entry points in the worker pool.
 * Script-type runners (scripts/) build on `invoke`; record writes go through `recordWrites`, which
 * the user event runner replaces so user events fire where NetSuite fires them.
 */
import { createHash, randomUUID } from "node:crypto";
import type { Access } from "../account/access.js";
import { Features } from "../account/features.js";
import { Guard } from "../account/guard.js";
import { type Principal, SYSTEM_USER } from "../account/principal.js";
import { Roles } from "../account/roles.js";
import type { AccountSecrets } from "../account/secrets.js";
import { checkModelOptions, modelInvocation } from "../clock/model.js";
import type { ClockOptions } from "../clock/options.js";
import { opOf, type TraceOp } from "../clock/trace.js";
import { effectiveParameters } from "../data/deployments.js";
import type { DataServices, RecordData, RecordKind } from "../data/types.js";
import { NsError } from "../errors.js";
import type { DeploymentDef, Project, ScriptDef } from "../sdf/types.js";
import type {
  HttpRequestData,
  HttpResponseData,
  Invocation,
  InvocationResult,
  RuntimeInfo,
  TaskStatusReply,
} from "./contracts.js";
import { usageLimit } from "./governance.js";
import { sendHttp } from "./http-client.js";
import { checkInstanceAccess } from "./instance-access.js";
import { ExecutionLog } from "./log.js";
import { type InvocationServices, WorkerPool } from "./pool.js";

/** What a running script is, for its RPCs. */
export interface InvocationContext {
  invocation: Invocation;
  script: ScriptDef;
  deployment: DeploymentDef;
  /** Who it runs as: every record and search call is checked against this principal's role. */
  principal: Principal;
  /** The round trips it made, in order, when the clock is on (clock/trace.ts). */
  trace?: TraceOp[];
}

/** Record writes by scripts; replaced by the user event runner. */
export interface RecordWrites {
  /** The saved record's ID and new version (the script's Record keeps it for its next save). */
  save(
    ctx: InvocationContext,
    record: RecordData,
    options?: { ignoreMandatoryFields?: boolean },
  ): Promise<{ id: number; version?: string }>;
  delete(ctx: InvocationContext, type: string, id: number): Promise<number>;
  submitFields(
    ctx: InvocationContext,
    type: string,
    id: number,
    values: Record<string, unknown>,
  ): Promise<number>;
}

/** Task submission and status; provided by the task runner. */
export interface TaskService {
  submit(
    ctx: InvocationContext,
    task: { taskType: string; scriptId: string; deploymentId?: string; params?: Record<string, unknown> },
  ): string;
  status(taskId: string): TaskStatusReply;
}

export interface HostOptions {
  project: Project;
  data: DataServices;
  /** The emulated account: `TSTDRV1234567` style. */
  accountId?: string;
  envType?: string;
  /** Base URLs the scripts' N/url answers with (the emulator's HTTP server, http/server.ts). */
  domains?: RuntimeInfo["domains"];
  /** Keep this many idle workers. */
  idleWorkers?: number;
  /** N/https timeouts, ms (NetSuite: 5 s to connect, 45 s in all). */
  httpTimeoutMs?: number;
  httpConnectTimeoutMs?: number;
  /** Certificate authorities (PEM) N/https trusts besides the system's: a local HTTPS server's own certificate. */
  httpsCa?: string | Buffer;
  /** Secret behind external Suitelet tokens; random per host when omitted (the emulator keeps one per account). */
  tokenSalt?: string;
  /** The account's enabled features (default: OneWorld). */
  features?: Features;
  /** The account's roles (default: the standard ones only). */
  roles?: Roles;
  /** The account's API secrets (default: none). */
  secrets?: AccountSecrets;
  /** Record and search permissions; without it nothing is checked (unit tests of single modules). */
  access?: Access;
  /** NetSuite's clock (clock/): trace every invocation's round trips. Off by default: nothing collected. */
  clock?: ClockOptions;
  /**
   * A deployment's parameter values set in the account (its `scriptdeployment` record's, by parameter
   * ID; null: cleared): data/deployments.ts. Without it, only the project's values.
   */
  accountParameters?: (deploymentScriptId: string) => Record<string, string | null>;
}

export interface InvokeOptions {
  script: ScriptDef;
  deployment: DeploymentDef;
  entryPoint: string;
  input: unknown;
  executionContext: string;
  /** Overrides the documented limit for the script type and entry point. */
  usageLimit?: number;
  /** Parameter values that override the deployment's (N/task params). */
  parameters?: Record<string, string>;
  /** Who the invocation runs as (account/run-as.ts decides); default the System user. */
  principal?: Principal;
}

const WRITES = new Set(["saveRecord", "saveRecordVersioned", "deleteRecord", "submitFields"]);

export class ScriptHost {
  readonly pool: WorkerPool;
  readonly log = new ExecutionLog();
  readonly accountId: string;
  recordWrites: RecordWrites;
  tasks: TaskService | undefined;
  readonly roles: Roles;
  private readonly guard: Guard | undefined;
  private readonly envType: string;
  private domains: RuntimeInfo["domains"];
  private readonly httpTimeoutMs: number;
  private readonly tokenSalt: string;
  private readonly connectTimeoutMs: number;

  constructor(readonly options: HostOptions) {
    this.pool = new WorkerPool(options.idleWorkers ?? 4);
    this.accountId = options.accountId ?? "TSTDRV0000001";
    this.envType = options.envType ?? "SANDBOX";
    const host = this.accountId.toLowerCase().replace(/_/g, "-");
    this.domains = options.domains ?? {
      app: `https://${host}.app.netsuite.com`,
      forms: `https://${host}.extforms.netsuite.com`,
      restlets: `https://${host}.restlets.api.netsuite.com`,
      system: `https://${host}.app.netsuite.com`,
    };
    this.tokenSalt = options.tokenSalt ?? randomUUID();
    if (options.clock) checkModelOptions(options.clock);
    this.roles = options.roles ?? new Roles();
    this.guard = options.access ? new Guard(options.access, options.data) : undefined;
    this.httpTimeoutMs = options.httpTimeoutMs ?? 45_000;
    this.connectTimeoutMs = options.httpConnectTimeoutMs ?? 5_000;
    const data = options.data;
    this.recordWrites = {
      save: async (_ctx, record, opts) => data.saveRecordVersioned(record, opts),
      delete: async (_ctx, type, id) => {
        data.deleteRecord(type, id);
        return id;
      },
      submitFields: async (_ctx, type, id, values) => data.submitFields(type, id, values as never),
    };
  }

  /** The HTTP server sets its own base URLs once it listens (its ports may be chosen by the system). */
  setDomains(domains: RuntimeInfo["domains"]): void {
    this.domains = domains;
  }

  get currentDomains(): RuntimeInfo["domains"] {
    return this.domains;
  }

  get project(): Project {
    return this.options.project;
  }

  get data(): DataServices {
    return this.options.data;
  }

  /**
   * The script's parameters as this invocation's getParameter reads them: the script's defaults, the
   * deployment's values in the project, the values set in the account (its scriptdeployment record,
   * read when the invocation starts), then `overrides` (N/task params, for that run only).
   */
  parameters(
    script: ScriptDef,
    deployment: DeploymentDef,
    overrides: Record<string, string> = {},
  ): Record<string, string> {
    const account = this.options.accountParameters?.(deployment.scriptId) ?? {};
    return effectiveParameters(script, deployment, account, overrides);
  }

  runtimeInfo(options: InvokeOptions): RuntimeInfo {
    const principal = options.principal ?? SYSTEM_USER;
    return {
      accountId: this.accountId,
      envType: this.envType,
      executionContext: options.executionContext,
      version: "2024.2",
      features: (this.options.features ?? new Features()).list(),
      user: {
        id: principal.userId,
        name: principal.name,
        email: principal.email,
        role: principal.role.internalId,
        roleId: principal.role.scriptId,
        roleCenter: principal.role.centerType,
        subsidiary: 1,
      },
      script: {
        id: options.script.scriptId,
        deploymentId: options.deployment.scriptId,
        logLevel: options.deployment.logLevel,
        apiVersion: "2.1",
        parameters: this.parameters(options.script, options.deployment, options.parameters),
        bundleIds: [],
      },
      domains: this.domains,
    };
  }

  async invoke(options: InvokeOptions): Promise<InvocationResult> {
    const invocation: Invocation = {
      invocationId: randomUUID(),
      file: this.fileOf(options.script),
      fileCabinet: this.project.fileCabinet,
      scriptType: options.script.type,
      entryPoint: options.entryPoint,
      input: options.input,
      runtime: this.runtimeInfo(options),
      usageLimit: options.usageLimit ?? usageLimit(options.script.type, options.entryPoint),
    };
    const ctx: InvocationContext = {
      invocation,
      script: options.script,
      deployment: options.deployment,
      principal: options.principal ?? SYSTEM_USER,
    };
    if (this.options.clock) ctx.trace = [];
    const result = await this.pool.run(invocation, this.services(ctx));
    if (ctx.trace) this.traced(ctx, result, ctx.trace);
    if (!result.ok && result.error) {
      this.log.append(ctx, {
        level: "ERROR",
        title: `${options.entryPoint}: ${result.error.name}`,
        details: result.error.message,
      });
    }
    return result;
  }

  /** Puts the trace on the result and tells the clock's listener. */
  private traced(ctx: InvocationContext, result: InvocationResult, trace: TraceOp[]): void {
    result.trace = trace;
    const clock = this.options.clock;
    // An entry point the script does not define does not run on a real account: no start, no reading.
    if (!clock?.onInvocation || result.noEntryPoint) return;
    const { entryPoint } = ctx.invocation;
    const perKey = ctx.script.type === "mapreducescript" && (entryPoint === "map" || entryPoint === "reduce");
    clock.onInvocation({
      scriptId: ctx.script.scriptId,
      deploymentId: ctx.deployment.scriptId,
      entryPoint,
      ops: trace,
      ms: modelInvocation(trace, { ...clock, overhead: perKey ? "mapreduce.key" : "script.start" }),
    });
  }

  /** A record type's kind as governance charges it; an unknown type fails its own call, so any kind does here. */
  private recordKind = (type: string): RecordKind => {
    try {
      return this.options.data.recordKind(type);
    } catch {
      return "standard";
    }
  };

  fileOf(script: ScriptDef): string {
    return `${this.project.fileCabinet}${script.scriptFile}`;
  }

  /** The ns-at token of an external Suitelet URL: stable per account and deployment, unguessable. */
  externalToken(scriptId: string, deploymentId: string): string {
    return createHash("sha256")
      .update(`${this.accountId}:${scriptId}:${deploymentId}:${this.tokenSalt}`)
      .digest("base64url")
      .slice(0, 43);
  }

  private services(ctx: InvocationContext): InvocationServices {
    const data = this.options.data as unknown as Record<string, (...args: unknown[]) => unknown>;
    return async (method, args) => {
      checkInstanceAccess(ctx.principal, method, args, this.options.data);
      // A call that reaches the account is a round trip even when it fails there (permissions, not found).
      const op = ctx.trace ? opOf(method, args, this.recordKind) : undefined;
      if (op !== undefined) ctx.trace?.push(op);
      if (method.startsWith("data.")) {
        const name = method.slice(5);
        // Writes go through `recordWrites` (record.save, …) so user events fire: never straight to the store.
        if (WRITES.has(name))
          throw new NsError("UNSUPPORTED_BY_EMULATOR", `UNSUPPORTED_BY_EMULATOR: data.${name} from a script`);
        const fn = data[name];
        if (typeof fn !== "function")
          throw new NsError("UNSUPPORTED_BY_EMULATOR", `UNSUPPORTED_BY_EMULATOR: data.${name}`);
        const checked = this.guard?.beforeRead(ctx.principal, name, args) ?? args;
        const result = fn.apply(this.options.data, checked);
        this.guard?.afterRead(ctx.principal, name, result);
        return result;
      }
      const [arg] = args as [Record<string, unknown>];
      this.guard?.beforeWrite(ctx.principal, method, arg);
      switch (method) {
        case "log.write":
          this.log.append(ctx, arg as never);
          return null;
        case "https.request": {
          const response = await this.http(ctx, arg as unknown as HttpRequestData);
          if (op !== undefined && typeof op !== "string") op.status = response.code;
          return response;
        }
        case "record.save":
          return this.recordWrites.save(ctx, arg.record as RecordData, arg.options as never);
        case "record.delete":
          return this.recordWrites.delete(ctx, String(arg.type), Number(arg.id));
        case "record.submitFields":
          return this.recordWrites.submitFields(ctx, String(arg.type), Number(arg.id), arg.values as never);
        case "task.submit":
          if (!this.tasks) throw new NsError("UNSUPPORTED_BY_EMULATOR", "UNSUPPORTED_BY_EMULATOR: N/task");
          return this.tasks.submit(ctx, arg as never);
        case "task.status":
          if (!this.tasks) throw new NsError("UNSUPPORTED_BY_EMULATOR", "UNSUPPORTED_BY_EMULATOR: N/task");
          return this.tasks.status(String(args[0]));
        case "url.externalToken":
          return this.externalToken(String(args[0]), String(args[1]));
        default:
          throw new NsError("UNSUPPORTED_BY_EMULATOR", `UNSUPPORTED_BY_EMULATOR: ${method}`);
      }
    };
  }

  /** N/https on the main thread: secrets filled in here only, NetSuite's timeouts and error names. */
  private async http(ctx: InvocationContext, request: HttpRequestData): Promise<HttpResponseData> {
    const manifest = this.project.manifest;
    const use = {
      scriptId: ctx.script.scriptId,
      appId:
        manifest.projectType === "SUITEAPP" ? `${manifest.publisherId}.${manifest.projectId}` : undefined,
      url: request.url,
    };
    const fill = (text: string) =>
      text.replace(/\{(custsecret_[a-z0-9_]+)\}/gi, (_, id: string) => {
        if (!this.options.secrets)
          throw new NsError("EMULATOR_SECRET_NOT_FOUND", `The account has no API secret ${id}.`);
        return this.options.secrets.resolve(id, use);
      });
    const secure = new Set(request.secureFields ?? []);
    const url = secure.has("url") ? fill(request.url) : request.url;
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(request.headers)) headers[k] = secure.has(k) ? fill(v) : v;
    const body = request.body !== undefined && secure.has("body") ? fill(request.body) : request.body;
    if (!/^https?:\/\//i.test(url))
      throw new NsError("SSS_INVALID_URL", `The URL must be a fully qualified HTTP or HTTPS URL: ${url}`);
    return sendHttp(
      url,
      { method: request.method, headers, ...(body !== undefined ? { body } : {}) },
      {
        connectTimeoutMs: this.connectTimeoutMs,
        timeoutMs: this.httpTimeoutMs,
        ...(this.options.httpsCa !== undefined ? { ca: this.options.httpsCa } : {}),
      },
    );
  }

  async close(): Promise<void> {
    await this.pool.close();
  }
}
