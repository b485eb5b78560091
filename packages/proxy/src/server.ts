/**
 * Runs the app on Node's HTTP server. `close()` is a graceful stop: the listener closes at once,
 * idle keep-alive connections are dropped, requests in flight finish (each is bounded by the forward
 * timeout), and only after a grace period are remaining connections cut; then the keep-alive
 * connections to NetSuite are closed.
 */
import { createServer as createHttpServer, type Server } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { createProxyHandlers, type ProxyDeps } from "./app.js";
import type { ProxyConfig } from "./config.js";
import { createForwarder } from "./forward.js";
import { createLogger } from "./log.js";

export interface RunningProxy {
  /** Base URL to reach the proxy locally, e.g. `http://127.0.0.1:8787`. */
  url: string;
  port: number;
  /** Stops accepting, lets requests in flight finish, then resolves. */
  close(): Promise<void>;
}

export async function startProxy(config: ProxyConfig, deps: ProxyDeps = {}): Promise<RunningProxy> {
  const logger = deps.logger ?? createLogger({ level: config.logLevel });
  const forwarder = deps.forward === undefined ? createForwarder() : undefined;
  const { listener } = createProxyHandlers(config, {
    ...deps,
    logger,
    forward: deps.forward ?? forwarder?.forward,
  });
  const server: Server = config.tls ? createHttpsServer(config.tls, listener) : createHttpServer(listener);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  // Stripe sends small bodies at once: a client trickling its request is cut off rather than held.
  server.headersTimeout = 15_000;
  server.requestTimeout = 30_000;
  const { port } = server.address() as AddressInfo;
  const url = `${config.tls ? "https" : "http"}://${localHost(config.host)}:${port}`;
  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        // In-flight requests end within the forward timeout; give them that plus a margin.
        const grace = setTimeout(() => server.closeAllConnections(), config.forwardTimeoutMs + 1000);
        grace.unref();
        server.close(() => {
          clearTimeout(grace);
          forwarder?.close();
          resolve();
        });
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}

/** The address to print for a bind address: a wildcard bind is reachable on loopback. */
function localHost(host: string): string {
  if (host === "0.0.0.0" || host === "") return "127.0.0.1";
  if (host === "::") return "[::1]";
  return host.includes(":") ? `[${host}]` : host;
}
