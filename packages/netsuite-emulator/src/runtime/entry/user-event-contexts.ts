/**
 * User event entry adapters (Oracle: "SuiteScript 2.x User Event Script Entry Points and API"):
 * `newRecord`/`oldRecord` are N/record Record objects over the plain RecordData; beforeLoad gets a
 * form that records its additions; beforeSubmit returns the (possibly changed) new record.
 */
import type { ScriptEnv } from "../env.js";
import { NsRecord } from "../modules/record.js";
import { pendingRedirect } from "../modules/redirect.js";
import { frozen } from "./context.js";
import { createForm } from "./form.js";
import { registerAdapters } from "./registry.js";
import { serverRequest } from "./suitelet-contexts.js";
import type { AfterSubmitOutput, BeforeLoadOutput, BeforeSubmitOutput, UserEventInput } from "./types.js";

/** context.UserEventType (Oracle: "context.UserEventType"). */
export const UserEventType = frozen({
  APPROVE: "approve",
  CANCEL: "cancel",
  CHANGEPASSWORD: "changepassword",
  COPY: "copy",
  CREATE: "create",
  DELETE: "delete",
  DROPSHIP: "dropship",
  EDIT: "edit",
  EDITFORECAST: "editforecast",
  EMAIL: "email",
  MARKCOMPLETE: "markcomplete",
  ORDERITEMS: "orderitems",
  PACK: "pack",
  PAYBILLS: "paybills",
  PRINT: "print",
  QUICKVIEW: "quickview",
  REASSIGN: "reassign",
  REJECT: "reject",
  SHIP: "ship",
  SPECIALORDER: "specialorder",
  TRANSFORM: "transform",
  VIEW: "view",
  XEDIT: "xedit",
});

function records(env: ScriptEnv, input: UserEventInput): { newRecord: NsRecord; oldRecord?: NsRecord } {
  const newRecord = new NsRecord(env, input.newRecord);
  return input.oldRecord ? { newRecord, oldRecord: new NsRecord(env, input.oldRecord) } : { newRecord };
}

registerAdapters("usereventscript", {
  beforeLoad(env, entry, raw): BeforeLoadOutput {
    const input = raw as UserEventInput;
    // A user event script defines any of the three entry points; a missing one does nothing.
    if (!entry) return { form: createForm().additions(), record: input.newRecord };
    const built = createForm();
    const { newRecord } = records(env, input);
    const request = input.request ? serverRequest(input.request) : undefined;
    entry({ type: input.type, newRecord, form: built.form, request, UserEventType });
    const redirect = pendingRedirect(env);
    return { form: built.additions(), record: newRecord.toData(), ...(redirect ? { redirect } : {}) };
  },
  beforeSubmit(env, entry, raw): BeforeSubmitOutput {
    const input = raw as UserEventInput;
    if (!entry) return { record: input.newRecord };
    const recs = records(env, input);
    entry({ type: input.type, ...recs, UserEventType });
    return { record: recs.newRecord.toData() };
  },
  afterSubmit(env, entry, raw): AfterSubmitOutput {
    const input = raw as UserEventInput;
    if (!entry) return null;
    entry({ type: input.type, ...records(env, input), UserEventType });
    const redirect = pendingRedirect(env);
    return redirect ? { redirect } : null;
  },
});
