/**
 * @NApiVersion 2.1
 * @NScriptType MapReduceScript
 * @NModuleScope SameAccount
 *
 * Deletes the Stripe event records (customrecord_nss_stripe_event, lib/webhooks/event-claims.ts) created more
 * than RETENTION_DAYS ago. Each record only has to outlive Stripe's retries of its event (three days),
 * so older ones are kept for reading and then go: without this the table grows by one record per event
 * for ever. getInputData is one search (and its count, for the run's started row); each map invocation
 * deletes one record; summarize writes the run's row.
 */

import * as log from "N/log";
import * as record from "N/record";
import * as search from "N/search";
import type { EntryPoints } from "N/types";
import { EVENT_RECORD, RUN_KINDS } from "./lib/records/object-ids.js";
import { startRunLog, writeRunLog } from "./lib/records/run-log.js";

const RETENTION_DAYS = 30;
export const RUN_KIND = RUN_KINDS.eventPurge;

export const getInputData: EntryPoints.MapReduce.getInputData = (context) => {
  const old = search.create({
    type: EVENT_RECORD.type,
    filters: [["created", "before", `daysago${RETENTION_DAYS}`]],
    columns: [search.createColumn({ name: "internalid" })],
  });
  const count = old.runPaged({ pageSize: 1000 }).count;
  startRunLog(
    RUN_KIND,
    context,
    count,
    `${count} Stripe event records older than ${RETENTION_DAYS} days to delete.`,
  );
  return old;
};

export const map: EntryPoints.MapReduce.map = (context) => {
  record.delete({ type: EVENT_RECORD.type, id: context.key });
  context.write({ key: context.key, value: "deleted" });
};

export const summarize: EntryPoints.MapReduce.summarize = (context) => {
  let deleted = 0;
  context.output.iterator().each(() => {
    deleted++;
    return true;
  });
  const failures: string[] = [];
  context.mapSummary.errors.iterator().each((key, err) => {
    failures.push(`event record ${key}: ${err}`);
    return true;
  });
  const input = context.inputSummary.error;
  if (input) log.error({ title: "Stripe event purge could not search", details: input });
  const details =
    `Deleted ${deleted} Stripe event records older than ${RETENTION_DAYS} days` +
    (failures.length > 0 ? `; ${failures.length} could not be deleted:\n${failures.join("\n")}` : ".");
  log.audit({ title: "Stripe event purge", details });
  try {
    const counts = { created: 0, linked: 0, updated: 0, unchanged: 0, failed: failures.length };
    writeRunLog(RUN_KIND, counts, details, input);
  } catch (e) {
    log.error({ title: "Could not write the event purge's run row", details: String(e) });
  }
};
