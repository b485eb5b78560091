/** With `tls`, the emulator serves HTTPS: what NetSuite's N/https (https:// only) can call. */
import { readFileSync } from "node:fs";
import { Agent } from "node:https";
import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { startStripeEmulator } from "../src/index.js";
import { portalSession } from "./helpers.js";

const pem = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const tls = { key: pem("key.pem"), cert: pem("cert.pem") };

/** The SDK over https, trusting the fixture certificate. */
const stripeOverTls = (key: string, port: number) =>
  new Stripe(key, { host: "127.0.0.1", port, protocol: "https", httpAgent: new Agent({ ca: tls.cert }) });

/** A new customer's billing portal session, on an emulator with a default portal configuration. */
const newCustomersSession = async (stripe: Stripe, email: string) =>
  portalSession(stripe, (await stripe.customers.create({ email })).id);

describe("the emulator over TLS", () => {
  it("serves the API over https with the given certificate", async () => {
    const emulator = await startStripeEmulator({ tls });
    try {
      expect(emulator.url).toBe(`https://127.0.0.1:${emulator.port}`);
      const stripe = stripeOverTls("sk_test_tls", emulator.port);
      const customer = await stripe.customers.create({ email: "tls@example.com" });
      expect((await stripe.customers.retrieve(customer.id)) as Stripe.Customer).toMatchObject({
        email: "tls@example.com",
      });
      // A client that does not trust the certificate is refused by TLS itself.
      await expect(fetch(`${emulator.url}/_emulator/health`)).rejects.toThrow();
    } finally {
      await emulator.close();
    }
  });

  it("with httpPort, also serves plain HTTP, and with portalOnHttp builds portal session URLs on it", async () => {
    const emulator = await startStripeEmulator({
      tls,
      httpPort: 0,
      portalOnHttp: true,
      defaultPortalConfiguration: true,
    });
    try {
      expect(emulator.url).toBe(`https://127.0.0.1:${emulator.port}`);
      expect(emulator.pagesUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(emulator.pagesUrl).not.toBe(`http://127.0.0.1:${emulator.port}`);
      const session = await newCustomersSession(
        stripeOverTls("sk_test_tlsPages", emulator.port),
        "pages@example.com",
      );
      expect(session.url.startsWith(`${emulator.pagesUrl}/p/session/`)).toBe(true);
      // A browser opens the portal page and the dashboard over plain HTTP, no certificate involved.
      const portal = await fetch(session.url);
      expect(portal.status).toBe(200);
      expect(await portal.text()).toContain("Add card");
      expect((await fetch(`${emulator.pagesUrl}/`)).status).toBe(200);
    } finally {
      await emulator.close();
    }
  });

  it("keeps portal session URLs on https without portalOnHttp; without httpPort, pagesUrl is the API's URL", async () => {
    const withPages = await startStripeEmulator({ tls, httpPort: 0, defaultPortalConfiguration: true });
    const alone = await startStripeEmulator({ tls });
    try {
      expect(alone.pagesUrl).toBe(alone.url);
      expect(withPages.pagesUrl).not.toBe(withPages.url);
      const stripe = stripeOverTls("sk_test_tlsHttpsPortal", withPages.port);
      const session = await newCustomersSession(stripe, "https-portal@example.com");
      expect(session.url.startsWith(`${withPages.url}/p/session/`)).toBe(true);
    } finally {
      await withPages.close();
      await alone.close();
    }
  });
});
