/** @nss/netsuite-emulator: a local SuiteScript 2.1 runtime for SDF projects. */
export type { AccessFinding } from "./account/lint.js";
export type { RoleSpec } from "./account/roles.js";
export type { SecretEntry } from "./account/secrets.js";
export { type Validation, validateProject } from "./cli-validate.js";
export type { RateBucket, RateLimits } from "./clock/calendar.js";
export {
  LATENCY_PROFILES,
  LATENCY_RANGES,
  type LatencyKey,
  type LatencyProfile,
  type ProfileName,
} from "./clock/latency.js";
export {
  DEFAULT_PROCESSORS,
  type ModelledRun,
  type ModelOptions,
  modelInvocation,
  modelRun,
} from "./clock/model.js";
export type { ClockOptions, InvocationReading } from "./clock/options.js";
export type {
  HttpsOp,
  MapReduceTrace,
  OpKind,
  RecordKind,
  Stage,
  TracedInvocation,
  TraceOp,
} from "./clock/trace.js";
export type { DataServices, FieldValue, RecordData, SearchDef } from "./data/types.js";
export { type EmulatorOptions, NetSuiteEmulator, type ScriptRun, type UserSpec } from "./emulator.js";
export { NsError, type PlainNsError } from "./errors.js";
export { type NetSuiteServer, type ServerOptions, startNetSuiteServer } from "./http/server.js";
export type {
  AfterSubmitOutput,
  BeforeLoadOutput,
  FormAdditions,
  FormFieldAddition,
  InstallationInput,
  MapReduceStageSummary,
  PageData,
  PageField,
  PageSublist,
  SelectOption,
  SuiteletRedirect,
  SuiteletRequestData,
  SuiteletResponseData,
} from "./runtime/entry/types.js";
export { ScriptHost } from "./runtime/host.js";
export type { ExecutionLog, LogEntry, LogLevel } from "./runtime/log.js";
export type { InstallationRun } from "./scripts/installation.js";
export { type MapReduceProgress, type MapReduceSummary, runMapReduce } from "./scripts/map-reduce.js";
export { runScheduled, type ScheduledResult } from "./scripts/scheduled.js";
export { invokeSuitelet, type SuiteletRequest, type SuiteletResult } from "./scripts/suitelet.js";
export { type TaskState, Tasks } from "./scripts/tasks.js";
export { UserEvents } from "./scripts/user-event.js";
export * from "./sdf/index.js";
