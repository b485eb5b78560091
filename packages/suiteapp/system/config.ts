/** The NetSuite–Stripe Configuration record, saved as its administrator would (so its checks run). */
import type { FieldValue, NetSuiteEmulator, RecordData, UserSpec } from "@nss/netsuite-emulator";
import { CONFIG_RECORD } from "@nss/suiteapp/ids";
import { ADMIN, query } from "./records.js";

const FIELDS = CONFIG_RECORD.fields;

/** The account's configuration record (the installation makes one). */
export function configRecord(ns: NetSuiteEmulator): RecordData {
  const [row] = ns.data.runSearch(query(CONFIG_RECORD.type, [{ name: "internalid" }]), 0, 1).rows;
  return ns.data.loadRecord(CONFIG_RECORD.type, Number(row?.id), false);
}

/** Saves the configuration with `values` over the stored ones (field IDs: `CONFIG_RECORD.fields`). */
export async function saveConfig(
  ns: NetSuiteEmulator,
  values: Record<string, FieldValue>,
  user: UserSpec = ADMIN,
): Promise<void> {
  const record = configRecord(ns);
  await ns.saveAsUser({ ...record, values: { ...record.values, ...values } }, { user });
}

/** Turns Auto Sync on Create on or off. */
export const setAutoSync = (ns: NetSuiteEmulator, on: boolean): Promise<void> =>
  saveConfig(ns, { [FIELDS.autoSyncOnCreate]: on });

/** Checks or clears Enable Webhook, with the proxy NetSuite seals through. */
export const setWebhook = (ns: NetSuiteEmulator, enabled: boolean, proxyUrl: string): Promise<void> =>
  saveConfig(ns, { [FIELDS.webhookEnabled]: enabled, [FIELDS.proxyUrl]: proxyUrl });

/**
 * Enable Webhook checked with `proxyUrl`: on a kept account already so, nothing is saved; one whose
 * proxy moved (other ports) is cleared first, so that each endpoint is sealed anew.
 */
export async function ensureWebhook(ns: NetSuiteEmulator, proxyUrl: string): Promise<void> {
  const values = configRecord(ns).values;
  if (values[FIELDS.webhookEnabled] === true) {
    if (values[FIELDS.proxyUrl] === proxyUrl) return;
    await setWebhook(ns, false, proxyUrl);
  }
  await setWebhook(ns, true, proxyUrl);
}
