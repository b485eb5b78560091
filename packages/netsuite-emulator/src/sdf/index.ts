export { secretEnvName } from "../account/secrets.js";
export { loadProject } from "./load.js";
export { SdfError, SdfValidationError } from "./node.js";
export * from "./types.js";
