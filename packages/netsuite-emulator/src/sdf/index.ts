export { type LoadOptions, loadProject } from "./load.js";
export { SdfError } from "./node.js";
export { secretEnvName } from "./secrets.js";
export * from "./types.js";
