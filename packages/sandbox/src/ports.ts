/**
 * Which server listens where: the console on the base port, the rest on the next ones, so one
 * `--port` moves them all. Checked before anything starts, so a port in use is a clear message
 * instead of a half-started system.
 */
import { createServer } from "node:net";

export interface PortPlan {
  console: number;
  netsuiteApp: number;
  netsuiteForms: number;
  /** The Stripe emulator's API over HTTPS (N/https calls only https URLs). */
  stripeApi: number;
  /** The same emulator over plain HTTP: the dashboard and portal pages a browser opens. */
  stripePages: number;
  /** The proxy NetSuite seals through (HTTPS). */
  proxySeal: number;
  /** The proxy Stripe delivers webhooks to (HTTP). */
  proxyWebhooks: number;
}

const ORDER: (keyof PortPlan)[] = [
  "console",
  "netsuiteApp",
  "netsuiteForms",
  "stripeApi",
  "stripePages",
  "proxySeal",
  "proxyWebhooks",
];

export const PORT_NAMES: Record<keyof PortPlan, string> = {
  console: "the console",
  netsuiteApp: "the NetSuite emulator (app domain)",
  netsuiteForms: "the NetSuite emulator (forms domain)",
  stripeApi: "the Stripe emulator (API, HTTPS)",
  stripePages: "the Stripe emulator (pages, HTTP)",
  proxySeal: "the webhook proxy (sealing, HTTPS)",
  proxyWebhooks: "the webhook proxy (Stripe deliveries)",
};

/** Base 0 gives every server a free port of its own (tests). */
export function planPorts(base: number): PortPlan {
  return Object.fromEntries(ORDER.map((name, i) => [name, base === 0 ? 0 : base + i])) as unknown as PortPlan;
}

export class PortInUseError extends Error {
  constructor(
    readonly port: number,
    readonly what: string,
  ) {
    super(`Port ${port} (${what}) is in use. Stop what uses it, or choose other ports with --port <P>.`);
  }
}

/** Throws PortInUseError for the first planned port something else holds. */
export async function checkPorts(plan: PortPlan, host: string): Promise<void> {
  for (const name of ORDER) {
    const port = plan[name];
    if (port === 0) continue;
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once("error", () => resolve(false));
      probe.listen(port, host, () => probe.close(() => resolve(true)));
    });
    if (!free) throw new PortInUseError(port, PORT_NAMES[name]);
  }
}
