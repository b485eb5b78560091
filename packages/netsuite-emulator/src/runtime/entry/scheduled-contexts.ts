/** Scheduled script entry adapter (Oracle: "execute(scriptContext)", "scriptContext.InvocationType"). */
import { NsError } from "../../errors.js";
import { frozen } from "./context.js";
import { registerAdapters } from "./registry.js";

export const InvocationType = frozen({
  SCHEDULED: "SCHEDULED",
  ON_DEMAND: "ON_DEMAND",
  USER_INTERFACE: "USER_INTERFACE",
  ABORTED: "ABORTED",
  SKIPPED: "SKIPPED",
});

registerAdapters("scheduledscript", {
  execute(_env, entry, input): null {
    if (!entry) throw new NsError("SSS_INVALID_SCRIPT", "The scheduled script has no execute function.");
    const { type } = input as { type: string };
    entry({ type, InvocationType });
    return null;
  },
});
