/** The Stripe side: the emulator over HTTPS with the local certificate, SDK clients of it, its test switches. */
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { type StripeEmulator, type StripeEmulatorOptions, startStripeEmulator } from "@nss/stripe-emulator";
import Stripe from "stripe";
import { CERT, TLS_KEY } from "./tls.js";

/** The Stripe emulator over HTTPS with the local certificate, on any free port unless given. */
export const startStripe = (options: StripeEmulatorOptions = {}): Promise<StripeEmulator> =>
  startStripeEmulator({ port: 0, tls: { key: TLS_KEY, cert: CERT }, ...options });

/** An SDK client for `key`: of the emulator (trusting the local certificate), or of real Stripe without one. */
export function stripeClient(key: string, emulator?: Pick<StripeEmulator, "url" | "port">): Stripe {
  if (!emulator) return new Stripe(key);
  return new Stripe(key, {
    host: new URL(emulator.url).hostname.replace(/^\[|\]$/g, ""),
    port: emulator.port,
    protocol: "https",
    httpAgent: new HttpsAgent({ ca: CERT }),
  });
}

/** A Stripe emulator test switch (`/_emulator/<path>`), JSON in and out; an HTTP error status rejects. */
export type EmulatorAdmin = (
  path: string,
  init?: { method?: string; body?: unknown; key?: string },
) => Promise<unknown>;

/** The test switches of the emulator at `baseUrl` (HTTPS with the local certificate). */
export function emulatorAdmin(baseUrl: string): EmulatorAdmin {
  return (path, init = {}) =>
    new Promise((resolve, reject) => {
      const body = init.body === undefined ? undefined : JSON.stringify(init.body);
      const req = httpsRequest(
        `${baseUrl}/_emulator/${path}`,
        {
          method: init.method ?? "POST",
          ca: CERT,
          headers: {
            ...(body ? { "Content-Type": "application/json" } : {}),
            ...(init.key ? { Authorization: `Bearer ${init.key}` } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8");
            const status = res.statusCode ?? 0;
            if (status >= 400)
              reject(new Error(`${init.method ?? "POST"} /_emulator/${path}: ${status} ${text}`));
            else resolve(text ? JSON.parse(text) : null);
          });
        },
      );
      req.on("error", reject);
      req.end(body);
    });
}
