/**
 * The emulator: an SDF project's scripts running over a local account. `open` loads the project,
 * opens the account data (SQLite), wires user events into record writes and N/task into the task
 * runner, and runs the project's SDF installation scripts as a deploy would.
 */

import { join, relative, resolve } from "node:path";
import { Access } from "./account/access.js";
import { checkDeployable, checkRoleReferences } from "./account/deploy-checks.js";
import { Features } from "./account/features.js";
import { ADMIN_USER, type Principal } from "./account/principal.js";
import { type RoleSpec, Roles } from "./account/roles.js";
import { AccountSecrets, type SecretEntry } from "./account/secrets.js";
import { checkModelOptions } from "./clock/model.js";
import type { ClockOptions } from "./clock/options.js";
import { AccountData } from "./data/store.js";
import type { RecordData } from "./data/types.js";
import { NsError } from "./errors.js";
import type { BeforeLoadOutput, SuiteletRequestData } from "./runtime/entry/types.js";
import { type HostOptions, ScriptHost } from "./runtime/host.js";
import type { ExecutionLog } from "./runtime/log.js";
import { findTarget } from "./scripts/common.js";
import { type InstallationRun, runInstallation } from "./scripts/installation.js";
import { type MapReduceProgress, type MapReduceSummary, runMapReduce } from "./scripts/map-reduce.js";
import { runScheduled, type ScheduledResult } from "./scripts/scheduled.js";
import { invokeSuitelet, type SuiteletRequest, type SuiteletResult } from "./scripts/suitelet.js";
import { Tasks } from "./scripts/tasks.js";
import { UserEvents, userInterface } from "./scripts/user-event.js";
import { loadProject } from "./sdf/load.js";
import type { Project } from "./sdf/types.js";

export interface EmulatorOptions {
  /** The SDF project: the folder holding src/manifest.xml. */
  projectDir: string;
  /** SQLite file of the account; in memory when omitted. */
  db?: string;
  /**
   * JSON file of the account's API secrets (account/secrets.ts: values, or values with restrictions);
   * default `<project>/.secrets.json`.
   */
  secretsFile?: string;
  /** Environment for `NSS_SECRET_<ID>` values; default `process.env`. */
  env?: Record<string, string | undefined>;
  /** More API secrets of the account, as its administrator would create them: `{ custsecret_x: "value" }`. */
  accountSecrets?: Record<string, string | SecretEntry>;
  accountId?: string;
  /** Run the SDF installation scripts on open (default true); `fromVersion` for an update (default null: a new install). */
  install?: boolean | { fromVersion: string | null };
  /** The account's clock. */
  now?: () => Date;
  /**
   * The account's enabled features (Setup > Company > Enable Features), e.g. without SUBSIDIARIES and
   * MULTISUBSIDIARYCUSTOMER for an account without OneWorld. Default: a OneWorld account
   * (account/features.ts DEFAULT_FEATURES).
   */
  features?: readonly string[];
  domains?: HostOptions["domains"];
  httpTimeoutMs?: number;
  /** Certificate authorities (PEM) N/https trusts besides the system's, for a local HTTPS server. */
  httpsCa?: string | Buffer;
  /**
   * Roles the account has besides the standard ones and the project's `<role>` objects (made in the
   * UI, as an administrator would): `{ scriptId: "customrole_clerk", permissions: { LIST_CUSTJOB: "EDIT" } }`.
   */
  roles?: RoleSpec[];
  /**
   * The user of UI-style calls (saveAsUser, fireBeforeLoad, internal Suitelets) unless a call names
   * another: default the Administrator. `{ role: "customrole_x" }` logs in with that role.
   */
  user?: UserSpec;
  /**
   * NetSuite's clock (src/clock/): with it, every invocation's round trips are traced, map/reduce
   * summaries carry `trace` and `modelled` (the wall time on a real account: `profile` low, typical
   * or high, default typical; `processors`, default 2; `limits` for HTTP rate limits), scheduled runs
   * and Suitelet responses `modelledMs`, and `onInvocation` hears of every invocation. Off by default.
   */
  clock?: ClockOptions;
}

/** A user of the account: the role they log in with (a script ID or a standard role), and who they are. */
export interface UserSpec {
  role: string;
  id?: number;
  name?: string;
  email?: string;
}

export type ScriptRun =
  | { type: "mapreducescript"; summary: MapReduceSummary }
  | { type: "scheduledscript"; result: ScheduledResult };

export class NetSuiteEmulator {
  /** What the installation scripts did on open. */
  installation: InstallationRun[] = [];
  /** The user UI-style calls act as when they name none. */
  defaultUser: Principal = ADMIN_USER;

  private constructor(
    readonly project: Project,
    readonly data: AccountData,
    readonly host: ScriptHost,
    readonly userEvents: UserEvents,
    readonly tasks: Tasks,
  ) {}

  static async open(options: EmulatorOptions): Promise<NetSuiteEmulator> {
    if (options.clock) checkModelOptions(options.clock);
    const project = loadProject(options.projectDir);
    const secretsFile = resolve(options.secretsFile ?? join(project.dir, ".secrets.json"));
    const secrets = AccountSecrets.load({
      file: secretsFile,
      explicit: options.secretsFile !== undefined,
      display: relative(process.cwd(), secretsFile) || secretsFile,
      env: options.env ?? process.env,
      ...(options.accountSecrets !== undefined ? { given: options.accountSecrets } : {}),
    });
    const features = new Features(options.features);
    checkDeployable(project, features);
    const roles = new Roles([...(project.roles ?? []), ...(options.roles ?? [])]);
    checkRoleReferences(project, roles);
    const data = new AccountData(project, {
      features,
      ...(options.db !== undefined ? { file: options.db } : {}),
      ...(options.now !== undefined ? { now: options.now } : {}),
    });
    const host = new ScriptHost({
      project,
      data,
      tokenSalt: data.accountSecret("external-url-token"),
      features,
      roles,
      secrets,
      access: new Access(data.catalog, project.customRecordTypes),
      accountParameters: (deploymentScriptId) => data.deployments.accountValues(deploymentScriptId),
      ...(options.accountId !== undefined ? { accountId: options.accountId } : {}),
      ...(options.domains !== undefined ? { domains: options.domains } : {}),
      ...(options.httpTimeoutMs !== undefined ? { httpTimeoutMs: options.httpTimeoutMs } : {}),
      ...(options.httpsCa !== undefined ? { httpsCa: options.httpsCa } : {}),
      ...(options.clock !== undefined ? { clock: options.clock } : {}),
    });
    const emulator = new NetSuiteEmulator(
      project,
      data,
      host,
      new UserEvents(host).install(),
      new Tasks(host, data.instances).install(),
    );
    if (options.user) emulator.defaultUser = emulator.user(options.user);
    if (options.install !== false) {
      const fromVersion = typeof options.install === "object" ? options.install.fromVersion : null;
      try {
        emulator.installation = await runInstallation(host, {
          fromVersion,
          toVersion: project.manifest.projectVersion ?? null,
        });
      } catch (error) {
        await emulator.close();
        throw error;
      }
    }
    return emulator;
  }

  get log(): ExecutionLog {
    return this.host.log;
  }

  /**
   * Runs a scheduled or map/reduce deployment once, now (the deployment's first when none is named),
   * as "Save and Execute" would; refused while the deployment has an unfinished instance.
   */
  async runScript(
    scriptId: string,
    deploymentId?: string,
    params?: Record<string, string>,
    run: { onProgress?: (progress: MapReduceProgress) => void } = {},
  ): Promise<ScriptRun> {
    const target = findTarget(this.host, scriptId, deploymentId, ["scheduledscript", "mapreducescript"]);
    const { script, deployment } = target;
    // "The system only submits the deployment if the Deployed box is checked" (Submitting an On-Demand … from the UI).
    if (!deployment.isDeployed) {
      throw new NsError(
        "FAILED_TO_SUBMIT_JOB_REQUEST_1",
        `Deployment ${deployment.scriptId} of ${script.scriptId} is not deployed (isdeployed F).`,
      );
    }
    const options = params ? { params } : {};
    // The run is recorded as scheduledscriptinstance jobs (scripts/tasks.ts `track`).
    return this.tasks.track(target, async (hooks): Promise<ScriptRun> => {
      if (script.type === "mapreducescript") {
        const onProgress = (p: MapReduceProgress) => {
          hooks.onProgress(p);
          run.onProgress?.(p);
        };
        return {
          type: script.type,
          summary: await runMapReduce(this.host, script.scriptId, deployment.scriptId, {
            ...options,
            onStage: hooks.onStage,
            onProgress,
          }),
        };
      }
      const result = await runScheduled(this.host, script.scriptId, deployment.scriptId, options);
      return { type: "scheduledscript", result };
    });
  }

  /**
   * A deployment's parameters as the next invocation of it reads them with
   * `runtime.getCurrentScript().getParameter` ("T"/"F" as true/false, other values as text, null for
   * none): the script's defaults, the deployment's values in the project, and the values scripts have
   * set on its `scriptdeployment` record (kept with the account) — what its Script Deployment page
   * would show. `deploymentScriptId` is the deployment's script ID (`customdeploy_…`, any case).
   */
  deploymentParameters(deploymentScriptId: string): Record<string, string | boolean | null> {
    const entry = this.data.deployments.find(deploymentScriptId);
    if (!entry) {
      const known = this.project.scripts.flatMap((s) => s.deployments.map((d) => d.scriptId));
      throw new NsError(
        "INVALID_SCRIPT_DEPLOYMENT_ID_1",
        `No deployment ${deploymentScriptId} in the project. Deployments: ${known.join(", ") || "none"}.`,
      );
    }
    const values = this.host.parameters(entry.script, entry.deployment);
    const out: Record<string, string | boolean | null> = {};
    for (const p of entry.script.parameters) {
      const raw = values[p.scriptId];
      // As N/runtime's getParameter answers (runtime/modules/runtime.ts parameterValue).
      out[p.scriptId] = raw === undefined ? null : raw === "T" ? true : raw === "F" ? false : raw;
    }
    return out;
  }

  /** A user of the account, as UI-style calls take one. */
  user(spec: UserSpec): Principal {
    const role = this.host.roles.get(spec.role);
    return {
      userId: spec.id ?? (role.administrator ? ADMIN_USER.userId : 1000 + role.internalId),
      name: spec.name ?? (role.administrator ? ADMIN_USER.name : `${role.name} User`),
      email: spec.email ?? (role.administrator ? ADMIN_USER.email : `${role.scriptId}@example.com`),
      role,
    };
  }

  /**
   * Calls a Suitelet as a request would reach it: by a logged-in user (`user`, default the emulator's
   * user), or, for a deployment available without login, by a visitor who is not logged in (the
   * default for those, as their external URL is what callers use; `user: "anonymous"` for any).
   */
  invokeSuitelet(
    scriptId: string,
    deploymentId: string | undefined,
    request: SuiteletRequest & { user?: UserSpec | Principal | "anonymous" },
  ): Promise<SuiteletResult> {
    const { user, ...rest } = request;
    const who = user === "anonymous" || user === undefined ? user : "userId" in user ? user : this.user(user);
    return invokeSuitelet(this.host, scriptId, deploymentId, rest, who, this.defaultUser);
  }

  /** Saves as a user in the UI would: beforeLoad, beforeSubmit, the write, afterSubmit. */
  saveAsUser(record: RecordData, options: { user?: UserSpec } = {}): Promise<number> {
    return this.userEvents.saveAsUser(record, options.user ? this.user(options.user) : this.defaultUser);
  }

  fireBeforeLoad(
    recordType: string,
    record: RecordData,
    mode: "view" | "edit" | "create",
    request?: SuiteletRequestData,
    options: { user?: UserSpec } = {},
  ): Promise<BeforeLoadOutput> {
    const user = options.user ? this.user(options.user) : this.defaultUser;
    return this.userEvents.fireBeforeLoad(recordType, record, mode, request, userInterface(user));
  }

  /** Waits for submitted tasks, then stops the workers and closes the database. */
  async close(): Promise<void> {
    await this.tasks.idle();
    await this.host.close();
    this.data.close();
  }
}
