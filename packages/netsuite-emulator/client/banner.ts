/**
 * Message banners in `#ns-messages`, in the markup the server uses for its own messages. Script text
 * only ever goes in through textContent.
 */

import { element } from "./dom.js";

export type BannerType = "CONFIRMATION" | "INFORMATION" | "WARNING" | "ERROR";

function container(): HTMLElement {
  let el = document.getElementById("ns-messages");
  if (!el) {
    // A page without the container still shows the message (at the top of the body).
    el = document.createElement("div");
    el.id = "ns-messages";
    document.body.prepend(el);
  }
  return el;
}

export function showBanner(type: BannerType, title: string, message: string): HTMLElement {
  const div = element("div", `ns-message ns-message-${type.toLowerCase()}`);
  div.setAttribute("role", "alert");
  div.dataset.type = type;
  div.append(element("strong", "ns-message-title", title), " ", element("span", "ns-message-text", message));
  container().append(div);
  return div;
}

/** An uncaught script error: to the console (with its stack) and as an ERROR banner, never swallowed. */
export function reportError(error: unknown, where?: string): void {
  console.error(where ? `[client script] ${where}:` : "[client script]", error);
  const e = error as { name?: unknown; message?: unknown } | null;
  const name = e && typeof e === "object" && e.name ? String(e.name) : "Error";
  const message = e && typeof e === "object" && e.message !== undefined ? String(e.message) : String(error);
  showBanner("ERROR", name, message);
}
