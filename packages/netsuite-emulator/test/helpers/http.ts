/** The HTTP fixture project served on free ports, a logged-in session, and request shorthands. */
import { fileURLToPath } from "node:url";
import { NetSuiteEmulator } from "../../src/emulator.js";
import { type NetSuiteServer, type ServerOptions, startNetSuiteServer } from "../../src/http/server.js";

export const HTTP_PROJECT = fileURLToPath(new URL("../fixtures/http-project/", import.meta.url));

export interface Served {
  ns: NetSuiteEmulator;
  server: NetSuiteServer;
  /** The session cookie of a logged-in user. */
  cookie: string;
  close(): Promise<void>;
}

export async function login(appUrl: string): Promise<string> {
  const res = await fetch(`${appUrl}/pages/customerlogin.jsp`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: "email=admin%40example.com&password=x&redirect=%2Fapp%2Fcenter%2Fcard.nl",
    redirect: "manual",
  });
  const cookie = res.headers.get("set-cookie")?.split(";")[0];
  if (res.status !== 303 || !cookie) throw new Error(`login failed: ${res.status}`);
  return cookie;
}

export async function serveFixture(options: ServerOptions = {}): Promise<Served> {
  const ns = await NetSuiteEmulator.open({ projectDir: HTTP_PROJECT });
  const server = await startNetSuiteServer(ns, options);
  const cookie = await login(server.appUrl);
  return {
    ns,
    server,
    cookie,
    close: async () => {
      await server.close();
      await ns.close();
    },
  };
}

/** A request to the app domain with the session (unless `cookie: ""`), redirects not followed. */
export function appFetch(
  s: Served,
  path: string,
  init: RequestInit & { cookie?: string } = {},
): Promise<Response> {
  const { cookie = s.cookie, headers, ...rest } = init;
  return fetch(`${s.server.appUrl}${path}`, {
    redirect: "manual",
    ...rest,
    headers: { ...(cookie ? { Cookie: cookie } : {}), ...(headers as Record<string, string>) },
  });
}

export const form = (values: Record<string, string>) => ({
  method: "POST",
  headers: { "Content-Type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams(values).toString(),
});
