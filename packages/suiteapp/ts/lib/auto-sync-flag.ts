/**
 * Auto Sync on Create, where the create trigger can read it for nothing. The switch lives on the
 * configuration record; reading that record costs 20 units and a round trip on every customer save,
 * even with the switch off. So the configuration's user event copies it onto a parameter of the create
 * trigger's deployment, which the trigger reads with `getParameter` (no units, no round trip). With the
 * switch off, a customer save costs the trigger nothing; with it on, the trigger reads the configuration
 * as before, which stays the source of truth. (N/cache would cost 1–2 units a read: Oracle, Cache.get.)
 *
 * A deployment's parameters are fields of its script deployment record (`scriptdeployment`), found by
 * its script ID: a search (10 units) and a submitFields (5 units), on a configuration save only.
 */
import * as record from "N/record";
import * as runtime from "N/runtime";
import * as search from "N/search";

/** The create trigger's deployment and its parameter (customscript_nss_customer_ue.xml). */
export const AUTO_SYNC_FLAG = {
  deploymentId: "customdeploy_nss_customer_ue",
  param: "custscript_nss_auto_sync",
} as const;

/** The flag as the running create trigger's deployment holds it. */
export function autoSyncFlag(): boolean {
  const value = runtime.getCurrentScript().getParameter({ name: AUTO_SYNC_FLAG.param });
  return value === true || value === "T";
}

/** Copies the switch onto the create trigger's deployment; false when that deployment is not found. */
export function writeAutoSyncFlag(on: boolean): boolean {
  const [row] = search
    .create({
      type: "scriptdeployment",
      filters: [["scriptid", "is", AUTO_SYNC_FLAG.deploymentId]],
      columns: [search.createColumn({ name: "internalid" })],
    })
    .run()
    .getRange({ start: 0, end: 1 });
  if (row === undefined) return false;
  record.submitFields({
    type: "scriptdeployment",
    id: row.id,
    values: { [AUTO_SYNC_FLAG.param]: on },
    options: { enableSourcing: false, ignoreMandatoryFields: true },
  });
  return true;
}
