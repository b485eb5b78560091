import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NetSuiteEmulator } from "../src/index.js";

const fixture = (path: string) => fileURLToPath(new URL(`./fixtures/runner-misc/${path}`, import.meta.url));

describe("scheduled, Suitelet, installation and task runners", () => {
  let emulator: NetSuiteEmulator;
  beforeAll(async () => {
    emulator = await NetSuiteEmulator.open({
      projectDir: fixture(""),
      env: { NSS_SECRET_CUSTSECRET_RMS_KEY: "k-123" },
      // The test server's self-signed certificate, trusted for N/https as a local server's would be.
      httpsCa: readFileSync(fixture("tls/cert.pem")),
    });
  });
  afterAll(async () => {
    await emulator.close();
  });
  const logs = (scriptId: string) => emulator.log.list({ scriptId }).map((e) => `${e.title}: ${e.details}`);

  it("runs the installation scripts on open, with the manifest's version", () => {
    expect(emulator.installation).toEqual([
      { scriptId: "customscript_rms_install", deploymentId: "customdeploy_rms_install", usage: 15 },
    ]);
    const [entry] = logs("customscript_rms_install");
    expect(entry).toMatch(/^installed: new -> 2\.0\.0 SDFINSTALLATION \d+$/);
    const id = Number(entry?.split(" ").at(-1));
    expect(emulator.data.loadRecord("customer", id, false).values.companyname).toBe("Installed Co");
  });

  it("bridges N/https to a server in the same process without deadlock, with the secret filled in", async () => {
    const seen: { url?: string; key?: string } = {};
    const server: Server = createServer(
      { key: readFileSync(fixture("tls/key.pem")), cert: readFileSync(fixture("tls/cert.pem")) },
      (req, res) => {
        seen.url = req.url;
        seen.key = String(req.headers["x-api-key"]);
        res.writeHead(201, { "Content-Type": "text/plain" });
        res.end("pong");
      },
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    // The test server's certificate is self-signed.
    try {
      const { port } = server.address() as AddressInfo;
      const run = await emulator.runScript("customscript_rms_ping", undefined, {
        custscript_rms_url: `https://127.0.0.1:${port}/ping?x=1`,
      });
      expect(run).toMatchObject({ type: "scheduledscript", result: { usage: 10 } });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(seen).toEqual({ url: "/ping?x=1", key: "k-123" });
    expect(logs("customscript_rms_ping")).toEqual(["ping: ON_DEMAND: HTTP 201 pong"]);
  });

  it("invokes a Suitelet: headers, body, redirect", async () => {
    const get = await emulator.invokeSuitelet("customscript_rms_sl", undefined, {
      method: "get",
      parameters: { name: "Ada" },
    });
    expect(get).toEqual({
      code: 200,
      headers: { "Content-Type": "text/html", "X-Multi": "a, b" },
      body: "<p>Hello Ada</p>\ntext/html",
    });
    const post = await emulator.invokeSuitelet("customscript_rms_sl", "customdeploy_rms_sl", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: '{"a":1}',
    });
    expect(post).toEqual({
      code: 302,
      headers: {},
      body: "",
      redirect: { type: "RECORD", identifier: "customer", id: "5", parameters: { e: "T" } },
    });
    expect(logs("customscript_rms_sl")).toEqual(['post: {"a":1} application/json']);
  });

  it("N/task: submits run asynchronously, a busy deployment refuses a second submit, status follows", async () => {
    await emulator.runScript("customscript_rms_submit");
    const submitted = logs("customscript_rms_submit");
    expect(submitted.slice(0, 4)).toEqual([
      "submitted: MAPREDUCETASK",
      "refused: MAP_REDUCE_ALREADY_RUNNING",
      "submitted: SCHEDSCRIPT",
      "refused: FAILED_TO_SUBMIT_JOB_REQUEST_1",
    ]);
    const taskId = submitted[4]?.replace("mr task: ", "") ?? "";
    await emulator.tasks.idle();
    expect(emulator.tasks.status(taskId)).toMatchObject({
      status: "COMPLETE",
      stage: "SUMMARIZE",
      scriptId: "customscript_rms_mr",
      deploymentId: "customdeploy_rms_mr",
    });
    expect(logs("customscript_rms_mr").filter((l) => l.startsWith("mr done"))).toEqual([
      "mr done: from task: 2",
    ]);
    expect(logs("customscript_rms_hello")).toEqual(["hello: ON_DEMAND"]);

    await emulator.runScript("customscript_rms_check", undefined, { custscript_rms_task: taskId });
    expect(logs("customscript_rms_check")).toEqual(["status: COMPLETE SUMMARIZE"]);
  });

  it("N/task: a script resubmitting its own deployment runs again after its current run ends", async () => {
    await emulator.runScript("customscript_rms_again");
    await expect(emulator.runScript("customscript_rms_again")).rejects.toMatchObject({
      name: "FAILED_TO_SUBMIT_JOB_REQUEST_1",
    });
    await emulator.tasks.idle();
    expect(logs("customscript_rms_again")).toEqual([
      "round: 0 start",
      "round: 0 end",
      "round: 1 start",
      "round: 1 end",
      "round: 2 start",
      "round: 2 end",
    ]);
  });

  it("N/task status is PENDING until the task starts, then the deployment is free again", async () => {
    const tasks = emulator.tasks;
    const id = tasks.submit(null, {
      taskType: "MAP_REDUCE",
      scriptId: "customscript_rms_mr",
      deploymentId: "customdeploy_rms_mr",
    });
    expect(tasks.status(id).status).toBe("PENDING");
    expect(() => tasks.submit(null, { taskType: "MAP_REDUCE", scriptId: "customscript_rms_mr" })).toThrow(
      expect.objectContaining({ name: "NO_DEPLOYMENTS_AVAILABLE" }),
    );
    await tasks.idle();
    expect(tasks.status(id).status).toBe("COMPLETE");
    const again = tasks.submit(null, { taskType: "MAP_REDUCE", scriptId: "customscript_rms_mr" });
    await tasks.idle();
    expect(tasks.status(again)).toMatchObject({ status: "COMPLETE", deploymentId: "customdeploy_rms_mr" });
    expect(
      logs("customscript_rms_mr")
        .filter((l) => l.startsWith("mr done"))
        .slice(-2),
    ).toEqual(["mr done: from deployment: 2", "mr done: from deployment: 2"]);
  });
});
