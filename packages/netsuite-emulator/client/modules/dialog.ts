/**
 * N/ui/dialog: a simple modal (`#ns-dialog`, buttons `#ns-dialog-ok` / `#ns-dialog-cancel`, or
 * `#ns-dialog-button-{i}` for create). Each call returns a Promise of the chosen button's value;
 * dialogs queue one after another, as they cannot stack on one page here.
 */
import { element } from "../dom.js";
import { options } from "../errors.js";

interface Button {
  label: string;
  value: unknown;
  id: string;
}

let queue: Promise<unknown> = Promise.resolve();

function open(title: string, message: string, buttons: Button[]): Promise<unknown> {
  const shown = queue.then(
    () =>
      new Promise<unknown>((resolve) => {
        const overlay = element("div", "ns-dialog-overlay");
        overlay.style.cssText =
          "position:fixed;inset:0;background:rgba(0,0,0,.35);display:flex;align-items:center;justify-content:center;z-index:1000";
        const box = document.createElement("div");
        box.id = "ns-dialog";
        box.setAttribute("role", "dialog");
        box.setAttribute("aria-modal", "true");
        box.style.cssText =
          "background:#fff;padding:16px 20px;min-width:320px;max-width:560px;border-radius:4px;box-shadow:0 4px 20px rgba(0,0,0,.3)";
        const bar = element("div", "ns-dialog-buttons");
        for (const b of buttons) {
          const btn = document.createElement("button");
          btn.type = "button";
          btn.id = b.id;
          btn.textContent = b.label;
          btn.addEventListener("click", () => {
            overlay.remove();
            resolve(b.value);
          });
          bar.append(btn, " ");
        }
        box.append(element("h2", "ns-dialog-title", title), element("p", "ns-dialog-message", message), bar);
        overlay.append(box);
        document.body.append(overlay);
        (bar.querySelector("button") as HTMLButtonElement | null)?.focus();
      }),
  );
  queue = shown.catch(() => undefined);
  return shown;
}

function texts(arg: unknown): [string, string] {
  const o = options(arg);
  return [String(o.title ?? ""), String(o.message ?? "")];
}

export function createDialogModule(): Record<string, unknown> {
  return {
    alert: (arg: unknown) => open(...texts(arg), [{ label: "OK", value: true, id: "ns-dialog-ok" }]),
    confirm: (arg: unknown) =>
      open(...texts(arg), [
        { label: "OK", value: true, id: "ns-dialog-ok" },
        { label: "Cancel", value: false, id: "ns-dialog-cancel" },
      ]),
    create: (arg: unknown) => {
      const list = options(arg).buttons;
      const buttons =
        Array.isArray(list) && list.length > 0
          ? list.map((b: { label?: unknown; value?: unknown }, i) => ({
              label: String(b.label ?? ""),
              value: b.value,
              id: `ns-dialog-button-${i}`,
            }))
          : [{ label: "OK", value: true, id: "ns-dialog-ok" }];
      return open(...texts(arg), buttons);
    },
  };
}
