/** Opening the Stripe Sync page (customscript_nss_ops_sl) in the NetSuite emulator, and reading it. */
import type { NetSuiteEmulator, PageData, PageSublist } from "@nss/netsuite-emulator";
import { SCRIPTS } from "@nss/suiteapp/ids";
import { expect } from "vitest";

const SL = SCRIPTS.opsSuitelet.scriptId;
const DEPLOY = SCRIPTS.opsSuitelet.deploymentId;

type Request = Parameters<NetSuiteEmulator["invokeSuitelet"]>[2];

/** The page as the Suitelet wrote it, and the units it used (its execution log line). */
export async function openPage(
  ns: NetSuiteEmulator,
  parameters: Record<string, string> = {},
  user: Request["user"] = undefined,
): Promise<{ page: PageData; units: number }> {
  const before = ns.log.list({ scriptId: SL }).length;
  const out = await ns.invokeSuitelet(SL, DEPLOY, { method: "GET", parameters, ...(user ? { user } : {}) });
  expect(out.code).toBe(200);
  if (!out.page) throw new Error(`no page: ${out.body.slice(0, 500)}`);
  const line = ns.log
    .list({ scriptId: SL })
    .slice(before)
    .find((e) => e.title === "Stripe Sync page");
  const units = Number(/units used: (\d+)/.exec(line?.details ?? "")?.[1] ?? Number.NaN);
  return { page: out.page, units };
}

export const sublist = (page: PageData, id: string): PageSublist => {
  const found = page.sublists.find((s) => s.id === id);
  if (!found) throw new Error(`no sublist ${id}: ${page.sublists.map((s) => s.id).join(", ")}`);
  return found;
};

export const field = (page: PageData, id: string) =>
  page.fields.find((f) => f.id === id)?.defaultValue ?? null;
