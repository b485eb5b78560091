/**
 * The emulated account over HTTP. Two listeners, as NetSuite has two domains: the app domain (login,
 * record pages, lists, internal Suitelets) and the external forms domain (Suitelets available
 * without login, with their token). Scripts' N/url answers with these URLs once they listen.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import type { NetSuiteEmulator } from "../emulator.js";
import { NsError } from "../errors.js";
import { type Ctx, type Origin, redirect, type ServerState, sendText } from "./context.js";
import { CLIENT_PREFIX, FILE_PREFIX, serveFile } from "./files.js";
import { REFUSALS, sendError } from "./pages/error-page.js";
import { HOME_PAGE, LOGIN_PAGE, LOGOUT_PAGE, serveHome, serveLogin, serveLogout } from "./pages/home.js";
import { serveCustomerList, serveCustomRecordList, serveCustomRecordTypes } from "./pages/lists.js";
import { suiteletLinks } from "./pages/menu-links.js";
import { serveRecordPage } from "./pages/record-page.js";
import { CUSTOM_RECORD_LIST, CUSTOM_RECORD_PAGE, CUSTOMER_LIST, CUSTOMER_PAGE } from "./pages/record-url.js";
import {
  EXECUTION_LOG,
  RUN_SCRIPT,
  runNow,
  SCRIPTS_PAGE,
  serveExecutionLog,
  serveScripts,
} from "./pages/scripts.js";
import { Sessions } from "./session.js";
import { serveSuitelet } from "./suitelet-route.js";

export const SUITELET_PATH = "/app/site/hosting/scriptlet.nl";
const RESOLVE_SCRIPT = "/_emu/url/resolve-script";
const CUSTOM_RECORD_TYPES = "/app/common/custom/custrecords.nl";

export interface ServerOptions {
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  /** App domain port (default 0: any free port). */
  port?: number;
  /** External forms domain port (default 0: any free port). */
  formsPort?: number;
  /** Largest request body, bytes (default 10 MB). */
  maxBodyBytes?: number;
}

export interface NetSuiteServer {
  /** `http://127.0.0.1:8080`: log in, record pages, internal Suitelets. */
  appUrl: string;
  /** `http://127.0.0.1:8081`: Suitelets available without login. */
  formsUrl: string;
  close(): Promise<void>;
}

/** GET pages of the app domain, for a logged-in user. */
const PAGES: Record<string, (ctx: Ctx) => void | Promise<void>> = {
  "/": (ctx) => redirect(ctx, HOME_PAGE),
  [HOME_PAGE]: serveHome,
  [CUSTOMER_PAGE]: (ctx) => serveRecordPage(ctx, true),
  [CUSTOM_RECORD_PAGE]: (ctx) => serveRecordPage(ctx, false),
  [CUSTOMER_LIST]: serveCustomerList,
  [CUSTOM_RECORD_LIST]: serveCustomRecordList,
  [CUSTOM_RECORD_TYPES]: serveCustomRecordTypes,
  [SCRIPTS_PAGE]: serveScripts,
  [EXECUTION_LOG]: serveExecutionLog,
  [SUITELET_PATH]: serveSuitelet,
  [RUN_SCRIPT]: (ctx) =>
    ctx.req.method === "POST"
      ? runNow(ctx)
      : sendError(ctx, 405, "METHOD_NOT_ALLOWED", "Run a deployment with POST."),
  [RESOLVE_SCRIPT]: resolveScript,
};

/** `N/url.resolveScript` for client scripts that ask for an external URL (its token is the server's to give). */
function resolveScript(ctx: Ctx): void {
  const host = ctx.state.emulator.host;
  const scriptId = ctx.url.searchParams.get("scriptId") ?? "";
  const deploymentId = ctx.url.searchParams.get("deploymentId") ?? "";
  const script = ctx.state.emulator.project.scripts.find(
    (s) => s.scriptId.toLowerCase() === scriptId.toLowerCase(),
  );
  if (!script?.deployments.some((d) => d.scriptId.toLowerCase() === deploymentId.toLowerCase())) {
    sendText(ctx, 404, `SSS_INVALID_SCRIPT_ID_1: no deployment ${deploymentId} of script ${scriptId}.`);
    return;
  }
  const path = `${SUITELET_PATH}?script=${encodeURIComponent(script.scriptId)}&deploy=${encodeURIComponent(deploymentId)}`;
  if (ctx.url.searchParams.get("external") !== "T") {
    sendText(ctx, 200, path);
    return;
  }
  const token = host.externalToken(script.scriptId, deploymentId);
  sendText(
    ctx,
    200,
    `${host.currentDomains.forms}${path}&compid=${encodeURIComponent(host.accountId)}&ns-at=${encodeURIComponent(token)}`,
  );
}

async function route(ctx: Ctx): Promise<void> {
  const path = ctx.url.pathname;
  const { state } = ctx;
  // Browsers ask for it on pages a Suitelet wrote itself; there is none.
  if (path === "/favicon.ico") return void ctx.res.writeHead(204).end();
  if (path.startsWith(CLIENT_PREFIX))
    return serveFile(ctx, state.clientDir, path.slice(CLIENT_PREFIX.length));
  if (path.startsWith(`${FILE_PREFIX}/`)) {
    return serveFile(ctx, state.emulator.project.fileCabinet, path.slice(FILE_PREFIX.length + 1));
  }
  if (ctx.origin === "forms") {
    return path === SUITELET_PATH
      ? serveSuitelet(ctx)
      : sendError(ctx, 404, "PAGE_NOT_FOUND", REFUSALS.notFound);
  }
  if (path === LOGIN_PAGE) return serveLogin(ctx);
  if (path === LOGOUT_PAGE) return serveLogout(ctx);
  const page = PAGES[path];
  if (!page) return sendError(ctx, 404, "PAGE_NOT_FOUND", REFUSALS.notFound);
  if (!ctx.loggedIn) {
    if (ctx.req.method === "GET")
      return redirect(ctx, `${LOGIN_PAGE}?redirect=${encodeURIComponent(path + ctx.url.search)}`);
    return sendError(ctx, 401, "SESSION_TIMED_OUT", "You must log in before accessing this page.");
  }
  return page(ctx);
}

const STATUS_OF: Record<string, number> = { SSS_REQUEST_TOO_LARGE: 413, INVALID_REQUEST_BODY: 400 };

function handler(state: ServerState, origin: Origin, base: () => string) {
  return (req: IncomingMessage, res: ServerResponse) => {
    let url: URL;
    try {
      url = new URL(req.url ?? "/", base());
    } catch {
      res.writeHead(400, { "Content-Type": "text/plain; charset=utf-8" }).end("Malformed request URL.");
      return;
    }
    const ctx: Ctx = { req, res, url, origin, state, loggedIn: state.sessions.of(req) !== undefined };
    route(ctx).catch((error: unknown) => {
      const e =
        error instanceof NsError
          ? error
          : new NsError("UNEXPECTED_ERROR", String((error as Error)?.message ?? error));
      if (res.headersSent) return void res.destroy();
      sendError(ctx, STATUS_OF[e.name] ?? 500, e.name, e.message);
    });
  };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

export async function startNetSuiteServer(
  emulator: NetSuiteEmulator,
  options: ServerOptions = {},
): Promise<NetSuiteServer> {
  const host = options.host ?? "127.0.0.1";
  const state: ServerState = {
    emulator,
    sessions: new Sessions(),
    // dist/client from src/http (tests) and dist/http alike.
    clientDir: fileURLToPath(new URL("../../dist/client/", import.meta.url)),
    maxBodyBytes: options.maxBodyBytes ?? 10 * 1024 * 1024,
    runs: new Map(),
    menu: suiteletLinks(emulator.project),
  };
  let appUrl = "";
  let formsUrl = "";
  const app = createServer(handler(state, "app", () => appUrl));
  const forms = createServer(handler(state, "forms", () => formsUrl));
  const urlHost = host.includes(":") ? `[${host}]` : host;
  try {
    appUrl = `http://${urlHost}:${await listen(app, options.port ?? 0, host)}`;
    formsUrl = `http://${urlHost}:${await listen(forms, options.formsPort ?? 0, host)}`;
  } catch (error) {
    app.close();
    forms.close();
    throw error;
  }
  emulator.host.setDomains({ app: appUrl, forms: formsUrl, restlets: appUrl, system: appUrl });
  const close = (s: Server) =>
    new Promise<void>((resolve) => {
      s.close(() => resolve());
      s.closeAllConnections();
    });
  return {
    appUrl,
    formsUrl,
    close: async () => {
      await Promise.all([close(app), close(forms)]);
    },
  };
}
