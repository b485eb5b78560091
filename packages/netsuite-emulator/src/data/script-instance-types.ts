/**
 * The record types the run history is searched through: `scheduledscriptinstance` and the `script`
 * record as its joins reach it. Kept apart from catalog.ts, which holds the types records are made of.
 */
import type { FieldDef, FieldType, RecordTypeDef } from "./catalog.js";

const f = (id: string, label: string, type: FieldType, extra: Partial<FieldDef> = {}): FieldDef => ({
  id,
  label,
  type,
  ...extra,
});

/** `task.TaskStatus` (Oracle: PENDING, PROCESSING, COMPLETE, FAILED) with the texts a status column shows. */
export const INSTANCE_STATUS: Readonly<Record<string, string>> = {
  PENDING: "Pending",
  PROCESSING: "Processing",
  COMPLETE: "Complete",
  FAILED: "Failed",
};

/** `task.MapReduceStage` (Oracle, section_4345808152); NetSuite's texts for them are not known: the IDs. */
const MAP_REDUCE_STAGES: Readonly<Record<string, string>> = {
  GET_INPUT: "GET_INPUT",
  MAP: "MAP",
  SHUFFLE: "SHUFFLE",
  REDUCE: "REDUCE",
  SUMMARIZE: "SUMMARIZE",
};

/**
 * Scheduled script instances (`scheduledscriptinstance`; Oracle, "Scheduled Script Instance",
 * section_3777401104: "the scheduled script instance search to return information about individual
 * scheduled script and map/reduce script jobs"), written by scripts/tasks.ts as deployments run
 * (data/script-instances.ts). Searched only. The fields are the SuiteScript Records Browser 2018.1's
 * search filters and columns (extracted_18_1/scheduledscriptinstance.json): datecreated, startdate,
 * enddate, percentcomplete, status (a select as a filter, text as a column), and its joins script and
 * scriptdeployment; plus `mapreducestage` and `taskid`, which the 2018.1 browser predates and public
 * Suitelet code filters on (`["mapreducestage","anyof","SUMMARIZE"]`, `["taskid","contains",taskId]`).
 * `queue` and `queueposition` (legacy queues: SuiteCloud Processors have none) and formulas are not
 * modelled (data/standard-fields.ts lists them, so they are UNSUPPORTED_BY_EMULATOR).
 */
export function scheduledScriptInstanceType(): RecordTypeDef {
  const fields: FieldDef[] = [
    f("datecreated", "Date Created", "datetime", { system: true }),
    f("startdate", "Start Date", "datetime"),
    f("enddate", "End Date", "datetime"),
    f("percentcomplete", "Percent Complete", "float", { columnFormat: "percent" }),
    f("status", "Status", "select", { options: INSTANCE_STATUS, columnFormat: "optiontext" }),
    f("mapreducestage", "Map/Reduce Stage", "select", { options: MAP_REDUCE_STAGES }),
    f("taskid", "Task ID", "text"),
    f("script", "Script", "select", { target: "script", options: {} }),
    f("scriptdeployment", "Script Deployment", "select", { target: "scriptdeployment" }),
  ];
  return {
    id: "scheduledscriptinstance",
    kind: "standard",
    fields: new Map(fields.map((d) => [d.id, d])),
    nameFields: [],
    manyJoins: {},
    optimisticLocking: false,
    searchOnly: true,
  };
}

/**
 * The script record as search joins reach it (scheduledscriptinstance and scriptdeployment: join
 * `script`): its script ID and name. The emulator does not model script records otherwise.
 */
export function scriptJoinType(): RecordTypeDef {
  const fields = [f("scriptid", "Script ID", "text"), f("name", "Name", "text")];
  return {
    id: "script",
    kind: "standard",
    fields: new Map(fields.map((d) => [d.id, d])),
    nameFields: ["name"],
    manyJoins: {},
    optimisticLocking: false,
    joinOnly: true,
  };
}
