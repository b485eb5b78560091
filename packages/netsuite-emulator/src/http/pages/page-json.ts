/** The `#ns-page` JSON of a page: the account, its domains and the server endpoints client scripts use. */
import type { Ctx } from "../context.js";
import { FILE_PREFIX } from "../files.js";
import type { PageJson } from "./layout.js";

export function pageJson(
  ctx: Ctx,
  page: Pick<PageJson, "context" | "mode" | "record" | "fields" | "clientScript">,
): PageJson {
  const host = ctx.state.emulator.host;
  return {
    accountId: host.accountId,
    domains: host.currentDomains,
    ...page,
    endpoints: { resolveScript: "/_emu/url/resolve-script", file: FILE_PREFIX },
  };
}
