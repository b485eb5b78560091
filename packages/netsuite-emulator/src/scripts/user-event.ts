/**
 * User events where NetSuite fires them. Installed as the host's `recordWrites`, so every record
 * save, delete and submitFields of a script goes through here:
 * - beforeSubmit runs before the write (its changes to newRecord are saved; an error aborts the write
 *   and reaches the caller), afterSubmit after it (with the saved record reloaded and the old one; an
 *   error is logged and reaches the caller, but the write stays: it is committed by then);
 * - saves made by user event scripts fire no user events (Oracle, "SuiteScript 2.x User Event Script
 *   Type": user event scripts are not executed by records saved from user event scripts);
 * - the user event runs in the execution context of what triggered it (a scheduled script's save runs
 *   it with runtime.executionContext SCHEDULED), which the deployment's `executioncontext` filters.
 */

import type { Principal } from "../account/principal.js";
import { runAs, type Starter } from "../account/run-as.js";
import type { DataServices, FieldValue, RecordData } from "../data/types.js";
import type {
  BeforeLoadOutput,
  BeforeSubmitOutput,
  FormAdditions,
  SuiteletRequestData,
} from "../runtime/entry/types.js";
import type { InvocationContext, RecordWrites, ScriptHost } from "../runtime/host.js";
import { clientScriptPath } from "../sdf/file-path.js";
import type { Manifest } from "../sdf/types.js";
import { failure, type Target } from "./common.js";

/**
 * Who saves: the execution context the user events run in, whether it is itself a user event, and who
 * is saving — a person in the UI (the user events run with their deployment's Execute as Role, if any)
 * or a script (they run with the script's role: account/run-as.ts).
 */
export interface SaveCaller {
  executionContext: string;
  fromUserEvent: boolean;
  starter: Starter;
}

/** The UI, as `principal`: what `saveAsUser` and record pages use. */
export function userInterface(principal: Principal): SaveCaller {
  return { executionContext: "USERINTERFACE", fromUserEvent: false, starter: { kind: "person", principal } };
}

/** Deployment statuses that run: Released, and Testing (which runs for the script owner: the emulator's user is). */
const RUNNING = new Set(["RELEASED", "TESTING"]);

export class UserEvents implements RecordWrites {
  constructor(private readonly host: ScriptHost) {}

  /** Makes every script's record write go through user events. */
  install(): this {
    this.host.recordWrites = this;
    return this;
  }

  private get data(): DataServices {
    return this.host.data;
  }

  /** The user event deployments that fire for a record type, context and event, in project order. */
  targets(recordType: string, executionContext: string, event: string): Target[] {
    const out: Target[] = [];
    for (const script of this.host.project.scripts) {
      if (script.type !== "usereventscript") continue;
      for (const deployment of script.deployments) {
        if (!deployment.isDeployed || !RUNNING.has(deployment.status.toUpperCase())) continue;
        if (deployment.recordType?.toLowerCase() !== recordType.toLowerCase()) continue;
        const contexts = deployment.executionContexts;
        if (contexts && !contexts.some((c) => c.toUpperCase() === executionContext.toUpperCase())) continue;
        if (deployment.eventType && deployment.eventType.toLowerCase() !== event) continue;
        out.push({ script, deployment });
      }
    }
    return out;
  }

  private async run(
    target: Target,
    entryPoint: string,
    input: unknown,
    caller: SaveCaller,
  ): Promise<unknown> {
    const result = await this.host.invoke({
      ...target,
      entryPoint,
      input,
      executionContext: caller.executionContext,
      principal: runAs(this.host.roles, target.deployment, caller.starter),
    });
    if (!result.ok) throw failure(result, `${entryPoint} of ${target.script.scriptId} failed`);
    return result.output;
  }

  private async beforeSubmit(
    targets: Target[],
    caller: SaveCaller,
    type: string,
    record: RecordData,
    old?: RecordData,
  ) {
    let current = record;
    for (const target of targets) {
      const input = { type, newRecord: current, ...(old ? { oldRecord: old } : {}) };
      const output = (await this.run(target, "beforeSubmit", input, caller)) as BeforeSubmitOutput;
      // The script may change values, not what the record is (nor the version it was loaded at).
      current = { ...output.record, type: record.type, id: record.id, ...versionOf(record) };
    }
    return current;
  }

  private async afterSubmit(
    targets: Target[],
    caller: SaveCaller,
    type: string,
    record: RecordData,
    old?: RecordData,
  ) {
    for (const target of targets) {
      await this.run(
        target,
        "afterSubmit",
        { type, newRecord: record, ...(old ? { oldRecord: old } : {}) },
        caller,
      );
    }
  }

  /** A save by `caller`: create or edit. */
  async saveAs(
    caller: SaveCaller,
    record: RecordData,
    options?: { ignoreMandatoryFields?: boolean },
  ): Promise<number> {
    return (await this.saveVersioned(caller, record, options)).id;
  }

  /** `saveAs`, also answering the version the save wrote (not a later one an afterSubmit wrote). */
  private async saveVersioned(
    caller: SaveCaller,
    record: RecordData,
    options?: { ignoreMandatoryFields?: boolean },
  ): Promise<{ id: number; version?: string }> {
    if (caller.fromUserEvent) return this.data.saveRecordVersioned(record, options);
    const type = record.id === null ? "create" : "edit";
    const targets = this.targets(record.type, caller.executionContext, type);
    if (targets.length === 0) return this.data.saveRecordVersioned(record, options);
    const old = record.id === null ? undefined : this.data.loadRecord(record.type, record.id, false);
    const toSave = await this.beforeSubmit(targets, caller, type, record, old);
    const written = this.data.saveRecordVersioned(toSave, options);
    const saved = this.data.loadRecord(record.type, written.id, record.isDynamic);
    await this.afterSubmit(targets, caller, type, saved, old);
    return written;
  }

  async deleteAs(caller: SaveCaller, recordType: string, id: number): Promise<number> {
    const targets = caller.fromUserEvent ? [] : this.targets(recordType, caller.executionContext, "delete");
    if (targets.length === 0) {
      this.data.deleteRecord(recordType, id);
      return id;
    }
    // On delete, both newRecord and oldRecord are the record being deleted.
    const old = this.data.loadRecord(recordType, id, false);
    await this.beforeSubmit(targets, caller, "delete", old, old);
    this.data.deleteRecord(recordType, id);
    await this.afterSubmit(targets, caller, "delete", old, old);
    return id;
  }

  /** submitFields is an inline edit: `xedit`, with newRecord holding only the edited fields (Oracle: afterSubmit). */
  async submitFieldsAs(
    caller: SaveCaller,
    recordType: string,
    id: number,
    values: Record<string, FieldValue>,
  ): Promise<number> {
    const targets = caller.fromUserEvent ? [] : this.targets(recordType, caller.executionContext, "xedit");
    if (targets.length === 0) return this.data.submitFields(recordType, id, values);
    const old = this.data.loadRecord(recordType, id, false);
    const edited: RecordData = { type: old.type, id, isDynamic: false, values: { ...values } };
    const changed = await this.beforeSubmit(targets, caller, "xedit", edited, old);
    const savedId = this.data.submitFields(recordType, id, changed.values);
    const reloaded = this.data.loadRecord(recordType, savedId, false);
    const after: RecordData = { ...edited, values: {} };
    for (const key of Object.keys(changed.values)) after.values[key] = reloaded.values[key] ?? null;
    await this.afterSubmit(targets, caller, "xedit", after, old);
    return savedId;
  }

  /** beforeLoad of every matching deployment (the HTTP server's record pages); returns the form additions and the record. */
  async fireBeforeLoad(
    recordType: string,
    record: RecordData,
    mode: "view" | "edit" | "create",
    request: SuiteletRequestData | undefined,
    caller: SaveCaller,
  ): Promise<BeforeLoadOutput> {
    const form: FormAdditions = { buttons: [], fields: [], fieldGroups: [], tabs: [] };
    let current = record;
    let redirect: BeforeLoadOutput["redirect"];
    for (const target of this.targets(recordType, caller.executionContext, mode)) {
      const input = { type: mode, newRecord: current, ...(request ? { request } : {}) };
      const output = (await this.run(target, "beforeLoad", input, caller)) as BeforeLoadOutput;
      current = { ...output.record, type: record.type, id: record.id };
      mergeForm(form, output.form, target.script.scriptFile, this.host.project.manifest);
      if (output.redirect) redirect = output.redirect;
    }
    return { form, record: current, ...(redirect ? { redirect } : {}) };
  }

  /**
   * A save as the UI makes it: beforeLoad on the form (create: a new record; edit: the stored one),
   * the user's values over what beforeLoad set, then beforeSubmit, the write and afterSubmit.
   */
  async saveAsUser(record: RecordData, user: Principal): Promise<number> {
    const mode = record.id === null ? "create" : "edit";
    // The user's own role must allow the form and the save: no user event runs for someone who cannot.
    this.host.options.access?.record(user, record.type, record.id === null ? "CREATE" : "EDIT");
    const base =
      record.id === null
        ? this.data.newRecord(record.type, false)
        : this.data.loadRecord(record.type, record.id, false);
    const caller = userInterface(user);
    const loaded = await this.fireBeforeLoad(record.type, base, mode, undefined, caller);
    const merged: RecordData = { ...record, values: { ...loaded.record.values, ...record.values } };
    return this.saveAs(caller, merged);
  }

  // RecordWrites: the host calls these for scripts' writes.
  save(
    ctx: InvocationContext,
    record: RecordData,
    options?: { ignoreMandatoryFields?: boolean },
  ): Promise<{ id: number; version?: string }> {
    return this.saveVersioned(callerOf(ctx), record, options);
  }

  delete(ctx: InvocationContext, type: string, id: number): Promise<number> {
    return this.deleteAs(callerOf(ctx), type, id);
  }

  submitFields(
    ctx: InvocationContext,
    type: string,
    id: number,
    values: Record<string, unknown>,
  ): Promise<number> {
    return this.submitFieldsAs(callerOf(ctx), type, id, values as Record<string, FieldValue>);
  }
}

function versionOf(record: RecordData): { version?: string } {
  return record.version !== undefined ? { version: record.version } : {};
}

export function callerOf(ctx: InvocationContext): SaveCaller {
  return {
    executionContext: ctx.invocation.runtime.executionContext,
    fromUserEvent: ctx.script.type === "usereventscript",
    starter: { kind: "script", principal: ctx.principal },
  };
}

/** Merges one script's additions; its client script path becomes absolute (relative paths name files beside the script). */
function mergeForm(into: FormAdditions, from: FormAdditions, scriptFile: string, manifest: Manifest): void {
  into.buttons.push(...from.buttons);
  into.fields.push(...from.fields);
  into.fieldGroups.push(...from.fieldGroups);
  into.tabs.push(...from.tabs);
  if (from.subtabs?.length) into.subtabs = [...(into.subtabs ?? []), ...from.subtabs];
  if (from.sublists?.length) into.sublists = [...(into.sublists ?? []), ...from.sublists];
  if (from.title !== undefined) into.title = from.title;
  if (from.clientScriptModulePath !== undefined) {
    into.clientScriptModulePath = clientScriptPath(from.clientScriptModulePath, scriptFile, manifest);
  }
  if (from.clientScriptFileId !== undefined) into.clientScriptFileId = from.clientScriptFileId;
}
