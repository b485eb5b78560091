/**
 * Login sessions of the emulated account's one user (the Administrator). A session is a random token
 * in an HttpOnly, SameSite=Lax cookie, kept in memory: restarting the server logs everyone out.
 */
import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";

export const SESSION_COOKIE = "JSESSIONID";

export class Sessions {
  private readonly tokens = new Set<string>();

  create(): string {
    const token = randomBytes(24).toString("base64url");
    this.tokens.add(token);
    return token;
  }

  end(token: string | undefined): void {
    if (token) this.tokens.delete(token);
  }

  /** The request's session token when it is a live one. */
  of(req: IncomingMessage): string | undefined {
    const token = cookie(req, SESSION_COOKIE);
    return token !== undefined && this.tokens.has(token) ? token : undefined;
  }

  /** The Set-Cookie header of a session (or of its removal). */
  static cookie(token: string | null): string {
    return token === null
      ? `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`
      : `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax`;
  }
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
