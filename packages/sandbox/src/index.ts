/** @nss/sandbox: the whole system on one machine, as `npm start` runs it. */
export { boot, type SandboxAccount, type System } from "./boot.js";
export { type AccountCheck, checkDemo, type Summary } from "./check-demo.js";
export type { ConsoleAccount, ConsoleDeps, RunView } from "./console/index.js";
export { DEFAULTS, parseOptions, type SandboxOptions, USAGE } from "./options.js";
export { checkPorts, PORT_NAMES, PortInUseError, type PortPlan, planPorts } from "./ports.js";
export { bar, createProgress, type Progress, type ProgressOut } from "./progress.js";
export {
  type RunningSandbox,
  runSandbox,
  type SandboxHooks,
  type StartConsole,
  StoppedError,
} from "./run-sandbox.js";
export { type SeedResult, seedDemo } from "./seed.js";
