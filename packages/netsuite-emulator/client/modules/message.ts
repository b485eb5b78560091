/**
 * N/ui/message: banners in `#ns-messages`. `Type` holds Oracle's values (0–3, as NetSuite's client
 * module has them); the type names are accepted too.
 */
import { type BannerType, showBanner } from "../banner.js";
import { NsError, options } from "../errors.js";

export const Type = Object.freeze({ CONFIRMATION: 0, INFORMATION: 1, WARNING: 2, ERROR: 3 });
const NAMES: BannerType[] = ["CONFIRMATION", "INFORMATION", "WARNING", "ERROR"];

function typeName(type: unknown): BannerType {
  if (typeof type === "number" && NAMES[type]) return NAMES[type];
  const upper = String(type ?? "").toUpperCase();
  const found = NAMES.find((n) => n === upper);
  if (found) return found;
  throw new NsError("SSS_INVALID_TYPE_ARG", `message.create: invalid type ${String(type)}`);
}

function create(arg: unknown) {
  const o = options(arg);
  const type = typeName(o.type);
  const title = o.title === undefined || o.title === null ? "" : String(o.title);
  const text = o.message === undefined || o.message === null ? "" : String(o.message);
  let el: HTMLElement | undefined;
  let timer: number | undefined;
  const message = {
    type,
    title,
    message: text,
    show(showArg?: unknown) {
      const duration = Number(options(showArg).duration ?? o.duration ?? 0);
      if (!el?.isConnected) el = showBanner(type, title, text);
      window.clearTimeout(timer);
      if (duration > 0) timer = window.setTimeout(() => message.hide(), duration);
    },
    hide() {
      window.clearTimeout(timer);
      el?.remove();
      el = undefined;
    },
    toString: () => "message.Message",
  };
  return message;
}

export function createMessageModule(): Record<string, unknown> {
  return { Type, create };
}
