/**
 * A ScriptEnv for module tests: `call` serves `data.*` from a FakeData and the host methods from
 * small fakes, recording every call; modules come from MODULES as in the worker.
 */

import { Features } from "../../src/account/features.js";
import type { FieldValue } from "../../src/data/types.js";
import type {
  HttpRequestData,
  HttpResponseData,
  Invocation,
  RuntimeInfo,
} from "../../src/runtime/contracts.js";
import type { ScriptEnv } from "../../src/runtime/env.js";
import { UsageMeter } from "../../src/runtime/governance.js";
import { MODULES } from "../../src/runtime/modules/index.js";
import { FakeData } from "./fake-data.js";

export interface Call {
  method: string;
  args: unknown[];
}

export interface TestEnv {
  env: ScriptEnv;
  data: FakeData;
  calls: Call[];
  /** Host calls only (not `data.*`). */
  hostCalls(method?: string): Call[];
  /** Set the next `https.request` reply. */
  httpReply: HttpResponseData;
  module<T = Record<string, unknown>>(id: string): T;
}

export function runtimeInfo(overrides: Partial<RuntimeInfo["script"]> = {}): RuntimeInfo {
  return {
    accountId: "1234567_SB1",
    envType: "SANDBOX",
    executionContext: "SCHEDULED",
    version: "2025.1",
    features: new Features().list(),
    user: {
      id: 7,
      name: "Ada Admin",
      email: "ada@example.com",
      role: 3,
      roleId: "administrator",
      roleCenter: "BASIC",
      subsidiary: 1,
    },
    script: {
      id: "customscript_test",
      deploymentId: "customdeploy_test",
      logLevel: "DEBUG",
      apiVersion: "2.1",
      parameters: {},
      bundleIds: [],
      ...overrides,
    },
    domains: {
      app: "https://1234567-sb1.app.netsuite.com",
      forms: "https://1234567-sb1.extforms.netsuite.com",
      restlets: "https://1234567-sb1.restlets.api.netsuite.com",
      system: "https://1234567-sb1.suitetalk.api.netsuite.com",
    },
  };
}

export function makeEnv(
  options: { usageLimit?: number; script?: Partial<RuntimeInfo["script"]> } = {},
): TestEnv {
  const data = new FakeData();
  const calls: Call[] = [];
  const modules = new Map<string, unknown>();
  const invocation: Invocation = {
    invocationId: "inv-1",
    file: "/SuiteApps/test/script.js",
    fileCabinet: "/tmp/fc",
    scriptType: "scheduledscript",
    entryPoint: "execute",
    input: null,
    runtime: runtimeInfo(options.script),
    usageLimit: options.usageLimit ?? 10_000,
  };
  const test: TestEnv = {
    data,
    calls,
    httpReply: { code: 200, headers: { "content-type": "application/json" }, body: "{}" },
    hostCalls: (method) =>
      calls.filter((c) => !c.method.startsWith("data.") && (!method || c.method === method)),
    module: <T>(id: string) => env.module(id) as T,
    env: undefined as unknown as ScriptEnv,
  };
  const host: Record<string, (...args: unknown[]) => unknown> = {
    "record.save": (a) => ({
      id: data.saveRecord((a as { record: Parameters<FakeData["saveRecord"]>[0] }).record),
    }),
    "record.delete": (a) => {
      const { type, id } = a as { type: string; id: number };
      data.deleteRecord(type, id);
      return id;
    },
    "record.submitFields": (a) => {
      const { type, id, values } = a as { type: string; id: number; values: Record<string, FieldValue> };
      return data.submitFields(type, id, values);
    },
    "log.write": () => undefined,
    "https.request": (_req) => test.httpReply as HttpResponseData,
    "task.submit": () => "SCHEDSCRIPT_0123",
    "task.status": (taskId) => ({
      status: "PROCESSING",
      stage: String(taskId).startsWith("MAPREDUCE") ? "MAP" : undefined,
      scriptId: "customscript_mr",
      deploymentId: "customdeploy_mr",
    }),
    "url.externalToken": () => "AAEJ7tMQ-token",
  };
  const env: ScriptEnv = {
    invocation,
    meter: new UsageMeter(invocation.usageLimit),
    call<T>(method: string, ...args: unknown[]): T {
      calls.push({ method, args: structuredClone(args) });
      if (method.startsWith("data.")) {
        const fn = (data as unknown as Record<string, (...a: unknown[]) => unknown>)[method.slice(5)];
        if (!fn) throw new Error(`fake data has no ${method}`);
        return fn.apply(data, args) as T;
      }
      const handler = host[method];
      if (!handler) throw new Error(`fake host has no ${method}`);
      return handler(...args) as T;
    },
    module(id: string) {
      if (!modules.has(id)) modules.set(id, MODULES[id]?.(env));
      return modules.get(id);
    },
  };
  test.env = env;
  return test;
}

export type { HttpRequestData };
