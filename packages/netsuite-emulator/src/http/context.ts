/**
 * What every route of the HTTP server gets: the request, its parsed URL, which origin it came to
 * (the account's app domain, which needs a session, or its external forms domain, which does not) and
 * the emulator; plus the small helpers routes share to read bodies and answer.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { NetSuiteEmulator } from "../emulator.js";
import { NsError } from "../errors.js";
import type { MenuLink } from "./pages/menu-links.js";
import type { Sessions } from "./session.js";

export type Origin = "app" | "forms";

export interface ServerState {
  emulator: NetSuiteEmulator;
  sessions: Sessions;
  /** Where the browser-side client runtime was built (dist/client). */
  clientDir: string;
  /** Largest request body accepted, bytes. */
  maxBodyBytes: number;
  /** Map/reduce and scheduled runs started from the deployments page, by `script/deploy`. */
  runs: Map<string, RunState>;
  /** The center links of the project's Suitelet deployments (SDF `<links>`), for the menu. */
  menu: MenuLink[];
}

export interface RunState {
  status: "PROCESSING" | "COMPLETE" | "FAILED";
  startedAt: number;
  finishedAt?: number;
  detail?: string;
}

export interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  origin: Origin;
  state: ServerState;
  /** Whether the request carries a valid session cookie. */
  loggedIn: boolean;
}

export function sendHtml(ctx: Ctx, status: number, html: string): void {
  ctx.res.writeHead(status, {
    "Content-Type": "text/html; charset=utf-8",
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  });
  ctx.res.end(html);
}

export function sendText(ctx: Ctx, status: number, text: string, type = "text/plain; charset=utf-8"): void {
  ctx.res.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store" });
  ctx.res.end(text);
}

/** 303 after a POST (the browser then GETs), 302 otherwise. */
export function redirect(ctx: Ctx, location: string, status = ctx.req.method === "POST" ? 303 : 302): void {
  ctx.res.writeHead(status, { Location: location, "Cache-Control": "no-store" });
  ctx.res.end();
}

/** The request body; a body over the limit is refused before it is all read. */
export async function readBody(ctx: Ctx): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    size += (chunk as Buffer).length;
    if (size > ctx.state.maxBodyBytes) {
      throw new NsError(
        "SSS_REQUEST_TOO_LARGE",
        `The request body is larger than ${ctx.state.maxBodyBytes} bytes.`,
      );
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The body as text; bytes that are not UTF-8 are a malformed request, not replacement characters. */
export function bodyText(body: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    throw new NsError("INVALID_REQUEST_BODY", "The request body is not valid UTF-8 text.");
  }
}

export function isFormBody(ctx: Ctx): boolean {
  return (ctx.req.headers["content-type"] ?? "")
    .toLowerCase()
    .startsWith("application/x-www-form-urlencoded");
}

/** Query parameters, then form fields of a form-encoded body (a form field wins), as NetSuite merges them. */
export function parametersOf(ctx: Ctx, body: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of ctx.url.searchParams) out[k] = v;
  if (isFormBody(ctx)) for (const [k, v] of new URLSearchParams(body)) out[k] = v;
  return out;
}

/** Request headers as one string each (repeated headers joined), names as Node gives them (lower case). */
export function headersOf(ctx: Ctx): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(ctx.req.headers)) {
    if (v !== undefined) out[k] = Array.isArray(v) ? v.join(", ") : v;
  }
  return out;
}
