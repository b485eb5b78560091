/**
 * Suitelets over HTTP at NetSuite's URL, `/app/site/hosting/scriptlet.nl?script=…&deploy=…`:
 * - on the app domain, for a logged-in user (internal URL);
 * - on the forms domain, only for deployments "available without login" (`isonline` T) that are
 *   Released, with the account's `compid` and the deployment's token (`ns-at`, or the older `h`).
 * The request reaches `onRequest` with query and form parameters merged; what the script writes,
 * its page (serverWidget) or its redirect is the answer. A script error is an error page.
 */
import { timingSafeEqual } from "node:crypto";
import { NsError } from "../errors.js";
import type { SuiteletRedirect, SuiteletResponseData } from "../runtime/entry/types.js";
import { clientScriptPath } from "../sdf/file-path.js";
import type { DeploymentDef, ScriptDef } from "../sdf/types.js";
import { bodyText, type Ctx, headersOf, parametersOf, readBody, redirect, sendHtml } from "./context.js";
import { clientScriptOf } from "./files.js";
import { REFUSALS, sendError } from "./pages/error-page.js";
import { layout } from "./pages/layout.js";
import { pageJson } from "./pages/page-json.js";
import { recordUrl } from "./pages/record-url.js";
import { renderFormPage } from "./render/form-page.js";

/** Headers that describe the transfer, not the content: Node sets them itself. */
const HOP_BY_HOP = new Set(["content-length", "transfer-encoding", "connection", "keep-alive"]);

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function findDeployment(ctx: Ctx): { script: ScriptDef; deployment: DeploymentDef } | undefined {
  const scriptId = (ctx.url.searchParams.get("script") ?? "").toLowerCase();
  const deployId = (ctx.url.searchParams.get("deploy") ?? "").toLowerCase();
  const script = ctx.state.emulator.project.scripts.find(
    (s) => s.type === "suitelet" && s.scriptId.toLowerCase() === scriptId,
  );
  const deployment = script?.deployments.find((d) => d.scriptId.toLowerCase() === deployId);
  return script && deployment?.isDeployed ? { script, deployment } : undefined;
}

/** Why an external request is refused, or undefined when it may run. */
function externalRefusal(ctx: Ctx, script: ScriptDef, deployment: DeploymentDef): string | undefined {
  if (!deployment.isOnline || deployment.status.toUpperCase() !== "RELEASED")
    return REFUSALS.notAllowedDirectly;
  const host = ctx.state.emulator.host;
  const compid = ctx.url.searchParams.get("compid") ?? "";
  if (compid.toUpperCase() !== host.accountId.toUpperCase()) return REFUSALS.noPrivileges;
  const token = ctx.url.searchParams.get("ns-at") ?? ctx.url.searchParams.get("h") ?? "";
  if (!sameToken(token, host.externalToken(script.scriptId, deployment.scriptId)))
    return REFUSALS.noPrivileges;
  return undefined;
}

export async function serveSuitelet(ctx: Ctx): Promise<void> {
  const found = findDeployment(ctx);
  if (!found) return sendError(ctx, 404, "SSS_INVALID_SCRIPTLET_ID", REFUSALS.invalidSuitelet);
  const { script, deployment } = found;
  if (ctx.origin === "forms") {
    const refusal = externalRefusal(ctx, script, deployment);
    if (refusal) return sendError(ctx, 403, "INSUFFICIENT_PERMISSION", refusal);
  }
  const body = bodyText(await readBody(ctx));
  const headers = headersOf(ctx);
  // The session cookie is the server's, not the script's.
  delete headers.cookie;
  let response: SuiteletResponseData;
  try {
    response = await ctx.state.emulator.invokeSuitelet(script.scriptId, deployment.scriptId, {
      method: ctx.req.method ?? "GET",
      url: ctx.url.href,
      parameters: parametersOf(ctx, body),
      headers,
      body,
      clientIpAddress: ctx.req.socket.remoteAddress ?? "127.0.0.1",
      // The forms domain serves visitors who are not logged in; the app domain, the session's user.
      user: ctx.origin === "forms" ? "anonymous" : ctx.state.emulator.defaultUser,
    });
  } catch (error) {
    const e =
      error instanceof NsError ? error : new NsError("UNEXPECTED_ERROR", String((error as Error).message));
    return sendError(ctx, e.name === "INSUFFICIENT_PERMISSION" ? 403 : 500, e.name, e.message);
  }
  if (response.redirect) return redirect(ctx, redirectUrl(ctx, response.redirect), 302);
  if (response.page) {
    const page = response.page;
    const path = page.clientScriptModulePath
      ? clientScriptPath(page.clientScriptModulePath, script.scriptFile, ctx.state.emulator.project.manifest)
      : undefined;
    const html = layout({
      title: page.title || script.name,
      body: renderFormPage(page, { action: ctx.url.pathname + ctx.url.search }),
      accountId: ctx.state.emulator.host.accountId,
      nav: ctx.origin === "app",
      menu: ctx.state.menu,
      page: pageJson(ctx, {
        context: "suitelet",
        mode: null,
        record: null,
        fields: Object.fromEntries(
          page.fields.map((f) => [f.id, { type: f.type.toLowerCase(), label: f.label }]),
        ),
        clientScript: clientScriptOf(path),
      }),
    });
    return sendHtml(ctx, response.code, html);
  }
  const out: Record<string, string> = { "Content-Type": "text/html; charset=utf-8" };
  for (const [name, value] of Object.entries(response.headers)) {
    if (HOP_BY_HOP.has(name.toLowerCase())) continue;
    const existing = Object.keys(out).find((k) => k.toLowerCase() === name.toLowerCase());
    if (existing) delete out[existing];
    out[name] = value;
  }
  ctx.res.writeHead(response.code, out);
  ctx.res.end(response.body);
}

/** Where a Suitelet's redirect (response.sendRedirect or N/redirect) points. */
export function redirectUrl(ctx: Ctx, r: SuiteletRedirect): string {
  const host = ctx.state.emulator.host;
  const params = new URLSearchParams(r.parameters ?? {}).toString();
  const withParams = (url: string) => (params ? `${url}${url.includes("?") ? "&" : "?"}${params}` : url);
  switch (r.type.toUpperCase()) {
    case "URL":
      return withParams(r.identifier);
    case "RECORD":
      return withParams(recordUrl(r.identifier, r.id ?? null, r.editMode === true));
    case "SUITELET": {
      const deploymentId = (r as { deploymentId?: string }).deploymentId ?? r.id ?? "";
      const path = `/app/site/hosting/scriptlet.nl?script=${encodeURIComponent(r.identifier)}&deploy=${encodeURIComponent(deploymentId)}`;
      if (!(r as { isExternal?: boolean }).isExternal) return withParams(path);
      const token = host.externalToken(r.identifier, deploymentId);
      return withParams(
        `${host.currentDomains.forms}${path}&compid=${encodeURIComponent(host.accountId)}&ns-at=${encodeURIComponent(token)}`,
      );
    }
    default:
      // Task links and other targets: the home page.
      return "/app/center/card.nl";
  }
}
