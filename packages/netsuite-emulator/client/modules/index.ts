/** The N/* modules a client script can have in the browser; anything else is refused by name. */
import { createCurrentRecordModule } from "../current-record.js";
import { unsupported } from "../errors.js";
import { createDialogModule } from "./dialog.js";
import { createHttpsModule } from "./https.js";
import { createMessageModule } from "./message.js";
import { createErrorModule, createLogModule, createRuntimeModule } from "./misc.js";
import { createUrlModule } from "./url.js";

const FACTORIES: Record<string, () => Record<string, unknown>> = {
  "N/currentRecord": createCurrentRecordModule,
  "N/url": createUrlModule,
  "N/https": () => createHttpsModule("N/https"),
  "N/http": () => createHttpsModule("N/http"),
  "N/ui/message": createMessageModule,
  "N/ui/dialog": createDialogModule,
  "N/log": createLogModule,
  "N/runtime": createRuntimeModule,
  "N/error": createErrorModule,
};

const made = new Map<string, Record<string, unknown>>();

export function nModule(name: string): Record<string, unknown> {
  const id = name.replace(/\.js$/, "");
  const cached = made.get(id);
  if (cached) return cached;
  const factory = FACTORIES[id];
  if (!factory) throw unsupported(id);
  const module = Object.freeze(factory());
  made.set(id, module);
  return module;
}
