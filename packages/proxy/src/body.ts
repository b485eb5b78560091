/**
 * The webhook fast path's body (listener.ts), refused as soon as it passes the limit: by
 * Content-Length before reading, else while streaming. Hono's `bodyLimit`, which the Hono routes use,
 * cannot serve here: it reads `Request.body`, and on Node touching that makes the adapter build a
 * whole web `Request` and stream for it, work this path does not need.
 */
import type { IncomingMessage, ServerResponse } from "node:http";

export type Body = Buffer | "too_large";

/** Reads a body from Node's request. */
export function readIncomingBody(incoming: IncomingMessage, limit: number): Promise<Body> {
  if (Number(incoming.headers["content-length"]) > limit) return Promise.resolve("too_large");
  // Nothing more would arrive: waiting for 'end' would hang the request.
  if (incoming.readableEnded || incoming.destroyed) {
    return Promise.reject(new Error("The request body was already read or the client went away."));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      incoming.off("data", onData);
      incoming.off("end", onEnd);
      incoming.off("error", onError);
      incoming.off("close", onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      stop();
      // Left paused: the adapter drains (or cuts) the rest once the 413 is sent.
      incoming.pause();
      resolve("too_large");
    };
    const onEnd = () => {
      stop();
      resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    const onClose = () => onError(new Error("The client closed the connection before the body ended."));
    incoming.on("data", onData);
    incoming.on("end", onEnd);
    incoming.on("error", onError);
    incoming.on("close", onClose);
  });
}

/** A body's unread rest is read and dropped within these, else the connection is closed. */
const DRAIN_TIMEOUT_MS = 500;
const MAX_DRAIN_BYTES = 64 * 1024 * 1024;

/**
 * Once the answer is out, drops what the client still sends of a body the proxy did not read (it
 * refused first, or stopped at the limit), so the connection can carry the next request; a client
 * that keeps sending is cut off. The same bounds as @hono/node-server's for the routes it serves.
 */
export function discardUnreadBody(incoming: IncomingMessage, outgoing: ServerResponse): void {
  outgoing.once("close", () => {
    if (incoming.readableEnded || incoming.destroyed) return;
    let bytes = 0;
    const done = () => {
      clearTimeout(timer);
      incoming.off("data", count);
      incoming.off("end", done);
      incoming.off("error", done);
    };
    const cut = () => {
      done();
      incoming.socket?.destroySoon();
    };
    const count = (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > MAX_DRAIN_BYTES) cut();
    };
    const timer = setTimeout(cut, DRAIN_TIMEOUT_MS);
    timer.unref();
    incoming.on("data", count);
    incoming.on("end", done);
    incoming.on("error", done);
    incoming.resume();
  });
}
