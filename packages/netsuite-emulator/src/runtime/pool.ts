/**
 * Worker threads that run scripts, reused across invocations (a map/reduce makes thousands). A busy
 * worker is blocked inside a script; when that script saves a record whose user events must run,
 * the pool simply starts another worker, so nested runs never wait on a blocked one.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { MessageChannel, Worker } from "node:worker_threads";
import type { Invocation, InvocationResult, RpcRequest, WorkerMessage } from "./contracts.js";
import { serveRpc } from "./rpc.js";

export type InvocationServices = (
  method: string,
  args: unknown[],
  request: RpcRequest,
) => unknown | Promise<unknown>;

interface PooledWorker {
  worker: Worker;
  busy: boolean;
  finish?: (result: InvocationResult) => void;
  fail?: (error: Error) => void;
}

/** The compiled worker: next to this file in dist/, or dist/ when tests run the TypeScript sources. */
function workerFile(): URL {
  const here = new URL("./worker.js", import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  return new URL("../../dist/runtime/worker.js", import.meta.url);
}

export class WorkerPool {
  private readonly workers: PooledWorker[] = [];
  private readonly services = new Map<string, InvocationServices>();
  private closed = false;

  /** Idle workers kept for reuse. */
  constructor(private readonly keepIdle = 4) {}

  async run(invocation: Invocation, services: InvocationServices): Promise<InvocationResult> {
    if (this.closed) throw new Error("the script pool is closed");
    const pooled = this.workers.find((w) => !w.busy) ?? this.spawn();
    pooled.busy = true;
    // A running script keeps the process alive; an idle worker does not.
    pooled.worker.ref();
    this.services.set(invocation.invocationId, services);
    try {
      return await new Promise<InvocationResult>((resolve, reject) => {
        pooled.finish = resolve;
        pooled.fail = reject;
        pooled.worker.postMessage({ type: "invoke", invocation });
      });
    } finally {
      this.services.delete(invocation.invocationId);
      pooled.busy = false;
      pooled.worker.unref();
      pooled.finish = undefined;
      pooled.fail = undefined;
      this.trim();
    }
  }

  private spawn(): PooledWorker {
    const { port1, port2 } = new MessageChannel();
    const flag = new SharedArrayBuffer(4);
    const worker = new Worker(workerFile(), { workerData: { rpcPort: port2, flag }, transferList: [port2] });
    const pooled: PooledWorker = { worker, busy: false };
    serveRpc(port1, new Int32Array(flag), (request) => {
      const services = this.services.get(request.invocationId);
      if (!services) throw new Error(`no running invocation ${request.invocationId}`);
      return services(request.method, request.args, request);
    });
    worker.on("message", (message: WorkerMessage) => {
      if (message.type === "result") pooled.finish?.(message.result);
    });
    worker.on("error", (error) => {
      pooled.fail?.(error);
      this.remove(pooled);
    });
    worker.on("exit", (code) => {
      pooled.fail?.(new Error(`script worker exited with code ${code}`));
      this.remove(pooled);
    });
    worker.unref();
    port1.unref();
    this.workers.push(pooled);
    return pooled;
  }

  private remove(pooled: PooledWorker): void {
    const index = this.workers.indexOf(pooled);
    if (index >= 0) this.workers.splice(index, 1);
  }

  private trim(): void {
    const idle = this.workers.filter((w) => !w.busy);
    for (const extra of idle.slice(this.keepIdle)) {
      this.remove(extra);
      void extra.worker.terminate();
    }
  }

  get size(): number {
    return this.workers.length;
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
    this.workers.length = 0;
  }
}
