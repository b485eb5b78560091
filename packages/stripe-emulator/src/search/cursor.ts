// The opaque `page` cursor of a search: where the previous page ended, bound to the query it
// answered. It names the last object returned (id and `created`) rather than an offset, so objects
// created between two page requests do not shift later pages.
import { createHash } from "node:crypto";

export interface SearchCursor {
  /** Id of the last object on the previous page. */
  readonly id: string;
  /** Its `created`, to resume after it if it has since been deleted. */
  readonly created: number;
}

const VERSION = 1;

/** Binds a cursor to one endpoint and query text: the SDK resends the query verbatim. */
export function cursorScope(url: string, query: string): string {
  return createHash("sha256").update(`${url}\n${query}`).digest("base64url").slice(0, 16);
}

export function encodeCursor(scope: string, cursor: SearchCursor): string {
  return Buffer.from(JSON.stringify([VERSION, scope, cursor.id, cursor.created])).toString("base64url");
}

export type DecodedCursor =
  | { ok: true; cursor: SearchCursor }
  | { ok: false; reason: "malformed" | "other_query" };

export function decodeCursor(page: string, scope: string): DecodedCursor {
  if (!/^[A-Za-z0-9_-]+$/.test(page)) return { ok: false, reason: "malformed" };
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(page, "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (!Array.isArray(parsed) || parsed.length !== 4) return { ok: false, reason: "malformed" };
  const [version, pageScope, id, created]: unknown[] = parsed;
  if (
    version !== VERSION ||
    typeof pageScope !== "string" ||
    typeof id !== "string" ||
    typeof created !== "number" ||
    !Number.isFinite(created)
  ) {
    return { ok: false, reason: "malformed" };
  }
  if (pageScope !== scope) return { ok: false, reason: "other_query" };
  return { ok: true, cursor: { id, created } };
}
