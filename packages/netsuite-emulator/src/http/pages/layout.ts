/**
 * The HTML document every page shares: the account bar and menu (app domain only), server-side
 * messages in the same markup the browser's N/ui/message uses, the page's JSON for client scripts,
 * and the client runtime when the page has a client script.
 */
import { attr, escapeHtml } from "../render/html.js";
import type { MenuLink } from "./menu-links.js";
import { STYLE } from "./style.js";

export type MessageType = "CONFIRMATION" | "INFORMATION" | "WARNING" | "ERROR";

export interface PageMessage {
  type: MessageType;
  title: string;
  message: string;
}

/** What client scripts read from `#ns-page` (client/README contract). */
export interface PageJson {
  accountId: string;
  domains: { app: string; forms: string; restlets: string; system: string };
  context: "record" | "suitelet";
  mode: "view" | "edit" | "create" | null;
  record: {
    type: string;
    id: number | null;
    values: Record<string, unknown>;
    texts: Record<string, string | null>;
  } | null;
  fields: Record<string, { type: string; label: string }>;
  clientScript: { url: string; path: string } | null;
  endpoints: { resolveScript: string; file: string };
}

export interface LayoutOptions {
  title: string;
  body: string;
  accountId: string;
  /** The menu and account bar: on the app domain, not on external (forms) pages. */
  nav: boolean;
  /** Suitelet center links (SDF `<links>`): a second menu row when there are any. */
  menu?: MenuLink[];
  messages?: PageMessage[];
  page?: PageJson;
}

export function renderMessage(m: PageMessage): string {
  const type = m.type.toLowerCase();
  return `<div class="ns-message ns-message-${type}" role="alert" data-type="${m.type}"><strong class="ns-message-title">${escapeHtml(m.title)}</strong> <span class="ns-message-text">${escapeHtml(m.message)}</span></div>`;
}

/** JSON inside a <script> element: `<` escaped so no value can close the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

const MENU: [string, string][] = [
  ["Home", "/app/center/card.nl"],
  ["Customers", "/app/common/entity/custjoblist.nl"],
  ["Custom Records", "/app/common/custom/custrecords.nl"],
  ["Scripts", "/app/common/scripting/scriptrecordlist.nl"],
  ["Execution Log", "/app/common/scripting/executionlog.nl"],
];

/** The project's Suitelet links (pages/menu-links.ts), each with its center category. */
export function menuLinksHtml(menu: readonly MenuLink[], cls: string): string {
  return menu
    .map(
      (l) =>
        `<a${attr({ class: cls, href: l.href, "data-link-category": l.category, "data-deployment": l.deploymentId, title: l.category })}>${escapeHtml(l.label)}</a>`,
    )
    .join("");
}

function navBar(accountId: string, menu: readonly MenuLink[]): string {
  const links = MENU.map(([label, href]) => `<a href="${href}">${label}</a>`).join("");
  const suiteApp =
    menu.length > 0
      ? `<nav class="ns-menu-links" aria-label="SuiteApp links"><strong>SuiteApp</strong>${menuLinksHtml(menu, "ns-menu-link")}</nav>`
      : "";
  return `<header class="ns-header"><span class="ns-brand">NetSuite emulator</span><span class="ns-account">${escapeHtml(accountId)} · Administrator</span><nav class="ns-menu">${links}<a href="/pages/nllogoutnoback.jsp">Log Out</a></nav></header>${suiteApp}`;
}

export function layout(o: LayoutOptions): string {
  const messages = (o.messages ?? []).map(renderMessage).join("");
  const page = o.page
    ? `<script type="application/json" id="ns-page">${scriptJson(o.page)}</script><script type="module" src="/_emu/client/runtime.js"></script>`
    : "";
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,"><title>${escapeHtml(o.title)}</title><style>${STYLE}</style></head>
<body>${o.nav ? navBar(o.accountId, o.menu ?? []) : ""}<main class="ns-main"><h1 class="ns-title">${escapeHtml(o.title)}</h1>
<div id="ns-messages">${messages}</div>
${o.body}</main>${page}</body></html>`;
}
