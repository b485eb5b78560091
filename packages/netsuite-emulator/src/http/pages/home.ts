/**
 * The login page (the emulated account has one user, the Administrator: any password is accepted,
 * the point is the session) and the home page with links to everything.
 */
import { bodyText, type Ctx, readBody, redirect, sendHtml } from "../context.js";
import { escapeHtml } from "../render/html.js";
import { Sessions } from "../session.js";
import { layout, menuLinksHtml } from "./layout.js";
import { CUSTOMER_LIST, listUrl } from "./record-url.js";
import { EXECUTION_LOG, SCRIPTS_PAGE } from "./scripts.js";

export const LOGIN_PAGE = "/pages/customerlogin.jsp";
export const LOGOUT_PAGE = "/pages/nllogoutnoback.jsp";
export const HOME_PAGE = "/app/center/card.nl";

/** Only a path on this server: a login link must not send the user elsewhere. */
function localPath(target: string | null): string {
  return target && /^\/(?!\/)/.test(target) && !target.includes("\\") ? target : HOME_PAGE;
}

export async function serveLogin(ctx: Ctx): Promise<void> {
  if (ctx.req.method === "POST") {
    const form = new URLSearchParams(bodyText(await readBody(ctx)));
    const token = ctx.state.sessions.create();
    ctx.res.setHeader("Set-Cookie", Sessions.cookie(token));
    return redirect(ctx, localPath(form.get("redirect")));
  }
  const target = localPath(ctx.url.searchParams.get("redirect"));
  const body = `<form class="ns-login" method="POST" action="${LOGIN_PAGE}">
<input type="hidden" name="redirect" value="${escapeHtml(target)}">
<div class="ns-field"><label class="ns-label" for="email">Email</label><input type="email" id="email" name="email" autocomplete="username" value="admin@example.com"></div>
<div class="ns-field"><label class="ns-label" for="password">Password</label><input type="password" id="password" name="password" autocomplete="current-password" value="emulator"></div>
<p>The emulated account has one user, the Administrator; any password logs in.</p>
<button type="submit" class="ns-button ns-submit" id="login">Log In</button></form>`;
  sendHtml(
    ctx,
    200,
    layout({ title: "Log In", body, accountId: ctx.state.emulator.host.accountId, nav: false }),
  );
}

export function serveLogout(ctx: Ctx): void {
  ctx.state.sessions.end(ctx.state.sessions.of(ctx.req));
  ctx.res.setHeader("Set-Cookie", Sessions.cookie(null));
  redirect(ctx, LOGIN_PAGE);
}

/** The Suitelet deployments' center links (SDF `<links>`, pages/menu-links.ts), by category. */
function suiteAppLinks(ctx: Ctx): string {
  const menu = ctx.state.menu;
  if (menu.length === 0) return "";
  const categories = [...new Set(menu.map((l) => l.category))];
  const items = categories
    .map(
      (c) =>
        `<li><span class="ns-link-category">${escapeHtml(c)}</span><ul>${menu
          .filter((l) => l.category === c)
          .map((l) => `<li>${menuLinksHtml([l], "ns-home-link")}</li>`)
          .join("")}</ul></li>`,
    )
    .join("");
  return `<h2>Links</h2><ul id="ns-suiteapp-links">${items}</ul>`;
}

export function serveHome(ctx: Ctx): void {
  const { project } = ctx.state.emulator;
  const link = (href: string, label: string) =>
    `<li><a href="${escapeHtml(href)}">${escapeHtml(label)}</a></li>`;
  const body = `<p>Project <strong>${escapeHtml(project.manifest.projectName)}</strong> ${escapeHtml(project.manifest.projectVersion ?? "")}</p>
<ul>${link(CUSTOMER_LIST, "Customers")}${project.customRecordTypes.map((t) => link(listUrl(t.scriptId), t.recordName)).join("")}${link(SCRIPTS_PAGE, "Script deployments")}${link(EXECUTION_LOG, "Execution log")}</ul>${suiteAppLinks(ctx)}`;
  sendHtml(
    ctx,
    200,
    layout({
      title: "Home",
      body,
      accountId: ctx.state.emulator.host.accountId,
      nav: true,
      menu: ctx.state.menu,
    }),
  );
}
