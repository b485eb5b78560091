/**
 * The worker thread that runs scripts. It waits for `invoke` messages, runs one entry point at a
 * time, and makes every N/* call that needs the account a blocking RPC to the main thread:
 * post the request, `Atomics.wait` on a shared flag, then read the reply with `receiveMessageOnPort`.
 */

import { readFileSync } from "node:fs";
import { type MessagePort, parentPort, receiveMessageOnPort, workerData } from "node:worker_threads";
import { NsError } from "../errors.js";
import { SCRIPT_TYPE_HEADER } from "../sdf/types.js";
import { checkHeader, loadScript, readHeader } from "./amd.js";
import type {
  ControlMessage,
  Invocation,
  InvocationResult,
  RpcReply,
  RpcRequest,
  WorkerMessage,
} from "./contracts.js";
import { runEntry } from "./entry/index.js";
import type { ScriptEnv } from "./env.js";
import { UsageMeter } from "./governance.js";
import { MODULES } from "./modules/index.js";

const { rpcPort, flag: flagBuffer } = workerData as { rpcPort: MessagePort; flag: SharedArrayBuffer };
const flag = new Int32Array(flagBuffer);
let seq = 0;

function call(invocationId: string, method: string, args: unknown[]): unknown {
  const request: RpcRequest = { invocationId, seq: ++seq, method, args };
  Atomics.store(flag, 0, 0);
  rpcPort.postMessage(request);
  // A wake-up with the flag still 0 is the late notify of the previous reply (the main thread stores 1
  // before it notifies, so this call may have read that reply and posted again in between): wait again.
  do Atomics.wait(flag, 0, 0);
  while (Atomics.load(flag, 0) === 0);
  const reply = receiveMessageOnPort(rpcPort)?.message as RpcReply | undefined;
  if (!reply || reply.seq !== request.seq) throw new Error(`RPC ${method}: reply out of order`);
  if (!reply.ok)
    throw NsError.fromPlain(
      reply.error ?? { name: "UNEXPECTED_ERROR", message: method, id: "", notifyOff: false },
    );
  return reply.value;
}

function run(invocation: Invocation): InvocationResult {
  const started = performance.now();
  const meter = new UsageMeter(invocation.usageLimit);
  const modules = new Map<string, unknown>();
  const env: ScriptEnv = {
    invocation,
    meter,
    call: <T>(method: string, ...args: unknown[]) => call(invocation.invocationId, method, args) as T,
    module(id: string) {
      if (!modules.has(id)) {
        const factory = MODULES[id];
        modules.set(id, factory ? factory(env) : undefined);
      }
      return modules.get(id);
    },
  };
  try {
    checkHeader(
      invocation.file,
      readHeader(readFileSync(invocation.file, "utf8")),
      SCRIPT_TYPE_HEADER[invocation.scriptType],
    );
    const exports = loadScript({
      file: invocation.file,
      fileCabinet: invocation.fileCabinet,
      nModule: (id) => env.module(id),
      log: env.module("N/log"),
    });
    const output = runEntry(env, exports, invocation);
    return {
      invocationId: invocation.invocationId,
      ok: true,
      output,
      usage: meter.usage,
      durationMs: performance.now() - started,
      // A user event script defines any of its entry points; NetSuite runs none for a missing one.
      ...(typeof exports[invocation.entryPoint] !== "function" ? { noEntryPoint: true as const } : {}),
    };
  } catch (error) {
    return {
      invocationId: invocation.invocationId,
      ok: false,
      error: plainError(error),
      usage: meter.usage,
      durationMs: performance.now() - started,
    };
  }
}

/** Errors thrown by scripts may come from the script's own realm: keep name, message and stack. */
function plainError(error: unknown): NonNullable<InvocationResult["error"]> {
  if (error instanceof NsError) return { ...error.toPlain(), ...(error.stack ? { stack: error.stack } : {}) };
  if (typeof error === "object" && error !== null) {
    const e = error as { name?: unknown; message?: unknown; stack?: unknown; id?: unknown };
    return {
      name: typeof e.name === "string" ? e.name : "Error",
      message: typeof e.message === "string" ? e.message : String(error),
      id: typeof e.id === "string" ? e.id : "",
      notifyOff: false,
      ...(typeof e.stack === "string" ? { stack: e.stack } : {}),
    };
  }
  return { name: "Error", message: String(error), id: "", notifyOff: false };
}

parentPort?.on("message", (message: ControlMessage) => {
  if (message.type === "shutdown") {
    process.exit(0);
  }
  const result = run(message.invocation);
  parentPort?.postMessage({ type: "result", result } satisfies WorkerMessage);
});
parentPort?.postMessage({ type: "ready" } satisfies WorkerMessage);
