/**
 * Files the browser loads: the client runtime (`/_emu/client/…`, built from client/) and File
 * Cabinet files (`/_emu/file/<path>`: client scripts and what they import). Only files inside their
 * folder, never dotfiles; anything else is a 404.
 */
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";

export { resolveModulePath } from "../sdf/file-path.js";

import type { Ctx } from "./context.js";
import { REFUSALS, sendError } from "./pages/error-page.js";

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".html": "text/html; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".map": "application/json; charset=utf-8",
};

export const FILE_PREFIX = "/_emu/file";
export const CLIENT_PREFIX = "/_emu/client/";

export function clientScriptOf(path: string | undefined): { url: string; path: string } | null {
  return path ? { url: `${FILE_PREFIX}${path}`, path } : null;
}

/** `root` + the URL's path below `prefix`, or undefined when it would leave `root` or names a dotfile. */
function inside(root: string, rest: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rest);
  } catch {
    return undefined;
  }
  if (decoded.includes("\0") || decoded.split("/").some((p) => p.startsWith("."))) return undefined;
  const full = normalize(join(root, decoded));
  return full.startsWith(root.endsWith(sep) ? root : root + sep) ? full : undefined;
}

export async function serveFile(ctx: Ctx, root: string, rest: string): Promise<void> {
  const full = inside(root, rest);
  const type = full ? TYPES[extname(full).toLowerCase()] : undefined;
  if (
    !full ||
    !type ||
    !(await stat(full).then(
      (s) => s.isFile(),
      () => false,
    ))
  ) {
    return sendError(ctx, 404, "FILE_NOT_FOUND", REFUSALS.notFound);
  }
  ctx.res.writeHead(200, {
    "Content-Type": type,
    "Cache-Control": "no-cache",
    "X-Content-Type-Options": "nosniff",
  });
  ctx.res.end(await readFile(full));
}
