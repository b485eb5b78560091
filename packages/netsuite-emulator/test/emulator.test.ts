import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NetSuiteEmulator } from "../src/index.js";

const sdfProject = fileURLToPath(new URL("./fixtures/sdf-project", import.meta.url));
const tls = (file: string) =>
  readFileSync(fileURLToPath(new URL(`./fixtures/runner-misc/tls/${file}`, import.meta.url)));

describe("NetSuiteEmulator over the fixture SDF project", () => {
  let emulator: NetSuiteEmulator;
  beforeAll(async () => {
    emulator = await NetSuiteEmulator.open({
      projectDir: sdfProject,
      secretsFile: `${sdfProject}/fixture-secrets.json`,
      env: {},
      httpsCa: tls("cert.pem"),
    });
  });
  afterAll(async () => {
    await emulator.close();
  });
  const logs = (scriptId: string) =>
    emulator.log.list({ scriptId }).map((e) => `${e.entryPoint} ${e.title}: ${e.details}`);

  it("runs the installation script on open", () => {
    expect(emulator.installation).toEqual([
      { scriptId: "customscript_fx_install", deploymentId: "customdeploy_fx_install", usage: 5 },
    ]);
    const saved = emulator.data.loadSearch("customsearch_fx_customers");
    expect(saved.title).toBe("FX Customers");
    expect(logs("customscript_fx_install")).toEqual([
      `run installed: new -> 1.0.0: saved search ${saved.id}`,
    ]);
  });

  it("creates a customer as the UI does: the user event writes its FX Log entry", async () => {
    const id = await emulator.saveAsUser({
      type: "customer",
      id: null,
      isDynamic: false,
      values: { companyname: "Acme", email: "ap@acme.example", subsidiary: "1" },
    });
    const ue = logs("customscript_fx_customer_ue");
    expect(ue.slice(0, 3)).toEqual([
      `beforeLoad beforeLoad: create customer null`,
      "beforeSubmit beforeSubmit: create customer Acme",
      `afterSubmit afterSubmit: create customer ${id}`,
    ]);
    expect(ue[3]).toMatch(new RegExp(`^afterSubmit afterSubmit: FX Log \\d+ for customer ${id}$`));
  });

  it("answers the Suitelet with the request parameters", async () => {
    const response = await emulator.invokeSuitelet("customscript_fx_sl", undefined, {
      method: "GET",
      parameters: { q: "1" },
    });
    expect(response).toEqual({
      code: 200,
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ script: "customscript_fx_sl", deploy: "customdeploy_fx_sl", q: "1" }),
    });
  });

  it("runs the scheduled script, whose https.get reaches a server of this process", async () => {
    const keys: string[] = [];
    const server = createServer({ key: tls("key.pem"), cert: tls("cert.pem") }, (req, res) => {
      keys.push(`${req.url} ${String(req.headers["x-api-key"])}`);
      res.end("ok");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      await emulator.runScript("customscript_fx_scheduled", undefined, {
        custscript_fx_url: `https://127.0.0.1:${port}/v1/ping`,
      });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(keys).toEqual(["/v1/ping?customers=1 fixture-key-from-file"]);
    // 10 units for the search page, 10 for the request.
    expect(logs("customscript_fx_scheduled")).toEqual([
      "execute ping: ON_DEMAND: 1 customers, HTTP 200",
      "execute remaining usage: 9980",
    ]);
  });

  it("runs the map/reduce: one FX Log entry per subsidiary", async () => {
    const run = await emulator.runScript("customscript_fx_mr");
    if (run.type !== "mapreducescript") throw new Error("expected a map/reduce run");
    expect(run.summary.concurrency).toBe(2);
    expect(run.summary.mapSummary.errors).toEqual([]);
    expect(run.summary.reduceSummary.errors).toEqual([]);
    expect(run.summary.output).toEqual([["1", "1"]]);
    expect(logs("customscript_fx_mr").filter((l) => l.startsWith("summarize customers"))).toEqual([
      "summarize customers: 1",
    ]);
  });
});

describe("the nss-netsuite-emulator bin", () => {
  it("runs from dist with its exit code", () => {
    const bin = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
    const help = spawnSync(process.execPath, [bin, "--help"], { encoding: "utf8" });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("Usage: nss-netsuite-emulator run");
    const bad = spawnSync(process.execPath, [bin, "run"], { encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("Missing --project.");
  });
});

describe("installation scripts deploy.xml does not <run>", () => {
  it("are not run on open (SDF runs only the ones deploy.xml names)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nss-norun-"));
    try {
      cpSync(sdfProject, dir, { recursive: true });
      const deploy = join(dir, "src", "deploy.xml");
      writeFileSync(deploy, readFileSync(deploy, "utf8").replace(/\s*<run>[\s\S]*<\/run>/, ""));
      const emulator = await NetSuiteEmulator.open({
        projectDir: dir,
        secretsFile: join(dir, "fixture-secrets.json"),
        env: {},
      });
      try {
        expect(emulator.installation).toEqual([]);
        expect(emulator.log.list({ scriptId: "customscript_fx_install" })).toEqual([]);
      } finally {
        await emulator.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
