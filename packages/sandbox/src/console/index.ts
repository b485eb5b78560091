/**
 * The sandbox console: one page on its own port (node:http, no framework) showing NetSuite customers
 * beside their Stripe customers, the logs and the runs, with buttons to start a run. Read-only except
 * for those buttons, which only call `deps.actions`.
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { readCustomers } from "./customers.js";
import { redactSecrets } from "./html.js";
import { readLogs } from "./logs.js";
import { type PageContext, renderConsole, renderError } from "./render.js";
import type { ConsoleDeps } from "./types.js";

export type { ConsoleAccount, ConsoleDeps, RunView } from "./types.js";

type Action = keyof ConsoleDeps["actions"];
const ACTIONS: Record<string, { action: Action; label: string }> = {
  "/runs/mass-sync": { action: "massSync", label: "The mass sync" },
  "/runs/payment-methods": { action: "refreshPaymentMethods", label: "The default payment method refresh" },
};

function send(res: ServerResponse, status: number, body: string, nonce: string, headers = {}): void {
  res.writeHead(status, {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "no-store",
    // Escaping is the defence; the policy is a second one: no script but the page's own, forms post here.
    "Content-Security-Policy": `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'nonce-${nonce}'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
    "X-Content-Type-Options": "nosniff",
    // same-origin, not no-referrer: with no-referrer the browser posts `Origin: null` and the check fails.
    "Referrer-Policy": "same-origin",
    ...headers,
  });
  res.end(body);
}

/** A POST from another site's page must not start a run: its Origin, when sent, must be this host. */
function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

function message(error: unknown): string {
  return redactSecrets(error instanceof Error ? error.message : String(error));
}

export function startConsole(
  deps: ConsoleDeps,
  options: { port: number; host?: string },
): Promise<{ url: string; close(): Promise<void> }> {
  // A run that refuses to start (or fails) rejects after the redirect: the page shows it until the next start.
  let notice: string | null = null;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const nonce = randomBytes(16).toString("base64");
    const ctx: PageContext = {
      netsuiteUrl: deps.netsuiteUrl,
      stripeUrl: deps.stripeUrl,
      accounts: deps.accounts.map((a) => a.name),
      nonce,
    };
    const url = new URL(req.url ?? "/", "http://console");
    const method = req.method ?? "GET";
    try {
      const action = ACTIONS[url.pathname];
      if (action) {
        if (method !== "POST") {
          send(
            res,
            405,
            renderError(ctx, "Method not allowed", "Start a run with the page's buttons."),
            nonce,
            {
              Allow: "POST",
            },
          );
          return;
        }
        if (!sameOrigin(req)) {
          send(res, 403, renderError(ctx, "Forbidden", "Runs start from the console's own page."), nonce);
          return;
        }
        req.resume(); // the form has no fields worth reading
        notice = null;
        // Not awaited: a run takes minutes; the page shows its progress through deps.runs().
        deps.actions[action.action]().catch((error: unknown) => {
          notice = `${action.label} could not run: ${message(error)}`;
        });
        res.writeHead(303, { Location: "/#runs", "Cache-Control": "no-store" });
        res.end();
        return;
      }
      if (url.pathname !== "/") {
        send(res, 404, renderError(ctx, "Not found", `There is no page at ${url.pathname}.`), nonce);
        return;
      }
      if (method !== "GET" && method !== "HEAD") {
        send(res, 405, renderError(ctx, "Method not allowed", "This page is read with GET."), nonce, {
          Allow: "GET, HEAD",
        });
        return;
      }
      const page = Number.parseInt(url.searchParams.get("page") ?? "1", 10);
      const customers = await readCustomers(deps, {
        query: (url.searchParams.get("q") ?? "").trim(),
        page: Number.isFinite(page) ? page : 1,
      });
      const logs = readLogs(deps);
      const runs = deps.runs();
      const ms = Math.round(performance.now() - started);
      const body = renderConsole(ctx, { customers, logs, runs, notice, ms });
      send(res, 200, body, nonce, { "Server-Timing": `read;dur=${ms}` });
    } catch (error) {
      send(res, 500, renderError(ctx, "The console could not show this page", message(error)), nonce);
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      // Only a failure while writing the answer gets here; the connection is all that is left to end.
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    const host = options.host ?? "127.0.0.1";
    server.listen(options.port, host, () => {
      server.off("error", reject);
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            server.closeAllConnections();
          }),
      });
    });
  });
}
