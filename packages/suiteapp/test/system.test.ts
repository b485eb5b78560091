/**
 * The system kit (@nss/suiteapp/system) and the object IDs it exports (@nss/suiteapp/ids): the IDs name
 * the project's own objects; a system started on a kept folder starts again where it stopped, writing no
 * second account record and leaving Enable Webhook alone; close() removes what it made.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadProject } from "@nss/netsuite-emulator";
import {
  CONFIG_RECORD,
  SCRIPT_PARAMS,
  SCRIPTS,
  STRIPE_ACCOUNT_RECORD,
  WEBHOOK_LOG_RECORD,
} from "@nss/suiteapp/ids";
import { configRecord, ensureWebhook, PACKAGE_DIR, saveCustomer, startSystem } from "@nss/suiteapp/system";
import { afterAll, describe, expect, it } from "vitest";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe("@nss/suiteapp/ids", () => {
  it("names every script, deployment and script parameter of the project, and nothing else", () => {
    const project = loadProject(PACKAGE_DIR);
    const declared = project.scripts.map((s) => ({
      scriptId: s.scriptId,
      deployments: s.deployments.map((d) => d.scriptId).sort(),
    }));
    const listed = Object.values(SCRIPTS).map((s) => ({
      scriptId: s.scriptId,
      deployments: [s.deploymentId],
    }));
    const byId = (a: { scriptId: string }, b: { scriptId: string }) => a.scriptId.localeCompare(b.scriptId);
    expect(listed.sort(byId)).toEqual(declared.sort(byId));
    const params = project.scripts.flatMap((s) => s.parameters.map((p) => p.scriptId)).sort();
    expect(Object.values(SCRIPT_PARAMS).sort()).toEqual(params);
  });
});

describe("startSystem", () => {
  it("starts again on a kept folder where it stopped, and close() removes only a folder it made", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nss-kit-"));
    dirs.push(dir);
    const options = {
      dir,
      key: `sk_test_nssKit${Date.now()}`,
      stripe: { db: join(dir, "stripe.sqlite") },
      proxies: { keys: "kept" as const },
      webhook: true,
    };
    const first = await startSystem(options);
    const sealKey = first.proxyKeys.sealKey;
    expect(first.empty).toBe(true);
    await saveCustomer(first.ns, { companyname: "Kit Ltd", email: "kit@example.com" });
    const webhookLog = first.ns.data.listRecords(WEBHOOK_LOG_RECORD.type).length;
    expect(webhookLog).toBeGreaterThan(0);
    await first.close();
    expect(existsSync(join(dir, "netsuite.sqlite"))).toBe(true);

    const again = await startSystem(options);
    try {
      expect(again.empty).toBe(false);
      expect(again.proxyKeys.sealKey).toBe(sealKey);
      expect(again.ns.data.listRecords(STRIPE_ACCOUNT_RECORD.type)).toHaveLength(1);
      expect(again.accounts[0]?.recordId).toBe(first.accounts[0]?.recordId);
      // The proxy moved (other ports): Enable Webhook was cleared and checked again, sealed anew.
      const config = () => configRecord(again.ns).values;
      expect(config()[CONFIG_RECORD.fields.webhookEnabled]).toBe(true);
      expect(config()[CONFIG_RECORD.fields.proxyUrl]).toBe(again.sealing.url);
      // Already checked with the same proxy: nothing is saved.
      const logged = again.ns.data.listRecords(WEBHOOK_LOG_RECORD.type).length;
      await ensureWebhook(again.ns, again.sealing.url);
      expect(again.ns.data.listRecords(WEBHOOK_LOG_RECORD.type)).toHaveLength(logged);
    } finally {
      await again.close();
    }

    const temp = await startSystem({ key: "sk_test_nssKitTemp" });
    await temp.close();
    expect(existsSync(temp.dir)).toBe(false);
  });
});
