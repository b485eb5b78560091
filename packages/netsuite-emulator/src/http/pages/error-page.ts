/**
 * The error page NetSuite shows for a request it refuses: the error code and its message, never a
 * stack trace. Messages for external Suitelets follow Oracle's "Errors Related to the Available
 * Without Login URL".
 */
import type { Ctx } from "../context.js";
import { sendHtml } from "../context.js";
import { escapeHtml } from "../render/html.js";
import { layout } from "./layout.js";

export function sendError(ctx: Ctx, status: number, code: string, message: string): void {
  const body = `<p class="ns-error-code">${escapeHtml(code)}</p><p class="ns-error-message">${escapeHtml(message)}</p>${
    ctx.origin === "app" && ctx.loggedIn ? `<p><a href="javascript:history.back()">Go Back</a></p>` : ""
  }`;
  sendHtml(
    ctx,
    status,
    layout({
      title: "Error",
      body,
      accountId: ctx.state.emulator.host.accountId,
      nav: ctx.origin === "app" && ctx.loggedIn,
      menu: ctx.state.menu,
    }),
  );
}

/** Refusals with the wording NetSuite uses. */
export const REFUSALS = {
  notAllowedDirectly: "You are not allowed to go directly to this page.",
  noPrivileges: "You do not have privileges to view this page.",
  invalidSuitelet: "That Suitelet is invalid, disabled, or no longer exists.",
  notFound: "The page you requested could not be found.",
};
