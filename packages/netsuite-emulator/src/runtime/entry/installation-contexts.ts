/**
 * SDF installation script entry adapter (Oracle: "SuiteScript 2.x SDF Installation Script Type":
 * a single `run(scriptContext)` entry point with `fromVersion` and `toVersion`; fromVersion is null
 * on a first installation).
 */
import { NsError } from "../../errors.js";
import { registerAdapters } from "./registry.js";
import type { InstallationInput } from "./types.js";

registerAdapters("sdfinstallationscript", {
  run(_env, entry, input): null {
    if (!entry) throw new NsError("SSS_INVALID_SCRIPT", "The SDF installation script has no run function.");
    const { fromVersion, toVersion } = input as InstallationInput;
    entry({ fromVersion, toVersion });
    return null;
  },
});
