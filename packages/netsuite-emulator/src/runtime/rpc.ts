/**
 * The main thread's side of the blocking bridge: answers a worker's RPC requests, then wakes it.
 * Handlers may be async (an HTTP request, a user event run in another worker); the worker stays
 * blocked meanwhile, as a SuiteScript call to N/https blocks.
 */
import type { MessagePort } from "node:worker_threads";
import { NsError, type PlainNsError } from "../errors.js";
import type { RpcReply, RpcRequest } from "./contracts.js";

export type RpcHandler = (request: RpcRequest) => unknown | Promise<unknown>;

export function serveRpc(port: MessagePort, flag: Int32Array, handle: RpcHandler): void {
  port.on("message", (request: RpcRequest) => {
    void (async () => {
      let reply: RpcReply;
      try {
        reply = { seq: request.seq, ok: true, value: await handle(request) };
      } catch (error) {
        reply = { seq: request.seq, ok: false, error: toPlainError(error) };
      }
      try {
        port.postMessage(reply);
      } catch (error) {
        // A value that cannot cross threads must not leave the worker blocked forever.
        port.postMessage({ seq: request.seq, ok: false, error: toPlainError(error) } satisfies RpcReply);
      }
      Atomics.store(flag, 0, 1);
      Atomics.notify(flag, 0);
    })();
  });
}

export function toPlainError(error: unknown): PlainNsError {
  if (error instanceof NsError) return error.toPlain();
  const message = error instanceof Error ? error.message : String(error);
  return { name: "UNEXPECTED_ERROR", message, id: "", notifyOff: false };
}
