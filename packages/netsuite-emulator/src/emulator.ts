/**
 * The emulator: an SDF project's scripts running over a local account. `open` loads the project,
 * opens the account data (SQLite), wires user events into record writes and N/task into the task
 * runner, and runs the project's SDF installation scripts as a deploy would.
 */
import { AccountData } from "./data/store.js";
import type { RecordData } from "./data/types.js";
import { NsError } from "./errors.js";
import type { BeforeLoadOutput, SuiteletRequestData, SuiteletResponseData } from "./runtime/entry/types.js";
import { type HostOptions, ScriptHost } from "./runtime/host.js";
import type { ExecutionLog } from "./runtime/log.js";
import { findTarget } from "./scripts/common.js";
import { type InstallationRun, runInstallation } from "./scripts/installation.js";
import { type MapReduceProgress, type MapReduceSummary, runMapReduce } from "./scripts/map-reduce.js";
import { runScheduled, type ScheduledResult } from "./scripts/scheduled.js";
import { invokeSuitelet, type SuiteletRequest } from "./scripts/suitelet.js";
import { Tasks } from "./scripts/tasks.js";
import { UserEvents } from "./scripts/user-event.js";
import { loadProject } from "./sdf/load.js";
import type { Project } from "./sdf/types.js";

export interface EmulatorOptions {
  /** The SDF project: the folder holding src/manifest.xml. */
  projectDir: string;
  /** SQLite file of the account; in memory when omitted. */
  db?: string;
  /** JSON file of API secret values; default `<project>/.secrets.json`. */
  secretsFile?: string;
  /** Environment for `NSS_SECRET_<ID>` values; default `process.env`. */
  env?: Record<string, string | undefined>;
  /** API secrets created in the account (not declared by the project): `{ custsecret_x: "value" }`. */
  accountSecrets?: Record<string, string>;
  accountId?: string;
  /** Run the SDF installation scripts on open (default true); `fromVersion` for an update (default null: a new install). */
  install?: boolean | { fromVersion: string | null };
  /** The account's clock. */
  now?: () => Date;
  domains?: HostOptions["domains"];
  httpTimeoutMs?: number;
  /** Certificate authorities (PEM) N/https trusts besides the system's, for a local HTTPS server. */
  httpsCa?: string | Buffer;
}

export type ScriptRun =
  | { type: "mapreducescript"; summary: MapReduceSummary }
  | { type: "scheduledscript"; result: ScheduledResult };

export class NetSuiteEmulator {
  /** What the installation scripts did on open. */
  installation: InstallationRun[] = [];

  private constructor(
    readonly project: Project,
    readonly data: AccountData,
    readonly host: ScriptHost,
    readonly userEvents: UserEvents,
    readonly tasks: Tasks,
  ) {}

  static async open(options: EmulatorOptions): Promise<NetSuiteEmulator> {
    const project = loadProject(options.projectDir, {
      ...(options.secretsFile !== undefined ? { secretsFile: options.secretsFile } : {}),
      ...(options.env !== undefined ? { env: options.env } : {}),
      ...(options.accountSecrets !== undefined ? { accountSecrets: options.accountSecrets } : {}),
    });
    const data = new AccountData(project, {
      ...(options.db !== undefined ? { file: options.db } : {}),
      ...(options.now !== undefined ? { now: options.now } : {}),
    });
    const host = new ScriptHost({
      project,
      data,
      tokenSalt: data.accountSecret("external-url-token"),
      ...(options.accountId !== undefined ? { accountId: options.accountId } : {}),
      ...(options.domains !== undefined ? { domains: options.domains } : {}),
      ...(options.httpTimeoutMs !== undefined ? { httpTimeoutMs: options.httpTimeoutMs } : {}),
      ...(options.httpsCa !== undefined ? { httpsCa: options.httpsCa } : {}),
    });
    const emulator = new NetSuiteEmulator(
      project,
      data,
      host,
      new UserEvents(host).install(),
      new Tasks(host).install(),
    );
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
    const options = {
      ...(params ? { params } : {}),
      ...(run.onProgress ? { onProgress: run.onProgress } : {}),
    };
    return this.tasks.track(target, async (): Promise<ScriptRun> => {
      if (script.type === "mapreducescript") {
        return {
          type: script.type,
          summary: await runMapReduce(this.host, script.scriptId, deployment.scriptId, options),
        };
      }
      const result = await runScheduled(this.host, script.scriptId, deployment.scriptId, options);
      return { type: "scheduledscript", result };
    });
  }

  invokeSuitelet(
    scriptId: string,
    deploymentId: string | undefined,
    request: SuiteletRequest,
  ): Promise<SuiteletResponseData> {
    return invokeSuitelet(this.host, scriptId, deploymentId, request);
  }

  /** Saves as a user in the UI would: beforeLoad, beforeSubmit, the write, afterSubmit. */
  saveAsUser(record: RecordData): Promise<number> {
    return this.userEvents.saveAsUser(record);
  }

  fireBeforeLoad(
    recordType: string,
    record: RecordData,
    mode: "view" | "edit" | "create",
    request?: SuiteletRequestData,
  ): Promise<BeforeLoadOutput> {
    return this.userEvents.fireBeforeLoad(recordType, record, mode, request);
  }

  /** Waits for submitted tasks, then stops the workers and closes the database. */
  async close(): Promise<void> {
    await this.tasks.idle();
    await this.host.close();
    this.data.close();
  }
}
